"""The 学校 page: schools and kindergartens by zone, their responsible inspector, zone sizes.

A school is never deleted here: 停用 keeps its history and ends its 挂牌; 启用 brings it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.changes import EVERYTHING, Change, changes_of
from core.enums import SchoolKind
from core.office.policy import PolicyProfile
from core.office.settings import load_policy
from core.overview import ZoneFigures, compliance, rotation_due
from core.roster.schools import (
    SchoolInput,
    SchoolRow,
    ZoneRow,
    delete_zone,
    save_school,
    save_zone,
    school_rows,
    set_schools_active,
    zone_rows,
)
from db.engine import Database
from gui import dialogs
from gui.report_actions import open_report
from gui.sheet_actions import add_sheet_menu
from gui.widgets.forms import DateField, FormDialog, enum_combo, select_data
from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column, show_date
from gui.worker import DbWorker

ZONE_NAME_ROLE = Qt.ItemDataRole.UserRole
ZONE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_VERSION_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class SchoolsData:
    rows: list[SchoolRow]
    zones: list[ZoneRow]
    policy: PolicyProfile


class SchoolsPage(ListPage):
    """The list of schools with add/edit, 停用/启用, zones, import and export."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        columns = [
            Column(self.tr("School"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: r.kind_label),
            Column(
                self.tr("Ownership"),
                lambda r: self.tr("Private") if r.is_private else self.tr("Public"),
            ),
            Column(self.tr("Students"), lambda r: str(r.enrolment), lambda r: r.enrolment, True),
            Column(
                self.tr("Zone"), lambda r: r.zone or self.tr("(none)"), alert=lambda r: not r.zone
            ),
            Column(
                self.tr("Responsible inspector"),
                lambda r: r.inspector or (self.tr("(none)") if r.active else ""),
                alert=lambda r: r.active and not r.inspector,
            ),
            Column(
                self.tr("Assigned since"),
                lambda r: show_date(r.inspector_since),
                lambda r: r.inspector_since,
            ),
            Column(self.tr("Principal"), lambda r: r.principal),
            Column(
                self.tr("Principal's term ends"),
                lambda r: show_date(r.principal_term_end),
                lambda r: r.principal_term_end,
            ),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Address"), lambda r: r.address),
            Column(
                self.tr("Status"),
                lambda r: self.tr("In use") if r.active else self.tr("Deactivated"),
            ),
        ]
        super().__init__(self.tr("Schools"), columns, muted=lambda r: not r.active)
        self.db = db
        self.worker = worker
        self.today = today
        self.data: SchoolsData | None = None

        self.add_button(self.tr("Add school…"), self.add_school)
        self.edit_button = self.add_button(self.tr("Edit…"), self.edit_school, needs_selection=True)
        self.deactivate_button = self.add_button(
            self.tr("Deactivate"), lambda: self.set_active(False), needs_selection=True
        )
        self.activate_button = self.add_button(
            self.tr("Activate"), lambda: self.set_active(True), needs_selection=True
        )
        self.add_button(self.tr("Zones…"), self.edit_zones)
        self.sheets = add_sheet_menu(self, "schools", db, worker, today)
        self.print_actions = self.add_menu(
            self.tr("Print"),
            [
                (self.tr("Signs of the selected schools…"), self.print_signs, True),
                (self.tr("Signs of every school…"), lambda: self._signs(None), False),
                (self.tr("Comprehensive inspection report…"), self.print_inspection, True),
            ],
        )
        self.inspection_action = self.print_actions[self.tr("Comprehensive inspection report…")]
        # the same report from the school's row: right click
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.inspection_action)
        self.finish_actions()

        self.add_filter("active", self.tr("In use"), lambda r: r.active)
        self.add_filter(
            "uncovered", self.tr("Without an inspector"), lambda r: r.active and not r.inspector
        )
        self.add_filter(
            "kindergartens",
            self.tr("Kindergartens"),
            lambda r: r.active and r.kind == "kindergarten",
        )
        self.add_filter("private", self.tr("Private"), lambda r: r.active and r.is_private)
        self.add_filter("large", self.tr("Large (own inspector)"), self._is_large)
        self.add_filter("rotation", self.tr("Same inspector for years"), self._rotation_due)
        self.add_filter("inactive", self.tr("Deactivated"), lambda r: not r.active)
        self.apply_filter("active")
        self.set_empty_state(
            self.tr(
                "No schools yet — click “Add school…” or import the office's list from Excel "
                "(a blank template shows the columns). To try the app first, load the demo "
                "office on the dashboard."
            ),
            [
                (self.tr("Add school…"), self.add_school),
                (self.tr("Import from Excel…"), self.sheets.start_import),
                (self.tr("Blank template…"), self.sheets.template),
            ],
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_school())

        worker.data_changed.connect(self.refresh)
        self.refresh()

    def _is_large(self, row: SchoolRow) -> bool:
        limit = self.data.policy.dedicated_inspector_enrolment if self.data else 3000
        return row.active and row.enrolment > limit

    def _rotation_due(self, row: SchoolRow) -> bool:
        if not (row.active and row.inspector_since and self.data):
            return False
        return rotation_due(row.inspector_since, self.today(), self.data.policy)

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the schools again in the background."""
        if not self.needs_reading(changes, {Change.SCHOOLS, Change.INSPECTORS, Change.SETTINGS}):
            return
        day = self.today()

        def read() -> SchoolsData:
            return SchoolsData(school_rows(self.db, day), zone_rows(self.db), load_policy(self.db))

        self.worker.submit(read, on_done=self.show_data)

    def show_data(self, data: SchoolsData) -> None:
        self.data = data
        self.set_rows(data.rows)
        parts = [
            self.tr("{zone}: {count}").format(zone=z.name, count=z.schools)
            + (" ⚠" if z.over_limit else "")
            for z in data.zones
        ]
        crowded = [z.name for z in data.zones if z.over_limit]
        text = " · ".join(parts) if parts else self.tr("No zones yet: add them under Zones…")
        if crowded:
            text += "\n" + self.tr("More than {limit} schools in: {zones}").format(
                limit=data.policy.zone_school_warning, zones="、".join(crowded)
            )
        self.summary.setText(text)
        self.summary.setProperty("alert", bool(crowded))
        self.summary.style().polish(self.summary)

    def selection_changed(self) -> None:
        rows = self.selected_rows()
        self.edit_button.setEnabled(len(rows) == 1)
        self.deactivate_button.setEnabled(any(r.active for r in rows))
        self.activate_button.setEnabled(any(not r.active for r in rows))
        self.inspection_action.setEnabled(len(rows) == 1)

    def print_signs(self) -> None:
        """The 公示牌 of the selected school (or of every school when several are selected)."""
        rows = self.selected_rows()
        self._signs(rows[0].name if len(rows) == 1 else None)

    def print_inspection(self) -> None:
        """The 综合督导报告 of the selected school over its principal's current term."""
        row = self._one()
        if row is not None:
            open_report(self, self.db, self.worker, "school-inspection", self.today(),
                        school=row.name)  # fmt: skip

    def _signs(self, school: str | None) -> None:
        open_report(self, self.db, self.worker, "sign", self.today(), school=school)

    def zone_names(self) -> list[str]:
        return [z.name for z in self.data.zones] if self.data else []

    def add_school(self) -> None:
        self._open(SchoolDialog(self.worker, self.db, self.zone_names(), None, self))

    def edit_school(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._open(SchoolDialog(self.worker, self.db, self.zone_names(), rows[0], self))

    def edit_zones(self) -> None:
        self._open(ZonesDialog(self.worker, self.db, self.today(), self))

    def set_active(self, active: bool) -> None:
        rows = [r for r in self.selected_rows() if r.active != active]
        if not rows:
            return
        names = "、".join(r.name for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        if not active:
            question = self.tr(
                "Deactivate {count} school(s): {names}?\n\nTheir history is kept; their "
                "responsible inspector's assignment ends today."
            ).format(count=len(rows), names=names)
            if not dialogs.ask(self, self.tr("Deactivate"), question):
                return
        ids = [r.id for r in rows]
        day = self.today()
        self.worker.submit(
            lambda: set_schools_active(self.db, ids, active, day),
            changes=changes_of(set_schools_active),
        )


class SchoolDialog(FormDialog):
    """Add or edit one school."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        zones: list[str],
        row: SchoolRow | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Add school") if row is None else self.tr("Edit school")
        super().__init__(title, worker, parent)
        self.db = db
        self.row = row
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(SchoolKind))
        self.private = self.add_field("is_private", self.tr("Private"), QCheckBox())
        self.enrolment = self.add_field("enrolment", self.tr("Students"), QSpinBox())
        self.enrolment.setRange(0, 100000)
        self.zone = self.add_field("zone", self.tr("Zone"), QComboBox())
        self.zone.addItem(self.tr("(none)"), "")
        for zone in zones:
            self.zone.addItem(zone, zone)
        self.principal = self.add_field("principal", self.tr("Principal"), QLineEdit())
        self.term_end = self.add_field(
            "principal_term_end", self.tr("Principal's term ends"), DateField(optional=True)
        )
        self.phone = self.add_field("phone", self.tr("Phone"), QLineEdit())
        self.address = self.add_field("address", self.tr("Address"), QLineEdit())
        if row is not None:
            self.name.setText(row.name)
            select_data(self.kind, row.kind)
            self.private.setChecked(row.is_private)
            self.enrolment.setValue(row.enrolment)
            select_data(self.zone, row.zone)
            self.principal.setText(row.principal)
            self.term_end.set_value(row.principal_term_end)
            self.phone.setText(row.phone)
            self.address.setText(row.address)

    def value(self) -> SchoolInput:
        return SchoolInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            is_private=self.private.isChecked(),
            enrolment=self.enrolment.value(),
            principal=self.principal.text(),
            principal_term_end=self.term_end.value(),
            phone=self.phone.text(),
            address=self.address.text(),
            zone=self.zone.currentData(),
        )

    def save(self) -> None:
        data, school_id = self.value(), self.row.id if self.row else None
        version = self.row.version if self.row else None
        self.submit(
            lambda: save_school(self.db, data, school_id, version=version),
            changes_of(save_school),
        )


class ZonesDialog(FormDialog):
    """Add, rename and delete responsibility zones."""

    def __init__(
        self, worker: DbWorker, db: Database, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Zones"), worker, parent)
        self.db = db
        self.today = today
        self.setMinimumWidth(520)
        self.zones = QListWidget()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Zone name"))
        add = QPushButton(self.tr("Add"))
        rename = self.rename_button = QPushButton(self.tr("Rename"))
        remove = QPushButton(self.tr("Delete"))
        add.clicked.connect(lambda: self._save(None))
        rename.clicked.connect(self._rename)
        remove.clicked.connect(self._delete)
        self.zones.currentItemChanged.connect(
            lambda item, _old: self.name.setText(item.data(ZONE_NAME_ROLE) if item else "")
        )
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        for button in (add, rename, remove):
            row.addWidget(button)
        box = QVBoxLayout()
        box.addWidget(self.zones)
        box.addLayout(row)
        self.form.addRow(box)
        self.buttons.clear()
        self.buttons.addButton(self.buttons.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        day = self.today

        def read() -> tuple[list[ZoneRow], dict[str, ZoneFigures]]:
            figures = {z.name: z for z in compliance(self.db, day).zones}
            return zone_rows(self.db), figures

        self.worker.submit(read, on_done=self._show)

    def _show(self, data: tuple[list[ZoneRow], dict[str, ZoneFigures]]) -> None:
        zones, figures = data
        self.zones.clear()
        for zone in zones:
            text = self.tr("{zone} ({count} schools)").format(zone=zone.name, count=zone.schools)
            staffed = figures.get(zone.name)
            if staffed is not None:
                text += " · " + self.tr(
                    "{inspectors} responsible inspectors, {required} by the ratio"
                ).format(inspectors=staffed.inspectors, required=staffed.required_inspectors)
            item = QListWidgetItem(text + (" ⚠" if zone.over_limit else ""))
            item.setData(ZONE_NAME_ROLE, zone.name)
            item.setData(ZONE_ID_ROLE, zone.id)
            item.setData(ZONE_VERSION_ROLE, zone.version)
            self.zones.addItem(item)

    def _selected(self) -> int | None:
        item = self.zones.currentItem()
        return item.data(ZONE_ID_ROLE) if item else None

    def _rename(self) -> None:
        item = self.zones.currentItem()
        if item is not None:
            self._save(item.data(ZONE_ID_ROLE), item.data(ZONE_VERSION_ROLE))

    def _save(self, zone_id: int | None, version: int | None = None) -> None:
        name = self.name.text()
        self.worker.submit(
            lambda: save_zone(self.db, name, zone_id, version=version),
            on_done=lambda _id: self._after(),
            on_error=self._failed,
            changes=changes_of(save_zone),
        )

    def _delete(self) -> None:
        zone_id = self._selected()
        if zone_id is None:
            return
        self.worker.submit(
            lambda: delete_zone(self.db, zone_id),
            on_done=lambda _none: self._after(),
            on_error=self._failed,
            changes=changes_of(delete_zone),
        )

    def _after(self) -> None:
        self.show_problems([])
        self.name.clear()
        self.reload()

    def save(self) -> None:
        self.accept()
