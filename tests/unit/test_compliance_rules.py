"""Property tests of the pure compliance rules: staffing arithmetic, the term-expiry window and
the term limit, the rotation reminder, a zone's figures, and the training arithmetic (working
days, hours per year, centralized days in the last three years) checked against brute force."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from core.enums import TrainingForm
from core.office.policy import PolicyProfile
from core.overview import at_term_limit, rotation_due, term_expiring, zone_figures
from core.roster.staffing import full_time_share, required_inspectors
from core.roster.terms import Term
from core.roster.training import centralized_days_within, hours_in_year, working_days

POLICY = PolicyProfile()
DAY = timedelta(days=1)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
enrolments = st.integers(min_value=0, max_value=20_000)
policies = st.builds(
    PolicyProfile,
    schools_per_inspector=st.integers(min_value=1, max_value=50),
    dedicated_inspector_enrolment=st.integers(min_value=100, max_value=100_000),
    zone_school_warning=st.integers(min_value=1, max_value=500),
)


def _three_years_before(day: date) -> date:
    try:
        return date(day.year - 3, day.month, day.day)
    except ValueError:
        return date(day.year - 3, 2, 28)


# --- staffing --------------------------------------------------------------------------------


@given(st.lists(enrolments, max_size=150), enrolments, policies)
def test_required_inspectors_never_fall_when_a_school_is_added(schools, extra, policy):
    before = required_inspectors(schools, policy)
    after = required_inspectors([*schools, extra], policy)
    assert before <= after <= before + 1


@given(st.lists(enrolments, max_size=150), policies)
def test_required_inspectors_are_the_shared_ones_by_the_ratio_plus_the_large_ones(schools, policy):
    threshold = policy.dedicated_inspector_enrolment
    large = len([e for e in schools if e > threshold])
    shared = len(schools) - large
    expected = large + -(-shared // policy.schools_per_inspector)
    assert required_inspectors(schools, policy) == expected
    assert expected == large + math.ceil(shared / policy.schools_per_inspector)


@given(st.integers(min_value=100, max_value=100_000), st.integers(min_value=0, max_value=30))
def test_a_school_exactly_at_the_threshold_shares_and_one_above_is_dedicated(threshold, others):
    policy = POLICY.with_changes(dedicated_inspector_enrolment=threshold)
    base = [0] * others
    shared = required_inspectors([*base, threshold], policy)
    dedicated = required_inspectors([*base, threshold + 1], policy)
    assert shared == math.ceil((others + 1) / policy.schools_per_inspector)
    assert dedicated == math.ceil(others / policy.schools_per_inspector) + 1


def test_the_threshold_edge_with_the_default_policy():
    assert required_inspectors([3000], POLICY) == 1
    assert required_inspectors([3000, 3000, 3000, 3000, 3000], POLICY) == 1
    assert required_inspectors([3001, 3000, 3000, 3000, 3000], POLICY) == 2
    assert required_inspectors([3001] * 5, POLICY) == 5
    assert required_inspectors([3260] + [800] * 37, POLICY) == 1 + 8


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500))
def test_full_time_share_is_between_0_and_1(full_time, part_time):
    share = full_time_share(full_time, full_time + part_time)
    assert 0.0 <= share <= 1.0
    if full_time + part_time:
        assert share == pytest.approx(full_time / (full_time + part_time))
    else:
        assert share == 0.0


def test_full_time_share_without_inspectors_is_zero():
    assert full_time_share(0, 0) == 0.0


# --- the term-expiry window ------------------------------------------------------------------


def _term_ending(last: date, years: int = 3) -> Term:
    return Term(date(last.year - years, last.month, 1), last)


@given(days, st.integers(min_value=1, max_value=365))
def test_a_term_ending_exactly_at_the_end_of_the_window_is_expiring(today, warning_days):
    term = _term_ending(today + timedelta(days=warning_days))
    assume(term.start_date <= today)
    assert term_expiring([term], today, warning_days) == term


@given(days, st.integers(min_value=1, max_value=365))
def test_a_term_ending_one_day_after_the_window_is_not_expiring(today, warning_days):
    term = _term_ending(today + timedelta(days=warning_days + 1))
    assume(term.start_date <= today)
    assert term_expiring([term], today, warning_days) is None


@given(days, st.integers(min_value=1, max_value=365), st.integers(min_value=0, max_value=365))
def test_a_term_ending_inside_the_window_with_a_next_term_scheduled_is_not_expiring(
    today, warning_days, left
):
    assume(left <= warning_days)
    current = _term_ending(today + timedelta(days=left))
    assume(current.start_date <= today)
    following = Term(current.end_date + DAY, current.end_date + timedelta(days=3 * 365))
    assert term_expiring([current], today, warning_days) == current
    assert term_expiring([current, following], today, warning_days) is None
    assert term_expiring([following, current], today, warning_days) is None


def test_expiry_window_edges_with_the_default_ninety_days():
    today = date(2026, 11, 2)
    at_edge = Term(date(2024, 2, 1), date(2027, 1, 31))
    beyond = Term(date(2024, 2, 2), date(2027, 2, 1))
    last_day_today = Term(date(2023, 11, 3), date(2026, 11, 2))
    assert term_expiring([at_edge], today, 90) == at_edge
    assert term_expiring([beyond], today, 90) is None
    assert term_expiring([last_day_today], today, 90) == last_day_today
    assert term_expiring([last_day_today], today + DAY, 90) is None


def test_a_term_ended_early_expires_by_its_ended_on_day():
    today = date(2026, 11, 2)
    resigning = Term(date(2024, 9, 1), date(2027, 8, 31), date(2026, 12, 31), "resigned")
    assert term_expiring([resigning], today, 90) == resigning
    assert term_expiring([resigning], today, 30) is None


def test_no_term_in_force_is_not_expiring():
    assert term_expiring([], date(2026, 11, 2), 90) is None
    old = Term(date(2023, 9, 1), date(2026, 8, 31))
    assert term_expiring([old], date(2026, 11, 2), 90) is None


# --- the term limit --------------------------------------------------------------------------

T1 = Term(date(2020, 9, 1), date(2023, 8, 31), assessment="competent")
T2 = Term(date(2023, 9, 1), date(2026, 8, 31), assessment="competent")
T3 = Term(date(2026, 9, 1), date(2029, 8, 31))


def test_the_third_consecutive_term_in_force_is_at_the_limit():
    assert at_term_limit([T1, T2, T3], date(2026, 11, 2), POLICY)
    assert at_term_limit([T1, T2, T3], date(2029, 8, 31), POLICY)


def test_a_second_term_in_force_is_not_at_the_limit_unless_the_policy_says_two():
    assert not at_term_limit([T1, T2], date(2025, 1, 1), POLICY)
    assert not at_term_limit([T1, T2, T3], date(2025, 1, 1), POLICY)
    assert at_term_limit([T1, T2], date(2025, 1, 1), POLICY.with_changes(max_consecutive_terms=2))


def test_without_a_term_in_force_there_is_no_limit_to_report():
    assert not at_term_limit([T1, T2, T3], date(2029, 9, 1), POLICY)
    assert not at_term_limit([], date(2026, 11, 2), POLICY)


def test_a_broken_series_is_not_at_the_limit():
    dismissed = Term(date(2020, 9, 1), date(2023, 8, 31), date(2023, 8, 31), "dismissed")
    assert not at_term_limit([dismissed, T2, T3], date(2026, 11, 2), POLICY)


# --- rotation --------------------------------------------------------------------------------


def test_rotation_is_due_on_the_third_anniversary_and_not_a_day_before():
    assert rotation_due(date(2023, 11, 2), date(2026, 11, 2), POLICY)
    assert not rotation_due(date(2023, 11, 3), date(2026, 11, 2), POLICY)
    assert rotation_due(date(2020, 1, 1), date(2026, 11, 2), POLICY)
    assert not rotation_due(date(2026, 11, 2), date(2026, 11, 2), POLICY)


@given(days, st.integers(min_value=1, max_value=20))
def test_rotation_edge_for_any_day_and_any_number_of_years(since, years):
    assume((since.month, since.day) != (2, 29))
    policy = POLICY.with_changes(rotation_reminder_years=years)
    anniversary = date(since.year + years, since.month, since.day)
    assert rotation_due(since, anniversary, policy)
    assert rotation_due(since, anniversary + timedelta(days=400), policy)
    assert not rotation_due(since, anniversary - DAY, policy)
    assert not rotation_due(since, since, policy)


# --- a zone's figures ------------------------------------------------------------------------

zone_schools = st.lists(
    st.tuples(st.text(min_size=1, max_size=6), enrolments, st.booleans()), max_size=60
)


@given(zone_schools, st.sets(st.integers(min_value=1, max_value=500), max_size=20), policies)
def test_zone_figures_count_schools_staffing_and_coverage(schools, inspectors, policy):
    figures = zone_figures(iter(schools), {"城关责任区": inspectors}, "城关责任区", policy)
    large = sum(1 for _, e, _ in schools if e > policy.dedicated_inspector_enrolment)
    assert figures.name == "城关责任区"
    assert figures.schools == len(schools)
    assert figures.required_inspectors == large + math.ceil(
        (len(schools) - large) / policy.schools_per_inspector
    )
    assert figures.inspectors == len(inspectors)
    assert figures.uncovered == sum(1 for *_, covered in schools if not covered)
    assert figures.over_limit is (len(schools) > policy.zone_school_warning)


def test_zone_figures_at_the_zone_size_warning():
    twenty = [(f"学校{i}", 300, True) for i in range(20)]
    assert not zone_figures(twenty, {}, "石桥片", POLICY).over_limit
    figures = zone_figures([*twenty, ("学校20", 3500, False)], {}, "石桥片", POLICY)
    assert figures.over_limit
    assert figures.inspectors == 0
    assert (figures.schools, figures.required_inspectors, figures.uncovered) == (21, 5, 1)


# --- training arithmetic ---------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    start_date: date
    end_date: date
    form: str
    hours: float


def _weekdays(start: date, end: date) -> int:
    count, day = 0, start
    while day <= end:
        count += day.weekday() < 5
        day += DAY
    return count


@given(days, st.integers(min_value=-10, max_value=800))
@example(date(2026, 7, 13), 11)
@example(date(2026, 11, 7), 1)
def test_working_days_match_a_day_by_day_count(start, length):
    end = start + timedelta(days=length)
    assert working_days(start, end) == _weekdays(start, end)


def test_working_days_of_known_weeks():
    assert working_days(date(2026, 7, 13), date(2026, 7, 24)) == 10
    assert working_days(date(2026, 11, 7), date(2026, 11, 8)) == 0
    assert working_days(date(2026, 11, 2), date(2026, 11, 2)) == 1
    assert working_days(date(2026, 11, 3), date(2026, 11, 2)) == 0


forms = st.sampled_from([f.value for f in TrainingForm])


@st.composite
def records(draw, *, around: date | None = None) -> list[Record]:
    low = (around or date(2024, 1, 1)) - timedelta(days=5 * 365)
    high = (around or date(2024, 1, 1)) + timedelta(days=365)
    result = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        start = draw(st.dates(min_value=low, max_value=high))
        end = start + timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        tenths = draw(st.integers(min_value=1, max_value=1200))
        result.append(Record(start, end, draw(forms), tenths / 10))
    return result


@given(records(), st.integers(min_value=2018, max_value=2026))
def test_hours_in_a_year_are_those_of_the_courses_that_started_in_it(courses, year):
    tenths = sum(round(r.hours * 10) for r in courses if r.start_date.year == year)
    assert hours_in_year(courses, year) == tenths / 10


def test_a_course_over_new_year_counts_in_the_year_it_started():
    course = Record(date(2025, 12, 29), date(2026, 1, 2), TrainingForm.ONLINE.value, 12.5)
    assert hours_in_year([course], 2025) == 12.5
    assert hours_in_year([course], 2026) == 0


@given(days.flatmap(lambda today: st.tuples(st.just(today), records(around=today))))
def test_centralized_days_are_the_working_days_inside_the_last_three_years(case):
    today, courses = case
    since = _three_years_before(today)
    expected = 0
    for course in courses:
        if course.form not in ("centralized", "full_release"):
            continue
        expected += _weekdays(max(course.start_date, since), min(course.end_date, today))
    assert centralized_days_within(courses, today) == expected


def test_centralized_days_count_only_centralized_and_full_release_courses_in_the_window():
    today = date(2026, 11, 2)
    two_weeks = Record(date(2024, 7, 15), date(2024, 7, 26), "centralized", 60)
    full_release = Record(date(2025, 3, 2), date(2025, 3, 6), "full_release", 30)
    online = Record(date(2025, 4, 6), date(2025, 4, 17), "online", 30)
    too_old = Record(date(2023, 7, 10), date(2023, 7, 21), "centralized", 60)
    straddling = Record(date(2023, 10, 30), date(2023, 11, 3), "centralized", 30)
    not_yet = Record(date(2026, 11, 3), date(2026, 11, 6), "centralized", 24)
    assert centralized_days_within([two_weeks], today) == 10
    assert centralized_days_within([full_release], today) == 4
    assert centralized_days_within([online, too_old, not_yet], today) == 0
    # 2023-11-02 (Thu) and 2023-11-03 (Fri) are inside the three years up to 2026-11-02.
    assert centralized_days_within([straddling], today) == 2
    assert (
        centralized_days_within([two_weeks, full_release, online, too_old, straddling], today) == 16
    )


def test_qualification_gaps_follow_plan_9_and_the_policy():
    # 本科以上学历, 十年以上教育教学或管理经历 (plan 篇9).
    from core.roster.qualifications import qualification_gaps

    policy = PolicyProfile()
    assert qualification_gaps("postgraduate", 10, policy) == []
    assert qualification_gaps("bachelor", 9, policy) == [
        "教育教学或管理经历 9 年，任职条件为 10 年以上"
    ]
    assert qualification_gaps("college", None, policy) == ["学历为大专，任职条件为本科以上学历"]
    assert qualification_gaps("", None, policy) == []
    assert qualification_gaps("", None, policy, unknown=True) == [
        "未填写学历",
        "未填写教育教学或管理经历年数",
    ]


def test_preservice_is_due_a_window_after_the_first_appointment():
    from core.roster.terms import Term
    from core.roster.training import add_months, preservice_due

    first = Term(date(2025, 11, 3), date(2028, 11, 2))
    assert preservice_due(first, date(2026, 1, 5), 12) == date(2026, 11, 3)
    assert preservice_due(first, date(2025, 11, 2), 12) is None
    assert preservice_due(first, date(2028, 11, 3), 12) is None
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
