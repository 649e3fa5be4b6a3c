"""Working days, school breaks and semesters.

A day is a working day by, in this order: the clerk's own entry for that day (a
:class:`~db.models.CalendarDay`: a holiday or a swapped working day, 调休); the official
arrangement as published by the State Council, from the ``chinese-calendar`` package, for the
years it knows; otherwise Monday to Friday. The package knows a year only once a release carries
the arrangement, which is announced late in the year before, so a year is *known* when the
package has it or the clerk has entered at least one day of it — until then the app says plainly
that holidays count as ordinary weekdays.

School breaks (寒暑假) follow the semester months of the policy profile: a day in a month outside
both semesters is a break day, and no routine visit is planned on it.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import DayKind
from core.errors import refusal
from core.office.policy import PolicyProfile
from core.parsing import clean_text
from db.models import CalendarDay

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

NOTE_MAX = 200
UNKNOWN_YEAR_NOTICE = "该年度的法定节假日安排尚未录入，暂按周末休息计算"

WEEKDAYS = "一二三四五六日"
"""The one-character Chinese weekday names, Monday first (周一 … 周日)."""


@lru_cache(maxsize=64)
def package_knows(year: int) -> bool:
    """Whether ``chinese-calendar`` carries the official arrangement of ``year``."""
    import chinese_calendar  # imported on first use: keeps it off the GUI's start-up path

    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def official_workday(day: date) -> bool:
    """The official answer: the published arrangement, or Monday–Friday for an unknown year."""
    if package_knows(day.year):
        import chinese_calendar

        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: the clerk's entries (``edits``: day → :class:`DayKind` code) over the
    official arrangement. Plain data, so rules can use it outside a session."""

    edits: Mapping[date, str] = field(default_factory=dict)

    @classmethod
    def from_session(cls, session: Session) -> WorkCalendar:
        """The calendar with every entry the clerk made (inside an open session)."""
        rows = session.execute(select(CalendarDay.day, CalendarDay.kind)).all()
        return cls({row.day: row.kind for row in rows})

    @classmethod
    def load(cls, db: Database) -> WorkCalendar:
        """The office's calendar (one unit of work)."""
        with db.session() as session:
            return cls.from_session(session)

    def is_workday(self, day: date) -> bool:
        """Whether people work on ``day``."""
        kind = self.edits.get(day)
        if kind is not None:
            return kind == DayKind.WORKDAY
        return official_workday(day)

    def workdays(self, start: date, end: date) -> list[date]:
        """The working days from ``start`` to ``end``, both included, in order."""
        days = (start + timedelta(days=n) for n in range((end - start).days + 1))
        return [day for day in days if self.is_workday(day)]

    def known_year(self, year: int) -> bool:
        """Whether the year's official arrangement is in: in the package or entered by the clerk."""
        return package_knows(year) or any(day.year == year for day in self.edits)


@mutates(Change.CALENDAR)
def set_day(db: Database, day: date, kind: DayKind | str, note: str = "") -> None:
    """Record the clerk's entry for ``day`` (放假 or 调休上班), replacing any earlier one."""
    if kind not in DayKind._value2member_map_:
        raise refusal("kind", "类别", f"“{kind}”不是有效的日期类别（应为休息日或工作日）")
    note = clean_text(note)
    if len(note) > NOTE_MAX:
        raise refusal("note", "说明", f"“说明”不能超过 {NOTE_MAX} 个字")
    with db.session() as session:
        row = session.scalar(select(CalendarDay).where(CalendarDay.day == day))
        if row is None:
            session.add(CalendarDay(day=day, kind=str(kind), note=note))
        else:
            row.kind = str(kind)
            row.note = note


@mutates(Change.CALENDAR)
def clear_day(db: Database, day: date) -> bool:
    """Remove the clerk's entry for ``day`` (back to the official arrangement).

    Returns whether there was one.
    """
    return clear_days(db, [day]) == 1


@mutates(Change.CALENDAR)
def clear_days(db: Database, days: Sequence[date]) -> int:
    """Remove the clerk's entries for ``days`` in one transaction; returns how many there were."""
    with db.session() as session:
        rows = session.scalars(select(CalendarDay).where(CalendarDay.day.in_(days))).all()
        for row in rows:
            session.delete(row)
        return len(rows)


def calendar_edits(db: Database, year: int) -> list[tuple[date, str, str]]:
    """The clerk's entries of one year as (day, kind code, note), in date order."""
    with db.session() as session:
        rows = session.execute(
            select(CalendarDay.day, CalendarDay.kind, CalendarDay.note)
            .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
            .order_by(CalendarDay.day)
        ).all()
        return [(row.day, row.kind, row.note) for row in rows]


# --- semesters and school breaks ------------------------------------------------------------


def _months(start: int, end: int) -> list[int]:
    """Months from ``start`` to ``end`` inclusive, wrapping over the new year."""
    months, month = [start], start
    while month != end:
        month = month % 12 + 1
        months.append(month)
    return months


def semester_months(policy: PolicyProfile) -> set[int]:
    """The months that belong to a semester (spring or autumn)."""
    return set(_months(policy.spring_start_month, policy.spring_end_month)) | set(
        _months(policy.autumn_start_month, policy.autumn_end_month)
    )


def school_break(day: date, policy: PolicyProfile) -> bool:
    """Whether ``day`` falls in the school holidays (寒暑假): outside both semesters."""
    return day.month not in semester_months(policy)


@dataclass(frozen=True)
class Semester:
    """One semester: its Chinese name and its first and last day."""

    name: str
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _span(year: int, first_month: int, last_month: int) -> tuple[date, date]:
    last_year = year if last_month >= first_month else year + 1
    return date(year, first_month, 1), _month_end(last_year, last_month)


def semester_of(day: date, policy: PolicyProfile) -> Semester | None:
    """The semester ``day`` falls in, or ``None`` during a school break.

    The autumn semester may run into the next year (September to January by default); it is
    named after the year it starts in.
    """
    for year in (day.year, day.year - 1):
        start, end = _span(year, policy.spring_start_month, policy.spring_end_month)
        if start <= day <= end:
            return Semester(f"{year}年春季学期", start, end)
        start, end = _span(year, policy.autumn_start_month, policy.autumn_end_month)
        if start <= day <= end:
            return Semester(f"{year}年秋季学期", start, end)
    return None


def semester_from(day: date, policy: PolicyProfile, step: int = 1) -> Semester:
    """The semester ``day`` falls in, else the first one met going ``step`` days at a time."""
    while (semester := semester_of(day, policy)) is None:
        day += timedelta(days=step)
    return semester
