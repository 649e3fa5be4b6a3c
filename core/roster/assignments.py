"""挂牌 assignments: which inspector is responsible for which school, and when; recusals (回避).

A school has at most one responsible inspector on any day. Assigning a school that is covered
by someone else moves it: the old assignment ends the day before, so the history shows who
covered the school when. An inspector must be in office on the first day and must not be recused
from the school.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.parsing import clean_text
from core.roster.assignment_ends import end_coverage
from core.roster.terms import current_term, last_day
from db.models import Appointment, Assignment, Inspector, Recusal, School

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database


@dataclass(frozen=True)
class AssignmentResult:
    """What an assignment did: schools newly covered, moved from someone, already covered."""

    assigned: list[str]
    moved: list[tuple[str, str]]
    unchanged: list[str]


def _refuse(message: str) -> ValidationError:
    return ValidationError([FieldError("assignment", _("挂牌"), message)])


def assign_in_session(
    session: Session, inspector: Inspector, schools: Sequence[School], start: date
) -> AssignmentResult:
    """Make ``inspector`` responsible for ``schools`` from ``start`` inside an open session."""
    if current_term(inspector.appointments, start) is None:
        raise _refuse(_("{name}在 {day} 不在任期内，不能挂牌", name=inspector.name, day=start))
    recused = {r.school_id: r for r in inspector.recusals}
    problems = []
    for school in schools:
        if school.id in recused:
            reason = recused[school.id].reason
            problems.append(
                _(
                    "{name}须回避“{school}”（{reason}）",
                    name=inspector.name,
                    school=school.name,
                    reason=reason,
                )
                if reason
                else _("{name}须回避“{school}”", name=inspector.name, school=school.name)
            )
        elif not school.active:
            problems.append(_("“{school}”已停用，不能挂牌", school=school.name))
    if problems:
        raise ValidationError([FieldError("assignment", _("挂牌"), p) for p in problems])
    result = AssignmentResult([], [], [])
    day_before = start - timedelta(days=1)
    for school in schools:
        later = [a for a in school.assignments if a.end_date is None or a.end_date >= start]
        mine = [a for a in later if a.inspector_id == inspector.id]
        others = [a for a in later if a.inspector_id != inspector.id]
        running = next((a for a in mine if a.start_date <= start), None)
        if running is not None:
            if running.end_date is None and not others:
                result.unchanged.append(school.name)
                continue
            # A move to someone else was booked: cancel it and keep this inspector on.
            end_coverage(session, others + [a for a in mine if a is not running], day_before)
            running.end_date = None
            result.assigned.append(school.name)
            continue
        covering = next((a for a in others if a.start_date <= start), None)
        if covering is not None:
            result.moved.append((school.name, covering.inspector.name))
        else:
            result.assigned.append(school.name)
        # From ``start`` on this inspector alone is responsible, plans made before included.
        end_coverage(session, mine + others, day_before)
        session.add(
            Assignment(inspector_id=inspector.id, school_id=school.id, start_date=start, note="")
        )
    session.flush()
    return result


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def assign_schools(
    db: Database, inspector_id: int, school_ids: Sequence[int], start: date
) -> AssignmentResult:
    """Make one inspector responsible for one or many schools from ``start`` (挂牌)."""
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        if inspector is None:
            raise _refuse(_("找不到这名督学"))
        schools = session.scalars(
            select(School).where(School.id.in_(school_ids)).order_by(School.name)
        ).all()
        return assign_in_session(session, inspector, schools, start)


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def end_assignments(db: Database, school_ids: Sequence[int], on: date) -> int:
    """End the 挂牌 of these schools on ``on`` (the last day covered); returns how many."""
    with db.session() as session:
        running = session.scalars(
            select(Assignment).where(
                Assignment.school_id.in_(school_ids),
                (Assignment.end_date.is_(None)) | (Assignment.end_date > on),
            )
        ).all()
        ended = len({a.school_id for a in running if a.start_date <= on})
        end_coverage(session, running, on)
        return ended


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def add_recusal(db: Database, inspector_id: int, school_id: int, reason: str, since: date) -> None:
    """Record that an inspector must not cover a school (回避)."""
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        school = session.get(School, school_id)
        if inspector is None or school is None:
            message = _("找不到这名督学或这所学校")
            raise ValidationError([FieldError("recusal", _("回避"), message)])
        if any(r.school_id == school_id for r in inspector.recusals):
            return
        covers = session.scalar(
            select(Assignment.id).where(
                Assignment.inspector_id == inspector_id,
                Assignment.school_id == school_id,
                (Assignment.end_date.is_(None)) | (Assignment.end_date >= since),
            )
        )
        if covers is not None:
            raise ValidationError(
                [
                    FieldError(
                        "recusal",
                        _("回避"),
                        _(
                            "{name}自 {since} 起负责或将负责“{school}”，"
                            "请先把该校调给其他督学再登记回避",
                            name=inspector.name,
                            since=since,
                            school=school.name,
                        ),
                    )
                ]
            )
        session.add(
            Recusal(inspector=inspector, school=school, reason=clean_text(reason), since=since)
        )


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def remove_recusal(db: Database, recusal_id: int) -> None:
    """Delete a recusal entered by mistake."""
    with db.session() as session:
        recusal = session.get(Recusal, recusal_id)
        if recusal is not None:
            session.delete(recusal)


# --- who is responsible on which day ----------------------------------------------------------


def dates_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _serving_days(
    session: Session, inspector_ids: set[int], first: date, last: date
) -> dict[int, set[date]]:
    """Per inspector, the days from ``first`` to ``last`` they are in office (inside a term)."""
    serving: dict[int, set[date]] = defaultdict(set)
    for term in session.scalars(
        select(Appointment).where(
            Appointment.inspector_id.in_(inspector_ids), Appointment.start_date <= last
        )
    ):
        serving[term.inspector_id].update(
            dates_between(max(term.start_date, first), min(last_day(term), last))
        )
    return serving


def responsible_by_day(
    session: Session, first: date, last: date, school_ids: Sequence[int] | None = None
) -> dict[int, dict[date, int]]:
    """School id → (day → its responsible inspector) from ``first`` to ``last``: the 挂牌 in
    force that day, its inspector in office. Days without one are left out."""
    query = (
        select(
            Assignment.school_id,
            Assignment.inspector_id,
            Assignment.start_date,
            Assignment.end_date,
        )
        .where(
            Assignment.start_date <= last,
            (Assignment.end_date.is_(None)) | (Assignment.end_date >= first),
        )
        .order_by(Assignment.start_date, Assignment.id)
    )
    if school_ids is not None:
        query = query.where(Assignment.school_id.in_(school_ids))
    rows = session.execute(query).all()
    serving = _serving_days(session, {row.inspector_id for row in rows}, first, last)
    cover: dict[int, dict[date, int]] = defaultdict(dict)
    for row in rows:  # a later 挂牌 wins a day two of them claim
        end = last if row.end_date is None else min(row.end_date, last)
        for day in dates_between(max(row.start_date, first), end):
            if day in serving[row.inspector_id]:
                cover[row.school_id][day] = row.inspector_id
    return dict(cover)


def responsible_inspectors(session: Session, day: date) -> dict[int, int]:
    """School id → its responsible inspector on ``day`` (挂牌 in force, inspector in office)."""
    return {school: days[day] for school, days in responsible_by_day(session, day, day).items()}
