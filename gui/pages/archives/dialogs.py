"""Dialogs of the 迎检档案 page: a campaign (迎检 / 专项工作) and the items of its checklists.

:class:`ArchiveCampaignDialog` enters or edits a campaign: name, kind, start, the phases with
their deadlines, the schools taking part (a tick list with a filter, "tick a zone" and "tick all
kindergartens") and the templates applied. :class:`ItemsDialog` changes many checklist items at
once — only the fields ticked change — or one item, with its attachments. Both save through the
worker; a refusal lists the Chinese messages in the dialog, marks the fields named and saves
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.archive.campaigns import (
    CampaignInput,
    ChecklistRow,
    ItemChange,
    PhaseInput,
    campaign_input,
    create_campaign,
    default_phases,
    update_campaign,
    update_items,
)
from core.archive.templates import TemplateRow, template_rows
from core.changes import Change, changes_of
from core.enums import CampaignKind, ItemStatus, SchoolKind
from core.roster.schools import school_rows
from db.engine import Database
from gui.widgets.attachments_box import AttachmentsBox
from gui.widgets.forms import DateField, FormDialog, enum_combo, select_data
from gui.worker import DbWorker

CAMPAIGNS = frozenset({Change.CAMPAIGNS})
ID_ROLE = Qt.ItemDataRole.UserRole
SCHOOL_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_HEIGHT = 180
PHASES_HEIGHT = (150, 160)
DIALOG_SIZE = (880, 720)


@dataclass(frozen=True)
class SchoolChoice:
    """A school the campaign may include."""

    id: int
    name: str
    zone: str
    kindergarten: bool


@dataclass(frozen=True)
class CampaignForm:
    """What the campaign dialog offers and, for an edit, the campaign as saved."""

    schools: list[SchoolChoice]
    templates: list[TemplateRow]
    campaign_id: int | None = None
    data: CampaignInput | None = None


def read_campaign_form(db: Database, campaign_id: int | None, today: date) -> CampaignForm:
    """The schools and templates to offer, and the campaign to edit (worker side)."""
    data = campaign_input(db, campaign_id) if campaign_id is not None else None
    kept = set(data.school_ids) if data else set()
    schools = [
        SchoolChoice(r.id, r.name, r.zone, r.kind == SchoolKind.KINDERGARTEN)
        for r in school_rows(db, today)
        if r.active or r.id in kept
    ]
    return CampaignForm(schools, template_rows(db), campaign_id, data)


def _tick_item(text: str, data: Any, ticked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(ID_ROLE, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    return item


def _ticked_ids(items: QListWidget) -> tuple[int, ...]:
    return tuple(
        items.item(row).data(ID_ROLE)
        for row in range(items.count())
        if items.item(row).checkState() == Qt.CheckState.Checked
    )


class ArchiveCampaignDialog(FormDialog):
    """新建迎检 or edit one: phases, schools and templates; saving makes the checklists."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        form: CampaignForm,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        editing = form.campaign_id is not None
        super().__init__(
            self.tr("Edit campaign") if editing else self.tr("New campaign"), worker, parent
        )
        self.db, self.campaign_id, self.today = db, form.campaign_id, today
        self.version = form.data.version if form.data else None
        self._phases_edited = editing
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. 2026年县域义务教育优质均衡督导评估迎检"))
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(CampaignKind))
        self.started_on = self.add_field("started_on", self.tr("Started on"), DateField())
        self.started_on.set_value(today)
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        self.form.addRow(self._build_phases())
        lists = QHBoxLayout()
        lists.addWidget(self._build_schools(form.schools), 3)
        lists.addWidget(self._build_templates(form.templates), 2)
        self.form.addRow(lists)

        data = form.data
        if data is not None:
            self.name.setText(data.name)
            select_data(self.kind, data.kind)
            self.started_on.set_value(data.started_on)
            self.note.setText(data.note)
            self.set_phases(data.phases)
            self._tick(self.schools, set(data.school_ids))
            self._tick(self.templates, set(data.template_ids))
        else:
            self.set_phases(default_phases(today))
            self._phases_edited = False
        self.started_on.dateChanged.connect(self._start_changed)
        self.phases.itemChanged.connect(self._phase_edited)
        self._count_ticked()
        self.setMinimumWidth(760)
        self.resize(*DIALOG_SIZE)

    # --- phases ------------------------------------------------------------------------------

    def _build_phases(self) -> QGroupBox:
        group = QGroupBox(self.tr("Phases and their deadlines"))
        self.phases = QTableWidget(0, 2)
        self.fields["phases"] = self.phases
        self.phases.setHorizontalHeaderLabels([self.tr("Phase"), self.tr("Deadline")])
        self.phases.verticalHeader().hide()
        self.phases.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.phases.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.phases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.phases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.phases.setMinimumHeight(PHASES_HEIGHT[0])
        self.phases.setMaximumHeight(PHASES_HEIGHT[1])
        add = QPushButton(self.tr("Add phase"))
        add.clicked.connect(lambda: self.add_phase())
        remove = QPushButton(self.tr("Remove phase"))
        remove.clicked.connect(self.remove_phase)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(group)
        layout.addWidget(self.phases, 1)
        layout.addLayout(buttons)
        return group

    def set_phases(self, phases: Sequence[PhaseInput]) -> None:
        """Show ``phases`` in order."""
        self.phases.blockSignals(True)
        self.phases.setRowCount(0)
        self.phases.blockSignals(False)
        for phase in phases:
            self._append_phase(phase.name, phase.deadline)

    def add_phase(self, name: str = "", deadline: date | None = None) -> None:
        """Append a phase (a new one is due with the last one) and start editing its name."""
        if deadline is None:
            last = self.phase_inputs()
            deadline = last[-1].deadline if last else self.started_on.value() or date.today()
        self._append_phase(name, deadline)
        self._phase_edited()
        row = self.phases.rowCount() - 1
        self.phases.setCurrentCell(row, 0)
        item = self.phases.item(row, 0)
        if not name and item is not None:
            self.phases.editItem(item)

    def _append_phase(self, name: str, deadline: date) -> None:
        row = self.phases.rowCount()
        self.phases.blockSignals(True)
        self.phases.insertRow(row)
        self.phases.setItem(row, 0, QTableWidgetItem(name))
        self.phases.blockSignals(False)
        field = DateField()
        field.set_value(deadline)
        field.dateChanged.connect(self._phase_edited)
        self.phases.setCellWidget(row, 1, field)

    def remove_phase(self) -> None:
        """Take the chosen phase off."""
        row = self.phases.currentRow()
        if row >= 0:
            self.phases.removeRow(row)
            self._phase_edited()

    def phase_inputs(self) -> tuple[PhaseInput, ...]:
        """The phases as entered."""
        phases = []
        for row in range(self.phases.rowCount()):
            item = self.phases.item(row, 0)
            field = self.phases.cellWidget(row, 1)
            assert isinstance(field, DateField)
            phases.append(PhaseInput(item.text() if item else "", field.value() or date.today()))
        return tuple(phases)

    def _phase_edited(self, *_args: object) -> None:
        self._phases_edited = True

    def _start_changed(self) -> None:
        """Phases the clerk has not touched follow the start date."""
        if not self._phases_edited:
            self.set_phases(default_phases(self.started_on.value() or date.today()))
            self._phases_edited = False

    # --- schools and templates ---------------------------------------------------------------

    def _build_schools(self, schools: Sequence[SchoolChoice]) -> QGroupBox:
        group = QGroupBox(self.tr("Schools taking part"))
        self.school_filter = QLineEdit()
        self.school_filter.setPlaceholderText(self.tr("Type to filter…"))
        self.school_filter.setClearButtonEnabled(True)
        self.school_filter.textChanged.connect(self._filter_schools)
        self.schools = QListWidget()
        self.schools.setMinimumHeight(LIST_HEIGHT)
        self.fields["schools"] = self.schools
        for school in schools:
            text = f"{school.name}　{school.zone}" if school.zone else school.name
            item = _tick_item(text, school.id, False)
            item.setData(SCHOOL_ROLE, school)
            self.schools.addItem(item)
        self.schools.itemChanged.connect(lambda _item: self._count_ticked())
        self.zone_choice = QComboBox()
        for zone in sorted({s.zone for s in schools if s.zone}):
            self.zone_choice.addItem(zone, zone)
        tick_zone = QPushButton(self.tr("Tick zone"))
        tick_zone.setEnabled(self.zone_choice.count() > 0)
        tick_zone.clicked.connect(self.tick_zone)
        tick_kindergartens = QPushButton(self.tr("Tick all kindergartens"))
        tick_kindergartens.clicked.connect(lambda: self._tick_where(lambda s: s.kindergarten, True))
        self.tick_all_button = QPushButton(self.tr("Tick all shown"))
        self.tick_all_button.clicked.connect(
            lambda: self._tick_where(lambda _s: True, True, shown=True)
        )
        self.untick_all_button = QPushButton(self.tr("Untick all"))
        self.untick_all_button.clicked.connect(lambda: self._tick_where(lambda _s: True, False))
        self.school_count = QLabel()
        self.school_count.setObjectName("listCount")
        buttons = QGridLayout()
        buttons.addWidget(self.zone_choice, 0, 0)
        buttons.addWidget(tick_zone, 0, 1)
        buttons.addWidget(tick_kindergartens, 0, 2)
        buttons.addWidget(self.tick_all_button, 1, 0)
        buttons.addWidget(self.untick_all_button, 1, 1)
        buttons.addWidget(self.school_count, 1, 2)
        layout = QVBoxLayout(group)
        layout.addWidget(self.school_filter)
        layout.addWidget(self.schools, 1)
        layout.addLayout(buttons)
        return group

    def _build_templates(self, templates: Sequence[TemplateRow]) -> QGroupBox:
        group = QGroupBox(self.tr("Templates applied"))
        self.templates = QListWidget()
        self.fields["templates"] = self.templates
        for template in templates:
            text = self.tr("{name} ({items} items, {required} required)").format(
                name=template.name, items=template.item_count, required=template.required_count
            )
            self.templates.addItem(_tick_item(text, template.id, False))
        hint = QLabel(
            self.tr(
                "Each school gets one checklist with the items of every template ticked that is "
                "for its kind of school (a template names the kinds it is for). Schools added "
                "later are due by the next deadline still ahead. Removing a template later drops "
                "only its items nobody has worked on."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(group)
        layout.addWidget(self.templates, 1)
        layout.addWidget(hint)
        return group

    def _tick(self, items: QListWidget, ids: set[int]) -> None:
        for row in range(items.count()):
            item = items.item(row)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(ID_ROLE) in ids else Qt.CheckState.Unchecked
            )

    def _tick_where(
        self, wanted: Callable[[SchoolChoice], bool], ticked: bool, *, shown: bool = False
    ) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row in range(self.schools.count()):
            item = self.schools.item(row)
            if (not shown or not item.isHidden()) and wanted(item.data(SCHOOL_ROLE)):
                item.setCheckState(state)

    def tick_zone(self) -> None:
        """Tick every school of the zone chosen."""
        zone = self.zone_choice.currentData()
        self._tick_where(lambda s: s.zone == zone, True)

    def tick_kindergartens(self) -> None:
        """Tick every kindergarten."""
        self._tick_where(lambda s: s.kindergarten, True)

    def tick_schools(self, ids: Sequence[int]) -> None:
        """Tick the schools with these ids (and leave the others as they are)."""
        wanted = set(ids)
        self._tick_where(lambda s: s.id in wanted, True)

    def tick_templates(self, ids: Sequence[int]) -> None:
        """Tick exactly the templates with these ids."""
        self._tick(self.templates, set(ids))

    def ticked_schools(self) -> tuple[int, ...]:
        """The ids of the schools ticked."""
        return _ticked_ids(self.schools)

    def _filter_schools(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.schools.count()):
            item = self.schools.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _count_ticked(self) -> None:
        self.school_count.setText(self.tr("%n ticked", "", len(_ticked_ids(self.schools))))

    # --- saving ------------------------------------------------------------------------------

    def input(self) -> CampaignInput:
        """The campaign as entered."""
        return CampaignInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            started_on=self.started_on.value() or date.today(),
            phases=self.phase_inputs(),
            school_ids=_ticked_ids(self.schools),
            template_ids=_ticked_ids(self.templates),
            note=self.note.text(),
        )

    def save(self) -> None:
        data = self.input()
        campaign_id, version, today = self.campaign_id, self.version, self.today
        if campaign_id is None:
            self.submit(lambda: create_campaign(self.db, data), changes_of(create_campaign))
        else:
            self.submit(
                lambda: update_campaign(self.db, campaign_id, data, version=version, today=today),
                changes_of(update_campaign),
            )

    def show_problems(self, messages: list[str], fields: Sequence[str] = ()) -> None:
        """List ``messages`` and mark the fields named (``school_ids`` marks the school list)."""
        aliases = {"school_ids": "schools", "template_ids": "templates"}
        super().show_problems(messages, [aliases.get(f, f.split(".")[0]) for f in fields])


class ItemsDialog(FormDialog):
    """Change checklist items: only the fields ticked change. With one item, its current values
    are shown, the fields edited are the ones that change (their ticks stay hidden), and its
    attachments can be added and removed."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        item_ids: Sequence[int],
        today: date,
        *,
        item: ChecklistRow | None = None,
        description: str = "",
        parent: QWidget | None = None,
    ) -> None:
        single = item is not None
        title = (
            self.tr("Checklist item") if single else self.tr("Change %n item(s)", "", len(item_ids))
        )
        super().__init__(title, worker, parent)
        self.db, self.item_ids, self.today, self.item = db, list(item_ids), today, item
        about = QLabel(self._about(item) if item is not None else description)
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(about)
        if not single:
            hint = QLabel(self.tr("Tick the fields to change; the others stay as they are."))
            hint.setObjectName("summary")
            self.form.addRow(hint)
        self.ticks: dict[str, QCheckBox] = {}
        self.status = self._field("status", self.tr("Status"), enum_combo(ItemStatus))
        self.responsible = self._field("responsible", self.tr("Responsible"), QLineEdit())
        self.due_date = self._field("due_date", self.tr("Due date"), DateField(optional=True))
        self.box_no = self._field("box_no", self.tr("Box number"), QLineEdit())
        self.location = self._field("location", self.tr("Location"), QLineEdit())
        note = QPlainTextEdit()
        note.setMaximumHeight(70)
        self.note = self._field("note", self.tr("Note"), note)
        if item is not None:
            select_data(self.status, item.status)
            self.responsible.setText(item.responsible)
            self.due_date.set_value(item.due_date)
            self.box_no.setText(item.box_no)
            self.location.setText(item.location)
            self.note.setPlainText(item.note)
            for tick in self.ticks.values():
                tick.setChecked(False)
        self._watch_edits()
        self.attachments: AttachmentsBox | None = None
        if item is not None:
            self.attachments = AttachmentsBox(
                worker, db, {"checklist_item_id": item.id}, today, CAMPAIGNS, self
            )
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.attachments)
        self.setMinimumWidth(520)

    def _about(self, item: ChecklistRow) -> str:
        lines = [f"{item.school} · {item.group}", item.title]
        if item.evidence:
            lines.append(self.tr("Evidence: {text}").format(text=item.evidence))
        extras = [self.tr("Required") if item.required else self.tr("Optional")]
        if item.retention:
            extras.append(self.tr("kept {period}").format(period=item.retention))
        lines.append(" · ".join(extras))
        return "\n".join(lines)

    def _field(self, name: str, label: str, widget: QWidget) -> Any:
        tick = QCheckBox(self.tr("change"))
        tick.setToolTip(self.tr("Tick to change this field"))
        widget.setEnabled(False)
        tick.toggled.connect(widget.setEnabled)
        self.ticks[name] = tick
        row = QHBoxLayout()
        row.addWidget(tick)
        row.addWidget(widget, 1)
        self.fields[name] = widget
        self.form.addRow(label, row)
        return widget

    def _watch_edits(self) -> None:
        """With one item the fields are open; editing one ticks it."""
        if self.item is None:
            return
        for name, widget in self.fields.items():
            widget.setEnabled(True)
            self.ticks[name].toggled.disconnect()
            self.ticks[name].hide()
        self.status.currentIndexChanged.connect(lambda _i: self.ticks["status"].setChecked(True))
        self.responsible.textEdited.connect(lambda _t: self.ticks["responsible"].setChecked(True))
        self.due_date.dateChanged.connect(lambda _d: self.ticks["due_date"].setChecked(True))
        self.box_no.textEdited.connect(lambda _t: self.ticks["box_no"].setChecked(True))
        self.location.textEdited.connect(lambda _t: self.ticks["location"].setChecked(True))
        self.note.textChanged.connect(lambda: self.ticks["note"].setChecked(True))

    def set_field(self, name: str, value: Any) -> None:
        """Tick ``name`` and set its value (a status code, a date or None, or text)."""
        self.ticks[name].setChecked(True)
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            select_data(widget, value)
        elif isinstance(widget, DateField):
            widget.set_value(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            widget.setText(value)  # type: ignore[attr-defined]

    def change(self) -> ItemChange:
        """The change as ticked."""

        def ticked(name: str) -> bool:
            return self.ticks[name].isChecked()

        due = self.due_date.value()
        return ItemChange(
            status=self.status.currentData() if ticked("status") else None,
            responsible=self.responsible.text() if ticked("responsible") else None,
            due_date=due if ticked("due_date") else None,
            clear_due_date=ticked("due_date") and due is None,
            box_no=self.box_no.text() if ticked("box_no") else None,
            location=self.location.text() if ticked("location") else None,
            note=self.note.toPlainText() if ticked("note") else None,
        )

    def save(self) -> None:
        if not any(tick.isChecked() for tick in self.ticks.values()):
            if self.item is not None:
                self.accept()
            else:
                self.show_problems([self.tr("Tick at least one field to change.")])
            return
        change, ids, today = self.change(), self.item_ids, self.today
        versions = {self.item.id: self.item.version} if self.item is not None else None
        self.submit(
            lambda: update_items(self.db, ids, change, today, versions=versions),
            changes_of(update_items),
        )
