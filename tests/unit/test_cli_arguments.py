"""The command line's argument values, parse errors and help, as a user typing them meets them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from core.cli.arguments import ArgumentValueError, day, display_width, month, wrap, year
from core.cli.commands import build_parser


@pytest.mark.parametrize(
    ("text", "chinese", "english"),
    [
        ("2026-13", "没有13月", "there is no month 13"),
        ("2026-00", "没有0月", "there is no month 0"),
        ("2026/12", "不是 YYYY-MM 格式的月份", "not a month in the form YYYY-MM"),
        ("十二月", "不是 YYYY-MM 格式的月份", "not a month in the form YYYY-MM"),
    ],
)
def test_a_wrong_month_says_what_is_wrong_with_it(text, chinese, english):
    with pytest.raises(ArgumentValueError) as refused:
        month(text)
    assert chinese in refused.value.chinese
    assert english in refused.value.english


def test_a_month_without_its_leading_zero_is_a_month():
    assert month("2026-3") == (2026, 3)
    assert month(" 2026-12 ") == (2026, 12)


@pytest.mark.parametrize(
    ("text", "chinese", "english"),
    [
        ("2026-02-30", "2026年2月没有30日（只到28日）", "February 2026 has no day 30"),
        ("2028-02-30", "2028年2月没有30日（只到29日）", "February 2028 has no day 30"),
        ("2026-04-31", "2026年4月没有31日", "April 2026 has no day 31"),
        ("2026-13-01", "没有13月", "there is no month 13"),
        ("2026.12.02", "不是 YYYY-MM-DD 格式的日期", "not a date in the form YYYY-MM-DD"),
    ],
)
def test_a_wrong_date_says_what_is_wrong_with_it(text, chinese, english):
    with pytest.raises(ArgumentValueError) as refused:
        day(text)
    assert chinese in refused.value.chinese
    assert english in refused.value.english


def test_a_leap_day_is_a_date():
    assert day("2028-02-29") == date(2028, 2, 29)


def test_a_year_is_four_digits():
    assert year("2027") == 2027
    with pytest.raises(ArgumentValueError, match="四位数的年份"):
        year("27")


def _parse_error(capsys, argv: list[str], monkeypatch) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.argv", ["supervision-desk", *argv])
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    captured = capsys.readouterr()
    return int(stopped.value.code), captured.out, captured.err


def test_a_misspelt_command_gets_a_suggestion_in_one_line(capsys, monkeypatch):
    code, out, err = _parse_error(capsys, ["schedul", "--month", "2026-12"], monkeypatch)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("错误：没有“schedul”这个命令。您是不是要输入 schedule？")
    assert 'Error: there is no command "schedul". Did you mean schedule?' in err


def test_an_impossible_month_is_named_with_its_option(capsys, monkeypatch):
    code, _, err = _parse_error(capsys, ["schedule", "--month", "2026-13"], monkeypatch)
    assert code == 2
    assert err.count("\n") == 1
    assert "错误：--month：“2026-13”：没有13月（月份为 1–12）" in err
    assert 'Error: --month: "2026-13": there is no month 13 (months are 1-12)' in err


def test_a_misspelt_option_gets_a_suggestion(capsys, monkeypatch):
    _, _, err = _parse_error(capsys, ["check", "--dte", "2026-12-02"], monkeypatch)
    assert "无法识别的参数：--dte 2026-12-02。您是不是要输入 --date？" in err
    assert "Did you mean --date?" in err


def test_a_missing_argument_is_named_in_both_languages(capsys, monkeypatch):
    _, _, err = _parse_error(capsys, ["backup"], monkeypatch)
    assert "错误：缺少必需的参数：--out" in err
    assert "Error: the following arguments are required: --out" in err


def test_with_json_the_parse_error_is_json_on_stdout(capsys, monkeypatch):
    code, out, err = _parse_error(capsys, ["check", "--date", "2026-02-30", "--json"], monkeypatch)
    assert code == 2
    assert err == ""
    error = json.loads(out)["error"]
    assert error["code"] == "usage"
    assert error["message_zh"] == "--date：“2026-02-30”：2026年2月没有30日（只到28日）"
    assert error["message_en"].startswith('--date: "2026-02-30": February 2026 has no day 30')


def test_help_wraps_between_chinese_characters_never_inside_a_word():
    text = "visit-form：督导记录表；rectification-notice：整改通知书；annual：年度督导工作统计"
    lines = wrap(text, 24)
    assert all(display_width(line) <= 24 for line in lines if " " not in line.strip())
    words = " ".join(lines)
    for word in ("visit-form", "rectification-notice", "annual"):
        assert word in words
    assert not any(line[0] in "，。；：）" for line in lines)


def test_a_chinese_character_takes_two_columns():
    assert display_width("督导 ab") == 7


def test_every_command_help_wraps_within_the_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, command in commands.items():
        text = command.format_help().split("示例 / Examples:")[0]
        for line in text.splitlines():
            assert display_width(line) <= 60 or " " not in line.strip(), (name, line)


def test_every_command_help_ends_with_three_examples_of_itself():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, command in commands.items():
        text = command.format_help()
        assert "显示本帮助后退出" in text
        examples = text.split("示例 / Examples:\n")[1].splitlines()
        assert len(examples) == 3, name
        assert all(
            line.strip().startswith(f"supervision-desk {name}") or f" {name}" in line
            for line in examples
        ), name
