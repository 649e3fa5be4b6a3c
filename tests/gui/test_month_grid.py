"""The month grid at 1366×768: only the month's weeks, as many visits per day as fit with
"等 N 项" last, names elided rather than broken, busy days that look busy, and a moved visit kept
in view and selected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from core.demo.office import create_demo
from core.enums import SchoolKind
from gui.pages.calendar.month_grid import (
    BUSY,
    ENTRIES_ROLE,
    MonthGridDelegate,
    MonthGridModel,
    cell_lines,
    count_text,
    encode_ids,
    grid_days,
    more_text,
)
from tests.conftest import TODAY
from tests.gui.roster_helpers import settle


@dataclass(frozen=True)
class Row:
    id: int
    day: date
    school: str
    inspector: str
    kind_label: str = "经常性督导"
    status_label: str = "计划"


@pytest.mark.parametrize(
    ("year", "month", "weeks"),
    [(2027, 2, 4), (2026, 12, 5), (2026, 11, 6), (2026, 3, 6), (2026, 9, 5)],
)
def test_only_the_weeks_of_the_month_are_drawn(year, month, weeks):
    days = grid_days(year, month)
    assert len(days) == weeks * 7
    assert days[0].weekday() == 0 and days[-1].weekday() == 6
    assert date(year, month, 1) in days
    assert any(d.month == month for d in days[-7:]), "no week of the next month alone"


def test_a_full_cell_keeps_its_last_line_for_the_rest():
    entries = [f"学校{i}（督学）" for i in range(38)]
    assert cell_lines(entries, 5) == [*entries[:4], "等 34 项"]
    assert cell_lines(entries[:3], 5) == entries[:3]
    assert cell_lines(entries[:5], 5) == entries[:5]
    assert cell_lines(entries, 1) == ["等 38 项"]
    assert cell_lines(entries, 0) == []


def _grid(qtbot, rows, year=2026, month=12):
    model = MonthGridModel()
    model.show_month(year, month, rows, frozenset(), date(2026, 12, 2))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(MonthGridDelegate(view))
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.resize(1140, 430)  # the grid's share of a 1366×768 window
    view.show()
    qtbot.waitExposed(view)
    return model, view


def _busy_pixels(view: QTableView, index) -> int:
    image = view.viewport().grab(view.visualRect(index)).toImage()
    return sum(
        1
        for x in range(min(6, image.width()))
        for y in range(image.height())
        if QColor(image.pixel(x, y)) == BUSY
    )


def test_a_busy_day_looks_busier_than_a_quiet_one(qtbot):
    crowded, quiet = date(2026, 12, 8), date(2026, 12, 9)
    rows = [Row(i, crowded, f"青溪县城关镇第{i}中心小学", "李明") for i in range(38)]
    rows += [Row(100 + i, quiet, f"白沙镇{i}小学", "王芳") for i in range(3)]
    model, view = _grid(qtbot, rows)
    assert model.rowCount() == 5
    busy, calm = (
        _busy_pixels(view, model.index_of(crowded)),
        _busy_pixels(view, model.index_of(quiet)),
    )
    assert busy > 5 * calm > 0
    empty = _busy_pixels(view, model.index_of(date(2026, 12, 10)))
    assert empty == 0
    cell = view.visualRect(model.index_of(crowded))
    line = view.fontMetrics().height()
    assert cell.height() >= 4 * line, "a cell holds the day and at least three lines"
    entries = model.index_of(crowded).data(ENTRIES_ROLE)
    assert len(entries) == 38


def test_moving_a_visit_keeps_it_in_view_and_selected(open_window, sqlite_db, qtbot, dialog_log):
    create_demo(sqlite_db, "office", TODAY)
    window = open_window(sqlite_db)
    window.show_page("calendar")
    page = window.pages["calendar"]
    settle(window, qtbot)
    first_day = min(r.day for r in page.visible_rows() if r.status != "done")
    page.grid.setCurrentIndex(page.grid_model.index_of(first_day))
    visit = next(r for r in page.day_model.rows if r.status != "done")
    target = date(2026, 11, 26)
    dialog_log.answer = True
    page.grid_model.dropMimeData(
        encode_ids([visit.id]), Qt.DropAction.MoveAction, -1, -1, page.grid_model.index_of(target)
    )
    settle(window, qtbot)
    assert page.chosen_day() == target
    assert [r.id for r in page.selected_rows()] == [visit.id]
    assert page.day_list.visualRect(page.day_list.selectionModel().selectedRows()[0]).isValid()


def test_the_seven_day_list_says_it_counts_the_week_not_the_month(
    open_window, sqlite_db, qtbot, dialog_log
):
    create_demo(sqlite_db, "office", TODAY)
    window = open_window(sqlite_db)
    window.dashboard.cards["due"].click()
    settle(window, qtbot)
    page = window.pages["calendar"]
    due = len(page.visible_rows())
    assert due > 0
    assert f"待进行的督导 {due} 次" in page.summary.text()
    assert "今天起至 2026-11-08" in page.summary.text()
    assert "本月" not in page.summary.text()
    page.filter_choice.setCurrentIndex(0)
    assert page.summary.text().startswith(f"本月督导 {len(page.visible_rows())} 次")


def test_the_calendar_speaks_english_in_the_english_interface(
    english, open_window, sqlite_db, qtbot
):
    create_demo(sqlite_db, "office", TODAY)
    window = open_window(sqlite_db)
    window.show_page("calendar")
    page = window.pages["calendar"]
    settle(window, qtbot)
    assert page.month_label.text() == "November 2026"
    headers = [page.grid_model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)]
    assert headers == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert [count_text(1), count_text(3), more_text(1)] == ["1 visit", "3 visits", "and 1 more"]
    assert page.summary.text().startswith(f"{len(page.visible_rows())} visits this month")
    page.grid.setCurrentIndex(page.grid_model.index_of(date(2026, 11, 2)))
    assert page.day_title.text() == "2026-11-02 Mon (working day)"
    columns = [page.day_model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert columns == ["School", "Inspector", "Kind", "Status"]
    assert SchoolKind.PRIMARY.label == "Primary school", "core's words follow the interface"
