"""The visit calendar's planning: the monthly plan generator, special-topic campaigns, the
semester check and comprehensive-inspection proposals.

The generator is a pure function of plain data (:func:`plan_month`, :func:`plan_campaign_visits`),
deterministic for the same input, so its rules can be tested as properties without a database.
How it places the visits:

* A school's visit goes to a day when its inspector is responsible for it (挂牌 in force and the
  inspector in office, see :func:`responsible_by_day`) and available. When the 挂牌 changes
  inside the period, the plain data says who is responsible on which day
  (:attr:`SchoolInfo.changes`); each visit is given to the inspector who can go on most days of
  its part of the period, and only if none of their days is free to the other responsible one.
* The schedulable days (working days outside school breaks, from today on) are split into as many
  equal slices as each school needs visits, and a school's k-th visit goes into the k-th slice, so
  two visits a month fall in different halves of it. Visits already on the calendar that stay
  count toward the school's quota and occupy their slice.
* Inside a slice, an inspector's schools are grouped by responsibility zone into day-sized units
  (at most the daily cap, one zone per unit), and the units are spaced evenly over the inspector's
  available days of the slice — not bunched in the first week. Each inspector's series starts at
  its own offset, so the office as a whole goes out on every day rather than on the same few.
* Each visit goes to the free day nearest its unit's target: the inspector responsible and
  available, under the daily cap (visits already on the calendar count), and the school not
  visited that day already; only if the slice has no such day does it move to the nearest one
  outside the slice.
* What cannot be placed is listed with the reason, never dropped.

The database functions (:func:`generate_month`, :func:`plan_campaign`, :func:`semester_check`,
:func:`propose_comprehensive`) each read the office in one unit of work. Visits the monthly
generator saves are marked ``generated``; regenerating a month replaces only those that are still
*planned* from today on. Everything else stays and takes its place under the daily cap: confirmed
and done visits, routine visits the clerk entered by hand and the generator's planned visits
earlier in the month (these also count toward the school's quota), and visits of other kinds
(a campaign, a 回头看 the clerk put in).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

from core.calendar.visits import month_span
from core.enums import UnavailableReason, VisitKind, VisitStatus
from core.errors import FieldError, ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import policy_from_session
from core.office.workdays import Semester, WorkCalendar, school_break
from core.parsing import clean_text
from core.roster.terms import last_day
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
    """A school to plan for: its zone (name, "" for none) and who is responsible for it when.

    ``inspector_id`` is the responsible inspector at the start of the period (``None``: nobody);
    ``changes`` are the 挂牌 changes inside the period as (first day, inspector id or ``None``):
    a school moved to inspector 8 on the 16th has ``changes=((date(…, 16), 8),)``.
    """

    id: int
    name: str
    zone: str = ""
    inspector_id: int | None = None
    changes: tuple[tuple[date, int | None], ...] = ()

    def inspector_on(self, day: date) -> int | None:
        """The responsible inspector on ``day`` (``None``: nobody)."""
        holder = self.inspector_id
        for since, inspector_id in sorted(self.changes, key=lambda change: change[0]):
            if since > day:
                break
            holder = inspector_id
        return holder

    def holders(self) -> set[int]:
        """Every inspector responsible for the school at some time in the period."""
        ids = {self.inspector_id, *(inspector_id for _, inspector_id in self.changes)}
        return {i for i in ids if i is not None}


@dataclass(frozen=True)
class InspectorInfo:
    """A responsible inspector and the days they cannot visit schools."""

    id: int
    name: str
    unavailable: frozenset[date] = frozenset()


@dataclass(frozen=True)
class ExistingVisit:
    """A visit already on the calendar; ``generated`` when the monthly generator made it."""

    day: date
    school_id: int
    inspector_id: int
    kind: str = VisitKind.ROUTINE
    status: str = VisitStatus.CONFIRMED
    topic: str = ""
    generated: bool = False


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


def replaceable(visit: ExistingVisit, start: date) -> bool:
    """Whether regenerating the month from ``start`` replaces this visit: the generator's own
    routine visit, still planned, on ``start`` or later."""
    return (
        visit.generated
        and visit.status == VisitStatus.PLANNED
        and visit.kind == VisitKind.ROUTINE
        and visit.day >= start
    )


def plan_month(
    schools: Sequence[SchoolInfo],
    inspectors: Sequence[InspectorInfo],
    days: Iterable[date],
    existing: Sequence[ExistingVisit],
    policy: PolicyProfile,
    *,
    start: date | None = None,
) -> Schedule:
    """The month's routine visits (经常性督导).

    ``days`` are the schedulable days (working days outside school breaks, not in the past);
    ``existing`` the month's visits on the calendar; ``start`` the first day planned on (default
    the first of ``days``). Replaceable ones (see :func:`replaceable`) are ignored; the others
    stay, take their place under the daily cap, and the routine ones among them count toward the
    school's ``visits_per_school_per_month``.
    """
    ordered = sorted(set(days))
    first = start or (ordered[0] if ordered else date.max)
    kept = [v for v in existing if v.status in ACTIVE_STATUSES and not replaceable(v, first)]
    counted: dict[int, list[date]] = defaultdict(list)
    for visit in kept:
        if visit.kind == VisitKind.ROUTINE:
            counted[visit.school_id].append(visit.day)
    return _place(
        schools,
        inspectors,
        ordered,
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


def _cover(
    school: SchoolInfo, days: Sequence[date], by_id: Mapping[int, InspectorInfo]
) -> dict[int, list[date]]:
    """Per inspector responsible for ``school`` on some of ``days``, the days they can visit it
    (responsible and available; empty when they are away on all of them)."""
    if not school.changes:
        holders = [(school.inspector_id, list(days))]
    else:
        holders = [
            (h, [d for d in days if school.inspector_on(d) == h]) for h in sorted(school.holders())
        ]
    return {
        holder: [d for d in own if d not in by_id[holder].unavailable]
        for holder, own in holders
        if holder is not None and holder in by_id and own
    }


def _ranked(options: Mapping[int, Sequence[date]], first: date, last: date) -> list[int]:
    """The inspectors who can visit a school, best first for a visit between ``first`` and
    ``last``: the one who can go on most of those days, then on most days of the period, then
    the one responsible later (who carries on)."""
    return sorted(
        (i for i, own in options.items() if own),
        key=lambda i: (
            -sum(1 for d in options[i] if first <= d <= last),
            -len(options[i]),
            -options[i][-1].toordinal(),
            i,
        ),
    )


@dataclass
class _Diary:
    """One inspector's available days while placing: free places per day, and (shared by all
    diaries) the (school, day) pairs that already have a visit."""

    inspector: InspectorInfo
    free: dict[date, int]
    busy: set[tuple[int, date]]

    def best_day(
        self, school_id: int, allowed: Sequence[date], target: date, first: date, last: date
    ) -> date | None:
        """The free day of ``allowed`` nearest ``target``, preferring days from ``first`` to
        ``last``."""
        best: tuple[bool, int, date] | None = None
        for day in allowed:
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
    options: dict[int, dict[int, list[date]]] = {}
    ranking: dict[tuple[int, int], list[int]] = {}
    tasks: dict[int, dict[int, list[SchoolInfo]]] = defaultdict(lambda: defaultdict(list))
    diaries: dict[int, _Diary] = {}
    visits: list[NewVisit] = []

    def refuse(school: SchoolInfo, reason: str) -> None:
        unplaced.setdefault((school.id, reason), Unplaced(school.id, school.name, reason))

    def span(k: int) -> tuple[date, date]:
        low, high = bounds[k]
        return (days[low], days[high - 1]) if low < high else (date.max, date.min)

    def diary(inspector_id: int) -> _Diary:
        if inspector_id not in diaries:
            away = by_id[inspector_id].unavailable
            free = {d: cap - load[(inspector_id, d)] for d in days if d not in away}
            diaries[inspector_id] = _Diary(by_id[inspector_id], free, busy)
        return diaries[inspector_id]

    def book(school: SchoolInfo, inspector_id: int, target: date, k: int) -> bool:
        page = diary(inspector_id)
        day = page.best_day(school.id, options[school.id][inspector_id], target, *span(k))
        if day is not None:
            page.take(school.id, day)
            visits.append(NewVisit(day, school.id, inspector_id, kind, topic))
        return day is not None

    for school in sorted(schools, key=lambda s: s.id):
        slices = _needed_slices(counted.get(school.id, ()), days, bounds) if bounds else []
        if not slices:
            continue
        if not days:
            refuse(school, no_workdays(period) if school.holders() & by_id.keys() else NO_INSPECTOR)
            continue
        cover = _cover(school, days, by_id)
        if not cover:
            refuse(school, NO_INSPECTOR)
            continue
        if not any(cover.values()):
            refuse(school, all_unavailable(period))
            continue
        options[school.id] = cover
        for k in slices:
            ranking[(school.id, k)] = list(cover) if len(cover) == 1 else _ranked(cover, *span(k))
            tasks[ranking[(school.id, k)][0]][k].append(school)

    # Each visit with the inspector preferred for its slice, spaced over their days …
    failed: list[tuple[SchoolInfo, int]] = []
    phases = len(tasks)
    for phase, inspector_id in enumerate(sorted(tasks)):
        own_days = list(diary(inspector_id).free)
        for k in sorted(tasks[inspector_id]):
            first, last = span(k)
            in_slice = [d for d in own_days if first <= d <= last]
            units = _units(tasks[inspector_id][k], cap)
            for index, unit in enumerate(units):
                if in_slice:
                    target = in_slice[_spaced(index, len(units), len(in_slice), phase, phases)]
                else:
                    target = days[min(bounds[k][0], len(days) - 1)]
                failed += [(s, k) for s in unit if not book(s, inspector_id, target, k)]
    # … and what found no free day with them, with the school's other responsible inspector.
    for school, k in sorted(failed, key=lambda task: (task[0].id, task[1])):
        low, high = bounds[k]
        target = days[min((low + high - 1) // 2 if low < high else low, len(days) - 1)]
        ranked = ranking[(school.id, k)]
        if not any(book(school, other, target, k) for other in ranked[1:]):
            preferred = ranked[0]
            allowed = options[school.id][preferred]
            refuse(school, _why_full(diaries[preferred], allowed, cap, quota, period))
    visits.sort(key=lambda v: (v.day, v.inspector_id, v.school_id))
    return Schedule(visits, sorted(unplaced.values(), key=lambda u: (u.school, u.school_id)))


def _spaced(index: int, units: int, days: int, phase: int, phases: int) -> int:
    """Where the ``index``-th of ``units`` evenly spaced units falls among ``days`` days.

    Units sit ``days / units`` apart; each inspector's series is shifted by its own fraction
    ``(phase + ½) / phases`` of that spacing, so the office's visits spread over the days too
    instead of every inspector going out on the same ones.
    """
    return (2 * (index * phases + phase) + 1) * days // (2 * units * phases)


def _why_full(diary: _Diary, allowed: Sequence[date], cap: int, quota: int, period: str) -> str:
    name, count = diary.inspector.name, len(allowed)
    if any(diary.free[d] > 0 for d in allowed):
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


def _refuse(field_name: str, label: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field_name, label, message)])


def _dates(start: date, end: date) -> list[date]:
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
            _dates(max(term.start_date, first), min(last_day(term), last))
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
        for day in _dates(max(row.start_date, first), end):
            if day in serving[row.inspector_id]:
                cover[row.school_id][day] = row.inspector_id
    return dict(cover)


def responsible_inspectors(session: Session, day: date) -> dict[int, int]:
    """School id → its responsible inspector on ``day`` (挂牌 in force, inspector in office)."""
    return {school: days[day] for school, days in responsible_by_day(session, day, day).items()}


def _away_days(session: Session, first: date, last: date) -> dict[int, set[date]]:
    """Per inspector, the days from ``first`` to ``last`` the clerk entered as unavailable."""
    away: dict[int, set[date]] = defaultdict(set)
    for row in session.execute(
        select(
            Unavailability.inspector_id, Unavailability.start_date, Unavailability.end_date
        ).where(Unavailability.start_date <= last, Unavailability.end_date >= first)
    ):
        away[row.inspector_id].update(_dates(max(row.start_date, first), min(row.end_date, last)))
    return away


def _school_info(
    school_id: int, name: str, zone: str, cover: Mapping[date, int], days: Sequence[date]
) -> SchoolInfo:
    """A school with who is responsible for it on ``days`` (``cover``: day → inspector id)."""
    holders = [cover.get(day) for day in days]
    changes = tuple(
        (day, holder)
        for day, holder, before in zip(days[1:], holders[1:], holders, strict=False)
        if holder != before
    )
    return SchoolInfo(school_id, name, zone, holders[0], changes)


def _read_office(
    session: Session, on: date, first: date, last: date, school_ids: Sequence[int] | None = None
) -> _Office:
    """Active schools with their zone and who is responsible for them from ``on`` to ``last``;
    those inspectors with their unavailable days; the visits from ``first`` to ``last``."""
    responsible = responsible_by_day(session, on, last, school_ids)
    query = (
        select(School.id, School.name, Zone.name.label("zone"))
        .outerjoin(Zone, School.zone_id == Zone.id)
        .where(School.active)
    )
    if school_ids is not None:
        query = query.where(School.id.in_(school_ids))
    days = _dates(on, last)
    schools = [
        _school_info(row.id, row.name, row.zone or "", responsible.get(row.id, {}), days)
        for row in session.execute(query)
    ]
    wanted: set[int] = set().union(*(s.holders() for s in schools))
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    away = _away_days(session, first, last)
    inspectors = [InspectorInfo(i, names[i], frozenset(away[i])) for i in sorted(wanted)]
    existing = [
        ExistingVisit(*row)
        for row in session.execute(
            select(
                Visit.visit_date,
                Visit.school_id,
                Visit.inspector_id,
                Visit.kind,
                Visit.status,
                Visit.topic,
                Visit.generated,
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


def _save(session: Session, visits: Sequence[NewVisit], *, generated: bool) -> None:
    """Insert new visits as planned; ``generated`` marks the monthly generator's own."""
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
                    "generated": generated,
                }
                for v in visits
            ],
        )


def generate_month(
    db: Database, year: int, month: int, today: date, *, save: bool = True
) -> MonthPlan:
    """Plan the month's routine visits and (unless ``save`` is false) save them.

    Days before ``today`` are not planned on. The generator's own visits still planned from
    ``today`` on are replaced by the new plan; everything else on the calendar stays, and the
    routine visits among it (the clerk's own, earlier planned ones, confirmed and done ones)
    count toward each school's quota. A school's visit is made by whoever is responsible for it
    on the day chosen (挂牌 in force, inspector in office), so a 挂牌 that ends or begins
    mid-month is followed; days an inspector is away (leave, training) are skipped. A month that
    lies wholly in a school break gets no routine visits. Refuses a month that has already passed.
    """
    first, last = month_span(year, month)
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
            schedule = plan_month(
                office.schools, office.inspectors, days, office.existing, policy, start=start
            )

        def replaced(visit: ExistingVisit) -> bool:
            return not in_break and replaceable(visit, start)

        stays = [v for v in office.existing if v.status in ACTIVE_STATUSES and not replaced(v)]
        if save and not in_break:
            session.execute(
                delete(Visit).where(
                    Visit.visit_date >= start,
                    Visit.visit_date <= last,
                    Visit.status == VisitStatus.PLANNED.value,
                    Visit.kind == VisitKind.ROUTINE.value,
                    Visit.generated.is_(True),
                )
            )
            _save(session, schedule.visits, generated=True)
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

    One visit per school by its responsible inspector on the day chosen, on working days of the
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
            _save(session, schedule.visits, generated=False)
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


@dataclass(frozen=True)
class AwayLine:
    """An entry of days an inspector cannot visit schools, as listed."""

    id: int
    inspector_id: int
    inspector: str
    start: date
    end: date
    reason: str
    note: str

    @property
    def days(self) -> int:
        """Calendar days from the first to the last, both included."""
        return (self.end - self.start).days + 1


def away_lines(db: Database) -> list[AwayLine]:
    """Every entry of unavailable days, newest first."""
    with db.session() as session:
        rows = session.execute(
            select(Unavailability, Inspector.name)
            .join(Inspector, Inspector.id == Unavailability.inspector_id)
            .order_by(Unavailability.start_date.desc(), Inspector.name, Unavailability.id)
        ).all()
        return [
            AwayLine(u.id, u.inspector_id, name, u.start_date, u.end_date, u.reason, u.note)
            for u, name in rows
        ]
