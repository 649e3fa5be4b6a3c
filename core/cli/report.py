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
from core.i18n import _
from core.reports import REPORT_KINDS


def add_report_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``report`` to ``commands`` (the object ``add_subparsers`` returned); returns it."""
    kinds = "；".join(f"{kind}：{title}" for kind, title in REPORT_KINDS.items())
    report = commands.add_parser(
        "report",
        help="生成 PDF 报表（花名册、公示牌、督导安排、迎检进度、年度统计等）",
        epilog=arguments.examples(
            "supervision-desk report schedule --month 2026-12 --out 12月督导安排.pdf",
            "supervision-desk report roster --paper A3 --out 督学花名册.pdf",
            "supervision-desk report sign --school 青溪县城关中学 --out 公示牌.pdf",
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
        help="只生成这所学校（园）的（公示牌、整改通知书；档案资料清单必填）",
    )
    report.add_argument(
        "--campaign",
        metavar="NAME",
        help="迎检工作（档案资料清单、迎检进度表；默认最近开始的进行中的一项）",
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
