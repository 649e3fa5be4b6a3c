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
from core.i18n import Text, _, n_
from core.office.school_terms import SchoolCalendar, kind_of_school
from core.office.settings import policy_from_session
from core.office.workdays import (
    WorkCalendar,
    certainty_notice,
    package_knows,
    weekday_name,
)
from core.roster.assignments import responsible_by_day
from core.roster.terms import current_term
from db.models import CalendarDay, Inspector, Recusal, School, Unavailability, Visit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database


def day_text(day: date) -> str:
    """A day as the warnings name it: 2026年11月7日（周六）, Sat 2026-11-07."""
    return _(
        "{year}年{month}月{day}日（{weekday}）",
        year=day.year,
        month=day.month,
        day=day.day,
        weekday=weekday_name(day),
    )


def _day_off(session: Session, work: WorkCalendar, day: date) -> str:
    """What kind of day off ``day`` is (it is not a working day)."""
    if day in work.edits:
        note = session.scalar(select(CalendarDay.note).where(CalendarDay.day == day))
        return _("办公室设定的休息日（{note}）", note=note) if note else _("办公室设定的休息日")
    if package_knows(day.year):
        import chinese_calendar  # kept off the GUI's start-up path, as in core.office.workdays

        name = chinese_calendar.get_holiday_detail(day)[1]
        if name is not None:
            holiday = chinese_calendar.Holiday(name)
            return _("法定节假日（{holiday}）", holiday=Text(holiday.chinese, holiday.value))
    return _("周末")


def day_warnings(
    session: Session,
    *,
    inspector_id: int,
    school_id: int,
    day: date,
    ignore_visit_id: int | None = None,
) -> list[str]:
    """The warnings against a visit of the inspector to the school on ``day``, in the chosen
    language.

    ``ignore_visit_id`` is the visit being moved, so it does not count against the daily cap.
    An empty list means the day is fine. Raises :class:`ValidationError` when the inspector or
    the school no longer exists.
    """
    inspector = session.get(Inspector, inspector_id)
    if inspector is None:
        raise refusal("inspector", _("督学"), _("找不到这名督学，可能已被删除"))
    school = session.get(School, school_id)
    if school is None:
        raise refusal("school", _("学校"), _("找不到这所学校，可能已被删除"))
    policy = policy_from_session(session)
    work = WorkCalendar.from_session(session)
    when, who = day_text(day), inspector.name
    warnings: list[str] = []
    if not work.is_workday(day):
        warnings.append(_("{when}是{off}，不是工作日", when=when, off=_day_off(session, work, day)))
    notice = certainty_notice(day.year, work.certainty(day.year))
    if notice:
        warnings.append(notice)
    if not SchoolCalendar.from_session(session).in_term(day, kind_of_school(school.kind)):
        warnings.append(_("{when}在寒暑假期间，学校放假", when=when))
    busy = select(func.count()).where(
        Visit.inspector_id == inspector_id,
        Visit.visit_date == day,
        Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
    )
    if ignore_visit_id is not None:
        busy = busy.where(Visit.id != ignore_visit_id)
    visits, cap = session.scalar(busy) or 0, policy.visits_per_inspector_per_day
    if visits >= cap:
        warnings.append(
            n_(
                "{who}{when}已有 {n} 次督导（每天最多 {cap} 次）",
                visits,
                who=who,
                when=when,
                cap=cap,
            )
        )
    for away in session.scalars(
        select(Unavailability)
        .where(
            Unavailability.inspector_id == inspector_id,
            Unavailability.start_date <= day,
            Unavailability.end_date >= day,
        )
        .order_by(Unavailability.start_date, Unavailability.id)
    ):
        reason = UnavailableReason.label_of(away.reason)
        if away.note:
            reason = _("{reason}：{note}", reason=reason, note=away.note)
        warnings.append(_("{who}{when}不能下校（{reason}）", who=who, when=when, reason=reason))
    recusal = session.scalar(
        select(Recusal).where(Recusal.inspector_id == inspector_id, Recusal.school_id == school_id)
    )
    if recusal is not None:
        warnings.append(
            _(
                "{name}须回避“{school}”（{reason}）",
                name=who,
                school=school.name,
                reason=recusal.reason,
            )
            if recusal.reason
            else _("{name}须回避“{school}”", name=who, school=school.name)
        )
    in_office = current_term(inspector.appointments, day) is not None
    if not in_office:
        warnings.append(_("{who}{when}不在任期内", who=who, when=when))
    responsible = responsible_by_day(session, day, day, [school_id]).get(school_id, {}).get(day)
    if responsible is not None and responsible != inspector_id:
        name = session.execute(
            select(Inspector.name).where(Inspector.id == responsible)
        ).scalar_one()
        warnings.append(
            _(
                "提示：{when}“{school}”的责任督学是{name}，不是{who}",
                when=when,
                school=school.name,
                name=name,
                who=who,
            )
        )
    elif responsible is None and in_office:
        warnings.append(
            _("提示：{when}“{school}”没有责任督学（挂牌）", when=when, school=school.name)
        )
    if not school.active:
        warnings.append(_("“{school}”已停用", school=school.name))
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
