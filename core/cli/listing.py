"""``list schools|inspectors|visits|problems|complaints`` on the command line: find things and
the ids that other commands take (``report visit-form --visit ID``).

``--filter`` finds rows as the lists of the GUI do (:mod:`core.search.matching`: several words in
any order, pinyin in full or by initials); ``--month YYYY-MM`` narrows visits, problems and
complaints to a month (visits default to the current month); ``--status`` takes a status code or
its Chinese label. ``--json`` prints a list of objects: ``id`` and ``name`` for schools and
inspectors, ``id``, ``date`` and ``school`` for visits, problems and complaints.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from core.cli.schedule import parse_month
from core.enums import (
    Employment,
    InspectorStatus,
    LabelledEnum,
    ProblemCategory,
    ProblemStatus,
    SchoolKind,
    VisitStatus,
)
from core.errors import refusal
from core.search.matching import matches, pinyin_order, query_words, search_key

if TYPE_CHECKING:
    from db.engine import Database

KINDS = ("schools", "inspectors", "visits", "problems", "complaints")
DATED = ("visits", "problems", "complaints")


class SchoolState(LabelledEnum):
    """Whether a school is in use (the list's --status for schools)."""

    ACTIVE = "active", "在用"
    INACTIVE = "inactive", "停用"


class ComplaintState(LabelledEnum):
    """Whether a complaint has been answered (the list's --status for complaints)."""

    OPEN = "open", "未答复"
    REPLIED = "replied", "已答复"


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
        "list", help="列出学校、督学、督导、整改问题或投诉（含其他命令要用的编号）"
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
        type=parse_month,
        metavar="YYYY-MM",
        help="只列出这个月的督导、问题或投诉（督导默认本月）",
    )
    listing.add_argument(
        "--status",
        metavar="S",
        help="只列出这一状态的（如 planned 或 计划；学校：在用/停用；投诉：未答复/已答复）",
    )
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    return listing


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """Print the rows of ``args.kind`` that match the filter, month and status."""
    from db.engine import Database
    from db.migrate import ensure_schema

    status = _status(args.kind, args.status)
    if args.month and args.kind not in DATED:
        raise refusal("month", "--month", "--month 只能用于 visits、problems、complaints")
    db = Database.open(getattr(args, "db", None))
    try:
        ensure_schema(db)
        rows = READERS[args.kind](db, date.today(), args.month)
    finally:
        db.dispose()
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
        out.write(f"共 {len(found)} 条。\n")
    return 0


def _status(kind: str, text: str | None) -> str | None:
    """The status code asked for, by code or Chinese label; a refusal naming the choices."""
    if not text:
        return None
    enum = STATUSES[kind]
    for member in enum:
        if text.strip() in (member.value, member.label):
            return member.value
    choices = "、".join(f"{m.value}（{m.label}）" for m in enum)
    raise refusal("status", "--status", f"--status “{text}”不是可选的状态；可选：{choices}")


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
            + ("" if s.active else "\t停用"),
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
            f"\t{i.unit}\t{i.schools} 所",
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
    from core.casework.rectification import problem_rows

    return [
        Listed(
            data={
                "id": p.id,
                "date": p.found_on.isoformat(),
                "school": p.school,
                "category": p.category,
                "status": p.status,
                "deadline": p.deadline.isoformat() if p.deadline else None,
                "description": p.description,
            },
            line=f"{p.id}\t{p.found_on.isoformat()}\t{p.school}"
            f"\t{ProblemCategory.label_of(p.category)}\t{ProblemStatus.label_of(p.status)}"
            f"\t{p.description}",
            texts=(
                p.school,
                p.zone,
                p.inspector,
                ProblemCategory.label_of(p.category),
                ProblemStatus.label_of(p.status),
                p.description,
                p.notice_no,
            ),
            status=p.status,
            order=(p.found_on, pinyin_order(p.school), p.id),
        )
        for p in problem_rows(db, today)
        if _in_month(p.found_on, month)
    ]


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
            f"\t{ComplaintState.label_of(_complaint_state(c.replied_on))}\t{c.content}",
            texts=(c.school, c.from_label, c.inspector, c.content, c.channel_label),
            status=_complaint_state(c.replied_on),
            order=(c.received_on, pinyin_order(c.school), c.id),
        )
        for c in complaint_rows(db)
        if _in_month(c.received_on, month)
    ]


def _complaint_state(replied_on: date | None) -> str:
    return ComplaintState.REPLIED if replied_on else ComplaintState.OPEN


READERS: dict[str, Callable[[Database, date, tuple[int, int] | None], Sequence[Listed]]] = {
    "schools": _schools,
    "inspectors": _inspectors,
    "visits": _visits,
    "problems": _problems,
    "complaints": _complaints,
}
