"""The rows a list shows: filtered and sorted by the model itself, handed to the view in chunks.

A :class:`QSortFilterProxyModel` asks Python for every row when it filters (``filterAcceptsRow``)
and for two ``data()`` values at every comparison when it sorts; on ten years of 督导记录
(54,178 rows) that froze the window for seconds. :class:`ShownRows` instead keeps the list of the
source rows shown, in the order shown: a filter is one pass over the rows' precomputed search
keys, a sort one :meth:`list.sort` over the column's sort keys (made once per column), and every
change is one model reset. The view gets :data:`FETCH_CHUNK` rows at a time
(``canFetchMore``/``fetchMore``, asked as the clerk scrolls), so what the table itself does
for ten years is what it does for a month; :meth:`ShownRows.shown_rows` and
:meth:`ShownRows.position` see every row shown, fetched or not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from core.search.matching import query_words
from gui.widgets.table_model import RowTableModel

FETCH_CHUNK = 500
"""Rows handed to the view at a time."""
KEYS_ON_THE_SPOT = 2000
"""Up to this many rows, a filter typed before the worker made the search keys makes them
itself (pinyin takes about 0.3 ms a name); a longer list waits for the worker's."""

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class ShownRows(QAbstractTableModel):
    """The rows of ``source`` that pass the text filter and the predicate, in the sort order."""

    def __init__(self, source: RowTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.words: tuple[str, ...] = ()
        self.predicate: Callable[[Any], bool] | None = None
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []
        """Source row numbers of the rows shown, in the order shown."""
        self._fetched = 0
        self.waiting = False
        """A filter waits for the worker's search keys (and shows no row meanwhile)."""
        self._filtered_by: tuple[int, Callable[[Any], bool] | None] | None = None
        """The rows' generation and the predicate :attr:`_order` was made with: a keystroke
        that only adds to the words typed filters :attr:`_order` further."""
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.prepared.connect(self._keys_arrived)

    # --- what is shown ------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Show only the rows found by ``text`` (see :mod:`core.search.matching`)."""
        words = query_words(text)
        if words == self.words:
            return
        narrower = _narrower(self.words, words) and not self.waiting
        self.words = words
        if narrower and self._filtered_by == (self.source.generation, self.predicate):
            self.beginResetModel()
            self._show(_found(self.source.search_keys(), self._order, words))
        else:
            self._reset()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """Show only rows for which ``predicate(row)`` is true (None: all rows)."""
        self.predicate = predicate
        self._reset()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (the view's header calls this); -1: the source's order."""
        self.sort_column, self.sort_order = column, order
        self._reset()

    def shown_count(self) -> int:
        """How many rows pass the filters (fetched by the view or not)."""
        return len(self._order)

    def shown_rows(self) -> list[Any]:
        """Every row that passes the filters, in the order shown."""
        rows = self.source.rows
        return [rows[i] for i in self._order]

    def position(self, wanted: Callable[[Any], bool]) -> list[int]:
        """The positions of the shown rows for which ``wanted(row)`` holds, fetching up to the
        last of them so that the view can select them."""
        rows = self.source.rows
        found = [p for p, i in enumerate(self._order) if wanted(rows[i])]
        if found and found[-1] >= self._fetched:
            self._fetch_to(found[-1] + 1)
        return found

    # --- fetching -----------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and self._fetched < len(self._order)

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if not parent.isValid():
            self._fetch_to(self._fetched + FETCH_CHUNK)

    def _fetch_to(self, count: int) -> None:
        count = min(count, len(self._order))
        if count > self._fetched:
            self.beginInsertRows(NO_PARENT, self._fetched, count - 1)
            self._fetched = count
            self.endInsertRows()

    # --- the model ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        """As Qt's, without asking Python for the row and column counts (a painted cell is
        one call into Python fewer)."""
        if (
            parent.isValid()
            or not (0 <= row < self._fetched)
            or not (0 <= column < len(self.source.columns))
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return self.source.columnCount(parent)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.source.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._fetched):
            return None
        return self.source.cell(self._order[index.row()], index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a painted cell asks for, in one call into Python instead of one a role."""
        if not index.isValid() or not (0 <= index.row() < self._fetched):
            return
        row, column, cell = self._order[index.row()], index.column(), self.source.cell
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(cell(row, column, roleDataSpan.role()))
            return
        for position in range(roleDataSpan.size()):
            wanted: QModelRoleData = roleDataSpan[position]  # type: ignore[index]  # stubs lack it
            wanted.setData(cell(row, column, wanted.role()))

    # --- recomputing --------------------------------------------------------------------------

    def _reset(self) -> None:
        self.beginResetModel()
        self._source_reset()

    def _source_reset(self) -> None:
        """Filter and sort again (the model reset has begun)."""
        source, words, predicate = self.source, self.words, self.predicate
        order = self._all_sorted()
        if predicate is not None:
            rows = source.rows
            order = [i for i in order if predicate(rows[i])]
        self.waiting = bool(words) and source.preparing and len(order) > KEYS_ON_THE_SPOT
        if self.waiting:
            order = []
        elif words:
            order = _found(source.search_keys(), order, words)
        self._filtered_by = (source.generation, predicate)
        self._show(order)

    def _keys_arrived(self) -> None:
        if self.waiting:
            self._reset()

    def _show(self, order: list[int]) -> None:
        """Show the source rows ``order`` (the model reset has begun)."""
        self._order = order
        self._fetched = min(FETCH_CHUNK, len(order))
        self.endResetModel()

    def _all_sorted(self) -> list[int]:
        """Every source row number in the sort order (the source keeps it per rows and order)."""
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        return self.source.sorted_rows(self.sort_column, descending)


def _found(keys: list[str], order: list[int], words: tuple[str, ...]) -> list[int]:
    """The rows of ``order`` whose search key holds every one of ``words``, one pass a word."""
    for word in words:
        order = [i for i in order if word in keys[i]]
    return order


def _narrower(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether every row found by ``after`` is among those found by ``before``: each word typed
    before is still part of a word now (the clerk typed on)."""
    return len(after) >= len(before) and all(
        old in new for old, new in zip(before, after, strict=False)
    )
