"""``holidays import NOTICE.txt [--year Y] [--dry-run] [--json]`` and ``holidays list --year Y
[--json]``: next year's holidays from the State Council's notice, and what is known of a year.

``list --json`` prints ``{"year": …, "status": "complete"|"provisional"|"missing", "source": …,
"holidays": [dates], "workdays": [weekend dates that are workdays]}``. ``import`` saves every day
of the notice and marks the year complete, or — when a section cannot be read — lists those
sections and saves nothing (exit 1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from core.cli import arguments


def add_holidays_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``holidays`` to an ``add_subparsers()`` object; returns its parser."""
    parser = commands.add_parser(
        "holidays",
        help="节假日安排：导入国务院办公厅通知，查看某年的安排",
        epilog=arguments.examples(
            "supervision-desk holidays list --year 2027",
            "supervision-desk holidays import 2027年节假日通知.txt --dry-run",
            "supervision-desk holidays import 2027年节假日通知.txt --json",
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import", help="从通知全文（文本文件）导入某年的放假和调休上班日"
    )
    importing.add_argument("file", type=Path, metavar="NOTICE.txt", help="通知全文，UTF-8 文本")
    importing.add_argument("--year", type=arguments.year, help="年份（默认取通知标题中的年份）")
    importing.add_argument("--dry-run", action="store_true", help="只检查和预览，不保存")
    importing.add_argument("--json", action="store_true", help="输出 JSON")
    listing = actions.add_parser("list", help="某年已知的放假和调休上班日，以及来源和可靠程度")
    listing.add_argument("--year", type=arguments.year, required=True, help="年份")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    return parser


def _read(path: Path) -> str:
    return arguments.read_text_file(path, "file", "通知")


def _days(days: list[Any]) -> str:
    return "、".join(f"{d.month}月{d.day}日" for d in days) or "无"


def cmd_holidays(args: argparse.Namespace, out: TextIO) -> int:
    """Import a notice or list a year; print the result (Chinese text or JSON)."""
    from core.cli.database import open_checked
    from core.office.holiday_notice import SOURCE_LABELS, import_notice, year_holidays
    from core.office.workdays import CERTAINTY_LABELS
    from db.migrate import ensure_schema

    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        if args.action == "import":
            parse = import_notice(db, _read(args.file), args.year, save=not args.dry_run)
            data: dict[str, Any] = {**parse.as_json(), "saved": not args.dry_run}
            lines = [f"{parse.year}年节假日安排："]
            for festival in parse.festivals:
                lines.append(
                    f"  {festival.name}：放假 {_days(list(festival.holidays))}；"
                    f"调休上班 {_days(list(festival.workdays))}"
                )
            lines.append(
                "试导入（--dry-run）：没有保存。"
                if args.dry_run
                else f"已保存，{parse.year}年的节假日安排已完整。"
            )
        else:
            known = year_holidays(db, args.year)
            data = known.as_json()
            lines = [
                f"{known.year}年节假日安排：{CERTAINTY_LABELS[known.status]}"
                f"（来源：{SOURCE_LABELS[known.source]}）",
                f"放假：{_days(known.holidays)}",
                f"调休上班：{_days(known.workdays)}",
            ]
    finally:
        db.dispose()
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n".join(lines) + "\n")
    return 0
