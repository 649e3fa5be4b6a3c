"""The calendar page's month grid: the weeks of a month, each day listing its visits.

:class:`MonthGridModel` is a table model over plain rows (the visits the page's filters let
through) and the month's day kinds; it never touches the database. Only the weeks that hold a day
of the month are drawn (four to six). :class:`MonthGridDelegate` paints a cell: the day number
and, on the right, how many visits it has; a bar on the left and a tint as tall and as strong as
the day is busy compared with the month's busiest day, so a day of 38 visits does not look like a
day of 3; then as many visits ("学校（督学）") as the cell's height holds, each elided on one line
rather than broken inside a name, and "等 N 项" for the rest on the last line. The tooltip lists
them all and a click shows the day's list below the grid. Days off are shaded, today is marked.
The grid accepts visits dragged from the day list (:class:`DayVisitsModel`) and reports the drop
as :attr:`MonthGridModel.visits_dropped`; the page checks and saves the move.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.widgets.table_model import NO_PARENT, Column, Index, RowTableModel

VISIT_MIME = "application/x-supervision-visit-ids"
LINES_PER_CELL = 4
"""Visits in a cell's text (DisplayRole, read by tests and screen readers); the painted cell
shows as many as fit."""
DAY_OFF = QColor("#eef0f3")
TODAY = QColor("#fff4d6")
OTHER_MONTH = QColor("#a0a6ae")
BUSY = QColor("#2f6fb3")
"""The colour of the density bar and tint (full strength on the month's busiest day)."""
MORE = QColor("#8a4b08")
DAY_ROLE = Qt.ItemDataRole.UserRole + 10
COUNT_ROLE = Qt.ItemDataRole.UserRole + 11
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 12


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
    """The days shown for a month: whole weeks, from the Monday on or before the 1st to the
    Sunday on or after the last day (28 to 42 days)."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    following = date(year + month // 12, month % 12 + 1, 1)
    weeks = -(-(following - start).days // 7)
    return [start + timedelta(days=i) for i in range(weeks * 7)]


def entry_text(row: Any) -> str:
    """One visit in a cell: 学校（督学）."""
    return f"{row.school}（{row.inspector}）"


class MonthGridModel(QAbstractTableModel):
    """The weeks × seven days of a month's visits."""

    visits_dropped = Signal(list, object)
    """Visit ids dropped on a day."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = 2000, 1
        self.days = grid_days(2000, 1)
        self.today: date | None = None
        self.days_off: frozenset[date] = frozenset()
        self.by_day: dict[date, list[Any]] = {}
        self.busiest = 0
        """The most visits on one day of the grid (the density cue's full strength)."""

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
        self.busiest = max((len(rows) for rows in by_day.values()), default=0)
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
        return 0 if parent.isValid() else len(self.days) // 7

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return weekday_name(section) if 0 <= section < 7 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.day_at(index)
        if day is None:
            return None
        visits = self.by_day.get(day, [])
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [entry_text(row) for row in visits[:LINES_PER_CELL]]
            if len(visits) > LINES_PER_CELL:
                lines[-1] = more_text(len(visits) - LINES_PER_CELL + 1)
            return "\n".join([str(day.day), *lines])
        if role == COUNT_ROLE:
            return len(visits)
        if role == ENTRIES_ROLE:
            return [entry_text(row) for row in visits]
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


class _CountedWords(QObject):
    """The grid's counted words (a QObject, whose ``tr`` has plural forms)."""

    def more(self, count: int) -> str:
        return self.tr("and %n more", "", count)

    def visits(self, count: int) -> str:
        return self.tr("%n visit(s)", "", count)


@cache
def _counted_words() -> _CountedWords:
    return _CountedWords()


def more_text(count: int) -> str:
    """The last line of a full cell: how many visits it could not show."""
    return _counted_words().more(count)


def count_text(count: int) -> str:
    """A day's number of visits, in the corner of its cell."""
    return _counted_words().visits(count)


def weekday_name(weekday: int) -> str:
    """The short name of a weekday (0 = Monday) in the interface's language: 周一, Mon."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def month_caption(year: int, month: int) -> str:
    """A month as the interface writes it: 2026 年 12 月, December 2026."""
    return QLocale().toString(
        QDate(year, month, 1), QCoreApplication.translate("MonthGrid", "MMMM yyyy")
    )


def cell_lines(entries: Sequence[str], fits: int) -> list[str]:
    """The lines under a day's number when ``fits`` lines fit: every entry if all fit, else as
    many as leave the last line for "等 N 项"."""
    if len(entries) <= fits:
        return list(entries)
    if fits <= 0:
        return []
    shown = list(entries[: fits - 1])
    return [*shown, more_text(len(entries) - len(shown))]


class MonthGridDelegate(QStyledItemDelegate):
    """Paints a day of :class:`MonthGridModel` (see the module's description)."""

    PADDING = 4
    BAR = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, MonthGridModel):
            super().paint(painter, option, index)
            return
        day = model.day_at(index)
        if day is None:
            return
        count = len(model.by_day.get(day, []))
        rect: QRect = option.rect
        painter.save()
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QBrush):
            painter.fillRect(rect, background)
        if count:
            share = count / max(model.busiest, 1)
            tint = QColor(BUSY)
            tint.setAlphaF(0.04 + 0.16 * share)
            painter.fillRect(rect, tint)
            bar_height = max(3, round(rect.height() * share))
            bar = QRect(rect.left(), rect.bottom() - bar_height + 1, self.BAR, bar_height)
            painter.fillRect(bar, BUSY)
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        self._paint_text(painter, option, index, day, count, model)
        painter.restore()

    def _paint_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        day: date,
        count: int,
        model: MonthGridModel,
    ) -> None:
        rect: QRect = option.rect
        inner = rect.adjusted(self.BAR + self.PADDING, 2, -self.PADDING, -2)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        other_month = day.month != model.month
        text_colour = OTHER_MONTH if other_month else option.palette.text().color()
        head = QRect(inner.left(), inner.top(), inner.width(), line)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold if day == model.today else font)
        painter.setPen(text_colour)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | align), str(day.day))
        if count:
            painter.setFont(bold)
            painter.setPen(OTHER_MONTH if other_month else BUSY)
            painter.drawText(head, int(Qt.AlignmentFlag.AlignRight | align), count_text(count))
        painter.setFont(font)
        entries: list[str] = index.data(ENTRIES_ROLE) or []
        lines = cell_lines(entries, (inner.bottom() - head.bottom()) // line)
        top = head.bottom() + 1
        overflow = len(lines) < len(entries)
        for number, text in enumerate(lines):
            more = overflow and number == len(lines) - 1
            painter.setPen(OTHER_MONTH if other_month else MORE if more else text_colour)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(QRect(inner.left(), top, inner.width(), line), int(align), elided)
            top += line


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
