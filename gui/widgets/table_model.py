"""One table model for every list: rows are ``core`` dataclasses, columns say how to show them.

:class:`RowTableModel` holds the rows read by the worker and never touches the database;
:class:`RowFilterProxy` adds type-to-filter over every column plus an optional predicate (the
filters behind the dashboard cards), and sorts by :data:`SORT_ROLE` so that dates and numbers sort
as such. Views never create a widget per row.
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

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (after the worker read them)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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


def _sortable(key: Any) -> Any:
    """Qt compares QVariants: dates become ISO text, None sorts first."""
    if key is None:
        return ""
    if isinstance(key, date):
        return key.isoformat()
    return key


class RowFilterProxy(QSortFilterProxyModel):
    """Type-to-filter across every column, narrowed further by an optional row predicate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
        self.predicate: Callable[[Any], bool] | None = None

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
        return super().filterAcceptsRow(source_row, source_parent)
