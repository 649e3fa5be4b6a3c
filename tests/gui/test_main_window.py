"""The main window: navigation to every page, the About box, remembered geometry and page,
backup and restore from the File menu."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import text

from core.overview import compliance
from core.version import app_version
from gui.pages.archives.page import ArchivesPage
from gui.widgets.list_page import ListPage
from tests.conftest import TODAY

NAVIGATION = [
    "工作台",
    "学校",
    "督学",
    "培训",
    "督导日历",
    "督导记录",
    "整改",
    "迎检档案",
    "报表",
    "设置",
]


def test_navigation_lists_every_page_in_chinese(window):
    labels = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert labels == NAVIGATION
    assert window.windowTitle() == "督导工作台"


def test_clicking_each_entry_shows_its_page(window, qtbot):
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert page.isVisible()
        assert window.current_page_id() == list(window.pages)[row]


def test_every_page_is_built(window, qtbot):
    assert isinstance(window.pages["archives"], ArchivesPage)
    window.show_page("archives:overdue")
    page = window.pages["archives"]
    assert isinstance(page, ListPage)
    assert page.filter_choice.currentData() == "overdue"
    qtbot.waitUntil(lambda: page.data is not None and not window.worker.busy, timeout=10_000)


def test_about_box_shows_the_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append((title, text)))
    window.about_action.trigger()
    title, text = shown[0]
    assert title == "关于督导工作台"
    assert app_version() in text
    assert window.db.describe() in text


def test_window_size_and_page_are_remembered(open_window, db):
    first = open_window(db)
    first.resize(780, 700)
    first.show_page("settings")
    first.close()

    second = open_window(db)
    assert second.size() == QSize(780, 700)
    assert second.current_page_id() == "settings"


def test_backup_and_restore_from_the_file_menu(
    open_window, qtbot, sqlite_db, dialog_log, tmp_path, monkeypatch
):
    from core.demo.office import create_demo

    create_demo(sqlite_db, "office")
    window = open_window(sqlite_db)
    backup_file = tmp_path / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup_file), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(dialog_log.messages("inform")), timeout=10_000)
    assert str(backup_file) in dialog_log.messages("inform")[0]
    with sqlite3.connect(backup_file) as conn:
        assert conn.execute("SELECT count(*) FROM schools").fetchone()[0] == 38

    with sqlite_db.session() as session:
        session.execute(text("DELETE FROM assignments"))
    assert len(compliance(sqlite_db, TODAY).uncovered_schools) == 38

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup_file), ""))
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.restore_action.trigger()
    qtbot.waitUntil(lambda: len(dialog_log.messages("inform")) == 2, timeout=10_000)
    assert dialog_log.messages("ask"), "the clerk is asked before the data is replaced"
    assert len(compliance(sqlite_db, TODAY).uncovered_schools) == 1
    assert window.dashboard.cards["uncovered"].figure.text() == "1"


def test_restore_declined_changes_nothing(
    open_window, qtbot, sqlite_db, dialog_log, tmp_path, monkeypatch
):
    window = open_window(sqlite_db)
    dialog_log.answer = False
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "x.db"), "")
    )
    window.restore_action.trigger()
    assert not window.worker.busy, "no restore was queued"
    assert [kind for kind, _title, _text in dialog_log.shown] == ["ask"]


def test_restore_of_a_file_that_is_no_backup_explains_why(
    open_window, qtbot, sqlite_db, dialog_log, tmp_path, monkeypatch
):
    window = open_window(sqlite_db)
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"not a database at all" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(dialog_log.messages("environment")), timeout=10_000)
    assert "不是有效的备份" in dialog_log.messages("environment")[0]


def test_backup_actions_are_off_for_a_server_database(window):
    assert window.backup_action.isEnabled() == window.db.is_sqlite
    assert window.restore_action.isEnabled() == window.db.is_sqlite


def test_the_first_opening_fits_a_1366_by_768_laptop():
    """The available geometry of a 1366×768 screen with a 40 px taskbar."""
    from PySide6.QtCore import QRect

    from gui.main_window import WINDOW_SIZE
    from gui.pdf_preview import FRAME_ALLOWANCE, fit_on_screen, place_on_screen

    available = QRect(0, 0, 1366, 728)
    size = fit_on_screen(available, WINDOW_SIZE)
    assert size.width() == WINDOW_SIZE.width()
    assert size.height() < WINDOW_SIZE.height()
    assert available.contains(place_on_screen(available, size).marginsAdded(FRAME_ALLOWANCE))


def test_the_window_and_its_status_bar_are_on_the_screen(window):
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.top() >= available.top()
    assert frame.bottom() <= available.bottom()
    status = window.statusBar()
    assert status.isVisible()
    assert status.geometry().bottom() < window.height()


def test_a_remembered_size_bigger_than_the_screen_is_shrunk_to_it(open_window, db):
    first = open_window(db)
    first.resize(first.width(), 2000)
    first.move(50, 300)
    first.close()

    second = open_window(db)
    available = second.screen().availableGeometry()
    assert second.frameGeometry().top() >= available.top()
    assert second.frameGeometry().bottom() <= available.bottom()
