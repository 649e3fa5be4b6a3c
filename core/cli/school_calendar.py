"""``school-calendar list [--json]`` and ``school-calendar set YEAR TERM START END [--kind
kindergarten]``: the term dates routine visits are planned in.

``list`` prints this school year's and the next one's terms (and every year with stored dates),
for the schools ("all") and kindergartens; ``--json`` prints
``[{"year": "2026-2027", "kind": "all", "term": "autumn", "start": "…", "end": "…"}]``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from core.cli import arguments
from core.i18n import _
from core.office.school_terms import (
    ALL,
    KIND_LABELS,
    KINDS,
    TERM_LABELS,
    TERMS,
    SchoolCalendar,
    current_school_year,
    school_year_of,
)


def add_school_calendar_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``school-calendar`` to an ``add_subparsers()`` object; returns its parser."""
    parser = commands.add_parser(
        "school-calendar",
        help="学期日期（经常性督导只安排在学期内）：查看或修改",
        epilog=arguments.examples(
            "supervision-desk school-calendar list",
            "supervision-desk school-calendar set 2026-2027 spring 2027-02-22 2027-07-09",
            "supervision-desk school-calendar set 2026-2027 autumn 2026-09-01 2027-01-22"
            " --kind kindergarten",
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="列出本学年和下学年的学期日期")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    setting = actions.add_parser("set", help="修改一个学期的开始和结束日期")
    setting.add_argument("year", metavar="YEAR", help="学年，如 2026-2027")
    setting.add_argument(
        "term", choices=TERMS, metavar="TERM", help="autumn（秋季）或 spring（春季）"
    )
    setting.add_argument("start", type=arguments.day, metavar="START", help="开始日期 YYYY-MM-DD")
    setting.add_argument("end", type=arguments.day, metavar="END", help="结束日期 YYYY-MM-DD")
    setting.add_argument(
        "--kind", choices=KINDS, default=ALL, help="all：中小学（默认）；kindergarten：幼儿园"
    )
    setting.add_argument("--json", action="store_true", help="输出 JSON")
    return parser


def _term_lines(terms: SchoolCalendar, years: list[int]) -> list[str]:
    lines: list[str] = []
    for term in terms.terms(years):
        if term.stored:
            source = _("本县日期")
        elif terms.term(term.year, term.term).stored:
            source = _("同中小学")
        else:
            source = _("默认日期，请按本县校历修改")
        lines.append(
            _(
                "{year}学年 {kind} {term}：{start} 至 {end}（{source}）",
                year=term.school_year,
                kind=KIND_LABELS[term.kind],
                term=TERM_LABELS[term.term],
                start=term.start,
                end=term.end,
                source=source,
            )
        )
    return lines


def cmd_school_calendar(args: argparse.Namespace, out: TextIO) -> int:
    """List the terms or change one; print them (Chinese text or JSON)."""
    from core.cli.database import open_checked
    from core.office.school_terms import set_term
    from db.migrate import ensure_schema

    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        if args.action == "set":
            year = school_year_of(args.year)
            set_term(db, year, args.term, args.start, args.end, args.kind)
        terms = SchoolCalendar.load(db)
    finally:
        db.dispose()
    current = current_school_year(date.today())
    years = sorted({current, current + 1} | {stored[0] for stored in terms.stored})
    if args.action == "set":
        years = [school_year_of(args.year)]
    listed = terms.terms(years)
    if args.json:
        json.dump([t.as_json() for t in listed], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        head = _("已保存。") if args.action == "set" else ""
        out.write((head + "\n" if head else "") + "\n".join(_term_lines(terms, years)) + "\n")
    return 0
