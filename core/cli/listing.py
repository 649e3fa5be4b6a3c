"""``list schools|inspectors|visits|problems|complaints`` on the command line: find things and
the ids that other commands take (``report visit-form --visit ID``).

``--filter`` finds rows as the lists of the GUI do (:mod:`core.search.matching`: several words in
any order, pinyin in full or by initials); ``--month YYYY-MM`` narrows visits, problems and
complaints to a month (visits default to the current month) and ``--school NAME`` to one school;
``--status`` takes a status code or its Chinese label; ``--date`` is the day the rows are judged
on (overdue problems). ``--json`` prints a list of objects: ``id`` and ``name`` for schools and
inspectors, ``id``, ``date`` and ``school`` for visits, problems and complaints; a problem also
carries its tier, deadline, notice and the steps after escalation (督办, 约谈, 通报, 问责, reports
up) — the ids ``report … --problem ID`` takes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from core.casework.complaints import ComplaintState
from core.cli import arguments
from core.enums import (
    Employment,
    InspectorStatus,
    LabelledEnum,
    ProblemStatus,
    SchoolKind,
    VisitStatus,
)
from core.errors import refusal
from core.i18n import _, english, joined, n_
from core.search.matching import matches, pinyin_order, query_words, search_key

if TYPE_CHECKING:
    from db.engine import Database

KINDS = ("schools", "inspectors", "visits", "problems", "complaints")
DATED = ("visits", "problems", "complaints")


class SchoolState(LabelledEnum):
    """Whether a school is in use (the list's --status for schools)."""

    ACTIVE = "active", "在用"
    INACTIVE = "inactive", "停用"


STATUSES: dict[str, type[LabelledEnum]] = {
    "schools": SchoolState,
    "inspectors": InspectorStatus,
    "visits": VisitStatus,
    "problems": ProblemStatus,
    "complaints": ComplaintState,
}


@dataclass(frozen=True)
class Listed:
    """One row found: its JSON object, its line of text, what it is found by, its status."""

    data: dict[str, Any]
    line: str
    texts: tuple[str, ...]
    status: str
    order: tuple[Any, ...]


def add_list_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``list`` to an ``add_subparsers()`` object; returns its parser."""
    listing = commands.add_parser(
        "list",
        help="列出学校、督学、督导、整改问题或投诉（含其他命令要用的编号）",
        epilog=arguments.examples(
            "supervision-desk list schools --filter cgzx",
            "supervision-desk list visits --month 2026-12 --status planned",
            "supervision-desk list problems --school 青溪县城关中学 --json",
        ),
    )
    listing.add_argument("kind", choices=KINDS, metavar="KIND", help="、".join(KINDS))
    listing.add_argument(
        "--filter",
        default="",
        metavar="TEXT",
        help="只列出含这些词的（空格分开，次序不限；可用拼音全拼或首字母，如 cgzx）",
    )
    listing.add_argument(
        "--month",
        type=arguments.month,
        metavar="YYYY-MM",
        help="只列出这个月的督导、问题或投诉（督导默认本月）",
    )
    listing.add_argument(
        "--school", metavar="NAME", help="只列出这所学校（园）的督导、问题或投诉（全名）"
    )
    listing.add_argument(
        "--date",
        type=arguments.day,
        metavar="YYYY-MM-DD",
        help="按这一天判断（如问题是否逾期；默认今天）",
    )
    listing.add_argument(
        "--status",
        metavar="S",
        help="只列出这一状态的（如 planned 或 计划；学校：在用/停用；投诉：待核实/已核实/已答复）",
    )
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    return listing


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """Print the rows of ``args.kind`` that match the filter, month and status."""
    from core.cli.database import open_checked
    from db.migrate import ensure_schema

    status = _status(args.kind, args.status)
    for option, given in (("month", args.month), ("school", args.school)):
        if given and args.kind not in DATED:
            raise refusal(
                option,
                f"--{option}",
                _("{option} 只能用于 visits、problems、complaints", option=f"--{option}"),
            )
    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        rows = READERS[args.kind](db, args.date or date.today(), args.month)
    finally:
        db.dispose()
    school = (args.school or "").strip()
    if school:
        rows = [row for row in rows if row.data["school"] == school]
        if not rows:
            raise refusal("school", "--school", _nothing_at(args.kind, school))
    words = query_words(args.filter)
    found = sorted(
        (
            row
            for row in rows
            if (status is None or row.status == status) and matches(search_key(row.texts), words)
        ),
        key=lambda row: row.order,
    )
    if args.json:
        json.dump([row.data for row in found], out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    else:
        out.writelines(row.line + "\n" for row in found)
        out.write(n_("共 {n} 条。", len(found)) + "\n")
    return 0


def _nothing_at(kind: str, school: str) -> str:
    """The refusal of ``--school`` naming a school with no rows of ``kind``."""
    if kind == "visits":
        return _("“{school}”没有督导", school=school)
    if kind == "problems":
        return _("“{school}”没有整改问题", school=school)
    return _("“{school}”没有投诉", school=school)


def _status(kind: str, text: str | None) -> str | None:
    """The status code asked for, by code or label (Chinese or English); a refusal naming the
    choices."""
    if not text:
        return None
    enum = STATUSES[kind]
    for member in enum:
        if text.strip() in (member.value, member.chinese_label, english(member.label)):
            return member.value
    choices = joined(
        (_("{code}（{label}）", code=m.value, label=m.label) for m in enum), "、", ", "
    )
    raise refusal(
        "status",
        "--status",
        _("--status “{text}”不是可选的状态；可选：{choices}", text=text, choices=choices),
    )


def _month_span(month: tuple[int, int] | None, today: date) -> tuple[date, date]:
    from core.calendar.visits import month_span

    year, number = month or (today.year, today.month)
    return month_span(year, number)


def _in_month(day: date, month: tuple[int, int] | None) -> bool:
    return month is None or (day.year, day.month) == month


def _schools(db: Database, today: date, _month: tuple[int, int] | None) -> list[Listed]:
    from core.roster.schools import school_rows

    return [
        Listed(
            data={
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "zone": s.zone,
                "inspector": s.inspector,
                "active": s.active,
            },
            line=f"{s.id}\t{s.name}\t{SchoolKind.label_of(s.kind)}\t{s.zone}\t{s.inspector}"
            + ("" if s.active else "\t" + SchoolState.INACTIVE.label),
            texts=(s.name, s.kind_label, s.zone, s.inspector, s.principal, s.address),
            status=SchoolState.ACTIVE if s.active else SchoolState.INACTIVE,
            order=(pinyin_order(s.name),),
        )
        for s in school_rows(db, today)
    ]


def _inspectors(db: Database, today: date, _month: tuple[int, int] | None) -> list[Listed]:
    from core.roster.inspectors import inspector_rows

    return [
        Listed(
            data={
                "id": i.id,
                "name": i.name,
                "employment": i.employment,
                "status": i.status.value,
                "unit": i.unit,
                "phone": i.phone,
                "schools": i.schools,
            },
            line=f"{i.id}\t{i.name}\t{Employment.label_of(i.employment)}\t{i.status.label}"
            f"\t{i.unit}\t" + n_("{n} 所", i.schools),
            texts=(i.name, Employment.label_of(i.employment), i.status.label, i.unit, i.post),
            status=i.status.value,
            order=(pinyin_order(i.name),),
        )
        for i in inspector_rows(db, today)
    ]


def _visits(db: Database, today: date, month: tuple[int, int] | None) -> list[Listed]:
    from core.calendar.visits import visit_rows

    first, last = _month_span(month, today)
    return [
        Listed(
            data={
                "id": v.id,
                "date": v.day.isoformat(),
                "school": v.school,
                "inspector": v.inspector,
                "kind": v.kind,
                "status": v.status,
            },
            line=f"{v.id}\t{v.day.isoformat()}\t{v.school}\t{v.inspector}"
            f"\t{v.kind_label}\t{v.status_label}",
            texts=(v.school, v.zone, v.inspector, v.companions, v.kind_label, v.status_label),
            status=v.status,
            order=(v.day, pinyin_order(v.school), v.id),
        )
        for v in visit_rows(db, first, last)
    ]


def _problems(db: Database, today: date, month: tuple[int, int] | None) -> list[Listed]:
    from core.casework.actions import action_rows_in
    from core.casework.rectification import rows_in

    with db.session() as session:
        rows = [p for p in rows_in(session, today) if _in_month(p.found_on, month)]
        steps = {p.id: action_rows_in(session, p.id) for p in rows}
    listed = []
    for p in rows:
        late = _("，逾期") if p.overdue else ""
        deadline = _("，期限 {day}", day=f"{p.deadline:%Y-%m-%d}") if p.deadline else ""
        notice = _("，{notice}", notice=p.notice_no) if p.notice_no else ""
        trail = "".join(f"\n\t{s.day:%Y-%m-%d} {s.text}" for s in steps[p.id])
        listed.append(
            Listed(
                data={
                    "id": p.id,
                    "date": p.found_on.isoformat(),
                    "school": p.school,
                    "category": p.category,
                    "category_label": p.category_label,
                    "status": p.status,
                    "status_label": p.status_label,
                    "deadline": p.deadline.isoformat() if p.deadline else None,
                    "overdue": p.overdue,
                    "notice_no": p.notice_no,
                    "description": p.description,
                    "steps": [
                        {
                            "day": s.day.isoformat(),
                            "kind": s.kind,
                            "number": s.number,
                            "text": s.text,
                        }
                        for s in steps[p.id]
                    ],
                },
                line=f"{p.id}\t{p.found_on.isoformat()}\t{p.school}\t{p.category_label}"
                f"\t{p.status_label}{late}{deadline}{notice}\t{p.description}{trail}",
                texts=(
                    p.school,
                    p.zone,
                    p.inspector,
                    p.category_label,
                    p.status_label,
                    p.description,
                    p.notice_no,
                ),
                status=p.status,
                order=(p.found_on, pinyin_order(p.school), p.id),
            )
        )
    return listed


def _complaints(db: Database, _today: date, month: tuple[int, int] | None) -> list[Listed]:
    from core.casework.complaints import complaint_rows

    return [
        Listed(
            data={
                "id": c.id,
                "date": c.received_on.isoformat(),
                "school": c.school,
                "complainant": c.from_label,
                "inspector": c.inspector,
                "replied_on": c.replied_on.isoformat() if c.replied_on else None,
            },
            line=f"{c.id}\t{c.received_on.isoformat()}\t{c.school}\t{c.from_label}"
            f"\t{c.state.label}\t{c.content}",
            texts=(c.school, c.from_label, c.inspector, c.content, c.channel_label),
            status=c.state.value,
            order=(c.received_on, pinyin_order(c.school), c.id),
        )
        for c in complaint_rows(db)
        if _in_month(c.received_on, month)
    ]


READERS: dict[str, Callable[[Database, date, tuple[int, int] | None], Sequence[Listed]]] = {
    "schools": _schools,
    "inspectors": _inspectors,
    "visits": _visits,
    "problems": _problems,
    "complaints": _complaints,
}
