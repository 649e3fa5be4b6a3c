"""Ending 挂牌 periods: the one rule shared by ending a term, closing a school and moving it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Assignment


def end_coverage(session: Session, assignments: Iterable[Assignment], last_day: date) -> None:
    """End these 挂牌 after ``last_day``: running ones end that day, later ones are removed."""
    holders = []
    for assignment in list(assignments):
        if assignment.start_date > last_day:
            holders += [assignment.school, assignment.inspector]
            session.delete(assignment)
        elif assignment.end_date is None or assignment.end_date > last_day:
            assignment.end_date = last_day
    session.flush()
    # The school's and the inspector's loaded lists still hold the removed rows: reload them.
    for holder in holders:
        session.expire(holder, ["assignments"])
