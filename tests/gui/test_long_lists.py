"""A long list (ten years of 督导记录) shows its first rows at once and the rest as the clerk
scrolls; filtering, sorting and the selection behave as on a short list; the worker, not the
GUI thread, sorts the rows it read and frees the rows let go."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from gui.widgets.list_page import DROP_ON_THE_WORKER, ListPage
from gui.widgets.shown_rows import FETCH_CHUNK, KEYS_ON_THE_SPOT
from gui.widgets.table_model import ALERT_COLOUR, Column, show_date
from gui.worker import DbWorker

SCHOOLS = ("青溪县城关中学", "青溪县白沙小学", "青溪县阳光幼儿园", "青溪县河口小学")


@dataclass(frozen=True)
class Row:
    id: int
    day: date
    school: str
    filed_on: date | None


class Page(ListPage):
    def refresh(self, changes=None) -> None:
        """Rows come from the test."""


class WorkerPage(Page):
    """A page whose rows' search keys are made on a worker, as the app's pages do."""

    worker: DbWorker


def _rows(count: int) -> list[Row]:
    first = date(2016, 11, 1)
    return [
        Row(
            i,
            first + timedelta(days=i % 3650),
            SCHOOLS[i % len(SCHOOLS)],
            None if i % 5 == 0 else first + timedelta(days=i % 3650 + 3),
        )
        for i in range(count)
    ]


def _page(qtbot, rows: list[Row]) -> Page:
    page = Page(
        "督导记录",
        [
            Column("日期", lambda r: show_date(r.day), lambda r: r.day),
            Column("学校", lambda r: r.school),
            Column("填报日期", lambda r: show_date(r.filed_on), lambda r: r.filed_on),
        ],
    )
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.set_rows(rows)
    return page


def test_a_long_list_gives_the_table_its_rows_a_chunk_at_a_time(qtbot, qtmodeltester):
    rows = _rows(3 * FETCH_CHUNK + 7)
    page = _page(qtbot, rows)
    assert page.proxy.rowCount() == FETCH_CHUNK
    assert page.count_label.text().count(str(len(rows))) == 2
    # Every row counts as shown, fetched or not.
    assert len(page.visible_rows()) == len(rows)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.proxy.rowCount() > FETCH_CHUNK)
    qtmodeltester.check(page.proxy)


def test_sorting_and_filtering_a_long_list_see_every_row(qtbot):
    rows = _rows(2 * FETCH_CHUNK)
    page = _page(qtbot, rows)
    shown = page.visible_rows()
    assert [r.day for r in shown] == sorted(r.day for r in rows)
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.visible_rows()[0].day == max(r.day for r in rows)
    # Not filed sorts first, then by the day filed.
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    filed = [r.filed_on for r in page.visible_rows()]
    unfiled = sum(1 for r in rows if r.filed_on is None)
    assert filed[:unfiled] == [None] * unfiled
    assert filed[unfiled:] == sorted(d for d in filed if d is not None)
    # Typing on narrows what was found; deleting widens it again.
    page.filter_box.setText("hk")
    assert {r.school for r in page.visible_rows()} == {"青溪县河口小学"}
    page.filter_box.setText("hkx")
    assert {r.school for r in page.visible_rows()} == {"青溪县河口小学"}
    page.filter_box.setText("hkz")
    assert page.visible_rows() == []
    page.filter_box.setText("xiaoxue")
    assert {r.school for r in page.visible_rows()} == {"青溪县白沙小学", "青溪县河口小学"}
    assert page.proxy.shown_count() == len(rows) // 2


def test_the_selection_survives_filtering_and_a_new_read(qtbot):
    rows = _rows(3 * FETCH_CHUNK)
    page = _page(qtbot, rows)
    last = max(rows, key=lambda r: (r.day, r.id))
    # A row beyond the rows fetched is fetched to be selected.
    page.select_ids([last.id])
    assert page.selected_rows() == [last]
    page.filter_box.setText(last.school)
    assert page.selected_rows() == [last]
    page.set_rows(list(reversed(rows)))
    assert page.selected_rows() == [last]
    page.filter_box.setText("幼儿园" if "幼儿园" not in last.school else "中学")
    assert page.selected_rows() == []


def test_a_filter_on_a_long_list_waits_for_the_worker_s_search_keys(qtbot):
    rows = _rows(KEYS_ON_THE_SPOT + 1)
    worker = DbWorker()
    page = WorkerPage(
        "督导记录",
        [
            Column("日期", lambda r: show_date(r.day), lambda r: r.day),
            Column("学校", lambda r: r.school),
        ],
    )
    page.worker = worker
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.filter_box.setText("hkxx")
    page.set_rows(rows)
    # The keys are made on the worker: meanwhile the list says it is reading.
    assert page.proxy.waiting and page.visible_rows() == []
    assert page.empty_state.isVisible()
    qtbot.waitUntil(lambda: not worker.busy)
    assert not page.proxy.waiting and not page.empty_state.isVisible()
    assert {r.school for r in page.visible_rows()} == {"青溪县河口小学"}
    assert len(page.visible_rows()) == sum(1 for r in rows if r.school == "青溪县河口小学")


def _worker_page(qtbot, columns: list[Column]) -> WorkerPage:
    page = WorkerPage("督导记录", columns)
    page.worker = DbWorker()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_rows_read_through_the_page_come_sorted_from_the_worker(qtbot):
    """Showing ten years of records costs the GUI thread no sorting: the worker sorted them."""
    gui_thread = threading.get_ident()
    sorted_on: set[int] = set()

    def day(row: Row) -> date:
        sorted_on.add(threading.get_ident())
        return row.day

    page = _worker_page(
        qtbot,
        [Column("日期", lambda r: show_date(r.day), day), Column("学校", lambda r: r.school)],
    )
    rows = _rows(2 * FETCH_CHUNK)
    shown: list[list[Row]] = []
    page.read(lambda: {"rows": rows}, lambda data: data["rows"], lambda d: page.set_rows(d["rows"]))
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows))
    shown.append(page.visible_rows())
    assert [r.day for r in shown[0]] == sorted(r.day for r in rows)
    assert sorted_on and gui_thread not in sorted_on
    # Sorted the other way round, the next read is sorted the other way round on the worker too.
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    sorted_on.clear()
    page.read(lambda: list(rows), lambda data: data, page.set_rows)
    qtbot.waitUntil(lambda: not page.worker.busy)
    assert [r.day for r in page.visible_rows()] == sorted((r.day for r in rows), reverse=True)
    assert gui_thread not in sorted_on


def test_the_rows_a_long_list_lets_go_are_freed_on_the_worker(qtbot):
    page = _worker_page(qtbot, [Column("学校", lambda r: r.school)])
    old = _rows(DROP_ON_THE_WORKER)
    freed_on: set[int] = set()
    for row in old[:: len(old) // 10]:
        weakref.finalize(row, lambda: freed_on.add(threading.get_ident()))
    page.set_rows(old)
    del old
    new = _rows(DROP_ON_THE_WORKER)[:10]
    page.set_rows(new)
    qtbot.waitUntil(lambda: not page.worker.busy)
    assert len(freed_on) == 1 and threading.get_ident() not in freed_on
    assert sorted(page.visible_rows(), key=lambda r: r.id) == new


def test_a_painted_cell_shows_its_text_and_its_alert(qtbot):
    """The table asks for every role of a cell in one call (multiData), as painting does."""
    page = _page(qtbot, _rows(10))
    page.model.columns[2] = Column(
        "填报日期", lambda r: show_date(r.filed_on), alert=lambda r: r.filed_on is None
    )
    delegate = QStyledItemDelegate()
    for position, row in enumerate(page.visible_rows()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, page.proxy.index(position, 2))
        assert option.text == show_date(row.filed_on)
        colour = option.palette.color(QPalette.ColorRole.Text)
        assert (colour == ALERT_COLOUR) == (row.filed_on is None)
    assert not page.proxy.index(10, 0).isValid() and not page.proxy.index(0, 3).isValid()
