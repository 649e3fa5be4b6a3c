"""The columns of a sheet: the header written on export, the headers clerks use instead, how a
cell is read, and how a stored value is shown (in the exported cell and in the plan's changes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.i18n import Text, _, joined
from core.parsing import clean_text
from core.sheets.cells import Reader, cell_text

_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_IGNORED_IN_HEADERS = re.compile(r"[\s*＊:：]")


def normalize_header(value: object) -> str:
    """A header cell reduced for comparison: 学校名称（全称）, "*学校\\n名称 " → 学校名称."""
    return _IGNORED_IN_HEADERS.sub("", _BRACKETED.sub("", clean_text(value)))


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    ``key`` names the stored field; ``header`` is written on export and in templates;
    ``synonyms`` are other headers clerks use for it. ``read`` turns a cell into the value to
    store; ``to_cell`` turns a stored value into what the sheet shows (a code into its label).
    ``choices`` become a drop-down list in exported sheets and templates; ``comment`` is a
    note on the header cell telling the clerk how to fill the column in.
    """

    key: str
    header: str
    read: Reader
    synonyms: tuple[str, ...] = ()
    width: float = 12
    choices: tuple[str, ...] = ()
    is_date: bool = False
    to_cell: Callable[[Any], Any] = _same
    comment: str = ""

    @property
    def names(self) -> frozenset[str]:
        return frozenset(normalize_header(name) for name in (self.header, *self.synonyms))

    def also_written(self) -> str:
        """The header and its synonyms for a message: “学校名称”（也可写作：单位名称、名称）."""
        others = [s for s in self.synonyms if normalize_header(s) != normalize_header(self.header)]
        if not others:
            return _("“{header}”", header=self.header)
        return _(
            "“{header}”（也可写作：{others}）",
            header=self.header,
            others=joined(others, "、", ", "),
        )


@dataclass(frozen=True)
class SheetSpec:
    """A kind of sheet: its columns, and the ones that identify its header row."""

    kind: str
    title: str
    heading: str
    columns: tuple[Column, ...]
    required: tuple[str, ...]
    by_key: Mapping[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {c.key: c for c in self.columns})

    def column(self, key: str) -> Column:
        return self.by_key[key]


def shown(column: Column, value: Any) -> str:
    """A stored value as the plan shows it: labels for codes (in the chosen language), dates as
    2023-09-01."""
    cell = column.to_cell(value)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, Text):
        return cell  # a label or a word, kept in both languages
    text = cell_text(cell) if not isinstance(cell, str) else cell.strip()
    return text or _("（空）")


def changes(
    columns: list[Column],
    headers: Mapping[str, str],
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> list[str]:
    """Readable lines for the columns whose value differs: "联系电话：138… → 139…"."""
    lines: list[str] = []
    for column in columns:
        before, after = old.get(column.key), new.get(column.key)
        if before != after:
            header = headers.get(column.key, column.header)
            before_shown, after_shown = shown(column, before), shown(column, after)
            lines.append(
                _(
                    "{header}：{before} → {after}",
                    header=header,
                    before=before_shown,
                    after=after_shown,
                )
            )
    return lines
