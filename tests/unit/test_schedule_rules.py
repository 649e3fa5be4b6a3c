"""The monthly plan generator as properties of plain data (hypothesis): only schedulable days and
the inspector responsible that day (挂牌 changing mid-month included), never over the daily cap,
no school twice a day, every school its quota or a true reason, confirmed, done, hand-entered and
earlier planned visits kept and counted, the generator's own later plans ignored, the same answer
for the same input in any order, visits spread over the month and grouped by zone, a zone's own
count per school and the days a month at each zone (the Hunan plan: 每月至少到责任区督导4次) — and
the special-topic campaign on the same rules."""

from __future__ import annotations

import calendar
import math
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from core.calendar.planner import (
    NO_INSPECTOR,
    ExistingVisit,
    InspectorInfo,
    Schedule,
    SchoolInfo,
    ZoneShort,
    all_unavailable,
    cap_too_low,
    no_workdays,
    place_topic_visits,
    plan_month,
    plan_zone_days,
    replaceable,
    too_few_days,
)
from core.enums import ACTIVE_STATUSES, VisitKind, VisitStatus
from core.office.policy import PolicyProfile
from core.office.workdays import WorkCalendar

MONTHS = [(2026, 10), (2026, 11), (2026, 12), (2027, 2)]
ZONES = ["东片责任区", "西片责任区", "南片责任区"]
ABSENT = 99  # an inspector id that is not among the inspectors (not in office)


def month_days(year: int, month: int) -> list[date]:
    return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def month_workdays(year: int, month: int) -> list[date]:
    days = month_days(year, month)
    return WorkCalendar().workdays(days[0], days[-1])


class Situation:
    """One input of the generator, and what the rules say about it."""

    def __init__(self, schools, inspectors, days, existing, policy, today=None) -> None:
        self.schools: list[SchoolInfo] = schools
        self.inspectors: list[InspectorInfo] = inspectors
        self.days: list[date] = days
        self.existing: list[ExistingVisit] = existing
        self.policy: PolicyProfile = policy
        self.today: date | None = today

    def __repr__(self) -> str:
        return (
            f"Situation(schools={self.schools!r}, inspectors={self.inspectors!r}, "
            f"days={self.days!r}, existing={self.existing!r}, quota={self.quota}, cap={self.cap}, "
            f"today={self.today!r})"
        )

    def plan(self) -> Schedule:
        return plan_month(
            self.schools, self.inspectors, self.days, self.existing, self.policy, start=self.today
        )

    @property
    def start(self) -> date:
        """The first day planned on: today when given, else the first schedulable day."""
        return self.today or min(self.days, default=date.max)

    @property
    def cap(self) -> int:
        return self.policy.visits_per_inspector_per_day

    @property
    def quota(self) -> int:
        return self.policy.visits_per_school_per_month

    def kept(self) -> list[ExistingVisit]:
        """What stays: all but the generator's own routine plans from the start on."""
        return [
            v
            for v in self.existing
            if v.status in (VisitStatus.CONFIRMED, VisitStatus.DONE)
            or (
                v.status == VisitStatus.PLANNED
                and (v.kind != VisitKind.ROUTINE or not v.generated or v.day < self.start)
            )
        ]

    def counted(self) -> Counter[int]:
        return Counter(v.school_id for v in self.kept() if v.kind == VisitKind.ROUTINE)

    def need(self, school_id: int) -> int:
        return max(0, self.quota - self.counted()[school_id])

    def inspector(self, inspector_id: int | None) -> InspectorInfo | None:
        return next((i for i in self.inspectors if i.id == inspector_id), None)

    def available(self, inspector: InspectorInfo) -> list[date]:
        return [d for d in self.days if d not in inspector.unavailable]

    def responsible(self, school: SchoolInfo) -> dict[int, list[date]]:
        """Per inspector in office, the schedulable days they are responsible for the school."""
        days: dict[int, list[date]] = defaultdict(list)
        for day in self.days:
            holder = school.inspector_on(day)
            if self.inspector(holder) is not None:
                days[holder].append(day)
        return days

    def options(self, school: SchoolInfo) -> dict[int, list[date]]:
        """Per inspector, the days they may visit the school: responsible and available."""
        return {
            i: [d for d in own if d not in self.inspector(i).unavailable]
            for i, own in self.responsible(school).items()
        }


@st.composite
def situations(
    draw,
    *,
    existing: bool = True,
    unavailable: bool = True,
    full_month: bool = False,
    changes: bool = True,
    quota: st.SearchStrategy[int] | None = None,
) -> Situation:
    year, month = draw(st.sampled_from(MONTHS))
    workdays = month_days(year, month)
    official = month_workdays(year, month)
    if full_month or draw(st.booleans()):
        days = official
    else:
        days = sorted(
            draw(st.lists(st.sampled_from(official), unique=True, max_size=len(official)))
        )
    today = None if full_month else draw(st.none() | st.sampled_from(workdays))
    if today is not None:
        days = [d for d in days if d >= today]
    inspector_count = draw(st.integers(0, 4))
    inspectors = [
        InspectorInfo(
            i,
            f"督学{i}",
            draw(st.frozensets(st.sampled_from(workdays), max_size=31))
            if unavailable and draw(st.booleans())
            else frozenset(),
        )
        for i in range(1, inspector_count + 1)
    ]
    holders = [None, ABSENT, *range(1, inspector_count + 1)]
    holder = st.sampled_from(holders) if inspector_count else st.sampled_from(holders[:2])
    moves = st.lists(st.tuples(st.sampled_from(workdays[1:]), holder), max_size=2).map(
        lambda pairs: tuple(sorted(dict(pairs).items()))
    )
    schools = [
        SchoolInfo(
            s,
            f"学校{s:02d}",
            draw(st.sampled_from(ZONES)),
            draw(holder),
            draw(moves) if changes and draw(st.booleans()) else (),
        )
        for s in range(1, draw(st.integers(0, 14)) + 1)
    ]
    visits = []
    if existing and schools:
        visits = draw(
            st.lists(
                st.builds(
                    ExistingVisit,
                    st.sampled_from(workdays),
                    st.sampled_from([s.id for s in schools]),
                    st.sampled_from([h for h in holders if h is not None]),
                    st.sampled_from(list(VisitKind)),
                    st.sampled_from(list(VisitStatus)),
                    st.just(""),
                    st.booleans(),
                ),
                max_size=12,
            )
        )
    policy = PolicyProfile().with_changes(
        visits_per_school_per_month=draw(st.integers(0, 3) if quota is None else quota),
        visits_per_inspector_per_day=draw(st.integers(1, 3)),
    )
    return Situation(schools, inspectors, days, visits, policy, today)


# --- where and by whom ----------------------------------------------------------------------


@given(situations())
def test_new_visits_are_routine_by_the_responsible_inspector_on_schedulable_days(case):
    schools = {s.id: s for s in case.schools}
    for visit in case.plan().visits:
        inspector = case.inspector(visit.inspector_id)
        assert inspector is not None
        assert visit.inspector_id == schools[visit.school_id].inspector_on(visit.day)
        assert visit.day in case.days
        assert case.today is None or visit.day >= case.today
        assert visit.day not in inspector.unavailable
        assert visit.kind == VisitKind.ROUTINE


@given(situations())
def test_the_daily_cap_holds_counting_the_visits_already_on_the_calendar(case):
    new = Counter((v.inspector_id, v.day) for v in case.plan().visits)
    kept = Counter((v.inspector_id, v.day) for v in case.kept())
    for key, count in new.items():
        assert kept[key] + count <= case.cap


@given(situations())
def test_no_school_is_visited_twice_on_one_day(case):
    days = Counter((v.school_id, v.day) for v in case.plan().visits)
    kept = {(v.school_id, v.day) for v in case.kept()}
    assert all(count == 1 for count in days.values())
    assert not kept & set(days)


# --- coverage and reasons -------------------------------------------------------------------


@given(situations())
def test_every_school_gets_what_it_still_needs_or_is_listed_with_a_reason(case):
    schedule = case.plan()
    placed = Counter(v.school_id for v in schedule.visits)
    listed = {u.school_id for u in schedule.unplaced}
    for school in case.schools:
        need = case.need(school.id)
        assert placed[school.id] <= need
        if school.id in listed:
            assert placed[school.id] < need
        else:
            assert placed[school.id] == need
    assert listed <= {s.id for s in case.schools}


@given(situations())
def test_each_reason_is_exact_and_true(case):
    schedule = case.plan()
    schools = {s.id: s for s in case.schools}
    load = Counter((v.inspector_id, v.day) for v in [*schedule.visits, *case.kept()])
    visited = {(v.school_id, v.day) for v in [*schedule.visits, *case.kept()]}
    for unplaced in schedule.unplaced:
        school = schools[unplaced.school_id]
        assert unplaced.school == school.name
        options = case.options(school)
        if not case.days:
            in_office = any(case.inspector(i) for i in school.holders())
            assert unplaced.reason == (no_workdays() if in_office else NO_INSPECTOR)
        elif not options:
            assert unplaced.reason == NO_INSPECTOR
        elif not any(options.values()):
            assert unplaced.reason == all_unavailable() == "督学本月全部不可用"
        else:
            # Every inspector who could have gone is full, or the school has a visit that day.
            for i, days in options.items():
                assert all(load[(i, d)] >= case.cap or (school.id, d) in visited for d in days)
            full: dict[str, bool] = {}
            for i, days in options.items():
                name = case.inspector(i).name
                if days:
                    every_day_full = all(load[(i, d)] >= case.cap for d in days)
                    full[cap_too_low(name, len(days), case.cap)] = every_day_full
                    full[too_few_days(name, len(days), case.quota)] = True
            assert full.get(unplaced.reason), unplaced.reason


@given(situations(existing=False, unavailable=False, changes=False))
def test_with_room_enough_every_school_with_an_inspector_is_covered(case):
    per_inspector = Counter(s.inspector_id for s in case.schools)
    room = all(count * case.quota <= case.cap * len(case.days) for count in per_inspector.values())
    schedule = case.plan()
    if room and case.quota <= len(case.days):
        assert {u.reason for u in schedule.unplaced} <= {NO_INSPECTOR}


@given(situations(quota=st.integers(1, 3)))
def test_schools_without_an_inspector_in_office_are_listed_as_such(case):
    reasons = {u.school_id: u.reason for u in case.plan().unplaced}
    for school in case.schools:
        if case.days:
            nobody = not case.responsible(school)  # on any schedulable day
        else:
            nobody = not any(case.inspector(i) for i in school.holders())
        if nobody and case.need(school.id):
            assert reasons[school.id] == "没有责任督学"


# --- what is already on the calendar --------------------------------------------------------


@given(situations())
def test_visits_that_stay_count_and_the_generators_own_later_plans_do_not(case):
    stays = [
        v for v in case.existing if not replaceable(v, case.start) and v.status in ACTIVE_STATUSES
    ]
    again = Situation(case.schools, case.inspectors, case.days, stays, case.policy, case.today)
    assert case.plan() == again.plan()
    satisfied = {s for s, n in case.counted().items() if n >= case.quota}
    assert not satisfied & {v.school_id for v in case.plan().visits}


def test_a_confirmed_visit_in_the_first_half_leaves_the_second_half_to_fill():
    days = month_workdays(2026, 11)
    policy = PolicyProfile().with_changes(visits_per_school_per_month=2)
    school = SchoolInfo(1, "龙泉镇中心小学", "龙泉片", 7)
    confirmed = ExistingVisit(days[2], 1, 7, VisitKind.ROUTINE, VisitStatus.CONFIRMED)
    schedule = plan_month([school], [InspectorInfo(7, "王建国")], days, [confirmed], policy)
    assert len(schedule.visits) == 1
    assert schedule.visits[0].day >= days[len(days) // 2]
    assert schedule.unplaced == []


def test_a_cancelled_or_postponed_visit_does_not_count():
    days = month_workdays(2026, 11)
    school = SchoolInfo(1, "龙泉镇中心小学", "龙泉片", 7)
    for status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED):
        gone = ExistingVisit(days[0], 1, 7, VisitKind.ROUTINE, status)
        schedule = plan_month([school], [InspectorInfo(7, "王建国")], days, [gone], PolicyProfile())
        assert len(schedule.visits) == 1


def test_the_clerks_own_planned_visits_count_toward_the_quota_and_the_daily_cap():
    days = month_workdays(2026, 11)
    policy = PolicyProfile().with_changes(visits_per_inspector_per_day=1)
    schools = [SchoolInfo(1, "甲小学", "东片", 7), SchoolInfo(2, "乙小学", "东片", 7)]
    by_hand = [
        ExistingVisit(d, 2, 7, VisitKind.ROUTINE, VisitStatus.PLANNED, generated=False)
        for d in days[1:]
    ]
    schedule = plan_month(schools, [InspectorInfo(7, "王建国")], days, by_hand, policy)
    assert [(v.school_id, v.day) for v in schedule.visits] == [(1, days[0])]
    generated = [replace(v, generated=True) for v in by_hand]
    again = plan_month(schools, [InspectorInfo(7, "王建国")], days, generated, policy)
    assert sorted(v.school_id for v in again.visits) == [1, 2]  # the old plan is replaced


def test_regenerating_mid_month_counts_the_plan_made_earlier_in_the_month():
    days = month_workdays(2026, 11)
    today = date(2026, 11, 20)
    school = [SchoolInfo(1, "甲小学", "东片", 7)]
    inspectors = [InspectorInfo(7, "王建国")]
    remaining = [d for d in days if d >= today]

    def plan(day: date) -> Schedule:
        planned = ExistingVisit(day, 1, 7, VisitKind.ROUTINE, VisitStatus.PLANNED, generated=True)
        return plan_month(school, inspectors, remaining, [planned], PolicyProfile(), start=today)

    assert plan(date(2026, 11, 5)) == Schedule([], [])
    replaced = plan(date(2026, 11, 25)).visits
    assert len(replaced) == 1 and replaced[0].day >= today


# --- a 挂牌 that changes inside the month -----------------------------------------------------


NOVEMBER = month_workdays(2026, 11)  # 21 working days, 2–30 November
PAIR = [InspectorInfo(7, "王建国"), InspectorInfo(8, "李丽")]


def _one_school(inspector_id: int | None, *changes: tuple[date, int | None]) -> list[SchoolInfo]:
    return [SchoolInfo(1, "龙泉镇中心小学", "龙泉片", inspector_id, tuple(changes))]


def test_a_school_whose_assignment_ends_mid_month_is_visited_while_it_lasts():
    schools = _one_school(7, (date(2026, 11, 14), None))
    schedule = plan_month(schools, PAIR, NOVEMBER, [], PolicyProfile())
    assert [(v.inspector_id, v.day <= date(2026, 11, 13)) for v in schedule.visits] == [(7, True)]
    assert schedule.unplaced == []


def test_a_school_whose_assignment_begins_mid_month_is_visited_once_it_begins():
    schools = _one_school(None, (date(2026, 11, 16), 8))
    schedule = plan_month(schools, PAIR, NOVEMBER, [], PolicyProfile())
    assert [(v.inspector_id, v.day >= date(2026, 11, 16)) for v in schedule.visits] == [(8, True)]
    assert schedule.unplaced == []


def test_a_school_moved_mid_month_goes_to_the_inspector_responsible_for_most_of_it():
    early = plan_month(_one_school(7, (date(2026, 11, 10), 8)), PAIR, NOVEMBER, [], PolicyProfile())
    assert [(v.inspector_id, v.day >= date(2026, 11, 10)) for v in early.visits] == [(8, True)]
    late = plan_month(_one_school(7, (date(2026, 11, 23), 8)), PAIR, NOVEMBER, [], PolicyProfile())
    assert [(v.inspector_id, v.day < date(2026, 11, 23)) for v in late.visits] == [(7, True)]
    even = plan_month(
        _one_school(7, (date(2026, 11, 17), 8)), PAIR, NOVEMBER[1:], [], PolicyProfile()
    )
    assert [v.inspector_id for v in even.visits] == [8], "ten days each: the one who carries on"


def test_a_tie_inside_half_the_month_goes_to_whom_is_responsible_for_more_of_it():
    policy = PolicyProfile().with_changes(visits_per_school_per_month=2)
    moves = ((date(2026, 11, 9), 7), (date(2026, 11, 30), 8))
    schools = _one_school(8, *moves)  # 李丽 2–6 and 30, 王建国 9–27
    schedule = plan_month(schools, PAIR, NOVEMBER, [], policy)
    assert [v.inspector_id for v in schedule.visits] == [7, 7]


def test_the_other_responsible_inspector_goes_when_the_first_cannot():
    schools = _one_school(7, (date(2026, 11, 10), 8))
    after = frozenset(d for d in NOVEMBER if d >= date(2026, 11, 10))
    away = [PAIR[0], InspectorInfo(8, "李丽", after)]
    schedule = plan_month(schools, away, NOVEMBER, [], PolicyProfile())
    assert [(v.inspector_id, v.day < date(2026, 11, 10)) for v in schedule.visits] == [(7, True)]
    policy = PolicyProfile().with_changes(visits_per_inspector_per_day=1)
    full = [ExistingVisit(d, 2, 8, status=VisitStatus.DONE) for d in after]
    schedule = plan_month(schools, PAIR, NOVEMBER, full, policy)
    assert [(v.inspector_id, v.day < date(2026, 11, 10)) for v in schedule.visits] == [(7, True)]
    both_full = full + [ExistingVisit(d, 3, 7, status=VisitStatus.DONE) for d in NOVEMBER]
    schedule = plan_month(schools, PAIR, NOVEMBER, both_full, policy)
    assert schedule.visits == []
    assert [u.reason for u in schedule.unplaced] == [cap_too_low("李丽", 15, 1)]


def test_two_visits_a_month_split_between_the_old_and_the_new_inspector():
    schools = _one_school(7, (date(2026, 11, 16), 8))
    policy = PolicyProfile().with_changes(visits_per_school_per_month=2)
    schedule = plan_month(schools, PAIR, NOVEMBER, [], policy)
    assert [v.inspector_id for v in schedule.visits] == [7, 8]
    assert schedule.visits[0].day < date(2026, 11, 16) <= schedule.visits[1].day


def test_a_school_with_nobody_responsible_on_any_day_left_is_listed_as_such():
    schools = _one_school(7, (date(2026, 11, 16), None))
    remaining = [d for d in NOVEMBER if d >= date(2026, 11, 20)]
    schedule = plan_month(schools, PAIR, remaining, [], PolicyProfile())
    assert schedule.visits == []
    assert [u.reason for u in schedule.unplaced] == [NO_INSPECTOR]
    out_of_office = _one_school(ABSENT, (date(2026, 11, 16), 8))
    schedule = plan_month(out_of_office, PAIR, NOVEMBER, [], PolicyProfile())
    assert [(v.inspector_id, v.day >= date(2026, 11, 16)) for v in schedule.visits] == [(8, True)]


@given(situations(existing=False, unavailable=False, quota=st.just(1)))
def test_with_room_each_visit_goes_to_whom_is_responsible_for_most_of_the_month(case):
    if len(case.schools) > case.cap:
        return
    schools = {s.id: s for s in case.schools}
    for visit in case.plan().visits:
        days = case.responsible(schools[visit.school_id])
        most = max(days, key=lambda i: (len(days[i]), days[i][-1]))
        assert visit.inspector_id == most


# --- determinism ----------------------------------------------------------------------------


@given(situations(), st.randoms(use_true_random=False))
def test_the_same_input_in_any_order_gives_the_same_plan(case, rng):
    first = case.plan()
    schools = [
        replace(s, changes=tuple(rng.sample(s.changes, len(s.changes)))) for s in case.schools
    ]
    shuffled = [schools, list(case.inspectors), list(case.days), list(case.existing)]
    for items in shuffled:
        rng.shuffle(items)
    assert plan_month(*shuffled, case.policy, start=case.today) == first
    assert case.plan() == first


# --- spread and grouping --------------------------------------------------------------------


def _units_needed(case: Situation, inspector_id: int) -> int:
    zones = Counter(s.zone for s in case.schools if s.inspector_id == inspector_id)
    return sum(math.ceil(n / case.cap) for n in zones.values())


@given(
    situations(existing=False, unavailable=False, full_month=True, changes=False, quota=st.just(1))
)
def test_an_inspectors_days_are_spread_evenly_over_the_month(case):
    days_used: dict[int, set[date]] = defaultdict(set)
    for visit in case.plan().visits:
        days_used[visit.inspector_id].add(visit.day)
    half = case.days[len(case.days) // 2]
    for inspector_id, used in days_used.items():
        units = _units_needed(case, inspector_id)
        if units > len(case.days):
            continue
        positions = sorted(case.days.index(d) for d in used)
        gaps = [b - a for a, b in pairwise(positions)]
        assert all(gap >= len(case.days) // units for gap in gaps), "evenly spaced"
        early = sum(1 for d in used if d < half)
        assert abs(early - (len(used) - early)) <= 2  # ± rounding to whole days
        if len(used) >= 2:
            assert max(used).day > 7, "not all in the first week"


@given(
    situations(existing=False, unavailable=False, full_month=True, changes=False, quota=st.just(1))
)
def test_schools_of_one_zone_share_a_day_up_to_the_cap(case):
    days_used: dict[int, set[date]] = defaultdict(set)
    zones_on_day: dict[tuple[int, date], set[str]] = defaultdict(set)
    zone_of = {s.id: s.zone for s in case.schools}
    for visit in case.plan().visits:
        days_used[visit.inspector_id].add(visit.day)
        zones_on_day[(visit.inspector_id, visit.day)].add(zone_of[visit.school_id])
    for inspector_id, used in days_used.items():
        units = _units_needed(case, inspector_id)
        if units <= len(case.days):
            assert len(used) == units
            assert all(len(zones_on_day[(inspector_id, d)]) == 1 for d in used)


@given(
    situations(existing=False, unavailable=False, full_month=True, changes=False, quota=st.just(2))
)
def test_two_visits_a_month_fall_in_different_halves(case):
    half = case.days[len(case.days) // 2]
    per_inspector = Counter(s.inspector_id for s in case.schools)
    by_school: dict[int, list[date]] = defaultdict(list)
    for visit in case.plan().visits:
        by_school[visit.school_id].append(visit.day)
    for school in case.schools:
        if per_inspector[school.inspector_id] > case.cap * (len(case.days) // 2):
            continue
        if len(by_school[school.id]) == 2:
            early, late = sorted(by_school[school.id])
            assert early < half <= late


def test_visits_are_not_bunched_in_the_first_week():
    days = month_workdays(2026, 11)
    schools = [SchoolInfo(i, f"学校{i}", ZONES[i % 3], 1) for i in range(1, 6)]
    schedule = plan_month(schools, [InspectorInfo(1, "王建国")], days, [], PolicyProfile())
    used = sorted({v.day for v in schedule.visits})
    assert len(schedule.visits) == 5
    assert len(used) == 3  # 2 + 2 + 1 schools of three zones, two a day
    assert used[0] > days[0] and used[-1] > date(2026, 11, 20)


# --- the zone rules -------------------------------------------------------------------------


def zone_plan(case: Situation, required: int) -> tuple[list, list[ZoneShort]]:
    """The month's plan asking ``required`` days at each zone, then the visits it adds."""
    first = plan_month(
        case.schools,
        case.inspectors,
        case.days,
        case.existing,
        case.policy,
        start=case.today,
        zone_days=required,
    )
    stays = [
        *case.kept(),
        *(ExistingVisit(v.day, v.school_id, v.inspector_id) for v in first.visits),
    ]
    added, short = plan_zone_days(
        case.schools,
        case.inspectors,
        {s.id: case.days for s in case.schools},
        stays,
        dict.fromkeys(ZONES, required),
        case.cap,
    )
    return [*first.visits, *added], short


@given(situations(), st.integers(1, 6))
def test_each_inspector_reaches_his_days_at_each_zone_or_is_named_short(case, required):
    visits, short = zone_plan(case, required)
    stays = case.kept() + visits
    zone_of = {s.id: s.zone for s in case.schools}
    load = Counter((v.inspector_id, v.day) for v in visits)
    for v in case.kept():
        load[(v.inspector_id, v.day)] += 1
    assert all(load[(v.inspector_id, v.day)] <= case.cap for v in visits)
    assert len({(v.school_id, v.day) for v in visits}) == len(visits)
    by_id = {i.id: i for i in case.inspectors}
    for school in case.schools:
        for inspector_id in sorted(school.holders() & by_id.keys()):
            days = {
                v.day
                for v in stays
                if v.inspector_id == inspector_id and zone_of.get(v.school_id) == school.zone
            }
            named = [
                z for z in short if (z.zone, z.inspector) == (school.zone, f"督学{inspector_id}")
            ]
            if len(days) < required:
                assert named == [ZoneShort(school.zone, f"督学{inspector_id}", len(days), required)]
            else:
                assert named == []


def test_three_schools_asked_four_days_get_a_fourth_visit_spread_over_the_month():
    days = month_workdays(2026, 11)
    schools = [SchoolInfo(i, f"东片{i}小", "东片责任区", 1) for i in range(1, 4)]
    case = Situation(schools, [InspectorInfo(1, "李华")], days, [], PolicyProfile())
    visits, short = zone_plan(case, 4)
    used = sorted({v.day for v in visits})
    assert short == [] and len(visits) == 4 and len(used) == 4
    assert Counter(v.school_id for v in visits) == {1: 2, 2: 1, 3: 1}
    assert all(b - a >= timedelta(days=4) for a, b in pairwise(used))


def test_eight_schools_asked_four_days_go_two_a_day_without_more_visits():
    days = month_workdays(2026, 11)
    schools = [SchoolInfo(i, f"学校{i}", "东片责任区", 1) for i in range(1, 9)]
    case = Situation(schools, [InspectorInfo(1, "李华")], days, [], PolicyProfile())
    visits, short = zone_plan(case, 4)
    assert short == [] and len(visits) == 8 and len({v.day for v in visits}) == 4


def test_a_school_of_a_zone_with_its_own_count_gets_it_in_both_halves():
    days = month_workdays(2026, 11)
    schools = [
        SchoolInfo(1, "市第一中学", "市直学校", 1, quota=2),
        SchoolInfo(2, "东片小学", "东片", 1),
    ]
    schedule = plan_month(schools, [InspectorInfo(1, "陈静")], days, [], PolicyProfile())
    first, second = sorted(v.day for v in schedule.visits if v.school_id == 1)
    assert first < date(2026, 11, 16) <= second
    assert [v.school_id for v in schedule.visits].count(2) == 1


# --- reasons by example ---------------------------------------------------------------------


def test_the_reasons_by_example():
    days = [date(2026, 11, 2)]
    policy = PolicyProfile().with_changes(visits_per_inspector_per_day=1)
    schools = [
        SchoolInfo(1, "东关小学", "东片", 1),
        SchoolInfo(2, "西关小学", "东片", 1),
        SchoolInfo(3, "丙幼儿园", "东片", None),
        SchoolInfo(4, "丁小学", "东片", 2),
    ]
    inspectors = [InspectorInfo(1, "王建国"), InspectorInfo(2, "李丽", frozenset(days))]
    schedule = plan_month(schools, inspectors, days, [], policy)
    assert [(v.school_id, v.day) for v in schedule.visits] == [(1, days[0])]
    assert [(u.school, u.reason) for u in schedule.unplaced] == [
        ("丁小学", "督学本月全部不可用"),
        ("丙幼儿园", "没有责任督学"),
        ("西关小学", "每日上限太低：王建国本月可安排的 1 天已排满（每天最多 1 次）"),
    ]
    none_left = plan_month(schools[:1], inspectors, [], [], policy)
    assert [u.reason for u in none_left.unplaced] == ["本月没有可安排的工作日"]
    twice = plan_month(
        schools[:1],
        inspectors,
        days,
        [],
        policy.with_changes(visits_per_school_per_month=2, visits_per_inspector_per_day=2),
    )
    assert [u.reason for u in twice.unplaced] == [
        "工作日不足：王建国本月只有 1 天可安排，不够到同一学校督导 2 次"
    ]


def test_a_quota_of_zero_plans_nothing_and_lists_nothing():
    policy = PolicyProfile().with_changes(visits_per_school_per_month=0)
    schedule = plan_month([SchoolInfo(1, "甲小学")], [], month_workdays(2026, 11), [], policy)
    assert schedule == Schedule([], [])


# --- special-topic campaigns ----------------------------------------------------------------


WINDOW = [date(2026, 11, d) for d in (9, 10, 11, 12, 13)]


def test_a_campaign_visits_each_school_once_inside_the_window():
    schools = [SchoolInfo(i, f"学校{i}", ZONES[i % 2], 1 + i % 2) for i in range(1, 9)]
    inspectors = [InspectorInfo(1, "王建国"), InspectorInfo(2, "李丽")]
    schedule = place_topic_visits(schools, inspectors, WINDOW, [], 2, "双减")
    assert sorted(v.school_id for v in schedule.visits) == list(range(1, 9))
    assert all(v.day in WINDOW and v.kind == VisitKind.SPECIAL for v in schedule.visits)
    assert all(v.topic == "双减" for v in schedule.visits)
    assert schedule.unplaced == []


def test_a_campaign_counts_the_same_topic_and_makes_room_for_every_visit_on_the_calendar():
    schools = [SchoolInfo(1, "甲小学", "东片", 1), SchoolInfo(2, "乙小学", "东片", 1)]
    done = ExistingVisit(WINDOW[0], 1, 1, VisitKind.SPECIAL, VisitStatus.DONE, "双减")
    other_topic = ExistingVisit(WINDOW[1], 2, 1, VisitKind.SPECIAL, VisitStatus.PLANNED, "安全")
    routine = [ExistingVisit(d, 9, 1, VisitKind.ROUTINE, VisitStatus.PLANNED) for d in WINDOW]
    inspectors = [InspectorInfo(1, "王建国")]
    schedule = place_topic_visits(
        schools, inspectors, WINDOW, [done, other_topic, *routine], 2, "双减"
    )
    assert [(v.school_id, v.topic) for v in schedule.visits] == [(2, "双减")]
    assert schedule.visits[0].day != WINDOW[1]  # 乙小学 already has a visit that day
    full = place_topic_visits(schools[1:], inspectors, WINDOW, [*routine, *routine], 2, "双减")
    assert [u.reason for u in full.unplaced] == [
        "每日上限太低：王建国所选期间可安排的 5 天已排满（每天最多 2 次）"
    ]
