"""Inspectors' months as iCalendar files (RFC 5545) for the calendars on their phones.

One all-day event per visit on the calendar that month — the inspector's own and those they go
along on as a companion. Phones stay in sync when the month is imported again:

* Each event's UID is the visit's lasting ``uid`` (kept when the generator re-plans the visit,
  never reused for another visit); visits made before it existed keep their old ``visit-<id>``.
* ``SEQUENCE`` is the visit's row version less one, so it rises with every change.
* A cancelled or postponed visit stays in the file as ``STATUS:CANCELLED``, so a phone that
  imported it before takes it off instead of keeping a stale event.
* An optional reminder (``VALARM``) goes off at 18:00 the evening before.

A month in which the inspector has no visit at all is refused with a message rather than
written as a calendar without events (RFC 5545 asks for at least one component). Every
inspector's month can be written at once into a folder, one file each, named by inspector. The
``icalendar`` package writes the files (CRLF line ends, long lines folded) and is imported only
when a file is made, keeping it off the GUI's start-up path.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.calendar.visits import month_span
from core.enums import VisitKind, VisitStatus
from core.errors import FieldError, ValidationError, refusal
from core.i18n import _
from db.models import Inspector, Visit

if TYPE_CHECKING:
    from icalendar import Event

    from db.engine import Database

PRODUCT_ID = "-//Supervision Desk//督导工作台//ZH"
UID_DOMAIN = "supervision-desk"
REMINDER_BEFORE = timedelta(hours=6)
"""Before the all-day event's start at midnight: 18:00 the evening before."""
GONE = (VisitStatus.CANCELLED, VisitStatus.POSTPONED)


def visit_uid(uid: str) -> str:
    """The event UID of a visit with lasting ``uid``: the same in every export of it."""
    return f"{uid}@{UID_DOMAIN}"


def _description(visit: Visit, inspector_id: int) -> str:
    lines = [f"状态：{VisitStatus.label_of(visit.status)}"]
    if visit.topic:
        lines.append(f"主题：{visit.topic}")
    if visit.inspector_id != inspector_id:
        lines.append(f"带队督学：{visit.inspector.name}")
    others = [c.name for c in visit.companions if c.id != inspector_id]
    if others:
        lines.append("同行督学：" + "、".join(others))
    if visit.note:
        lines.append(f"备注：{visit.note}")
    return "\n".join(lines)


def _status(visit: Visit) -> str:
    if visit.status in GONE:
        return "CANCELLED"
    return "TENTATIVE" if visit.status == VisitStatus.PLANNED else "CONFIRMED"


def _event(visit: Visit, inspector_id: int, stamp: datetime, reminder: bool) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", visit_uid(visit.uid))
    event.add("sequence", max(0, (visit.version or 1) - 1))
    event.add("dtstamp", stamp)
    event.add("dtstart", visit.visit_date)
    event.add("dtend", visit.visit_date + timedelta(days=1))
    summary = f"督导：{visit.school.name}（{VisitKind.label_of(visit.kind)}）"
    if visit.status in GONE:
        summary = f"{VisitStatus.label_of(visit.status)}：{summary}"
    event.add("summary", summary)
    if visit.school.address:
        event.add("location", visit.school.address)
    event.add("description", _description(visit, inspector_id))
    event.add("status", _status(visit))
    event.add("transp", "TRANSPARENT")
    if reminder and visit.status not in GONE:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"明天督导：{visit.school.name}")
        alarm.add("trigger", -REMINDER_BEFORE)
        event.add_component(alarm)
    return event


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        message = _("“{month}”不是有效的月份（1–12）", month=month)
        raise ValidationError([FieldError("month", _("月份"), message)])


def _month_visits(db: Database, year: int, month: int) -> dict[int, list[Visit]]:
    """Per inspector id, the month's visits they lead or go along on, by day."""
    first, last = month_span(year, month)
    by_inspector: dict[int, list[Visit]] = defaultdict(list)
    with db.session() as session:
        visits = session.scalars(
            select(Visit)
            .options(
                selectinload(Visit.school),
                selectinload(Visit.inspector),
                selectinload(Visit.companions),
            )
            .where(Visit.visit_date >= first, Visit.visit_date <= last)
            .order_by(Visit.visit_date, Visit.id)
        ).all()
        for visit in visits:
            for inspector_id in {visit.inspector_id, *(c.id for c in visit.companions)}:
                by_inspector[inspector_id].append(visit)
    return by_inspector


def _calendar(
    name: str, inspector_id: int, year: int, month: int, visits: list[Visit], reminder: bool
) -> bytes:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{name} {year}年{month}月督导安排")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for visit in visits:
        calendar.add_component(_event(visit, inspector_id, stamp, reminder))
    return calendar.to_ical()


def inspector_month_ics(
    db: Database, inspector_id: int, year: int, month: int, *, reminder: bool = False
) -> bytes:
    """The inspector's visits of the month as an iCalendar file (UTF-8 bytes).

    Refuses a month outside 1–12, an inspector who no longer exists and a month in which the
    inspector has no visit at all.
    """
    _check_month(month)
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        if inspector is None:
            raise refusal("inspector", _("督学"), _("找不到这名督学，可能已被删除"))
        name = inspector.name
    visits = _month_visits(db, year, month).get(inspector_id, [])
    if not visits:
        raise _no_visits(name, year, month)
    return _calendar(name, inspector_id, year, month, visits, reminder)


def _no_visits(who: str, year: int, month: int) -> ValidationError:
    message = _(
        "{who}{year}年{month}月没有督导安排，没有生成日历文件", who=who, year=year, month=month
    )
    return refusal("month", _("月份"), message)


@dataclass(frozen=True)
class IcsFile:
    """One file written: whose month, where, and how many events it holds."""

    inspector: str
    path: Path
    events: int


def file_name(inspector: str, year: int, month: int) -> str:
    """The file name of an inspector's month, safe on Windows."""
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", inspector).strip("._") or "督学"
    return f"{safe}-{year}{month:02d}督导安排.ics"


def export_month_ics(
    db: Database,
    year: int,
    month: int,
    out: Path,
    *,
    inspector: str | None = None,
    reminder: bool = False,
) -> list[IcsFile]:
    """Write the month's calendar files: every inspector with a visit that month into the
    folder ``out``, one file each; with ``inspector`` (a name) only theirs, into ``out`` itself
    when it names an ``.ics`` file. Refuses a month without visits (for that inspector)."""
    _check_month(month)
    with db.session() as session:
        names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    by_inspector = _month_visits(db, year, month)
    wanted = sorted(by_inspector, key=lambda i: (names[i], i))
    if inspector is not None:
        if inspector not in names.values():
            raise refusal("inspector", _("督学"), _("找不到名为“{name}”的督学", name=inspector))
        wanted = [i for i in wanted if names[i] == inspector]
    if not wanted:
        raise _no_visits(inspector or _("督学们"), year, month)
    single = inspector is not None and out.suffix.lower() == ".ics"
    if not single:
        out.mkdir(parents=True, exist_ok=True)
    shared = {n for n in names.values() if list(names.values()).count(n) > 1}
    written = []
    for inspector_id in wanted:
        name = names[inspector_id]
        label = f"{name}{inspector_id}" if name in shared else name
        path = out if single else out / file_name(label, year, month)
        visits = by_inspector[inspector_id]
        path.write_bytes(_calendar(name, inspector_id, year, month, visits, reminder))
        written.append(IcsFile(name, path, len(visits)))
    return written
