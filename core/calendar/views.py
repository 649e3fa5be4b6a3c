"""What the calendar's and the records' pages show, each read in one unit of work.

A page shows one of these frozen snapshots; it holds no rule and runs no query of its own, so a
figure on the dashboard and the list it opens come from the same functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.calendar.progress import (
    InspectorMonth,
    SchoolCoverage,
    UnvisitedSchool,
    due_a_record,
    month_progress_in,
    record_missing,
    semester_coverage_in,
    unvisited_schools_in,
)
from core.calendar.visits import VisitRow, due_visits_in, month_span, visit_rows_in_session
from core.office.school_terms import KINDERGARTEN, KINDS, SchoolCalendar, Semester
from core.office.workdays import WorkCalendar
from core.roster.assignments import responsible_inspectors
from core.roster.terms import serving_inspector_ids
from db.models import Inspector, School

if TYPE_CHECKING:
    from db.engine import Database


@dataclass(frozen=True)
class VisitChoices:
    """What the visit form offers: active schools (id, name), serving inspectors (id, name),
    and each school's responsible inspector today (school id → inspector id)."""

    schools: Sequence[tuple[int, str]]
    inspectors: Sequence[tuple[int, str]]
    responsible: dict[int, int]


@dataclass(frozen=True)
class MonthView:
    """The 督导日历 page for one month: its visits, the days off among the grid's days, whether
    the year's holidays are known, the visit form's choices and the visits due from today on."""

    year: int
    month: int
    rows: list[VisitRow]
    days_off: frozenset[date]
    holiday_data: str
    breaks: list[tuple[str, date, date]]
    choices: VisitChoices
    zones: list[str]
    due: list[VisitRow]

    @property
    def known_year(self) -> bool:
        """Whether the year's holidays are complete."""
        return self.holiday_data == "complete"


def break_spans(terms: SchoolCalendar, first: date, last: date) -> list[tuple[str, date, date]]:
    """The school breaks from ``first`` to ``last`` as (who: "" for every school or
    "幼儿园", first day, last day); a kindergarten break is listed only where it differs."""
    spans: list[tuple[str, date, date]] = []
    for kind in KINDS:
        who = "幼儿园" if kind == KINDERGARTEN else ""
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        off = [d for d in days if not terms.in_term(d, kind)]
        for day in off:
            if spans and spans[-1][0] == who and spans[-1][2] == day - timedelta(days=1):
                spans[-1] = (who, spans[-1][1], day)
            else:
                spans.append((who, day, day))
    general = {(a, b) for who, a, b in spans if not who}
    return [s for s in spans if not s[0] or (s[1], s[2]) not in general]


def month_view(db: Database, year: int, month: int, today: date, days: Sequence[date]) -> MonthView:
    """The month's visits and everything the page shows beside them; ``days`` are the days the
    grid draws (they may reach into the months around)."""
    with db.session() as session:
        rows = visit_rows_in_session(session, *month_span(year, month))
        work = WorkCalendar.from_session(session)
        serving = serving_inspector_ids(session, today)
        inspectors = session.execute(
            select(Inspector.id, Inspector.name).order_by(Inspector.name)
        ).all()
        schools = session.execute(
            select(School.id, School.name).where(School.active).order_by(School.name)
        ).all()
        choices = VisitChoices(
            schools=[(r.id, r.name) for r in schools],
            inspectors=[(r.id, r.name) for r in inspectors if r.id in serving],
            responsible=responsible_inspectors(session, today),
        )
        due = due_visits_in(session, today)
        terms = SchoolCalendar.from_session(session)
    return MonthView(
        year=year,
        month=month,
        rows=rows,
        days_off=frozenset(d for d in days if not work.is_workday(d)),
        holiday_data=work.certainty(year),
        breaks=break_spans(terms, *month_span(year, month)),
        choices=choices,
        zones=sorted({r.zone for r in rows if r.zone}),
        due=due,
    )


PERIODS = ("semester", "month", "year", "custom")
"""The spans the records page offers: this semester, month or year up to today, or from – to."""


@dataclass(frozen=True)
class RecordsView:
    """The 督导记录 page: the period's visits due a record, and the semester's and month's
    coverage."""

    first: date
    last: date
    rows: list[VisitRow]
    semester: Semester
    coverage: list[SchoolCoverage]
    progress: list[InspectorMonth]
    unvisited: list[UnvisitedSchool]
    filed: int
    """Rows whose record is filled in."""
    missing: int
    """Rows whose record is missing (:func:`core.calendar.progress.record_missing`)."""


def records_view(db: Database, period: str, today: date, custom: tuple[date, date]) -> RecordsView:
    """The visits of ``period`` (one of :data:`PERIODS`; ``custom`` gives the from – to span)
    that are due a record, with the semester and month coverage."""
    with db.session() as session:
        semester, coverage = semester_coverage_in(session, today)
        first, last = {
            "semester": (semester.start, min(today, semester.end)),
            "month": (month_span(today.year, today.month)[0], today),
            "year": (date(today.year, 1, 1), today),
        }.get(period, custom)
        rows = [
            r
            for r in visit_rows_in_session(session, first, last)
            if due_a_record(r.status, r.day, today)
        ]
        return RecordsView(
            first=first,
            last=last,
            rows=rows,
            semester=semester,
            filed=sum(1 for r in rows if r.has_record),
            missing=sum(1 for r in rows if record_missing(r.status, r.day, r.has_record, today)),
            coverage=coverage,
            progress=month_progress_in(session, today.year, today.month, today),
            unvisited=unvisited_schools_in(session, today),
        )
