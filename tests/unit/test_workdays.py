"""Working days as pure rules: the official arrangement with its swapped working days (调休), the
clerk's entries winning over it, Monday–Friday for a year the package does not know, when a year
counts as known, school breaks from the semester months and the semester a day belongs to."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.enums import DayKind
from core.office.policy import PolicyProfile
from core.office.workdays import (
    WorkCalendar,
    official_workday,
    package_knows,
    school_break,
    semester_months,
    semester_of,
)

OFFICIAL = WorkCalendar()
POLICY = PolicyProfile()


def test_national_day_is_a_holiday_and_its_swapped_saturday_a_working_day():
    assert not OFFICIAL.is_workday(date(2026, 10, 1))  # Thursday, 国庆节
    assert not OFFICIAL.is_workday(date(2026, 10, 7))  # Wednesday, still the holiday
    assert OFFICIAL.is_workday(date(2026, 10, 10))  # Saturday, 调休上班
    assert OFFICIAL.is_workday(date(2026, 10, 8))


def test_ordinary_weekdays_work_and_weekends_rest_in_a_known_year():
    assert OFFICIAL.is_workday(date(2026, 11, 2))  # Monday
    assert not OFFICIAL.is_workday(date(2026, 11, 7))  # Saturday


def test_a_year_the_package_does_not_know_is_monday_to_friday():
    assert not package_knows(2027)
    assert official_workday(date(2027, 1, 1))  # a Friday: New Year not entered yet
    assert not official_workday(date(2027, 1, 2))
    assert not official_workday(date(2027, 1, 3))
    assert OFFICIAL.workdays(date(2027, 3, 1), date(2027, 3, 7)) == [
        date(2027, 3, d) for d in range(1, 6)
    ]


def test_the_clerks_entries_win_over_the_official_arrangement():
    calendar = WorkCalendar(
        {
            date(2026, 11, 2): DayKind.HOLIDAY,  # a Monday given off
            date(2026, 11, 7): DayKind.WORKDAY,  # a Saturday worked
            date(2026, 10, 1): DayKind.WORKDAY,  # even an official holiday
        }
    )
    assert not calendar.is_workday(date(2026, 11, 2))
    assert calendar.is_workday(date(2026, 11, 7))
    assert calendar.is_workday(date(2026, 10, 1))
    assert calendar.is_workday(date(2026, 11, 3))  # untouched days as before


def test_the_clerks_entries_make_an_unknown_year_work_as_announced():
    calendar = WorkCalendar({date(2027, 1, 1): DayKind.HOLIDAY, date(2027, 2, 20): DayKind.WORKDAY})
    assert not calendar.is_workday(date(2027, 1, 1))
    assert calendar.is_workday(date(2027, 2, 20))  # a Saturday
    assert not calendar.is_workday(date(2027, 2, 21))


def test_a_year_is_known_from_the_package_or_from_one_entry_of_the_clerk():
    assert OFFICIAL.known_year(2026)
    assert OFFICIAL.known_year(2004)
    assert not OFFICIAL.known_year(2027)
    assert not OFFICIAL.known_year(2003)
    assert WorkCalendar({date(2027, 10, 1): DayKind.HOLIDAY}).known_year(2027)
    assert not WorkCalendar({date(2027, 10, 1): DayKind.HOLIDAY}).known_year(2028)


def test_workdays_includes_both_ends_and_is_empty_for_an_empty_range():
    assert OFFICIAL.workdays(date(2026, 11, 2), date(2026, 11, 6)) == [
        date(2026, 11, d) for d in range(2, 7)
    ]
    assert OFFICIAL.workdays(date(2026, 11, 7), date(2026, 11, 8)) == []
    assert OFFICIAL.workdays(date(2026, 11, 8), date(2026, 11, 7)) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)), st.booleans())
def test_an_entry_decides_its_day_and_no_other(day, holiday):
    kind = DayKind.HOLIDAY if holiday else DayKind.WORKDAY
    calendar = WorkCalendar({day: kind})
    assert calendar.is_workday(day) is (not holiday)
    for other in (day - timedelta(days=1), day + timedelta(days=1)):
        assert calendar.is_workday(other) == OFFICIAL.is_workday(other)


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2035, 12, 31)))
def test_unknown_years_rest_exactly_at_weekends(day):
    assert OFFICIAL.is_workday(day) is (day.weekday() < 5)


# --- school breaks and semesters ------------------------------------------------------------


def test_by_default_only_august_is_a_school_break():
    assert semester_months(POLICY) == set(range(1, 13)) - {8}
    assert school_break(date(2026, 8, 15), POLICY)
    assert not school_break(date(2026, 7, 31), POLICY)
    assert not school_break(date(2026, 9, 1), POLICY)
    assert not school_break(date(2027, 1, 20), POLICY)


def test_school_breaks_follow_the_semester_months_of_the_policy():
    policy = POLICY.with_changes(spring_start_month=3, spring_end_month=6, autumn_end_month=12)
    breaks = {m for m in range(1, 13) if school_break(date(2026, m, 10), policy)}
    assert breaks == {1, 2, 7, 8}


@pytest.mark.parametrize(
    ("day", "name", "start", "end"),
    [
        (date(2026, 11, 2), "2026年秋季学期", date(2026, 9, 1), date(2027, 1, 31)),
        (date(2027, 1, 31), "2026年秋季学期", date(2026, 9, 1), date(2027, 1, 31)),
        (date(2027, 2, 1), "2027年春季学期", date(2027, 2, 1), date(2027, 7, 31)),
        (date(2028, 2, 29), "2028年春季学期", date(2028, 2, 1), date(2028, 7, 31)),
    ],
)
def test_the_semester_of_a_day(day, name, start, end):
    semester = semester_of(day, POLICY)
    assert semester is not None
    assert (semester.name, semester.start, semester.end) == (name, start, end)
    assert day in semester
    assert semester.end + timedelta(days=1) not in semester


def test_a_day_of_the_summer_break_has_no_semester():
    assert semester_of(date(2026, 8, 1), POLICY) is None


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31)))
def test_a_day_is_in_a_semester_exactly_when_it_is_not_in_a_break(day):
    semester = semester_of(day, POLICY)
    assert (semester is None) is school_break(day, POLICY)
    if semester is not None:
        assert semester.start <= day <= semester.end
