"""The semester's planning checks: schools short of routine visits and schools due a 综合督导
because their principal's term ends — in the semester or in the break after it (a term ending
on 31 August is proposed in the spring term before, on its last term day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.enums import ACTIVE_STATUSES, InspectorStatus, VisitKind
from core.office.policy import PolicyProfile
from core.office.school_terms import SchoolCalendar, Semester
from core.office.settings import policy_from_session
from core.roster.assignments import responsible_inspectors
from core.roster.inspectors import InspectorRow, inspector_rows_in
from core.roster.schools import principal_terms_ending
from db.models import Inspector, School, Visit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database


@dataclass(frozen=True)
class SemesterShortfall:
    """A school with fewer routine visits in the semester than the policy asks."""

    school_id: int
    school: str
    inspector: str
    visits: int
    required: int


def semester_check(
    db: Database, start: date, end: date, on: date | None = None
) -> list[SemesterShortfall]:
    """Active schools below ``routine_visits_per_semester`` routine visits from ``start`` to
    ``end`` (planned, confirmed and done count; cancelled and postponed do not).

    The responsible inspector shown is the one on ``on`` (default ``start``).
    """
    with db.session() as session:
        return semester_check_in(session, start, end, on)


def semester_check_in(
    session: Session, start: date, end: date, on: date | None = None
) -> list[SemesterShortfall]:
    """:func:`semester_check` inside an open session."""
    policy = policy_from_session(session)
    responsible = responsible_inspectors(session, on or start)
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    counts = dict(
        session.execute(
            select(Visit.school_id, func.count())
            .where(
                Visit.visit_date >= start,
                Visit.visit_date <= end,
                Visit.kind == VisitKind.ROUTINE.value,
                Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
            )
            .group_by(Visit.school_id)
        ).all()
    )
    schools = session.execute(
        select(School.id, School.name).where(School.active).order_by(School.name)
    ).all()
    required = policy.routine_visits_per_semester
    return [
        SemesterShortfall(
            row.id,
            row.name,
            names.get(responsible.get(row.id, -1), ""),
            counts.get(row.id, 0),
            required,
        )
        for row in schools
        if counts.get(row.id, 0) < required
    ]


@dataclass(frozen=True)
class ComprehensiveProposal:
    """A school whose principal's term ends in the semester or the break after it: due a 综合督导.

    ``due_by`` is the last term day on or before the term's end (the visit belongs before it);
    ``planned_on`` the day of a comprehensive visit already on the calendar in the semester.
    """

    school_id: int
    school: str
    principal: str
    principal_term_end: date
    inspector_id: int | None
    inspector: str
    planned_on: date | None
    due_by: date | None = None


def proposal_window(terms: SchoolCalendar, semester: Semester) -> tuple[date, date]:
    """The days whose principal's term end the semester proposes: from its first day to the day
    before the next semester starts (the break after it included)."""
    following = terms.semester_from(semester.end + timedelta(days=1))
    return semester.start, following.start - timedelta(days=1)


def propose_comprehensive(
    db: Database, semester: Semester, on: date | None = None
) -> list[ComprehensiveProposal]:
    """Comprehensive inspections to propose for ``semester`` (nothing is saved).

    The responsible inspector shown is the one on ``on`` (default the semester's first day).
    """
    with db.session() as session:
        return propose_comprehensive_in(session, semester, on)


def propose_comprehensive_in(
    session: Session, semester: Semester, on: date | None = None
) -> list[ComprehensiveProposal]:
    """:func:`propose_comprehensive` inside an open session."""
    responsible = responsible_inspectors(session, on or semester.start)
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    terms = SchoolCalendar.from_session(session)
    first, last = proposal_window(terms, semester)
    schools = principal_terms_ending(session, first, last)
    planned = dict(
        session.execute(
            select(Visit.school_id, func.min(Visit.visit_date))
            .where(
                Visit.kind == VisitKind.COMPREHENSIVE.value,
                Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
                Visit.visit_date >= first,
                Visit.visit_date <= last,
            )
            .group_by(Visit.school_id)
        ).all()
    )
    return [
        ComprehensiveProposal(
            row.id,
            row.name,
            row.principal,
            row.principal_term_end,
            responsible.get(row.id),
            names.get(responsible.get(row.id, -1), ""),
            planned.get(row.id),
            min(terms.nearest_term_day(row.principal_term_end), semester.end),
        )
        for row in schools
    ]


@dataclass(frozen=True)
class SemesterView:
    """The semester check's page: the semester, its routine-visit quota, the schools short of
    it, the comprehensive inspections due, the inspectors in office and the policy."""

    semester: Semester
    required: int
    shortfalls: list[SemesterShortfall]
    proposals: list[ComprehensiveProposal]
    inspectors: list[InspectorRow]
    policy: PolicyProfile
    terms: SchoolCalendar


def semester_view(db: Database, today: date, wanted: Semester | None = None) -> SemesterView:
    """The semester ``wanted`` (default: today's, or in a break the next one) as of ``today``,
    or its nearest day when today lies outside it."""
    with db.session() as session:
        policy = policy_from_session(session)
        terms = SchoolCalendar.from_session(session)
        term = wanted or terms.semester_from(today)
        on = min(max(today, term.start), term.end)
        serving = (r for r in inspector_rows_in(session, on) if r.status == InspectorStatus.SERVING)
        return SemesterView(
            semester=term,
            required=policy.routine_visits_per_semester,
            shortfalls=semester_check_in(session, term.start, term.end, on),
            proposals=propose_comprehensive_in(session, term, on),
            inspectors=sorted(serving, key=lambda r: r.name),
            policy=policy,
            terms=terms,
        )
