"""Rectification (整改): problems found at schools, their follow-ups, notices and re-checks.

A problem has one of the four tiers of the plans (``ProblemCategory``): 一般性问题; 重点问题 — one
still open after the policy's ``followups_before_escalation`` follow-ups (督促指导 2 times) becomes
one and is reported to the office; 难点问题 — it needs other departments: the office coordinates
or reports it up to the district or city (a report by hand makes a 一般性问题 one);
严重违规或重大问题 — reported at once. Beyond that the office records 督办通知, 约谈, 通报,
问责 and reports up as actions (:mod:`core.casework.actions`).

A problem carries a requirement: 立行立改 (fix at once — its deadline is the day it was found, so
it is overdue the next day if still open) or 限期整改 (by a deadline the clerk gives). Its status
follows from its history, never typed:

- a follow-up (复查) that finds it fixed makes it 已整改, ``closed_on`` that day;
- while it is still open, the follow-up that brings the count to the policy's
  ``followups_before_escalation`` makes it 已上报, ``escalated_on`` that day; a 严重违规或重大问题
  is reported the day it is registered; the clerk may also report one by hand (a 难点问题 needing
  other departments). ``escalated_on`` stays set after a later fix, so the trail shows it;
- 销号 closes a fixed problem; ``closed_on`` then holds the day of 销号 (the day it was fixed
  stays in its follow-ups).

A problem is overdue while 待整改 or 已上报 after its deadline. Rectification notices
(整改通知书) are numbered per year, ``督整〔2026〕3号``, with the prefix of the report settings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.attachments import remove_unreferenced_blobs, session_attachment_digests
from core.casework.actions import action_rows_in
from core.changes import Change, mutates
from core.enums import (
    ActionKind,
    ComplaintChannel,
    FollowUpOutcome,
    ProblemCategory,
    ProblemStatus,
    Requirement,
    VisitKind,
    VisitStatus,
)
from core.errors import FieldError, Labels, ValidationError, apply_unless_stale, refusal
from core.i18n import _, joined, n_
from core.office.policy import PolicyProfile
from core.office.settings import policy_from_session
from core.reports.settings import ReportSettings, load_report_settings
from core.roster.assignments import responsible_inspectors
from core.roster.terms import serving_inspector_ids
from db.models import (
    Attachment,
    Complaint,
    FollowUp,
    Inspector,
    Problem,
    ProblemAction,
    School,
    Visit,
    Zone,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

UNRESOLVED = (ProblemStatus.OPEN.value, ProblemStatus.ESCALATED.value)


def anonymous() -> str:
    """How a complaint without a name is shown (匿名)."""
    return _("匿名")


# --- the rules, as pure functions ------------------------------------------------------------


def escalation_due(
    category: str, follow_up_count: int, still_open: bool, policy_count: int
) -> bool:
    """Whether a problem must be reported to the office now.

    A 严重违规或重大问题 at once; any other when ``follow_up_count`` follow-ups have reached
    ``policy_count`` (the policy's ``followups_before_escalation``) and it is still open.
    """
    if not still_open:
        return False
    return category == ProblemCategory.SERIOUS or follow_up_count >= policy_count


@dataclass(frozen=True)
class ProblemState:
    """What a problem's history makes of it."""

    status: str
    escalated_on: date | None
    closed_on: date | None


def derive_state(
    category: str,
    found_on: date,
    follow_ups: Sequence[tuple[date, str]],
    policy_count: int,
    *,
    escalated_by_hand: date | None = None,
    verified_on: date | None = None,
) -> ProblemState:
    """The status of a problem from its follow-ups ``(day, outcome)`` in the order entered.

    ``escalated_by_hand`` is a report the clerk made themselves; ``verified_on`` the day of 销号,
    which stands only while a follow-up still finds the problem fixed.
    """
    escalated_on = found_on if escalation_due(category, 0, True, policy_count) else None
    fixed_on = None
    for count, (day, outcome) in enumerate(sorted(follow_ups, key=lambda f: f[0]), start=1):
        if outcome == FollowUpOutcome.FIXED:
            fixed_on = day
            break
        if escalated_on is None and escalation_due(category, count, True, policy_count):
            escalated_on = day
    if escalated_by_hand is not None and (escalated_on is None or escalated_by_hand < escalated_on):
        escalated_on = escalated_by_hand
    if fixed_on is None:
        status = ProblemStatus.ESCALATED if escalated_on else ProblemStatus.OPEN
        return ProblemState(status.value, escalated_on, None)
    if verified_on is not None:
        return ProblemState(ProblemStatus.VERIFIED.value, escalated_on, verified_on)
    return ProblemState(ProblemStatus.FIXED.value, escalated_on, fixed_on)


def report_up_late(
    category: str, found_on: date, reported_up: bool, today: date, days: int
) -> bool:
    """Whether a 严重违规或重大问题 found on ``found_on`` is still not reported up (报送上级) on
    ``today`` although the policy's ``serious_report_days`` have passed."""
    return (
        category == ProblemCategory.SERIOUS
        and not reported_up
        and today > found_on + timedelta(days=days)
    )


def tier_of(category: str, escalated_by_follow_ups: bool) -> str:
    """The tier a problem stands at: a 一般性问题 that the follow-ups found still open until it
    was reported (:func:`escalation_due`) is a 重点问题; any other keeps its tier."""
    if category == ProblemCategory.GENERAL and escalated_by_follow_ups:
        return ProblemCategory.KEY.value
    return category


def is_overdue(status: str, deadline: date | None, today: date) -> bool:
    """Still 待整改 or 已上报 after its deadline."""
    return status in UNRESOLVED and deadline is not None and today > deadline


def late_deadlines(problems: Sequence[Problem], day: date) -> str:
    """Why ``problems`` cannot go into a notice issued on ``day`` — a 限期整改 deadline before
    that day — or "" when they can."""
    late = [
        p for p in problems
        if p.requirement == Requirement.DEADLINE and p.deadline is not None and p.deadline < day
    ]  # fmt: skip
    if not late:
        return ""
    listed = joined(
        (_("“{problem}”（{day}）", problem=p.description[:20], day=p.deadline) for p in late),
        "、",
        ", ",
    )
    return _("整改期限早于通知日期 {day}，请先修改整改期限：{listed}", day=day, listed=listed)


def complaint_reply_due(received_on: date, policy: PolicyProfile) -> date:
    """The day a complaint received on ``received_on`` must be answered by (办理期限)."""
    return received_on + timedelta(days=policy.complaint_reply_days)


def is_complaint_overdue(due: date, replied_on: date | None, today: date) -> bool:
    """Not answered by ``today`` (an answer given after ``today`` was not given then) although
    the 办理期限 ``due`` has passed."""
    return today > due and (replied_on is None or replied_on > today)


def reply_due(notice_date: date, policy: PolicyProfile) -> date:
    """The day by which a school must answer a notice issued on ``notice_date``."""
    return notice_date + timedelta(days=policy.rectification_reply_days)


# --- entering problems -----------------------------------------------------------------------


@dataclass(frozen=True)
class ProblemInput:
    """A problem as the clerk enters it; ``deadline`` is needed only for 限期整改."""

    school_id: int
    found_on: date
    category: str
    description: str
    requirement: str
    deadline: date | None
    visit_id: int | None = None
    complaint_id: int | None = None
    note: str = ""


def problem_problems(data: ProblemInput) -> list[FieldError]:
    """Every problem of ``data`` that needs no database, each naming its field."""
    errors = []
    if data.category not in {c.value for c in ProblemCategory}:
        message = _("“问题类别”不能是“{value}”", value=data.category)
        errors.append(FieldError("category", _("问题类别"), message))
    if not data.description.strip():
        errors.append(FieldError("description", _("问题描述"), _("“问题描述”不能为空")))
    if data.requirement not in {r.value for r in Requirement}:
        message = _("“整改要求”不能是“{value}”", value=data.requirement)
        errors.append(FieldError("requirement", _("整改要求"), message))
    elif data.requirement == Requirement.DEADLINE:
        if data.deadline is None:
            errors.append(FieldError("deadline", _("整改期限"), _("限期整改须填写“整改期限”")))
        elif data.deadline < data.found_on:
            message = _("“整改期限”不能早于发现日期（{day}）", day=data.found_on)
            errors.append(FieldError("deadline", _("整改期限"), message))
    return errors


def _check_links(session: Session, data: ProblemInput) -> None:
    """The school, visit and complaint exist and agree with each other and with the day."""
    school = session.get(School, data.school_id)
    if school is None:
        raise refusal("school", _("学校"), _("请选择学校"))
    if data.visit_id is not None:
        visit = session.get(Visit, data.visit_id)
        if visit is None:
            raise refusal("visit", _("督导"), _("找不到发现问题的那次督导"))
        if visit.school_id != school.id:
            message = _("那次督导不是在“{school}”进行的", school=school.name)
            raise refusal("school", _("学校"), message)
        if data.found_on < visit.visit_date:
            message = _("“发现日期”不能早于督导日期（{day}）", day=visit.visit_date)
            raise refusal("found_on", _("发现日期"), message)
    if data.complaint_id is not None:
        complaint = session.get(Complaint, data.complaint_id)
        if complaint is None:
            raise refusal("complaint", _("投诉"), _("找不到这条投诉记录"))
        if complaint.school_id != school.id:
            message = _("这条投诉反映的不是“{school}”", school=school.name)
            raise refusal("school", _("学校"), message)
        if data.found_on < complaint.received_on:
            message = _("“发现日期”不能早于投诉受理日期（{day}）", day=complaint.received_on)
            raise refusal("found_on", _("发现日期"), message)


def _validated(session: Session, data: ProblemInput) -> None:
    problems = problem_problems(data)
    if problems:
        raise ValidationError(problems)
    _check_links(session, data)


def _apply(problem: Problem, data: ProblemInput) -> None:
    problem.school_id = data.school_id
    problem.visit_id = data.visit_id
    problem.complaint_id = data.complaint_id
    problem.found_on = data.found_on
    problem.category = data.category
    problem.description = data.description.strip()
    problem.requirement = data.requirement
    immediate = data.requirement == Requirement.IMMEDIATE
    problem.deadline = data.found_on if immediate else data.deadline
    problem.note = data.note.strip()


def _problem(session: Session, problem_id: int) -> Problem:
    problem = session.get(Problem, problem_id)
    if problem is None:
        raise refusal("problem", _("整改问题"), _("找不到这个整改问题"))
    return problem


def _history(problem: Problem) -> list[tuple[date, str]]:
    return [(f.day, f.outcome) for f in sorted(problem.follow_ups, key=lambda f: (f.day, f.id))]


def _automatic(problem: Problem, policy_count: int) -> ProblemState:
    return derive_state(problem.category, problem.found_on, _history(problem), policy_count)


def _settle(session: Session, problem: Problem, change: Callable[[], object]) -> None:
    """Make ``change`` to ``problem`` and set its status from its history afterwards.

    A report made by hand (an ``escalated_on`` the rules would not have set) and a 销号 are
    kept as long as the history still allows them.
    """
    count = policy_from_session(session).followups_before_escalation
    automatic = _automatic(problem, count).escalated_on
    by_hand = problem.escalated_on if problem.escalated_on != automatic else None
    verified_on = problem.closed_on if problem.status == ProblemStatus.VERIFIED else None
    change()
    session.flush()
    state = derive_state(
        problem.category,
        problem.found_on,
        _history(problem),
        count,
        escalated_by_hand=by_hand,
        verified_on=verified_on,
    )
    problem.status, problem.escalated_on, problem.closed_on = (
        state.status,
        state.escalated_on,
        state.closed_on,
    )
    by_count = state.escalated_on is not None and state.escalated_on != by_hand
    problem.category = tier_of(problem.category, by_count)


def add_problem_in_session(session: Session, data: ProblemInput) -> Problem:
    """Register a problem inside an open session (a 严重违规或重大问题 is reported at once)."""
    _validated(session, data)
    problem = Problem(status=ProblemStatus.OPEN.value, notice_no="")
    _apply(problem, data)
    session.add(problem)
    _settle(session, problem, lambda: None)
    session.flush()
    return problem


@mutates(Change.PROBLEMS)
def add_problem(db: Database, data: ProblemInput) -> int:
    """Register a problem found at a school; returns its id."""
    with db.session() as session:
        return add_problem_in_session(session, data).id


def problem_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "found_on": _("发现日期"),
        "category": (_("问题类别"), ProblemCategory.label_of),
        "description": _("问题描述"),
        "requirement": (_("整改要求"), Requirement.label_of),
        "deadline": _("整改期限"),
        "note": _("备注"),
    }


@mutates(Change.PROBLEMS)
def update_problem(
    db: Database, problem_id: int, data: ProblemInput, *, version: int | None = None
) -> None:
    """Change a problem as entered; its status follows from the changed data.

    ``version`` is the row's version when the clerk opened it: if someone saved it since (a
    follow-up recorded counts), the change is refused (:class:`~core.errors.StaleEditError`).
    """
    with db.session() as session:
        problem = _problem(session, problem_id)
        _validated(session, data)
        if version is not None and problem.version != version:
            # Refused: applying the input only shows what was typed against what is stored.
            apply_unless_stale(
                session,
                problem,
                version,
                problem_labels(),
                lambda now: _("整改问题“{problem}”", problem=now["description"][:20]),
                lambda: _apply(problem, data),
            )
        earliest = min((f.day for f in problem.follow_ups), default=None)
        if earliest is not None and data.found_on > earliest:
            message = _("已有 {day} 的复查记录，“发现日期”不能晚于它", day=earliest)
            raise refusal("found_on", _("发现日期"), message)
        _settle(session, problem, lambda: _apply(problem, data))


@mutates(Change.PROBLEMS)
def delete_problem(db: Database, problem_id: int) -> None:
    """Delete a problem entered by mistake, with its follow-ups and attachments (and their
    copies); re-check visits stay."""
    with db.session() as session:
        problem = session.get(Problem, problem_id)
        if problem is None:
            return
        copies = session_attachment_digests(session, Attachment.problem_id == problem_id)
        session.delete(problem)
    remove_unreferenced_blobs(db, copies)


# --- follow-ups, 销号 and reports ---------------------------------------------------------------


@mutates(Change.PROBLEMS)
def add_follow_up(db: Database, problem_id: int, *, day: date, outcome: str, result: str) -> int:
    """Record a follow-up (复查) and apply the status rules; returns its id."""
    if outcome not in {o.value for o in FollowUpOutcome}:
        raise refusal("outcome", _("复查结论"), _("“复查结论”不能是“{value}”", value=outcome))
    with db.session() as session:
        problem = _problem(session, problem_id)
        if problem.status not in UNRESOLVED:
            raise refusal("status", _("整改状态"), _("这个问题已整改，不能再登记复查"))
        if day < problem.found_on:
            message = _("“复查日期”不能早于问题发现日期（{day}）", day=problem.found_on)
            raise refusal("day", _("复查日期"), message)
        latest = max((f.day for f in problem.follow_ups), default=day)
        if day < latest:
            message = _("“复查日期”不能早于上一次复查（{day}）", day=latest)
            raise refusal("day", _("复查日期"), message)
        follow_up = FollowUp(day=day, outcome=outcome, result=result.strip())
        _settle(session, problem, lambda: problem.follow_ups.append(follow_up))
        return follow_up.id


@mutates(Change.PROBLEMS)
def delete_follow_up(db: Database, follow_up_id: int) -> None:
    """Delete a follow-up entered by mistake; the problem's status follows what remains."""
    with db.session() as session:
        follow_up = session.get(FollowUp, follow_up_id)
        if follow_up is None:
            return
        problem = follow_up.problem
        _settle(session, problem, lambda: problem.follow_ups.remove(follow_up))


@mutates(Change.PROBLEMS)
def mark_verified(db: Database, problem_id: int, day: date) -> None:
    """销号: close a fixed problem on ``day``."""
    with db.session() as session:
        problem = _problem(session, problem_id)
        if problem.status != ProblemStatus.FIXED or problem.closed_on is None:
            raise refusal("status", _("整改状态"), _("只有已整改的问题才能销号"))
        if day < problem.closed_on:
            message = _("“销号日期”不能早于整改完成日期（{day}）", day=problem.closed_on)
            raise refusal("day", _("销号日期"), message)
        problem.status, problem.closed_on = ProblemStatus.VERIFIED.value, day


@mutates(Change.PROBLEMS)
def escalate(db: Database, problem_id: int, day: date) -> None:
    """Report an open problem to the office by hand: a 难点问题 needing other departments (a
    一般性问题 reported by hand becomes one)."""
    with db.session() as session:
        problem = _problem(session, problem_id)
        if problem.status == ProblemStatus.ESCALATED and problem.escalated_on:
            message = _("这个问题已于 {day} 上报", day=problem.escalated_on)
            raise refusal("status", _("整改状态"), message)
        if problem.status != ProblemStatus.OPEN:
            raise refusal("status", _("整改状态"), _("这个问题已整改，无需上报"))
        if day < problem.found_on:
            message = _("“上报日期”不能早于问题发现日期（{day}）", day=problem.found_on)
            raise refusal("day", _("上报日期"), message)
        problem.status, problem.escalated_on = ProblemStatus.ESCALATED.value, day
        if problem.category == ProblemCategory.GENERAL:
            problem.category = ProblemCategory.DIFFICULT.value


# --- notices and re-checks -------------------------------------------------------------------


def _next_notice_number(session: Session, year: int) -> str:
    pattern = re.compile(rf"〔{year}〕(\d+)号$")
    issued = session.scalars(
        select(Problem.notice_no).where(Problem.notice_no.like(f"%〔{year}〕%"))
    )
    numbers = [int(m.group(1)) for text in issued if (m := pattern.search(text))]
    settings = load_report_settings(session)
    if not settings.notice_prefix:
        settings = ReportSettings()
    return settings.notice_number(year, max(numbers, default=0) + 1)


@mutates(Change.PROBLEMS)
def issue_notice(db: Database, problem_ids: Sequence[int], *, day: date) -> str:
    """Give the chosen problems of one school the year's next notice number; returns it.

    Problems already in a notice keep their number: choosing only those returns it again (for
    re-printing); the others get the new number, dated ``day``.
    """
    label = _("整改问题")
    if not problem_ids:
        raise refusal("problems", label, _("请至少选择一个整改问题"))
    with db.session() as session:
        problems = session.scalars(select(Problem).where(Problem.id.in_(problem_ids))).all()
        if len(problems) != len(set(problem_ids)):
            raise refusal("problems", label, _("找不到所选的整改问题"))
        schools = sorted({p.school.name for p in problems})
        if len(schools) > 1:
            message = n_(
                "一份整改通知书只能发给一所学校，所选问题涉及 {n} 所学校：{schools}",
                len(schools),
                schools=joined(schools, "、", ", "),
            )
            raise refusal("problems", label, message)
        new = [p for p in problems if not p.notice_no]
        if not new:
            numbers = sorted({p.notice_no for p in problems})
            if len(numbers) > 1:
                message = _(
                    "所选问题分属不同的整改通知书（{numbers}），请分别打印",
                    numbers=joined(numbers, "、", ", "),
                )
                raise refusal("problems", label, message)
            return numbers[0]
        found = max(p.found_on for p in new)
        if day < found:
            message = _("“通知日期”不能早于问题发现日期（{day}）", day=found)
            raise refusal("day", _("通知日期"), message)
        late = late_deadlines(new, day)
        if late:
            raise refusal("day", _("通知日期"), late)
        number = _next_notice_number(session, day.year)
        for problem in new:
            problem.notice_no, problem.notice_date = number, day
        return number


@mutates(Change.PROBLEMS, Change.VISITS)
def plan_recheck(db: Database, problem_id: int, day: date, inspector_id: int | None = None) -> int:
    """Plan a 回头看 visit to the problem's school; returns the visit's id.

    Without ``inspector_id`` the school's responsible inspector on ``day`` goes.
    """
    with db.session() as session:
        problem = _problem(session, problem_id)
        if day < problem.found_on:
            message = _("“回头看日期”不能早于问题发现日期（{day}）", day=problem.found_on)
            raise refusal("day", _("回头看日期"), message)
        if inspector_id is None:
            inspector_id = responsible_inspectors(session, day).get(problem.school_id)
            if inspector_id is None:
                message = _(
                    "“{school}”在 {day} 没有责任督学，请指定回头看的督学",
                    school=problem.school.name,
                    day=day,
                )
                raise refusal("inspector", _("督学"), message)
        elif session.get(Inspector, inspector_id) is None:
            raise refusal("inspector", _("督学"), _("找不到所选的督学"))
        visit = Visit(
            visit_date=day,
            school_id=problem.school_id,
            inspector_id=inspector_id,
            kind=VisitKind.RECHECK.value,
            status=VisitStatus.PLANNED.value,
            topic="整改回头看",
            note="",
            generated=False,
            problem_id=problem.id,
        )
        session.add(visit)
        session.flush()
        return visit.id


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProblemRow:
    """One line of the rectification list (codes for category, requirement and status)."""

    id: int
    school_id: int
    school: str
    zone: str
    inspector: str
    found_on: date
    category: str
    description: str
    requirement: str
    deadline: date | None
    status: str
    escalated_on: date | None
    closed_on: date | None
    notice_no: str
    notice_date: date | None
    reply_due: date | None
    follow_ups: int
    source: str
    visit_id: int | None
    complaint_id: int | None
    note: str
    overdue: bool
    version: int = 1
    supervised: bool = False
    """A 督办通知 was issued for it."""

    @property
    def category_label(self) -> str:
        return ProblemCategory.label_of(self.category)

    @property
    def requirement_label(self) -> str:
        return Requirement.label_of(self.requirement)

    @property
    def status_label(self) -> str:
        return ProblemStatus.label_of(self.status)

    @property
    def escalated(self) -> bool:
        """Reported to the office and not yet fixed."""
        return self.status == ProblemStatus.ESCALATED

    @property
    def unresolved(self) -> bool:
        """待整改 or 已上报."""
        return self.status in UNRESOLVED


def _rows(session: Session, today: date, problem_id: int | None = None) -> list[ProblemRow]:
    policy = policy_from_session(session)
    responsible = responsible_inspectors(session, today)
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    zones = dict(session.execute(select(Zone.id, Zone.name)).all())
    query = (
        select(Problem, School.name, School.zone_id, Visit.visit_date)
        .join(School, School.id == Problem.school_id)
        .outerjoin(Visit, Visit.id == Problem.visit_id)
        .order_by(Problem.found_on.desc(), Problem.id.desc())
    )
    counts = select(FollowUp.problem_id, func.count()).group_by(FollowUp.problem_id)
    if problem_id is not None:
        query = query.where(Problem.id == problem_id)
        counts = counts.where(FollowUp.problem_id == problem_id)
    follow_ups = dict(session.execute(counts).all())
    supervised = set(
        session.scalars(
            select(ProblemAction.problem_id).where(
                ProblemAction.kind == ActionKind.SUPERVISION.value
            )
        )
    )
    rows = []
    for problem, school, zone_id, visit_day in session.execute(query):
        source = _("督导 {day}", day=visit_day) if visit_day else ""
        if not source and problem.complaint_id is not None:
            source = _("投诉")
        inspector_id = responsible.get(problem.school_id)
        rows.append(
            ProblemRow(
                id=problem.id,
                school_id=problem.school_id,
                school=school,
                zone=zones.get(zone_id, "") if zone_id else "",
                inspector=names.get(inspector_id, "") if inspector_id else "",
                found_on=problem.found_on,
                category=problem.category,
                description=problem.description,
                requirement=problem.requirement,
                deadline=problem.deadline,
                status=problem.status,
                escalated_on=problem.escalated_on,
                closed_on=problem.closed_on,
                notice_no=problem.notice_no,
                notice_date=problem.notice_date,
                reply_due=reply_due(problem.notice_date, policy) if problem.notice_date else None,
                follow_ups=follow_ups.get(problem.id, 0),
                source=source,
                visit_id=problem.visit_id,
                complaint_id=problem.complaint_id,
                note=problem.note,
                overdue=is_overdue(problem.status, problem.deadline, today),
                version=problem.version,
                supervised=problem.id in supervised,
            )
        )
    return rows


def rows_in(session: Session, today: date) -> list[ProblemRow]:
    """:func:`problem_rows` inside an open session."""
    return _rows(session, today)


def problem_rows(db: Database, today: date) -> list[ProblemRow]:
    """Every problem, newest first, with its responsible inspector and whether overdue on
    ``today``."""
    with db.session() as session:
        return _rows(session, today)


@dataclass(frozen=True)
class TrailEvent:
    """One dated step of a problem's trail; ``kind`` is one of :data:`TRAIL_KINDS`."""

    day: date
    kind: str
    text: str
    follow_up_id: int | None = None
    action_id: int | None = None


TRAIL_KINDS = (
    "complaint",
    "visit",
    "found",
    "notice",
    "follow_up",
    "escalated",
    "action",
    "recheck",
    "fixed",
    "verified",
)
"""Kinds of trail events, in the order they are listed within one day."""


@dataclass(frozen=True)
class ProblemTrail:
    """A problem and everything that happened to it, oldest first."""

    problem: ProblemRow
    events: list[TrailEvent]


def _source_events(session: Session, problem: Problem) -> list[TrailEvent]:
    events = []
    if problem.complaint is not None:
        c = problem.complaint
        who = c.complainant or anonymous()
        channel = ComplaintChannel.label_of(c.channel)
        text = _(
            "受理投诉（{channel}，{who}）：{content}", channel=channel, who=who, content=c.content
        )
        events.append(TrailEvent(c.received_on, "complaint", text))
    if problem.visit is not None:
        v = problem.visit
        inspector = session.get(Inspector, v.inspector_id)
        who = inspector.name if inspector else ""
        text = _("{kind}（{who}）", kind=VisitKind.label_of(v.kind), who=who)
        events.append(TrailEvent(v.visit_date, "visit", text))
    return events


def _escalation_text(problem: Problem, day: date, policy_count: int) -> str:
    if day != _automatic(problem, policy_count).escalated_on:
        return _("上报督导部门")
    if problem.category == ProblemCategory.SERIOUS and day == problem.found_on:
        return _("严重违规或重大问题，立即上报")
    count = sum(1 for f in problem.follow_ups if f.day <= day)
    return n_("经 {n} 次复查仍未整改，列为重点问题，上报督导部门", count)


def problem_trail(db: Database, problem_id: int, today: date) -> ProblemTrail:
    """The problem (as a list row on ``today``) and its dated trail: where it came from, the
    notice and the reply due, each follow-up, the report to the office, 督办 / 约谈 / 通报 / 问责
    / reports up, re-check visits, the fix and 销号."""
    with db.session() as session:
        problem = _problem(session, problem_id)
        row = _rows(session, today, problem_id)[0]
        policy = policy_from_session(session)
        events = _source_events(session, problem)
        actions = action_rows_in(session, problem.id)
        # the deadline set when it was found: the one the first 督办通知 replaced, if any
        first = next((a for a in actions if a.kind == ActionKind.SUPERVISION), None)
        asked = first.previous_deadline if first else problem.deadline
        deadline = _("，整改期限 {day}", day=asked) if asked else ""
        found = _(
            "发现问题：{category}，{requirement}{deadline}",
            category=row.category_label,
            requirement=row.requirement_label,
            deadline=deadline,
        )
        events.append(TrailEvent(problem.found_on, "found", found))
        if problem.notice_date and row.reply_due:
            notice = _(
                "出具整改通知书 {number}，要求 {day} 前回复",
                number=problem.notice_no,
                day=row.reply_due,
            )
            events.append(TrailEvent(problem.notice_date, "notice", notice))
        fixed_on = None
        ordered = sorted(problem.follow_ups, key=lambda f: (f.day, f.id))
        for number, f in enumerate(ordered, start=1):
            result = _("：{result}", result=f.result) if f.result else ""
            text = _(
                "第 {number} 次复查，{outcome}{result}",
                number=number,
                outcome=FollowUpOutcome.label_of(f.outcome),
                result=result,
            )
            events.append(TrailEvent(f.day, "follow_up", text, f.id))
            if f.outcome == FollowUpOutcome.FIXED and fixed_on is None:
                fixed_on = f.day
        if problem.escalated_on:
            count = policy.followups_before_escalation
            reported = _escalation_text(problem, problem.escalated_on, count)
            events.append(TrailEvent(problem.escalated_on, "escalated", reported))
        for action in actions:
            events.append(TrailEvent(action.day, "action", action.text, action_id=action.id))
        rechecks = session.execute(
            select(Visit, Inspector.name)
            .join(Inspector, Inspector.id == Visit.inspector_id)
            .where(Visit.problem_id == problem.id)
        )
        for visit, inspector in rechecks:
            status = VisitStatus.label_of(visit.status)
            text = _("回头看（{inspector}，{status}）", inspector=inspector, status=status)
            events.append(TrailEvent(visit.visit_date, "recheck", text))
        if fixed_on is not None and problem.status in (ProblemStatus.FIXED, ProblemStatus.VERIFIED):
            events.append(TrailEvent(fixed_on, "fixed", _("整改完成")))
        if problem.status == ProblemStatus.VERIFIED and problem.closed_on:
            events.append(TrailEvent(problem.closed_on, "verified", _("销号")))
        events.sort(key=lambda e: (e.day, TRAIL_KINDS.index(e.kind)))
        return ProblemTrail(row, events)


@dataclass(frozen=True)
class RectificationFigures:
    """Figures of the dashboard: problems not yet fixed, of them overdue, reported, still
    open after the new deadline of a 督办通知, and 严重违规或重大问题 not reported up (报送上级)
    within the policy's days; complaints not answered within their 办理期限."""

    open: int
    overdue: int
    escalated: int
    overdue_supervisions: int = 0
    overdue_complaints: int = 0
    unreported_serious: int = 0


def rectification_figures(db: Database, today: date) -> RectificationFigures:
    """How many problems are not yet fixed, overdue and reported to the office on ``today``."""
    with db.session() as session:
        return rectification_figures_in(session, today)


def state_on(
    problem: Problem, actions: Sequence[ProblemAction], day: date, policy_count: int
) -> tuple[str, date | None]:
    """The status and the deadline ``problem`` had on ``day`` (found by then): from the
    follow-ups, reports and 销号 up to that day, and the deadline of the last 督办通知 issued by
    then (or the one the first 督办 replaced)."""
    history = [(f.day, f.outcome) for f in problem.follow_ups if f.day <= day]
    reported, closed = problem.escalated_on, problem.closed_on
    verified = problem.status == ProblemStatus.VERIFIED and closed is not None and closed <= day
    state = derive_state(
        problem.category,
        problem.found_on,
        history,
        policy_count,
        escalated_by_hand=reported if reported is not None and reported <= day else None,
        verified_on=closed if verified else None,
    )
    supervisions = sorted(
        (a for a in actions if a.kind == ActionKind.SUPERVISION), key=lambda a: (a.day, a.id)
    )
    issued = [a for a in supervisions if a.day <= day]
    if issued:
        return state.status, issued[-1].deadline
    return state.status, supervisions[0].previous_deadline if supervisions else problem.deadline


def rectification_figures_in(session: Session, today: date) -> RectificationFigures:
    """:func:`rectification_figures` inside an open session: the problems found by ``today``
    as they stood that day (so ``check --date`` of a past day is reproducible). A 严重违规或
    重大问题 that is fixed no longer counts as not reported up."""
    policy = policy_from_session(session)
    count = policy.followups_before_escalation
    problems = session.scalars(
        select(Problem).where(Problem.found_on <= today).options(selectinload(Problem.follow_ups))
    ).all()
    actions: dict[int, list[ProblemAction]] = {}
    for action in session.scalars(select(ProblemAction).where(ProblemAction.day <= today)):
        actions.setdefault(action.problem_id, []).append(action)
    figures = Counter[str]()
    for problem in problems:
        status, deadline = state_on(problem, actions.get(problem.id, []), today, count)
        if status not in UNRESOLVED:
            continue
        late = deadline is not None and deadline < today
        kinds = {a.kind for a in actions.get(problem.id, [])}
        figures["open"] += 1
        figures["overdue"] += late
        figures["escalated"] += status == ProblemStatus.ESCALATED
        figures["supervisions"] += late and ActionKind.SUPERVISION.value in kinds
        figures["unreported"] += report_up_late(
            problem.category,
            problem.found_on,
            ActionKind.REFERRAL.value in kinds,
            today,
            policy.serious_report_days,
        )
    complaints = session.execute(
        select(Complaint.received_on, Complaint.replied_on).where(Complaint.received_on <= today)
    )
    unanswered = sum(
        is_complaint_overdue(complaint_reply_due(received, policy), replied, today)
        for received, replied in complaints
    )
    return RectificationFigures(
        open=figures["open"],
        overdue=figures["overdue"],
        escalated=figures["escalated"],
        overdue_supervisions=figures["supervisions"],
        overdue_complaints=unanswered,
        unreported_serious=figures["unreported"],
    )


@dataclass(frozen=True)
class EntryChoices:
    """What the entry forms offer: active schools, inspectors in office, and each school's
    responsible inspector (the default for re-checks and complaints)."""

    schools: list[tuple[int, str]]
    inspectors: list[tuple[int, str]]
    responsible: dict[int, int]


def entry_choices(db: Database, today: date) -> EntryChoices:
    """The schools and inspectors the forms of this module offer on ``today``."""
    with db.session() as session:
        serving = serving_inspector_ids(session, today)
        inspectors = session.execute(select(Inspector.id, Inspector.name).order_by(Inspector.name))
        schools = session.execute(
            select(School.id, School.name).where(School.active).order_by(School.name)
        )
        return EntryChoices(
            schools=list(schools),
            inspectors=[(i, name) for i, name in inspectors if i in serving],
            responsible=responsible_inspectors(session, today),
        )
