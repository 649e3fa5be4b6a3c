"""``ics --month YYYY-MM [--inspector NAME] --out DIR_OR_FILE [--reminder] [--json]``: the
month's calendar files for the inspectors' phones — every inspector with a visit that month into
the folder ``--out``, one file each named by inspector, or one inspector's file (into ``--out``
itself when it ends in ``.ics``). UIDs stay the same across exports and regeneration, so a phone
that imports the month again updates its events instead of doubling them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from core.cli import arguments
from core.i18n import n_


def add_ics_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``ics`` to an ``add_subparsers()`` object; returns its parser."""
    parser = commands.add_parser(
        "ics",
        help="导出督学手机日历文件（.ics）：每名督学一个文件，重新导入不会重复",
        epilog=arguments.examples(
            "supervision-desk ics --month 2026-12 --out 督学日历",
            "supervision-desk ics --month 2026-12 --inspector 王建国 --out 王建国.ics",
            "supervision-desk ics --month 2027-01 --out 督学日历 --reminder --json",
        ),
    )
    parser.add_argument(
        "--month", required=True, type=arguments.month, metavar="YYYY-MM", help="要导出的月份"
    )
    parser.add_argument("--inspector", metavar="NAME", help="只导出这名督学（默认全部督学）")
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR_OR_FILE",
        help="保存的文件夹（或 .ics 文件）",
    )
    parser.add_argument("--reminder", action="store_true", help="每次督导前一天 18:00 提醒")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    return parser


def cmd_ics(args: argparse.Namespace, out: TextIO) -> int:
    """Write the files; list them (Chinese text or JSON)."""
    from core.calendar.ics import export_month_ics
    from core.cli.database import open_checked
    from db.migrate import ensure_schema

    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        year, month = args.month
        written = export_month_ics(
            db,
            year,
            month,
            args.out.expanduser().absolute(),
            inspector=args.inspector,
            reminder=args.reminder,
        )
    finally:
        db.dispose()
    if args.json:
        files = [
            {"inspector": f.inspector, "file": str(f.path), "events": f.events} for f in written
        ]
        json.dump(files, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        lines: list[str] = [
            n_(
                "{year}年{month}月督导安排已导出 {n} 个日历文件：",
                len(written),
                year=year,
                month=month,
            )
        ]
        lines += [
            "  " + n_("{inspector}（{n} 项）：{file}", f.events, inspector=f.inspector, file=f.path)
            for f in written
        ]
        out.write("\n".join(lines) + "\n")
    return 0
