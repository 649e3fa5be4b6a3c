"""Finding the table in a clerk's workbook: the worksheet, its header row and its data rows.

Clerks keep one or more (often merged) title rows above the header, write headers with spaces,
line breaks, “*” marks and remarks in brackets, add columns of their own, leave blank rows,
merge a cell down over several rows (the same 责任区 for five schools) and add notes below the
table. So:

- the first worksheet (visible ones first) whose header row, searched in the first
  :data:`MAX_HEADER_ROW` rows, holds every identifying column is read; header cells are compared
  after :func:`~core.sheets.columns.normalize_header` with each column's synonyms;
- unknown columns are ignored; a known column given twice is an error;
- a value merged down over several rows counts for each of them, while a row under a merged
  cell that spans several of the sheet's columns (a section title, a footnote) is not data —
  as long as nothing else is written in the row: a row with values that has cells merged
  across the sheet's columns is an error naming the merged cells and their columns, because
  the value of every column but the first would be lost;
- a formula in one of the sheet's columns is read by the result the file saved with it; a
  formula saved without its result (files written by programs, never opened in Excel or WPS)
  is an error naming the cell, not an empty value;
- rows with nothing in the sheet's columns are skipped.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from core.errors import FieldError
from core.i18n import Text, _, joined, n_
from core.jobs import progress
from core.parsing import clean_text
from core.sheets.cells import is_blank
from core.sheets.columns import Column, SheetSpec, normalize_header
from core.sheets.plan import ImportPlan, SheetError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.worksheet import Worksheet
    from sqlalchemy.orm import Session

MAX_HEADER_ROW = 10
MAX_ROWS_NAMED = 20
READABLE_SUFFIXES = (".xlsx", ".xlsm")
MAX_CELLS_NAMED = 10
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_OTHER_FORMATS = (".xls", ".csv", ".et", ".ods", ".txt")


def _format_name(suffix: str) -> Text:
    """What a file of another format is, for a message."""
    names = {
        ".xls": _("旧版 Excel 文件（.xls）"),
        ".csv": _("CSV 文本文件"),
        ".et": _("WPS 表格文件（.et）"),
        ".ods": _("OpenDocument 表格文件（.ods）"),
    }
    return names.get(suffix) or _("文本文件")


def _at_rows(sheet: str, rows: str, count: int, problem: str) -> Text:
    """A problem placed in one row (``count`` 1) or in several: 工作表“学校”第 12 行：…"""
    return n_(
        "工作表“{sheet}”第 {rows} 行：{problem}", count, sheet=sheet, rows=rows, problem=problem
    )


def _column_named(letter: str, header: str) -> Text:
    """A column for a message: C 列（在校生数）."""
    return _("{letter} 列（{header}）", letter=letter, header=header)


@dataclass(frozen=True)
class SheetRow:
    """One data row: its number in the sheet and its raw cell values by column key."""

    number: int
    values: dict[str, object]


T = TypeVar("T")
PROGRESS_ROWS = 100
"""An import or export reports how far it has got (and may be cancelled) every this many rows."""


def reported(rows: Sequence[T]) -> Iterator[T]:
    """``rows`` one by one, telling :func:`core.jobs.progress` "第 100/500 行" every
    :data:`PROGRESS_ROWS` rows (a cancel raises there)."""
    total = len(rows)
    for done, row in enumerate(rows):
        if done % PROGRESS_ROWS == 0:
            progress(done, total, _("第 {done}/{total} 行", done=done, total=total))
        yield row


@dataclass(frozen=True)
class Table:
    """The data found in a workbook for one kind of sheet."""

    spec: SheetSpec
    sheet: str
    header_row: int
    headers: dict[str, str]
    letters: dict[str, str]
    rows: list[SheetRow]
    fingerprint: str = ""

    def has(self, key: str) -> bool:
        """Whether the sheet has this column (an absent column leaves stored values as they are)."""
        return key in self.letters

    @property
    def present(self) -> list[Column]:
        """The sheet's known columns, in the order of the spec."""
        return [c for c in self.spec.columns if c.key in self.letters]


@dataclass
class Problems:
    """Every problem found in a table, each located by row and column for the clerk."""

    table: Table
    _found: list[tuple[int, int, FieldError]] = field(default_factory=list)
    _rows: set[int] = field(default_factory=set)

    def cell(self, row: int, key: str, message: str) -> None:
        """A problem with one cell."""
        letter = self.table.letters.get(key, "")
        header = self.table.headers.get(key, self.table.spec.column(key).header)
        if letter:
            placed = _(
                "工作表“{sheet}”第 {row} 行 {column}：{problem}",
                sheet=self.table.sheet,
                row=row,
                column=_column_named(letter, header),
                problem=message,
            )
        else:
            placed = _at_rows(self.table.sheet, str(row), 1, message)
        order = self._column_order(key)
        self._found.append((row, order, FieldError(key, header, placed)))
        self._rows.add(row)

    def row(self, row: int, message: str) -> None:
        """A problem with a whole row."""
        self.rows([row], message)

    def rows(self, rows: list[int], message: str) -> None:
        """One problem shared by several rows (named once rather than once per row)."""
        if not rows:
            return
        named: str = joined((str(r) for r in rows[:MAX_ROWS_NAMED]), "、", ", ")
        if len(rows) > MAX_ROWS_NAMED:
            named = _("{rows} 等 {n}", rows=named, n=len(rows))
        placed = _at_rows(self.table.sheet, named, len(rows), message)
        self._found.append((rows[0], -1, FieldError("row", _("行"), placed)))
        self._rows.update(rows)

    def in_row(self, row: int) -> bool:
        """Whether a problem was found in this row."""
        return row in self._rows

    def _column_order(self, key: str) -> int:
        letter = self.table.letters.get(key)
        if letter is None:
            return -1
        from openpyxl.utils import column_index_from_string

        return column_index_from_string(letter)

    def __bool__(self) -> bool:
        return bool(self._found)

    def error(self) -> SheetError:
        """All problems, in the order of the sheet's rows and columns."""
        ordered = sorted(self._found, key=lambda item: (item[0], item[1]))
        return SheetError([found[2] for found in ordered])


def _file_bytes(path: Path) -> bytes:
    name = path.name
    suffix = path.suffix.lower()
    if suffix in _OTHER_FORMATS:
        raise SheetError.of(
            _(
                "“{name}”是{format}，不能直接导入。"
                "请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿（*.xlsx）后再导入。",
                name=name,
                format=_format_name(suffix),
            )
        )
    if suffix not in READABLE_SUFFIXES:
        raise SheetError.of(_("“{name}”不是 Excel 工作簿（.xlsx），不能导入。", name=name))
    if not path.is_file():
        raise SheetError.of(_("找不到文件：{path}", path=path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError.of(
            _(
                "无法读取“{name}”：文件正被其他程序占用，或没有读取权限"
                "（{reason}）。请关闭打开它的程序后重试。",
                name=name,
                reason=exc.strerror or exc,
            )
        ) from None
    if data.startswith(_OLE_SIGNATURE):
        raise SheetError.of(
            _(
                "“{name}”实际上是旧版 Excel 文件（.xls），或设置了打开密码。"
                "请在 Excel 或 WPS 中打开它，去掉打开密码，"
                "“另存为” Excel 工作簿（*.xlsx）后再导入。",
                name=name,
            )
        )
    if not data.startswith(_ZIP_SIGNATURE):
        raise SheetError.of(
            _("“{name}”已损坏，或不是 Excel 工作簿（.xlsx），无法读取。", name=name)
        )
    return data


def open_workbook(path: Path) -> tuple[Workbook, str]:
    """The workbook at ``path`` (cached formula results, not formulas) and its fingerprint."""
    data = _file_bytes(path)
    return _load(data, path), hashlib.sha256(data).hexdigest()


def _load(data: bytes, path: Path) -> Workbook:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, print settings): not ours.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged file
        raise SheetError.of(
            _(
                "“{name}”已损坏，或不是 Excel 工作簿（.xlsx），无法读取。"
                "请在 Excel 或 WPS 中打开它并重新保存后再试。",
                name=path.name,
            )
        ) from None
    return workbook


def file_fingerprint(path: Path) -> str:
    """The fingerprint of the file's current content (see :func:`open_workbook`)."""
    return hashlib.sha256(_file_bytes(path)).hexdigest()


def _match_headers(cells: tuple[object, ...], spec: SheetSpec) -> dict[str, list[int]]:
    lookup = {name: column.key for column in spec.columns for name in column.names}
    found: dict[str, list[int]] = defaultdict(list)
    for index, value in enumerate(cells):
        key = lookup.get(normalize_header(value))
        if key is not None:
            found[key].append(index)
    return found


def _find_header(
    workbook: Workbook, spec: SheetSpec, filename: str
) -> tuple[Worksheet, int, dict[str, list[int]], dict[str, str]]:
    sheets = sorted(workbook.worksheets, key=lambda ws: ws.sheet_state != "visible")
    best: tuple[int, str, int, set[str]] | None = None
    for sheet in sheets:
        for number, cells in enumerate(
            sheet.iter_rows(max_row=MAX_HEADER_ROW, values_only=True), start=1
        ):
            found = _match_headers(cells, spec)
            have = {key for key in spec.required if key in found}
            if len(have) == len(spec.required):
                written = {key: clean_text(cells[indexes[0]]) for key, indexes in found.items()}
                return sheet, number, found, written
            if have and (best is None or len(have) > best[0]):
                best = (len(have), sheet.title, number, have)
    if best is not None:
        _count, title, number, have = best
        missing = joined(
            (spec.column(k).also_written() for k in spec.required if k not in have), "、", ", "
        )
        raise SheetError.of(
            _(
                "工作表“{sheet}”第 {row} 行的表头中找不到{columns}列。",
                sheet=title,
                row=number,
                columns=missing,
            )
        )
    wanted = joined((spec.column(k).also_written() for k in spec.required), "、", ", ")
    raise SheetError.of(
        _(
            "在“{name}”各工作表的前 {rows} 行中找不到{columns}列，"
            "无法确定表头。请确认这是{sheet}表，表头在前 {rows} 行内。",
            name=filename,
            rows=MAX_HEADER_ROW,
            columns=wanted,
            sheet=spec.title,
        )
    )


def _merged_cells(
    sheet: Worksheet, header_row: int, mapped: set[int]
) -> tuple[dict[tuple[int, int], object], dict[int, list[CellRange]]]:
    """Values merged down below the header, and the merged cells across the sheet's columns.

    A merged cell whose only column of the sheet is its first one (a 责任区 merged down, a name
    merged with a column of the clerk's own) gives its value to that column in every row it
    covers. Any other merged cell spanning a column of the sheet is returned by row: such a row
    is a section title or a footnote when nothing else is written in it, else an error.
    """
    merged_down: dict[tuple[int, int], object] = {}
    across: dict[int, list[CellRange]] = defaultdict(list)
    for cells in sheet.merged_cells.ranges:
        if cells.min_row <= header_row:
            continue
        spanned = [c for c in range(cells.min_col, cells.max_col + 1) if c in mapped]
        if not spanned:
            continue
        if spanned != [cells.min_col]:
            for row in range(cells.min_row, cells.max_row + 1):
                across[row].append(cells)
            continue
        top = sheet.cell(cells.min_row, cells.min_col).value
        for row in range(cells.min_row + 1, cells.max_row + 1):
            merged_down[(row, cells.min_col)] = top
    return merged_down, across


def _sheet_part(archive: zipfile.ZipFile, title: str) -> str | None:
    """The path inside the .xlsx package of the worksheet named ``title``."""
    from xml.etree import ElementTree

    relationship = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    book = "xl/workbook.xml"
    root_rels = ElementTree.fromstring(archive.read("_rels/.rels"))
    for rel in root_rels:
        if rel.get("Type", "").endswith("/officeDocument"):
            book = rel.get("Target", book).lstrip("/")
    folder = posixpath.dirname(book)
    rels_path = posixpath.join(folder, "_rels", posixpath.basename(book) + ".rels")
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in ElementTree.fromstring(archive.read(rels_path))
    }
    for element in ElementTree.fromstring(archive.read(book)).iter():
        if element.tag.endswith("}sheet") and element.get("name") == title:
            target = targets.get(element.get(relationship))
            if not target:
                return None
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join(folder, target))
    return None


def _formulas_without_values(data: bytes, title: str) -> set[tuple[int, int]]:
    """(row, column) of the worksheet's formula cells saved without their result.

    Excel and WPS save each formula's last result with it (``<v>``; an empty text is an empty
    ``<v>`` of a cell typed ``str``); files written by programs (openpyxl among them) often do
    not, and then the cell has no value to import.
    """
    from xml.etree import ElementTree

    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, title)
            if part is None:
                return set()
            xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return set()  # openpyxl read the file; an unusual layout only skips this check
    if not _FORMULA_TAG.search(xml):
        return set()
    found: set[tuple[int, int]] = set()
    try:
        for _event, element in ElementTree.iterparse(io.BytesIO(xml), events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "c":
                children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
                reference = element.get("r")
                if "f" not in children or not reference:
                    continue
                saved = children.get("v")
                # An empty text result is saved as t="str" with an empty <v>; programs that
                # cannot calculate write no <v>, or an empty one without t="str".
                if saved is None or (not saved.text and element.get("t") != "str"):
                    found.add(coordinate_to_tuple(reference))
            elif tag == "row":
                element.clear()
    except (ElementTree.ParseError, ValueError):
        return found
    return found


def _cells_named(cells: list[str]) -> str:
    named: str = joined(cells[:MAX_CELLS_NAMED], "、", ", ")
    if len(cells) > MAX_CELLS_NAMED:
        named = _("{cells} 等 {n} 个单元格", cells=named, n=len(cells))
    return named


def read_table(path: Path, spec: SheetSpec) -> Table:
    """The table of ``spec``'s kind in the workbook at ``path``.

    Raises :class:`SheetError` when the file cannot be read or has no such table, and when
    data rows have cells merged across the sheet's columns or formulas without saved results.
    """
    from openpyxl.utils import get_column_letter

    data = _file_bytes(path)
    workbook, fingerprint = _load(data, path), hashlib.sha256(data).hexdigest()
    sheet, header_row, found, written = _find_header(workbook, spec, path.name)
    doubled = {key: indexes for key, indexes in found.items() if len(indexes) > 1}
    if doubled:
        raise SheetError.of(
            *(
                _(
                    "工作表“{sheet}”第 {row} 行的 {letters} 列都是{column}，请删去或改名多余的列。",
                    sheet=sheet.title,
                    row=header_row,
                    letters=joined((get_column_letter(i + 1) for i in indexes), "、", ", "),
                    column=spec.column(key).also_written(),
                )
                for key, indexes in doubled.items()
            )
        )
    columns = {key: indexes[0] for key, indexes in found.items()}
    keys = {index + 1: key for key, index in columns.items()}

    def named(column: int) -> Text:
        header = written.get(keys[column]) or spec.column(keys[column]).header
        return _column_named(get_column_letter(column), header)

    merged_down, across = _merged_cells(sheet, header_row, set(keys))
    unsaved = _formulas_without_values(data, sheet.title)
    formulas: dict[int, list[str]] = defaultdict(list)
    problems: list[Text] = []
    rows = []
    for number, cells in enumerate(
        sheet.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1
    ):
        values: dict[str, object] = {}
        for key, index in columns.items():
            value = cells[index] if index < len(cells) else None
            if value is None:
                value = merged_down.get((number, index + 1))
            values[key] = value
        if number in across:
            ranges = across[number]
            inside = {c for r in ranges for c in range(r.min_col, r.max_col + 1)}
            outside = [key for column, key in keys.items() if column not in inside]
            if all(is_blank(values[key]) for key in outside):
                continue  # a section title or a footnote
            for cells_range in ranges:
                spanned = joined(
                    (
                        named(c)
                        for c in range(cells_range.min_col, cells_range.max_col + 1)
                        if c in keys
                    ),
                    "、",
                    ", ",
                )
                merged = _(
                    "单元格 {cells} 跨列合并了{columns}，合并的单元格只有一个值，分不出各列的值。"
                    "数据行不能跨列合并，请取消合并，把每个值填在自己的列中后再导入。",
                    cells=cells_range.coord,
                    columns=spanned,
                )
                problems.append(_at_rows(sheet.title, str(number), 1, merged))
            continue
        for column in keys:
            if (number, column) in unsaved:
                formulas[column].append(f"{get_column_letter(column)}{number}")
        if not all(is_blank(value) for value in values.values()):
            rows.append(SheetRow(number, values))
    for column, references in sorted(formulas.items()):
        problems.append(
            n_(
                "工作表“{sheet}”{column}：单元格 {cells} 是公式，"
                "但文件里没有保存公式的计算结果，读不到值。"
                "请先在 Excel 或 WPS 中打开这个文件并保存，"
                "或把这些单元格复制后“选择性粘贴”为数值，再导入。",
                len(references),
                sheet=sheet.title,
                column=named(column),
                cells=_cells_named(references),
            )
        )
    if problems:
        raise SheetError.of(*problems)
    return Table(
        spec=spec,
        sheet=sheet.title,
        header_row=header_row,
        headers=written,
        letters={key: get_column_letter(index + 1) for key, index in columns.items()},
        rows=rows,
        fingerprint=fingerprint,
    )


def read_cells(table: Table, row: SheetRow, problems: Problems) -> dict[str, Any] | None:
    """The row's values read by each present column, or ``None`` if any cell has a problem."""
    values: dict[str, Any] = {}
    failed = False
    for column in table.present:
        try:
            values[column.key] = column.read(row.values.get(column.key))
        except ValueError as exc:
            problems.cell(row.number, column.key, exc.args[0] if exc.args else str(exc))
            failed = True
    return None if failed else values


@dataclass(frozen=True)
class SheetHandler:
    """One kind of sheet: its columns, its import into a session and its rows for export.

    ``import_rows`` changes the session (the caller commits or rolls back) and records every
    row in the plan; ``export_records`` gives the stored values by column key.
    """

    spec: SheetSpec
    import_rows: Callable[[Session, Table, date, Problems, ImportPlan], None]
    export_records: Callable[[Session, date], list[dict[str, Any]]]
