"""The 培训 page: each serving inspector's hours for a year against the policy, and the records.

The upper list holds one line per inspector in office (the hours this year of the forms the
office counts, pre-service training for new inspectors, centralized training in the last three
years, and the hours of each form); the lower list holds the
records of the inspector selected, or of everyone in that year. One course can be entered for
many inspectors at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.changes import EVERYTHING, Change, changes_of
from core.enums import TrainingForm
from core.roster.training import (
    TrainingInput,
    TrainingLine,
    TrainingTotal,
    add_training,
    delete_training,
    load_counted_forms,
    training_lines,
    training_summary,
    update_training,
)
from db.engine import Database
from gui import dialogs
from gui.pages.training.forms_dialog import CountedFormsDialog
from gui.report_actions import open_report
from gui.sheet_actions import add_sheet_menu
from gui.widgets.forms import DateField, FormDialog, enum_combo, select_data
from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column, RowTableModel, show_date
from gui.worker import DbWorker

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class TrainingData:
    year: int
    totals: list[TrainingTotal]
    lines: list[TrainingLine]
    counted: tuple[str, ...] = ()


def _hours(value: float) -> str:
    return f"{value:g}"


def _by_form(total: TrainingTotal) -> str:
    """The year's hours of each form, the forms not counted marked with an asterisk."""
    return "；".join(
        f"{TrainingForm.label_of(form)}{'' if form in total.counted_forms else '*'} {_hours(h)}"
        for form, h in total.by_form.items()
    )


class TrainingPage(ListPage):
    """Yearly totals per inspector, and the training records behind them."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        columns = [
            Column(self.tr("Name"), lambda t: t.name),
            Column(
                self.tr("Hours this year"),
                lambda t: _hours(t.hours),
                lambda t: t.hours,
                True,
                alert=lambda t: t.shortfall > 0,
            ),
            Column(self.tr("Required"), lambda t: str(t.required), lambda t: t.required, True),
            Column(
                self.tr("Short by"),
                lambda t: _hours(t.shortfall) if t.shortfall else "",
                lambda t: t.shortfall,
                True,
                alert=lambda t: t.shortfall > 0,
            ),
            Column(
                self.tr("Pre-service"),
                lambda t: (
                    f"{_hours(t.preservice_hours)} / {t.preservice_minimum}"
                    if t.preservice_required
                    else ""
                ),
                lambda t: t.preservice_hours if t.preservice_required else -1,
                alert=lambda t: t.missing_preservice,
            ),
            Column(
                self.tr("Centralized days, 3 years"),
                lambda t: str(t.centralized_days),
                lambda t: t.centralized_days,
                True,
                alert=lambda t: t.missing_centralized,
            ),
            Column(self.tr("Hours by form (* not counted)"), _by_form),
        ]
        super().__init__(self.tr("Training"), columns)
        self.db = db
        self.worker = worker
        self.today = today
        self.data: TrainingData | None = None

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.setPrefix(self.tr("Year "))
        self.actions_bar.addWidget(self.year)
        self.add_button(self.tr("Add training…"), self.add_record)
        self.sheets = add_sheet_menu(self, "training", db, worker, today)
        self.set_empty_state(
            self.tr(
                "No training recorded yet — click “Add training…” or import the hours from Excel."
            ),
            [
                (self.tr("Add training…"), self.add_record),
                (self.tr("Import from Excel…"), self.sheets.start_import),
            ],
        )
        self.print_button = self.add_button(self.tr("Print hours…"), self.print_hours)
        self.add_button(self.tr("Counted forms…"), self.choose_counted_forms)
        self.finish_actions()

        self.add_filter("shortfall", self.tr("Short of hours"), lambda t: t.shortfall > 0)
        self.add_filter(
            "preservice", self.tr("Pre-service missing"), lambda t: t.missing_preservice
        )
        self.add_filter(
            "centralized", self.tr("Centralized training missing"), lambda t: t.missing_centralized
        )

        self._build_records()
        self.year.valueChanged.connect(lambda _year: self.refresh())
        worker.data_changed.connect(self.refresh)
        self.refresh()

    def _build_records(self) -> None:
        self.records_title = QLabel()
        self.records_model = RowTableModel(
            [
                Column(self.tr("Inspector"), lambda r: r.inspector),
                Column(self.tr("From"), lambda r: show_date(r.start_date)),
                Column(self.tr("To"), lambda r: show_date(r.end_date)),
                Column(self.tr("Course"), lambda r: r.course),
                Column(self.tr("Form"), lambda r: TrainingForm.label_of(r.form)),
                Column(self.tr("Hours"), lambda r: _hours(r.hours), numeric=True),
                Column(self.tr("Organizer"), lambda r: r.organizer),
                Column(self.tr("Certificate"), lambda r: r.certificate),
            ],
            parent=self,
        )
        self._records_sized = False
        self.records = QTableView()
        self.records.setModel(self.records_model)
        self.records.verticalHeader().hide()
        self.records.horizontalHeader().setStretchLastSection(True)
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.doubleClicked.connect(lambda _index: self.edit_record())
        edit = QPushButton(self.tr("Edit record…"))
        edit.clicked.connect(self.edit_record)
        remove = QPushButton(self.tr("Delete records"))
        remove.clicked.connect(self.delete_records)
        bar = QHBoxLayout()
        bar.addWidget(self.records_title, 1)
        bar.addWidget(edit)
        bar.addWidget(remove)
        self.body.addLayout(bar)
        self.body.addWidget(self.records, 1)

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the year's figures and records again in the background."""
        if not self.needs_reading(changes, {Change.TRAINING, Change.INSPECTORS, Change.SETTINGS}):
            return
        year, day = self.year.value(), self.today()
        as_of = day if year == day.year else min(day, date(year, 12, 31))

        def read() -> TrainingData:
            return TrainingData(
                year,
                training_summary(self.db, as_of, year),
                training_lines(self.db, year),
                load_counted_forms(self.db),
            )

        self.worker.submit(read, on_done=self.show_data)

    def show_data(self, data: TrainingData) -> None:
        self.data = data
        self.set_rows(data.totals)
        short = sum(1 for t in data.totals if t.shortfall > 0)
        required = data.totals[0].required if data.totals else 0
        self.summary.setText(
            self.tr(
                "{year}: {short} of {count} inspectors below {required} hours (counting {forms})"
            ).format(
                year=data.year,
                short=short,
                count=len(data.totals),
                required=required,
                forms="、".join(TrainingForm.label_of(f) for f in data.counted),
            )
        )
        self.selection_changed()

    def selection_changed(self) -> None:
        if self.data is None:
            return
        chosen = {t.inspector_id for t in self.selected_rows()}
        lines = [r for r in self.data.lines if not chosen or r.inspector_id in chosen]
        self.records_model.set_rows(lines)
        if lines and not self._records_sized:
            self.records.resizeColumnsToContents()
            self._records_sized = True
        self.records_title.setText(
            self.tr("Records of {year}: {count}").format(year=self.data.year, count=len(lines))
        )

    def selected_records(self) -> list[TrainingLine]:
        rows = sorted(index.row() for index in self.records.selectionModel().selectedRows())
        return [self.records_model.rows[row] for row in rows]

    def choose_counted_forms(self) -> None:
        """Choose which forms count toward the yearly hours."""
        if self.data is not None:
            self._open(CountedFormsDialog(self.worker, self.db, self.data.counted, self))

    def print_hours(self) -> None:
        """学时统计 of the year shown."""
        open_report(self, self.db, self.worker, "training", self.today(), year=self.year.value())

    def add_record(self) -> None:
        if self.data is None:
            return
        chosen = {t.inspector_id for t in self.selected_rows()}
        self._open(TrainingDialog(self.worker, self.db, self.data.totals, chosen, None, self))

    def edit_record(self) -> None:
        records = self.selected_records()
        if len(records) == 1 and self.data is not None:
            self._open(
                TrainingDialog(self.worker, self.db, self.data.totals, set(), records[0], self)
            )

    def delete_records(self) -> None:
        records = self.selected_records()
        if not records:
            return
        question = self.tr("Delete %n training record(s)?", "", len(records))
        if dialogs.ask(self, self.tr("Training"), question):
            ids = [r.id for r in records]
            self.worker.submit(
                lambda: delete_training(self.db, ids), changes=changes_of(delete_training)
            )


class TrainingDialog(FormDialog):
    """One course for one or many inspectors (new), or one record (edit)."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        inspectors: Sequence[TrainingTotal],
        chosen: set[int],
        record: TrainingLine | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Add training") if record is None else self.tr("Edit training record")
        super().__init__(title, worker, parent)
        self.db, self.record = db, record
        self.course = self.add_field("course", self.tr("Course"), QLineEdit())
        self.organizer = self.add_field("organizer", self.tr("Organizer"), QLineEdit())
        self.form_kind = self.add_field("form", self.tr("Form"), enum_combo(TrainingForm))
        self.start = self.add_field("start_date", self.tr("From"), DateField())
        self.end = self.add_field("end_date", self.tr("To"), DateField())
        self.hours = self.add_field("hours", self.tr("Hours"), QDoubleSpinBox())
        self.hours.setRange(0, 2000)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.certificate = self.add_field("certificate", self.tr("Certificate"), QLineEdit())
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        self.start.dateChanged.connect(
            lambda day: self.end.setDate(day) if self.end.date() < day else None
        )
        self.inspectors = QListWidget()
        if record is None:
            for total in inspectors:
                item = QListWidgetItem(total.name)
                item.setData(ID_ROLE, total.inspector_id)
                checked = total.inspector_id in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.inspectors.addItem(item)
            self.inspectors.setMinimumHeight(160)
            box = QVBoxLayout()
            box.addWidget(self.inspectors)
            self.fields["inspectors"] = self.inspectors
            self.form.insertRow(0, self.tr("Inspectors"), box)
        else:
            self.course.setText(record.course)
            self.organizer.setText(record.organizer)
            select_data(self.form_kind, record.form)
            self.start.set_value(record.start_date)
            self.end.set_value(record.end_date)
            self.hours.setValue(record.hours)
            self.certificate.setText(record.certificate)
            self.note.setText(record.note)

    def check_all(self) -> None:
        """Tick every inspector (a course the whole office attended)."""
        for index in range(self.inspectors.count()):
            self.inspectors.item(index).setCheckState(Qt.CheckState.Checked)

    def save(self) -> None:
        data = TrainingInput(
            start_date=self.start.value() or date.today(),
            end_date=self.end.value() or date.today(),
            course=self.course.text(),
            hours=self.hours.value(),
            form=self.form_kind.currentData(),
            organizer=self.organizer.text(),
            certificate=self.certificate.text(),
            note=self.note.text(),
        )
        if self.record is not None:
            record_id, version = self.record.id, self.record.version
            self.submit(
                lambda: update_training(self.db, record_id, data, version=version),
                changes_of(update_training),
            )
            return
        items = (self.inspectors.item(i) for i in range(self.inspectors.count()))
        ids = [i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]
        self.submit(lambda: add_training(self.db, ids, data), changes_of(add_training))
