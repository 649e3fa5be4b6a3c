"""Inspectors' unavailable days (请假, 培训 …), which the planner and the day checks respect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.calendar.visits import NOTE_MAX
from core.changes import Change, mutates
from core.enums import UnavailableReason
from core.errors import refusal
from core.i18n import _
from core.parsing import clean_text
from db.models import Inspector, Unavailability

if TYPE_CHECKING:
    from db.engine import Database


@mutates(Change.UNAVAILABILITY)
def add_unavailability(
    db: Database,
    inspector_id: int,
    start: date,
    end: date,
    reason: UnavailableReason | str,
    note: str = "",
) -> int:
    """Record days an inspector cannot visit schools (请假, 培训 …); returns the new id."""
    if reason not in UnavailableReason._value2member_map_:
        message = _("“{reason}”不是有效的原因（请假、培训或其他）", reason=reason)
        raise refusal("reason", _("原因"), message)
    if end < start:
        raise refusal("end_date", _("结束日期"), _("结束日期不能早于开始日期"))
    note = clean_text(note)
    if len(note) > NOTE_MAX:
        raise refusal("note", _("说明"), _("“说明”不能超过 {most} 个字", most=NOTE_MAX))
    with db.session() as session:
        if session.get(Inspector, inspector_id) is None:
            raise refusal("inspector", _("督学"), _("找不到这名督学，可能已被删除"))
        row = Unavailability(
            inspector_id=inspector_id,
            start_date=start,
            end_date=end,
            reason=str(reason),
            note=note,
        )
        session.add(row)
        session.flush()
        return row.id


@mutates(Change.UNAVAILABILITY)
def remove_unavailability(db: Database, unavailability_id: int) -> bool:
    """Delete an entry of unavailable days; returns whether it existed."""
    return remove_unavailabilities(db, [unavailability_id]) == 1


@mutates(Change.UNAVAILABILITY)
def remove_unavailabilities(db: Database, unavailability_ids: Sequence[int]) -> int:
    """Delete entries of unavailable days in one transaction; returns how many existed."""
    with db.session() as session:
        rows = session.scalars(
            select(Unavailability).where(Unavailability.id.in_(unavailability_ids))
        ).all()
        for row in rows:
            session.delete(row)
        return len(rows)


@dataclass(frozen=True)
class AwayLine:
    """An entry of days an inspector cannot visit schools, as listed."""

    id: int
    inspector_id: int
    inspector: str
    start: date
    end: date
    reason: str
    note: str

    @property
    def days(self) -> int:
        """Calendar days from the first to the last, both included."""
        return (self.end - self.start).days + 1


def away_lines(db: Database) -> list[AwayLine]:
    """Every entry of unavailable days, newest first."""
    with db.session() as session:
        rows = session.execute(
            select(Unavailability, Inspector.name)
            .join(Inspector, Inspector.id == Unavailability.inspector_id)
            .order_by(Unavailability.start_date.desc(), Inspector.name, Unavailability.id)
        ).all()
        return [
            AwayLine(u.id, u.inspector_id, name, u.start_date, u.end_date, u.reason, u.note)
            for u, name in rows
        ]
