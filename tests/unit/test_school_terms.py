"""School terms by dates: the defaults of a school year, the clerk's dates winning over them,
kindergartens following the schools unless they have their own, the semester of a day, and the
month's routine-visit quota in proportion to its term time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.office.school_terms import (
    ALL,
    AUTUMN,
    KINDERGARTEN,
    SPRING,
    SchoolCalendar,
    month_quota,
    school_year_of,
    term_problems,
)

DEFAULTS = SchoolCalendar()


def test_the_default_terms_leave_the_winter_and_summer_breaks():
    assert DEFAULTS.in_term(date(2026, 9, 1))
    assert DEFAULTS.in_term(date(2027, 1, 20))
    assert not DEFAULTS.in_term(date(2027, 1, 21))  # winter break
    assert not DEFAULTS.in_term(date(2027, 2, 19))
    assert DEFAULTS.in_term(date(2027, 2, 20))
    assert DEFAULTS.in_term(date(2027, 7, 10))
    assert not DEFAULTS.in_term(date(2027, 7, 11))  # summer break
    assert not DEFAULTS.in_term(date(2027, 8, 31))


@pytest.mark.parametrize(
    ("day", "name", "start", "end"),
    [
        (date(2026, 11, 2), "2026年秋季学期", date(2026, 9, 1), date(2027, 1, 20)),
        (date(2027, 1, 20), "2026年秋季学期", date(2026, 9, 1), date(2027, 1, 20)),
        (date(2027, 2, 20), "2027年春季学期", date(2027, 2, 20), date(2027, 7, 10)),
    ],
)
def test_the_semester_of_a_day(day, name, start, end):
    semester = DEFAULTS.semester_of(day)
    assert semester is not None
    assert (semester.name, semester.start, semester.end) == (name, start, end)
    assert day in semester


def test_semester_from_a_break_day_goes_to_the_next_or_the_last_one():
    assert DEFAULTS.semester_from(date(2026, 8, 10)).start == date(2026, 9, 1)
    assert DEFAULTS.semester_from(date(2026, 8, 10), -1).end == date(2026, 7, 10)


def test_the_clerks_dates_win_and_kindergartens_follow_them_unless_they_have_their_own():
    stored = {
        (2026, ALL, SPRING): (date(2027, 3, 1), date(2027, 7, 2)),
        (2026, KINDERGARTEN, AUTUMN): (date(2026, 9, 1), date(2027, 1, 29)),
    }
    terms = SchoolCalendar(stored)
    assert not terms.in_term(date(2027, 2, 26))
    assert terms.in_term(date(2027, 3, 1))
    assert not terms.in_term(date(2027, 2, 26), KINDERGARTEN)  # follows the schools' spring
    assert terms.in_term(date(2027, 1, 29), KINDERGARTEN)  # its own autumn
    assert not terms.in_term(date(2027, 1, 29))
    listed = {(t.kind, t.term): (t.start, t.stored) for t in terms.terms([2026])}
    assert listed[(ALL, SPRING)] == (date(2027, 3, 1), True)
    assert listed[(KINDERGARTEN, SPRING)] == (date(2027, 3, 1), False)
    assert listed[(ALL, AUTUMN)] == (date(2026, 9, 1), False)


def test_a_principals_term_ending_in_august_is_brought_back_to_the_last_term_day():
    assert DEFAULTS.nearest_term_day(date(2027, 8, 31)) == date(2027, 7, 10)
    assert DEFAULTS.nearest_term_day(date(2027, 5, 31)) == date(2027, 5, 31)


@pytest.mark.parametrize(
    ("quota", "term_days", "workdays", "expected"),
    [
        (1, 0, 20, 0),  # August
        (1, 5, 18, 0),  # a February whose term starts on the 20th: waived
        (1, 10, 20, 1),  # half in term time: kept
        (1, 20, 20, 1),
        (2, 8, 20, 1),  # two a month, 40 % in term time: one
        (2, 16, 20, 2),
        (1, 0, 0, 0),
    ],
)
def test_the_months_quota_is_in_proportion_to_its_term_time(quota, term_days, workdays, expected):
    assert month_quota(quota, term_days, workdays) == expected


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31)))
def test_a_day_is_in_a_semester_exactly_when_it_is_in_term(day):
    semester = DEFAULTS.semester_of(day)
    assert (semester is not None) is DEFAULTS.in_term(day)
    if semester is not None:
        assert semester.start <= day <= semester.end
        assert semester.end + timedelta(days=1) not in semester


@pytest.mark.parametrize("text", ["2026-2027", "2026/2027", "2026"])
def test_a_school_year_is_read_in_its_usual_spellings(text):
    assert school_year_of(text) == 2026


@pytest.mark.parametrize("text", ["2026-2028", "26", "二〇二六", "2026-2027-2028"])
def test_a_school_year_that_is_not_one_is_refused_in_chinese(text):
    with pytest.raises(Exception, match="不是有效的学年"):
        school_year_of(text)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((2026, ALL, AUTUMN, date(2027, 1, 20), date(2026, 9, 1)), "结束日期不能早于开始日期"),
        ((2026, ALL, AUTUMN, date(2026, 9, 1), date(2026, 9, 30)), "学期应有"),
        ((2026, ALL, SPRING, date(2026, 9, 1), date(2027, 1, 20)), "不在该学年的春季学期内"),
        ((2026, "college", AUTUMN, date(2026, 9, 1), date(2027, 1, 20)), "不是有效的学校类别"),
    ],
)
def test_impossible_term_dates_are_explained(args, words):
    problem = term_problems(*args)
    assert problem is not None
    assert words in problem


def test_the_default_terms_are_acceptable_dates():
    for term in DEFAULTS.terms([2026, 2027]):
        assert term_problems(term.year, term.kind, term.term, term.start, term.end) is None
