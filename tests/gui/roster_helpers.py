"""Helpers of the GUI tests: open the demo office, wait for pages, drive form dialogs, drain a
worker before the test's database goes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from core.demo.office import create_demo
from tests.conftest import TODAY


def open_demo(open_window, sqlite_db, qtbot, page_id: str):
    """The demo office's main window showing ``page_id`` with its rows loaded."""
    create_demo(sqlite_db, "office", TODAY)
    window = open_window(sqlite_db)
    window.show_page(page_id)
    page = window.pages[page_id]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not window.worker.busy, timeout=10_000)
    return window, page


def settle(window, qtbot) -> None:
    """Wait until the worker of ``window`` (a window, page or view) has run every queued job
    (and the pages refreshed)."""
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)


def show_read(qtbot, page, width: int, height: int):
    """Show ``page`` at ``width`` × ``height`` and wait until it has read its data; returns it."""
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and not page.worker.busy, timeout=10_000)
    return page


def drain(worker) -> None:
    """Run the worker's jobs and their callbacks to the end, follow-up reads included (a
    fixture's teardown, while the test's database still exists)."""
    for _ in range(20):
        worker.wait_for_done()
        QApplication.processEvents()
        if not worker.busy:
            break


def press_ok(dialog, qtbot) -> None:
    """Click OK and wait for the save to finish (the dialog closes, or shows problems)."""
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    worker = dialog.worker
    qtbot.waitUntil(lambda: closed(dialog) or dialog.buttons.isEnabled(), timeout=10_000)
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)


def closed(dialog) -> bool:
    """Whether ``dialog`` was closed (dialogs are deleted once closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def names(page) -> list[str]:
    """Names of the rows the page shows, in order."""
    return [row.name for row in page.visible_rows()]
