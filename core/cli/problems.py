"""``list problems [--date YYYY-MM-DD] [--school NAME] [--json]``: the problems with their ids
(for ``report rectification-notice|supervision-notice|interview --problem ID``), tier, status,
deadline, notice, and the steps taken after escalation (督办, 约谈, 通报, 问责, reports up), as the
整改 page shows them on that day."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from core.cli import arguments

LIST_SUBJECTS = ("problems",)


def add_list_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``list`` to an ``add_subparsers()`` object; returns its parser."""
    listing = commands.add_parser(
        "list",
        help="列出整改问题（含编号、类别、状态和督办、约谈等）",
        epilog=arguments.examples(
            "supervision-desk list problems",
            "supervision-desk list problems --school 青溪县城关中学",
            "supervision-desk list problems --date 2026-12-31 --json",
        ),
    )
    listing.add_argument("subject", choices=LIST_SUBJECTS, metavar="WHAT", help="problems")
    listing.add_argument("--school", metavar="NAME", help="只列这所学校（园）的问题")
    listing.add_argument(
        "--date", type=arguments.day, metavar="YYYY-MM-DD", help="按这一天判断是否逾期（默认今天）"
    )
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    return listing


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """Print the problems (Chinese lines or JSON)."""
    from core.casework.actions import action_rows_in
    from core.casework.rectification import rows_in
    from core.cli.database import open_checked
    from core.errors import refusal
    from db.migrate import ensure_schema

    today = args.date or date.today()
    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        with db.session() as session:
            rows = rows_in(session, today)
            school = (args.school or "").strip()
            if school:
                rows = [r for r in rows if r.school == school]
                if not rows:
                    raise refusal("school", "学校", f"“{school}”没有整改问题")
            steps = {r.id: action_rows_in(session, r.id) for r in rows}
    finally:
        db.dispose()
    if args.json:
        data = [
            {
                "id": r.id,
                "school": r.school,
                "found_on": r.found_on.isoformat(),
                "category": r.category_label,
                "description": r.description,
                "status": r.status_label,
                "deadline": r.deadline.isoformat() if r.deadline else None,
                "overdue": r.overdue,
                "notice_no": r.notice_no,
                "steps": [
                    {"day": s.day.isoformat(), "kind": s.kind, "number": s.number, "text": s.text}
                    for s in steps[r.id]
                ],
            }
            for r in rows
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for r in rows:
        late = "，逾期" if r.overdue else ""
        deadline = f"，期限 {r.deadline:%Y-%m-%d}" if r.deadline else ""
        notice = f"，{r.notice_no}" if r.notice_no else ""
        out.write(
            f"{r.id}\t{r.school}\t{r.category_label}\t{r.status_label}{late}{deadline}{notice}\t"
            f"{r.description}\n"
        )
        for s in steps[r.id]:
            out.write(f"\t{s.day:%Y-%m-%d} {s.text}\n")
    return 0
