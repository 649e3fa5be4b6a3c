"""Reading what clerks type or keep in their sheets: text, dates, phone numbers, numbers.

Every parser accepts the forms found in real office sheets — full-width digits and punctuation,
stray spaces, dates written as 2023.9.1, 2023-9-1, 2023/9/1, 2023年9月1日 or 20230901 — and
raises ``ValueError`` whose message (a :class:`core.i18n.Text`, Chinese in the code and shown in the
chosen language) does not name the field: the caller adds it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime

from core.i18n import _

_SPACES = re.compile(r"\s+")
_HALF_WIDTH = {
    code: code - 0xFEE0
    for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(start, end + 1)
} | {0x3000: 0x20}
_DATE_PARTS = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_OF_DAY = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(?:0\d{2,3}-?)?[2-9]\d{6,7}(?:-\d{1,6})?$")


def clean_text(value: object) -> str:
    """Text with full-width letters, digits and spaces made half-width and spaces tidied.

    Chinese punctuation such as （） and 、 is kept: it belongs to official names.
    """
    if value is None:
        return ""
    text = str(value).translate(_HALF_WIDTH)
    return _SPACES.sub(" ", text).strip()


def _normalized(value: object) -> str:
    """Text with every full-width form made half-width, for numbers, dates and phones."""
    return clean_text(unicodedata.normalize("NFKC", clean_text(value)))


def parse_date(value: object) -> date | None:
    """A date from a cell or a text box; ``None`` for an empty value."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _normalized(value)
    if not text:
        return None
    text = _TIME_OF_DAY.sub("", text)
    match = _DATE_PARTS.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        raise ValueError(
            _("“{text}”不是日期（应写成 2023-9-1、2023.9.1 或 2023年9月1日）", text=text)
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("“{text}”不是有效的日期", text=text)) from None


def parse_phone(value: object) -> str:
    """A mobile (13812345678) or landline (0738-6123456, 6123456-801) number, or ``""``."""
    text = _normalized(value).replace(" ", "").replace("—", "-").replace("转", "-")
    text = text.replace("(", "").replace(")", "-").strip("-")
    if not text:
        return ""
    if text.startswith("+86"):
        text = text[3:].lstrip("-")
    if _MOBILE.match(text.replace("-", "")):
        return text.replace("-", "")
    if _LANDLINE.match(text):
        return text
    raise ValueError(
        _(
            "“{text}”不是有效的电话号码（手机为 11 位，如 13812345678；固话如 0738-6123456）",
            text=text,
        )
    )


def parse_int(value: object, *, minimum: int = 0) -> int:
    """A whole number not below ``minimum``; an empty value is ``minimum``."""
    if value is None or value == "":
        return minimum
    if isinstance(value, bool):
        raise ValueError(_("“{text}”不是整数", text=value))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _normalized(value).replace(",", "").removesuffix("人").removesuffix("名")
        if not text:
            return minimum
        try:
            number = float(text)
        except ValueError:
            raise ValueError(_("“{text}”不是整数", text=text)) from None
    if not number.is_integer():
        raise ValueError(_("“{text}”不是整数", text=value))
    if number < minimum:
        raise ValueError(_("不能小于 {minimum}", minimum=minimum))
    return int(number)


def parse_hours(value: object) -> float:
    """Training hours: a positive number with at most one decimal place (学时)."""
    if isinstance(value, bool):
        raise ValueError(_("“{text}”不是学时数", text=value))
    if isinstance(value, int | float):
        hours = float(value)
    else:
        text = _normalized(value).removesuffix("学时").removesuffix("小时").strip()
        if not text:
            raise ValueError(_("不能为空"))
        try:
            hours = float(text)
        except ValueError:
            raise ValueError(_("“{text}”不是学时数", text=text)) from None
    hours = round(hours, 1)
    if hours <= 0:
        raise ValueError(_("应大于 0"))
    if hours > 2000:
        raise ValueError(_("{hours} 学时太多了，请检查", hours=f"{hours:g}"))
    return hours


def split_names(value: object) -> list[str]:
    """Names kept in one cell, separated by 、，, ; ； or new lines."""
    text = clean_text(str(value or "").replace("\n", "、"))
    return [part.strip() for part in re.split(r"[、,;，；/]", text) if part.strip()]


NAME_SEPARATORS = "、,;，；/"
"""What separates the names kept in one cell (besides new lines)."""
NAME_QUOTES = {"「": "」", "“": "”", "『": "』", '"': '"'}
"""Quotation marks that keep a name holding a separator whole: 「城关镇中心小学/分校」."""
_NAME_SEPARATOR = re.compile(f"[{re.escape(NAME_SEPARATORS)}]")


def quote_name(name: str) -> str:
    """``name`` as written in a cell of several names: in 「」 (or “”, 『』 when the name holds
    」) when it holds a separator or begins with a quotation mark, else as it is."""
    if not _NAME_SEPARATOR.search(name) and "\n" not in name and name[:1] not in NAME_QUOTES:
        return name
    for opening, closing in (("「", "」"), ("“", "”"), ("『", "』")):
        if closing not in name:
            return f"{opening}{name}{closing}"
    return name


def join_names(names: Iterable[str]) -> str:
    """Names for one cell, separated by 、, each quoted by :func:`quote_name` if need be."""
    return "、".join(quote_name(name) for name in names)


def split_quoted_names(value: object) -> list[str]:
    """Names kept in one cell, like :func:`split_names`, where a name in quotation marks
    (「…」, “…”, 『…』 or "…") is taken whole even if it holds 、/ or another separator.

    A quotation mark counts only around a whole name — opening it, and closing it before a
    separator or the end of the cell — so quotes inside a name (青溪县“希望”小学) are kept.
    """
    text = clean_text(str(value or "").replace("\n", "、"))
    names: list[str] = []
    position, end = 0, len(text)
    while position < end:
        if text[position] in NAME_SEPARATORS or text[position] == " ":
            position += 1
            continue
        closing = NAME_QUOTES.get(text[position])
        if closing is not None:
            close = text.find(closing, position + 1)
            after = close + 1
            while 0 < after < end and text[after] == " ":
                after += 1
            if close != -1 and (after >= end or text[after] in NAME_SEPARATORS):
                name = text[position + 1 : close].strip()
                if name:
                    names.append(name)
                position = after
                continue
        separator = _NAME_SEPARATOR.search(text, position)
        stop = separator.start() if separator else end
        name = text[position:stop].strip()
        if name:
            names.append(name)
        position = stop
    return names
