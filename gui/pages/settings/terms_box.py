"""The 设置 page's school calendar (校历): this school year's and the next one's terms, for the
schools and for kindergartens, each editable on its own.

Routine visits are planned only in term time, so the box says plainly when a term still has the
default dates and asks for the county's own. A term is saved at once with its own button
(:func:`core.office.school_terms.set_term`), apart from the page's Save; a refusal is shown in
the box and nothing is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.changes import changes_of
from core.errors import ValidationError
from core.office.school_terms import (
    KIND_LABELS,
    TERM_LABELS,
    SchoolCalendar,
    TermDates,
    set_term,
    term_list,
)
from db.engine import Database
from gui.widgets.forms import DateField
from gui.widgets.table_model import ROW_ROLE, Column, RowTableModel, show_date
from gui.worker import DbWorker, report_failure


class TermsBox(QGroupBox):
    """The terms as a table; the selected one's dates are edited below it."""

    def __init__(
        self, db: Database, worker: DbWorker, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("School calendar (term dates)"), parent)
        self.db, self.worker, self.today = db, worker, today
        note = QLabel(
            self.tr(
                "Routine visits are planned only in term time. Until the county's own dates are "
                "entered, a term runs from 1 September to 20 January or from 20 February to "
                "10 July; please enter the dates of the county's school calendar. Kindergartens "
                "follow the schools' dates unless they have their own. A month partly in the "
                "holidays keeps its visits in proportion to its working days in term time, so a "
                "month mostly in the holidays has none."
            )
        )
        note.setWordWrap(True)
        self.model = RowTableModel(
            [
                Column(self.tr("School year"), lambda t: t.school_year),
                Column(self.tr("Schools"), lambda t: KIND_LABELS[t.kind]),
                Column(self.tr("Term"), lambda t: TERM_LABELS[t.term]),
                Column(self.tr("Start"), lambda t: show_date(t.start)),
                Column(self.tr("End"), lambda t: show_date(t.end)),
                Column(self.tr("Dates"), self._source),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setMinimumHeight(290)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.start = DateField()
        self.end = DateField()
        self.save_button = QPushButton(self.tr("Save term dates"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        editor = QHBoxLayout()
        editor.addWidget(QLabel(self.tr("Start")))
        editor.addWidget(self.start)
        editor.addWidget(QLabel(self.tr("End")))
        editor.addWidget(self.end)
        editor.addWidget(self.save_button)
        editor.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(editor)
        layout.addWidget(self.message)
        self.calendar = SchoolCalendar()
        self.refresh()

    def _source(self, term: TermDates) -> str:
        if term.stored:
            return self.tr("The county's dates")
        if self.calendar.term(term.year, term.term).stored:
            return self.tr("As the schools")
        return self.tr("Default dates: please enter the county's")

    def refresh(self) -> None:
        """Read the terms again."""
        db, today = self.db, self.today
        self.worker.submit(
            lambda: (SchoolCalendar.load(db), term_list(db, today)), on_done=self._show
        )

    def _show(self, loaded: tuple[SchoolCalendar, list[TermDates]]) -> None:
        chosen = self.selected()
        self.calendar, terms = loaded
        self.model.set_rows(terms)
        self.table.resizeColumnsToContents()
        if chosen is not None:
            for row, term in enumerate(terms):
                if (term.year, term.kind, term.term) == (chosen.year, chosen.kind, chosen.term):
                    self.table.selectRow(row)

    def selected(self) -> TermDates | None:
        """The term selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _chosen(self) -> None:
        term = self.selected()
        self.save_button.setEnabled(term is not None)
        if term is not None:
            self.start.setDate(QDate(term.start.year, term.start.month, term.start.day))
            self.end.setDate(QDate(term.end.year, term.end.month, term.end.day))

    def save(self) -> None:
        """Store the dates typed for the selected term."""
        term = self.selected()
        start, end = self.start.value(), self.end.value()
        if term is None or start is None or end is None:
            return
        db = self.db
        self.save_button.setEnabled(False)
        self.worker.submit(
            lambda: set_term(db, term.year, term.term, start, end, term.kind),
            on_done=lambda _: self._saved(term),
            on_error=self._refused,
            changes=changes_of(set_term),
        )

    def _saved(self, term: TermDates) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(
            self.tr("Saved: {year} {kind} {term}.").format(
                year=term.school_year, kind=KIND_LABELS[term.kind], term=TERM_LABELS[term.term]
            )
        )
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            report_failure(exc)
            return
        self.message.setText(
            self.tr("Not saved: {problems}").format(problems="；".join(exc.messages()))
        )
