"""The rules of terms of office (任期) as pure functions of plain terms: an inspector's status on a
day, how many terms in a row they have served, why a renewal is refused, and where a term of
``term_years`` years ends — including for a term that starts on 29 February."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from core.enums import Assessment, InspectorStatus, TermEndReason
from core.office.policy import PolicyProfile
from core.roster.terms import (
    CONSECUTIVE_GAP_DAYS,
    Term,
    add_years,
    consecutive_terms,
    current_term,
    inspector_status,
    last_day,
    renewal_refusal,
    term_end,
)

POLICY = PolicyProfile()
DAY = timedelta(days=1)

# 2023-09-01 … 2026-08-31, the usual general re-appointment (换届) on 1 September.
FIRST = Term(date(2020, 9, 1), date(2023, 8, 31), assessment=Assessment.COMPETENT.value)
SECOND = Term(date(2023, 9, 1), date(2026, 8, 31), assessment=Assessment.EXCELLENT.value)
THIRD = Term(date(2026, 9, 1), date(2029, 8, 31))


def status(terms, today) -> str:
    return inspector_status(terms, today).label


# --- status ----------------------------------------------------------------------------------


def test_serving_inside_a_term():
    assert status([SECOND], date(2025, 1, 1)) == "在任"
    assert inspector_status([SECOND], date(2025, 1, 1)) is InspectorStatus.SERVING


def test_the_first_and_the_last_day_of_a_term_are_still_in_office():
    assert status([SECOND], date(2023, 9, 1)) == "在任"
    assert status([SECOND], date(2026, 8, 31)) == "在任"


def test_the_day_after_the_last_day_the_term_has_expired():
    assert status([SECOND], date(2026, 9, 1)) == "任期届满"
    assert inspector_status([SECOND], date(2030, 1, 1)) is InspectorStatus.EXPIRED


def test_a_term_expired_and_closed_with_the_reason_expired_is_expired():
    closed = Term(date(2023, 9, 1), date(2026, 8, 31), date(2026, 8, 31), TermEndReason.EXPIRED)
    assert status([closed], date(2026, 9, 1)) == "任期届满"


def test_a_dismissed_inspector_is_dismissed_from_the_day_after_ending():
    dismissed = Term(date(2023, 9, 1), date(2026, 8, 31), date(2024, 3, 1), "dismissed")
    assert status([dismissed], date(2024, 3, 1)) == "在任"
    assert status([dismissed], date(2024, 3, 2)) == "解聘"
    assert status([dismissed], date(2027, 1, 1)) == "解聘"


def test_an_inspector_who_resigned_has_left():
    resigned = Term(date(2023, 9, 1), date(2026, 8, 31), date(2025, 6, 30), "resigned")
    assert status([resigned], date(2025, 6, 30)) == "在任"
    assert status([resigned], date(2025, 7, 1)) == "离任"


def test_a_term_ended_early_ends_on_its_ended_on_day():
    early = Term(date(2023, 9, 1), date(2026, 8, 31), date(2025, 12, 31), "expired")
    assert last_day(early) == date(2025, 12, 31)
    assert status([early], date(2026, 1, 1)) == "任期届满"
    assert current_term([early], date(2026, 1, 1)) is None


def test_an_ended_on_after_the_end_date_does_not_extend_the_term():
    late = Term(date(2023, 9, 1), date(2026, 8, 31), date(2026, 11, 2), "expired")
    assert last_day(late) == date(2026, 8, 31)
    assert status([late], date(2026, 9, 1)) == "任期届满"


def test_an_inspector_whose_first_term_starts_later_is_pending():
    assert status([THIRD], date(2026, 8, 31)) == "待任"
    assert status([THIRD], date(2026, 9, 1)) == "在任"


def test_an_inspector_without_terms_is_not_appointed():
    assert status([], date(2026, 11, 2)) == "未任命"


def test_the_latest_term_started_decides_after_service():
    dismissed = Term(date(2017, 9, 1), date(2020, 8, 31), date(2019, 1, 1), "dismissed")
    later = Term(date(2021, 9, 1), date(2024, 8, 31))
    assert status([later, dismissed], date(2020, 1, 1)) == "解聘"
    assert status([later, dismissed], date(2022, 1, 1)) == "在任"
    assert status([later, dismissed], date(2025, 1, 1)) == "任期届满"


def test_between_a_finished_term_and_a_scheduled_one_the_term_has_expired():
    assert status([FIRST, THIRD], date(2025, 1, 1)) == "任期届满"


def test_every_status_has_its_chinese_label():
    assert [s.label for s in InspectorStatus] == [
        "在任",
        "任期届满",
        "解聘",
        "离任",
        "待任",
        "未任命",
    ]


# --- consecutive terms -----------------------------------------------------------------------


def test_a_first_term_is_one():
    assert consecutive_terms([SECOND], SECOND) == 1


def test_back_to_back_terms_count_up_to_the_one_asked_about():
    terms = [FIRST, SECOND, THIRD]
    assert consecutive_terms(terms, FIRST) == 1
    assert consecutive_terms(terms, SECOND) == 2
    assert consecutive_terms(terms, THIRD) == 3
    assert consecutive_terms(list(reversed(terms)), THIRD) == 3


def _after_gap(previous: Term, gap_days: int) -> Term:
    start = last_day(previous) + timedelta(days=gap_days)
    return Term(start, term_end(start, POLICY))


def test_a_late_reappointment_within_the_gap_continues_the_series():
    assert CONSECUTIVE_GAP_DAYS >= 90
    later = _after_gap(FIRST, CONSECUTIVE_GAP_DAYS)
    assert (later.start_date - FIRST.end_date).days == CONSECUTIVE_GAP_DAYS
    assert consecutive_terms([FIRST, later], later) == 2


def test_one_day_more_than_the_gap_starts_a_new_series():
    later = _after_gap(FIRST, CONSECUTIVE_GAP_DAYS + 1)
    assert consecutive_terms([FIRST, later], later) == 1


def test_the_gap_counts_from_the_day_a_term_ended_early():
    early = Term(date(2020, 9, 1), date(2023, 8, 31), date(2022, 8, 31), "expired")
    later = Term(date(2022, 8, 31) + timedelta(days=CONSECUTIVE_GAP_DAYS + 1), date(2026, 8, 31))
    assert later.start_date < early.end_date + timedelta(days=CONSECUTIVE_GAP_DAYS)
    assert consecutive_terms([early, later], later) == 1


@pytest.mark.parametrize("reason", [TermEndReason.DISMISSED, TermEndReason.RESIGNED])
def test_a_dismissal_or_resignation_breaks_the_series(reason):
    before = Term(date(2017, 9, 1), date(2020, 8, 31), assessment="competent")
    ended = Term(date(2020, 9, 1), date(2023, 8, 31), date(2023, 8, 31), reason.value)
    again = Term(date(2023, 9, 1), date(2026, 8, 31))
    assert consecutive_terms([ended, again], again) == 1
    assert consecutive_terms([before, ended, again], again) == 1
    assert consecutive_terms([before, ended, again], ended) == 2


def test_only_the_unbroken_end_of_the_history_counts():
    old = Term(date(2011, 9, 1), date(2014, 8, 31))
    terms = [old, FIRST, SECOND, THIRD]
    assert consecutive_terms(terms, THIRD) == 3
    assert consecutive_terms(terms, old) == 1


@st.composite
def back_to_back(draw) -> list[Term]:
    """1–8 terms of 1–5 years each, each one starting the day after the previous one ended."""
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
    terms = []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        years = draw(st.integers(min_value=1, max_value=5))
        end = term_end(start, POLICY.with_changes(term_years=years))
        terms.append(Term(start, end))
        start = end + DAY
    return terms


@given(back_to_back(), st.randoms(use_true_random=False))
def test_n_back_to_back_terms_are_n_consecutive_terms(terms, rng: random.Random):
    shuffled = list(terms)
    rng.shuffle(shuffled)
    assert consecutive_terms(shuffled, terms[-1]) == len(terms)
    for index, term in enumerate(terms):
        assert consecutive_terms(shuffled, term) == index + 1


@given(
    back_to_back(),
    st.lists(st.integers(min_value=1, max_value=CONSECUTIVE_GAP_DAYS), min_size=8, max_size=8),
)
def test_gaps_up_to_the_limit_keep_the_series(terms, gaps):
    spaced, start = [], terms[0].start_date
    for term, gap in zip(terms, gaps, strict=False):
        length = term.end_date - term.start_date
        spaced.append(Term(start, start + length))
        start = start + length + timedelta(days=gap)
    assert consecutive_terms(spaced, spaced[-1]) == len(spaced)


# --- renewal ---------------------------------------------------------------------------------


def test_renewal_without_any_term_is_refused():
    assert "尚未任命" in renewal_refusal([], POLICY)


def test_renewal_after_a_dismissal_is_refused():
    dismissed = Term(date(2023, 9, 1), date(2026, 8, 31), date(2025, 1, 1), "dismissed")
    assert "解聘" in renewal_refusal([dismissed], POLICY)


def test_renewal_after_a_resignation_is_refused():
    resigned = Term(
        date(2023, 9, 1), date(2026, 8, 31), date(2025, 1, 1), "resigned", Assessment.COMPETENT
    )
    assert "辞任" in renewal_refusal([resigned], POLICY)


def test_renewal_after_an_incompetent_assessment_is_refused():
    failed = Term(date(2023, 9, 1), date(2026, 8, 31), assessment="incompetent")
    assert "不称职" in renewal_refusal([failed], POLICY)


def test_renewal_before_the_assessment_is_refused():
    assert "尚未考核" in renewal_refusal([Term(date(2023, 9, 1), date(2026, 8, 31))], POLICY)


def test_only_the_latest_terms_assessment_matters():
    unassessed = Term(date(2026, 9, 1), date(2029, 8, 31))
    assert "尚未考核" in renewal_refusal([unassessed, FIRST], POLICY)
    failed_before = Term(date(2020, 9, 1), date(2023, 8, 31), assessment="incompetent")
    assert renewal_refusal([failed_before, SECOND], POLICY) is None


@pytest.mark.parametrize("assessment", ["excellent", "competent"])
def test_renewal_after_a_good_assessment_is_allowed(assessment):
    term = Term(date(2023, 9, 1), date(2026, 8, 31), assessment=assessment)
    assert renewal_refusal([term], POLICY) is None
    assert renewal_refusal([FIRST, SECOND], POLICY) is None


def test_renewal_at_the_maximum_of_consecutive_terms_is_refused_naming_the_count():
    third = Term(date(2026, 9, 1), date(2029, 8, 31), assessment="excellent")
    refusal = renewal_refusal([FIRST, SECOND, third], POLICY)
    assert refusal is not None
    assert "已连续任职 3 届" in refusal
    assert "最多连续任期（3 届）" in refusal


def test_the_maximum_comes_from_the_policy():
    two = POLICY.with_changes(max_consecutive_terms=2)
    refusal = renewal_refusal([FIRST, SECOND], two)
    assert refusal is not None and "已连续任职 2 届" in refusal and "（2 届）" in refusal
    four = POLICY.with_changes(max_consecutive_terms=4)
    third = Term(date(2026, 9, 1), date(2029, 8, 31), assessment="competent")
    assert renewal_refusal([FIRST, SECOND, third], four) is None


def test_a_broken_series_may_be_renewed_again():
    old = Term(date(2014, 9, 1), date(2017, 8, 31), assessment="competent")
    resumed = Term(date(2020, 9, 1), date(2023, 8, 31), assessment="competent")
    third = Term(date(2023, 9, 1), date(2026, 8, 31), assessment="competent")
    assert renewal_refusal([old, resumed, third], POLICY) is None


# --- term end and years ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "last"),
    [
        (date(2023, 9, 1), date(2026, 8, 31)),
        (date(2024, 1, 1), date(2026, 12, 31)),
        (date(2023, 3, 1), date(2026, 2, 28)),
        (date(2025, 3, 1), date(2028, 2, 29)),
        (date(2024, 2, 28), date(2027, 2, 27)),
        (date(2023, 12, 18), date(2026, 12, 17)),
    ],
)
def test_a_term_ends_the_day_before_its_third_anniversary(start, last):
    assert term_end(start, POLICY) == last


def test_a_term_from_29_february_ends_on_the_last_day_of_february():
    # 2024-02-29 … 2027-02-28 is three years; ending on 27 February would give this term one
    # day less than any other three-year term (and the same last day as a term from 28 Feb).
    assert term_end(date(2024, 2, 29), POLICY) == date(2027, 2, 28)
    assert term_end(date(2024, 2, 29), POLICY.with_changes(term_years=4)) == date(2028, 2, 28)


def test_the_term_length_comes_from_the_policy():
    assert term_end(date(2023, 9, 1), POLICY.with_changes(term_years=5)) == date(2028, 8, 31)
    assert term_end(date(2023, 9, 1), POLICY.with_changes(term_years=1)) == date(2024, 8, 31)


def _anniversary(start: date, years: int) -> date:
    """The same day ``years`` later; 1 March stands for a 29 February that does not exist."""
    year = start.year + years
    if (start.month, start.day) == (2, 29) and not (
        year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    ):
        return date(year, 3, 1)
    return date(year, start.month, start.day)


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)),
    st.integers(min_value=1, max_value=10),
)
@example(date(2024, 2, 29), 3)
@example(date(2000, 2, 29), 1)
def test_a_term_is_term_years_years_minus_a_day_for_any_start(start, years):
    policy = POLICY.with_changes(term_years=years)
    last = term_end(start, policy)
    assert last + DAY == _anniversary(start, years)
    length = (last - start).days + 1
    assert 365 * years <= length <= 365 * years + (years + 3) // 4


@pytest.mark.parametrize(
    ("day", "years", "result"),
    [
        (date(2023, 9, 1), 3, date(2026, 9, 1)),
        (date(2023, 9, 1), -3, date(2020, 9, 1)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), -3, date(2021, 2, 28)),
        (date(2023, 12, 31), 0, date(2023, 12, 31)),
    ],
)
def test_add_years(day, years, result):
    assert add_years(day, years) == result
