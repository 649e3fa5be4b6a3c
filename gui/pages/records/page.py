"""The 督导记录 page: visit records of a period, and how far the visits have got.

The 督导记录 tab lists the visits of the period chosen (this semester up to today unless the
clerk picks another) that are due a record: those done, and those planned or confirmed for a
day that has come. A record is missing when the visit is done or its day has passed and nothing
was filed. The 覆盖情况 tab shows the semester per school (routine visits against the policy,
the "六个至少" still missing), the month per inspector, and the schools not visited yet this
month with their next planned day. The dashboard opens the page with a named filter: ``missing``,
``filed`` and ``all`` on the records, ``short`` and ``unvisited`` on the coverage tab.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.calendar.progress import FILING_DAYS, SchoolCoverage, filed_late, record_missing
from core.calendar.records import RecordView, record_of, record_texts
from core.calendar.views import PERIODS, RecordsView, records_view
from core.calendar.visits import VisitRow, load_inspection_items
from core.changes import EVERYTHING, Change
from core.enums import InspectionMethod, SixMinimum
from db.engine import Database
from gui.pages.records.record_dialog import (
    InspectionItemsDialog,
    RecordDialog,
    RecordForm,
    read_record_form,
)
from gui.pages.rectification.dialogs import ProblemDialog
from gui.report_actions import open_report
from gui.widgets.forms import DateField
from gui.widgets.list_page import ALL, ListPage, fit_columns
from gui.widgets.shown_rows import ShownRows
from gui.widgets.table_model import Column, RowTableModel, show_date
from gui.worker import DbWorker

RELEVANT = {Change.VISITS, Change.SCHOOLS, Change.INSPECTORS, Change.SETTINGS, Change.PROBLEMS}
COVERAGE_FILTERS = ("short", "unvisited")


def missing_record(row: VisitRow, today: date) -> bool:
    """The row owes its record (:func:`core.calendar.progress.record_missing`)."""
    return record_missing(row.status, row.day, row.has_record, today)


def short_of(row: SchoolCoverage) -> bool:
    """The school is short this semester (:attr:`SchoolCoverage.short`)."""
    return row.short


def late(row: VisitRow) -> bool:
    """The row's record was filed late (:func:`core.calendar.progress.filed_late`)."""
    return filed_late(row.day, row.filed_on)


class RecordsPage(ListPage):
    """督导记录: filling in visit records, and the semester's and month's coverage."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        columns = [
            Column(self.tr("Date"), lambda r: show_date(r.day), lambda r: r.day),
            Column(self.tr("School"), lambda r: r.school),
            Column(self.tr("Zone"), lambda r: r.zone),
            Column(self.tr("Inspector"), lambda r: r.inspector),
            Column(self.tr("Companions"), lambda r: r.companions),
            Column(self.tr("Kind"), lambda r: r.kind_label),
            Column(self.tr("Status"), lambda r: r.status_label),
            Column(
                self.tr("Record"),
                lambda r: self.tr("Filled in") if r.has_record else self.tr("Missing"),
                alert=lambda r: missing_record(r, self.today()),
            ),
            Column(
                self.tr("Filed on"),
                lambda r: show_date(r.filed_on),
                lambda r: r.filed_on,
                alert=late,
                tooltip=lambda r: (
                    self.tr("Filed more than {days} days after the visit").format(days=FILING_DAYS)
                    if late(r)
                    else ""
                ),
            ),
        ]
        super().__init__(self.tr("Visit records"), columns)
        self.db, self.worker, self.today = db, worker, today
        self.data: RecordsView | None = None
        self.preview: QWidget | None = None
        self._coverage_sized = False

        self.fill_button = self.add_button(
            self.tr("Fill in record…"), self.fill_record, needs_selection=True
        )
        self.problem_button = self.add_button(
            self.tr("Register problem…"), self.register_problem, needs_selection=True
        )
        self.print_button = self.add_button(
            self.tr("Print record form…"), self.print_record, needs_selection=True
        )
        self.blank_button = self.add_button(self.tr("Blank record form…"), self.print_blank)
        self.items_button = self.add_button(self.tr("Inspection items…"), self.edit_items)
        self.finish_actions()
        self.add_filter(
            "missing", self.tr("Record missing"), lambda r: missing_record(r, self.today())
        )
        self.add_filter("filed", self.tr("Record filled in"), lambda r: r.has_record)
        self.set_empty_state(
            self.tr(
                "No visit of this period is due a record — choose a longer period above, or "
                "plan visits on the Visit calendar page."
            )
        )
        self.table.doubleClicked.connect(lambda _index: self.fill_record())

        self._build_period()
        self._build_detail()
        self._build_tabs()
        worker.data_changed.connect(self.refresh)
        self.refresh()

    # --- layout ------------------------------------------------------------------------------

    def _build_period(self) -> None:
        self.period = QComboBox()
        for code, label in zip(
            PERIODS,
            (
                self.tr("This semester"),
                self.tr("This month"),
                self.tr("This year"),
                self.tr("From – to"),
            ),
            strict=True,
        ):
            self.period.addItem(label, code)
        self.first = DateField()
        self.last = DateField()
        self.first.set_value(self.today())
        self.last.set_value(self.today())
        self._custom_enabled(False)
        self.period.currentIndexChanged.connect(self._period_changed)
        for field in (self.first, self.last):
            field.dateChanged.connect(self._dates_changed)
        self.period_widgets = (
            QLabel(self.tr("Period")),
            self.period,
            self.first,
            QLabel("–"),
            self.last,
        )

    def _build_detail(self) -> None:
        panel = QWidget()
        panel.setMinimumWidth(220)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail, 1)
        self.content.addWidget(panel)
        self.content.setStretchFactor(0, 4)
        self.content.setStretchFactor(1, 1)
        self._show_detail(None)

    def _build_tabs(self) -> None:
        """Move the list's bars and table into the first tab; the coverage is the second."""
        records = QWidget()
        layout = QVBoxLayout(records)
        layout.setContentsMargins(0, 8, 0, 0)
        below_actions = self.body.itemAt(self.body.indexOf(self.actions_bar) + 1)
        filters = below_actions.layout() if below_actions is not None else None
        assert isinstance(filters, QHBoxLayout), "ListPage puts the filter row below the actions"
        for index, widget in enumerate(self.period_widgets):
            filters.insertWidget(index, widget)
        filters.insertSpacing(len(self.period_widgets), 12)
        for moved in (self.actions_bar, filters):
            self.body.removeItem(moved)
            moved.setParent(None)
            layout.addLayout(moved)
        self.body.removeWidget(self.content)
        layout.addWidget(self.content, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(records, self.tr("Visit records"))
        self.tabs.addTab(self._build_coverage(), self.tr("Coverage"))
        self.tabs.currentChanged.connect(lambda _index: self._show_summary())
        self.body.addWidget(self.tabs, 1)

    def _build_coverage(self) -> QWidget:
        self.coverage_model = RowTableModel(
            [
                Column(self.tr("School"), lambda c: c.school),
                Column(self.tr("Zone"), lambda c: c.zone),
                Column(self.tr("Responsible inspector"), lambda c: c.inspector),
                Column(
                    self.tr("Routine done"),
                    lambda c: str(c.routine_done),
                    lambda c: c.routine_done,
                    True,
                    alert=lambda c: c.routine_short,
                ),
                Column(
                    self.tr("Planned"),
                    lambda c: str(c.routine_on_calendar),
                    lambda c: c.routine_on_calendar,
                    True,
                ),
                Column(
                    self.tr("Required"),
                    lambda c: str(c.routine_required),
                    lambda c: c.routine_required,
                    True,
                ),
                Column(
                    self.tr("Six minimums"),
                    lambda c: (
                        f"{len(c.six_done)} / {len(SixMinimum)}"
                        if c.six_asked
                        else self.tr("Not asked")
                    ),
                    lambda c: len(c.six_done),
                    True,
                    alert=lambda c: bool(c.six_missing),
                ),
                Column(
                    self.tr("Still missing"),
                    lambda c: (
                        self.tr("All six missing")
                        if len(c.six_missing) == len(SixMinimum)
                        else "、".join(c.six_missing)
                    ),
                    tooltip=lambda c: "、".join(c.six_missing),
                ),
            ],
            parent=self,
        )
        self.coverage_proxy = ShownRows(self.coverage_model, self)
        self.short_only = QCheckBox(
            self.tr("Only schools short of routine visits or of the six minimums")
        )
        self.short_only.toggled.connect(
            lambda on: self.coverage_proxy.set_predicate(short_of if on else None)
        )
        semester = QWidget()
        layout = QVBoxLayout(semester)
        layout.addWidget(self.short_only)
        self.coverage_view = _table(self.coverage_proxy)
        layout.addWidget(self.coverage_view, 1)

        self.progress_model = RowTableModel(
            [
                Column(self.tr("Inspector"), lambda p: p.inspector),
                Column(
                    self.tr("Visits planned"), lambda p: str(p.planned), lambda p: p.planned, True
                ),
                Column(self.tr("Visits done"), lambda p: str(p.done), lambda p: p.done, True),
                Column(
                    self.tr("Responsible schools visited"),
                    lambda p: f"{p.schools_visited} / {p.schools}",
                    lambda p: p.schools_visited - p.schools,
                    True,
                ),
            ],
            parent=self,
        )
        self.unvisited_model = RowTableModel(
            [
                Column(self.tr("School"), lambda u: u.school),
                Column(self.tr("Zone"), lambda u: u.zone),
                Column(self.tr("Responsible inspector"), lambda u: u.inspector),
                Column(
                    self.tr("Next planned visit"),
                    lambda u: show_date(u.next_visit) or self.tr("None planned"),
                    lambda u: u.next_visit,
                    alert=lambda u: u.next_visit is None,
                ),
            ],
            parent=self,
        )
        self.coverage_tabs = QTabWidget()
        self.coverage_tabs.setDocumentMode(True)
        self.coverage_tabs.addTab(semester, self.tr("Semester per school"))
        self.progress_view = _table(ShownRows(self.progress_model, self))
        self.progress_view.horizontalHeader().setStretchLastSection(False)
        self.unvisited_view = _table(ShownRows(self.unvisited_model, self))
        self.coverage_tabs.addTab(self.progress_view, self.tr("Inspectors this month"))
        self.coverage_tabs.addTab(self.unvisited_view, self.tr("Not visited this month"))
        return self.coverage_tabs

    # --- named filters ------------------------------------------------------------------------

    def apply_filter(self, key: str) -> None:
        """Show the named filter's list: records (missing, filed, all) or coverage (short,
        unvisited)."""
        if key == "short":
            self.tabs.setCurrentIndex(1)
            self.coverage_tabs.setCurrentIndex(0)
            self.short_only.setChecked(True)
        elif key == "unvisited":
            self.tabs.setCurrentIndex(1)
            self.coverage_tabs.setCurrentIndex(2)
        else:
            self.tabs.setCurrentIndex(0)
            super().apply_filter(ALL if key == "all" else key)

    # --- reading -----------------------------------------------------------------------------

    def _custom_enabled(self, enabled: bool) -> None:
        self.first.setEnabled(enabled)
        self.last.setEnabled(enabled)

    def _period_changed(self, _index: int) -> None:
        self._custom_enabled(self.period.currentData() == "custom")
        self.refresh()

    def _dates_changed(self) -> None:
        if self.period.currentData() == "custom":
            self.refresh()

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the period's visits and the coverage again in the background."""
        if not self.needs_reading(changes, RELEVANT):
            return
        period, day = self.period.currentData(), self.today()
        first, last = self.first.value() or day, self.last.value() or day
        custom = (min(first, last), max(first, last))
        self.read(
            lambda: records_view(self.db, period, day, custom),
            lambda data: data.rows,
            self.show_data,
        )

    def show_data(self, data: RecordsView) -> None:
        """Put what was read into the tables and the summaries."""
        self.data = data
        for field, day in ((self.first, data.first), (self.last, data.last)):
            field.blockSignals(True)
            field.set_value(day)
            field.blockSignals(False)
        self.set_rows(data.rows)
        self.coverage_model.set_rows(data.coverage)
        self.progress_model.set_rows(data.progress)
        self.unvisited_model.set_rows(data.unvisited)
        self._show_summary()
        if not self._coverage_sized:
            for view in (self.coverage_view, self.progress_view, self.unvisited_view):
                fit_columns(view)
            self._coverage_sized = bool(data.coverage)
        self.selection_changed()

    def _show_summary(self) -> None:
        """The records' figures on the first tab, the coverage's on the second."""
        data = self.data
        if data is None:
            return
        if self.tabs.currentIndex() == 0:
            alert = data.missing > 0
            text = self.tr(
                "{first} to {last}: {count} visits due a record, {filed} filled in, "
                "{missing} missing"
            ).format(
                first=show_date(data.first),
                last=show_date(data.last),
                count=len(data.rows),
                filed=data.filed,
                missing=data.missing,
            )
        else:
            short = sum(1 for c in data.coverage if c.routine_short)
            alert = short > 0
            text = self.tr(
                "{semester} ({start} to {end}): {short} of {count} schools short of routine "
                "visits, {six} with some of the six minimums missing; {unvisited} schools not "
                "visited yet this month"
            ).format(
                semester=data.semester.name,
                start=show_date(data.semester.start),
                end=show_date(data.semester.end),
                short=short,
                count=len(data.coverage),
                six=sum(1 for c in data.coverage if c.six_missing),
                unvisited=len(data.unvisited),
            )
        self.summary.setText(text)
        self.summary.setProperty("alert", alert)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    # --- the selected visit ------------------------------------------------------------------

    def selection_changed(self) -> None:
        row = self._one()
        for button in (self.fill_button, self.problem_button, self.print_button):
            button.setEnabled(row is not None)
        if row is None or not row.has_record:
            self._show_detail(row)
            return
        visit_id = row.id
        self.worker.submit(lambda: record_of(self.db, visit_id), on_done=self._show_record)

    def _show_detail(self, row: VisitRow | None) -> None:
        if row is None:
            self.detail_title.setText(self.tr("Select a visit to see its record."))
            self.detail.clear()
            return
        self.detail_title.setText(f"{row.school}　{show_date(row.day)}")
        self.detail.setPlainText(self.tr("No record yet. Double-click to fill it in."))

    def _show_record(self, view: RecordView) -> None:
        row = self._one()
        if row is None or row.id != view.visit_id or view.record is None:
            return
        record = view.record
        self.detail_title.setText(f"{view.school}　{show_date(view.day)}")
        parts = [
            (self.tr("Main inspection items"), "<br>".join(map(html.escape, record.items))),
            (self.tr("Methods"), html.escape(record_texts(record.methods, InspectionMethod))),
            (self.tr("Six minimums"), html.escape(record_texts(record.six_minimum, SixMinimum))),
            (self.tr("Findings"), _paragraphs(record.findings)),
            (self.tr("Problems"), _paragraphs(record.problems)),
            (self.tr("Advice"), _paragraphs(record.advice)),
            (self.tr("Feedback on site"), _paragraphs(record.feedback)),
            (self.tr("Filed on"), show_date(record.filed_on)),
            (
                self.tr("Attachments"),
                "<br>".join(html.escape(a.file_name) for a in view.attachments),
            ),
        ]
        self.detail.setHtml(
            "".join(f"<p><b>{title}</b><br>{text}</p>" for title, text in parts if text)
        )

    # --- actions ----------------------------------------------------------------------------

    def fill_record(self) -> None:
        """Open the record form of the selected visit."""
        row = self._one()
        if row is None:
            return
        visit_id = row.id
        self.worker.submit(lambda: read_record_form(self.db, visit_id), on_done=self._open_form)

    def _open_form(self, form: RecordForm) -> None:
        self._open(RecordDialog(self.worker, self.db, form, self.today(), self))

    def print_record(self) -> None:
        """督导记录表 of the selected visit, filled in as far as its record goes."""
        row = self._one()
        if row is not None:
            open_report(self, self.db, self.worker, "visit-form", self.today(), visit=row.id)

    def print_blank(self) -> None:
        """A blank 督导记录表 to take to a school."""
        open_report(self, self.db, self.worker, "visit-form", self.today(), visit=None)

    def register_problem(self) -> None:
        """登记问题 found on the selected visit, with its school and day filled in."""
        row = self._one()
        if row is not None:
            self._open(
                ProblemDialog(
                    self.worker,
                    self.db,
                    [(row.school_id, row.school)],
                    school_id=row.school_id,
                    visit_id=row.id,
                    found_on=row.day,
                    parent=self,
                )
            )

    def edit_items(self) -> None:
        """Edit the office's list of main inspection items."""
        self.worker.submit(
            lambda: load_inspection_items(self.db),
            on_done=lambda items: self._open(
                InspectionItemsDialog(self.worker, self.db, items, self)
            ),
        )


def _paragraphs(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _table(model: ShownRows) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    return view
