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
from core.i18n import _, joined


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
    return arguments.read_text_file(path, "file", _("通知"))


def _days(days: list[Any]) -> str:
    if not days:
        return _("无")
    return joined((_("{month}月{day}日", month=d.month, day=d.day) for d in days), "、", ", ")


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
            lines: list[str] = [_("{year}年节假日安排：", year=parse.year)]
            for festival in parse.festivals:
                lines.append(
                    "  "
                    + _(
                        "{festival}：放假 {holidays}；调休上班 {workdays}",
                        festival=festival.name,
                        holidays=_days(list(festival.holidays)),
                        workdays=_days(list(festival.workdays)),
                    )
                )
            lines.append(
                _("试导入（--dry-run）：没有保存。")
                if args.dry_run
                else _("已保存，{year}年的节假日安排已完整。", year=parse.year)
            )
        else:
            known = year_holidays(db, args.year)
            data = known.as_json()
            lines = [
                _(
                    "{year}年节假日安排：{status}（来源：{source}）",
                    year=known.year,
                    status=CERTAINTY_LABELS[known.status],
                    source=SOURCE_LABELS[known.source],
                ),
                _("放假：{days}", days=_days(known.holidays)),
                _("调休上班：{days}", days=_days(known.workdays)),
            ]
    finally:
        db.dispose()
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n".join(lines) + "\n")
    return 0
