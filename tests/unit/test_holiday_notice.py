"""The State Council's holiday notice, as the clerk pastes it: the 2024, 2025 and 2026 notices'
wording reads day for day as chinese-calendar has those years; a notice for 2027 in the same format,
with full-width digits or pasted on one line; and the mistakes a paste makes are named."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from core.errors import ValidationError
from core.office.holiday_notice import notice_year, parse_notice

HEADER = """国务院办公厅关于{year}年部分节假日安排的通知
国办发明电〔{prev}〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将{year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
"""
FOOTER = """
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
{prev}年11月12日
"""

NOTICE_2025 = (
    HEADER.format(year=2025, prev=2024)
    + """一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
"""
    + FOOTER.format(prev=2024)
)

NOTICE_2026 = (
    HEADER.format(year=2026, prev=2025)
    + """一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""
    + FOOTER.format(prev=2025)
)

NOTICE_2024 = (
    HEADER.format(year=2024, prev=2023)
    + """一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
"""
    + FOOTER.format(prev=2023)
)
"""The older wording: 星期X, "与周末连休", and a sentence that only encourages a day off."""

NOTICE_2027 = (
    HEADER.format(year=2027, prev=2026)
    + """一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至14日（农历正月初八、周日）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假1天，不调休。
六、中秋节：9月15日（周三）放假1天，不调休。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""
    + FOOTER.format(prev=2026)
)


def _workday(parse, day: date) -> bool:
    if day in parse.workdays:
        return True
    return day.weekday() < 5 and day not in parse.holidays


@pytest.mark.parametrize(
    ("text", "year"), [(NOTICE_2024, 2024), (NOTICE_2025, 2025), (NOTICE_2026, 2026)]
)
def test_the_notice_reads_day_for_day_as_chinese_calendar_has_the_year(text, year):
    parse = parse_notice(text)
    assert parse.year == year and parse.problems == []
    day = date(year, 1, 1)
    while day.year == year:
        assert _workday(parse, day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
    # Every day the notice gives off is one of chinese-calendar's named holidays.
    for holiday in parse.holidays:
        assert chinese_calendar.get_holiday_detail(holiday)[1] is not None, holiday


def test_the_2025_notice_names_its_festivals_and_swapped_working_days():
    parse = parse_notice(NOTICE_2025)
    assert [f.name for f in parse.festivals] == [
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "国庆节、中秋节",
    ]
    assert parse.workdays == [
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    ]
    spring = parse.festivals[1]
    assert spring.holidays[0] == date(2025, 1, 28) and spring.holidays[-1] == date(2025, 2, 4)
    assert len(spring.holidays) == 8


def test_next_years_notice_gives_its_spring_festival_and_swapped_saturday():
    parse = parse_notice(NOTICE_2027)
    assert parse.year == 2027 and parse.problems == []
    assert date(2027, 2, 8) in parse.holidays and date(2027, 2, 12) in parse.holidays
    assert date(2027, 2, 20) in parse.workdays
    assert date(2027, 6, 9) in parse.holidays
    assert len(parse.holidays) == 3 + 9 + 3 + 5 + 1 + 1 + 7


def test_full_width_digits_and_one_long_line_read_the_same():
    full_width = NOTICE_2026.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    one_line = NOTICE_2026.replace("\n", "")
    plain = parse_notice(NOTICE_2026)
    for text in (full_width, one_line):
        other = parse_notice(text)
        assert (other.holidays, other.workdays, other.problems) == (
            plain.holidays,
            plain.workdays,
            [],
        )


def test_the_year_comes_from_the_title_or_must_be_given():
    body = NOTICE_2027.split("如下。", 1)[1]
    assert notice_year(NOTICE_2027) == 2027
    with pytest.raises(ValidationError, match="没有找到年份"):
        parse_notice(body)
    assert parse_notice(body, 2027).holidays == parse_notice(NOTICE_2027).holidays


def test_a_notice_pasted_for_the_wrong_year_is_caught_by_its_weekdays():
    parse = parse_notice(NOTICE_2027, 2028)
    assert parse.problems and all("年份是否正确" in p for p in parse.problems)


def test_a_section_whose_count_of_days_does_not_add_up_is_listed_with_its_text():
    broken = NOTICE_2026.replace("共9天", "共8天")
    parse = parse_notice(broken)
    assert len(parse.problems) == 1
    assert parse.problems[0].startswith("二、春节：") and "共8天" in parse.problems[0]
    assert len(parse.festivals) == 6


def test_a_section_without_a_date_is_listed():
    parse = parse_notice(NOTICE_2026.replace("6月19日（周五）至21日（周日）放假", "另行通知放假"))
    assert [p.split("：")[0] for p in parse.problems] == ["五、端午节"]


def test_text_without_any_section_is_refused():
    with pytest.raises(ValidationError, match="没有找到"):
        parse_notice("国务院办公厅关于2027年部分节假日安排的通知\n（正文尚未公布）")
