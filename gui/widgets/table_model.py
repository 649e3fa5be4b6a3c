"""One table model for every list: rows are ``core`` dataclasses, columns say how to show them.

:class:`RowTableModel` holds the rows read by the worker and never touches the database;
:class:`RowFilterProxy` adds type-to-filter over every column plus an optional predicate (the
filters behind the dashboard cards), and sorts by :data:`SORT_ROLE` so that dates and numbers sort
as such and Chinese text in pinyin order. Views never create a widget per row.

Type-to-filter follows :mod:`core.search.matching` (words in any order, pinyin, initials): the
model keeps one search key per row, made from the row's shown texts, so a keystroke only looks
for the words typed. The texts and keys are made off the GUI thread (:func:`prepare_rows` on the
worker, then :meth:`RowTableModel.set_prepared`); a filter typed before they arrive makes the
missing ones itself. Long lists show their rows through :class:`gui.widgets.shown_rows.ShownRows`,
which filters and sorts without asking Qt to call back into Python for every row.
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
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from core.search.matching import matches, pinyin_order, query_words, search_key

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
DROP_SLICE = 2000
"""Rows freed at a time by :func:`drop` (about a millisecond)."""
ALERT_COLOUR = QColor("#b42318")
MUTED_COLOUR = QColor("#8a8f98")

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def show_date(day: date | None) -> str:
    """A date as the office writes it (2026-09-01); empty for none."""
    # Not strftime: it imports the time module at each call, through shiboken's import hook.
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}" if day else ""


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

    prepared = Signal()
    """The texts and search keys the worker made for the rows have arrived."""

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
        self._texts: list[list[str | None]] = [[] for _ in self.columns]
        """The rows' shown texts, one list per column (:func:`prepare_rows`)."""
        self._keys: list[str | None] = []
        self._sort_keys: dict[int, list[Any]] = {}
        self._orders: dict[tuple[int, bool], list[int]] = {}
        self.generation = 0
        """Counts :meth:`set_rows` calls, so texts made for earlier rows are not taken."""
        self.preparing = False
        """The worker is making the rows' texts and search keys (:meth:`set_prepared`)."""

    def set_rows(
        self,
        rows: Sequence[Any],
        *,
        preparing: bool = False,
        presorted: SortedRows | None = None,
    ) -> list[list[Any]]:
        """Replace every row (after the worker read them); ``preparing``: the worker is asked to
        make their texts and search keys (:func:`prepare_rows`, then :meth:`set_prepared`);
        ``presorted``: the order the worker sorted ``rows`` in (:func:`sort_rows`).

        Returns the lists the model let go (the previous rows, texts and keys), for the caller
        to free where it suits (:func:`drop`): ten years of them take 25 ms to free.
        """
        retired = [self.rows, *self._texts, self._keys]
        retired += [*self._sort_keys.values(), *self._orders.values()]
        self.beginResetModel()
        self.rows = list(rows)
        self._texts = [[None] * len(self.rows) for _ in self.columns]
        self._keys = [None] * len(self.rows)
        self._sort_keys = {}
        self._orders = {}
        if presorted is not None and presorted.rows is rows:
            self._sort_keys[presorted.column] = presorted.keys
            self._orders[(presorted.column, presorted.descending)] = presorted.order
        self.generation += 1
        self.preparing = preparing
        self.endResetModel()
        return retired

    def set_prepared(self, generation: int, prepared: PreparedRows) -> None:
        """Take the texts and search keys :func:`prepare_rows` made for the rows of
        ``generation``."""
        if generation == self.generation and len(prepared.keys) == len(self.rows):
            self._texts = [list(texts) for texts in prepared.texts]
            self._keys = list(prepared.keys)
            self.preparing = False
            self.prepared.emit()

    def texts(self, row: int) -> tuple[str, ...]:
        """The shown texts of row number ``row``, one per column, made once."""
        return tuple(self.text(row, column) for column in range(len(self.columns)))

    def text(self, row: int, column: int) -> str:
        """The shown text of one cell (the row's texts are made the first time one is asked)."""
        text = self._texts[column][row]
        if text is None:
            for made, texts in zip(
                row_texts(self.columns, self.rows[row]), self._texts, strict=True
            ):
                texts[row] = made
            text = self._texts[column][row]
        return text  # type: ignore[return-value]  # made just above

    def search_key(self, row: int) -> str:
        """What row number ``row`` is found by (its shown texts, with pinyin), made once."""
        key = self._keys[row]
        if key is None:
            key = search_key(self.texts(row))
            self._keys[row] = key
        return key

    def search_keys(self) -> list[str]:
        """Every row's search key (those not made yet are made now)."""
        keys = self._keys
        if None in keys:
            for row, key in enumerate(keys):
                if key is None:
                    self.search_key(row)
        return keys  # type: ignore[return-value]  # none is None any more

    def sort_keys(self, column: int) -> list[Any]:
        """Every row's key for sorting by ``column`` with :func:`sorted`, made once."""
        keys = self._sort_keys.get(column)
        if keys is None:
            texts = self._texts[column]
            if self.columns[column].sort is None and None not in texts:
                keys = order_keys(texts)
            else:
                keys = column_sort_keys(self.columns[column], self.rows)
            self._sort_keys[column] = keys
        return keys

    def sorted_rows(self, column: int, descending: bool) -> list[int]:
        """Every row number in the order of ``column`` (-1: as the rows came), made once."""
        order = self._orders.get((column, descending))
        if order is None:
            if 0 <= column < len(self.columns):
                order = _sorted_order(self.sort_keys(column), descending)
            else:
                order = list(range(len(self.rows)))
            self._orders[(column, descending)] = order
        return order

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
        return self.cell(index.row(), index.column(), role)

    def cell(self, row_number: int, column_number: int, role: int) -> Any:
        """What :meth:`data` answers for one cell and ``role``."""
        row = self.rows[row_number]
        column = self.columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row_number, column_number)
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


@dataclass(frozen=True)
class PreparedRows:
    """The shown texts and search keys of a list's rows, made off the GUI thread.

    The texts are kept one list per column, not one tuple per row: a list of strings costs the
    garbage collector one object, where ten years of records' tuples cost it 54,000 to look at
    on the GUI thread (25 ms).
    """

    texts: list[list[str]]
    keys: list[str]


def row_texts(columns: Sequence[Column], row: Any) -> tuple[str, ...]:
    """The texts ``row`` shows, one per column."""
    return tuple(str(column.text(row)) for column in columns)


def prepare_rows(columns: Sequence[Column], rows: Sequence[Any]) -> PreparedRows:
    """Each row's texts and search key (its texts with their pinyin); worker-safe."""
    texts = [row_texts(columns, row) for row in rows]
    keys = [search_key(t) for t in texts]
    by_column = [list(column) for column in zip(*texts, strict=True)] if texts else []
    return PreparedRows(by_column or [[] for _ in columns], keys)


@dataclass(frozen=True)
class SortedRows:
    """A list's rows in one column's order, found off the GUI thread (:func:`sort_rows`)."""

    rows: Sequence[Any]
    column: int
    descending: bool
    keys: list[Any]
    order: list[int]


def sort_rows(
    columns: Sequence[Column], rows: Sequence[Any], column: int, descending: bool
) -> SortedRows | None:
    """``rows`` in the order of ``column`` (None for -1, the order they came in); worker-safe.

    Sorting ten years of records (54,000 rows) by date takes the GUI thread about 30 ms, a
    noticeable part of showing them; done on the worker with the read, the GUI thread only
    takes the order (:meth:`RowTableModel.set_rows`).
    """
    if not 0 <= column < len(columns):
        return None
    keys = column_sort_keys(columns[column], rows)
    return SortedRows(rows, column, descending, keys, _sorted_order(keys, descending))


def column_sort_keys(column: Column, rows: Sequence[Any]) -> list[Any]:
    """Every row's key for sorting by ``column``: its sort value, else its shown text."""
    if column.sort is not None:
        return order_keys([column.sort(row) for row in rows])
    text = column.text
    return order_keys([str(text(row)) for row in rows])


def _sorted_order(keys: list[Any], descending: bool) -> list[int]:
    return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)


def drop(lists: Sequence[list[Any]]) -> None:
    """Empty ``lists`` a slice at a time (on the worker, for lists :meth:`RowTableModel.set_rows`
    let go): between two slices the GUI thread can take the interpreter, where freeing ten
    years of rows in one go would hold it for 25 ms."""
    for items in lists:
        while items:
            del items[-DROP_SLICE:]


def order_keys(values: list[Any]) -> list[Any]:
    """Keys for :func:`sorted` of a column's ``values``: text in pinyin order, other values as
    such, and ``None`` first. Whole-column passes (this runs on the GUI thread for every row of
    a list)."""
    kinds = set(map(type, values))
    if str in kinds:
        values = [pinyin_order(v) if type(v) is str else v for v in values]
    if type(None) in kinds:
        return [(False, "") if v is None else (True, v) for v in values]
    return values


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
