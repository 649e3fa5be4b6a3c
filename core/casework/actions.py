"""The steps after escalation, as the plans write them, each recorded on the problems it concerns
(``ActionKind``):

- **督办通知** to a school whose rectification is late (past its deadline) or inadequate (a
  follow-up found it not fixed): numbered in its own series per year, 督办〔2026〕1号 (the prefix
  is a report setting), for one
  problem or several of one school; it sets a new deadline (the old one is kept on the record and
  comes back when the 督办 is deleted);
- **约谈**: where, who was talked to (the school's leaders or a department), who talked, and the
  written record (规范的书面记录) — all required;
- **通报**: the problem named in a published bulletin, with what was published;
- **问责**: accountability started for inaction — against whom (or handed to whom), why, outcome;
- **报送上级**: a 难点问题 (or any) reported up to the district or city level — to whom, why,
  the answer.

Every step is one line of the problem's trail. A 督办 whose new deadline has passed while the
problem is still open is an overdue 督办 (a dashboard card).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import ActionKind, FollowUpOutcome, ProblemStatus
from core.errors import FieldError, ValidationError, refusal
from core.i18n import _, joined
from core.reports.settings import load_report_settings
from db.models import Problem, ProblemAction

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

UNRESOLVED = (ProblemStatus.OPEN.value, ProblemStatus.ESCALATED.value)


def required_fields(kind: str) -> tuple[tuple[str, str], ...]:
    """The text fields a kind of step cannot go without, with their names in the chosen
    language."""
    if kind == ActionKind.INTERVIEW:
        return (("subjects", _("约谈对象")), ("officials", _("约谈人")), ("content", _("约谈记录")))
    if kind == ActionKind.BULLETIN:
        return (("content", _("通报内容")),)
    if kind == ActionKind.ACCOUNTABILITY:
        return (("subjects", _("问责对象")), ("content", _("问责事由")))
    if kind == ActionKind.REFERRAL:
        return (("subjects", _("报送单位")), ("content", _("报送事由")))
    return ()


@dataclass(frozen=True)
class ActionInput:
    """A step as the clerk enters it; ``deadline`` is the 督办's new deadline."""

    kind: str
    day: date
    deadline: date | None = None
    place: str = ""
    subjects: str = ""
    officials: str = ""
    content: str = ""
    outcome: str = ""


def action_problems(data: ActionInput) -> list[FieldError]:
    """Every problem of ``data`` that needs no database, each naming its field."""
    if data.kind not in {k.value for k in ActionKind}:
        return [FieldError("kind", _("类型"), _("“类型”不能是“{value}”", value=data.kind))]
    errors = [
        FieldError(field, label, _("请填写“{label}”", label=label))
        for field, label in required_fields(data.kind)
        if not str(getattr(data, field)).strip()
    ]
    if data.kind == ActionKind.SUPERVISION:
        label = _("新的整改期限")
        if data.deadline is None:
            errors.append(FieldError("deadline", label, _("督办通知须填写“新的整改期限”")))
        elif data.deadline < data.day:
            message = _("“新的整改期限”不能早于督办日期（{day}）", day=data.day)
            errors.append(FieldError("deadline", label, message))
    return errors


def _late_or_inadequate(problem: Problem, day: date) -> bool:
    """Past its deadline on ``day``, or a follow-up found it not (fully) fixed."""
    late = problem.deadline is not None and problem.deadline < day
    return late or any(
        f.outcome != FollowUpOutcome.FIXED and f.day <= day for f in problem.follow_ups
    )


def next_supervision_number(session: Session, year: int) -> str:
    """The year's next 督办通知 number, 督办〔2026〕N号 with the prefix of the report settings;
    the series goes on across a change of prefix."""
    pattern = re.compile(rf"〔{year}〕(\d+)号$")
    issued = session.scalars(
        select(ProblemAction.number).where(
            ProblemAction.kind == ActionKind.SUPERVISION.value,
            ProblemAction.number.like(f"%〔{year}〕%"),
        )
    )
    numbers = [int(m.group(1)) for text in issued if (m := pattern.search(text))]
    return load_report_settings(session).supervision_number(year, max(numbers, default=0) + 1)


def _chosen(session: Session, problem_ids: Sequence[int], data: ActionInput) -> list[Problem]:
    label = _("整改问题")
    if not problem_ids:
        raise refusal("problems", label, _("请至少选择一个整改问题"))
    problems = list(session.scalars(select(Problem).where(Problem.id.in_(problem_ids))))
    if len(problems) != len(set(problem_ids)):
        raise refusal("problems", label, _("找不到所选的整改问题"))
    schools = sorted({p.school.name for p in problems})
    if len(schools) > 1:
        message = _(
            "所选问题涉及多所学校：{schools}，请分别登记",
            schools=joined(schools, "、", ", "),
        )
        raise refusal("problems", label, message)
    found = max(p.found_on for p in problems)
    if data.day < found:
        raise refusal("day", _("日期"), _("“日期”不能早于问题发现日期（{day}）", day=found))
    if data.kind == ActionKind.SUPERVISION:
        for problem in problems:
            if problem.status not in UNRESOLVED:
                message = _("“{problem}”已整改，不需督办", problem=problem.description)
                raise refusal("problems", label, message)
            if not _late_or_inadequate(problem, data.day):
                message = _(
                    "“{problem}”未逾期，复查也未发现整改不到位，不需督办",
                    problem=problem.description,
                )
                raise refusal("problems", label, message)
    return problems


@mutates(Change.PROBLEMS)
def record_action(db: Database, problem_ids: Sequence[int], data: ActionInput) -> str:
    """Record the step ``data`` on the chosen problems of one school; returns the 督办通知's
    number (or "" for the other kinds). A 督办 gives every problem its new deadline."""
    errors = action_problems(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        problems = _chosen(session, problem_ids, data)
        number = ""
        if data.kind == ActionKind.SUPERVISION:
            number = next_supervision_number(session, data.day.year)
        for problem in problems:
            session.add(
                ProblemAction(
                    problem_id=problem.id,
                    kind=data.kind,
                    day=data.day,
                    number=number,
                    deadline=data.deadline if number else None,
                    previous_deadline=problem.deadline if number else None,
                    place=data.place.strip(),
                    subjects=data.subjects.strip(),
                    officials=data.officials.strip(),
                    content=data.content.strip(),
                    outcome=data.outcome.strip(),
                )
            )
            if number:
                problem.deadline = data.deadline
        return number


@mutates(Change.PROBLEMS)
def delete_action(db: Database, action_id: int) -> None:
    """Delete a step entered by mistake; a deleted 督办 gives the problem back the deadline it
    replaced (when no later 督办 has replaced it since)."""
    with db.session() as session:
        action = session.get(ProblemAction, action_id)
        if action is None:
            return
        problem = action.problem
        if action.kind == ActionKind.SUPERVISION and problem.deadline == action.deadline:
            problem.deadline = action.previous_deadline
        session.delete(action)


@dataclass(frozen=True)
class ActionRow:
    """One recorded step, with the line the trail shows."""

    id: int
    problem_id: int
    kind: str
    day: date
    number: str
    deadline: date | None
    previous_deadline: date | None
    text: str


def action_text(action: ProblemAction) -> str:
    """The trail's line for ``action``."""
    outcome = _("；结果：{outcome}", outcome=action.outcome) if action.outcome else ""
    content = action.content.rstrip("。；，")
    if action.kind == ActionKind.SUPERVISION:
        old = action.previous_deadline
        before = _("（原期限 {day}）", day=old) if old else ""
        new = f"{action.deadline:%Y-%m-%d}" if action.deadline else ""
        reason = _("：{reason}", reason=content) if content else ""
        return _(
            "督办通知 {number}，整改期限改为 {new}{before}{reason}",
            number=action.number,
            new=new,
            before=before,
            reason=reason,
        )
    if action.kind == ActionKind.INTERVIEW:
        place = _("，{place}", place=action.place) if action.place else ""
        return _(
            "约谈{place}（约谈对象：{subjects}；约谈人：{officials}）：{content}{outcome}",
            place=place,
            subjects=action.subjects,
            officials=action.officials,
            content=content,
            outcome=outcome,
        )
    if action.kind == ActionKind.BULLETIN:
        return _("通报：{content}{outcome}", content=content, outcome=outcome)
    if action.kind == ActionKind.ACCOUNTABILITY:
        return _(
            "启动问责（{subjects}）：{content}{outcome}",
            subjects=action.subjects,
            content=content,
            outcome=outcome,
        )
    return _(
        "报送{subjects}：{content}{outcome}",
        subjects=action.subjects,
        content=content,
        outcome=outcome,
    )


def action_rows_in(session: Session, problem_id: int) -> list[ActionRow]:
    """The steps recorded on one problem, oldest first."""
    actions = session.scalars(
        select(ProblemAction)
        .where(ProblemAction.problem_id == problem_id)
        .order_by(ProblemAction.day, ProblemAction.id)
    )
    return [
        ActionRow(
            id=a.id,
            problem_id=a.problem_id,
            kind=a.kind,
            day=a.day,
            number=a.number,
            deadline=a.deadline,
            previous_deadline=a.previous_deadline,
            text=action_text(a),
        )
        for a in actions
    ]
