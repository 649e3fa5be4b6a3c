"""The frame of every list page: title, action buttons, type-to-filter, named filters, one table.

Pages read their rows only while shown (:class:`gui.widgets.lazy.RefreshWhenShown`) and put them in
with :meth:`ListPage.set_rows`; the dashboard's cards open a page with
one of its named filters (:meth:`ListPage.apply_filter`). Buttons made with
``needs_selection=True`` are enabled only while rows are selected. An empty list says what to do
(:meth:`ListPage.set_empty_state`): 正在读取… until the rows come, the page's own sentence and
buttons when there are none, and a button that clears the filters when they hide every row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.search.matching import load_pinyin, pinyin_loaded
from gui.widgets.empty_state import Action, EmptyState
from gui.widgets.lazy import RefreshWhenShown
from gui.widgets.shown_rows import ShownRows
from gui.widgets.table_model import (
    ROW_ROLE,
    Column,
    RowTableModel,
    SortedRows,
    drop,
    prepare_rows,
    sort_rows,
)
from gui.worker import DbWorker

ALL = ""
DROP_ON_THE_WORKER = 5000
"""Rows replaced in a list from this many on are freed on the worker (:func:`drop`)."""
T = TypeVar("T")
SIZING_SAMPLE = 50
"""Rows measured when a list's columns are first sized (the header is measured too): measuring
every row of a county's 1,559 records froze the window for one to two seconds."""


def fit_columns(table: QTableView, sample: int = SIZING_SAMPLE) -> None:
    """Size ``table``'s columns to their headers and the first ``sample`` rows shown.

    Like :meth:`QTableView.resizeColumnsToContents` but bounded: the cost no longer grows with
    the number of rows. The header's own precision is bounded too, for later double-clicks on
    a column's edge. The texts are measured with the font (the cell's padding taken once from
    the view): asking the view for every cell's size hint calls ``data()`` eight times a cell.
    """
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(sample)
    model = table.model()
    rows = min(model.rowCount(), sample)
    grid = 1 if table.showGrid() else 0
    metrics = table.fontMetrics()
    first = model.index(0, 0)
    padding = table.sizeHintForIndex(first).width() - _text_width(metrics, first.data())
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        texts = [model.index(row, column).data() for row in range(rows)]
        widest = max((_text_width(metrics, text) + padding + grid for text in texts), default=0)
        table.setColumnWidth(column, max(header.sectionSizeHint(column), widest))


def _text_width(metrics: QFontMetrics, text: object) -> int:
    """The width of the longest line of a cell's text."""
    lines = str(text or "").split("\n")
    return max(metrics.horizontalAdvance(line) for line in lines)


class ListPage(RefreshWhenShown, QWidget):
    """A page showing one list of rows."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        muted: Callable[[Any], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.actions_bar = QHBoxLayout()
        self._selection_buttons: list[QPushButton] = []
        self._selection_actions: list[QAction] = []
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Type to filter…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_choice = QComboBox()
        self.filter_choice.addItem(self.tr("All"), ALL)
        self._predicates: dict[str, Callable[[Any], bool] | None] = {ALL: None}
        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")

        self.model = RowTableModel(columns, muted, self)
        self.proxy = ShownRows(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZING_SAMPLE)
        self._sized = False
        self._loaded = False
        self._presorted: SortedRows | None = None
        """The order the worker sorted the rows of :meth:`read` in, while they are shown."""
        self.dialog: QWidget | None = None
        self.empty_state = EmptyState(self.table.viewport())
        self._empty_text = self.tr("Nothing here yet.")
        self._empty_actions: list[Action] = []

        self.filter_box.textChanged.connect(self._filter_text)
        self.filter_choice.currentIndexChanged.connect(self._filter_choice)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._kept_ids: set[Any] = set()
        self.proxy.modelAboutToBeReset.connect(self._keep_selection)
        self.proxy.modelReset.connect(self._restore_selection)
        self.proxy.modelReset.connect(self._count)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_box, 2)
        filters.addWidget(self.filter_choice, 1)
        filters.addWidget(self.count_label)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 18, 24, 18)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.summary)
        self.body.addLayout(self.actions_bar)
        self.body.addLayout(filters)
        self.content = QSplitter(Qt.Orientation.Horizontal)
        self.content.setChildrenCollapsible(False)
        self.content.addWidget(self.table)
        self.body.addWidget(self.content, 1)
        self._count()

    def showEvent(self, event: QShowEvent) -> None:
        worker = getattr(self, "worker", None)
        if worker is not None and not pinyin_loaded():
            # Before the page's read: the rows then sort by pinyin without a pause.
            worker.submit(load_pinyin)
        super().showEvent(event)

    def add_button(
        self, text: str, slot: Callable[[], None], *, needs_selection: bool = False
    ) -> QPushButton:
        """Add an action button to the bar above the list."""
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        if needs_selection:
            button.setEnabled(False)
            self._selection_buttons.append(button)
        self.actions_bar.addWidget(button)
        return button

    def add_menu(
        self, text: str, entries: Sequence[tuple[str, Callable[[], None], bool]]
    ) -> dict[str, QAction]:
        """Add a button with a drop-down menu of ``(label, slot, needs_selection)`` entries.

        Returns the menu's actions by label.
        """
        button = QToolButton()
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(button)
        actions = {}
        for label, slot, needs_selection in entries:
            action = menu.addAction(label)
            action.triggered.connect(lambda _=False, slot=slot: slot())
            if needs_selection:
                action.setEnabled(False)
                self._selection_actions.append(action)
            actions[label] = action
        button.setMenu(menu)
        self.actions_bar.addWidget(button)
        return actions

    def finish_actions(self) -> None:
        """Push the buttons to the left (call after the last :meth:`add_button`)."""
        self.actions_bar.addStretch(1)

    def add_filter(self, key: str, label: str, predicate: Callable[[Any], bool]) -> None:
        """Offer a named filter (also the target of a dashboard card)."""
        self._predicates[key] = predicate
        self.filter_choice.addItem(label, key)

    def apply_filter(self, key: str) -> None:
        """Show the rows of the named filter, with the filter box cleared."""
        self.filter_box.clear()
        self.filter_choice.setCurrentIndex(max(0, self.filter_choice.findData(key)))

    def set_empty_state(self, text: str, actions: Sequence[Action] = ()) -> None:
        """What the list says when it has no rows, and the buttons it offers then."""
        self._empty_text = text
        self._empty_actions = list(actions)
        self._count()

    def clear_filters(self) -> None:
        """Show every row: no text filter, the 全部 choice."""
        self.filter_box.clear()
        self.filter_choice.setCurrentIndex(0)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.proxy.set_predicate(predicate)
        self._count()

    def read(
        self,
        job: Callable[[], T],
        rows_of: Callable[[T], Sequence[Any]],
        on_done: Callable[[T], None],
    ) -> None:
        """Run ``job`` on the worker, then ``on_done(result)``, which shows ``rows_of(result)``
        with :meth:`set_rows`. The worker also sorts those rows in the list's order, so that
        showing ten years of records costs the GUI thread no sorting."""
        columns, column = list(self.model.columns), self.proxy.sort_column
        descending = self.proxy.sort_order == Qt.SortOrder.DescendingOrder

        def read_and_sort() -> tuple[T, SortedRows | None]:
            result = job()
            return result, sort_rows(columns, rows_of(result), column, descending)

        def arrived(answer: tuple[T, SortedRows | None]) -> None:
            result, self._presorted = answer
            try:
                on_done(result)
            finally:
                self._presorted = None

        worker: DbWorker = getattr(self, "worker")  # noqa: B009 (pages without one do not read)
        worker.submit(read_and_sort, on_done=arrived)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``, keeping the selection of the same ids where possible."""
        self._loaded = True
        worker = getattr(self, "worker", None)
        retired = self.model.set_rows(
            rows, preparing=worker is not None and bool(rows), presorted=self._presorted
        )
        if worker is not None and len(retired[0]) >= DROP_ON_THE_WORKER:
            worker.submit(lambda: drop(retired))
        self._prepare_rows()
        if not self._sized and rows:
            fit_columns(self.table)
            self._sized = True
        self._count()

    def _prepare_rows(self) -> None:
        """Have the worker make the rows' texts and search keys (pinyin takes ~0.3 ms a name)."""
        worker = getattr(self, "worker", None)
        if worker is None or not self.model.rows:
            return
        model, generation = self.model, self.model.generation
        columns, rows = list(model.columns), list(model.rows)
        worker.submit(
            lambda: prepare_rows(columns, rows),
            on_done=lambda prepared: model.set_prepared(generation, prepared),
        )

    def _keep_selection(self) -> None:
        """Before the shown rows change: remember the ids selected."""
        self._kept_ids = {getattr(r, "id", None) for r in self.selected_rows()} - {None}

    def _restore_selection(self) -> None:
        """After the shown rows changed: select the rows with the ids remembered."""
        if self._kept_ids:
            kept, self._kept_ids = self._kept_ids, set()
            self._select(lambda row: getattr(row, "id", None) in kept)

    def visible_rows(self) -> list[Any]:
        """The rows shown, in the order shown (also those the table has not fetched yet)."""
        return self.proxy.shown_rows()

    def selected_rows(self) -> list[Any]:
        """The rows selected, in the order shown."""
        indexes = sorted(self.table.selectionModel().selectedRows(), key=QModelIndex.row)
        return [index.data(ROW_ROLE) for index in indexes]

    def _one(self) -> Any:
        """The selected row when exactly one is selected, else ``None``."""
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _open(self, dialog: QWidget) -> None:
        """Open ``dialog`` window-modal and keep it as :attr:`dialog` (tests reach it there)."""
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def select_ids(self, ids: Sequence[int]) -> None:
        """Select the rows with these ids (tests and the dashboard's links use this)."""
        self.table.clearSelection()
        wanted = set(ids)
        self._select(lambda row: row.id in wanted)

    def _select(self, wanted: Callable[[Any], bool]) -> None:
        """Select the shown rows for which ``wanted(row)`` holds."""
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for position in self.proxy.position(wanted):
            self.table.selectRow(position)
        self.table.setSelectionMode(mode)

    def _filter_text(self, text: str) -> None:
        self.proxy.set_search(text)
        self._count()

    def _filter_choice(self, _index: int) -> None:
        self.set_predicate(self._predicates.get(self.filter_choice.currentData(), None))

    def _selection_changed(self) -> None:
        has_selection = self.table.selectionModel().hasSelection()
        for button in self._selection_buttons:
            button.setEnabled(has_selection)
        for action in self._selection_actions:
            action.setEnabled(has_selection)
        self.selection_changed()

    def selection_changed(self) -> None:
        """Hook for pages that show details of the selected row."""

    def _count(self) -> None:
        shown, total = self.proxy.shown_count(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))
        if shown:
            self.empty_state.hide()
        elif not self._loaded or self.proxy.waiting:
            self.empty_state.show_message(self.tr("Reading…"))
        elif not total:
            self.empty_state.show_message(self._empty_text, self._empty_actions)
        else:
            self.empty_state.show_message(
                self.tr("No row matches the filters."),
                [(self.tr("Clear filters"), self.clear_filters)],
            )
