"""Terms of office (任期): appointment, assessment, renewal, ending, general re-appointment (换届).

An inspector's status is derived from their terms, never typed: 在任 while a term covers the day,
afterwards 任期届满, 解聘 or 离任 by how the last term ended. Renewal follows the policy: only
after an assessment of 优秀 or 称职, and never beyond ``max_consecutive_terms`` in a row.
Terms count as consecutive when the next one starts within :data:`CONSECUTIVE_GAP_DAYS` of the
previous one's end — a re-appointment held a few months late still continues the series.
The full history stays: ending a term records the day and the reason, it deletes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import Assessment, InspectorStatus, TermEndReason
from core.errors import FieldError, ValidationError, refusal
from core.i18n import _
from core.office.policy import PolicyProfile
from core.office.settings import policy_from_session
from core.roster.assignment_ends import end_coverage
from db.models import Appointment, Assignment, Inspector

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

CONSECUTIVE_GAP_DAYS = 366
RENEWABLE = (Assessment.EXCELLENT.value, Assessment.COMPETENT.value)


class TermLike(Protocol):
    """What the rules need of a term: an :class:`Appointment` or a :class:`Term`."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def ended_on(self) -> date | None: ...
    @property
    def end_reason(self) -> str | None: ...
    @property
    def assessment(self) -> str | None: ...


T = TypeVar("T", bound=TermLike)


@dataclass(frozen=True)
class Term:
    """A term as plain data (for rules computed outside a session)."""

    start_date: date
    end_date: date
    ended_on: date | None = None
    end_reason: str | None = None
    assessment: str | None = None


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def term_end(start: date, policy: PolicyProfile) -> date:
    """Last day of a term starting on ``start``: the day before the same date years later.

    A term from 29 February ends on the last day of February (28th in a common year), as periods
    are counted in Chinese civil law when the final month has no such day.
    """
    same_day = add_years(start, policy.term_years)
    if (start.month, start.day) == (2, 29) and same_day.day == 28:
        return same_day
    return same_day - timedelta(days=1)


def last_day(term: TermLike) -> date:
    """The day a term actually ends: its end date, or earlier if it was ended early."""
    if term.ended_on is not None and term.ended_on < term.end_date:
        return term.ended_on
    return term.end_date


def current_term(terms: Sequence[T], today: date) -> T | None:
    """The term in force on ``today``, if any."""
    for term in terms:
        if term.start_date <= today <= last_day(term):
            return term
    return None


def inspector_status(terms: Sequence[TermLike], today: date) -> InspectorStatus:
    """在任 / 任期届满 / 解聘 / 离任 / 待任 / 未任命 on ``today``."""
    if current_term(terms, today) is not None:
        return InspectorStatus.SERVING
    started = [t for t in terms if t.start_date <= today]
    if not started:
        return InspectorStatus.PENDING if terms else InspectorStatus.NOT_APPOINTED
    latest = max(started, key=lambda t: t.start_date)
    if latest.end_reason == TermEndReason.DISMISSED:
        return InspectorStatus.DISMISSED
    if latest.end_reason == TermEndReason.RESIGNED:
        return InspectorStatus.LEFT
    return InspectorStatus.EXPIRED


def consecutive_terms(terms: Sequence[TermLike], upto: TermLike) -> int:
    """How many terms in a row end with ``upto`` (1 for a first term)."""
    ordered = sorted((t for t in terms if t.start_date <= upto.start_date), key=_start)
    count, later = 1, upto
    for term in reversed(ordered):
        if term is later or term.start_date >= later.start_date:
            continue
        if term.end_reason in (TermEndReason.DISMISSED, TermEndReason.RESIGNED):
            break
        if (later.start_date - last_day(term)).days > CONSECUTIVE_GAP_DAYS:
            break
        count, later = count + 1, term
    return count


def renewal_refusal(terms: Sequence[TermLike], policy: PolicyProfile) -> str | None:
    """Why the latest term cannot be renewed, or ``None`` when it can."""
    if not terms:
        return _("尚未任命，不能续聘（请先任命）")
    latest = max(terms, key=_start)
    if latest.end_reason == TermEndReason.DISMISSED:
        return _("已被解聘，不能续聘")
    if latest.end_reason == TermEndReason.RESIGNED:
        return _("已辞任，不能续聘（如需再次聘任请重新任命）")
    if latest.assessment == Assessment.INCOMPETENT:
        return _("任期考核为“不称职”，不能续聘")
    if latest.assessment not in RENEWABLE:
        return _("本届任期尚未考核（考核为优秀或称职方可续聘）")
    count = consecutive_terms(terms, latest)
    if count >= policy.max_consecutive_terms:
        return _(
            "已连续任职 {count} 届，达到最多连续任期（{most} 届），不能再续聘",
            count=count,
            most=policy.max_consecutive_terms,
        )
    return None


def serving_inspector_ids(session: Session, today: date) -> set[int]:
    """Ids of the inspectors in office on ``today`` (inside an open session)."""
    rows = session.scalars(select(Appointment).where(Appointment.start_date <= today))
    return {t.inspector_id for t in rows if today <= last_day(t)}


def _start(term: TermLike) -> date:
    return term.start_date


# --- operations: each is one unit of work -------------------------------------------------


def _inspector(session: Session, inspector_id: int) -> Inspector:
    inspector = session.get(Inspector, inspector_id)
    if inspector is None:
        message = _("找不到这名督学，可能已被删除")
        raise ValidationError([FieldError("inspector", _("督学"), message)])
    return inspector


def _check_no_overlap(
    inspector: Inspector, start: date, end: date, ignore: Appointment | None = None
) -> None:
    for term in inspector.appointments:
        if term is not ignore and term.start_date <= end and start <= last_day(term):
            raise refusal(
                "start_date",
                _("任期开始日期"),
                _(
                    "{name}的任期与已有任期（{start} 至 {end}）重叠",
                    name=inspector.name,
                    start=term.start_date,
                    end=last_day(term),
                ),
            )


def appoint_in_session(session: Session, inspector: Inspector, start: date, note: str = "") -> None:
    """Add a term from ``start`` inside an open session; refuses an overlapping term."""
    end = term_end(start, policy_from_session(session))
    _check_no_overlap(inspector, start, end)
    session.add(Appointment(inspector=inspector, start_date=start, end_date=end, notes=note))
    session.flush()


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def appoint(db: Database, inspector_id: int, start: date, note: str = "") -> date:
    """Appoint an inspector for one term from ``start``; returns the term's last day."""
    with db.session() as session:
        inspector = _inspector(session, inspector_id)
        appoint_in_session(session, inspector, start, note)
        return term_end(start, policy_from_session(session))


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def record_assessment(db: Database, inspector_id: int, assessment: Assessment) -> None:
    """Record the assessment (任期考核) of the inspector's latest term."""
    with db.session() as session:
        inspector = _inspector(session, inspector_id)
        if not inspector.appointments:
            message = _("{name}尚未任命，无可考核的任期", name=inspector.name)
            raise refusal("assessment", _("任期考核"), message)
        max(inspector.appointments, key=_start).assessment = assessment.value


def _renew_in_session(
    session: Session, inspector: Inspector, start: date | None, policy: PolicyProfile
) -> date:
    why_not = renewal_refusal(inspector.appointments, policy)
    if why_not:
        raise refusal("renewal", _("续聘"), _("{name}{why}", name=inspector.name, why=why_not))
    latest = max(inspector.appointments, key=_start)
    start = start or latest.end_date + timedelta(days=1)
    if start <= latest.start_date:
        raise refusal("start_date", _("新任期开始日期"), _("新任期应在本届任期开始之后"))
    end = term_end(start, policy)
    _check_no_overlap(inspector, start, end, ignore=latest)
    if start <= last_day(latest):
        latest.ended_on = start - timedelta(days=1)
        latest.end_reason = TermEndReason.EXPIRED.value
    session.add(Appointment(inspector=inspector, start_date=start, end_date=end, notes=""))
    session.flush()
    return end


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def renew(
    db: Database,
    inspector_id: int,
    start: date | None = None,
    assessment: Assessment | None = None,
) -> date:
    """Renew after an assessment of 优秀/称职 (recorded first when given).

    The new term starts the day after the current one ends unless ``start`` is given.
    Returns the new term's last day; refuses with the reason when renewal is not allowed.
    """
    if assessment is not None:
        # Recorded on its own: a 不称职 stays on record although the renewal is refused.
        record_assessment(db, inspector_id, assessment)
    with db.session() as session:
        inspector = _inspector(session, inspector_id)
        return _renew_in_session(session, inspector, start, policy_from_session(session))


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def end_term(
    db: Database, inspector_id: int, on: date, reason: TermEndReason, note: str = ""
) -> list[str]:
    """End the inspector's term on ``on`` (届满/解聘/辞任) and their 挂牌 from that day.

    Returns the names of the schools that are left without this inspector.
    """
    with db.session() as session:
        inspector = _inspector(session, inspector_id)
        open_terms = [t for t in inspector.appointments if t.ended_on is None]
        term = current_term(open_terms, on) or (max(open_terms, key=_start) if open_terms else None)
        if term is None:
            raise refusal("term", _("任期"), _("{name}没有可结束的任期", name=inspector.name))
        if on < term.start_date:
            message = _("结束日期不能早于任期开始日期 {start}", start=term.start_date)
            raise refusal("ended_on", _("结束日期"), message)
        term.ended_on = on
        term.end_reason = reason.value
        if note:
            term.notes = f"{term.notes}\n{note}".strip()
        for later in [t for t in inspector.appointments if t.start_date > on]:
            session.delete(later)  # a renewal that has not begun yet
        running = session.scalars(
            select(Assignment).where(
                Assignment.inspector_id == inspector.id,
                (Assignment.end_date.is_(None)) | (Assignment.end_date > on),
            )
        ).all()
        left = sorted({a.school.name for a in running if a.start_date <= on})
        end_coverage(session, running, on)
        return left


@dataclass(frozen=True)
class BatchRenewal:
    """Outcome of a general re-appointment: who was renewed, who was not and why."""

    renewed: list[str]
    refused: list[tuple[str, str]]


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def batch_renew(
    db: Database,
    inspector_ids: Sequence[int],
    start: date,
    assessments: dict[int, Assessment] | None = None,
) -> BatchRenewal:
    """换届: renew many inspectors from the same ``start`` in one unit of work.

    Those who may not be renewed are listed with the reason; the others are renewed.
    """
    assessments = assessments or {}
    renewed: list[str] = []
    refused: list[tuple[str, str]] = []
    with db.session() as session:
        policy = policy_from_session(session)
        for inspector_id in inspector_ids:
            inspector = _inspector(session, inspector_id)
            begun = [t for t in inspector.appointments if t.start_date < start]
            if inspector_id in assessments and begun:
                # The term being assessed is the one before the new start, not a booked one.
                max(begun, key=_start).assessment = assessments[inspector_id].value
            try:
                _renew_in_session(session, inspector, start, policy)
            except ValidationError as exc:
                refused.append((inspector.name, "；".join(exc.messages())))
            else:
                renewed.append(inspector.name)
    return BatchRenewal(renewed, refused)
