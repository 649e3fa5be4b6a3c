"""The problems of a refused import, kept for the clerk: as a sheet of 工作表/行/列/问题 or as text.

An import names every problem by worksheet, row and column ("工作表“学校”第 12 行 C 列（在校生数）：
…", see :class:`core.sheets.reader.Problems`); :func:`problem_table` splits those messages into
their place and their problem again, so the saved sheet can be sorted and filtered in Excel or
WPS while the clerk corrects the file. Problems of the whole file keep only their text.

Unlike the office's sheets, this list is the clerk's own working note, not a document the office
keeps: its title, headers and problems are in the chosen language, as the messages are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from core.errors import FieldError, ValidationError
from core.i18n import _, n_

_PLACES = (
    re.compile(
        r"^工作表“(?P<sheet>.*?)”第 (?P<rows>.+?) 行"
        r"(?: (?P<column>[A-Z]{1,3}) 列（(?P<header>.*?)）)?：(?P<problem>.*)$",
        re.S,
    ),
    re.compile(
        r'^Worksheet "(?P<sheet>.*?)", rows? (?P<rows>.+?)'
        r"(?:, column (?P<column>[A-Z]{1,3}) \((?P<header>.*?)\))?: (?P<problem>.*)$",
        re.S,
    ),
)
"""Where :class:`core.sheets.reader.Problems` places a problem, in Chinese and in English."""


def problem_table(messages: Sequence[str]) -> list[tuple[int, str, str, str, str]]:
    """Each message as (number, worksheet, row(s), column, problem); a message that names no
    place has only its number and problem."""
    table = []
    for number, message in enumerate(messages, start=1):
        match = next((m for place in _PLACES if (m := place.match(message))), None)
        if match is None:
            table.append((number, "", "", "", message))
            continue
        column = match["column"] or ""
        if column and match["header"]:
            column = _("{letter}（{header}）", letter=column, header=match["header"])
        table.append((number, match["sheet"], match["rows"].strip(), column, match["problem"]))
    return table


def headers() -> tuple[str, ...]:
    """The headers of the saved sheet of problems, in the chosen language."""
    return (_("序号"), _("工作表"), _("行"), _("列"), _("问题"))


def _heading(title: str, count: int) -> str:
    return n_("{title}（共 {n} 个问题）", count, title=title)


def problems_text(title: str, messages: Sequence[str]) -> str:
    """The problems as numbered lines under ``title`` and their total."""
    lines = [_heading(title, len(messages))]
    lines += [f"{number}. {message}" for number, message in enumerate(messages, start=1)]
    return "\n".join(lines) + "\n"


def save_problems(title: str, messages: Sequence[str], path: Path) -> None:
    """Write the problems to ``path``: a sheet for .xlsx, numbered lines for anything else
    (UTF-8 with a byte-order mark, so Notepad shows the Chinese). Refused with a message naming
    the file if it cannot be written."""
    if path.suffix.lower() == ".xlsx":
        _save_sheet(title, messages, path)
        return
    try:
        path.write_text(problems_text(title, messages), encoding="utf-8-sig")
    except OSError as exc:
        message = _("无法保存“{name}”（{reason}）", name=path.name, reason=exc.strerror or exc)
        raise ValidationError([FieldError("path", _("文件"), message)]) from None


def _save_sheet(title: str, messages: Sequence[str], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from core.sheets.writer import save_workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("导入问题")
    sheet.append([_heading(title, len(messages))])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(headers()))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in problem_table(messages):
        sheet.append(list(row))
    for letter, width in zip("ABCDE", (6, 14, 10, 18, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    for (cell,) in sheet.iter_rows(min_row=3, min_col=5, max_col=5):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    save_workbook(workbook, path)
