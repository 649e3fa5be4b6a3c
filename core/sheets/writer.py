"""Writing a sheet the way an office keeps it: a merged title row, a bold header row, frozen
panes, sensible widths, real date cells, drop-down lists for columns with fixed choices, and a
page set-up that prints on A4 landscape with the header repeated on every page.

Export and template share the layout, so an exported sheet and a filled-in template import the
same way. The file is written next to its destination and then moved into place, so a failed
save never leaves half a workbook behind.

The cells hold the office's words whatever the chosen language (labels are written inside
:func:`core.i18n.chinese_documents`); a refused export or save speaks the chosen language.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import FieldError, ValidationError
from core.i18n import _, chinese_documents
from core.sheets.cells import EXCEL_CELL_MAX, cell_text
from core.sheets.columns import SheetSpec
from core.sheets.reader import reported

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
DATE_FORMAT = "yyyy-mm-dd"
SPARE_ROWS = 500
"""Rows below the data that still get the drop-down lists, for rows the clerk adds."""


def _refuse(message: str) -> ValidationError:
    return ValidationError([FieldError("path", _("文件"), message)])


def _cell_value(value: Any) -> Any:
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fill_rows(sheet: Worksheet, spec: SheetSpec, records: Sequence[Mapping[str, Any]]) -> None:
    with chinese_documents():
        rows = [
            [_cell_value(column.to_cell(record.get(column.key))) for column in spec.columns]
            for record in records
        ]
    too_long: list[str] = []
    for row, values in enumerate(reported(rows), start=FIRST_DATA_ROW):
        for index, (column, value) in enumerate(zip(spec.columns, values, strict=True), start=1):
            if isinstance(value, str) and len(value) > EXCEL_CELL_MAX:
                too_long.append(
                    _(
                        "第 {row} 行（{who}）“{header}”有 {length} 个字，超过 Excel 单元格"
                        "最多能放的 {most} 个字，导出会被截断。请先在软件中删减这段文字。",
                        row=row,
                        who=cell_text(values[0]),
                        header=column.header,
                        length=len(value),
                        most=EXCEL_CELL_MAX,
                    )
                )
                continue
            cell = sheet.cell(row, index, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as a note beginning with "=" is not a formula
            if column.is_date:
                cell.number_format = DATE_FORMAT
    if too_long:
        raise ValidationError([FieldError("export", _("导出"), message) for message in too_long])


def _dropdowns(sheet: Worksheet, spec: SheetSpec, last_row: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(spec.columns, start=1):
        if not column.choices:
            continue
        letter = get_column_letter(index)
        # A warning rather than a stop: clerks may type a synonym (特教, 职高) that imports fine.
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(column.choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=column.header,
            error=f"请从下拉列表中选择：{'、'.join(column.choices)}",
        )
        validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
        sheet.add_data_validation(validation)


def _layout(sheet: Worksheet, spec: SheetSpec, title: str, data_rows: int) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(spec.columns))
    sheet.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    heading = sheet.cell(TITLE_ROW, 1, title)
    heading.font = Font(bold=True, size=14)
    heading.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[TITLE_ROW].height = 30

    thin = Side(style="thin", color="999999")
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(HEADER_ROW, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if column.comment:
            cell.comment = Comment(column.comment, "督导工作台", width=320, height=90)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 22

    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 2)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(HEADER_ROW, HEADER_ROW + data_rows)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    _dropdowns(sheet, spec, HEADER_ROW + data_rows + SPARE_ROWS)


def build_workbook(
    spec: SheetSpec, title: str, records: Sequence[Mapping[str, Any]] = ()
) -> Workbook:
    """A workbook of one sheet named after ``spec`` holding ``records`` (none for a template)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = spec.title
    _layout(sheet, spec, title, len(records))
    _fill_rows(sheet, spec, records)
    return workbook


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save as ``path`` (.xlsx); a ValidationError naming the file or folder if that fails."""
    if path.suffix.lower() != ".xlsx":
        raise _refuse(_("“{name}”应以 .xlsx 结尾（Excel 工作簿）", name=path.name))
    folder = path.parent
    if not folder.is_dir():
        raise _refuse(_("要保存到的文件夹不存在：{folder}", folder=folder))
    temporary = folder / f"~{path.stem}.{uuid.uuid4().hex[:8]}.xlsx"
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _refuse(
            _(
                "无法保存“{name}”：文件可能正在 Excel 或 WPS 中打开，或没有写入权限"
                "（{reason}）。请关闭这个文件后重试，或换一个文件名。",
                name=path.name,
                reason=exc.strerror or exc,
            )
        ) from None
