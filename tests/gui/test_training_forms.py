"""The 培训 page's choice of the forms that count toward the yearly hours: the plans count
集中培训 ("集中培训累计不少于40学时"); the office may tick others, and the figures follow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.roster.training import load_counted_forms, training_summary
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, open_demo, press_ok, settle


def test_unticking_online_study_takes_its_hours_out_of_the_yearly_figures(
    open_window, sqlite_db, qtbot
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "training")
    assert "online" in load_counted_forms(sqlite_db)
    before = {t.name: t.hours for t in training_summary(sqlite_db, TODAY)}
    page.choose_counted_forms()
    dialog = page.dialog
    assert dialog.boxes["centralized"].isChecked() and dialog.boxes["online"].isChecked()
    dialog.boxes["online"].setChecked(False)
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)
    assert "online" not in load_counted_forms(sqlite_db)
    after = {t.name: t for t in training_summary(sqlite_db, TODAY)}
    for name, total in after.items():
        assert total.hours == round(before[name] - total.by_form.get("online", 0.0), 1)
    qtbot.waitUntil(lambda: "网络培训" not in page.summary.text(), timeout=10_000)
    assert "计入集中培训" in page.summary.text()
    row = next(r for r in page.model.rows if r.by_form.get("online"))
    column = next(
        c for c in range(page.model.columnCount())
        if "各形式学时" in str(page.model.headerData(c, Qt.Orientation.Horizontal))
    )  # fmt: skip
    index = page.model.index(page.model.rows.index(row), column)
    assert "网络培训*" in index.data()


def test_no_form_ticked_is_refused_and_nothing_changes(open_window, sqlite_db, qtbot):
    _window, page = open_demo(open_window, sqlite_db, qtbot, "training")
    before = load_counted_forms(sqlite_db)
    page.choose_counted_forms()
    dialog = page.dialog
    for box in dialog.boxes.values():
        box.setChecked(False)
    press_ok(dialog, qtbot)
    assert not closed(dialog)
    assert "至少要选一种" in dialog.errors.text()
    assert load_counted_forms(sqlite_db) == before
    dialog.reject()
