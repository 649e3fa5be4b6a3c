"""The 培训 page: yearly hours per inspector against the policy, one course entered for many
inspectors at once, records edited and deleted, and the dashboard's training cards."""

from __future__ import annotations

from datetime import date

from core.roster.training import training_lines, training_summary
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, names, open_demo, press_ok, settle


def _total(db, name):
    return next(t for t in training_summary(db, TODAY) if t.name == name)


def test_one_course_for_three_inspectors_adds_three_records_and_hours(
    open_window, sqlite_db, qtbot, qtmodeltester
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "training")
    qtmodeltester.check(page.model)
    short = [t for t in page.model.rows if t.shortfall > 0]
    assert len(short) >= 3
    chosen = short[:3]
    before = {t.name: t.hours for t in chosen}
    page.select_ids([t.inspector_id for t in chosen])
    page.add_record()
    dialog = page.dialog
    dialog.course.setText("责任督学业务能力提升培训")
    dialog.organizer.setText("市教育督导室")
    dialog.start.set_value(date(2026, 10, 12))
    dialog.end.set_value(date(2026, 10, 16))
    dialog.hours.setValue(40)
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)

    added = [r for r in training_lines(sqlite_db, 2026) if r.course == "责任督学业务能力提升培训"]
    assert sorted(r.inspector for r in added) == sorted(before)
    for name, hours in before.items():
        assert _total(sqlite_db, name).hours == hours + 40
    assert all(t.shortfall == 0 for t in page.model.rows if t.name in before)


def test_bad_training_input_names_the_field(open_window, sqlite_db, qtbot):
    _window, page = open_demo(open_window, sqlite_db, qtbot, "training")
    count = len(training_lines(sqlite_db))
    page.add_record()
    dialog = page.dialog
    dialog.check_all()
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "“培训名称”不能为空" in dialog.errors.text()
    assert "“学时”应大于 0" in dialog.errors.text()
    assert dialog.course.property("invalid") is True
    assert len(training_lines(sqlite_db)) == count


def test_records_of_the_selected_inspector_can_be_edited_and_deleted(
    open_window, sqlite_db, qtbot, dialog_log
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "training")
    first = page.model.rows[0]
    page.select_ids([first.inspector_id])
    qtbot.waitUntil(lambda: page.records_model.rowCount() > 0, timeout=10_000)
    assert {r.inspector for r in page.records_model.rows} == {first.name}
    page.records.selectRow(0)
    record = page.selected_records()[0]
    page.edit_record()
    dialog = page.dialog
    dialog.hours.setValue(record.hours + 2.5)
    press_ok(dialog, qtbot)
    settle(window, qtbot)
    stored = next(r for r in training_lines(sqlite_db) if r.id == record.id)
    assert stored.hours == record.hours + 2.5

    page.records.selectRow(0)
    doomed = page.selected_records()[0]
    page.delete_records()
    settle(window, qtbot)
    assert dialog_log.messages("ask") == ["删除 1 条培训记录？"]
    assert doomed.id not in {r.id for r in training_lines(sqlite_db)}


def test_training_cards_open_the_filtered_list(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "training")
    window.show_page("dashboard")
    window.dashboard.cards["preservice"].click()
    assert window.current_page_id() == "training"
    missing = [t.name for t in training_summary(sqlite_db, TODAY) if t.missing_preservice]
    assert names(page) == missing and len(missing) == 1
    assert window.dashboard.cards["preservice"].figure.text() == "1"
