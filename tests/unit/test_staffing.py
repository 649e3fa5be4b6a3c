"""Staffing arithmetic (督学配备): inspectors required for a set of schools (1∶5 rounded up,
schools above the enrolment setting staffed 1∶1) and the full-time share."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.office.policy import PolicyProfile
from core.roster.staffing import full_time_share, percent_text, required_inspectors

DEFAULT = PolicyProfile()
THRESHOLD = DEFAULT.dedicated_inspector_enrolment

enrolments = st.integers(min_value=0, max_value=20_000)
small_enrolments = st.integers(min_value=0, max_value=THRESHOLD)
large_enrolments = st.integers(min_value=THRESHOLD + 1, max_value=50_000)
policies = st.builds(
    PolicyProfile,
    schools_per_inspector=st.integers(min_value=1, max_value=50),
    dedicated_inspector_enrolment=st.integers(min_value=100, max_value=100_000),
)


@pytest.mark.parametrize(
    ("schools", "needed"),
    [(75, 15), (25, 5), (100, 20), (0, 0), (1, 1), (5, 1), (6, 2), (99, 20), (101, 21)],
)
def test_domain_examples_at_one_inspector_per_five_schools(schools, needed):
    assert required_inspectors([800] * schools, DEFAULT) == needed


def test_a_school_at_exactly_the_setting_shares_an_inspector():
    assert required_inspectors([THRESHOLD] * 5, DEFAULT) == 1
    assert required_inspectors([THRESHOLD + 1] * 5, DEFAULT) == 5


def test_large_schools_are_counted_apart_from_the_others():
    schools = [3260, 4100] + [500] * 98
    assert required_inspectors(schools, DEFAULT) == 2 + 20


def test_a_one_pass_iterable_of_enrolments_is_enough():
    assert required_inspectors((e for e in [4000, 10, 20, 30]), DEFAULT) == 2


def test_the_ratio_and_threshold_come_from_the_policy():
    schools = [2500] * 12
    assert required_inspectors(schools, DEFAULT) == 3
    assert required_inspectors(schools, DEFAULT.with_changes(schools_per_inspector=4)) == 3
    assert required_inspectors(schools, DEFAULT.with_changes(schools_per_inspector=3)) == 4
    assert (
        required_inspectors(schools, DEFAULT.with_changes(dedicated_inspector_enrolment=2000)) == 12
    )


@given(st.lists(small_enrolments, max_size=400), st.integers(min_value=1, max_value=50))
def test_shared_schools_are_divided_by_the_ratio_rounded_up(schools, ratio):
    policy = DEFAULT.with_changes(schools_per_inspector=ratio)
    needed = required_inspectors(schools, policy)
    assert needed == math.ceil(len(schools) / ratio)
    assert needed * ratio >= len(schools)
    assert (needed - 1) * ratio < len(schools) or not schools


@given(st.lists(small_enrolments, max_size=100), st.lists(large_enrolments, max_size=30))
def test_each_school_above_the_setting_adds_exactly_one_inspector(shared, large):
    assert required_inspectors(shared + large, DEFAULT) == required_inspectors(
        shared, DEFAULT
    ) + len(large)


@given(st.lists(enrolments, max_size=200), enrolments, policies)
def test_one_more_school_never_lowers_the_requirement(schools, extra, policy):
    before = required_inspectors(schools, policy)
    after = required_inspectors([*schools, extra], policy)
    assert before <= after <= before + 1


@given(st.lists(enrolments, max_size=200), policies, st.randoms(use_true_random=False))
def test_the_order_of_the_schools_does_not_matter(schools, policy, rng: random.Random):
    shuffled = list(schools)
    rng.shuffle(shuffled)
    assert required_inspectors(shuffled, policy) == required_inspectors(schools, policy)


@given(st.lists(enrolments, max_size=200), policies)
def test_never_more_inspectors_than_schools_and_none_without_schools(schools, policy):
    needed = required_inspectors(schools, policy)
    assert needed <= len(schools)
    assert (needed == 0) is (len(schools) == 0)


@given(
    st.integers(min_value=1, max_value=10_000).flatmap(
        lambda total: st.tuples(st.integers(min_value=0, max_value=total), st.just(total))
    )
)
def test_full_time_share_is_a_fraction_between_0_and_1(pair):
    full_time, total = pair
    share = full_time_share(full_time, total)
    assert 0.0 <= share <= 1.0
    assert share == pytest.approx(full_time / total)
    assert (share == 1.0) is (full_time == total)


def test_full_time_share_without_inspectors_is_zero():
    assert full_time_share(0, 0) == 0.0


def test_three_of_ten_meets_the_default_minimum_and_two_do_not():
    assert full_time_share(3, 10) >= DEFAULT.min_full_time_share
    assert full_time_share(2, 10) < DEFAULT.min_full_time_share


# --- shares shown to people ----------------------------------------------------------------


def _shown(text: str) -> float:
    """The percent a text such as "29.5%" shows."""
    assert text.endswith("%")
    return float(text[:-1])


@pytest.mark.parametrize(
    ("part", "whole", "minimum", "text"),
    [
        (13, 44, 0.3, "29.5%"),  # 29.545 %: not "30%" next to 未达标
        (3, 10, 0.3, "30%"),
        (6, 10, 0.3, "60%"),
        (2996, 10_000, 0.3, "29.9%"),  # rounds to 30.0 %, but fails: shown below the minimum
        (123, 126, None, "97.6%"),
        (37, 38, None, "97.4%"),
        (9999, 10_000, None, "99.9%"),  # not all: never "100%"
        (1, 100_000, None, "0.1%"),  # something: never "0%"
        (0, 5, None, "0%"),
        (5, 5, None, "100%"),
        (2, 3, None, "66.7%"),
    ],
)
def test_a_share_shows_one_decimal_where_needed(part, whole, minimum, text):
    assert percent_text(part / whole, minimum) == text


@given(
    st.integers(min_value=1, max_value=2_000).flatmap(
        lambda total: st.tuples(st.integers(min_value=0, max_value=total), st.just(total))
    ),
    st.integers(min_value=1, max_value=99).map(lambda percent: percent / 100),
)
def test_a_share_is_never_rounded_across_the_minimum(pair, minimum):
    full_time, total = pair
    share = full_time_share(full_time, total)
    shown = _shown(percent_text(share, minimum))
    if share < minimum:
        assert shown < round(minimum * 100, 6), "a failing share is shown below the minimum"
    else:
        assert shown >= round(minimum * 100, 6), "a share that meets it is never shown below"
    assert abs(shown - share * 100) < 0.1 + 1e-9
    assert (shown == 100) == (full_time == total) and (shown == 0) == (full_time == 0)
