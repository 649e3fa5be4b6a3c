"""An inspector's month as an iCalendar file (RFC 5545) for the calendar on their phone.

One all-day event per visit on the calendar that month — the inspector's own and those they go
along on as a companion; cancelled and postponed visits are left out. Each event keeps the
visit's id in its UID, so importing the month again after a change updates the events instead
of doubling them. The ``icalendar`` package writes the file (CRLF line ends, long lines folded)
and is imported only when a file is made, keeping it off the GUI's start-up path.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from core.calendar.visits import month_span
from core.enums import ACTIVE_STATUSES, VisitKind, VisitStatus
from core.errors import FieldError, ValidationError
from db.models import Inspector, Visit

if TYPE_CHECKING:
    from icalendar import Event

    from db.engine import Database

PRODUCT_ID = "-//Supervision Desk//督导工作台//ZH"
UID_DOMAIN = "supervision-desk"


def visit_uid(visit_id: int) -> str:
    """The event UID of a visit: the same in every export of it."""
    return f"visit-{visit_id}@{UID_DOMAIN}"


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


def _event(visit: Visit, inspector_id: int, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", visit_uid(visit.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", visit.visit_date)
    event.add("dtend", visit.visit_date + timedelta(days=1))
    event.add("summary", f"督导：{visit.school.name}（{VisitKind.label_of(visit.kind)}）")
    if visit.school.address:
        event.add("location", visit.school.address)
    event.add("description", _description(visit, inspector_id))
    event.add("status", "TENTATIVE" if visit.status == VisitStatus.PLANNED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def inspector_month_ics(db: Database, inspector_id: int, year: int, month: int) -> bytes:
    """The inspector's visits of the month as an iCalendar file (UTF-8 bytes).

    Refuses a month outside 1–12 and an inspector who no longer exists.
    """
    from icalendar import Calendar

    if not 1 <= month <= 12:
        raise ValidationError([FieldError("month", "月份", f"“{month}”不是有效的月份（1–12）")])
    first, last = month_span(year, month)
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        if inspector is None:
            raise ValidationError([FieldError("inspector", "督学", "找不到这名督学，可能已被删除")])
        visits = session.scalars(
            select(Visit)
            .options(
                selectinload(Visit.school),
                selectinload(Visit.inspector),
                selectinload(Visit.companions),
            )
            .where(
                Visit.visit_date >= first,
                Visit.visit_date <= last,
                Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
                or_(
                    Visit.inspector_id == inspector_id,
                    Visit.companions.any(Inspector.id == inspector_id),
                ),
            )
            .order_by(Visit.visit_date, Visit.id)
        ).all()
        calendar = Calendar()
        calendar.add("prodid", PRODUCT_ID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", f"{inspector.name} {year}年{month}月督导安排")
        stamp = datetime.now(UTC).replace(microsecond=0)
        for visit in visits:
            calendar.add_component(_event(visit, inspector_id, stamp))
    return calendar.to_ical()
