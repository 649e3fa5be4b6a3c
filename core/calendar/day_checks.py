"""What speaks against putting a visit on a day: the warnings the clerk sees before a visit is
added on, or moved to, a day. Nothing here refuses anything — the clerk reads and decides.

:func:`day_warnings` checks, in this order: a day off (weekend, public holiday or a day the
clerk entered as a holiday; for a year whose arrangement is not complete, the notice that its
holidays are not sure), the school break (by the school's terms), the inspector's daily cap,
their unavailable days, a recusal from the school, their term of office, whether they are the
school's responsible inspector that day (a milder note), and a school no longer active.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.enums import ACTIVE_STATUSES, UnavailableReason
from core.errors import refusal
from core.office.school_terms import SchoolCalendar, kind_of_school
from core.office.settings import policy_from_session
from core.office.workdays import (
    WEEKDAYS,
    WorkCalendar,
    certainty_notice,
    package_knows,
)
from core.roster.assignments import responsible_by_day
from core.roster.terms import current_term
from db.models import CalendarDay, Inspector, Recusal, School, Unavailability, Visit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database


def day_text(day: date) -> str:
    """A day as the warnings name it: 2026年11月7日（周六）."""
    return f"{day.year}年{day.month}月{day.day}日（周{WEEKDAYS[day.weekday()]}）"


def _day_off(session: Session, work: WorkCalendar, day: date) -> str:
    """What kind of day off ``day`` is (it is not a working day)."""
    if day in work.edits:
        note = session.scalar(select(CalendarDay.note).where(CalendarDay.day == day))
        return "办公室设定的休息日" + (f"（{note}）" if note else "")
    if package_knows(day.year):
        import chinese_calendar  # kept off the GUI's start-up path, as in core.office.workdays

        _, name = chinese_calendar.get_holiday_detail(day)
        if name is not None:
            return f"法定节假日（{chinese_calendar.Holiday(name).chinese}）"
    return "周末"


def day_warnings(
    session: Session,
    *,
    inspector_id: int,
    school_id: int,
    day: date,
    ignore_visit_id: int | None = None,
) -> list[str]:
    """The Chinese warnings against a visit of the inspector to the school on ``day``.

    ``ignore_visit_id`` is the visit being moved, so it does not count against the daily cap.
    An empty list means the day is fine. Raises :class:`ValidationError` when the inspector or
    the school no longer exists.
    """
    inspector = session.get(Inspector, inspector_id)
    if inspector is None:
        raise refusal("inspector", "督学", "找不到这名督学，可能已被删除")
    school = session.get(School, school_id)
    if school is None:
        raise refusal("school", "学校", "找不到这所学校，可能已被删除")
    policy = policy_from_session(session)
    work = WorkCalendar.from_session(session)
    when, who = day_text(day), inspector.name
    warnings: list[str] = []
    if not work.is_workday(day):
        warnings.append(f"{when}是{_day_off(session, work, day)}，不是工作日")
    notice = certainty_notice(day.year, work.certainty(day.year))
    if notice:
        warnings.append(notice)
    if not SchoolCalendar.from_session(session).in_term(day, kind_of_school(school.kind)):
        warnings.append(f"{when}在寒暑假期间，学校放假")
    busy = select(func.count()).where(
        Visit.inspector_id == inspector_id,
        Visit.visit_date == day,
        Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
    )
    if ignore_visit_id is not None:
        busy = busy.where(Visit.id != ignore_visit_id)
    visits, cap = session.scalar(busy) or 0, policy.visits_per_inspector_per_day
    if visits >= cap:
        warnings.append(f"{who}{when}已有 {visits} 次督导（每天最多 {cap} 次）")
    for away in session.scalars(
        select(Unavailability)
        .where(
            Unavailability.inspector_id == inspector_id,
            Unavailability.start_date <= day,
            Unavailability.end_date >= day,
        )
        .order_by(Unavailability.start_date, Unavailability.id)
    ):
        reason = UnavailableReason.label_of(away.reason) + (f"：{away.note}" if away.note else "")
        warnings.append(f"{who}{when}不能下校（{reason}）")
    recusal = session.scalar(
        select(Recusal).where(Recusal.inspector_id == inspector_id, Recusal.school_id == school_id)
    )
    if recusal is not None:
        reason = f"（{recusal.reason}）" if recusal.reason else ""
        warnings.append(f"{who}须回避“{school.name}”{reason}")
    in_office = current_term(inspector.appointments, day) is not None
    if not in_office:
        warnings.append(f"{who}{when}不在任期内")
    responsible = responsible_by_day(session, day, day, [school_id]).get(school_id, {}).get(day)
    if responsible is not None and responsible != inspector_id:
        name = session.execute(
            select(Inspector.name).where(Inspector.id == responsible)
        ).scalar_one()
        warnings.append(f"提示：{when}“{school.name}”的责任督学是{name}，不是{who}")
    elif responsible is None and in_office:
        warnings.append(f"提示：{when}“{school.name}”没有责任督学（挂牌）")
    if not school.active:
        warnings.append(f"“{school.name}”已停用")
    return warnings


def check_day(
    db: Database,
    *,
    inspector_id: int,
    school_id: int,
    day: date,
    ignore_visit_id: int | None = None,
) -> list[str]:
    """:func:`day_warnings` in a unit of work of its own."""
    with db.session() as session:
        return day_warnings(
            session,
            inspector_id=inspector_id,
            school_id=school_id,
            day=day,
            ignore_visit_id=ignore_visit_id,
        )
