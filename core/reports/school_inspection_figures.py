"""The figures of a 综合督导报告 on one school, read in one session: the school and its
responsible inspectors, its visits, its problems and their rectification, its archive checklists
and its scores over a period.

- **The period** (:func:`period_of`): the days asked for (``start`` / ``end``); by default the
  principal's current term — the :attr:`~core.office.policy.PolicyProfile.term_years` years that
  end on the day the school's principal's term ends, and the days after it up to the report's
  day when the term has ended (the 综合督导 of a term often comes just after it); without that
  day, the same number of years up to the report's day.
- **Visits** of the period, by kind, in parts that add up to the visits on record: done, not done
  though their day has passed, still to come (from the report's day on), cancelled or postponed.
- **Problems** found in the period, each in exactly one state as the 整改 page shows it on the
  report's day: 已销号, 已整改 (not yet closed), 已上报 (reported to the office, not yet fixed),
  逾期未整改 (waiting, deadline passed) and 待整改 (waiting, deadline not passed).
- **Archives**: every campaign the school takes part in that runs in the period; its checklist's
  counted items (required, not 不适用: :func:`core.archive.progress.counted`) by status.
- **Scores**: every such campaign with an evaluation sheet on which the school has points.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.archive.progress import counted, item_overdue
from core.archive.scoring import is_adjustment, score_table_in
from core.casework.rectification import rows_in
from core.enums import (
    ActionKind,
    CampaignKind,
    FollowUpOutcome,
    ItemStatus,
    ProblemCategory,
    ProblemStatus,
    SchoolKind,
    VisitKind,
    VisitStatus,
)
from core.i18n import _
from core.office.settings import policy_from_session
from core.parsing import clean_text
from core.reports.options import ReportOptions, refuse
from db.models import (
    Assignment,
    Campaign,
    CampaignSchool,
    ChecklistItem,
    FollowUp,
    ProblemAction,
    School,
    Visit,
)

TERM = "term"
"""The period is the principal's current term."""
GIVEN = "given"
"""The period was asked for."""
RECENT = "recent"
"""No principal's term is on record: the years up to the report's day."""

PROBLEM_STATES = ("已销号", "已整改待销号", "已上报督导部门", "逾期未整改", "待整改未逾期")
"""The states a problem is counted in, each problem in exactly one, in the order printed."""
ITEM_STATES = (ItemStatus.FILED, ItemStatus.COMPLETE, ItemStatus.COLLECTING, ItemStatus.NOT_STARTED)
"""The statuses of a counted archive item, in the order printed."""


@dataclass(frozen=True)
class Period:
    """The days the report covers and why these (:data:`TERM`, :data:`GIVEN`, :data:`RECENT`)."""

    start: date
    end: date
    basis: str
    years: int


@dataclass(frozen=True)
class Responsibility:
    """A 挂牌 of the school in the period: the inspector, from, to (None: still in force)."""

    inspector: str
    start: date
    end: date | None


@dataclass(frozen=True)
class VisitTally:
    """The visits of one kind: their parts add up to :attr:`total`; ``done_days`` are the days
    of those done (with the topic of a 专项督导)."""

    kind: str
    done: int
    missed: int
    upcoming: int
    dropped: int
    done_days: list[tuple[date, str]]

    @property
    def total(self) -> int:
        return self.done + self.missed + self.upcoming + self.dropped


@dataclass(frozen=True)
class Comprehensive:
    """A 综合督导 of the period: day, status, the team and what its record says."""

    day: date
    status: str
    team: list[str]
    findings: str
    problems: str
    advice: str


@dataclass(frozen=True)
class ProblemLine:
    """A problem found in the period, in its one state, with its 复查 (day, outcome)."""

    found_on: date
    category: str
    description: str
    deadline: date | None
    state: str
    follow_ups: list[tuple[date, str]]


@dataclass(frozen=True)
class ArchiveLine:
    """The school's checklist in one campaign: counted items by status (:data:`ITEM_STATES`)."""

    campaign: str
    kind: str
    closed_on: date | None
    by_status: dict[str, int]
    overdue: int
    not_counted: int

    @property
    def required(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        return self.by_status[ItemStatus.FILED] + self.by_status[ItemStatus.COMPLETE]


@dataclass(frozen=True)
class ScoreGroup:
    """One group of a sheet: its name, the points it can give (low, high) and the points got."""

    name: str
    low: float
    high: float
    points: float
    adjustment: bool


@dataclass(frozen=True)
class ScoreLine:
    """The school's points in one campaign: by group, the total, full marks, its rank among the
    ``ranked`` schools with points, and how many indicators (not 加减分) have no points yet."""

    campaign: str
    groups: list[ScoreGroup]
    total: float
    full_marks: float
    rank: int | None
    ranked: int
    unscored: int


@dataclass(frozen=True)
class SchoolInspection:
    """Everything a 综合督导报告 prints, as of ``today``."""

    today: date
    period: Period
    school: str
    kind: str
    kindergarten: bool
    private: bool
    enrolment: int
    zone: str
    principal: str
    principal_term_end: date | None
    address: str
    inspectors: list[Responsibility]
    visits: list[VisitTally]
    comprehensive: list[Comprehensive]
    problems: list[ProblemLine]
    steps: Counter[str]
    archives: list[ArchiveLine]
    scores: list[ScoreLine]

    @property
    def problem_counts(self) -> dict[str, int]:
        """Problems per state (:data:`PROBLEM_STATES`); they add up to the problems found."""
        counts = Counter(p.state for p in self.problems)
        return {state: counts[state] for state in PROBLEM_STATES}


def chosen_school(session: Session, options: ReportOptions) -> School:
    """The school asked for by name (or, for a number no school is named, by its id)."""
    name = clean_text(options.school)
    if not name:
        raise refuse("school", _("请选择要写综合督导报告的学校（园）"))
    school = session.scalar(select(School).where(School.name == name))
    if school is None and name.isdigit():
        school = session.get(School, int(name))
    if school is None:
        raise refuse("school", _("没有名为“{name}”的学校（园）", name=name))
    return school


def years_before(day: date, years: int) -> date:
    """The day after the same day ``years`` years before ``day`` (29 February: 1 March)."""
    try:
        return day.replace(year=day.year - years) + timedelta(days=1)
    except ValueError:
        return date(day.year - years, 3, 1)


def period_of(school: School, options: ReportOptions, years: int) -> Period:
    """The period of the report (see the module); refuses a start after the end."""
    term_end = school.principal_term_end
    given = options.start is not None or options.end is not None
    basis = GIVEN if given else (TERM if term_end else RECENT)
    start = options.start or years_before(options.end or term_end or options.today, years)
    end = options.end or max(term_end or options.today, options.today)
    if start > end:
        raise refuse(
            "start",
            _("开始日期 {start:%Y-%m-%d} 晚于结束日期 {end:%Y-%m-%d}", start=start, end=end),
        )
    return Period(start, end, basis, years)


def _responsibilities(session: Session, school_id: int, period: Period) -> list[Responsibility]:
    query = (
        select(Assignment)
        .options(selectinload(Assignment.inspector))
        .where(
            Assignment.school_id == school_id,
            Assignment.start_date <= period.end,
            Assignment.end_date.is_(None) | (Assignment.end_date >= period.start),
        )
        .order_by(Assignment.start_date, Assignment.id)
    )
    return [
        Responsibility(a.inspector.name, a.start_date, a.end_date) for a in session.scalars(query)
    ]


def _visits(
    session: Session, school_id: int, period: Period, today: date
) -> tuple[list[VisitTally], list[Comprehensive]]:
    visits = session.scalars(
        select(Visit)
        .options(
            selectinload(Visit.inspector),
            selectinload(Visit.companions),
            selectinload(Visit.record),
        )
        .where(
            Visit.school_id == school_id,
            Visit.visit_date >= period.start,
            Visit.visit_date <= period.end,
        )
        .order_by(Visit.visit_date, Visit.id)
    ).all()
    parts: dict[str, Counter[str]] = defaultdict(Counter)
    days: dict[str, list[tuple[date, str]]] = defaultdict(list)
    comprehensive = []
    for visit in visits:
        if visit.status == VisitStatus.DONE:
            part = "done"
            days[visit.kind].append((visit.visit_date, visit.topic))
        elif visit.status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED):
            part = "dropped"
        else:
            part = "missed" if visit.visit_date < today else "upcoming"
        parts[visit.kind][part] += 1
        if visit.kind == VisitKind.COMPREHENSIVE and part != "dropped":
            record = visit.record
            comprehensive.append(
                Comprehensive(
                    day=visit.visit_date,
                    status=VisitStatus.label_of(visit.status),
                    team=[visit.inspector.name, *(c.name for c in visit.companions)],
                    findings=record.findings if record else "",
                    problems=record.problems if record else "",
                    advice=record.advice if record else "",
                )
            )
    tallies = [
        VisitTally(
            kind.label,
            parts[kind]["done"],
            parts[kind]["missed"],
            parts[kind]["upcoming"],
            parts[kind]["dropped"],
            days[kind],
        )
        for kind in VisitKind
        if parts[kind]
    ]
    return tallies, comprehensive


def problem_state(status: str, overdue: bool) -> str:
    """The one state of :data:`PROBLEM_STATES` a problem is counted in."""
    if status == ProblemStatus.VERIFIED:
        return PROBLEM_STATES[0]
    if status == ProblemStatus.FIXED:
        return PROBLEM_STATES[1]
    if status == ProblemStatus.ESCALATED:
        return PROBLEM_STATES[2]
    return PROBLEM_STATES[3] if overdue else PROBLEM_STATES[4]


def _problems(
    session: Session, school_id: int, period: Period, today: date
) -> tuple[list[ProblemLine], Counter[str]]:
    rows = [
        r
        for r in rows_in(session, today)
        if r.school_id == school_id and period.start <= r.found_on <= period.end
    ]
    rows.sort(key=lambda r: (r.found_on, r.id))
    ids = [r.id for r in rows]
    trails: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for problem_id, day, outcome in session.execute(
        select(FollowUp.problem_id, FollowUp.day, FollowUp.outcome)
        .where(FollowUp.problem_id.in_(ids))
        .order_by(FollowUp.day, FollowUp.id)
    ):
        trails[problem_id].append((day, FollowUpOutcome.label_of(outcome)))
    steps = Counter(
        session.scalars(select(ProblemAction.kind).where(ProblemAction.problem_id.in_(ids)))
    )
    lines = [
        ProblemLine(
            found_on=r.found_on,
            category=ProblemCategory.label_of(r.category),
            description=r.description,
            deadline=r.deadline,
            state=problem_state(r.status, r.overdue),
            follow_ups=trails[r.id],
        )
        for r in rows
    ]
    return lines, Counter({ActionKind.label_of(k): n for k, n in steps.items()})


def _campaigns(session: Session, school_id: int, period: Period) -> list[Campaign]:
    query = (
        select(Campaign)
        .join(CampaignSchool, CampaignSchool.campaign_id == Campaign.id)
        .where(
            CampaignSchool.school_id == school_id,
            Campaign.started_on <= period.end,
            Campaign.closed_on.is_(None) | (Campaign.closed_on >= period.start),
        )
        .order_by(Campaign.started_on, Campaign.id)
    )
    return list(session.scalars(query))


def _archive(session: Session, campaign: Campaign, school_id: int, today: date) -> ArchiveLine:
    by_status = dict.fromkeys(ITEM_STATES, 0)
    overdue = not_counted = 0
    for required, status, due in session.execute(
        select(ChecklistItem.required, ChecklistItem.status, ChecklistItem.due_date).where(
            ChecklistItem.campaign_id == campaign.id, ChecklistItem.school_id == school_id
        )
    ):
        if not counted(required, status):
            not_counted += 1
            continue
        by_status[ItemStatus(status)] += 1
        overdue += item_overdue(required, status, due, today)
    return ArchiveLine(
        campaign.name,
        CampaignKind.label_of(campaign.kind),
        campaign.closed_on,
        {s.value: n for s, n in by_status.items()},
        overdue,
        not_counted,
    )


def _score(session: Session, campaign: Campaign, school_id: int) -> ScoreLine | None:
    table = score_table_in(session, campaign.id)
    mine = next((s for s in table.schools if s.school_id == school_id), None)
    if mine is None or not mine.points:
        return None
    groups = []
    for name, _marks in table.groups:
        members = [i for i in table.indicators if i.group == name]
        adjustment = all(is_adjustment(i) for i in members)
        low = sum(i.min_points for i in members) if adjustment else 0.0
        high = sum(i.max_points for i in members if adjustment or not is_adjustment(i))
        groups.append(ScoreGroup(name, low, high, mine.group_totals[name], adjustment))
    return ScoreLine(
        campaign=campaign.name,
        groups=groups,
        total=mine.total,
        full_marks=table.full_marks,
        rank=mine.rank,
        ranked=sum(1 for s in table.schools if s.rank is not None),
        unscored=sum(
            1 for i in table.indicators if not is_adjustment(i) and i.id not in mine.points
        ),
    )


def school_inspection_in(session: Session, options: ReportOptions) -> SchoolInspection:
    """The figures of the report ``options`` ask for (school, period) as of ``options.today``."""
    school = chosen_school(session, options)
    today = options.today
    period = period_of(school, options, policy_from_session(session).term_years)
    visits, comprehensive = _visits(session, school.id, period, today)
    problems, steps = _problems(session, school.id, period, today)
    campaigns = _campaigns(session, school.id, period)
    scores = [_score(session, c, school.id) for c in campaigns]
    return SchoolInspection(
        today=today,
        period=period,
        school=school.name,
        kind=SchoolKind.label_of(school.kind),
        kindergarten=school.kind == SchoolKind.KINDERGARTEN,
        private=school.is_private,
        enrolment=school.enrolment,
        zone=school.zone.name if school.zone else "",
        principal=school.principal,
        principal_term_end=school.principal_term_end,
        address=school.address,
        inspectors=_responsibilities(session, school.id, period),
        visits=visits,
        comprehensive=comprehensive,
        problems=problems,
        steps=steps,
        archives=[_archive(session, c, school.id, today) for c in campaigns],
        scores=[s for s in scores if s is not None],
    )
