"""How far the visits have got: per school in the semester, per inspector in the month, and the
figures the dashboard shows.

* Semester coverage: for every active school, the routine visits done and still on the calendar
  against the policy, and which of the "六个至少" its done visits' records touched (asked of the
  school kinds the office lists, compulsory education by default: a kindergarten or a 高中 is then
  never short of them).
* Month progress: per inspector, visits on the calendar and done, and the schools responsible for
  that have had a visit done this month.
* "Not visited this month": active schools with a responsible inspector today and no visit done
  since the first of the month (any kind counts: the inspector has been there) — except in a
  month whose term time gives the school's kind no routine visit (a school break).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.calendar.visits import due_visits_in, month_span
from core.enums import (
    ACTIVE_STATUSES,
    OPEN_STATUSES,
    SixMinimum,
    VisitKind,
    VisitStatus,
)
from core.office.school_terms import KINDS, SchoolCalendar, Semester, kind_of_school, month_quota
from core.office.settings import policy_from_session, six_minimum_kinds_in
from core.office.workdays import WorkCalendar
from core.roster.assignments import responsible_inspectors
from db.models import Inspector, School, Visit, VisitRecord, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

FILING_DAYS = 2
"""Days after a visit within which its record should be filed (one county's rule)."""

ACTIVE = [s.value for s in ACTIVE_STATUSES]


@dataclass(frozen=True)
class SchoolCoverage:
    """One school's semester: routine visits and the 六个至少 touched."""

    school_id: int
    school: str
    zone: str
    inspector: str
    routine_done: int
    routine_on_calendar: int
    routine_required: int
    six_done: frozenset[str]
    six_asked: bool = True
    """Whether the school is asked for the 六个至少 (its kind is one the office lists:
    :func:`core.office.settings.six_minimum_kinds_in`)."""

    @property
    def six_missing(self) -> list[str]:
        """The 六个至少 not touched yet, as Chinese labels in the standard order (none for a
        school not asked for them)."""
        if not self.six_asked:
            return []
        return [m.label for m in SixMinimum if m.value not in self.six_done]

    @property
    def routine_short(self) -> bool:
        """Fewer routine visits done or on the calendar than the policy asks."""
        return self.routine_done + self.routine_on_calendar < self.routine_required

    @property
    def short(self) -> bool:
        """Fewer routine visits than required, or some of the 六个至少 not touched yet."""
        return self.routine_short or bool(self.six_missing)


def current_or_last_semester(day: date, session: Session) -> Semester:
    """The semester ``day`` is in; during a break, the one that ended last."""
    return SchoolCalendar.from_session(session).semester_from(day, -1)


def month_quotas_in(session: Session, year: int, month: int) -> dict[str, int]:
    """Per kind of school ("all", "kindergarten"), the month's routine-visit quota in proportion
    to its term time (0 in a break)."""
    first, last = month_span(year, month)
    work = WorkCalendar.from_session(session)
    terms = SchoolCalendar.from_session(session)
    quota = policy_from_session(session).visits_per_school_per_month
    days = work.workdays(first, last)
    return {
        kind: month_quota(quota, sum(1 for d in days if terms.in_term(d, kind)), len(days))
        for kind in KINDS
    }


def semester_coverage(db: Database, today: date) -> tuple[Semester, list[SchoolCoverage]]:
    """The semester of ``today`` (or the last one, in a break) and every active school in it."""
    with db.session() as session:
        return semester_coverage_in(session, today)


def semester_coverage_in(session: Session, today: date) -> tuple[Semester, list[SchoolCoverage]]:
    """:func:`semester_coverage` inside an open session."""
    semester = current_or_last_semester(today, session)
    policy = policy_from_session(session)
    six_kinds = six_minimum_kinds_in(session)
    responsible = responsible_inspectors(session, min(today, semester.end))
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    schools = session.execute(
        select(School.id, School.name, School.kind, Zone.name.label("zone"))
        .outerjoin(Zone, Zone.id == School.zone_id)
        .where(School.active)
        .order_by(School.name)
    ).all()
    visits = session.execute(
        select(Visit.school_id, Visit.kind, Visit.status, VisitRecord.six_minimum)
        .outerjoin(VisitRecord, VisitRecord.visit_id == Visit.id)
        .where(
            Visit.visit_date >= semester.start,
            Visit.visit_date <= semester.end,
            Visit.status.in_(ACTIVE),
        )
    ).all()
    done: dict[int, int] = defaultdict(int)
    waiting: dict[int, int] = defaultdict(int)
    six: dict[int, set[str]] = defaultdict(set)
    for visit in visits:
        is_done = visit.status == VisitStatus.DONE
        if visit.kind == VisitKind.ROUTINE:
            (done if is_done else waiting)[visit.school_id] += 1
        if is_done and visit.six_minimum:
            six[visit.school_id].update(visit.six_minimum)
    rows = [
        SchoolCoverage(
            school_id=row.id,
            school=row.name,
            zone=row.zone or "",
            inspector=names.get(responsible.get(row.id, -1), ""),
            routine_done=done[row.id],
            routine_on_calendar=waiting[row.id],
            routine_required=policy.routine_visits_per_semester,
            six_done=frozenset(six[row.id]),
            six_asked=row.kind in six_kinds,
        )
        for row in schools
    ]
    return semester, rows


@dataclass(frozen=True)
class InspectorMonth:
    """One inspector's month: visits on the calendar, done, and responsible schools visited."""

    inspector_id: int
    inspector: str
    planned: int
    done: int
    schools: int
    schools_visited: int


def month_progress(db: Database, year: int, month: int, today: date) -> list[InspectorMonth]:
    """Per inspector: the month's visits on the calendar against those done.

    The responsible schools are those on ``today`` when it falls in the month, else on the
    month's last day.
    """
    with db.session() as session:
        return month_progress_in(session, year, month, today)


def month_progress_in(session: Session, year: int, month: int, today: date) -> list[InspectorMonth]:
    """:func:`month_progress` inside an open session."""
    first, last = month_span(year, month)
    on = today if first <= today <= last else last
    responsible = responsible_inspectors(session, on)
    visits = session.execute(
        select(Visit.inspector_id, Visit.school_id, Visit.status).where(
            Visit.visit_date >= first, Visit.visit_date <= last, Visit.status.in_(ACTIVE)
        )
    ).all()
    ids = set(responsible.values()) | {v.inspector_id for v in visits}
    names = dict(
        session.execute(select(Inspector.id, Inspector.name).where(Inspector.id.in_(ids))).all()
    )
    planned: dict[int, int] = defaultdict(int)
    done: dict[int, int] = defaultdict(int)
    visited: dict[int, set[int]] = defaultdict(set)
    for visit in visits:
        planned[visit.inspector_id] += 1
        if visit.status == VisitStatus.DONE:
            done[visit.inspector_id] += 1
            visited[visit.inspector_id].add(visit.school_id)
    schools: dict[int, set[int]] = defaultdict(set)
    for school_id, inspector_id in responsible.items():
        schools[inspector_id].add(school_id)
    rows = [
        InspectorMonth(
            inspector_id=i,
            inspector=names.get(i, ""),
            planned=planned[i],
            done=done[i],
            schools=len(schools[i]),
            schools_visited=len(schools[i] & visited[i]),
        )
        for i in ids
    ]
    rows.sort(key=lambda r: r.inspector)
    return rows


@dataclass(frozen=True)
class UnvisitedSchool:
    """An active school without a visit done this month, and whether one is still planned."""

    school_id: int
    school: str
    zone: str
    inspector: str
    next_visit: date | None


def unvisited_schools(db: Database, today: date) -> list[UnvisitedSchool]:
    """Active schools with a responsible inspector and no visit done yet this month."""
    with db.session() as session:
        return unvisited_schools_in(session, today)


def unvisited_schools_in(session: Session, today: date) -> list[UnvisitedSchool]:
    """:func:`unvisited_schools` inside an open session."""
    first, last = month_span(today.year, today.month)
    responsible = responsible_inspectors(session, today)
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    visited = set(
        session.scalars(
            select(Visit.school_id).where(
                Visit.visit_date >= first,
                Visit.visit_date <= today,
                Visit.status == VisitStatus.DONE.value,
            )
        )
    )
    upcoming: dict[int, date] = {}
    for school_id, day in session.execute(
        select(Visit.school_id, Visit.visit_date)
        .where(
            Visit.visit_date >= today,
            Visit.visit_date <= last,
            Visit.status.in_([VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value]),
        )
        .order_by(Visit.visit_date)
    ):
        upcoming.setdefault(school_id, day)
    schools = session.execute(
        select(School.id, School.name, School.kind, Zone.name.label("zone"))
        .outerjoin(Zone, Zone.id == School.zone_id)
        .where(School.active)
        .order_by(School.name)
    ).all()
    quotas = month_quotas_in(session, today.year, today.month)
    return [
        UnvisitedSchool(
            row.id, row.name, row.zone or "", names[responsible[row.id]], upcoming.get(row.id)
        )
        for row in schools
        if row.id in responsible and row.id not in visited and quotas[kind_of_school(row.kind)] > 0
    ]


@dataclass(frozen=True)
class VisitFigures:
    """The dashboard's visit figures for ``today``."""

    due_this_week: int
    unvisited_this_month: int
    unvisited_unplanned: int
    records_missing: int
    school_break: bool = False
    """This month's term time gives no school a routine visit."""


def record_missing(status: str, day: date, has_record: bool, today: date) -> bool:
    """A visit owes its record: no record although it is done or its day has passed."""
    if has_record or status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED):
        return False
    return status == VisitStatus.DONE or day < today


def due_a_record(status: str, day: date, today: date) -> bool:
    """A visit that should have its record by now: done, or planned or confirmed for a day that
    has come."""
    return status == VisitStatus.DONE or (status in OPEN_STATUSES and day <= today)


def filed_late(day: date, filed_on: date | None) -> bool:
    """A record filed more than :data:`FILING_DAYS` days after its visit."""
    return filed_on is not None and (filed_on - day).days > FILING_DAYS


def visit_figures(db: Database, today: date) -> VisitFigures:
    """Visits due in the next :data:`~core.calendar.visits.DUE_DAYS` days, schools not visited
    this month (and of those, with no visit planned), and visits of the semester so far that owe
    their record."""
    with db.session() as session:
        return visit_figures_in(session, today)


def visit_figures_in(session: Session, today: date) -> VisitFigures:
    """:func:`visit_figures` inside an open session."""
    due = due_visits_in(session, today)
    unvisited = unvisited_schools_in(session, today)
    semester = current_or_last_semester(today, session)
    past = session.execute(
        select(Visit.status, Visit.visit_date, VisitRecord.visit_id)
        .outerjoin(VisitRecord, VisitRecord.visit_id == Visit.id)
        .where(Visit.visit_date >= semester.start, Visit.visit_date <= today)
    ).all()
    return VisitFigures(
        due_this_week=len(due),
        unvisited_this_month=len(unvisited),
        unvisited_unplanned=sum(1 for u in unvisited if u.next_visit is None),
        records_missing=sum(
            1 for v in past if record_missing(v.status, v.visit_date, v.visit_id is not None, today)
        ),
        school_break=not any(month_quotas_in(session, today.year, today.month).values()),
    )
