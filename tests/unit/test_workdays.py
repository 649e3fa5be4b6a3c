"""Working days as pure rules: the official arrangement with its swapped working days (调休), the
clerk's entries winning over it, the provisional public holidays (or Monday–Friday) for a year
chinese-calendar does not know, and how sure a year's holidays are."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from core.enums import DayKind
from core.office.workdays import (
    COMPLETE,
    MISSING,
    PROVISIONAL,
    WorkCalendar,
    certainty_notice,
    official_workday,
    package_knows,
    provisional_holidays,
)

OFFICIAL = WorkCalendar()
PROVISIONAL_2027 = provisional_holidays(2027) or frozenset()


def test_national_day_is_a_holiday_and_its_swapped_saturday_a_working_day():
    assert not OFFICIAL.is_workday(date(2026, 10, 1))  # Thursday, 国庆节
    assert not OFFICIAL.is_workday(date(2026, 10, 7))  # Wednesday, still the holiday
    assert OFFICIAL.is_workday(date(2026, 10, 10))  # Saturday, 调休上班
    assert OFFICIAL.is_workday(date(2026, 10, 8))


def test_ordinary_weekdays_work_and_weekends_rest_in_a_known_year():
    assert OFFICIAL.is_workday(date(2026, 11, 2))  # Monday
    assert not OFFICIAL.is_workday(date(2026, 11, 7))  # Saturday


def test_a_year_the_package_does_not_know_is_monday_to_friday_less_the_provisional_holidays():
    assert not package_knows(2027)
    # 1 January 2027, a Friday, is a public holiday by the provisional source when installed.
    assert official_workday(date(2027, 1, 1)) is (date(2027, 1, 1) not in PROVISIONAL_2027)
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


def test_a_year_is_complete_from_the_package_or_the_clerks_word_never_from_some_entries():
    assert OFFICIAL.certainty(2026) == COMPLETE
    assert OFFICIAL.certainty(2004) == COMPLETE
    some = WorkCalendar({date(2027, 10, 1): DayKind.HOLIDAY})
    assert some.certainty(2027) == PROVISIONAL
    assert not some.known_year(2027)
    assert WorkCalendar(complete_years=frozenset({2027})).certainty(2027) == COMPLETE


def test_without_the_holidays_package_an_unknown_year_is_missing(monkeypatch):
    monkeypatch.setattr("core.office.workdays.provisional_holidays", lambda year: None)
    monkeypatch.setattr("core.office.workdays.provisional_source_installed", lambda: False)
    assert OFFICIAL.certainty(2027) == MISSING
    assert WorkCalendar({date(2027, 10, 1): DayKind.HOLIDAY}).certainty(2027) == PROVISIONAL
    assert official_workday(date(2027, 1, 1))  # a Friday, nothing known
    assert "2027年" in certainty_notice(2027, MISSING)
    assert certainty_notice(2026, COMPLETE) == ""


def test_a_year_marked_complete_is_its_entries_over_monday_to_friday():
    calendar = WorkCalendar({date(2027, 2, 8): DayKind.HOLIDAY}, frozenset({2027}))
    assert not calendar.is_workday(date(2027, 2, 8))
    assert calendar.is_workday(date(2027, 1, 1))  # the clerk's complete list leaves it a workday


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
def test_unknown_years_rest_exactly_at_weekends_and_on_provisional_holidays(day):
    holidays = provisional_holidays(day.year) or frozenset()
    assert OFFICIAL.is_workday(day) is (day.weekday() < 5 and day not in holidays)
