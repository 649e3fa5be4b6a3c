"""A 专项督导 (topic inspection) as one piece of work: the topic visits of a period, the schools
they reach, the inspectors who went, the problems they found and how their rectification stands.

:func:`topic_inspections` lists the inspections the office has held — the 专项督导 visits of one
topic, split where more than :data:`GAP_DAYS` days pass without one (开学 comes back every
semester) — for a picker; :func:`topic_figures` reads the figures of one topic and period in one
unit of work, as the 专项督导报告 prints them.

Every figure partitions what it counts: the visits are done, still to come or called off; the
schools of the inspection are inspected (a visit done) or not yet; each problem found on a topic
visit stands in exactly one state (:class:`core.enums.ProblemStatus`): 已整改, 已销号, 已上报
(not fixed, reported to the office) or 待整改.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.casework.rectification import ProblemRow, rows_in
from core.enums import (
    ACTIVE_STATUSES,
    ActionKind,
    InspectionMethod,
    ProblemCategory,
    ProblemStatus,
    VisitKind,
    VisitStatus,
)
from core.errors import refusal
from core.parsing import clean_text
from db.models import FollowUp, ProblemAction, School, Visit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

GAP_DAYS = 30
"""Days without a visit on a topic after which its next visit starts a new inspection."""
STATES = (
    ProblemStatus.FIXED.value,
    ProblemStatus.VERIFIED.value,
    ProblemStatus.ESCALATED.value,
    ProblemStatus.OPEN.value,
)
"""The states a problem stands in, each problem in exactly one, in the order printed."""


@dataclass(frozen=True)
class TopicRun:
    """One inspection on a topic: its first and last visit day and how many visits it holds."""

    topic: str
    first: date
    last: date
    visits: int

    @property
    def label(self) -> str:
        """ "双减（2026-10-09 至 2026-10-23，38 次）"."""
        return f"{self.topic}（{self.first:%Y-%m-%d} 至 {self.last:%Y-%m-%d}，{self.visits} 次）"


def runs_of(topic: str, days: list[date]) -> list[TopicRun]:
    """The inspections in the visit ``days`` of one topic: runs with no gap over
    :data:`GAP_DAYS` days, oldest first."""
    runs: list[TopicRun] = []
    ordered = sorted(days)
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or (ordered[index] - ordered[index - 1]).days > GAP_DAYS:
            chunk = ordered[start:index]
            runs.append(TopicRun(topic, chunk[0], chunk[-1], len(chunk)))
            start = index
    return runs


def topic_inspections(db: Database) -> list[TopicRun]:
    """Every topic inspection held or planned (cancelled visits included), the latest first."""
    with db.session() as session:
        query = select(Visit.topic, Visit.visit_date).where(
            Visit.kind == VisitKind.SPECIAL.value, Visit.topic != ""
        )
        by_topic: dict[str, list[date]] = {}
        for topic, day in session.execute(query):
            by_topic.setdefault(topic, []).append(day)
    runs = [run for topic, days in by_topic.items() for run in runs_of(topic, days)]
    return sorted(runs, key=lambda r: (r.last, r.first, r.topic), reverse=True)


def latest_run(db: Database, topic: str) -> TopicRun | None:
    """The latest inspection on ``topic``, or None when it has no visit."""
    topic = clean_text(topic)
    return next((r for r in topic_inspections(db) if r.topic == topic), None)


@dataclass
class StateTally:
    """Problems by state (:data:`STATES`), and the overdue ones among those not fixed."""

    states: Counter[str] = field(default_factory=Counter)
    overdue: int = 0

    @property
    def found(self) -> int:
        return sum(self.states[s] for s in STATES)

    @property
    def rectified(self) -> int:
        """已整改 and 已销号."""
        return self.states[ProblemStatus.FIXED.value] + self.states[ProblemStatus.VERIFIED.value]

    @property
    def unresolved(self) -> int:
        """已上报 and 待整改."""
        return self.states[ProblemStatus.ESCALATED.value] + self.states[ProblemStatus.OPEN.value]

    def add(self, row: ProblemRow) -> None:
        self.states[row.status] += 1
        self.overdue += row.overdue


@dataclass
class TopicFigures:
    """The figures of one topic inspection (see the module); names in the order printed."""

    topic: str
    start: date
    end: date
    today: date
    active_schools: int = 0
    schools: list[str] = field(default_factory=list)
    """The schools of the inspection: with any visit on the topic in the period."""
    inspected: list[str] = field(default_factory=list)
    """Those with a visit done."""
    inspectors: list[str] = field(default_factory=list)
    """Who went on a visit done: the responsible inspectors and their companions."""
    done: int = 0
    to_come: int = 0
    called_off: int = 0
    records: int = 0
    methods: Counter[str] = field(default_factory=Counter)
    findings: list[str] = field(default_factory=list)
    """What the records of the visits done found, one text per record."""
    problems: list[ProblemRow] = field(default_factory=list)
    tiers: dict[str, StateTally] = field(
        default_factory=lambda: {c.value: StateTally() for c in ProblemCategory}
    )
    notices: int = 0
    follow_ups: int = 0
    steps: Counter[str] = field(default_factory=Counter)

    @property
    def not_inspected(self) -> list[str]:
        done = set(self.inspected)
        return [s for s in self.schools if s not in done]

    @property
    def visits(self) -> int:
        """Visits on the calendar: done or still to come."""
        return self.done + self.to_come

    @property
    def total(self) -> StateTally:
        total = StateTally()
        for tally in self.tiers.values():
            total.states.update(tally.states)
            total.overdue += tally.overdue
        return total

    @property
    def clean_schools(self) -> list[str]:
        """Schools inspected where no problem was found."""
        with_problems = {p.school for p in self.problems}
        return [s for s in self.inspected if s not in with_problems]


def check_period(start: date | None, end: date | None) -> tuple[date, date]:
    """``start`` and ``end`` given and in order, else refused naming the field."""
    if start is None or end is None:
        raise refusal("period", "督导时间", "请给出专项督导的起止日期")
    if end < start:
        raise refusal(
            "period", "督导时间", f"结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}"
        )
    return start, end


def topic_figures(db: Database, topic: str, start: date, end: date, today: date) -> TopicFigures:
    """The figures of the 专项督导 on ``topic`` from ``start`` to ``end``, as on ``today``."""
    with db.session() as session:
        return topic_figures_in(session, topic, start, end, today)


def topic_figures_in(
    session: Session, topic: str, start: date, end: date, today: date
) -> TopicFigures:
    """:func:`topic_figures` inside an open session; refuses a topic with no visit in the
    period, naming it."""
    topic = clean_text(topic)
    if not topic:
        raise refusal("topic", "专项督导主题", "请选择专项督导的主题")
    start, end = check_period(start, end)
    visits = session.scalars(
        select(Visit)
        .where(
            Visit.kind == VisitKind.SPECIAL.value,
            Visit.topic == topic,
            Visit.visit_date >= start,
            Visit.visit_date <= end,
        )
        .options(
            selectinload(Visit.school),
            selectinload(Visit.inspector),
            selectinload(Visit.companions),
            selectinload(Visit.record),
        )
        .order_by(Visit.visit_date, Visit.id)
    ).all()
    if not visits:
        raise refusal(
            "topic",
            "专项督导主题",
            f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d} 没有“{topic}”专项督导",
        )
    figures = TopicFigures(topic, start, end, today)
    figures.active_schools = (
        session.scalar(select(func.count()).select_from(School).where(School.active.is_(True))) or 0
    )
    schools: dict[str, None] = {}
    inspected: dict[str, None] = {}
    inspectors: dict[str, None] = {}
    for visit in visits:
        schools[visit.school.name] = None
        if visit.status == VisitStatus.DONE:
            figures.done += 1
            inspected[visit.school.name] = None
            for person in (visit.inspector, *visit.companions):
                inspectors[person.name] = None
            if visit.record is not None:
                figures.records += 1
                figures.methods.update(visit.record.methods)
                if visit.record.findings.strip():
                    figures.findings.append(visit.record.findings)
        elif visit.status in ACTIVE_STATUSES:
            figures.to_come += 1
        else:
            figures.called_off += 1
    figures.schools = sorted(schools)
    figures.inspected = sorted(inspected)
    figures.inspectors = list(inspectors)
    ids = {v.id for v in visits}
    figures.problems = [r for r in rows_in(session, today) if r.visit_id in ids]
    figures.problems.sort(key=lambda r: (r.school, r.found_on, r.id))
    for row in figures.problems:
        figures.tiers.setdefault(row.category, StateTally()).add(row)
    problem_ids = [r.id for r in figures.problems]
    figures.notices = len({r.notice_no for r in figures.problems if r.notice_no})
    if problem_ids:
        figures.follow_ups = (
            session.scalar(
                select(func.count())
                .select_from(FollowUp)
                .where(FollowUp.problem_id.in_(problem_ids))
            )
            or 0
        )
        figures.steps = Counter(
            session.scalars(
                select(ProblemAction.kind).where(ProblemAction.problem_id.in_(problem_ids))
            )
        )
    return figures


def method_text(methods: Counter[str]) -> str:
    """ "校园巡视12次、查阅资料8次" in the order of the methods."""
    return "、".join(f"{m.label}{methods[m.value]}次" for m in InspectionMethod if methods[m.value])


def step_text(steps: Counter[str]) -> str:
    """ "督办通知1次、约谈1次" in the order of the steps."""
    return "、".join(f"{k.label}{steps[k.value]}次" for k in ActionKind if steps[k.value])
