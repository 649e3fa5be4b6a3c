"""The calendar's checks and refusals, which core words, read in English in the English
interface."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from core.demo.office import create_demo
from gui.pages.calendar.month_grid import encode_ids
from gui.pages.calendar.visit_dialog import VisitDialog
from tests.conftest import TODAY
from tests.gui.roster_helpers import press_ok, settle

SATURDAY = date(2026, 11, 7)


@pytest.fixture
def english_calendar(english, open_window, sqlite_db, qtbot):
    """The demo office's calendar in the English interface, November 2026 planned."""
    create_demo(sqlite_db, "office", TODAY)
    window = open_window(sqlite_db)
    window.show_page("calendar")
    page = window.pages["calendar"]
    settle(window, qtbot)
    page.generate()
    settle(window, qtbot)
    return window, page


def test_a_visit_dropped_on_a_day_off_asks_in_english(english_calendar, dialog_log, qtbot):
    window, page = english_calendar
    visit = page.visible_rows()[0]
    dialog_log.answer = False
    page.grid_model.dropMimeData(
        encode_ids([visit.id]), Qt.DropAction.MoveAction, -1, -1, page.grid_model.index_of(SATURDAY)
    )
    settle(window, qtbot)
    question = dialog_log.messages("ask")[-1]
    assert "Sat 2026-11-07 is a weekend, not a working day" in question
    assert "Schedule it on this day anyway?" in question
    assert "周" not in question


def test_a_topic_visit_without_topic_is_refused_in_english(english_calendar, qtbot):
    _window, page = english_calendar
    page.add()
    [dialog] = [d for d in page.findChildren(VisitDialog) if d.isVisible()]
    dialog.kind.setCurrentIndex(dialog.kind.findText("Topic inspection"))
    dialog.topic.setCurrentText("")
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "A topic inspection needs a topic" in dialog.errors.text()
