"""The warnings before a visit lands on a day, on both engines, on a small office built through
the app's own operations: a clean day says nothing; weekends, public holidays, the clerk's
holidays, a year without the official arrangement, the summer break, the daily cap (the visit
being moved not counted), leave, recusal, a term that has ended, another inspector's school and a
school no longer active each say so in Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from core.calendar.availability import add_unavailability
from core.calendar.day_checks import check_day, day_warnings
from core.calendar.visits import VisitInput, add_visit, set_status
from core.enums import DayKind, TermEndReason, UnavailableReason, VisitStatus
from core.errors import ValidationError
from core.office.workdays import mark_year_complete, package_knows, set_day
from core.roster.assignments import add_recusal, assign_schools
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school, set_schools_active
from core.roster.terms import end_term

TUESDAY = date(2026, 11, 10)
ON_TUESDAY = "2026年11月10日（周二）"


@dataclass(frozen=True)
class Office:
    wang: int
    li: int
    zhang: int
    east: int
    west: int
    new: int


@pytest.fixture
def office(db) -> Office:
    """王建国 covers 东关小学, 李丽 西关小学; 张三's term ended on 31 October; 新城幼儿园 has
    no inspector yet."""
    term = date(2025, 9, 1)
    wang = save_inspector(db, InspectorInput("王建国"), appoint_from=term)
    li = save_inspector(db, InspectorInput("李丽"), appoint_from=term)
    zhang = save_inspector(db, InspectorInput("张三"), appoint_from=term)
    east = save_school(db, SchoolInput("东关小学"))
    west = save_school(db, SchoolInput("西关小学"))
    new = save_school(db, SchoolInput("新城幼儿园", kind="kindergarten"))
    assign_schools(db, wang, [east], term)
    assign_schools(db, li, [west], term)
    end_term(db, zhang, date(2026, 10, 31), TermEndReason.RESIGNED)
    return Office(wang, li, zhang, east, west, new)


def warnings(db, inspector: int, school: int, day: date = TUESDAY, **kwargs) -> list[str]:
    return check_day(db, inspector_id=inspector, school_id=school, day=day, **kwargs)


def test_a_working_day_of_the_responsible_inspector_is_fine(db, office):
    assert warnings(db, office.wang, office.east) == []
    assert warnings(db, office.li, office.west, date(2026, 12, 1)) == []


def test_days_off_are_named(db, office):
    assert warnings(db, office.wang, office.east, date(2026, 11, 7)) == [
        "2026年11月7日（周六）是周末，不是工作日"
    ]
    assert warnings(db, office.wang, office.east, date(2026, 10, 1)) == [
        "2026年10月1日（周四）是法定节假日（国庆节），不是工作日"
    ]
    set_day(db, date(2026, 11, 16), DayKind.HOLIDAY, "县运动会")
    set_day(db, date(2026, 11, 21), DayKind.WORKDAY, "调休上班")
    assert warnings(db, office.wang, office.east, date(2026, 11, 16)) == [
        "2026年11月16日（周一）是办公室设定的休息日（县运动会），不是工作日"
    ]
    assert warnings(db, office.wang, office.east, date(2026, 11, 21)) == []


def test_a_year_without_the_official_arrangement_says_so_until_it_is_complete(db, office):
    year = next(y for y in range(2027, 2100) if not package_knows(y))
    assign_schools(db, office.wang, [office.new], date(2026, 11, 2))
    day = date(year, 3, 2)
    notice = f"{year}年的"
    assert any(w.startswith(notice) for w in warnings(db, office.wang, office.new, day))
    set_day(db, date(year, 1, 1), DayKind.HOLIDAY, "元旦")
    # One day entered is not the year's arrangement: the warning stays …
    assert any(w.startswith(notice) for w in warnings(db, office.wang, office.new, day))
    mark_year_complete(db, year)
    # … until the clerk says the year is complete.
    assert not any(w.startswith(notice) for w in warnings(db, office.wang, office.new, day))


def test_the_summer_break(db, office):
    assert warnings(db, office.wang, office.east, date(2026, 8, 11)) == [
        "2026年8月11日（周二）在寒暑假期间，学校放假"
    ]


def test_the_daily_cap_counts_active_visits_but_not_the_one_being_moved(db, office):
    first = add_visit(db, VisitInput(TUESDAY, office.east, office.wang))
    second = add_visit(db, VisitInput(TUESDAY, office.west, office.wang))
    assert warnings(db, office.wang, office.east) == [
        f"王建国{ON_TUESDAY}已有 2 次督导（每天最多 2 次）"
    ]
    assert warnings(db, office.wang, office.east, ignore_visit_id=first) == []
    set_status(db, [second], VisitStatus.CONFIRMED.value, today=TUESDAY)
    set_status(db, [first], VisitStatus.CANCELLED.value, today=TUESDAY)
    assert warnings(db, office.wang, office.east) == []
    assert warnings(db, office.li, office.west) == []  # another inspector's day


def test_an_inspector_away_that_day(db, office):
    add_unavailability(
        db, office.wang, date(2026, 11, 9), date(2026, 11, 13), UnavailableReason.TRAINING, "省培"
    )
    add_unavailability(db, office.wang, TUESDAY, TUESDAY, UnavailableReason.LEAVE)
    assert warnings(db, office.wang, office.east) == [
        f"王建国{ON_TUESDAY}不能下校（培训：省培）",
        f"王建国{ON_TUESDAY}不能下校（请假）",
    ]
    assert warnings(db, office.wang, office.east, date(2026, 11, 16)) == []


def test_a_recused_inspector_at_another_inspectors_school(db, office):
    add_recusal(db, office.wang, office.west, "曾任该校校长", date(2026, 9, 1))
    assert warnings(db, office.wang, office.west) == [
        "王建国须回避“西关小学”（曾任该校校长）",
        f"提示：{ON_TUESDAY}“西关小学”的责任督学是李丽，不是王建国",
    ]


def test_an_inspector_out_of_office(db, office):
    assert warnings(db, office.zhang, office.new) == [f"张三{ON_TUESDAY}不在任期内"]
    assert warnings(db, office.zhang, office.east, date(2026, 10, 30)) == [
        "提示：2026年10月30日（周五）“东关小学”的责任督学是王建国，不是张三"
    ]


def test_a_school_without_an_inspector_and_a_school_closed(db, office):
    assert warnings(db, office.wang, office.new) == [
        f"提示：{ON_TUESDAY}“新城幼儿园”没有责任督学（挂牌）"
    ]
    set_schools_active(db, [office.east], False, date(2026, 11, 2))
    assert warnings(db, office.wang, office.east) == [
        f"提示：{ON_TUESDAY}“东关小学”没有责任督学（挂牌）",
        "“东关小学”已停用",
    ]


def test_a_school_moved_mid_month_belongs_to_the_new_inspector_from_that_day(db, office):
    assign_schools(db, office.li, [office.east], date(2026, 11, 16))
    assert warnings(db, office.wang, office.east, date(2026, 11, 13)) == []
    assert warnings(db, office.wang, office.east, date(2026, 11, 16)) == [
        "提示：2026年11月16日（周一）“东关小学”的责任督学是李丽，不是王建国"
    ]
    assert warnings(db, office.li, office.east, date(2026, 11, 16)) == []


def test_everything_at_once_in_order(db, office):
    add_recusal(db, office.zhang, office.west, "", date(2026, 9, 1))
    set_schools_active(db, [office.west], False, date(2026, 8, 1))
    add_unavailability(db, office.zhang, date(2026, 8, 1), date(2026, 8, 31), "other")
    with db.session() as session:
        found = day_warnings(
            session, inspector_id=office.zhang, school_id=office.west, day=date(2026, 8, 15)
        )
    assert found == [
        "2026年8月15日（周六）是周末，不是工作日",
        "2026年8月15日（周六）在寒暑假期间，学校放假",
        "张三2026年8月15日（周六）不能下校（其他）",
        "张三须回避“西关小学”",
        "提示：2026年8月15日（周六）“西关小学”没有责任督学（挂牌）",
        "“西关小学”已停用",
    ]


def test_an_inspector_or_school_that_is_gone_is_refused(db, office):
    with pytest.raises(ValidationError, match="找不到这名督学"):
        warnings(db, office.zhang + 100, office.east)
    with pytest.raises(ValidationError, match="找不到这所学校"):
        warnings(db, office.wang, office.new + 100)
