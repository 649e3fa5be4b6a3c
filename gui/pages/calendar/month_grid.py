"""The calendar page's month grid: six weeks of seven days, each cell listing its visits.

:class:`MonthGridModel` is a table model over plain rows (the visits the page's filters let
through) and the month's day kinds; it never touches the database. A cell shows the day number
and its first visits ("学校（督学）"), then "等 N 项"; its tooltip lists them all. Days off are
shaded, today is marked. The grid accepts visits dragged from the day list
(:class:`DayVisitsModel`) and reports the drop as :attr:`MonthGridModel.visits_dropped`; the page
checks and saves the move.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from core.office.workdays import WEEKDAYS
from gui.widgets.table_model import NO_PARENT, Column, Index, RowTableModel

VISIT_MIME = "application/x-supervision-visit-ids"
LINES_PER_CELL = 4
DAY_OFF = QColor("#eef0f3")
TODAY = QColor("#fff4d6")
OTHER_MONTH = QColor("#a0a6ae")
DAY_ROLE = Qt.ItemDataRole.UserRole + 10


def encode_ids(ids: Sequence[int]) -> QMimeData:
    """Visit ids as drag-and-drop data."""
    mime = QMimeData()
    mime.setData(VISIT_MIME, QByteArray(",".join(map(str, ids)).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    """The visit ids carried by drag-and-drop data ([] for anything else)."""
    if not mime.hasFormat(VISIT_MIME):
        return []
    text = bytes(mime.data(VISIT_MIME).data()).decode()
    return [int(part) for part in text.split(",") if part.isdigit()]


def grid_days(year: int, month: int) -> list[date]:
    """The 42 days shown for a month: from the Monday on or before the 1st."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=i) for i in range(42)]


class MonthGridModel(QAbstractTableModel):
    """Six weeks × seven days of a month's visits."""

    visits_dropped = Signal(list, object)
    """Visit ids dropped on a day."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = 2000, 1
        self.days = grid_days(2000, 1)
        self.today: date | None = None
        self.days_off: frozenset[date] = frozenset()
        self.by_day: dict[date, list[Any]] = {}

    def show_month(
        self,
        year: int,
        month: int,
        rows: Sequence[Any],
        days_off: frozenset[date],
        today: date,
    ) -> None:
        """Show ``rows`` (objects with ``day``, ``school`` and ``inspector``) in the month."""
        self.beginResetModel()
        self.year, self.month = year, month
        self.days = grid_days(year, month)
        self.days_off = days_off
        self.today = today
        by_day: dict[date, list[Any]] = defaultdict(list)
        for row in rows:
            by_day[row.day].append(row)
        self.by_day = dict(by_day)
        self.endResetModel()

    def day_at(self, index: Index) -> date | None:
        """The day of a cell."""
        if not index.isValid():
            return None
        return self.days[index.row() * 7 + index.column()]

    def index_of(self, day: date) -> QModelIndex:
        """The cell of a day shown ("" index if the day is not in the grid)."""
        if day not in self.days:
            return QModelIndex()
        position = self.days.index(day)
        return self.index(position // 7, position % 7)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return WEEKDAYS[section] if 0 <= section < 7 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.day_at(index)
        if day is None:
            return None
        visits = self.by_day.get(day, [])
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [f"{row.school}（{row.inspector}）" for row in visits[:LINES_PER_CELL]]
            if len(visits) > LINES_PER_CELL:
                lines[-1] = f"等 {len(visits) - LINES_PER_CELL + 1} 项…"
            return "\n".join([str(day.day), *lines])
        if role == Qt.ItemDataRole.ToolTipRole:
            if not visits:
                return None
            return "\n".join(
                f"{row.school}（{row.inspector}，{row.kind_label}，{row.status_label}）"
                for row in visits
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if day == self.today:
                return QBrush(TODAY)
            if day in self.days_off:
                return QBrush(DAY_OFF)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and day.month != self.month:
            return QBrush(OTHER_MONTH)
        if role == Qt.ItemDataRole.FontRole and day == self.today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == DAY_ROLE:
            return day
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [VISIT_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return bool(decode_ids(data)) and self.day_at(parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids, day = decode_ids(data), self.day_at(parent)
        if not ids or day is None:
            return False
        self.visits_dropped.emit(ids, day)
        # The page saves the move and reloads; nothing is removed from the source here.
        return False


class DayVisitsModel(RowTableModel):
    """The visits of the day chosen in the grid; rows can be dragged onto another day."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, None, parent)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [VISIT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes})
        return encode_ids([self.rows[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
