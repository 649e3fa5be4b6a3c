"""The visit calendar's planning: the monthly plan generator, special-topic campaigns, the
semester check and comprehensive-inspection proposals.

The generator is a pure function of plain data (:func:`plan_month`, :func:`plan_campaign_visits`),
deterministic for the same input, so its rules can be tested as properties without a database.
How it places one inspector's visits:

* The schedulable days (working days outside school breaks, from today on) are split into as many
  equal slices as each school needs visits, and a school's k-th visit goes into the k-th slice, so
  two visits a month fall in different halves of it. Visits already confirmed or done count
  toward the school's quota and occupy their slice.
* Inside a slice, the inspector's schools are grouped by responsibility zone into day-sized units
  (at most the daily cap, one zone per unit), and the units are spaced evenly over the inspector's
  available days of the slice — not bunched in the first week. Each inspector's series starts at
  its own offset, so the office as a whole goes out on every day rather than on the same few.
* Each visit goes to the free day nearest its unit's target: the inspector available, under the
  daily cap (visits already on the calendar count), and the school not visited that day already;
  only if the slice has no such day does it move to the nearest one outside the slice.
* What cannot be placed is listed with the reason, never dropped.

The database functions (:func:`generate_month`, :func:`plan_campaign`, :func:`semester_check`,
:func:`propose_comprehensive`) each read the office in one unit of work. Regenerating a month
replaces only the generator's own output — *planned* routine visits from the first schedulable day
on. Confirmed and done visits, and planned visits of other kinds (a campaign, a 回头看 the clerk
put in), stay and take their place under the daily cap.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

from core.enums import UnavailableReason, VisitKind, VisitStatus
from core.errors import FieldError, ValidationError
from core.parsing import clean_text
from core.policy import PolicyProfile
from core.settings import policy_from_session
from core.terms import last_day, serving_inspector_ids
from core.workdays import Semester, WorkCalendar, school_break
from db.models import Appointment, Assignment, Inspector, School, Unavailability, Visit, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

ACTIVE_STATUSES = frozenset({VisitStatus.PLANNED, VisitStatus.CONFIRMED, VisitStatus.DONE})
"""Visits that are on the calendar (cancelled and postponed ones are not)."""

MONTH = "本月"
WINDOW = "所选期间"
NO_INSPECTOR = "没有责任督学"
SCHOOL_CLOSED = "学校已停用"
TOPIC_MAX = 100
NOTE_MAX = 500


def all_unavailable(period: str = MONTH) -> str:
    """Reason: the responsible inspector is unavailable on every schedulable day."""
    return f"督学{period}全部不可用"


def no_workdays(period: str = MONTH) -> str:
    """Reason: the period has no schedulable working day left."""
    return f"{period}没有可安排的工作日"


def cap_too_low(inspector: str, days: int, cap: int, period: str = MONTH) -> str:
    """Reason: every available day of the inspector is full."""
    return f"每日上限太低：{inspector}{period}可安排的 {days} 天已排满（每天最多 {cap} 次）"


def too_few_days(inspector: str, days: int, visits: int, period: str = MONTH) -> str:
    """Reason: the school needs more visits than the inspector has available days."""
    return f"工作日不足：{inspector}{period}只有 {days} 天可安排，不够到同一学校督导 {visits} 次"


# --- plain data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolInfo:
    """A school to plan for: its zone (name, "" for none) and responsible inspector, if any."""

    id: int
    name: str
    zone: str = ""
    inspector_id: int | None = None


@dataclass(frozen=True)
class InspectorInfo:
    """A responsible inspector and the days they cannot visit schools."""

    id: int
    name: str
    unavailable: frozenset[date] = frozenset()


@dataclass(frozen=True)
class ExistingVisit:
    """A visit already on the calendar."""

    day: date
    school_id: int
    inspector_id: int
    kind: str = VisitKind.ROUTINE
    status: str = VisitStatus.CONFIRMED
    topic: str = ""


@dataclass(frozen=True)
class NewVisit:
    """A visit the generator places (status 计划)."""

    day: date
    school_id: int
    inspector_id: int
    kind: str = VisitKind.ROUTINE
    topic: str = ""


@dataclass(frozen=True)
class Unplaced:
    """A school whose visit(s) could not be placed, and why (Chinese)."""

    school_id: int
    school: str
    reason: str


@dataclass(frozen=True)
class Schedule:
    """The generator's answer: new visits in date order, and what could not be placed."""

    visits: list[NewVisit]
    unplaced: list[Unplaced]


# --- the rules ------------------------------------------------------------------------------


def replaceable(visit: ExistingVisit) -> bool:
    """Whether regenerating the month replaces this visit: an unconfirmed routine plan."""
    return visit.status == VisitStatus.PLANNED and visit.kind == VisitKind.ROUTINE


def plan_month(
    schools: Sequence[SchoolInfo],
    inspectors: Sequence[InspectorInfo],
    days: Iterable[date],
    existing: Sequence[ExistingVisit],
    policy: PolicyProfile,
) -> Schedule:
    """The month's routine visits (经常性督导).

    ``days`` are the schedulable days (working days outside school breaks, not in the past);
    ``existing`` the month's visits on the calendar. Replaceable ones (see :func:`replaceable`)
    are ignored; the others stay, take their place under the daily cap, and confirmed or done
    routine visits count toward the school's ``visits_per_school_per_month``.
    """
    kept = [v for v in existing if v.status in ACTIVE_STATUSES and not replaceable(v)]
    counted: dict[int, list[date]] = defaultdict(list)
    for visit in kept:
        if visit.kind == VisitKind.ROUTINE:
            counted[visit.school_id].append(visit.day)
    return _place(
        schools,
        inspectors,
        sorted(set(days)),
        kept,
        counted,
        quota=policy.visits_per_school_per_month,
        cap=policy.visits_per_inspector_per_day,
        kind=VisitKind.ROUTINE,
        topic="",
        period=MONTH,
    )


def plan_campaign_visits(
    schools: Sequence[SchoolInfo],
    inspectors: Sequence[InspectorInfo],
    days: Iterable[date],
    existing: Sequence[ExistingVisit],
    cap: int,
    topic: str,
    kind: str = VisitKind.SPECIAL,
) -> Schedule:
    """One visit of ``kind`` on ``topic`` to each school on the given days (专项督导).

    Every visit on the calendar takes its place under the daily cap; a school that already has
    a visit of this kind and topic among ``existing`` needs none.
    """
    kept = [v for v in existing if v.status in ACTIVE_STATUSES]
    counted: dict[int, list[date]] = defaultdict(list)
    for visit in kept:
        if visit.kind == kind and visit.topic == topic:
            counted[visit.school_id].append(visit.day)
    return _place(
        schools,
        inspectors,
        sorted(set(days)),
        kept,
        counted,
        quota=1,
        cap=cap,
        kind=kind,
        topic=topic,
        period=WINDOW,
    )


def _slice_bounds(count: int, slices: int) -> list[tuple[int, int]]:
    """Split ``count`` days into ``slices`` consecutive index ranges as equal as can be."""
    return [(k * count // slices, (k + 1) * count // slices) for k in range(slices)]


def _slice_of(index: int, bounds: list[tuple[int, int]]) -> int:
    for k, (low, high) in enumerate(bounds):
        if low <= index < high:
            return k
    return len(bounds) - 1


def _needed_slices(
    visited: Sequence[date], days: Sequence[date], bounds: list[tuple[int, int]]
) -> list[int]:
    """The slices still without a visit of the school, as many as it still needs."""
    need = len(bounds) - len(visited)
    if need <= 0:
        return []
    taken = {_slice_of(min(bisect_left(days, d), len(days) - 1), bounds) for d in visited}
    return [k for k in range(len(bounds)) if k not in taken][:need]


def _units(schools: Sequence[SchoolInfo], cap: int) -> list[list[SchoolInfo]]:
    """Day-sized groups: schools of one zone together, at most ``cap`` to a group."""
    ordered = sorted(schools, key=lambda s: (s.zone, s.name, s.id))
    units: list[list[SchoolInfo]] = []
    for _, members in groupby(ordered, key=lambda s: s.zone):
        zone_schools = list(members)
        units += [zone_schools[i : i + cap] for i in range(0, len(zone_schools), cap)]
    return units


@dataclass
class _Diary:
    """One inspector's days while placing: free places per day, and (shared by all diaries)
    the (school, day) pairs that already have a visit."""

    inspector: InspectorInfo
    days: list[date]
    free: dict[date, int]
    busy: set[tuple[int, date]]

    def best_day(self, school_id: int, target: date, first: date, last: date) -> date | None:
        """The free day nearest ``target``, preferring days between ``first`` and ``last``."""
        best: tuple[bool, int, date] | None = None
        for day in self.days:
            if self.free[day] <= 0 or (school_id, day) in self.busy:
                continue
            key = (not first <= day <= last, abs((day - target).days), day)
            if best is None or key < best:
                best = key
        return None if best is None else best[2]

    def take(self, school_id: int, day: date) -> None:
        self.free[day] -= 1
        self.busy.add((school_id, day))


def _place(
    schools: Sequence[SchoolInfo],
    inspectors: Sequence[InspectorInfo],
    days: list[date],
    kept: Sequence[ExistingVisit],
    counted: Mapping[int, Sequence[date]],
    *,
    quota: int,
    cap: int,
    kind: str,
    topic: str,
    period: str,
) -> Schedule:
    by_id = {i.id: i for i in inspectors}
    load = Counter((v.inspector_id, v.day) for v in kept)
    busy = {(v.school_id, v.day) for v in kept}
    bounds = _slice_bounds(len(days), quota) if quota > 0 else []
    unplaced: dict[tuple[int, str], Unplaced] = {}
    tasks: dict[int, dict[int, list[SchoolInfo]]] = defaultdict(lambda: defaultdict(list))
    diaries: dict[int, _Diary] = {}

    def refuse(school: SchoolInfo, reason: str) -> None:
        unplaced.setdefault((school.id, reason), Unplaced(school.id, school.name, reason))

    for school in sorted(schools, key=lambda s: s.id):
        slices = _needed_slices(counted.get(school.id, ()), days, bounds) if bounds else []
        if not slices:
            continue
        inspector = by_id.get(school.inspector_id) if school.inspector_id is not None else None
        if inspector is None:
            refuse(school, NO_INSPECTOR)
            continue
        if not days:
            refuse(school, no_workdays(period))
            continue
        if inspector.id not in diaries:
            available = [d for d in days if d not in inspector.unavailable]
            free = {d: cap - load[(inspector.id, d)] for d in available}
            diaries[inspector.id] = _Diary(inspector, available, free, busy)
        if not diaries[inspector.id].days:
            refuse(school, all_unavailable(period))
            continue
        for k in slices:
            tasks[inspector.id][k].append(school)

    visits: list[NewVisit] = []
    phases = len(tasks)
    for phase, inspector_id in enumerate(sorted(tasks)):
        diary = diaries[inspector_id]
        for k in sorted(tasks[inspector_id]):
            low, high = bounds[k]
            first, last = (days[low], days[high - 1]) if low < high else (date.max, date.min)
            in_slice = [d for d in diary.days if first <= d <= last]
            units = _units(tasks[inspector_id][k], cap)
            for index, unit in enumerate(units):
                if in_slice:
                    target = in_slice[_spaced(index, len(units), len(in_slice), phase, phases)]
                else:
                    target = days[min(low, len(days) - 1)]
                for school in unit:
                    day = diary.best_day(school.id, target, first, last)
                    if day is None:
                        refuse(school, _why_full(diary, school, cap, quota, period))
                        continue
                    diary.take(school.id, day)
                    visits.append(NewVisit(day, school.id, inspector_id, kind, topic))
    visits.sort(key=lambda v: (v.day, v.inspector_id, v.school_id))
    return Schedule(visits, sorted(unplaced.values(), key=lambda u: (u.school, u.school_id)))


def _spaced(index: int, units: int, days: int, phase: int, phases: int) -> int:
    """Where the ``index``-th of ``units`` evenly spaced units falls among ``days`` days.

    Units sit ``days / units`` apart; each inspector's series is shifted by its own fraction
    ``(phase + ½) / phases`` of that spacing, so the office's visits spread over the days too
    instead of every inspector going out on the same ones.
    """
    return (2 * (index * phases + phase) + 1) * days // (2 * units * phases)


def _why_full(diary: _Diary, school: SchoolInfo, cap: int, quota: int, period: str) -> str:
    name, count = diary.inspector.name, len(diary.days)
    if any(free > 0 for free in diary.free.values()):
        return too_few_days(name, count, quota, period)
    return cap_too_low(name, count, cap, period)


# --- reading the office ---------------------------------------------------------------------


@dataclass(frozen=True)
class VisitRow:
    """A visit as shown and printed: names included, codes for kind and status."""

    day: date
    school_id: int
    school: str
    inspector_id: int
    inspector: str
    kind: str
    status: str = VisitStatus.PLANNED
    topic: str = ""


@dataclass(frozen=True)
class MonthPlan:
    """What generating a month did and the month's calendar afterwards."""

    year: int
    month: int
    visits: list[VisitRow]
    added: int
    replaced: int
    unplaced: list[Unplaced]
    known_year: bool
    school_break: bool
    saved: bool

    def as_json(self) -> dict[str, Any]:
        """The form printed by ``schedule --json``."""
        return {
            "visits": [
                {
                    "date": v.day.isoformat(),
                    "school": v.school,
                    "inspector": v.inspector,
                    "kind": v.kind,
                }
                for v in self.visits
            ],
            "unplaced": [{"school": u.school, "reason": u.reason} for u in self.unplaced],
        }


@dataclass(frozen=True)
class CampaignPlan:
    """A special-topic campaign's visits (new ones) and the schools left out, with reasons."""

    topic: str
    visits: list[VisitRow]
    unplaced: list[Unplaced]
    saved: bool


@dataclass(frozen=True)
class _Office:
    schools: list[SchoolInfo]
    inspectors: list[InspectorInfo]
    names: dict[int, str]
    school_names: dict[int, str]
    existing: list[ExistingVisit]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and the last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _refuse(field_name: str, label: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field_name, label, message)])


def responsible_inspectors(session: Session, day: date) -> dict[int, int]:
    """School id → its responsible inspector on ``day`` (挂牌 in force, inspector in office)."""
    serving = serving_inspector_ids(session, day)
    rows = session.execute(
        select(Assignment.school_id, Assignment.inspector_id)
        .where(
            Assignment.start_date <= day,
            (Assignment.end_date.is_(None)) | (Assignment.end_date >= day),
        )
        .order_by(Assignment.start_date, Assignment.id)
    ).all()
    return {row.school_id: row.inspector_id for row in rows if row.inspector_id in serving}


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _away_days(
    session: Session, inspector_ids: set[int], first: date, last: date
) -> dict[int, set[date]]:
    """Per inspector, the days from ``first`` to ``last`` they cannot visit: the unavailable
    days the clerk entered, and days outside their terms (a term ending mid-month)."""
    away: dict[int, set[date]] = defaultdict(set)
    for row in session.execute(
        select(
            Unavailability.inspector_id, Unavailability.start_date, Unavailability.end_date
        ).where(Unavailability.start_date <= last, Unavailability.end_date >= first)
    ):
        away[row.inspector_id].update(_dates(max(row.start_date, first), min(row.end_date, last)))
    serving: dict[int, set[date]] = defaultdict(set)
    for term in session.scalars(
        select(Appointment).where(
            Appointment.inspector_id.in_(inspector_ids), Appointment.start_date <= last
        )
    ):
        serving[term.inspector_id].update(
            _dates(max(term.start_date, first), min(last_day(term), last))
        )
    window = set(_dates(first, last))
    for inspector_id in inspector_ids:
        away[inspector_id] |= window - serving[inspector_id]
    return away


def _read_office(
    session: Session, on: date, first: date, last: date, school_ids: Sequence[int] | None = None
) -> _Office:
    """Active schools with their zone and responsible inspector on ``on``; those inspectors with
    their unavailable days; the visits from ``first`` to ``last``."""
    responsible = responsible_inspectors(session, on)
    query = (
        select(School.id, School.name, Zone.name.label("zone"))
        .outerjoin(Zone, School.zone_id == Zone.id)
        .where(School.active)
    )
    if school_ids is not None:
        query = query.where(School.id.in_(school_ids))
    schools = [
        SchoolInfo(row.id, row.name, row.zone or "", responsible.get(row.id))
        for row in session.execute(query)
    ]
    wanted = {s.inspector_id for s in schools if s.inspector_id is not None}
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    away = _away_days(session, wanted, first, last)
    inspectors = [InspectorInfo(i, names[i], frozenset(away[i])) for i in sorted(wanted)]
    existing = [
        ExistingVisit(
            row.visit_date, row.school_id, row.inspector_id, row.kind, row.status, row.topic
        )
        for row in session.execute(
            select(
                Visit.visit_date,
                Visit.school_id,
                Visit.inspector_id,
                Visit.kind,
                Visit.status,
                Visit.topic,
            ).where(Visit.visit_date >= first, Visit.visit_date <= last)
        )
    ]
    school_names = dict(session.execute(select(School.id, School.name)).all())
    return _Office(schools, inspectors, names, school_names, existing)


def _rows(office: _Office, visits: Iterable[ExistingVisit | NewVisit]) -> list[VisitRow]:
    """Visits with names; new ones have the status 计划."""
    return [
        VisitRow(
            v.day,
            v.school_id,
            office.school_names[v.school_id],
            v.inspector_id,
            office.names[v.inspector_id],
            v.kind,
            v.status if isinstance(v, ExistingVisit) else VisitStatus.PLANNED,
            v.topic,
        )
        for v in visits
    ]


def _save(session: Session, visits: Sequence[NewVisit]) -> None:
    if visits:
        session.execute(
            insert(Visit),
            [
                {
                    "visit_date": v.day,
                    "school_id": v.school_id,
                    "inspector_id": v.inspector_id,
                    "kind": v.kind,
                    "status": VisitStatus.PLANNED.value,
                    "topic": v.topic,
                    "note": "",
                }
                for v in visits
            ],
        )


def generate_month(
    db: Database, year: int, month: int, today: date, *, save: bool = True
) -> MonthPlan:
    """Plan the month's routine visits and (unless ``save`` is false) save them.

    Days before ``today`` are not planned on; the month's *planned* routine visits from then on
    are replaced by the new plan, everything else on the calendar stays. Responsible inspectors
    are those in office with a 挂牌 in force on the first day planned; days an inspector is away
    (leave, training) or out of office (a term ending mid-month) are skipped. A month that lies
    wholly in a school break gets no routine visits. Refuses a month that has already passed.
    """
    first, last = month_bounds(year, month)
    if last < today:
        raise _refuse("month", "月份", f"{year}年{month}月已经过去，不能再生成督导计划")
    start = max(first, today)
    with db.session() as session:
        policy = policy_from_session(session)
        work = WorkCalendar.from_session(session)
        in_break = all(
            school_break(start + timedelta(days=n), policy) for n in range((last - start).days + 1)
        )
        days = [d for d in work.workdays(start, last) if not school_break(d, policy)]
        office = _read_office(session, start, first, last)
        if in_break:
            schedule = Schedule([], [])
        else:
            schedule = plan_month(office.schools, office.inspectors, days, office.existing, policy)

        def replaced(visit: ExistingVisit) -> bool:
            return not in_break and replaceable(visit) and visit.day >= start

        stays = [v for v in office.existing if v.status in ACTIVE_STATUSES and not replaced(v)]
        if save and not in_break:
            session.execute(
                delete(Visit).where(
                    Visit.visit_date >= start,
                    Visit.visit_date <= last,
                    Visit.status == VisitStatus.PLANNED.value,
                    Visit.kind == VisitKind.ROUTINE.value,
                )
            )
            _save(session, schedule.visits)
        rows = _rows(office, stays) + _rows(office, schedule.visits)
        rows.sort(key=lambda r: (r.day, r.inspector, r.school))
        return MonthPlan(
            year=year,
            month=month,
            visits=rows,
            added=len(schedule.visits),
            replaced=sum(1 for v in office.existing if replaced(v)),
            unplaced=schedule.unplaced,
            known_year=work.known_year(year),
            school_break=in_break,
            saved=save and not in_break,
        )


def plan_campaign(
    db: Database,
    school_ids: Sequence[int],
    start: date,
    end: date,
    topic: str,
    *,
    save: bool = True,
) -> CampaignPlan:
    """Plan a special-topic campaign (专项督导) across the chosen schools inside a date window.

    One visit per school by its responsible inspector (as on ``start``), on working days of the
    window, under the daily cap and around the inspectors' unavailable days; school breaks are
    not excluded (a 防溺水 or 开学 campaign may fall in them). Schools that already have a visit
    on this topic in the window are skipped. Saved as planned visits unless ``save`` is false.
    """
    topic = clean_text(topic)
    if not topic:
        raise _refuse("topic", "专项督导主题", "请填写专项督导的主题（如“双减”“校园安全”）")
    if len(topic) > TOPIC_MAX:
        raise _refuse("topic", "专项督导主题", f"“专项督导主题”不能超过 {TOPIC_MAX} 个字")
    if end < start:
        raise _refuse("end", "结束日期", "结束日期不能早于开始日期")
    if not school_ids:
        raise _refuse("schools", "学校", "请至少选择一所学校")
    with db.session() as session:
        policy = policy_from_session(session)
        work = WorkCalendar.from_session(session)
        office = _read_office(session, start, start, end, school_ids)
        schedule = plan_campaign_visits(
            office.schools,
            office.inspectors,
            work.workdays(start, end),
            office.existing,
            policy.visits_per_inspector_per_day,
            topic,
        )
        active = {s.id for s in office.schools}
        closed = [
            Unplaced(i, office.school_names[i], SCHOOL_CLOSED)
            for i in sorted(set(school_ids))
            if i in office.school_names and i not in active
        ]
        if save:
            _save(session, schedule.visits)
        return CampaignPlan(
            topic=topic,
            visits=_rows(office, schedule.visits),
            unplaced=sorted(schedule.unplaced + closed, key=lambda u: (u.school, u.school_id)),
            saved=save,
        )


@dataclass(frozen=True)
class SemesterShortfall:
    """A school with fewer routine visits in the semester than the policy asks."""

    school_id: int
    school: str
    inspector: str
    visits: int
    required: int


def semester_check(
    db: Database, start: date, end: date, on: date | None = None
) -> list[SemesterShortfall]:
    """Active schools below ``routine_visits_per_semester`` routine visits from ``start`` to
    ``end`` (planned, confirmed and done count; cancelled and postponed do not).

    The responsible inspector shown is the one on ``on`` (default ``start``).
    """
    with db.session() as session:
        policy = policy_from_session(session)
        responsible = responsible_inspectors(session, on or start)
        names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
        counts = dict(
            session.execute(
                select(Visit.school_id, func.count())
                .where(
                    Visit.visit_date >= start,
                    Visit.visit_date <= end,
                    Visit.kind == VisitKind.ROUTINE.value,
                    Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
                )
                .group_by(Visit.school_id)
            ).all()
        )
        schools = session.execute(
            select(School.id, School.name).where(School.active).order_by(School.name)
        ).all()
    required = policy.routine_visits_per_semester
    return [
        SemesterShortfall(
            row.id,
            row.name,
            names.get(responsible.get(row.id, -1), ""),
            counts.get(row.id, 0),
            required,
        )
        for row in schools
        if counts.get(row.id, 0) < required
    ]


@dataclass(frozen=True)
class ComprehensiveProposal:
    """A school whose principal's term ends in the semester: due a 综合督导.

    ``planned_on`` is the day of a comprehensive visit already on the calendar in the semester.
    """

    school_id: int
    school: str
    principal: str
    principal_term_end: date
    inspector_id: int | None
    inspector: str
    planned_on: date | None


def propose_comprehensive(
    db: Database, semester: Semester, on: date | None = None
) -> list[ComprehensiveProposal]:
    """Comprehensive inspections to propose for ``semester`` (nothing is saved).

    The responsible inspector shown is the one on ``on`` (default the semester's first day).
    """
    with db.session() as session:
        responsible = responsible_inspectors(session, on or semester.start)
        names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
        schools = session.execute(
            select(School.id, School.name, School.principal, School.principal_term_end)
            .where(
                School.active,
                School.principal_term_end >= semester.start,
                School.principal_term_end <= semester.end,
            )
            .order_by(School.principal_term_end, School.name)
        ).all()
        planned = dict(
            session.execute(
                select(Visit.school_id, func.min(Visit.visit_date))
                .where(
                    Visit.kind == VisitKind.COMPREHENSIVE.value,
                    Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
                    Visit.visit_date >= semester.start,
                    Visit.visit_date <= semester.end,
                )
                .group_by(Visit.school_id)
            ).all()
        )
    return [
        ComprehensiveProposal(
            row.id,
            row.name,
            row.principal,
            row.principal_term_end,
            responsible.get(row.id),
            names.get(responsible.get(row.id, -1), ""),
            planned.get(row.id),
        )
        for row in schools
    ]


# --- inspectors' unavailable days -------------------------------------------------------------


def add_unavailability(
    db: Database,
    inspector_id: int,
    start: date,
    end: date,
    reason: UnavailableReason | str,
    note: str = "",
) -> int:
    """Record days an inspector cannot visit schools (请假, 培训 …); returns the new id."""
    if reason not in UnavailableReason._value2member_map_:
        raise _refuse("reason", "原因", f"“{reason}”不是有效的原因（请假、培训或其他）")
    if end < start:
        raise _refuse("end_date", "结束日期", "结束日期不能早于开始日期")
    note = clean_text(note)
    if len(note) > NOTE_MAX:
        raise _refuse("note", "说明", f"“说明”不能超过 {NOTE_MAX} 个字")
    with db.session() as session:
        if session.get(Inspector, inspector_id) is None:
            raise _refuse("inspector", "督学", "找不到这名督学，可能已被删除")
        row = Unavailability(
            inspector_id=inspector_id,
            start_date=start,
            end_date=end,
            reason=str(reason),
            note=note,
        )
        session.add(row)
        session.flush()
        return row.id


def remove_unavailability(db: Database, unavailability_id: int) -> bool:
    """Delete an entry of unavailable days; returns whether it existed."""
    with db.session() as session:
        row = session.get(Unavailability, unavailability_id)
        if row is None:
            return False
        session.delete(row)
        return True
