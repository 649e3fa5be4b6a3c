"""``report KIND ... --out FILE.pdf`` on the command line.

:func:`add_report_parser` adds the sub-command to ``core.cli.commands``'s parser and
:func:`cmd_report` runs it. Options a kind does not use are accepted and ignored, so scripts can
pass the same options to every kind — except ``--paper A3``, which the kinds that print on A4
only refuse. What the reader should know about the PDF (a character no font has) follows the
"已生成" line. ReportLab is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from core.cli import arguments
from core.cli.database import open_checked
from core.i18n import Text, _
from core.reports import REPORT_KINDS

TEXT_OPTIONS = {
    "opening": "专项督导报告开头一段的文本文件（UTF-8 或 GBK；默认按数据生成），下同",
    "highlights": "“二、亮点”的文本文件",
    "issues": "“三、问题整改及效果”中主要问题及整改效果的文本文件（表中数字按数据填写）",
    "suggestions": "“四、下一步工作建议”的文本文件",
}
"""The 专项督导报告's texts a file can replace, by section (see core.reports.topic_text)."""


def add_report_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``report`` to ``commands`` (the object ``add_subparsers`` returned); returns it."""
    kinds = "；".join(f"{kind}：{title}" for kind, title in REPORT_KINDS.items())
    report = commands.add_parser(
        "report",
        help="生成 PDF 报表（花名册、公示牌、督导安排、迎检进度、年度统计等）",
        epilog=arguments.examples(
            "supervision-desk report schedule --month 2026-12 --out 12月督导安排.pdf",
            "supervision-desk report topic --topic 双减 --from 2026-10-09 --to 2026-10-23 "
            "--highlights 亮点.txt --out 双减专项督导报告.pdf",
            "supervision-desk report school-inspection --school 青溪县城关中学 "
            "--from 2025-09-01 --out 综合督导报告.pdf",
        ),
    )
    report.add_argument("kind", choices=list(REPORT_KINDS), metavar="KIND", help=kinds)
    report.add_argument(
        "--month", type=arguments.month_text, metavar="YYYY-MM", help="月份（按月的报表）"
    )
    report.add_argument(
        "--year", type=arguments.year, metavar="YYYY", help="年度（培训学时、年度统计；默认今年）"
    )
    report.add_argument(
        "--school",
        metavar="NAME",
        help="只生成这所学校（园）的（公示牌、整改通知书；档案资料清单、综合督导报告必填，"
        "综合督导报告也可给学校编号）",
    )
    report.add_argument(
        "--campaign",
        metavar="NAME",
        help="迎检工作（档案资料清单、迎检进度表；默认最近开始的进行中的一项）",
    )
    report.add_argument(
        "--topic", metavar="TOPIC", help="专项督导的主题（专项督导报告；默认最近的一次专项督导）"
    )
    report.add_argument(
        "--from",
        dest="start",
        type=arguments.day,
        metavar="YYYY-MM-DD",
        help="期间的第一天（专项督导报告：不给起止日期时取该主题最近的一次，也可用 --month 或"
        " --year；综合督导报告：默认校（园）长本届任期）",
    )
    report.add_argument(
        "--to",
        dest="end",
        type=arguments.day,
        metavar="YYYY-MM-DD",
        help="期间的最后一天（专项督导报告；综合督导报告：默认本届任期届满日，已届满的到今天）",
    )
    report.add_argument("--addressee", metavar="TEXT", help="主送机关（专项督导报告；默认不写）")
    for key, help_text in TEXT_OPTIONS.items():
        report.add_argument(
            f"--{key}", dest=f"text_{key}", type=Path, metavar="FILE.txt", help=help_text
        )
    report.add_argument("--zone", metavar="NAME", help="只含这个责任区的学校（督导工作安排表）")
    report.add_argument("--inspector", metavar="NAME", help="只含这名督学的督导（督导工作安排表）")
    report.add_argument(
        "--visit",
        type=arguments.record_id,
        metavar="ID",
        help="按这次督导填写（督导记录表；不给则为空白表）",
    )
    report.add_argument(
        "--problem", type=arguments.record_id, metavar="ID", help="这个问题的整改通知书"
    )
    report.add_argument(
        "--paper",
        type=str.upper,
        choices=("A4", "A3"),
        default="A4",
        help="纸张（花名册、公示牌、督导工作安排表可用 A3；默认 A4）",
    )
    report.add_argument(
        "--date",
        type=arguments.day,
        metavar="YYYY-MM-DD",
        help="按这一天统计（默认今天），也作为打印日期",
    )
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF 文件")
    report.add_argument("--json", action="store_true", help="输出 JSON")
    return report


def _texts(args: argparse.Namespace) -> dict[str, str]:
    """The texts of the 专项督导报告 given on the command line, by section."""
    from core.reports.topic_text import SECTIONS

    texts = {}
    if args.addressee is not None:
        texts["addressee"] = args.addressee
    for key in TEXT_OPTIONS:
        path = getattr(args, f"text_{key}")
        if path is not None:
            # The section's Chinese name, or in English the option that named the file.
            label = Text(SECTIONS[key], f"--{key}")
            texts[key] = arguments.read_text_file(path, key, label)
    return texts


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    """Write the report the arguments ask for and say where it is; returns the exit code."""
    from core.reports import write_report
    from db.migrate import ensure_schema

    warnings: list[str] = []
    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        path = write_report(
            db,
            args.kind,
            args.out.expanduser().absolute(),
            today=args.date or date.today(),
            year=args.year,
            month=args.month,
            school=args.school,
            paper=args.paper,
            zone=args.zone,
            inspector=args.inspector,
            visit=args.visit,
            problem=args.problem,
            campaign=args.campaign,
            topic=args.topic,
            start=args.start,
            end=args.end,
            texts=_texts(args),
            warnings=warnings,
        )
    finally:
        db.dispose()
    if args.json:
        json.dump({"file": str(path), "warnings": warnings}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    out.write(_("已生成：{file}", file=path) + "\n")
    for line in warnings:
        out.write(line + "\n")
    return 0
