"""Fixtures for the user-interface tests: the app's look and Chinese translation, a main window
on a fresh database, and recorders in place of the modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from db.engine import Database
from gui import dialogs
from gui.app import apply_look, install_translators
from gui.main_window import MainWindow
from gui.preferences import CHINESE, ENGLISH
from tests.conftest import TODAY
from tests.gui.roster_helpers import drain


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication) -> QApplication:
    """The application as the clerk sees it: bundled font, style sheet, Chinese text."""
    apply_look(qapp)
    install_translators(qapp, CHINESE)
    return qapp


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English interface for one test (core's messages included)."""
    install_translators(qapp, ENGLISH)
    yield
    install_translators(qapp, CHINESE)


class DialogRecorder:
    """Stands in for :mod:`gui.dialogs`: records every message and answers questions."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = True
        self.files: list[Path] = []
        """Answers to the file dialogs, used in order (None when none is left: cancelled)."""

    def messages(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.shown if k == kind]


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    """Replace the modal dialogs by a recorder."""
    log = DialogRecorder()

    def record(kind: str):
        def show(_parent, title, text):
            log.shown.append((kind, title, text))
            return log.answer if kind == "ask" else None

        return show

    for kind in ("ask", "inform", "warn", "critical"):
        monkeypatch.setattr(dialogs, kind, record(kind))

    def choose_file(_parent, title, *_args):
        log.shown.append(("file", title, ""))
        return log.files.pop(0) if log.files else None

    monkeypatch.setattr(dialogs, "open_file", choose_file)
    monkeypatch.setattr(dialogs, "save_file", choose_file)
    monkeypatch.setattr(
        dialogs,
        "environment_error",
        lambda _parent, error: log.shown.append(("environment", "", error.message)),
    )
    return log


def _open_window(qtbot, db: Database) -> MainWindow:
    window = MainWindow(db, today=lambda: TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)
    return window


@pytest.fixture
def open_window(qtbot, dialog_log: DialogRecorder) -> Iterator[Callable[[Database], MainWindow]]:
    """Opens main windows whose dashboards have their figures; waits for their work at the end."""
    opened: list[MainWindow] = []

    def open_on(db: Database) -> MainWindow:
        opened.append(_open_window(qtbot, db))
        return opened[-1]

    yield open_on
    for win in opened:
        # Results delivered now may queue follow-up reads (a selected row's details): run
        # them too while the test's database still exists.
        drain(win.worker)


@pytest.fixture
def window(open_window, db: Database) -> MainWindow:
    """The main window on a fresh database (each engine)."""
    return open_window(db)


@pytest.fixture
def demo_window(open_window, demo_db: Database) -> MainWindow:
    """The main window on the demo office (each engine)."""
    return open_window(demo_db)
