"""The compliance picture (达标情况) on one day: staffing, coverage, terms and training, with
the figures of visits, rectification and the running archive campaigns (迎检).

:func:`compliance` reads the office in one unit of work and applies the rules, which are pure
functions of plain data (so they can be tested at their edges without a database). The dashboard,
``check`` on the command line and the reports all use it; ``today`` is an argument everywhere,
so a result is reproducible for any date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.archive.progress import ArchiveFigures, archive_figures_in
from core.calendar.progress import VisitFigures, visit_figures_in
from core.calendar.reminders import CalendarReminders, calendar_reminders_in
from core.calendar.zone_quotas import ZoneQuotas, zone_quotas_in
from core.casework.rectification import RectificationFigures, rectification_figures_in
from core.enums import Employment, SchoolKind
from core.office.policy import PolicyProfile
from core.office.settings import office_name_from_session, policy_from_session
from core.roster.assessments import AssessmentsDue, assessments_due_in
from core.roster.qualifications import qualification_gaps
from core.roster.staffing import full_time_share, required_inspectors
from core.roster.terms import TermLike, add_years, consecutive_terms, current_term, last_day
from core.roster.training import training_totals
from db.models import Assignment, Inspector, School, Zone

if TYPE_CHECKING:
    from db.engine import Database


@dataclass(frozen=True)
class ZoneFigures:
    """One responsibility zone's staffing."""

    name: str
    schools: int
    required_inspectors: int
    inspectors: int
    uncovered: int
    over_limit: bool


@dataclass(frozen=True)
class TermEnding:
    name: str
    end_date: date


@dataclass(frozen=True)
class TrainingShortfall:
    name: str
    hours: float
    required: int


@dataclass(frozen=True)
class PreserviceOwed:
    """A newly appointed inspector who has not yet done the pre-service training."""

    name: str
    hours: float
    due: date
    overdue: bool


@dataclass(frozen=True)
class QualificationGap:
    """A serving inspector whose recorded 学历 or experience falls short of the policy."""

    name: str
    gaps: list[str]


@dataclass(frozen=True)
class Workload:
    name: str
    schools: int


@dataclass(frozen=True)
class RotationDue:
    inspector: str
    school: str
    since: date


@dataclass(frozen=True)
class Compliance:
    """Everything the office is measured on, on ``today``."""

    office_name: str
    today: date
    policy: PolicyProfile
    schools: int
    kindergartens: int
    private_schools: int
    inspectors: int
    full_time: int
    required_inspectors: int
    uncovered_schools: list[str]
    zones: list[ZoneFigures]
    unzoned_schools: list[str]
    terms_expiring: list[TermEnding]
    term_limit_reached: list[str]
    training_year: int
    training_shortfall: list[TrainingShortfall]
    missing_preservice: list[str]
    missing_centralized: list[str]
    overloaded: list[Workload]
    rotation_due: list[RotationDue] = field(default_factory=list)
    visits: VisitFigures | None = None
    rectification: RectificationFigures | None = None
    archives: ArchiveFigures | None = None
    unzoned: ZoneFigures | None = None
    """The figures of the schools in no responsibility zone, as of a zone (None when none)."""
    assigned_inspectors: int = 0
    """Serving inspectors responsible for at least one school."""
    calendar: CalendarReminders | None = None
    """Principals' terms ending soon and next year's holidays (see core.calendar.reminders)."""
    preservice: list[PreserviceOwed] = field(default_factory=list)
    """The inspectors of ``missing_preservice`` with their hours and the day it is due by."""
    assessments: AssessmentsDue | None = None
    """Last year's yearly assessments (年度考核) still missing."""
    qualifications: list[QualificationGap] = field(default_factory=list)
    """Serving inspectors below the appointment qualifications (known values only)."""
    zone_quotas: ZoneQuotas | None = None
    """The month's zones and schools below the zone rules (see core.calendar.zone_quotas)."""

    @property
    def full_time_share(self) -> float:
        return full_time_share(self.full_time, self.inspectors)

    @property
    def full_time_short(self) -> bool:
        return self.inspectors > 0 and self.full_time_share < self.policy.min_full_time_share

    @property
    def shortfall(self) -> int:
        return max(0, self.required_inspectors - self.inspectors)

    @property
    def is_empty(self) -> bool:
        return self.schools == 0 and self.inspectors == 0

    def as_json(self) -> dict[str, Any]:
        """The machine-readable form printed by ``check --json``."""
        return {
            "date": self.today.isoformat(),
            "office": self.office_name,
            "schools": self.schools,
            "kindergartens": self.kindergartens,
            "private_schools": self.private_schools,
            "inspectors": self.inspectors,
            "full_time_inspectors": self.full_time,
            "required_inspectors": self.required_inspectors,
            "inspector_shortfall": self.shortfall,
            "full_time_share": round(self.full_time_share, 4),
            "min_full_time_share": self.policy.min_full_time_share,
            "uncovered_schools": self.uncovered_schools,
            "unzoned_schools": self.unzoned_schools,
            "zones": [asdict(z) for z in self.zones],
            "terms_expiring": [
                {"name": t.name, "end_date": t.end_date.isoformat()} for t in self.terms_expiring
            ],
            "term_limit_reached": self.term_limit_reached,
            "training_year": self.training_year,
            "training_shortfall": [asdict(t) for t in self.training_shortfall],
            "missing_preservice": self.missing_preservice,
            "preservice": [
                {"name": p.name, "hours": p.hours, "due": p.due.isoformat(), "overdue": p.overdue}
                for p in self.preservice
            ],
            "missing_centralized_training": self.missing_centralized,
            "overloaded_inspectors": [asdict(w) for w in self.overloaded],
            "yearly_assessment": (
                {
                    "year": self.assessments.year,
                    "due": self.assessments.due.isoformat(),
                    "overdue": self.assessments.overdue,
                    "missing": self.assessments.missing,
                }
                if self.assessments
                else None
            ),
            "qualifications_below": [asdict(q) for q in self.qualifications],
            "zone_quotas": self.zone_quotas.as_json() if self.zone_quotas else None,
            "rotation_due": [
                {"inspector": r.inspector, "school": r.school, "since": r.since.isoformat()}
                for r in self.rotation_due
            ],
            "visits": asdict(self.visits) if self.visits else None,
            "rectification": asdict(self.rectification) if self.rectification else None,
            "archives": _archives_json(self.archives),
            **(self.calendar.as_json() if self.calendar else {}),
        }


def _archives_json(figures: ArchiveFigures | None) -> dict[str, Any] | None:
    if figures is None:
        return None
    data = asdict(figures)
    data["next_deadline"] = figures.next_deadline.isoformat() if figures.next_deadline else None
    return data


# --- the rules ------------------------------------------------------------------------------


def term_expiring(terms: Sequence[TermLike], today: date, warning_days: int) -> TermLike | None:
    """The current term when it ends within ``warning_days`` and no next term follows it."""
    term = current_term(terms, today)
    if term is None or last_day(term) > today + timedelta(days=warning_days):
        return None
    following = [t for t in terms if t.start_date > term.start_date]
    return None if following else term


def at_term_limit(terms: Sequence[TermLike], today: date, policy: PolicyProfile) -> bool:
    """Whether the term in force is the last consecutive one the policy allows."""
    term = current_term(terms, today)
    return term is not None and consecutive_terms(terms, term) >= policy.max_consecutive_terms


def zone_figures(
    schools: Iterable[tuple[str, int, bool]],
    inspectors_by_zone: dict[str, set[int]],
    name: str,
    policy: PolicyProfile,
) -> ZoneFigures:
    """A zone's figures from its schools' (name, enrolment, covered) and its inspectors."""
    rows = list(schools)
    return ZoneFigures(
        name=name,
        schools=len(rows),
        required_inspectors=required_inspectors((e for _, e, _ in rows), policy),
        inspectors=len(inspectors_by_zone.get(name, set())),
        uncovered=sum(1 for *_, covered in rows if not covered),
        over_limit=len(rows) > policy.zone_school_warning,
    )


def rotation_due(since: date, today: date, policy: PolicyProfile) -> bool:
    """Whether an inspector covering a school since ``since`` is due a rotation reminder."""
    return add_years(since, policy.rotation_reminder_years) <= today


# --- reading the office ---------------------------------------------------------------------


def compliance(db: Database, today: date, training_year: int | None = None) -> Compliance:
    """The compliance picture on ``today`` (training for ``training_year``, default its year)."""
    training_year = training_year or today.year
    with db.session() as session:
        visits = visit_figures_in(session, today)
        reminders = calendar_reminders_in(session, today)
        rectification = rectification_figures_in(session, today)
        archives = archive_figures_in(session, today)
        policy = policy_from_session(session)
        office_name = office_name_from_session(session)
        zone_names = dict(session.execute(select(Zone.id, Zone.name)).all())
        zone_order = [
            z for z in session.scalars(select(Zone.name).order_by(Zone.sort_order, Zone.name))
        ]
        schools = session.scalars(select(School).where(School.active).order_by(School.name)).all()
        inspectors = session.scalars(
            select(Inspector).options(selectinload(Inspector.appointments))
        ).all()
        serving = {i.id: i for i in inspectors if current_term(i.appointments, today)}
        covering = session.execute(
            select(Assignment.school_id, Assignment.inspector_id, Assignment.start_date).where(
                Assignment.start_date <= today,
                (Assignment.end_date.is_(None)) | (Assignment.end_date >= today),
            )
        ).all()
        totals = training_totals(session, today, training_year)
        # Pre-service training is owed on ``today`` whatever year the hours are asked for.
        owing = totals if training_year == today.year else training_totals(session, today)
        assessments = assessments_due_in(session, today, policy)
        zone_quotas = zone_quotas_in(session, today)

    # A 挂牌 counts only while its inspector is in office: an expired term leaves the school
    # uncovered even before the clerk formally ends it.
    cover = {row.school_id: row for row in covering if row.inspector_id in serving}
    by_zone: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
    inspectors_by_zone: dict[str, set[int]] = defaultdict(set)
    load: dict[int, int] = defaultdict(int)
    rotation: list[RotationDue] = []
    for school in schools:
        zone = zone_names.get(school.zone_id, "") if school.zone_id else ""
        row = cover.get(school.id)
        by_zone[zone].append((school.name, school.enrolment, row is not None))
        if row is None:
            continue
        inspectors_by_zone[zone].add(row.inspector_id)
        load[row.inspector_id] += 1
        if rotation_due(row.start_date, today, policy) and row.inspector_id in serving:
            rotation.append(
                RotationDue(serving[row.inspector_id].name, school.name, row.start_date)
            )

    expiring = []
    at_limit = []
    for inspector in serving.values():
        term = term_expiring(inspector.appointments, today, policy.term_warning_days)
        if term is not None:
            expiring.append(TermEnding(inspector.name, last_day(term)))
        if at_term_limit(inspector.appointments, today, policy):
            at_limit.append(inspector.name)

    return Compliance(
        office_name=office_name,
        today=today,
        policy=policy,
        schools=len(schools),
        kindergartens=sum(1 for s in schools if s.kind == SchoolKind.KINDERGARTEN),
        private_schools=sum(1 for s in schools if s.is_private),
        inspectors=len(serving),
        full_time=sum(1 for i in serving.values() if i.employment == Employment.FULL_TIME),
        required_inspectors=required_inspectors((s.enrolment for s in schools), policy),
        uncovered_schools=[s.name for s in schools if s.id not in cover],
        zones=[
            zone_figures(by_zone[name], inspectors_by_zone, name, policy)
            for name in zone_order
            if name in by_zone
        ],
        unzoned_schools=[name for name, *_ in by_zone.get("", [])],
        unzoned=(
            zone_figures(by_zone[""], inspectors_by_zone, "", policy) if by_zone.get("") else None
        ),
        assigned_inspectors=len(load),
        terms_expiring=sorted(expiring, key=lambda t: (t.end_date, t.name)),
        term_limit_reached=sorted(at_limit),
        training_year=training_year,
        training_shortfall=[
            TrainingShortfall(t.name, t.hours, t.required) for t in totals if t.shortfall > 0
        ],
        missing_preservice=[t.name for t in owing if t.missing_preservice],
        preservice=[
            PreserviceOwed(t.name, t.preservice_hours, t.preservice_due, t.preservice_overdue)
            for t in owing
            if t.missing_preservice and t.preservice_due is not None
        ],
        missing_centralized=[t.name for t in totals if t.missing_centralized],
        overloaded=sorted(
            (
                Workload(serving[i].name, n)
                for i, n in load.items()
                if i in serving and n > policy.inspector_school_warning
            ),
            key=lambda w: (-w.schools, w.name),
        ),
        rotation_due=sorted(rotation, key=lambda r: (r.since, r.school)),
        visits=visits,
        calendar=reminders,
        rectification=rectification,
        archives=archives,
        assessments=assessments,
        qualifications=sorted(
            (
                QualificationGap(i.name, gaps)
                for i in serving.values()
                if (gaps := qualification_gaps(i.education, i.experience_years, policy))
            ),
            key=lambda q: q.name,
        ),
        zone_quotas=zone_quotas,
    )
