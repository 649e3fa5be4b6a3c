"""One table model for every list: rows are ``core`` dataclasses, columns say how to show them.

:class:`RowTableModel` holds the rows read by the worker and never touches the database;
:class:`RowFilterProxy` adds type-to-filter over every column plus an optional predicate (the
filters behind the dashboard cards), and sorts by :data:`SORT_ROLE` so that dates and numbers sort
as such and Chinese text in pinyin order. Views never create a widget per row.

Type-to-filter follows :mod:`core.search.matching` (words in any order, pinyin, initials): the
model keeps one search key per row, made from the row's shown texts, so a keystroke only looks
for the words typed. The keys are made off the GUI thread (:func:`row_keys` on the worker, then
:meth:`RowTableModel.set_keys`); a filter typed before they arrive makes the missing ones itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core.search.matching import matches, pinyin_order, query_words, search_key

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
ALERT_COLOUR = QColor("#b42318")
MUTED_COLOUR = QColor("#8a8f98")

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def show_date(day: date | None) -> str:
    """A date as the office writes it (2026-09-01); empty for none."""
    return f"{day:%Y-%m-%d}" if day else ""


@dataclass(frozen=True)
class Column:
    """How one column shows a row: its header, its text, and optionally its sort key and alerts."""

    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False
    alert: Callable[[Any], bool] | None = None
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    """A read-only table of rows; ``muted`` rows (e.g. deactivated schools) are greyed."""

    def __init__(
        self,
        columns: Sequence[Column],
        muted: Callable[[Any], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.muted = muted
        self.rows: list[Any] = []
        self._keys: list[str | None] = []
        self.generation = 0
        """Counts :meth:`set_rows` calls, so keys made for earlier rows are not taken."""

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (after the worker read them)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._keys = [None] * len(self.rows)
        self.generation += 1
        self.endResetModel()

    def set_keys(self, generation: int, keys: list[str]) -> None:
        """Take the search keys :func:`row_keys` made for the rows of ``generation``."""
        if generation == self.generation and len(keys) == len(self.rows):
            self._keys = list(keys)

    def search_key(self, row: int) -> str:
        """What row number ``row`` is found by (its shown texts, with pinyin), made once."""
        key = self._keys[row]
        if key is None:
            key = row_keys(self.columns, [self.rows[row]])[0]
            self._keys[row] = key
        return key

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            key = column.sort(row) if column.sort else column.text(row)
            return _sortable(key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.alert and column.alert(row):
                return QBrush(ALERT_COLOUR)
            if self.muted and self.muted(row):
                return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row) or None
        return None


def row_keys(columns: Sequence[Column], rows: Sequence[Any]) -> list[str]:
    """The search key of each row: its columns' texts with their pinyin (worker-safe)."""
    return [search_key(column.text(row) for column in columns) for row in rows]


def _sortable(key: Any) -> Any:
    """Qt compares QVariants: dates become ISO text, None sorts first, text sorts by pinyin."""
    if key is None:
        return ""
    if isinstance(key, date):
        return key.isoformat()
    if isinstance(key, str):
        return pinyin_order(key)
    return key


class RowFilterProxy(QSortFilterProxyModel):
    """Type-to-filter across every column (or the filter key column, for models other than
    :class:`RowTableModel`), narrowed further by an optional row predicate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.predicate: Callable[[Any], bool] | None = None
        self.words: tuple[str, ...] = ()

    def set_search(self, text: str) -> None:
        """Show only the rows found by ``text`` (see :mod:`core.search.matching`)."""
        words = query_words(text)
        if words == self.words:
            return
        self.beginFilterChange()
        self.words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """Show only rows for which ``predicate(row)`` is true (None: all rows)."""
        self.beginFilterChange()
        self.predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if (
            self.predicate is not None
            and isinstance(model, RowTableModel)
            and not self.predicate(model.rows[source_row])
        ):
            return False
        if not self.words:
            return True
        if isinstance(model, RowTableModel):
            return matches(model.search_key(source_row), self.words)
        key_column = self.filterKeyColumn()
        columns = range(model.columnCount()) if key_column < 0 else [key_column]
        texts = (str(model.index(source_row, c, source_parent).data() or "") for c in columns)
        return matches(search_key(texts), self.words)
