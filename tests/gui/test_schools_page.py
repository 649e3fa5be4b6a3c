"""The 学校 page: the demo office's schools, filters, adding and editing with validation,
deactivation that keeps history, and zones."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.overview import compliance
from core.roster.schools import save_zone, school_rows, zone_rows
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, names, open_demo, press_ok, settle


def test_lists_active_schools_and_filters_like_the_dashboard_cards(
    open_window, sqlite_db, qtbot, qtmodeltester
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.proxy.rowCount() == 38
    assert page.count_label.text() == "38 / 共 38"
    assert "城关责任区 10 所" in page.summary.text()

    window.show_page("dashboard")
    window.dashboard.cards["uncovered"].click()
    assert window.current_page_id() == "schools"
    uncovered = compliance(sqlite_db, TODAY).uncovered_schools
    assert names(page) == uncovered and len(uncovered) == 1

    page.apply_filter("kindergartens")
    page.filter_box.setText("民办")
    private = names(page)
    assert len(private) == 5 and all(name.endswith("幼儿园") for name in private)
    page.filter_box.setText("阳光")
    assert names(page) == ["青溪县阳光幼儿园"]


def test_columns_sort_numbers_as_numbers(open_window, sqlite_db, qtbot):
    _window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    students = [c.header for c in page.model.columns].index("在校生数")
    page.table.sortByColumn(students, Qt.SortOrder.DescendingOrder)
    enrolments = [row.enrolment for row in page.visible_rows()]
    assert enrolments == sorted(enrolments, reverse=True)
    assert enrolments[0] == 3260


def test_adding_a_school_with_bad_input_names_the_fields_and_saves_nothing(
    open_window, sqlite_db, qtbot
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    page.add_school()
    dialog = page.dialog
    dialog.name.setText("青溪县城关第一小学")
    dialog.phone.setText("12345")
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "联系电话" in dialog.errors.text()
    assert dialog.phone.property("invalid") is True
    assert len(school_rows(sqlite_db, TODAY)) == 38

    dialog.phone.setText("0738-6123456")
    press_ok(dialog, qtbot)
    assert "已有名为“青溪县城关第一小学”的学校" in dialog.errors.text()
    assert dialog.name.property("invalid") is True

    dialog.name.setText("青溪县城关第三小学")
    dialog.enrolment.setValue(640)
    dialog.zone.setCurrentIndex(dialog.zone.findData("城关责任区"))
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)
    added = next(r for r in school_rows(sqlite_db, TODAY) if r.name == "青溪县城关第三小学")
    assert (added.enrolment, added.zone, added.phone) == (640, "城关责任区", "0738-6123456")
    assert "青溪县城关第三小学" in names(page)
    assert window.dashboard.cards["schools"].figure.text() == "39"


def test_deactivating_keeps_the_school_and_ends_its_assignment(
    open_window, sqlite_db, qtbot, dialog_log
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    page.filter_box.setText("青溪县实验小学")
    page.select_ids([page.visible_rows()[0].id])
    assert page.deactivate_button.isEnabled() and not page.activate_button.isEnabled()
    page.deactivate_button.click()
    settle(window, qtbot)
    assert "停用 1 所学校" in dialog_log.messages("ask")[0]
    row = next(r for r in school_rows(sqlite_db, TODAY) if r.name == "青溪县实验小学")
    assert not row.active and row.inspector == ""
    assert names(page) == []
    page.apply_filter("inactive")
    page.filter_box.setText("")
    assert names(page) == ["青溪县实验小学"]
    assert compliance(sqlite_db, TODAY).schools == 37


def test_zones_can_be_added_but_not_deleted_while_they_hold_schools(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    page.edit_zones()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.zones.count() == 5, timeout=10_000)
    assert "城关责任区（10 所学校） · 责任督学 4 名，按比例应配 3 名" in [
        dialog.zones.item(i).text() for i in range(5)
    ]
    dialog.name.setText("新城责任区")
    dialog._save(None)
    qtbot.waitUntil(lambda: dialog.zones.count() == 6, timeout=10_000)
    dialog.zones.setCurrentRow(0)
    dialog._delete()
    settle(window, qtbot)
    assert "还有 10 所学校" in dialog.errors.text()
    assert dialog.zones.count() == 6
    settle(window, qtbot)
    assert "新城责任区 0 所" in page.summary.text()


def test_a_zone_renamed_elsewhere_meanwhile_refuses_the_older_rename(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    page.edit_zones()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.zones.count() == 5, timeout=10_000)
    dialog.zones.setCurrentRow(0)
    old_name = dialog.name.text()
    zone_id = next(z.id for z in zone_rows(sqlite_db) if z.name == old_name)
    save_zone(sqlite_db, "城关东片", zone_id)  # another clerk, after the list was read
    dialog.name.setText("城关一片")
    dialog.rename_button.click()
    settle(window, qtbot)
    assert "已被他人修改" in dialog.errors.text()
    assert "责任区名称：现在是“城关东片”，您填的是“城关一片”" in dialog.errors.text()
    assert dialog.name.text() == "城关一片", "what was typed stays"
    assert "城关一片" not in [z.name for z in zone_rows(sqlite_db)]


def _sheet(path, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["青溪县学校名册"])
    sheet.merge_cells("A1:D1")
    sheet.append(["学校名称", "类别", "在校生数", "所属责任区"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_import_shows_a_preview_and_saves_only_when_confirmed(
    open_window, sqlite_db, qtbot, dialog_log, tmp_path
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    path = tmp_path / "新学校.xlsx"
    _sheet(
        path,
        [
            ["青溪县城南小学", "小学", "1,200", "城关责任区"],
            ["青溪县城关第一小学", "小学", 1900, "城关责任区"],
        ],
    )
    dialog_log.files.append(path)
    page.sheets.start_import()
    qtbot.waitUntil(lambda: page.sheets.preview is not None, timeout=10_000)
    preview = page.sheets.preview
    text = preview.details.toPlainText()
    assert "+ 第 3 行：青溪县城南小学" in text
    assert "~ 第 4 行：青溪县城关第一小学 — 在校生数：1850 → 1900" in text
    assert len(school_rows(sqlite_db, TODAY)) == 38, "the preview saves nothing"
    preview.accept()
    settle(window, qtbot)
    assert "已保存" in dialog_log.messages("inform")[0]
    rows = {r.name: r for r in school_rows(sqlite_db, TODAY)}
    assert rows["青溪县城南小学"].enrolment == 1200
    assert rows["青溪县城关第一小学"].enrolment == 1900
    assert "青溪县城南小学" in names(page)


def test_a_sheet_with_problems_is_refused_whole(
    open_window, sqlite_db, qtbot, dialog_log, tmp_path
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    path = tmp_path / "有错.xlsx"
    _sheet(
        path,
        [
            ["青溪县城南小学", "小学", 300, "城关责任区"],
            ["青溪县城北小学", "小学", "很多", "城关责任区"],
        ],
    )
    dialog_log.files.append(path)
    page.sheets.start_import()
    settle(window, qtbot)
    problems = page.sheets.problems
    assert problems is not None and problems.isVisible()
    assert problems.heading.text().startswith("没有保存任何数据")
    assert "第 4 行 C 列（在校生数）" in problems.list.toPlainText()
    assert page.sheets.preview is None
    assert "青溪县城南小学" not in {r.name for r in school_rows(sqlite_db, TODAY)}


def test_export_writes_the_list_to_the_chosen_file(
    open_window, sqlite_db, qtbot, dialog_log, tmp_path
):
    from openpyxl import load_workbook

    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    dialog_log.files.append(tmp_path / "学校")
    page.sheets.export()
    settle(window, qtbot)
    assert "已导出 38 行" in dialog_log.messages("inform")[0]
    sheet = load_workbook(tmp_path / "学校.xlsx").active
    values = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {"青溪县实验小学", "城关责任区"} <= values


def test_the_rotation_card_lists_schools_with_the_same_inspector_for_years(
    open_window, sqlite_db, qtbot
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    due = compliance(sqlite_db, TODAY).rotation_due
    assert due, "the demo office has a school due for rotation"
    window.show_page("dashboard")
    card = window.dashboard.cards["rotation"]
    assert card.figure.text() == str(len(due))
    card.click()
    assert window.current_page_id() == "schools"
    assert sorted(names(page)) == sorted(r.school for r in due)
    for row in page.visible_rows():
        assert row.inspector_since <= TODAY.replace(year=TODAY.year - 3)


def test_a_hidden_page_reads_changes_when_shown_again(open_window, sqlite_db, qtbot):
    from core.roster.schools import SchoolInput, save_school

    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    window.show_page("dashboard")
    window.worker.submit(
        lambda: save_school(sqlite_db, SchoolInput(name="青溪县城西小学", zone="城关责任区")),
        changes=frozenset({"schools"}),
    )
    settle(window, qtbot)
    assert window.dashboard.cards["schools"].figure.text() == "39"
    assert page.model.rowCount() == 38, "a hidden list does not read"
    window.show_page("schools")
    qtbot.waitUntil(lambda: page.model.rowCount() == 39, timeout=10_000)
    assert "青溪县城西小学" in names(page)
