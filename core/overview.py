"""The office at a glance: the figures the dashboard (工作台) opens with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import and_, exists, func, or_, select

from core.enums import Employment, SchoolKind
from core.settings import office_name_from_session, policy_from_session
from core.staffing import full_time_share, required_inspectors
from db.models import Assignment, Inspector, School, Zone

if TYPE_CHECKING:
    from db.engine import Database


@dataclass(frozen=True)
class OfficeOverview:
    """Counts of the office's active schools and inspectors on one day."""

    office_name: str
    today: date
    zones: int
    schools: int
    kindergartens: int
    private_schools: int
    inspectors: int
    full_time: int
    required_inspectors: int
    uncovered_schools: int
    min_full_time_share: float

    @property
    def full_time_share(self) -> float:
        return full_time_share(self.full_time, self.inspectors)

    @property
    def inspector_shortfall(self) -> int:
        return max(0, self.required_inspectors - self.inspectors)

    @property
    def is_empty(self) -> bool:
        return self.schools == 0 and self.inspectors == 0


def current_assignment_clause(today: date):
    """SQL condition: an assignment in force on ``today``."""
    return and_(
        Assignment.start_date <= today,
        or_(Assignment.end_date.is_(None), Assignment.end_date >= today),
    )


def office_overview(db: Database, today: date | None = None) -> OfficeOverview:
    """The dashboard's figures, read in one unit of work."""
    today = today or date.today()
    with db.session() as session:
        policy = policy_from_session(session)
        office_name = office_name_from_session(session)
        enrolments = session.execute(
            select(School.enrolment, School.kind, School.is_private).where(School.active)
        ).all()
        inspectors = session.execute(
            select(Inspector.employment, func.count())
            .where(Inspector.active)
            .group_by(Inspector.employment)
        ).all()
        covered = exists().where(
            Assignment.school_id == School.id, current_assignment_clause(today)
        )
        uncovered = session.scalar(
            select(func.count()).select_from(School).where(School.active, ~covered)
        )
        zones = session.scalar(select(func.count()).select_from(Zone))
    by_employment = dict(inspectors)
    return OfficeOverview(
        office_name=office_name,
        today=today,
        zones=zones or 0,
        schools=len(enrolments),
        kindergartens=sum(1 for row in enrolments if row.kind == SchoolKind.KINDERGARTEN),
        private_schools=sum(1 for row in enrolments if row.is_private),
        inspectors=sum(by_employment.values()),
        full_time=by_employment.get(Employment.FULL_TIME.value, 0),
        required_inspectors=required_inspectors((row.enrolment for row in enrolments), policy),
        uncovered_schools=uncovered or 0,
        min_full_time_share=policy.min_full_time_share,
    )
