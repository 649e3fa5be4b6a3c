"""School terms by dates: each school year's autumn and spring term (学期), the breaks between.

A school year is named by the year it starts in (2026 → "2026-2027"): its autumn term starts in
that year, its spring term in the next. The county's own dates are stored as settings
(``school_term.<year>.<kind>.<term>`` → ``{"start": …, "end": …}``); a term not stored takes
the default — autumn 1 September to 20 January, spring 20 February to 10 July — which the clerk
is asked to replace by the county's dates. Kindergartens (``kind`` "kindergarten") may have
their own dates; where they have none they follow the schools' ("all").

Routine visits (经常性督导) are planned only in term time. A month partly in a break keeps its
routine-visit quota in proportion to the share of its working days in term time, rounded half
up (:func:`month_quota`): with one visit a month, a month mostly in a break (e.g. a February
whose term starts on the 20th) is waived, a month mostly in term time keeps its visit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import SchoolKind
from core.errors import refusal
from core.i18n import LabelTable, _
from core.office.settings import put_setting
from db.models import Setting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

PREFIX = "school_term."
ALL = "all"
KINDERGARTEN = "kindergarten"
KINDS = (ALL, KINDERGARTEN)
AUTUMN = "autumn"
SPRING = "spring"
TERMS = (AUTUMN, SPRING)
TERM_LABELS = LabelTable(lambda: {AUTUMN: _("秋季学期"), SPRING: _("春季学期")})
KIND_LABELS = LabelTable(lambda: {ALL: _("中小学"), KINDERGARTEN: _("幼儿园")})
DEFAULT_NOTE = "默认日期（秋季 9月1日—1月20日，春季 2月20日—7月10日）：请按本县校历填写实际日期"
MIN_TERM_DAYS = 60
MAX_TERM_DAYS = 220

TermKey = tuple[int, str, str]
"""(school year, kind, term)."""


@dataclass(frozen=True)
class Semester:
    """One term: its Chinese name and its first and last day."""

    name: str
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class TermDates:
    """One term of one school year, as listed by ``school-calendar list``."""

    year: int
    kind: str
    term: str
    start: date
    end: date
    stored: bool

    @property
    def school_year(self) -> str:
        """The school year's name, e.g. "2026-2027"."""
        return f"{self.year}-{self.year + 1}"

    @property
    def semester(self) -> Semester:
        """The term as a :class:`Semester` named after the year it starts in."""
        name = _("{year}年{term}", year=self.start.year, term=TERM_LABELS[self.term])
        return Semester(name, self.start, self.end)

    def as_json(self) -> dict[str, Any]:
        """The form of ``school-calendar list --json``."""
        return {
            "year": self.school_year,
            "kind": self.kind,
            "term": self.term,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }


def default_term(year: int, term: str) -> tuple[date, date]:
    """The default dates of a term of the school year starting in ``year``."""
    if term == AUTUMN:
        return date(year, 9, 1), date(year + 1, 1, 20)
    return date(year + 1, 2, 20), date(year + 1, 7, 10)


def kind_of_school(school_kind: str) -> str:
    """Which calendar a school follows: kindergartens their own, every other school "all"."""
    return KINDERGARTEN if school_kind == SchoolKind.KINDERGARTEN else ALL


def month_quota(quota: int, term_days: int, workdays: int) -> int:
    """The month's routine-visit quota: ``quota`` in proportion to the share of its working
    days in term time, rounded half up (0 when no working day is in term time)."""
    if workdays <= 0 or term_days <= 0:
        return 0
    share = Decimal(quota * term_days) / Decimal(workdays)
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class SchoolCalendar:
    """The terms: the stored dates (``stored``: (year, kind, term) → (start, end)) over the
    defaults. Plain data, so rules can use it outside a session."""

    stored: Mapping[TermKey, tuple[date, date]] = field(default_factory=dict)

    @classmethod
    def from_session(cls, session: Session) -> SchoolCalendar:
        """The calendar with every term the clerk entered (inside an open session)."""
        rows = session.execute(select(Setting).where(Setting.key.startswith(PREFIX))).scalars()
        stored: dict[TermKey, tuple[date, date]] = {}
        for row in rows:
            year, kind, term = row.key.removeprefix(PREFIX).split(".")
            value = json.loads(row.value)
            stored[(int(year), kind, term)] = (
                date.fromisoformat(value["start"]),
                date.fromisoformat(value["end"]),
            )
        return cls(stored)

    @classmethod
    def load(cls, db: Database) -> SchoolCalendar:
        """The office's school calendar (one unit of work)."""
        with db.session() as session:
            return cls.from_session(session)

    def term(self, year: int, term: str, kind: str = ALL) -> TermDates:
        """One term: the kind's own dates, else the schools' ("all"), else the defaults."""
        for source in (kind, ALL):
            if (year, source, term) in self.stored:
                start, end = self.stored[(year, source, term)]
                return TermDates(year, kind, term, start, end, source == kind)
        start, end = default_term(year, term)
        return TermDates(year, kind, term, start, end, False)

    def terms(self, years: Sequence[int], kinds: Sequence[str] = KINDS) -> list[TermDates]:
        """Every term of the school years starting in ``years``, in date order per kind."""
        return [self.term(y, t, k) for k in kinds for y in sorted(years) for t in TERMS]

    def term_of(self, day: date, kind: str = ALL) -> TermDates | None:
        """The term ``day`` falls in, or ``None`` in a break."""
        for year in (day.year - 1, day.year):
            for term in TERMS:
                dates = self.term(year, term, kind)
                if dates.start <= day <= dates.end:
                    return dates
        return None

    def in_term(self, day: date, kind: str = ALL) -> bool:
        """Whether ``day`` is in term time for schools of ``kind``."""
        return self.term_of(day, kind) is not None

    def semester_of(self, day: date, kind: str = ALL) -> Semester | None:
        """The semester ``day`` falls in, or ``None`` during a school break."""
        dates = self.term_of(day, kind)
        return None if dates is None else dates.semester

    def semester_from(self, day: date, step: int = 1) -> Semester:
        """The semester ``day`` falls in, else the first one met going ``step`` days at a time."""
        while (semester := self.semester_of(day)) is None:
            day += timedelta(days=step)
        return semester

    def nearest_term_day(self, day: date, kind: str = ALL) -> date:
        """``day`` itself in term time, else the last term day before it."""
        while not self.in_term(day, kind):
            day -= timedelta(days=1)
        return day


def current_school_year(today: date) -> int:
    """The school year ``today`` belongs to (from August on, the one starting this year)."""
    return today.year if today.month >= 8 else today.year - 1


def term_list(db: Database, today: date) -> list[TermDates]:
    """The terms of this school year and the next, schools' first, then kindergartens'."""
    year = current_school_year(today)
    return SchoolCalendar.load(db).terms([year, year + 1])


def school_year_of(text: str) -> int:
    """The first year of a school year written "2026-2027", "2026/2027" or "2026"."""
    parts = text.replace("/", "-").replace("—", "-").split("-")
    try:
        first = int(parts[0])
        if len(parts) == 2 and int(parts[1]) != first + 1:
            raise ValueError
        if len(parts) > 2 or not 2000 <= first <= 2100:
            raise ValueError
    except ValueError:
        message = _("“{text}”不是有效的学年（如 2026-2027）", text=text)
        raise refusal("year", _("学年"), message) from None
    return first


def term_problems(year: int, kind: str, term: str, start: date, end: date) -> str | None:
    """Why these dates cannot be the term, or ``None`` when they can."""
    if kind not in KINDS:
        return _("“{kind}”不是有效的学校类别（应为 all 或 kindergarten）", kind=kind)
    if term not in TERMS:
        return _("“{term}”不是有效的学期（应为 autumn 或 spring）", term=term)
    label = _(
        "{first}-{second}学年{kind}{term}",
        first=year,
        second=year + 1,
        kind=KIND_LABELS[kind],
        term=TERM_LABELS[term],
    )
    if end <= start:
        return _("{label}：结束日期不能早于开始日期", label=label)
    length = (end - start).days + 1
    if not MIN_TERM_DAYS <= length <= MAX_TERM_DAYS:
        return _(
            "{label}：学期应有 {low} 到 {high} 天，现为 {length} 天",
            label=label,
            low=MIN_TERM_DAYS,
            high=MAX_TERM_DAYS,
            length=length,
        )
    default_start = default_term(year, term)[0]
    if abs((start - default_start).days) > 75:
        return _(
            "{label}：开始日期 {start} 不在该学年的{term}内",
            label=label,
            start=start,
            term=TERM_LABELS[term],
        )
    return None


@mutates(Change.SETTINGS)
def set_term(db: Database, year: int, term: str, start: date, end: date, kind: str = ALL) -> None:
    """Store the dates of one term; refuses dates that cannot be that term or that overlap the
    school year's other term (nothing is saved then)."""
    problem = term_problems(year, kind, term, start, end)
    if problem:
        raise refusal("dates", _("学期日期"), problem)
    with db.session() as session:
        calendar = SchoolCalendar.from_session(session)
        autumn, spring = (
            (start, end) if term == AUTUMN else _dates(calendar.term(year, AUTUMN, kind)),
            (start, end) if term == SPRING else _dates(calendar.term(year, SPRING, kind)),
        )
        previous_spring = _dates(calendar.term(year - 1, SPRING, kind))
        next_autumn = _dates(calendar.term(year + 1, AUTUMN, kind))
        order = (previous_spring[1], autumn[0], autumn[1], spring[0], spring[1], next_autumn[0])
        if any(a >= b for a, b in pairwise(order)):
            message = _(
                "{first}-{second}学年：秋季学期与春季学期的日期不能重叠",
                first=year,
                second=year + 1,
            )
            raise refusal("dates", _("学期日期"), message)
        put_setting(
            session,
            f"{PREFIX}{year}.{kind}.{term}",
            {"start": start.isoformat(), "end": end.isoformat()},
        )


def _dates(term: TermDates) -> tuple[date, date]:
    return term.start, term.end
