"""The 评分 tab of the 迎检档案 page: a campaign's evaluation sheet and its schools' scores.

A campaign without a sheet offers to load the shipped 100-point school evaluation sheet or to
enter indicators by hand. With a sheet, the grid has one row per school and one column per
indicator (grouped, the header naming the group and the points), then the group totals, the
total and the rank. A cell takes points typed in (empty clears them); each entry is saved on the
worker, and the totals and ranks are read again. Points outside an indicator's range are refused
with the Chinese message and the cell goes back to what it was. Rows keep their place while the
clerk types; clicking a header sorts. School names head the rows, so they stay in sight while
the grid scrolls sideways, and the current school's total and rank show above it. The rules live
in :mod:`core.archive.scoring`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QObject,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.archive.scoring import (
    IndicatorInput,
    IndicatorRow,
    ScoreTable,
    full_marks,
    indicator_label,
    is_adjustment,
    score_table,
    set_indicators,
    set_score,
    shipped_sheet,
)
from core.changes import EVERYTHING, Change, changes_of
from db.engine import Database
from gui.pages.archives.template_dialogs import (
    NUMBER,
    EditColumn,
    RowsEditor,
    named_rows,
    show_points,
)
from gui.widgets.forms import FormDialog
from gui.widgets.lazy import RefreshWhenShown
from gui.widgets.table_model import MUTED_COLOUR, NO_PARENT, SORT_ROLE, Index, RowFilterProxy
from gui.worker import DbWorker, refusal_handler

"""What a change to a sheet or to scores announces through the worker."""
RELEVANT = {Change.SCORES, Change.CAMPAIGNS, Change.SCHOOLS}
POINTS_PATTERN = r"-?\d{0,3}([.]\d{0,2})?"
HEADER_LINE = 4
"""Characters per line of an indicator's name in its column header."""
HEADER_LINES = 2
GROUP_TINTS = (QColor("#ffffff"), QColor("#f3f6fa"))
TOTALS_TINT = QColor("#eef3ea")
SCHOOL_WIDTH = 170
POINTS_WIDTH = 56
FILTER_WIDTH = 220
NO_RANK = 1_000_000

SCHOOL, INDICATOR, GROUP_TOTAL, TOTAL, RANK = range(5)


@dataclass(frozen=True)
class GridColumn:
    """One column of the grid: what it shows and, for an indicator or a group, which."""

    kind: int
    indicator: IndicatorRow | None = None
    group: str = ""
    marks: float = 0.0
    tint: int = 0


def wrap(text: str, width: int = HEADER_LINE, lines: int = HEADER_LINES) -> str:
    """Text in lines of ``width`` characters, at most ``lines`` of them (… when cut)."""
    parts = [text[i : i + width] for i in range(0, len(text), width)] or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], parts[lines - 1][: width - 1] + "…"]
    return "\n".join(parts)


def parse_points(text: str) -> float | None:
    """Points typed into a cell; None for an empty cell (unscored)."""
    text = text.strip()
    return float(text) if text not in ("", "-", ".", "-.") else None


class ScoreModel(QAbstractTableModel):
    """Schools × indicators, then group totals, total and rank, from a :class:`ScoreTable`.

    Editing a cell shows the points at once and emits :attr:`edited` ``(school_id,
    indicator_id, points, previous)``; the view saves them and puts ``previous`` back with
    :meth:`put` when they are refused.
    """

    edited = Signal(int, int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: ScoreTable | None = None
        self.columns: list[GridColumn] = []
        self.lines: list[Any] = []
        self.points: list[dict[int, float]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # --- filling ----------------------------------------------------------------------

    def set_table(self, table: ScoreTable) -> None:
        """Show ``table``; with the same sheet and schools, rows keep their places."""
        same = (
            self.table is not None
            and self.table.indicators == table.indicators
            and {s.school_id for s in self.lines} == {s.school_id for s in table.schools}
        )
        if not same:
            self.beginResetModel()
            self.table = table
            self.columns = self._columns(table)
            self.lines = list(table.schools)
            self.points = [dict(s.points) for s in self.lines]
            self.endResetModel()
            return
        self.table = table
        by_school = {s.school_id: s for s in table.schools}
        self.lines = [by_school[s.school_id] for s in self.lines]
        self.points = [dict(s.points) for s in self.lines]
        if self.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.lines) - 1, len(self.columns) - 1)
            )

    def clear(self) -> None:
        """Show nothing (no campaign)."""
        self.beginResetModel()
        self.table, self.columns, self.lines, self.points = None, [], [], []
        self.endResetModel()

    @staticmethod
    def _columns(table: ScoreTable) -> list[GridColumn]:
        columns = [GridColumn(SCHOOL)]
        tints: dict[str, int] = {}
        for indicator in table.indicators:
            tint = tints.setdefault(indicator.group, len(tints) % len(GROUP_TINTS))
            columns.append(GridColumn(INDICATOR, indicator, indicator.group, tint=tint))
        for group, marks in table.groups:
            columns.append(GridColumn(GROUP_TOTAL, group=group, marks=marks))
        columns.append(GridColumn(TOTAL, marks=table.full_marks))
        columns.append(GridColumn(RANK))
        return columns

    def put(self, school_id: int, indicator_id: int, points: float | None) -> None:
        """Show ``points`` in a cell without saving (a refused entry going back)."""
        for row, line in enumerate(self.lines):
            if line.school_id != school_id:
                continue
            self._store(row, indicator_id, points)
            for number, column in enumerate(self.columns):
                if column.indicator is not None and column.indicator.id == indicator_id:
                    index = self.index(row, number)
                    self.dataChanged.emit(index, index)

    def _store(self, row: int, indicator_id: int, points: float | None) -> None:
        if points is None:
            self.points[row].pop(indicator_id, None)
        else:
            self.points[row][indicator_id] = points

    # --- the model --------------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # The school again, so the view can keep it in sight while scrolling sideways.
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.lines):
                return self.lines[section].school
            return None
        if not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(column)
        if role == Qt.ItemDataRole.ToolTipRole and column.indicator is not None:
            indicator = column.indicator
            return self.tr("{indicator}: {low} to {high} points").format(
                indicator=indicator_label(indicator.group, indicator.name),
                low=show_points(indicator.min_points),
                high=show_points(indicator.max_points),
            )
        return None

    def _header(self, column: GridColumn) -> str:
        if column.kind == SCHOOL:
            return self.tr("School")
        if column.kind == RANK:
            return self.tr("Rank")
        if column.kind == TOTAL:
            return self.tr("Total\n({marks})").format(marks=show_points(column.marks))
        if column.kind == GROUP_TOTAL:
            return self.tr("{group}\nsubtotal ({marks})").format(
                group=wrap(column.group, 4), marks=show_points(column.marks)
            )
        indicator = column.indicator
        assert indicator is not None
        points = (
            f"±{show_points(indicator.max_points)}"
            if is_adjustment(indicator) and indicator.min_points == -indicator.max_points
            else show_points(indicator.max_points)
        )
        return f"{wrap(column.group)}\n{wrap(indicator.name)}\n({points})"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind == INDICATOR:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        row, column = index.row(), self.columns[index.column()]
        line = self.lines[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != SCHOOL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.kind == INDICATOR:
                return QBrush(GROUP_TINTS[column.tint])
            if column.kind != SCHOOL:
                return QBrush(TOTALS_TINT)
        if role == Qt.ItemDataRole.FontRole and column.kind in (TOTAL, RANK):
            return self._bold
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column.kind in (TOTAL, RANK)
            and not line.complete
        ):
            return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        return None

    def _text(self, row: int, column: GridColumn) -> str:
        line = self.lines[row]
        if column.kind == SCHOOL:
            return line.school
        if column.kind == INDICATOR:
            assert column.indicator is not None
            return show_points(self.points[row].get(column.indicator.id))
        if not line.points:
            return ""
        if column.kind == GROUP_TOTAL:
            return show_points(line.group_totals.get(column.group, 0.0))
        if column.kind == TOTAL:
            return show_points(line.total)
        return "" if line.rank is None else str(line.rank)

    def _sort_key(self, row: int, column: GridColumn) -> Any:
        line = self.lines[row]
        if column.kind == SCHOOL:
            return line.school
        if column.kind == RANK:
            return NO_RANK if line.rank is None else line.rank
        if column.kind == INDICATOR:
            assert column.indicator is not None
            return self.points[row].get(column.indicator.id, float("-inf"))
        if not line.points:
            return float("-inf")
        if column.kind == GROUP_TOTAL:
            return line.group_totals.get(column.group, 0.0)
        return line.total

    def _tooltip(self, line: Any, column: GridColumn) -> str | None:
        if column.kind == INDICATOR and column.indicator is not None:
            indicator = column.indicator
            return self.tr("{school} · {indicator} ({low} to {high})").format(
                school=line.school,
                indicator=indicator_label(indicator.group, indicator.name),
                low=show_points(indicator.min_points),
                high=show_points(indicator.max_points),
            )
        if column.kind == TOTAL and line.points and not line.complete:
            return self.tr("Not every indicator is scored yet.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.kind != INDICATOR or column.indicator is None:
            return False
        try:
            points = value if isinstance(value, float | int) else parse_points(str(value))
        except ValueError:
            return False
        row, indicator_id = index.row(), column.indicator.id
        previous = self.points[row].get(indicator_id)
        if points == previous:
            return True
        self._store(row, indicator_id, None if points is None else float(points))
        self.dataChanged.emit(index, index)
        self.edited.emit(self.lines[row].school_id, indicator_id, points, previous)
        return True


class PointsDelegate(QStyledItemDelegate):
    """Cells take a number of points typed in (empty: not scored)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(POINTS_PATTERN), editor))
        return editor


class IndicatorsDialog(FormDialog):
    """The campaign's evaluation sheet: indicators in groups with their maximum and minimum
    points (a minimum below 0 makes an adjustment line such as 加减分)."""

    def __init__(
        self,
        db: Database,
        worker: DbWorker,
        campaign_id: int,
        indicators: Sequence[IndicatorInput],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Evaluation sheet"), worker, parent)
        self.db, self.campaign_id = db, campaign_id
        hint = QLabel(
            self.tr(
                "Scores stay with indicators whose group and name stay; indicators removed or "
                "renamed lose their scores."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("summary")
        self.form.addRow(hint)
        columns = [
            EditColumn("group", self.tr("Group"), width=150),
            EditColumn("name", self.tr("Indicator"), width=300),
            EditColumn("max_points", self.tr("Maximum"), NUMBER, width=80),
            EditColumn("min_points", self.tr("Minimum"), NUMBER, width=80),
        ]
        self.sheet = RowsEditor(
            columns,
            lambda: IndicatorInput(group="", name="", max_points=0.0),
            (self.tr("Add indicator"), self.tr("Add indicator below")),
        )
        self.model = self.sheet.model
        self.fields["indicators"] = self.sheet.table
        self.shipped_button = self.sheet.add_action(
            self.tr("Fill in the 100-point school sheet"),
            lambda: self.model.set_rows(shipped_sheet()),
        )
        self.form.addRow(self.sheet)
        self.marks = QLabel()
        self.form.addRow(self.marks)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._count)
        self.model.modelReset.connect(self._count)
        self.model.set_rows(indicators)
        self.resize(760, 620)

    def _count(self, *_args: Any) -> None:
        self.marks.setText(
            self.tr("{count} indicators, full marks {marks}").format(
                count=len(self.model.rows), marks=show_points(full_marks(self.model.rows))
            )
        )

    def value(self) -> tuple[IndicatorInput, ...]:
        """The sheet as entered."""
        return tuple(self.model.rows)

    def save(self) -> None:
        self.sheet.commit_editing()
        data, campaign_id = self.value(), self.campaign_id
        self.model.mark_rows(set())
        self.submit(lambda: set_indicators(self.db, campaign_id, data), changes_of(set_indicators))

    def show_problems(self, messages: list[str], fields: Sequence[str] = ()) -> None:
        """List the messages and mark the indicator rows named."""
        named = [f for f in fields if f.startswith("indicators")]
        super().show_problems(messages, [*fields, *(["indicators"] if named else [])])
        rows = named_rows(named, messages) if named else set()
        self.model.mark_rows(rows)
        if rows and min(rows) < len(self.model.rows):
            self.sheet.select_row(min(rows), 1)


class ScoringView(RefreshWhenShown, QWidget):
    """The scores of one campaign's schools on its evaluation sheet."""

    def __init__(self, db: Database, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker
        self.campaign_id: int | None = None
        self.data: ScoreTable | None = None
        self.dialog: IndicatorsDialog | None = None
        self._saving = 0

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_grid())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.stack)
        worker.data_changed.connect(self.refresh)
        self._show_empty()

    # --- layout -----------------------------------------------------------------------

    def _build_empty(self) -> QWidget:
        page = QWidget()
        self.empty_title = QLabel()
        self.empty_title.setObjectName("sectionTitle")
        self.empty_text = QLabel(
            self.tr(
                "An evaluation sheet lists indicators in groups and the points each is worth; "
                "the schools of the campaign are then scored on it, totalled and ranked."
            )
        )
        self.empty_text.setWordWrap(True)
        self.empty_text.setObjectName("summary")
        self.load_button = QPushButton(self.tr("Load the 100-point school evaluation sheet"))
        self.load_button.clicked.connect(lambda _=False: self.load_shipped_sheet())
        self.empty_edit_button = QPushButton(self.tr("Edit indicators…"))
        self.empty_edit_button.clicked.connect(lambda _=False: self.edit_indicators())
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.empty_edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_text)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _build_grid(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Type to find a school…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setMinimumWidth(FILTER_WIDTH)
        self.edit_button = QPushButton(self.tr("Edit indicators…"))
        self.edit_button.clicked.connect(lambda _=False: self.edit_indicators())
        self.model = ScoreModel(self)
        self.model.edited.connect(self._save_score)
        self.proxy = RowFilterProxy(self)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setDynamicSortFilter(False)
        self.proxy.setSourceModel(self.model)
        self.filter_box.textChanged.connect(self.proxy.set_search)
        self.grid = QTableView()
        self.grid.setModel(self.proxy)
        self.grid.setItemDelegate(PointsDelegate(self.grid))
        self.grid.setSortingEnabled(True)
        self.grid.horizontalHeader().setSortIndicatorShown(False)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        names = self.grid.verticalHeader()
        names.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        names.setMinimumWidth(SCHOOL_WIDTH)
        self.grid.setColumnHidden(0, True)  # the schools are the row headers, always in sight
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionClicked.connect(lambda _section: header.setSortIndicatorShown(True))
        self.model.modelReset.connect(self._size_columns)
        self.school_line = QLabel()
        self.school_line.setObjectName("detailTitle")
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_school_line())
        self.model.dataChanged.connect(lambda *_: self._show_school_line())
        top = QHBoxLayout()
        top.addWidget(self.summary)
        top.addSpacing(24)
        top.addWidget(self.school_line, 1)
        top.addWidget(self.filter_box)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        return page

    def _size_columns(self) -> None:
        """Each column of points as wide as its header (at least :data:`POINTS_WIDTH`), rows in the
        order read (ranked)."""
        header = self.grid.horizontalHeader()
        self.grid.setColumnHidden(0, True)
        for number in range(1, self.model.columnCount()):
            self.grid.setColumnWidth(number, max(POINTS_WIDTH, header.sectionSizeHint(number)))
        self.proxy.sort(-1)
        self.grid.horizontalHeader().setSortIndicatorShown(False)

    def _show_school_line(self) -> None:
        """The current school's total and rank, in view however far the grid is scrolled."""
        index = self.proxy.mapToSource(self.grid.currentIndex())
        if not index.isValid() or index.row() >= len(self.model.lines):
            self.school_line.clear()
            return
        line = self.model.lines[index.row()]
        if not line.points:
            text = self.tr("{school}: not scored yet")
        elif not line.complete:
            text = self.tr("{school}: {total} points so far, rank {rank}")
        else:
            text = self.tr("{school}: {total} points, rank {rank}")
        self.school_line.setText(
            text.format(
                school=line.school,
                total=show_points(line.total),
                rank="" if line.rank is None else line.rank,
            )
        )

    # --- reading ----------------------------------------------------------------------

    def set_campaign(self, campaign_id: int | None) -> None:
        """Show the sheet and scores of this campaign (None: no campaign chosen)."""
        if campaign_id == self.campaign_id and self.data is not None:
            return
        self.campaign_id = campaign_id
        self.data = None
        self.model.clear()
        self._show_empty()
        self.refresh()

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the campaign's sheet and scores again in the background (when shown)."""
        if not self.needs_reading(changes, RELEVANT):
            return
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        self.worker.submit(
            lambda: score_table(self.db, campaign_id),
            on_done=lambda table: self.show_table(campaign_id, table),
        )

    def show_table(self, campaign_id: int, table: ScoreTable) -> None:
        """Show a campaign's table as read (ignored once another campaign is chosen, or while
        entries are still being saved: a newer reading follows)."""
        if campaign_id != self.campaign_id or self._saving:
            return
        self.data = table
        if not table.indicators:
            self.model.clear()
            self._show_empty()
            return
        self.model.set_table(table)
        scored = sum(1 for s in table.schools if s.points)
        complete = sum(1 for s in table.schools if s.complete)
        self.summary.setText(
            self.tr(
                "{schools} schools · {scored} scored · {complete} fully scored · full marks {marks}"
            ).format(
                schools=len(table.schools),
                scored=scored,
                complete=complete,
                marks=show_points(table.full_marks),
            )
        )
        self.stack.setCurrentIndex(1)

    def _show_empty(self) -> None:
        chosen = self.campaign_id is not None
        self.empty_title.setText(
            self.tr("This campaign has no evaluation sheet yet.")
            if chosen
            else self.tr("Choose a campaign to score its schools.")
        )
        self.empty_text.setVisible(chosen)
        self.load_button.setVisible(chosen)
        self.empty_edit_button.setVisible(chosen)
        self.load_button.setEnabled(self.data is not None)
        self.empty_edit_button.setEnabled(self.data is not None)
        self.stack.setCurrentIndex(0)

    # --- actions ----------------------------------------------------------------------

    def load_shipped_sheet(self) -> None:
        """Give the campaign the shipped 100-point school evaluation sheet."""
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        self.load_button.setEnabled(False)
        self.worker.submit(
            lambda: set_indicators(self.db, campaign_id, shipped_sheet()),
            on_error=self._refused,
            changes=changes_of(set_indicators),
        )

    def edit_indicators(self) -> None:
        """Open the sheet editor on the campaign's indicators."""
        if self.campaign_id is None or self.data is None:
            return
        indicators = [
            IndicatorInput(i.group, i.name, i.max_points, i.min_points)
            for i in self.data.indicators
        ]
        self.dialog = IndicatorsDialog(self.db, self.worker, self.campaign_id, indicators, self)
        self.dialog.open()

    def _save_score(
        self, school_id: int, indicator_id: int, points: float | None, previous: float | None
    ) -> None:
        self._saving += 1

        def saved(_none: None) -> None:
            self._saving -= 1

        def refused(exc: BaseException) -> None:
            self._saving -= 1
            self.model.put(school_id, indicator_id, previous)
            self._refused(exc)

        self.worker.submit(
            lambda: set_score(self.db, indicator_id, school_id, points),
            on_done=saved,
            on_error=refused,
            changes=changes_of(set_score),
        )

    def _refused(self, exc: BaseException) -> None:
        refusal_handler(self, self.tr("Scores"))(exc)
        self.refresh()
