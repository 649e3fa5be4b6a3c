"""The 督学 page: the roster, one inspector's terms, 挂牌 history and recusals, and their actions.

Status is derived from the terms (在任, 任期届满, 解聘, 离任). Term actions (任命, 考核, 续聘,
结束任期, 批量换届) and 挂牌 actions (挂牌学校, 结束挂牌, 回避) are in two menus above the list; the
rules and their refusals live in ``core.roster.terms`` and ``core.roster.assignments``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.changes import EVERYTHING, Change, changes_of
from core.enums import Employment, Gender
from core.office.policy import PolicyProfile
from core.office.settings import load_policy
from core.roster.assessments import YearlyAssessmentLine
from core.roster.inspectors import (
    InspectorDetail,
    InspectorRow,
    inspector_detail,
    inspector_rows,
    photo_file,
)
from core.roster.schools import SchoolRow, school_rows
from db.engine import Database
from gui import dialogs
from gui.pages.inspectors.assessment_dialog import YearlyAssessmentDialog
from gui.pages.inspectors.dialogs import (
    AppointDialog,
    AssessmentDialog,
    AssignDialog,
    BatchRenewDialog,
    EndAssignmentDialog,
    EndTermDialog,
    InspectorDialog,
    RecusalDialog,
    RenewDialog,
)
from gui.report_actions import open_report
from gui.sheet_actions import add_sheet_menu
from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column, RowTableModel, show_date
from gui.worker import DbWorker, refusal_handler

PHOTO_SIZE = (96, 128)


@dataclass(frozen=True)
class InspectorsData:
    rows: list[InspectorRow]
    schools: list[SchoolRow]
    policy: PolicyProfile


class InspectorsPage(ListPage):
    """The roster with a detail panel for the selected inspector."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        columns = [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Gender"), lambda r: Gender.label_of(r.gender)),
            Column(self.tr("Full/part time"), lambda r: Employment.label_of(r.employment)),
            Column(
                self.tr("Status"),
                lambda r: r.status.label,
                alert=lambda r: r.serving and (r.term_expiring or r.at_term_limit),
            ),
            Column(self.tr("Unit"), lambda r: r.unit),
            Column(self.tr("Post"), lambda r: r.post),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Term from"), lambda r: show_date(r.term_start), lambda r: r.term_start),
            Column(
                self.tr("Term ends"),
                lambda r: show_date(r.term_end),
                lambda r: r.term_end,
                alert=lambda r: r.serving and r.term_expiring,
            ),
            Column(
                self.tr("Consecutive terms"),
                lambda r: str(r.consecutive_terms) if r.consecutive_terms else "",
                lambda r: r.consecutive_terms,
                True,
                alert=lambda r: r.serving and r.at_term_limit,
            ),
            Column(
                self.tr("Schools"),
                lambda r: str(r.schools),
                lambda r: r.schools,
                True,
                alert=lambda r: r.overloaded,
            ),
            Column(self.tr("Certificate no."), lambda r: r.certificate_no),
        ]
        super().__init__(self.tr("Inspectors"), columns, muted=lambda r: not r.serving)
        self.db = db
        self.worker = worker
        self.today = today
        self.data: InspectorsData | None = None

        self.add_button(self.tr("Add inspector…"), self.add_inspector)
        self.edit_button = self.add_button(
            self.tr("Edit…"), self.edit_inspector, needs_selection=True
        )
        self.photo_button = self.add_button(
            self.tr("Photo…"), self.choose_photo, needs_selection=True
        )
        self.term_actions = self.add_menu(
            self.tr("Terms"),
            [
                (self.tr("Appoint…"), self.appoint, True),
                (self.tr("Record assessment…"), self.assess, True),
                (self.tr("Yearly assessment…"), self.assess_year, True),
                (self.tr("Renew…"), self.renew, True),
                (self.tr("End term…"), self.end_term, True),
                (self.tr("General re-appointment…"), self.batch_renew, False),
            ],
        )
        self.assignment_actions = self.add_menu(
            self.tr("Schools"),
            [
                (self.tr("Assign schools…"), self.assign, True),
                (self.tr("End assignments…"), self.end_assignments, True),
                (self.tr("Recusal…"), self.recuse, True),
            ],
        )
        self.sheets = add_sheet_menu(self, "inspectors", db, worker, today)
        self.set_empty_state(
            self.tr(
                "No inspectors yet — click “Add inspector…” or import the roster from Excel "
                "(a blank template shows the columns)."
            ),
            [
                (self.tr("Add inspector…"), self.add_inspector),
                (self.tr("Import from Excel…"), self.sheets.start_import),
                (self.tr("Blank template…"), self.sheets.template),
            ],
        )
        self.print_actions = self.add_menu(
            self.tr("Print"),
            [
                (self.tr("Roster…"), lambda: self._report("roster"), False),
                (self.tr("Terms ending…"), lambda: self._report("terms"), False),
            ],
        )
        self.finish_actions()

        self.add_filter("serving", self.tr("In office"), lambda r: r.serving)
        self.add_filter(
            "full_time",
            self.tr("Full-time, in office"),
            lambda r: r.serving and r.employment == Employment.FULL_TIME,
        )
        self.add_filter(
            "expiring", self.tr("Term ending soon"), lambda r: r.serving and r.term_expiring
        )
        self.add_filter(
            "term_limit", self.tr("At the term limit"), lambda r: r.serving and r.at_term_limit
        )
        self.add_filter("overloaded", self.tr("Too many schools"), lambda r: r.overloaded)
        self.add_filter(
            "yearly", self.tr("Last year's assessment missing"), lambda r: r.owes_yearly
        )
        self.add_filter("former", self.tr("Not in office"), lambda r: not r.serving)
        self.apply_filter("serving")
        self.table.doubleClicked.connect(lambda _index: self.edit_inspector())

        self._build_detail()
        worker.data_changed.connect(self.refresh)
        self.refresh()

    def _build_detail(self) -> None:
        panel = QWidget()
        panel.setMinimumWidth(320)
        self.photo = QLabel()
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setObjectName("photo")
        self.detail_title = QLabel(self.tr("Select an inspector to see their details."))
        self.detail_title.setWordWrap(True)
        self.detail_title.setObjectName("detailTitle")
        self.terms_model = RowTableModel(
            [
                Column(self.tr("From"), lambda t: show_date(t.start_date)),
                Column(self.tr("To"), lambda t: show_date(t.end_date)),
                Column(self.tr("Outcome"), lambda t: t.description),
            ],
            parent=self,
        )
        self.coverage_model = RowTableModel(
            [
                Column(self.tr("School"), lambda c: c.school),
                Column(self.tr("From"), lambda c: show_date(c.start_date)),
                Column(self.tr("To"), lambda c: show_date(c.end_date) or self.tr("now")),
            ],
            muted=lambda c: c.end_date is not None,
            parent=self,
        )
        self.recusal_model = RowTableModel(
            [
                Column(self.tr("School"), lambda r: r.school),
                Column(self.tr("Reason"), lambda r: r.reason),
                Column(self.tr("Since"), lambda r: show_date(r.since)),
            ],
            parent=self,
        )
        self.tabs = QTabWidget()
        self.yearly_model = RowTableModel(
            [
                Column(self.tr("Year"), lambda a: str(a.year)),
                Column(self.tr("Result"), lambda a: a.result_label),
                Column(self.tr("Date"), lambda a: show_date(a.assessed_on)),
                Column(self.tr("Assessed by"), lambda a: a.assessor),
            ],
            parent=self,
        )
        for model, title in (
            (self.terms_model, self.tr("Terms")),
            (self.coverage_model, self.tr("Schools covered")),
        ):
            self.tabs.addTab(_small_table(model), title)
        self.yearly_view = _small_table(self.yearly_model)
        self.yearly_view.doubleClicked.connect(lambda _index: self._edit_yearly())
        self.tabs.addTab(self.yearly_view, self.tr("Yearly assessments"))
        self.recusal_view = _small_table(self.recusal_model)
        self.remove_recusal_button = QPushButton(self.tr("Delete recusal"))
        self.remove_recusal_button.clicked.connect(self.remove_recusal)
        recusals = QWidget()
        recusal_layout = QVBoxLayout(recusals)
        recusal_layout.setContentsMargins(0, 0, 0, 0)
        recusal_layout.addWidget(self.recusal_view, 1)
        recusal_layout.addWidget(self.remove_recusal_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(recusals, self.tr("Recusals"))
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.photo)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.tabs, 1)
        self.content.addWidget(panel)
        self.content.setStretchFactor(0, 3)
        self.content.setStretchFactor(1, 1)
        self.detail: InspectorDetail | None = None

    # --- reading ------------------------------------------------------------------------

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the roster again in the background."""
        if not self.needs_reading(changes, {Change.INSPECTORS, Change.SCHOOLS, Change.SETTINGS}):
            return
        day = self.today()

        def read() -> InspectorsData:
            return InspectorsData(
                inspector_rows(self.db, day), school_rows(self.db, day), load_policy(self.db)
            )

        self.worker.submit(read, on_done=self.show_data)

    def show_data(self, data: InspectorsData) -> None:
        self.data = data
        self.set_rows(data.rows)
        serving = [r for r in data.rows if r.serving]
        full_time = sum(1 for r in serving if r.employment == Employment.FULL_TIME)
        self.summary.setText(
            self.tr("{serving} in office ({full} full-time) · about {ratio} schools each").format(
                serving=len(serving), full=full_time, ratio=data.policy.schools_per_inspector
            )
        )
        self.selection_changed()

    def selection_changed(self) -> None:
        rows = self.selected_rows()
        self.edit_button.setEnabled(len(rows) == 1)
        self.photo_button.setEnabled(len(rows) == 1)
        for actions in (self.term_actions, self.assignment_actions):
            for action in actions.values():
                if action in self._selection_actions:
                    action.setEnabled(len(rows) == 1)
        if len(rows) != 1:
            self._show_detail(None)
            return
        inspector_id, day = rows[0].id, self.today()
        self.worker.submit(
            lambda: inspector_detail(self.db, inspector_id, day), on_done=self._show_detail
        )

    def _show_detail(self, detail: InspectorDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.detail_title.setText(self.tr("Select an inspector to see their details."))
            self.photo.clear()
            for model in (
                self.terms_model,
                self.coverage_model,
                self.recusal_model,
                self.yearly_model,
            ):
                model.set_rows([])
            return
        row = detail.row
        self.detail_title.setText(
            self.tr("{name} · {status} · %n school(s)", "", row.schools).format(
                name=row.name, status=row.status.label
            )
        )
        photo = photo_file(row.photo_path)
        if photo is not None:
            pixmap = QPixmap(str(photo)).scaled(
                *PHOTO_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.photo.setPixmap(pixmap)
        else:
            self.photo.setText(self.tr("No photo"))
        self.terms_model.set_rows(detail.terms)
        self.coverage_model.set_rows(detail.coverage)
        self.recusal_model.set_rows(detail.recusals)
        self.yearly_model.set_rows(detail.yearly_assessments)

    # --- actions ------------------------------------------------------------------------

    def _report(self, kind: str) -> None:
        open_report(self, self.db, self.worker, kind, self.today())

    def add_inspector(self) -> None:
        self._open(InspectorDialog(self.worker, self.db, None, self.today(), self, self._policy()))

    def edit_inspector(self) -> None:
        row = self._one()
        if row is not None:
            self._open(
                InspectorDialog(self.worker, self.db, row, self.today(), self, self._policy())
            )

    def choose_photo(self) -> None:
        from core.roster.inspectors import set_photo

        row = self._one()
        if row is None:
            return
        path = dialogs.open_file(
            self, self.tr("Choose a photo"), self.tr("Images (*.png *.jpg *.jpeg *.bmp)")
        )
        if path is None:
            return
        self.worker.submit(
            lambda: set_photo(self.db, row.id, path),
            on_error=refusal_handler(self, self.tr("Inspectors")),
            changes=changes_of(set_photo),
        )

    def appoint(self) -> None:
        row = self._one()
        if row is not None:
            self._open(AppointDialog(self.worker, self.db, row, self.today(), self, self._policy()))

    def assess(self) -> None:
        row = self._one()
        if row is not None:
            self._open(AssessmentDialog(self.worker, self.db, row, self))

    def assess_year(self, line: YearlyAssessmentLine | None = None) -> None:
        """Record a yearly assessment (年度考核) of the selected inspector, or change ``line``."""
        row = self._one()
        if row is not None:
            self._open(
                YearlyAssessmentDialog(
                    self.worker, self.db, row.id, row.name, self.today(), line, self
                )
            )

    def _edit_yearly(self) -> None:
        indexes = self.yearly_view.selectionModel().selectedRows()
        if indexes:
            self.assess_year(self.yearly_model.rows[indexes[0].row()])

    def _policy(self) -> PolicyProfile | None:
        return self.data.policy if self.data is not None else None

    def renew(self) -> None:
        row = self._one()
        if row is not None:
            start = row.term_end + timedelta(days=1) if row.term_end else self.today()
            self._open(RenewDialog(self.worker, self.db, row, start, self))

    def end_term(self) -> None:
        row = self._one()
        if row is not None:
            self._open(EndTermDialog(self.worker, self.db, row, self.today(), self))

    def batch_renew(self) -> None:
        if self.data is not None:
            self._open(BatchRenewDialog(self.worker, self.db, self.data.rows, self))

    def assign(self) -> None:
        row = self._one()
        if row is not None and self.data is not None:
            self._open(
                AssignDialog(self.worker, self.db, row, self.data.schools, self.today(), self)
            )

    def end_assignments(self) -> None:
        row = self._one()
        if row is not None and self.data is not None:
            mine = [s for s in self.data.schools if s.active and s.inspector == row.name]
            self._open(EndAssignmentDialog(self.worker, self.db, row, mine, self.today(), self))

    def remove_recusal(self) -> None:
        """Delete the recusal selected in the detail panel (entered by mistake)."""
        from core.roster.assignments import remove_recusal

        indexes = self.recusal_view.selectionModel().selectedRows()
        if not indexes:
            return
        recusal = self.recusal_model.rows[indexes[0].row()]
        question = self.tr("Delete the recusal from {school}?").format(school=recusal.school)
        if dialogs.ask(self, self.tr("Recusal"), question):
            self.worker.submit(
                lambda: remove_recusal(self.db, recusal.id), changes=changes_of(remove_recusal)
            )

    def recuse(self) -> None:
        row = self._one()
        if row is not None and self.data is not None:
            schools = [s for s in self.data.schools if s.active]
            self._open(RecusalDialog(self.worker, self.db, row, schools, self.today(), self))


def _small_table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view
