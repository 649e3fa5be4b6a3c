"""An import refused for 250 problems shows them all, with the total, in a scrollable list that
can be copied or saved as a sheet of 工作表/行/列/问题 or as text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from core.roster.schools import school_rows
from core.sheets import write_template
from tests.conftest import TODAY
from tests.gui.roster_helpers import settle

BAD_ROWS = 250


def _bad_sheet(path: Path) -> Path:
    """A schools sheet whose 250 rows each give their enrolment as words."""
    write_template("schools", path)
    workbook = load_workbook(path)
    sheet = workbook.active
    headers = {cell.value: cell.column for cell in sheet[2] if cell.value}
    for number in range(BAD_ROWS):
        row = 3 + number
        sheet.cell(row, headers["学校名称"], f"青溪县第{number + 1}小学")
        sheet.cell(row, headers["在校生数"], "很多")
    workbook.save(path)
    return path


def test_every_problem_is_listed_with_the_total_and_can_be_copied_and_saved(
    window, sqlite_db, qtbot, dialog_log, tmp_path
):
    window.show_page("schools")
    page = window.pages["schools"]
    settle(window, qtbot)
    dialog_log.files.append(_bad_sheet(tmp_path / "学校.xlsx"))
    page.sheets.start_import()
    settle(window, qtbot)
    problems = page.sheets.problems
    assert problems is not None and problems.isVisible()
    count = len(problems.messages)
    assert count >= BAD_ROWS
    assert f"共 {count} 个问题" in problems.heading.text()
    assert "没有保存" in problems.heading.text()
    lines = problems.list.toPlainText().splitlines()
    assert len(lines) == count
    assert lines[-1].startswith(f"{count}. ") and "第 252 行" in lines[-1]
    assert problems.list.verticalScrollBar().maximum() > 0, "the list scrolls"
    screen = problems.screen().availableGeometry()
    assert screen.contains(problems.frameGeometry()) or problems.height() <= screen.height()
    assert school_rows(sqlite_db, TODAY) == []

    problems.copy_button.click()
    copied = QApplication.clipboard().text()
    assert f"共 {count} 个问题" in copied and lines[-1] in copied

    sheet_file = tmp_path / "问题.xlsx"
    dialog_log.files.append(sheet_file)
    problems.save_button.click()
    rows = list(load_workbook(sheet_file).active.iter_rows(values_only=True))
    assert rows[1] == ("序号", "工作表", "行", "列", "问题")
    assert len(rows) == 2 + count
    last = rows[-1]
    assert last[0] == count and last[2] == "252" and "在校生数" in last[3]
    assert "第 252 行" not in last[4], "the place is in its own columns"

    text_file = tmp_path / "问题.txt"
    dialog_log.files.append(text_file)
    problems.save_button.click()
    saved = text_file.read_text(encoding="utf-8-sig").splitlines()
    assert len(saved) == 1 + count and saved[-1] == lines[-1]
    problems.reject()
