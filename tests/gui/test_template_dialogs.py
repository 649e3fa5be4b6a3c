"""The 模板 tab as the clerk uses it: editing a template's items (add, add below in the same
group, move, remove, the 必备 tick, retention), a refusal naming the item row with nothing saved
and nothing typed lost, copying, deleting, and sharing a template through Excel (export, then
import under another name because the name is taken)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.archive.templates import (
    ItemInput,
    TemplateInput,
    save_template,
    template_input,
    template_rows,
)
from db.engine import Database
from gui.pages.archives.template_dialogs import TemplateDialog
from gui.pages.archives.template_list_view import TemplateListView
from gui.worker import DbWorker
from tests.gui.roster_helpers import closed, drain, press_ok, settle

SCHOOL_ARCHIVE = TemplateInput(
    name="学校迎检档案",
    description="优质均衡迎检用",
    items=(
        ItemInput("办学条件", "校舍产权证明", True, "房产证或土地证复印件", "永久"),
        ItemInput("办学条件", "教学仪器设备台账", True, "台账及近三年增补记录", "10年"),
        ItemInput("教师队伍", "教师花名册", True, "在编在岗教师名单", "10年"),
        ItemInput("教师队伍", "教师培训记录", False, "继续教育学时登记", "10年"),
    ),
)


@pytest.fixture
def template_id(sqlite_db: Database) -> int:
    return save_template(sqlite_db, SCHOOL_ARCHIVE)


@pytest.fixture
def view(qtbot, sqlite_db: Database, dialog_log) -> Iterator[TemplateListView]:
    """The templates tab on the office's database, shown and read."""
    tab = TemplateListView(sqlite_db, DbWorker())
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded and not tab.worker.busy, timeout=10_000)
    yield tab
    drain(tab.worker)


def open_dialog(view: TemplateListView, qtbot, action) -> TemplateDialog:
    view.dialog = None
    action()
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=10_000)
    assert view.dialog is not None
    return view.dialog


def select(view: TemplateListView, name: str) -> None:
    view.select_ids([r.id for r in view.model.rows if r.name == name])


def test_the_list_shows_each_template_with_its_items(view, template_id, qtmodeltester, qtbot):
    view.refresh()
    settle(view, qtbot)
    qtmodeltester.check(view.model)
    (row,) = view.model.rows
    assert (row.name, row.item_count, row.required_count) == ("学校迎检档案", 4, 3)
    assert view.model.index(0, 2).data() == "4"
    assert view.model.index(0, 4).data() == ""  # the office's own, not shipped
    assert view.model.index(0, 5).data() == "全部学校（园）"  # names no kind: for every school


def test_editing_a_template_adds_moves_and_removes_items(
    view, template_id, sqlite_db, qtbot, qtmodeltester
):
    view.refresh()
    settle(view, qtbot)
    select(view, "学校迎检档案")
    dialog = open_dialog(view, qtbot, view.edit_template)
    model = dialog.model
    qtmodeltester.check(model)
    assert [r.title for r in model.rows] == [i.title for i in SCHOOL_ARCHIVE.items]

    # 在下方添加: below 教师花名册, in its group 教师队伍.
    dialog.items.select_row(2)
    dialog.items.add_row_below()
    assert model.rows[3].group == "教师队伍"
    model.setData(model.index(3, 1), "师德师风档案")
    model.setData(model.index(3, 2), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(3, 3), "师德考核表")
    model.setData(model.index(3, 4), "30年")
    # 添加: a new group at the end.
    dialog.items.add_row()
    model.setData(model.index(5, 0), "安全工作")
    model.setData(model.index(5, 1), "安全应急预案")
    # Move 教师培训记录 (now row 4) above 师德师风档案, and the new item to the top.
    dialog.items.select_row(4)
    dialog.items.move_row(-1)
    dialog.items.select_row(5)
    for _ in range(5):
        dialog.items.move_row(-1)
    assert not dialog.items.up_button.isEnabled()
    # Remove 教学仪器设备台账 and make 教师花名册 optional.
    dialog.items.select_row(2)
    dialog.items.remove_row()
    model.setData(model.index(2, 2), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    dialog.name.setText("学校迎检档案（2026）")

    with qtbot.waitSignal(view.templatesChanged, timeout=10_000):
        press_ok(dialog, qtbot)
    assert closed(dialog)

    saved = template_input(sqlite_db, template_id)
    assert saved.name == "学校迎检档案（2026）"
    assert saved.items == (
        ItemInput("安全工作", "安全应急预案", True, "", ""),
        ItemInput("办学条件", "校舍产权证明", True, "房产证或土地证复印件", "永久"),
        ItemInput("教师队伍", "教师花名册", False, "在编在岗教师名单", "10年"),
        ItemInput("教师队伍", "教师培训记录", False, "继续教育学时登记", "10年"),
        ItemInput("教师队伍", "师德师风档案", False, "师德考核表", "30年"),
    )
    settle(view, qtbot)
    assert [(r.name, r.item_count, r.required_count) for r in view.model.rows] == [
        ("学校迎检档案（2026）", 5, 2)
    ]


def test_a_refused_template_names_the_row_and_keeps_what_was_typed(
    view, template_id, sqlite_db, qtbot
):
    view.refresh()
    settle(view, qtbot)
    select(view, "学校迎检档案")
    dialog = open_dialog(view, qtbot, view.edit_template)
    dialog.items.select_row(1)
    dialog.items.add_row_below()  # row 3 of the list, left without a title
    dialog.model.setData(dialog.model.index(2, 3), "照片若干")
    dialog.name.setText("改过的名称")

    press_ok(dialog, qtbot)

    assert dialog.isVisible()
    assert "第3项" in dialog.errors.text()
    assert dialog.model.marked == {2}
    assert dialog.items.current_row() == 2
    assert dialog.name.text() == "改过的名称"
    assert dialog.model.rows[2].evidence == "照片若干"
    assert len(dialog.model.rows) == 5
    assert template_input(sqlite_db, template_id) == SCHOOL_ARCHIVE

    dialog.model.setData(dialog.model.index(2, 1), "校园平面图")
    press_ok(dialog, qtbot)
    assert closed(dialog)
    assert [i.title for i in template_input(sqlite_db, template_id).items][2] == "校园平面图"


def test_a_new_template_with_a_name_in_use_is_refused(view, template_id, sqlite_db, qtbot):
    dialog = open_dialog(view, qtbot, view.new_template)
    dialog.name.setText("学校迎检档案")
    dialog.items.add_row()
    dialog.model.setData(dialog.model.index(0, 1), "学校章程")

    press_ok(dialog, qtbot)

    assert dialog.isVisible()
    assert "学校迎检档案" in dialog.errors.text()
    assert dialog.name.property("invalid") is True
    assert len(template_rows(sqlite_db)) == 1


def test_copy_makes_a_new_template_with_the_same_items(view, template_id, sqlite_db, qtbot):
    view.refresh()
    settle(view, qtbot)
    select(view, "学校迎检档案")
    dialog = open_dialog(view, qtbot, view.copy_template)
    assert dialog.name.text() != "学校迎检档案"
    assert dialog.name.text().startswith("学校迎检档案")

    press_ok(dialog, qtbot)

    rows = template_rows(sqlite_db)
    assert len(rows) == 2
    copy = next(r for r in rows if r.id != template_id)
    assert template_input(sqlite_db, copy.id).items == SCHOOL_ARCHIVE.items


def test_export_then_import_under_another_name_gives_the_same_items(
    view, template_id, sqlite_db, qtbot, dialog_log, tmp_path: Path
):
    view.refresh()
    settle(view, qtbot)
    select(view, "学校迎检档案")
    sheet = tmp_path / "学校迎检档案"
    dialog_log.files = [sheet]
    view.export_template()
    settle(view, qtbot)
    written = tmp_path / "学校迎检档案.xlsx"
    assert written.exists()
    assert str(written) in dialog_log.messages("inform")[-1]

    # The name is taken: the clerk agrees to import under another name and saves.
    dialog_log.files = [written]
    dialog = open_dialog(view, qtbot, view.import_template)
    assert dialog_log.messages("ask")
    assert dialog.name.text().startswith("学校迎检档案")
    assert dialog.name.text() != "学校迎检档案"
    with qtbot.waitSignal(view.templatesChanged, timeout=10_000):
        press_ok(dialog, qtbot)

    rows = template_rows(sqlite_db)
    assert len(rows) == 2
    imported = next(r for r in rows if r.id != template_id)
    data = template_input(sqlite_db, imported.id)
    assert data.items == SCHOOL_ARCHIVE.items
    assert data.description == SCHOOL_ARCHIVE.description


def test_deleting_then_importing_saves_the_sheet_at_once(
    view, template_id, sqlite_db, qtbot, dialog_log, tmp_path: Path
):
    view.refresh()
    settle(view, qtbot)
    select(view, "学校迎检档案")
    dialog_log.files = [tmp_path / "share.xlsx"]
    view.export_template()
    settle(view, qtbot)

    with qtbot.waitSignal(view.templatesChanged, timeout=10_000):
        view.delete_template()
        settle(view, qtbot)
    assert template_rows(sqlite_db) == []
    settle(view, qtbot)
    assert view.model.rows == []

    dialog_log.files = [tmp_path / "share.xlsx"]
    with qtbot.waitSignal(view.templatesChanged, timeout=10_000):
        view.import_template()
        qtbot.waitUntil(lambda: len(template_rows(sqlite_db)) == 1, timeout=10_000)
    settle(view, qtbot)
    (row,) = template_rows(sqlite_db)
    assert template_input(sqlite_db, row.id) == SCHOOL_ARCHIVE
    assert "学校迎检档案" in dialog_log.messages("inform")[-1]


def test_a_sheet_with_problems_is_refused_by_row(view, sqlite_db, qtbot, dialog_log, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["自制清单"])
    sheet.append(["分组", "项目", "必备"])
    sheet.append(["办学条件", "校舍产权证明", "是"])
    sheet.append(["办学条件", "", "也许"])
    path = tmp_path / "自制清单.xlsx"
    book.save(path)

    dialog_log.files = [path]
    view.import_template()
    settle(view, qtbot)

    (warning,) = dialog_log.messages("warn")
    assert "4" in warning
    assert template_rows(sqlite_db) == []


def test_the_school_kinds_ticked_are_saved_and_shown(view, template_id, sqlite_db, qtbot):
    view.refresh()
    settle(view, qtbot)
    select(view, "学校迎检档案")
    dialog = open_dialog(view, qtbot, view.edit_template)
    assert not any(box.isChecked() for box in dialog.kinds.values())
    dialog.kinds["primary"].setChecked(True)
    dialog.kinds["junior"].setChecked(True)
    press_ok(dialog, qtbot)
    assert closed(dialog)
    assert template_input(sqlite_db, template_id).school_kinds == ("primary", "junior")
    settle(view, qtbot)
    qtbot.waitUntil(lambda: view.model.index(0, 5).data() == "小学、初中", timeout=10_000)
    again = open_dialog(view, qtbot, view.edit_template)
    assert [c for c, box in again.kinds.items() if box.isChecked()] == ["primary", "junior"]
    again.reject()
