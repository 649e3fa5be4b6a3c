"""Reading what clerks type or keep in their sheets: dates in every form found in office sheets,
phone numbers, whole numbers, training hours and lists of names. Every refusal is a ValueError
with a Chinese message that quotes what was typed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.parsing import (
    clean_text,
    parse_date,
    parse_hours,
    parse_int,
    parse_phone,
    split_names,
)

# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023.9.1",
        "2023-9-1",
        "2023/9/1",
        "2023年9月1日",
        "20230901",
        "2023-09-01",
        "2023.09.01",
        "2023年09月01日",
        "2023年9月1",
        "２０２３年９月１日",
        "２０２３．９．１",
        "２０２３－０９－０１",
        "２０２３／９／１",
        "２０２３０９０１",
        " 2023 - 9 - 1 ",
        "2023 年 9 月 1 日",
        "\u30002023.9.1\u3000",
        "\t2023/9/1\n",
    ],
)
def test_every_written_form_of_a_date_is_read(text):
    assert parse_date(text) == date(2023, 9, 1)


def test_a_number_kept_as_yyyymmdd_in_a_cell_is_a_date():
    assert parse_date(20230901) == date(2023, 9, 1)


def test_the_end_of_a_leap_february_is_a_date():
    assert parse_date("2024-2-29") == date(2024, 2, 29)
    assert parse_date("2024年2月29日") == date(2024, 2, 29)


def test_a_datetime_from_a_spreadsheet_cell_becomes_its_day():
    result = parse_date(datetime(2023, 9, 1, 8, 30, 15))
    assert result == date(2023, 9, 1)
    assert type(result) is date


def test_a_date_object_is_returned_as_it_is():
    day = date(2026, 11, 2)
    assert parse_date(day) is day


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000", "\n\t"])
def test_an_empty_date_is_none(empty):
    assert parse_date(empty) is None


@pytest.mark.parametrize(
    "text", ["2023-2-30", "2023-13-1", "2023.4.31", "2023年0月5日", "20230231"]
)
def test_an_impossible_day_is_refused_in_chinese(text):
    with pytest.raises(ValueError, match="不是有效的日期") as info:
        parse_date(text)
    assert text in str(info.value)


@pytest.mark.parametrize("text", ["明天", "2023-9", "9/1/2023", "2023.9.1.1", "二〇二三年九月一日"])
def test_text_that_is_no_date_is_refused_with_the_forms_to_use(text):
    with pytest.raises(ValueError, match="不是日期") as info:
        parse_date(text)
    message = str(info.value)
    assert text in message
    assert "2023年9月1日" in message


# --- phone numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("19912345678", "19912345678"),
        ("138 1234 5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("0738-6123456", "0738-6123456"),
        ("010-62345678", "010-62345678"),
        ("07386123456", "07386123456"),
        ("0738—6123456", "0738-6123456"),
        ("０７３８－６１２３４５６", "0738-6123456"),
        ("(0738)6123456", "0738-6123456"),
        ("（0738）6123456", "0738-6123456"),
        ("6123456", "6123456"),
        ("62345678", "62345678"),
        ("6123456-801", "6123456-801"),
        ("0738-6123456-801", "0738-6123456-801"),
        (" 0738-6123456 ", "0738-6123456"),
    ],
)
def test_mobile_and_landline_numbers_are_accepted_and_tidied(typed, stored):
    assert parse_phone(typed) == stored


@pytest.mark.parametrize("empty", [None, "", "  ", "\u3000"])
def test_no_phone_number_is_an_empty_string(empty):
    assert parse_phone(empty) == ""


@pytest.mark.parametrize(
    "typed",
    [
        "12345",
        "1381234567",
        "138123456789",
        "12012345678",
        "0738-1234567",
        "0738-612345",
        "abc",
        "电话待定",
    ],
)
def test_a_wrong_number_is_refused_with_a_message_quoting_it(typed):
    with pytest.raises(ValueError, match="不是有效的电话号码") as info:
        parse_phone(typed)
    assert f"“{typed}”" in str(info.value)


def test_the_refusal_explains_what_a_phone_number_looks_like():
    with pytest.raises(ValueError) as info:
        parse_phone("12345")
    assert "11 位" in str(info.value)
    assert "0738-6123456" in str(info.value)


# --- text ------------------------------------------------------------------------------------


def test_clean_text_keeps_chinese_punctuation_of_official_names():
    assert clean_text("青溪县实验小学（东校区）") == "青溪县实验小学（东校区）"
    assert clean_text("城关、龙泉，青山") == "城关、龙泉，青山"
    assert clean_text("《督导手册》：第一章；") == "《督导手册》：第一章；"


def test_clean_text_makes_full_width_letters_digits_and_spaces_half_width():
    assert clean_text("ＱＸ２０２６ａｂｃ") == "QX2026abc"
    assert clean_text("第１中学　二部") == "第1中学 二部"


def test_clean_text_tidies_spaces():
    assert clean_text("  青溪县   实验\t小学\n ") == "青溪县 实验 小学"
    assert clean_text(None) == ""
    assert clean_text("") == ""
    assert clean_text(42) == "42"


# --- whole numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1,200", 1200),
        ("1200人", 1200),
        ("1,200人", 1200),
        ("86名", 86),
        ("１２００", 1200),
        ("１，２００人", 1200),
        (" 42 ", 42),
        ("3.0", 3),
        (3.0, 3),
        (3, 3),
        ("0", 0),
        (0, 0),
    ],
)
def test_whole_numbers_in_the_forms_of_office_sheets(typed, number):
    result = parse_int(typed)
    assert result == number
    assert type(result) is int


@pytest.mark.parametrize("empty", [None, "", "  "])
def test_an_empty_number_is_the_minimum(empty):
    assert parse_int(empty) == 0
    assert parse_int(empty, minimum=1) == 1


@pytest.mark.parametrize("typed", ["3.5", 3.5, "1200.5人"])
def test_a_fraction_is_refused(typed):
    with pytest.raises(ValueError, match="不是整数"):
        parse_int(typed)


@pytest.mark.parametrize("typed", ["-5", -1, "-1,200", -2.0])
def test_a_negative_number_is_refused(typed):
    with pytest.raises(ValueError, match="不能小于 0"):
        parse_int(typed)


def test_a_number_below_the_given_minimum_is_refused():
    assert parse_int("1", minimum=1) == 1
    with pytest.raises(ValueError, match="不能小于 1"):
        parse_int("0", minimum=1)


@pytest.mark.parametrize("typed", ["abc", "一千二百", "12a", True, False])
def test_text_that_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError, match="不是整数") as info:
        parse_int(typed)
    assert str(typed) in str(info.value)


# --- training hours --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        (2, 2.0),
        (16.0, 16.0),
        ("2.5", 2.5),
        ("2.5学时", 2.5),
        ("16小时", 16.0),
        ("１６学时", 16.0),
        (" 40 学时 ", 40.0),
        ("0.5", 0.5),
        (2000, 2000.0),
    ],
)
def test_training_hours(typed, hours):
    result = parse_hours(typed)
    assert result == hours
    assert isinstance(result, float)


@pytest.mark.parametrize("typed", [0, "0", -3, "-2学时"])
def test_hours_must_be_above_zero(typed):
    with pytest.raises(ValueError, match="应大于 0"):
        parse_hours(typed)


@pytest.mark.parametrize("empty", [None, "", "学时", "  "])
def test_hours_may_not_be_empty(empty):
    with pytest.raises(ValueError, match="不能为空"):
        parse_hours(empty)


@pytest.mark.parametrize("typed", [0.04, "0.04", "0.01学时"])
def test_hours_that_round_to_zero_are_refused_rather_than_stored_as_zero(typed):
    # "a positive number with at most one decimal place": 0.04 must not become 0.0 学时.
    with pytest.raises(ValueError):
        parse_hours(typed)


def test_absurd_hours_are_refused():
    with pytest.raises(ValueError, match="2001 学时太多"):
        parse_hours(2001)


@pytest.mark.parametrize("typed", ["四十", "abc学时", True])
def test_hours_that_are_not_a_number_are_refused(typed):
    with pytest.raises(ValueError, match="不是学时数"):
        parse_hours(typed)


# --- lists of names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "张三、李四",
        "张三,李四",
        "张三，李四",
        "张三;李四",
        "张三；李四",
        "张三/李四",
        "张三\n李四",
        "张三\r\n李四",
        " 张三 、 李四 ",
        "张三、、李四、",
    ],
)
def test_names_in_one_cell_are_split_on_every_separator(cell):
    assert split_names(cell) == ["张三", "李四"]


def test_names_with_mixed_separators_keep_their_order():
    cell = "王建国、李丽，赵明;周芳；吴军/孙伟\n郑强,陈静"
    assert split_names(cell) == ["王建国", "李丽", "赵明", "周芳", "吴军", "孙伟", "郑强", "陈静"]


@pytest.mark.parametrize("empty", [None, "", "  ", "、，;"])
def test_an_empty_cell_has_no_names(empty):
    assert split_names(empty) == []
