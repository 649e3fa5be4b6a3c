"""The 迎检档案 page: evaluation campaigns, every school's archive checklist, and their progress.

Above the tabs the clerk picks a campaign (running ones first, closed ones marked) and creates,
edits, closes (or reopens) and deletes campaigns. The tabs:

- 清单: the checklist items of one school or of all, filtered by status and by typing; the items
  selected — or every item of the schools chosen — are changed at once (only the fields ticked
  change); double-clicking an item opens it with its attachments.
- 进度: the phases and their deadlines, the overall percent, every school's percent, overdue
  items and whether it lags; the weekly snapshot (周调度) compared with an earlier one; the
  monthly bulletin's (月通报) figures; the printed reports.
- 评分: the optional evaluation sheet and the schools' scores.
- 模板: the checklist templates.

The named filters ``next`` (the 进度 tab of the running campaign) and ``overdue`` (overdue items)
serve the dashboard's card. The rules live in ``core.archive.campaigns`` and
``core.archive.progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.archive.campaigns import (
    CampaignRow,
    ChecklistRow,
    campaign_rows,
    checklist_rows,
    close_campaign,
    delete_campaign,
    item_ids_of_schools,
)
from core.archive.progress import (
    CampaignProgress,
    SnapshotRow,
    campaign_progress,
    snapshot_rows,
)
from core.archive.templates import ensure_builtin_templates
from core.changes import EVERYTHING, Change, changes_of
from core.enums import ItemStatus
from db.engine import Database
from gui import dialogs
from gui.pages.archives.dialogs import (
    ID_ROLE,
    ArchiveCampaignDialog,
    CampaignForm,
    ItemsDialog,
    read_campaign_form,
)
from gui.pages.archives.progress_tab import ProgressTab, percent_text
from gui.pages.archives.scoring_view import ScoringView
from gui.pages.archives.template_list_view import TemplateListView
from gui.report_actions import open_report
from gui.widgets.list_page import ALL, ListPage
from gui.widgets.table_model import Column, show_date
from gui.worker import DbWorker, refusal_handler

RELEVANT = {Change.CAMPAIGNS, Change.SCHOOLS}
DONE = (ItemStatus.COMPLETE.value, ItemStatus.FILED.value)
NOT_APPLICABLE = ItemStatus.NOT_APPLICABLE.value
CHECKLIST_TAB, PROGRESS_TAB, SCORING_TAB, TEMPLATES_TAB = range(4)
SCHOOL_COLUMN = 0
CAPPED_WIDTHS = {1: 170, 2: 300, 10: 200}
"""Widths that long text columns (group, item, note) are kept to; full text in the tip."""


@dataclass(frozen=True)
class ArchivesData:
    """Everything the page shows for the campaign chosen."""

    campaigns: list[CampaignRow]
    campaign_id: int | None
    items: list[ChecklistRow]
    progress: CampaignProgress | None
    snapshots: list[SnapshotRow]


def read_archives(
    db: Database, campaign_id: int | None, today: date, *, first: bool = False
) -> ArchivesData:
    """The campaigns, and the checklists, progress and snapshots of the one chosen (or of the
    first listed); the first read also loads the shipped templates not yet in the database."""
    if first:
        ensure_builtin_templates(db)
    campaigns = campaign_rows(db, today)
    if campaign_id not in {c.id for c in campaigns}:
        campaign_id = campaigns[0].id if campaigns else None
    if campaign_id is None:
        return ArchivesData(campaigns, None, [], None, [])
    return ArchivesData(
        campaigns,
        campaign_id,
        checklist_rows(db, campaign_id, today),
        campaign_progress(db, campaign_id, today),
        snapshot_rows(db, campaign_id),
    )


def _has_status(status: str) -> Callable[[ChecklistRow], bool]:
    """The filter predicate of the items whose stored status is ``status``."""
    return lambda row: row.status == status


class ArchivesPage(ListPage):
    """迎检档案: campaigns, checklists per school, progress, scoring and templates."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        columns = [
            Column(self.tr("School"), lambda r: r.school),
            Column(self.tr("Group"), lambda r: r.group, tooltip=lambda r: r.group),
            Column(self.tr("Item"), lambda r: r.title, tooltip=lambda r: r.evidence or r.title),
            Column(self.tr("Required"), lambda r: "✓" if r.required else "", lambda r: r.required),
            Column(
                self.tr("Status"),
                lambda r: self._status_text(r),
                lambda r: list(ItemStatus).index(ItemStatus(r.status)),
                alert=lambda r: r.overdue,
            ),
            Column(self.tr("Responsible"), lambda r: r.responsible),
            Column(
                self.tr("Due"),
                lambda r: show_date(r.due_date),
                lambda r: r.due_date,
                alert=lambda r: r.overdue,
            ),
            Column(self.tr("Box no."), lambda r: r.box_no),
            Column(self.tr("Location"), lambda r: r.location),
            Column(self.tr("Retention"), lambda r: r.retention),
            Column(self.tr("Note"), lambda r: r.note, tooltip=lambda r: r.note),
            Column(
                self.tr("Files"),
                lambda r: str(r.attachment_count) if r.attachment_count else "",
                lambda r: r.attachment_count,
                True,
            ),
        ]
        super().__init__(
            self.tr("Evaluation archives"), columns, muted=lambda r: r.status == NOT_APPLICABLE
        )
        self.db, self.worker, self.today = db, worker, today
        self.data: ArchivesData | None = None
        self.campaign_id: int | None = None
        self._first_read = True
        self._named: Callable[[ChecklistRow], bool] | None = None

        self.bulk_button = self.add_button(
            self.tr("Change selected items…"), self.change_selected, needs_selection=True
        )
        self.schools_button = self.add_button(self.tr("Change whole schools…"), self.change_schools)
        self.print_checklist_button = self.add_button(
            self.tr("Print checklist"), self.print_checklist
        )
        self.finish_actions()
        self.add_filter("open", self.tr("Not done yet"), self._open_item)
        self.add_filter("overdue", self.tr("Overdue"), lambda r: r.overdue)
        self.set_empty_state(
            self.tr(
                "No checklist to show — start a campaign for the next evaluation with "
                "“New campaign…”, or choose another campaign or school above."
            ),
            [(self.tr("New campaign…"), self.new_campaign)],
        )
        for status in ItemStatus:
            self.add_filter(status.value, status.label, _has_status(status.value))

        self._build_campaign_bar()
        self._build_school_filter()
        self.progress = ProgressTab(self)
        self._build_tabs()
        self.table.doubleClicked.connect(lambda _index: self.open_item())
        worker.data_changed.connect(self.refresh)

    # --- layout ------------------------------------------------------------------------------

    def _build_campaign_bar(self) -> None:
        bar = QHBoxLayout()
        self.campaign_choice = QComboBox()
        self.campaign_choice.setMinimumWidth(360)
        self.campaign_choice.currentIndexChanged.connect(self._campaign_chosen)
        self.new_button = QPushButton(self.tr("New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_campaign)
        self.close_button = QPushButton(self.tr("End campaign"))
        self.close_button.clicked.connect(self.close_or_reopen)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_campaign)
        bar.addWidget(QLabel(self.tr("Campaign:")))
        bar.addWidget(self.campaign_choice, 1)
        for button in (self.new_button, self.edit_button, self.close_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.body.insertLayout(1, bar)

    def _build_school_filter(self) -> None:
        self.school_choice = QComboBox()
        self.school_choice.setMinimumWidth(200)
        self.school_choice.addItem(self.tr("All schools"), 0)
        self.school_choice.currentIndexChanged.connect(self._filters_changed)
        filters_item = self.body.itemAt(self.body.indexOf(self.actions_bar) + 1)
        assert filters_item is not None
        filters = filters_item.layout()
        assert isinstance(filters, QHBoxLayout)
        filters.insertWidget(0, self.school_choice, 1)

    def _build_tabs(self) -> None:
        """The checklist (the list page's own actions, filters and table) and the other tabs."""
        checklist = QWidget()
        inner = QVBoxLayout(checklist)
        inner.setContentsMargins(0, 8, 0, 0)
        start = self.body.indexOf(self.actions_bar)
        while self.body.count() > start:
            item = self.body.takeAt(start)
            assert item is not None
            layout, widget = item.layout(), item.widget()
            if layout is not None:
                layout.setParent(None)
                inner.addLayout(layout)
            elif widget is not None:
                inner.addWidget(widget, 1)
        self.scoring = ScoringView(self.db, self.worker)
        self.templates = TemplateListView(self.db, self.worker)
        self.tabs = QTabWidget()
        self.tabs.addTab(checklist, self.tr("Checklists"))
        self.tabs.addTab(self.progress, self.tr("Progress"))
        self.tabs.addTab(self.scoring, self.tr("Scoring"))
        self.tabs.addTab(self.templates, self.tr("Templates"))
        self.body.addWidget(self.tabs, 1)

    # --- reading -----------------------------------------------------------------------------

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the campaigns and the chosen one's checklists again in the background."""
        if not self.needs_reading(changes, RELEVANT):
            return
        campaign_id, today, first = self.campaign_id, self.today(), self._first_read
        self._first_read = False
        self.worker.submit(
            lambda: read_archives(self.db, campaign_id, today, first=first),
            on_done=self.show_data,
        )

    def show_data(self, data: ArchivesData) -> None:
        self.data = data
        self.campaign_id = data.campaign_id
        self._fill_campaigns(data)
        self._fill_schools(data)
        sized = self._sized
        self.set_rows(data.items)
        if self._sized and not sized:
            for column, width in CAPPED_WIDTHS.items():
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        self._summarize()
        self.progress.show_progress(data.progress, data.snapshots)
        self.scoring.set_campaign(data.campaign_id)
        self._enable()

    def _fill_campaigns(self, data: ArchivesData) -> None:
        combo = self.campaign_choice
        combo.blockSignals(True)
        combo.clear()
        for row in data.campaigns:
            text = (
                self.tr("{name} (closed {day})").format(name=row.name, day=show_date(row.closed_on))
                if row.closed_on
                else row.name
            )
            combo.addItem(text, row.id)
        if not data.campaigns:
            combo.addItem(self.tr("(no campaign yet)"), 0)
        combo.setCurrentIndex(max(0, combo.findData(data.campaign_id or 0)))
        combo.blockSignals(False)

    def _fill_schools(self, data: ArchivesData) -> None:
        combo = self.school_choice
        chosen = combo.currentData()
        schools = [(s.school_id, s.school) for s in data.progress.schools] if data.progress else []
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All schools"), 0)
        for school_id, name in sorted(schools, key=lambda s: s[1]):
            combo.addItem(name, school_id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        self._filters_changed()

    def campaign(self) -> CampaignRow | None:
        """The campaign chosen."""
        if self.data is None:
            return None
        return next((c for c in self.data.campaigns if c.id == self.campaign_id), None)

    def _summarize(self) -> None:
        row, progress = self.campaign(), self.data.progress if self.data else None
        if row is None or progress is None:
            self.summary.setText(
                self.tr(
                    "No campaign yet. Create one with “New campaign…”: each school taking part "
                    "gets a checklist from the templates chosen."
                )
            )
            return
        parts = [
            row.kind_label,
            self.tr("started {day}").format(day=show_date(row.started_on)),
            self.tr("%n school(s)", "", row.school_count),
            self.tr("{percent} of required items complete").format(
                percent=percent_text(progress.percent)
            ),
            self.tr("%n overdue", "", progress.overdue),
        ]
        if row.closed_on:
            parts.append(self.tr("closed {day}").format(day=show_date(row.closed_on)))
        elif progress.next_phase is not None:
            days = (progress.next_phase.deadline - self.today()).days
            parts.append(
                self.tr("next: {phase} by {day} (%n day(s) left)", "", days).format(
                    phase=progress.next_phase.name,
                    day=show_date(progress.next_phase.deadline),
                )
            )
        self.summary.setText(" · ".join(parts))

    def _status_text(self, row: ChecklistRow) -> str:
        if row.overdue:
            return self.tr("{status}, overdue").format(status=row.status_label)
        return row.status_label

    def _open_item(self, row: ChecklistRow) -> bool:
        return row.status not in DONE and row.status != NOT_APPLICABLE

    def _enable(self) -> None:
        row = self.campaign()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.close_button.setEnabled(row is not None)
        self.close_button.setText(
            self.tr("Reopen campaign")
            if row is not None and row.closed_on
            else self.tr("End campaign")
        )
        self.schools_button.setEnabled(row is not None)
        self.print_checklist_button.setEnabled(row is not None)

    # --- filters -----------------------------------------------------------------------------

    def set_predicate(self, predicate: Callable[[ChecklistRow], bool] | None) -> None:
        self._named = predicate
        self._filters_changed()

    def _filters_changed(self, _index: int = 0) -> None:
        school = self.school_choice.currentData() or 0
        named = self._named

        def keep(row: ChecklistRow) -> bool:
            return (not school or row.school_id == school) and (named is None or named(row))

        self.table.setColumnHidden(SCHOOL_COLUMN, bool(school))
        super().set_predicate(keep)

    def apply_filter(self, key: str) -> None:
        """``next``: the 进度 tab of the running campaign; otherwise a checklist filter (``all``,
        ``open``, ``overdue`` or a status code) over every school."""
        if key == "next":
            self.tabs.setCurrentIndex(PROGRESS_TAB)
            row = self.campaign()
            if self.data is not None and (row is None or row.closed_on is not None):
                self.campaign_id = None
                self._stale = True
                self.refresh()
            return
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        self.school_choice.setCurrentIndex(0)
        super().apply_filter(ALL if key == "all" else key)

    def choose_school(self, school_id: int | None) -> None:
        """Show the checklist tab with one school's items (None: all schools)."""
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        self.school_choice.setCurrentIndex(max(0, self.school_choice.findData(school_id or 0)))

    # --- campaigns ---------------------------------------------------------------------------

    def _campaign_chosen(self, _index: int) -> None:
        chosen = self.campaign_choice.currentData() or None
        if chosen != self.campaign_id:
            self.campaign_id = chosen
            self._stale = True
            self.refresh()

    def choose_campaign(self, campaign_id: int) -> None:
        """Show the campaign with this id."""
        self.campaign_choice.setCurrentIndex(max(0, self.campaign_choice.findData(campaign_id)))

    def _open_campaign_dialog(self, campaign_id: int | None) -> None:
        today = self.today()

        def show(form: CampaignForm) -> None:
            dialog = ArchiveCampaignDialog(self.worker, self.db, form, today, self)
            dialog.saved.connect(self._saved_campaign)
            self._open(dialog)

        self.worker.submit(
            lambda: read_campaign_form(self.db, campaign_id, today),
            on_done=show,
            on_error=refusal_handler(self, self.tr("Evaluation archives")),
        )

    def _saved_campaign(self, result: object) -> None:
        if isinstance(result, int):
            self.campaign_id = result

    def new_campaign(self) -> None:
        """新建迎检: the campaign form with the default phases."""
        self._open_campaign_dialog(None)

    def edit_campaign(self) -> None:
        """Edit the chosen campaign: its phases, schools and templates."""
        if self.campaign_id is not None:
            self._open_campaign_dialog(self.campaign_id)

    def close_or_reopen(self) -> None:
        """结束 the running campaign chosen (today), or reopen a closed one."""
        row = self.campaign()
        if row is None:
            return
        day = None if row.closed_on else self.today()
        question = (
            self.tr("Reopen the campaign “{name}”?")
            if row.closed_on
            else self.tr("Close the campaign “{name}” today? Its checklists stay for the record.")
        ).format(name=row.name)
        if dialogs.ask(self, self.tr("Evaluation archives"), question):
            self.worker.submit(
                lambda: close_campaign(self.db, row.id, day),
                on_error=refusal_handler(self, self.tr("Evaluation archives")),
                changes=changes_of(close_campaign),
            )

    def delete_campaign(self) -> None:
        """Delete the chosen campaign with its checklists, after asking."""
        row = self.campaign()
        if row is None:
            return
        question = self.tr(
            "Delete the campaign “{name}” with the checklists of its %n school(s), their "
            "attachments, snapshots and scores?",
            "",
            row.school_count,
        ).format(name=row.name)
        if dialogs.ask(self, self.tr("Evaluation archives"), question):
            self.campaign_id = None
            self.worker.submit(
                lambda: delete_campaign(self.db, row.id),
                on_error=refusal_handler(self, self.tr("Evaluation archives")),
                changes=changes_of(delete_campaign),
            )

    # --- items -------------------------------------------------------------------------------

    def change_selected(self) -> None:
        """批量修改 the items selected."""
        rows = self.selected_rows()
        if not rows:
            return
        schools = sorted({r.school for r in rows})
        description = self.tr("%n item(s) of {schools}", "", len(rows)).format(
            schools="、".join(schools[:5]) + ("…" if len(schools) > 5 else "")
        )
        self._open(
            ItemsDialog(
                self.worker,
                self.db,
                [r.id for r in rows],
                self.today(),
                description=description,
                parent=self,
            )
        )

    def change_schools(self) -> None:
        """Choose schools, then change every item of their checklists."""
        if self.data is None or self.data.progress is None or self.campaign_id is None:
            return
        chooser = SchoolsChooser(
            [(s.school_id, s.school) for s in self.data.progress.schools],
            self.school_choice.currentData() or None,
            self,
        )
        chooser.accepted.connect(lambda: self._change_schools(chooser.chosen()))
        self._open(chooser)

    def _change_schools(self, school_ids: list[int]) -> None:
        campaign_id = self.campaign_id
        if not school_ids or campaign_id is None:
            return
        names = [name for sid, name in self.school_names() if sid in set(school_ids)]

        def show(item_ids: list[int]) -> None:
            description = self.tr("All %n item(s) of {schools}", "", len(item_ids)).format(
                schools="、".join(names)
            )
            self._open(
                ItemsDialog(
                    self.worker,
                    self.db,
                    item_ids,
                    self.today(),
                    description=description,
                    parent=self,
                )
            )

        self.worker.submit(
            lambda: item_ids_of_schools(self.db, campaign_id, school_ids), on_done=show
        )

    def school_names(self) -> list[tuple[int, str]]:
        """The campaign's schools, ``(id, name)``."""
        if self.data is None or self.data.progress is None:
            return []
        return [(s.school_id, s.school) for s in self.data.progress.schools]

    def open_item(self) -> None:
        """One item with its attachments."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        self._open(ItemsDialog(self.worker, self.db, [row.id], self.today(), item=row, parent=self))

    def print_checklist(self) -> None:
        """The archive checklist of the school chosen (or of the selected item's school)."""
        row = self.campaign()
        if row is None:
            return
        school_id = self.school_choice.currentData() or None
        selected = self.selected_rows()
        if school_id is None and selected:
            school_id = selected[0].school_id
        names = dict(self.school_names())
        if school_id is None or school_id not in names:
            dialogs.inform(
                self,
                self.tr("Print checklist"),
                self.tr("Choose a school (or select one of its items) to print its checklist."),
            )
            return
        open_report(
            self,
            self.db,
            self.worker,
            "checklist",
            self.today(),
            school=names[school_id],
            campaign=row.name,
        )


class SchoolsChooser(QDialog):
    """Tick the schools whose whole checklist to change."""

    def __init__(
        self,
        schools: list[tuple[int, str]],
        ticked: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change whole schools"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        for school_id, name in sorted(schools, key=lambda s: s[1]):
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, school_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if school_id == ticked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every item of the schools ticked will be changed.")))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(380, 480)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def tick(self, school_ids: list[int]) -> None:
        """Tick exactly these schools."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(ID_ROLE) in school_ids
                else Qt.CheckState.Unchecked
            )

    def chosen(self) -> list[int]:
        """The ids of the schools ticked."""
        return [
            self.list.item(row).data(ID_ROLE)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
