"""What clerks type is refused in the English interface in English, keeping the Chinese for the
command line; the saved list of an import's problems is the clerk's note, in her language, and
is still split into worksheet, row, column and problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from core import i18n
from core.errors import ValidationError
from core.i18n import _
from core.jobs import Cancelled
from core.parsing import parse_date, parse_hours, parse_int, parse_phone
from core.sheets.problems import problem_table, problems_text, save_problems


@pytest.mark.parametrize(
    ("parse", "typed", "english_message", "chinese_message"),
    [
        (parse_date, "2023-13-1", '"2023-13-1" is not a valid date', "“2023-13-1”不是有效的日期"),
        (parse_int, "很多", '"很多" is not a whole number', "“很多”不是整数"),
        (parse_int, "-3", "must not be less than 0", "不能小于 0"),
        (parse_hours, "0", "must be more than 0", "应大于 0"),
        (parse_hours, "3000", "3000 hours is too many; please check", "3000 学时太多了，请检查"),
    ],
)
def test_a_refused_value_is_english_and_keeps_its_chinese(
    english, parse, typed, english_message, chinese_message
):
    with pytest.raises(ValueError) as refused:
        parse(typed)
    assert str(refused.value) == english_message
    assert i18n.chinese(refused.value.args[0]) == chinese_message


def test_a_message_filled_with_a_refusal_takes_each_language_from_it(english):
    with pytest.raises(ValueError) as refused:
        parse_phone("123")
    text = _("“{label}”{problem}", label="联系电话", problem=refused.value)
    assert text.zh.startswith("“联系电话”“123”不是有效的电话号码")
    assert "is not a valid phone number" in text.en


def test_a_cancelled_job_says_so_in_english(english):
    assert str(Cancelled()) == "Cancelled; nothing was saved."


MESSAGES = [
    'Worksheet "学校", row 12, column C (在校生数): "很多" is not a whole number',
    'Worksheet "学校", rows 3, 4, 5 … (25 in all): the kind cannot be told from the name',
    'Worksheet "学校", row 7: cell A7:C7 is merged across column A (学校名称), column B (学校类别)',
    '"学校.xls" is an old Excel file (.xls) and cannot be imported as it is.',
]


def test_english_problems_are_split_into_their_place(english):
    assert problem_table(MESSAGES) == [
        (1, "学校", "12", "C (在校生数)", '"很多" is not a whole number'),
        (2, "学校", "3, 4, 5 … (25 in all)", "", "the kind cannot be told from the name"),
        (
            3,
            "学校",
            "7",
            "",
            "cell A7:C7 is merged across column A (学校名称), column B (学校类别)",
        ),
        (4, "", "", "", '"学校.xls" is an old Excel file (.xls) and cannot be imported as it is.'),
    ]
    text = problems_text("School import problems", MESSAGES)
    assert text.splitlines()[0] == "School import problems (4 problems)"
    assert problems_text("School import problems", MESSAGES[:1]).splitlines()[0] == (
        "School import problems (1 problem)"
    )


def test_the_saved_list_of_problems_is_in_the_clerks_language(english, tmp_path: Path):
    path = tmp_path / "problems.xlsx"
    save_problems("School import problems", MESSAGES, path)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "Import problems"
    assert rows[0][0] == "School import problems (4 problems)"
    assert rows[1] == ["No.", "Worksheet", "Row", "Column", "Problem"]
    assert rows[2] == [1, "学校", "12", "C (在校生数)", '"很多" is not a whole number']

    with pytest.raises(ValidationError) as refused:
        save_problems("School import problems", MESSAGES, tmp_path / "missing" / "p.txt")
    assert str(refused.value).startswith('Cannot save "p.txt" (')
