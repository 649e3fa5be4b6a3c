"""Working days, and how sure the app is of a year's holidays.

A day is a working day by, in this order: the clerk's own entry for that day (a
:class:`~db.models.CalendarDay`: a holiday or a swapped working day, 调休, typed in or taken from
the State Council's notice); the official arrangement from the ``chinese-calendar`` package, for
the years it knows; Monday to Friday for a year marked complete; the public holidays of the
``holidays`` package, when installed, as a *provisional* source (it has next year's holidays
before chinese-calendar does, but not the swapped working days); otherwise Monday to Friday.

One notion of "this year's holidays are known" serves every screen, print and command
(:func:`holiday_certainty`): ``complete`` when chinese-calendar knows the year, a notice was
imported or the clerk said the year is complete; ``provisional`` when only the ``holidays``
package or some of the clerk's entries speak for it; ``missing`` otherwise. Entering some days
never makes a year complete.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import DayKind
from core.errors import refusal
from core.i18n import LabelTable, _
from core.parsing import clean_text
from db.models import CalendarDay, Setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

NOTE_MAX = 200
COMPLETE = "complete"
PROVISIONAL = "provisional"
MISSING = "missing"
CERTAINTY_LABELS = LabelTable(
    lambda: {COMPLETE: _("已确定"), PROVISIONAL: _("暂定"), MISSING: _("未录入")}
)
COMPLETE_PREFIX = "holidays.complete."
"""Setting key prefix of a year whose arrangement is complete: ``{"source": "notice"|"clerk"}``."""

WEEKDAYS = "一二三四五六日"
"""The one-character Chinese weekday names, Monday first (周一 … 周日)."""


def weekday_name(day: date) -> str:
    """The weekday of ``day`` in the chosen language: 周六, Sat."""
    return (
        _("周一"),
        _("周二"),
        _("周三"),
        _("周四"),
        _("周五"),
        _("周六"),
        _("周日"),
    )[day.weekday()]


@lru_cache(maxsize=64)
def package_knows(year: int) -> bool:
    """Whether ``chinese-calendar`` carries the official arrangement of ``year``."""
    import chinese_calendar  # imported on first use: keeps it off the GUI's start-up path

    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=64)
def provisional_holidays(year: int) -> frozenset[date] | None:
    """China's public holidays of ``year`` from the ``holidays`` package (no swapped working
    days), or ``None`` when the package is not installed."""
    try:
        from holidays.countries.china import China

        return frozenset(China(years=year))
    except (ImportError, OSError):  # not installed, or its data missing from a bundle
        return None


@lru_cache(maxsize=1)
def provisional_source_installed() -> bool:
    """Whether the ``holidays`` package is there: it computes China's public holidays for any
    year. Asked without importing it, which takes 0.2 s (every country's module comes along), so
    the dashboard's reminder about next year does not slow the start."""
    return importlib.util.find_spec("holidays") is not None


def official_workday(day: date) -> bool:
    """The official answer: the published arrangement; for an unknown year the provisional
    public holidays when the ``holidays`` package is installed; otherwise Monday–Friday."""
    if package_knows(day.year):
        import chinese_calendar

        return bool(chinese_calendar.is_workday(day))
    provisional = provisional_holidays(day.year)
    return day.weekday() < 5 and (provisional is None or day not in provisional)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: the clerk's entries (``edits``: day → :class:`DayKind` code) over the
    official arrangement. Plain data, so rules can use it outside a session."""

    edits: Mapping[date, str] = field(default_factory=dict)
    complete_years: frozenset[int] = frozenset()
    """Years whose arrangement the clerk imported from the notice or declared complete."""

    @classmethod
    def from_session(cls, session: Session) -> WorkCalendar:
        """The calendar with every entry the clerk made (inside an open session)."""
        rows = session.execute(select(CalendarDay.day, CalendarDay.kind)).all()
        complete = session.scalars(
            select(Setting.key).where(Setting.key.startswith(COMPLETE_PREFIX))
        ).all()
        years = frozenset(int(key.removeprefix(COMPLETE_PREFIX)) for key in complete)
        return cls({row.day: row.kind for row in rows}, years)

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
        if day.year in self.complete_years and not package_knows(day.year):
            return day.weekday() < 5
        return official_workday(day)

    def workdays(self, start: date, end: date) -> list[date]:
        """The working days from ``start`` to ``end``, both included, in order."""
        days = (start + timedelta(days=n) for n in range((end - start).days + 1))
        return [day for day in days if self.is_workday(day)]

    def certainty(self, year: int) -> str:
        """How sure the year's holidays are: :data:`COMPLETE`, :data:`PROVISIONAL` or
        :data:`MISSING` (see the module's docstring)."""
        if package_knows(year) or year in self.complete_years:
            return COMPLETE
        if provisional_source_installed() or any(d.year == year for d in self.edits):
            return PROVISIONAL
        return MISSING

    def known_year(self, year: int) -> bool:
        """Whether the year's arrangement is complete."""
        return self.certainty(year) == COMPLETE


def holiday_certainty(db: Database, year: int) -> str:
    """How sure the year's holidays are (complete / provisional / missing), for every screen,
    print and command that warns about them."""
    return WorkCalendar.load(db).certainty(year)


def certainty_notice(year: int, certainty: str) -> str:
    """The one warning line for a year whose holidays are not complete ("" when they are)."""
    if certainty == COMPLETE:
        return ""
    if certainty == PROVISIONAL:
        return _(
            "{year}年的节假日安排尚未确定：暂按已知的法定节假日（不含调休上班日）计算，"
            "请导入国务院办公厅的节假日安排通知",
            year=year,
        )
    return _("{year}年的法定节假日安排尚未录入，暂按周末休息计算", year=year)


@mutates(Change.CALENDAR)
def mark_year_complete(db: Database, year: int, complete: bool = True) -> None:
    """Record the clerk's word that the year's holidays are all entered (or take it back)."""
    with db.session() as session:
        mark_complete_in(session, year, "clerk" if complete else None)


def mark_complete_in(session: Session, year: int, source: str | None) -> None:
    """Mark the year complete from ``source`` ("notice" or "clerk"), or not (``None``)."""
    row = session.get(Setting, f"{COMPLETE_PREFIX}{year}")
    if source is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=f"{COMPLETE_PREFIX}{year}", value=json.dumps({"source": source})))
    else:
        row.value = json.dumps({"source": source})


@mutates(Change.CALENDAR)
def set_day(db: Database, day: date, kind: DayKind | str, note: str = "") -> None:
    """Record the clerk's entry for ``day`` (放假 or 调休上班), replacing any earlier one."""
    set_days(db, day, day, kind, note)


@mutates(Change.CALENDAR)
def set_days(db: Database, first: date, last: date, kind: DayKind | str, note: str = "") -> int:
    """Record the same entry for every day from ``first`` to ``last`` (a holiday of several
    days) in one transaction, replacing earlier ones; returns how many days."""
    if kind not in DayKind._value2member_map_:
        message = _("“{kind}”不是有效的日期类别（应为休息日或工作日）", kind=kind)
        raise refusal("kind", _("类别"), message)
    note = clean_text(note)
    if len(note) > NOTE_MAX:
        raise refusal("note", _("说明"), _("“说明”不能超过 {most} 个字", most=NOTE_MAX))
    if last < first:
        raise refusal("last", _("结束日期"), _("结束日期不能早于开始日期"))
    if (last - first).days > 30:
        raise refusal("last", _("结束日期"), _("一次最多录入 31 天"))
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    with db.session() as session:
        rows = session.scalars(select(CalendarDay).where(CalendarDay.day.in_(days))).all()
        existing = {row.day: row for row in rows}
        for day in days:
            row = existing.get(day)
            if row is None:
                session.add(CalendarDay(day=day, kind=str(kind), note=note))
            else:
                row.kind = str(kind)
                row.note = note
    return len(days)


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
