"""The calendar's reminders for the dashboard and ``check``: principals' terms ending soon (each
school is due a 综合督导 before its principal's term ends, whatever the month) and, from
1 November, next year's holidays when they are not complete yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.enums import ACTIVE_STATUSES, VisitKind
from core.office.school_terms import SchoolCalendar
from core.office.settings import policy_from_session
from core.office.workdays import COMPLETE, WorkCalendar
from core.roster.schools import principal_terms_ending
from db.models import Visit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HOLIDAY_REMINDER_MONTH = 11
"""From this month on, next year's holidays are asked for."""
PLANNED_WITHIN_DAYS = 365
"""A 综合督导 this many days before the term's end or later counts as the term's one."""


@dataclass(frozen=True)
class PrincipalTermEnding:
    """A school whose principal's term ends within the warning days: the last term day before
    the end (``due_by``) and the comprehensive visit on the calendar for it, if any."""

    school_id: int
    school: str
    principal: str
    term_end: date
    due_by: date
    planned_on: date | None


@dataclass(frozen=True)
class CalendarReminders:
    """The principals' terms ending soon and, when due, next year's holiday certainty."""

    principals: list[PrincipalTermEnding]
    warning_days: int
    next_year: int
    next_year_status: str
    """How sure next year's holidays are: complete, provisional or missing."""
    remind_holidays: bool
    """From 1 November while next year's holidays are not complete."""

    @property
    def unplanned(self) -> list[PrincipalTermEnding]:
        """The schools among them without a 综合督导 on the calendar."""
        return [p for p in self.principals if p.planned_on is None]

    def as_json(self) -> dict[str, Any]:
        """The form printed by ``check --json``."""
        return {
            "principal_terms_ending": [
                {
                    "school": p.school,
                    "principal": p.principal,
                    "term_end": p.term_end.isoformat(),
                    "due_by": p.due_by.isoformat(),
                    "comprehensive_planned_on": p.planned_on.isoformat() if p.planned_on else None,
                }
                for p in self.principals
            ],
            "next_year_holidays": {
                "year": self.next_year,
                "status": self.next_year_status,
                "remind": self.remind_holidays,
            },
        }


def calendar_reminders_in(session: Session, today: date) -> CalendarReminders:
    """The reminders on ``today`` inside an open session."""
    policy = policy_from_session(session)
    terms = SchoolCalendar.from_session(session)
    horizon = today + timedelta(days=policy.principal_term_warning_days)
    schools = principal_terms_ending(session, today, horizon)
    planned = dict(
        session.execute(
            select(Visit.school_id, func.max(Visit.visit_date))
            .where(
                Visit.kind == VisitKind.COMPREHENSIVE.value,
                Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
                Visit.visit_date >= today - timedelta(days=PLANNED_WITHIN_DAYS),
                Visit.school_id.in_([row.id for row in schools]),
            )
            .group_by(Visit.school_id)
        ).all()
    )
    principals = [
        PrincipalTermEnding(
            row.id,
            row.name,
            row.principal,
            row.principal_term_end,
            terms.nearest_term_day(row.principal_term_end),
            planned.get(row.id),
        )
        for row in schools
    ]
    status = WorkCalendar.from_session(session).certainty(today.year + 1)
    return CalendarReminders(
        principals,
        policy.principal_term_warning_days,
        today.year + 1,
        status,
        today.month >= HOLIDAY_REMINDER_MONTH and status != COMPLETE,
    )
