"""The pure planner: where a month's routine visits and a batch of 专项督导 visits go.

The planner is a pure function of plain data (:func:`plan_month`, :func:`place_topic_visits`),
deterministic for the same input, so its rules can be tested as properties without a database.
How it places the visits:

* A school's visit goes to a day when its inspector is responsible for it (挂牌 in force and the
  inspector in office, see :func:`responsible_by_day`) and available. When the 挂牌 changes
  inside the period, the plain data says who is responsible on which day
  (:attr:`SchoolInfo.changes`); each visit is given to the inspector who can go on most days of
  its part of the period, and only if none of their days is free to the other responsible one.
* The schedulable days (working days in term time, from today on) are split into as many
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
* When the office asks each responsible inspector for days a month at their zone, a zone's
  units are made small enough to fall on that many days, and :func:`plan_zone_days` adds visits
  on the days farthest from the others until the inspector has them, or names the zone short.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from core.enums import ACTIVE_STATUSES, VisitKind, VisitStatus
from core.office.policy import PolicyProfile

if TYPE_CHECKING:
    pass


MONTH = "本月"
WINDOW = "所选期间"
NO_INSPECTOR = "没有责任督学"
SCHOOL_CLOSED = "学校已停用"


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
    """A school to plan for: its zone (name, "" for none), who is responsible for it when, and
    its own quota when its zone has one.

    ``inspector_id`` is the responsible inspector at the start of the period (``None``: nobody);
    ``changes`` are the 挂牌 changes inside the period as (first day, inspector id or ``None``):
    a school moved to inspector 8 on the 16th has ``changes=((date(…, 16), 8),)``.
    """

    id: int
    name: str
    zone: str = ""
    inspector_id: int | None = None
    changes: tuple[tuple[date, int | None], ...] = ()
    quota: int | None = None
    """Visits the school needs in the period when its group has its own count (``None``: the
    plan's quota)."""

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
    """A visit already on the calendar; ``generated`` when the monthly generator made it,
    ``locked`` when it has a record or an attachment (then regeneration keeps it), ``id`` its
    row (``None`` for plain data)."""

    day: date
    school_id: int
    inspector_id: int
    kind: str = VisitKind.ROUTINE
    status: str = VisitStatus.CONFIRMED
    topic: str = ""
    generated: bool = False
    locked: bool = False
    id: int | None = None


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
    routine visit, still planned, on ``start`` or later, without a record or an attachment."""
    return (
        visit.generated
        and not visit.locked
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
    zone_days: int = 0,
) -> Schedule:
    """The month's routine visits (经常性督导).

    ``days`` are the schedulable days (working days in term time, not in the past);
    ``existing`` the month's visits on the calendar; ``start`` the first day planned on (default
    the first of ``days``). Replaceable ones (see :func:`replaceable`) are ignored; the others
    stay, take their place under the daily cap, and the routine ones among them count toward the
    school's ``visits_per_school_per_month`` (or its own :attr:`SchoolInfo.quota`). With
    ``zone_days`` (days a month asked at each zone), an inspector's schools of one zone are
    spread over that many days where there are that many schools; :func:`plan_zone_days` then
    adds what is still missing.
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
        zone_days=zone_days,
    )


def place_topic_visits(
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


Slice = tuple[int, int, int]
"""A slice of the schedulable days: the index range [low, high) into them, and its place k
among the school's slices (two empty slices are still two)."""


def _slice_bounds(count: int, slices: int) -> list[Slice]:
    """Split ``count`` days into ``slices`` consecutive index ranges as equal as can be."""
    return [(k * count // slices, (k + 1) * count // slices, k) for k in range(slices)]


def _slice_of(index: int, bounds: list[Slice]) -> Slice:
    for low, high, k in bounds:
        if low <= index < high:
            return (low, high, k)
    return bounds[-1]


def _needed_slices(
    visited: Sequence[date], days: Sequence[date], bounds: list[Slice]
) -> list[Slice]:
    """The slices still without a visit of the school, as many as it still needs."""
    need = len(bounds) - len(visited)
    if need <= 0:
        return []
    taken = {_slice_of(min(bisect_left(days, d), len(days) - 1), bounds) for d in visited}
    return [k for k in bounds if k not in taken][:need]


def _units(schools: Sequence[SchoolInfo], cap: int, zone_days: int) -> list[list[SchoolInfo]]:
    """Day-sized groups: schools of one zone together, at most ``cap`` to a group, and (for a
    zone asked for ``zone_days`` days in the slice) small enough to make that many groups where
    the zone has that many schools."""
    ordered = sorted(schools, key=lambda s: (s.zone, s.name, s.id))
    units: list[list[SchoolInfo]] = []
    for zone, members in groupby(ordered, key=lambda s: s.zone):
        zone_schools = list(members)
        size = cap
        if zone and zone_days > 0:
            size = max(1, min(cap, len(zone_schools) // zone_days))
        units += [zone_schools[i : i + size] for i in range(0, len(zone_schools), size)]
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
    zone_days: int = 0,
) -> Schedule:
    by_id = {i.id: i for i in inspectors}
    load = Counter((v.inspector_id, v.day) for v in kept)
    busy = {(v.school_id, v.day) for v in kept}
    unplaced: dict[tuple[int, str], Unplaced] = {}
    options: dict[int, dict[int, list[date]]] = {}
    ranking: dict[tuple[int, Slice], list[int]] = {}
    tasks: dict[int, dict[Slice, list[SchoolInfo]]] = defaultdict(lambda: defaultdict(list))
    diaries: dict[int, _Diary] = {}
    visits: list[NewVisit] = []

    def quota_of(school: SchoolInfo) -> int:
        return quota if school.quota is None else school.quota

    def refuse(school: SchoolInfo, reason: str) -> None:
        unplaced.setdefault((school.id, reason), Unplaced(school.id, school.name, reason))

    def span(k: Slice) -> tuple[date, date]:
        low, high, _ = k
        return (days[low], days[high - 1]) if low < high else (date.max, date.min)

    def diary(inspector_id: int) -> _Diary:
        if inspector_id not in diaries:
            away = by_id[inspector_id].unavailable
            free = {d: cap - load[(inspector_id, d)] for d in days if d not in away}
            diaries[inspector_id] = _Diary(by_id[inspector_id], free, busy)
        return diaries[inspector_id]

    def book(school: SchoolInfo, inspector_id: int, target: date, k: Slice) -> bool:
        page = diary(inspector_id)
        day = page.best_day(school.id, options[school.id][inspector_id], target, *span(k))
        if day is not None:
            page.take(school.id, day)
            visits.append(NewVisit(day, school.id, inspector_id, kind, topic))
        return day is not None

    for school in sorted(schools, key=lambda s: s.id):
        needed = quota_of(school)
        bounds = _slice_bounds(len(days), needed) if needed > 0 else []
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
    failed: list[tuple[SchoolInfo, Slice]] = []
    phases = len(tasks)
    for phase, inspector_id in enumerate(sorted(tasks)):
        own_days = list(diary(inspector_id).free)
        for k in sorted(tasks[inspector_id]):
            first, last = span(k)
            in_slice = [d for d in own_days if first <= d <= last]
            wanted = -(-zone_days * (k[1] - k[0]) // len(days)) if zone_days else 0
            units = _units(tasks[inspector_id][k], cap, wanted)
            for index, unit in enumerate(units):
                if in_slice:
                    target = in_slice[_spaced(index, len(units), len(in_slice), phase, phases)]
                else:
                    target = days[min(k[0], len(days) - 1)]
                failed += [(s, k) for s in unit if not book(s, inspector_id, target, k)]
    # … and what found no free day with them, with the school's other responsible inspector.
    for school, k in sorted(failed, key=lambda task: (task[0].id, task[1])):
        low, high, _ = k
        target = days[min((low + high - 1) // 2 if low < high else low, len(days) - 1)]
        ranked = ranking[(school.id, k)]
        if not any(book(school, other, target, k) for other in ranked[1:]):
            preferred = ranked[0]
            allowed = options[school.id][preferred]
            refuse(school, _why_full(diaries[preferred], allowed, cap, quota_of(school), period))
    visits.sort(key=lambda v: (v.day, v.inspector_id, v.school_id))
    return Schedule(visits, sorted(unplaced.values(), key=lambda u: (u.school, u.school_id)))


@dataclass(frozen=True)
class ZoneShort:
    """A responsible inspector with fewer days at a zone in the month than the policy asks."""

    zone: str
    inspector: str
    days: int
    required: int


def plan_zone_days(
    schools: Sequence[SchoolInfo],
    inspectors: Sequence[InspectorInfo],
    days: Mapping[int, Sequence[date]],
    existing: Sequence[ExistingVisit],
    required: Mapping[str, int],
    cap: int,
) -> tuple[list[NewVisit], list[ZoneShort]]:
    """Routine visits that bring each responsible inspector to ``required[zone]`` days at each
    of their zones (the Hunan plan's 每月至少到责任区督导4次), and the zones still short.

    ``days`` are each school's schedulable days; ``existing`` the month's visits that stay or
    are planned (any kind counts: the inspector was at the zone that day). A day at the zone is
    one on which the inspector visits one of its schools. Each added visit goes to the free day
    farthest from the inspector's other days at the zone (the earliest of equals), at the zone's
    school with the fewest visits that month, under the daily cap.
    """
    by_id = {i.id: i for i in inspectors}
    zone_of = {s.id: s.zone for s in schools}
    load = Counter((v.inspector_id, v.day) for v in existing)
    busy = {(v.school_id, v.day) for v in existing}
    visits_of = Counter(v.school_id for v in existing if v.kind == VisitKind.ROUTINE)
    at_zone: dict[tuple[int, str], set[date]] = defaultdict(set)
    for visit in existing:
        if zone_of.get(visit.school_id):
            at_zone[(visit.inspector_id, zone_of[visit.school_id])].add(visit.day)
    covering: dict[tuple[int, str], list[SchoolInfo]] = defaultdict(list)
    for school in schools:
        if school.zone and required.get(school.zone, 0) > 0:
            for holder in sorted(school.holders() & by_id.keys()):
                covering[(holder, school.zone)].append(school)
    added: list[NewVisit] = []
    short: list[ZoneShort] = []
    for (inspector_id, zone), members in sorted(covering.items(), key=lambda p: (p[0][1], p[0][0])):
        been = at_zone[(inspector_id, zone)]
        away = by_id[inspector_id].unavailable
        while len(been) < required[zone]:
            free = [
                (day, school)
                for school in members
                for day in days.get(school.id, ())
                if day not in been
                and day not in away
                and school.inspector_on(day) == inspector_id
                and load[(inspector_id, day)] < cap
                and (school.id, day) not in busy
            ]
            if not free:
                name = by_id[inspector_id].name
                short.append(ZoneShort(zone, name, len(been), required[zone]))
                break
            day, school = min(
                free,
                key=lambda c: (
                    -min((abs((c[0] - d).days) for d in been), default=0),
                    c[0],
                    visits_of[c[1].id],
                    c[1].name,
                    c[1].id,
                ),
            )
            added.append(NewVisit(day, school.id, inspector_id))
            been.add(day)
            busy.add((school.id, day))
            load[(inspector_id, day)] += 1
            visits_of[school.id] += 1
    added.sort(key=lambda v: (v.day, v.inspector_id, v.school_id))
    return added, short


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
