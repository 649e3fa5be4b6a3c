"""Reading one cell of a clerk's sheet into the value to store.

Every reader takes the raw cell value (text, number, date, time stamp or ``None``) and returns
the value to store, or raises ``ValueError`` with a message (:mod:`core.i18n`) that the caller
prefixes with the cell's place. The text parsers of :mod:`core.parsing` do the real work; this
module adds what only cells have: numbers where text was meant (13812345678.0), Excel date serial
numbers in cells formatted as 常规, and the many ways clerks write the same choice (职高, 中职…).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from core.i18n import _, joined
from core.parsing import clean_text, parse_date, parse_hours, parse_int, parse_phone

Reader = Callable[[object], Any]

_CJK = re.compile(r"[\u3400-\u9fff]")
_SPAN = re.compile(r"\s*(?:至|到|~|～|—+|–|－)\s*")
_MONTH_DAY = re.compile(r"^(?:(\d{1,2})\s*[-./月]\s*)?(\d{1,2})\s*日?$")
_WHITESPACE = re.compile(r"\s+")
# Serial numbers of 1927…2173 in Excel's 1900 date system; 20230901 and 2023 are not serials.
_FIRST_SERIAL, _END_SERIAL = 10_000, 100_000
_EXCEL_EPOCH = date(1899, 12, 30)
YEARS = range(1950, 2101)
EXCEL_CELL_MAX = 32_767
"""The most characters an Excel cell holds: a longer text would be cut on export, so no sheet
column accepts more (a field the core limits more tightly is read with its own limit)."""


def cell_text(value: object) -> str:
    """A cell as one line of text: 13812345678.0 → "13812345678", a date → "2023-09-01"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(value)


def is_blank(value: object) -> bool:
    return cell_text(value) == ""


def name_key(value: object) -> str:
    """A name for matching: without any spaces, so "龙泉镇 中心小学" finds "龙泉镇中心小学"."""
    return _WHITESPACE.sub("", cell_text(value))


def person_name(value: object) -> str:
    """A person's name; the spaces clerks put inside two-character names (王  军) are dropped."""
    text = cell_text(value)
    return text.replace(" ", "") if _CJK.search(text) else text


def person(max_length: int) -> Reader:
    """A reader of a person's name (see :func:`person_name`) of at most ``max_length`` chars."""
    read_name = name(max_length)
    return lambda value: read_name(person_name(value))


def name(max_length: int) -> Reader:
    """A reader of a name (a school's, a person's) of at most ``max_length`` characters, each
    of which prints (see :func:`core.reports.fonts.unprintable_message`)."""
    read_text = text(max_length)

    def read(value: object) -> str:
        from core.reports.fonts import unprintable_message  # ReportLab only when needed

        result = read_text(value)
        problem = unprintable_message(result)
        if problem:
            raise ValueError(problem)
        return result

    return read


def text(max_length: int) -> Reader:
    """A reader of one line of text of at most ``max_length`` characters."""

    def read(value: object) -> str:
        result = cell_text(value)
        if len(result) > max_length:
            raise ValueError(
                _("不能超过 {most} 个字（现有 {length} 个字）", most=max_length, length=len(result))
            )
        return result

    return read


def required(reader: Reader) -> Reader:
    """``reader`` for a cell that must not be empty."""

    def read(value: object) -> Any:
        if is_blank(value):
            raise ValueError(_("不能为空"))
        return reader(value)

    return read


def note(value: object) -> str:
    """Free text that may span lines (备注); kept as written apart from outer spaces."""
    if value is None or isinstance(value, int | float | date):
        return cell_text(value)
    return str(value).replace("\r\n", "\n").strip()


def long_text(max_length: int = EXCEL_CELL_MAX) -> Reader:
    """A reader of free text (see :func:`note`) of at most ``max_length`` characters.

    ``max_length`` is the limit the core rules (and the forms) set for the field, and never
    more than an Excel cell holds, so nothing imported is cut when it is exported again.
    """
    limit = min(max_length, EXCEL_CELL_MAX)

    def read(value: object) -> str:
        result = note(value)
        if len(result) > limit:
            raise ValueError(
                _(
                    "不能超过 {most} 个字（现有 {length} 个字），请删减后再导入",
                    most=limit,
                    length=len(result),
                )
            )
        return result

    return read


def cell_date(value: object) -> date | None:
    """A date: a date cell, an Excel serial number, or text such as 2023.9.1 or 2023年9月1日."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _FIRST_SERIAL <= value < _END_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        value = cell_text(value)
    day = parse_date(value)
    if day is not None and day.year not in YEARS:
        raise ValueError(_("“{day}”的年份不对，请检查", day=day.isoformat()))
    return day


def date_span(value: object) -> tuple[date | None, date | None]:
    """A first day, and a last day when the cell holds a span (培训时间 is often written so).

    Spans: 2026.7.13—2026.7.24, 2026.7.13-2026.7.24, 2026年7月13日至24日, 2026-7-13至7-24.
    """
    text_value = cell_text(value) if isinstance(value, str) else ""
    parts = _SPAN.split(text_value)
    if len(parts) != 2 and "." in text_value and text_value.count("-") == 1:
        parts = text_value.split("-")
    if len(parts) != 2:
        return cell_date(value), None
    start = cell_date(parts[0])
    if start is None:
        raise ValueError(_("“{text}”不是日期", text=text_value))
    end_text = parts[1].strip()
    if re.match(r"^\d{4}", end_text):
        return start, cell_date(end_text)
    match = _MONTH_DAY.match(end_text)
    if match is None:
        raise ValueError(
            _("“{text}”不是日期（应写成 2023-9-1 或 2023.9.1—2023.9.5）", text=text_value)
        )
    month = int(match.group(1)) if match.group(1) else start.month
    try:
        return start, date(start.year, month, int(match.group(2)))
    except ValueError:
        raise ValueError(_("“{text}”不是有效的日期", text=text_value)) from None


def phone(value: object) -> str:
    """A phone number (see :func:`core.parsing.parse_phone`), or ""."""
    return parse_phone(cell_text(value))


def whole_number(value: object) -> int:
    """A count such as 在校生数: 1200, "1,200" or "1200人"; empty is 0."""
    return parse_int(value)


def hours(value: object) -> float:
    """Training hours (学时), such as 16, "16学时" or "７.５"."""
    return parse_hours(value)


def choice(aliases: dict[str, Any], allowed: Iterable[str]) -> Reader:
    """A reader of one of several choices written in any of the ``aliases`` (spaces ignored).

    An empty cell is allowed only when ``""`` is among the aliases.
    """
    choices = tuple(allowed)

    def read(value: object) -> Any:
        key = _WHITESPACE.sub("", cell_text(value))
        for candidate in (key, key.lower()):
            if candidate in aliases:
                return aliases[candidate]
        shown = joined(choices, "、", ", ")
        if not key:
            raise ValueError(_("不能为空（可填：{choices}）", choices=shown))
        raise ValueError(_("“{text}”不是可选的值（可填：{choices}）", text=key, choices=shown))

    return read
