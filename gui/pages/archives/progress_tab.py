"""The 进度 tab of the 迎检档案 page: phases and deadlines, the overall and per-school progress,
the weekly snapshot (周调度) compared with an earlier one, and the monthly bulletin (月通报)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.archive.progress import (
    Bulletin,
    CampaignProgress,
    SchoolChange,
    SchoolProgress,
    SnapshotRow,
    compare_with_snapshot,
    monthly_bulletin,
    take_snapshot,
)
from core.changes import changes_of
from gui.report_actions import open_report
from gui.widgets.table_model import SORT_ROLE, Column, RowTableModel, show_date
from gui.worker import refusal_handler

if TYPE_CHECKING:
    from gui.pages.archives.page import ArchivesPage

PERCENT_WIDTH = 110
BAR_COLOUR = QColor("#cfe0f5")
DONE_COLOUR = QColor("#c8ebd2")
ALERT_HTML = "#b42318"
PASSED_HTML = "#8a8f98"
NEXT_HTML = "#1f5fae"


def percent_text(value: float | None) -> str:
    """A percent as the office writes it (85%); empty for none."""
    return "" if value is None else f"{value:.0f}%"


def _change_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:+.0f}" if round(value) else "0"


class PercentDelegate(QStyledItemDelegate):
    """Draws a percent cell as a bar behind its text (the value is the cell's sort key)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(SORT_ROLE)
        if isinstance(value, (int, float)):
            rect = QRect(option.rect).adjusted(2, 3, -2, -3)
            rect.setWidth(int(rect.width() * max(0.0, min(float(value), 100.0)) / 100))
            painter.fillRect(rect, DONE_COLOUR if value >= 100 else BAR_COLOUR)
        super().paint(painter, option, index)


def table_view(model: RowTableModel) -> QTableView:
    """A read-only, row-selecting table of ``model`` with alternating colours."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ProgressTab(QWidget):
    """进度: phases, overall and per-school progress, weekly snapshots and the monthly bulletin."""

    def __init__(self, page: ArchivesPage) -> None:
        super().__init__(page)
        self.page = page
        self.db, self.worker = page.db, page.worker
        self.data: CampaignProgress | None = None
        self.bulletin: Bulletin | None = None
        self.changes: list[SchoolChange] = []

        self.phases = QLabel()
        self.phases.setTextFormat(Qt.TextFormat.RichText)
        self.phases.setWordWrap(True)
        self.overall = QLabel()
        self.overall.setObjectName("sectionTitle")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(360)
        self.print_campaign_button = QPushButton(self.tr("Print campaign progress"))
        self.print_campaign_button.clicked.connect(self.print_campaign)
        top = QHBoxLayout()
        top.addWidget(self.overall)
        top.addWidget(self.bar, 1)
        top.addStretch(1)
        top.addWidget(self.print_campaign_button)

        self.schools_model = RowTableModel(
            [
                Column(self.tr("School"), lambda s: s.school, alert=lambda s: s.lagging),
                Column(self.tr("Zone"), lambda s: s.zone),
                Column(self.tr("Required"), lambda s: str(s.required), lambda s: s.required, True),
                Column(self.tr("Done"), lambda s: str(s.done), lambda s: s.done, True),
                Column(
                    self.tr("Percent"), lambda s: percent_text(s.percent), lambda s: s.percent, True
                ),
                Column(
                    self.tr("Overdue"),
                    lambda s: str(s.overdue) if s.overdue else "",
                    lambda s: s.overdue,
                    True,
                    alert=lambda s: s.overdue > 0,
                ),
                Column(
                    self.tr("Lagging"),
                    lambda s: self.tr("lagging") if s.lagging else "",
                    lambda s: s.lagging,
                    alert=lambda s: s.lagging,
                ),
            ],
            parent=self,
        )
        self.schools_view = table_view(self.schools_model)
        self.schools_view.setItemDelegateForColumn(4, PercentDelegate(self.schools_view))
        self.schools_view.setSortingEnabled(False)
        self.schools_view.doubleClicked.connect(self._open_school)
        self.schools_view.setToolTip(self.tr("Double-click a school to see its checklist."))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.schools_view)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self._build_dispatch())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.phases)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _build_dispatch(self) -> QWidget:
        dispatch = QGroupBox(self.tr("Weekly dispatch"))
        self.snapshot_button = QPushButton(self.tr("Take snapshot today"))
        self.snapshot_button.clicked.connect(self.snapshot)
        self.snapshots_model = RowTableModel(
            [
                Column(self.tr("Taken on"), lambda s: show_date(s.taken_on), lambda s: s.taken_on),
                Column(
                    self.tr("Percent"), lambda s: percent_text(s.percent), lambda s: s.percent, True
                ),
                Column(
                    self.tr("Done"),
                    lambda s: f"{s.done}/{s.required}",
                    lambda s: s.done,
                    True,
                ),
                Column(self.tr("Overdue"), lambda s: str(s.overdue), lambda s: s.overdue, True),
                Column(self.tr("Note"), lambda s: s.note, tooltip=lambda s: s.note),
            ],
            parent=self,
        )
        self.snapshots_view = table_view(self.snapshots_model)
        self.snapshots_view.setMaximumHeight(130)
        self.snapshots_view.selectionModel().selectionChanged.connect(lambda *_: self.compare())
        self.compare_title = QLabel()
        self.compare_title.setObjectName("summary")
        self.compare_model = RowTableModel(
            [
                Column(self.tr("School"), lambda c: c.school),
                Column(
                    self.tr("Then"),
                    lambda c: percent_text(c.percent_then),
                    lambda c: c.percent_then,
                    True,
                ),
                Column(
                    self.tr("Now"),
                    lambda c: percent_text(c.percent_now),
                    lambda c: c.percent_now,
                    True,
                ),
                Column(
                    self.tr("Change"),
                    lambda c: _change_text(c.delta),
                    lambda c: c.delta,
                    True,
                    alert=lambda c: c.delta is not None and c.delta < 0,
                ),
                Column(
                    self.tr("Overdue then/now"),
                    lambda c: (
                        f"{'' if c.overdue_then is None else c.overdue_then} → {c.overdue_now}"
                    ),
                    lambda c: c.overdue_now,
                    True,
                ),
            ],
            parent=self,
        )
        self.compare_view = table_view(self.compare_model)
        self.compare_view.setSortingEnabled(False)

        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        today = self.page.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.month.dateChanged.connect(lambda _d: self.read_bulletin())
        self.bulletin_text = QLabel()
        self.bulletin_text.setWordWrap(True)
        self.bulletin_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        month_row = QHBoxLayout()
        month_row.addWidget(QLabel(self.tr("Monthly bulletin for")))
        month_row.addWidget(self.month)
        month_row.addStretch(1)

        snapshot_row = QHBoxLayout()
        snapshot_row.addWidget(self.snapshot_button)
        snapshot_row.addStretch(1)
        layout = QVBoxLayout(dispatch)
        layout.addLayout(snapshot_row)
        layout.addWidget(self.snapshots_view)
        layout.addWidget(self.compare_title)
        layout.addWidget(self.compare_view, 1)
        layout.addLayout(month_row)
        layout.addWidget(self.bulletin_text)
        return dispatch

    # --- showing -----------------------------------------------------------------------------

    def show_progress(
        self, progress: CampaignProgress | None, snapshots: list[SnapshotRow]
    ) -> None:
        """Show the campaign's progress and its snapshots (None: no campaign)."""
        previous = self.data.campaign_id if self.data else None
        chosen = self._chosen_snapshot()
        self.data = progress
        enabled = progress is not None
        for widget in (self.snapshot_button, self.print_campaign_button, self.month):
            widget.setEnabled(enabled)
        if progress is None:
            self.phases.setText("")
            self.overall.setText(self.tr("No campaign yet"))
            self.bar.setValue(0)
            self.schools_model.set_rows([])
            self.snapshots_model.set_rows([])
            self._show_changes(None, [])
            self.bulletin_text.clear()
            return
        self.phases.setText(self._phases_html(progress))
        self.overall.setText(
            self.tr("Overall {percent} ({done} of {required} required items)").format(
                percent=percent_text(progress.percent),
                done=progress.done,
                required=progress.required,
            )
        )
        self.bar.setValue(round(progress.percent))
        self.schools_model.set_rows(progress.schools)
        self.schools_view.resizeColumnsToContents()
        self.schools_view.setColumnWidth(4, max(self.schools_view.columnWidth(4), PERCENT_WIDTH))
        self.snapshots_model.set_rows(snapshots)
        self.snapshots_view.resizeColumnsToContents()
        if previous != progress.campaign_id:
            chosen = None
        self._select_snapshot(chosen.id if chosen else self._default_snapshot(snapshots))
        self.read_bulletin()

    def _phases_html(self, progress: CampaignProgress) -> str:
        today = self.page.today()
        parts = []
        for phase in progress.phases:
            text = f"{phase.name} {show_date(phase.deadline)}"
            if phase.passed:
                parts.append(f"<span style='color:{PASSED_HTML}'>✓ {text}</span>")
            elif progress.next_phase is not None and phase == progress.next_phase:
                days = (phase.deadline - today).days
                left = self.tr("%n day(s) left", "", days)
                colour = ALERT_HTML if days <= 7 else NEXT_HTML
                parts.append(f"<b style='color:{colour}'>▶ {text}（{left}）</b>")
            else:
                parts.append(text)
        lagging = progress.lagging
        line = " → ".join(parts)
        if lagging:
            names = "、".join(s.school for s in lagging[:8]) + ("…" if len(lagging) > 8 else "")
            line += "<br><span style='color:{}'>{}</span>".format(
                ALERT_HTML,
                self.tr("%n school(s) lagging: {names}", "", len(lagging)).format(names=names),
            )
        return line

    def _default_snapshot(self, snapshots: list[SnapshotRow]) -> int | None:
        """The newest snapshot taken before today (or the newest one)."""
        today = self.page.today()
        earlier = [s for s in snapshots if s.taken_on < today]
        chosen = earlier[0] if earlier else (snapshots[0] if snapshots else None)
        return chosen.id if chosen else None

    def _chosen_snapshot(self) -> SnapshotRow | None:
        indexes = self.snapshots_view.selectionModel().selectedRows()
        return self.snapshots_model.rows[indexes[0].row()] if indexes else None

    def _select_snapshot(self, snapshot_id: int | None) -> None:
        for row, snapshot in enumerate(self.snapshots_model.rows):
            if snapshot.id == snapshot_id:
                self.snapshots_view.selectRow(row)
                return
        self.snapshots_view.clearSelection()
        self._show_changes(None, [])

    def compare(self) -> None:
        """Compare the snapshot chosen with today's progress, school by school."""
        snapshot = self._chosen_snapshot()
        if snapshot is None or self.data is None:
            self._show_changes(None, [])
            return
        campaign_id, today = self.data.campaign_id, self.page.today()
        self.worker.submit(
            lambda: compare_with_snapshot(self.db, campaign_id, snapshot.id, today),
            on_done=lambda changes: self._show_changes(snapshot, changes),
        )

    def _show_changes(self, snapshot: SnapshotRow | None, changes: list[SchoolChange]) -> None:
        self.changes = changes
        ordered = sorted(changes, key=lambda c: (c.delta is None, -(c.delta or 0), c.school))
        self.compare_model.set_rows(ordered)
        if snapshot is None:
            self.compare_title.setText(
                self.tr("Take a snapshot each week; choose one to compare it with today.")
            )
            return
        self.compare_view.resizeColumnsToContents()
        moved = sum(1 for c in changes if c.delta)
        self.compare_title.setText(
            self.tr("Since {day}: {moved} schools moved").format(
                day=show_date(snapshot.taken_on), moved=moved
            )
        )

    def read_bulletin(self) -> None:
        """The 月通报 figures of the month chosen."""
        if self.data is None:
            return
        month = self.month.date()
        campaign_id, today = self.data.campaign_id, self.page.today()
        self.worker.submit(
            lambda: monthly_bulletin(self.db, campaign_id, month.year(), month.month(), today),
            on_done=self._show_bulletin,
        )

    def _show_bulletin(self, bulletin: Bulletin) -> None:
        self.bulletin = b = bulletin
        lines = [
            self.tr(
                "{year}-{month:02d}: {percent} complete; {done} items completed this month; "
                "{complete} of {schools} schools complete; {overdue} items overdue."
            ).format(
                year=b.year,
                month=b.month,
                percent=percent_text(b.percent),
                done=b.done_in_month,
                complete=b.schools_complete,
                schools=b.schools,
                overdue=b.overdue,
            )
        ]
        if b.lagging:
            lines.append(self.tr("Lagging: {names}").format(names="、".join(b.lagging)))
        self.bulletin_text.setText("\n".join(lines))

    # --- actions -----------------------------------------------------------------------------

    def snapshot(self) -> None:
        """周调度: keep today's progress to compare with later (today's earlier one is replaced)."""
        if self.data is None:
            return
        campaign_id, today = self.data.campaign_id, self.page.today()
        self.worker.submit(
            lambda: take_snapshot(self.db, campaign_id, today),
            on_error=refusal_handler(self, self.tr("Weekly dispatch")),
            changes=changes_of(take_snapshot),
        )

    def _open_school(self, index: QModelIndex) -> None:
        school: SchoolProgress = self.schools_model.rows[index.row()]
        self.page.choose_school(school.school_id)

    def print_campaign(self) -> None:
        """The progress of the campaign across its schools, in the preview window."""
        row = self.page.campaign()
        if row is not None:
            open_report(
                self, self.db, self.worker, "campaign", self.page.today(), campaign=row.name
            )
