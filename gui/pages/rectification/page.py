"""The 整改 page: problems found at schools and their rectification, and the complaint register.

The first tab lists the problems (open ones by default; named filters ``open``, ``overdue``,
``escalated``, ``fixed`` and ``all`` serve the dashboard's cards) with the actions on them —
复查, 销号, 上报, 回头看, 整改通知书 — and the full trail of the problem selected. The second
tab is the complaint register (受理核实投诉记录), from which a proved complaint raises a problem.
The rules live in ``core.casework.rectification`` and ``core.casework.complaints``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.casework.actions import delete_action
from core.casework.complaints import ComplaintRow, ComplaintState, complaint_rows, delete_complaint
from core.casework.rectification import (
    EntryChoices,
    ProblemRow,
    ProblemTrail,
    delete_follow_up,
    delete_problem,
    entry_choices,
    escalate,
    issue_notice,
    mark_verified,
    problem_rows,
    problem_trail,
)
from core.changes import EVERYTHING, Change, changes_of
from core.enums import ActionKind, ProblemCategory, ProblemStatus
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import load_policy
from db.engine import Database
from gui import dialogs
from gui.pages.rectification.dialogs import (
    ActionDialog,
    ComplaintDialog,
    DayDialog,
    FollowUpDialog,
    ProblemDialog,
    RecheckDialog,
)
from gui.report_actions import open_report
from gui.widgets.list_page import ALL, ListPage
from gui.widgets.table_model import Column, RowTableModel, show_date
from gui.worker import DbWorker, refusal_handler, report_failure

NOTICE_REPORT = "rectification-notice"
SUPERVISION_REPORT = "supervision-notice"
ALL_FILTER = "all"
COMPLAINTS_FILTER = "complaints"
OVERDUE_COMPLAINTS = "overdue"
SEVERITY = [c.value for c in ProblemCategory]
TEXT_COLUMN = 3
TEXT_WIDTH = 260
COMPLAINT_COLUMN = 4


@dataclass(frozen=True)
class RectificationData:
    rows: list[ProblemRow]
    choices: EntryChoices
    policy: PolicyProfile


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _cap_width(table: QTableView, column: int) -> None:
    """Keep a long text column from pushing the others out of sight (full text in its tip)."""
    table.setColumnWidth(column, min(table.columnWidth(column), TEXT_WIDTH))


class RectificationPage(ListPage):
    """Problems and their trail (first tab) and the complaint register (second tab)."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        columns = [
            Column(self.tr("School"), lambda r: r.school),
            Column(self.tr("Found on"), lambda r: show_date(r.found_on), lambda r: r.found_on),
            Column(
                self.tr("Category"),
                lambda r: r.category_label,
                lambda r: SEVERITY.index(r.category) if r.category in SEVERITY else -1,
                alert=lambda r: r.category == ProblemCategory.SERIOUS and r.unresolved,
            ),
            Column(
                self.tr("Problem"),
                lambda r: _first_line(r.description),
                tooltip=lambda r: r.description,
            ),
            Column(self.tr("Requirement"), lambda r: r.requirement_label),
            Column(
                self.tr("Deadline"),
                lambda r: show_date(r.deadline),
                lambda r: r.deadline,
                alert=lambda r: r.overdue,
            ),
            Column(
                self.tr("Status"),
                lambda r: self._status_text(r),
                alert=lambda r: r.overdue or r.escalated,
            ),
            Column(
                self.tr("Follow-ups"), lambda r: str(r.follow_ups), lambda r: r.follow_ups, True
            ),
            Column(self.tr("Notice no."), lambda r: r.notice_no),
            Column(self.tr("Source"), lambda r: r.source),
            Column(self.tr("Responsible inspector"), lambda r: r.inspector),
            Column(self.tr("Zone"), lambda r: r.zone),
        ]
        super().__init__(self.tr("Rectification"), columns, muted=lambda r: not r.unresolved)
        self.db = db
        self.worker = worker
        self.today = today
        self.data: RectificationData | None = None
        self.trail: ProblemTrail | None = None
        self._build_trail()
        self.complaints = ComplaintsList(db, worker, today)
        self._build_tabs()

        self.add_button(self.tr("Register problem…"), self.add_problem)
        self.edit_button = self.add_button(
            self.tr("Edit…"), self.edit_problem, needs_selection=True
        )
        self.follow_up_button = self.add_button(
            self.tr("Follow-up…"), self.follow_up, needs_selection=True
        )
        self.verify_button = self.add_button(
            self.tr("Verify and close…"), self.verify, needs_selection=True
        )
        self.escalate_button = self.add_button(
            self.tr("Report to office…"), self.escalate, needs_selection=True
        )
        self.recheck_button = self.add_button(
            self.tr("Plan re-check…"), self.plan_recheck, needs_selection=True
        )
        self.notice_button = self.add_button(
            self.tr("Rectification notice…"), self.issue_notice, needs_selection=True
        )
        self.action_button = self.add_button(
            self.tr("Supervision, talks, accountability…"), self.take_action, needs_selection=True
        )
        self.delete_button = self.add_button(
            self.tr("Delete"), self.delete_problem, needs_selection=True
        )
        self.finish_actions()

        self.add_filter("open", self.tr("Not yet fixed"), lambda r: r.unresolved)
        self.add_filter("overdue", self.tr("Overdue"), lambda r: r.overdue)
        self.add_filter("escalated", self.tr("Reported to the office"), lambda r: r.escalated)
        self.set_empty_state(
            self.tr(
                "No problems registered — click “Register problem…”, or register what a visit "
                "found from its record on the Visit records page."
            ),
            [(self.tr("Register problem…"), self.add_problem)],
        )
        self.add_filter(
            "supervision", self.tr("Supervision overdue"), lambda r: r.overdue and r.supervised
        )
        self.add_filter(
            "fixed", self.tr("Fixed, to verify"), lambda r: r.status == ProblemStatus.FIXED
        )
        self.apply_filter("open")
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_problem())
        worker.data_changed.connect(self.refresh)
        self.refresh()

    # --- layout -----------------------------------------------------------------------

    def _build_trail(self) -> None:
        panel = QWidget()
        panel.setMinimumWidth(340)
        self.trail_title = QLabel()
        self.trail_title.setObjectName("detailTitle")
        self.trail_title.setWordWrap(True)
        self.trail_text = QLabel()
        self.trail_text.setWordWrap(True)
        self.trail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trail_model = RowTableModel(
            [
                Column(self.tr("Date"), lambda e: show_date(e.day)),
                Column(self.tr("Event"), lambda e: e.text, tooltip=lambda e: e.text),
            ],
            parent=self,
        )
        self.trail_view = QTableView()
        self.trail_view.setModel(self.trail_model)
        self.trail_view.verticalHeader().hide()
        self.trail_view.horizontalHeader().setStretchLastSection(True)
        self.trail_view.setWordWrap(True)
        self.trail_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trail_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.trail_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trail_view.selectionModel().selectionChanged.connect(self._trail_selected)
        self.delete_follow_up_button = QPushButton(self.tr("Delete follow-up"))
        self.delete_follow_up_button.setEnabled(False)
        self.delete_follow_up_button.clicked.connect(self.delete_follow_up)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.trail_title)
        layout.addWidget(self.trail_text)
        layout.addWidget(self.trail_view, 1)
        self.delete_action_button = QPushButton(self.tr("Delete step"))
        self.delete_action_button.setEnabled(False)
        self.delete_action_button.clicked.connect(self.delete_action)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_action_button)
        buttons.addWidget(self.delete_follow_up_button)
        layout.addLayout(buttons)
        self.content.addWidget(panel)
        self.content.setStretchFactor(0, 3)
        self.content.setStretchFactor(1, 1)
        self._show_trail(None)

    def _build_tabs(self) -> None:
        """Put the problem list (everything below the summary) and the complaints in tabs."""
        problems = QWidget()
        inner = QVBoxLayout(problems)
        inner.setContentsMargins(0, 8, 0, 0)
        while self.body.count() > 2:
            item = self.body.takeAt(2)
            assert item is not None
            layout, widget = item.layout(), item.widget()
            if layout is not None:
                layout.setParent(None)
                inner.addLayout(layout)
            elif widget is not None:
                inner.addWidget(widget, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(problems, self.tr("Problems"))
        self.tabs.addTab(self.complaints, self.tr("Complaints"))
        self.body.addWidget(self.tabs, 1)

    def apply_filter(self, key: str) -> None:
        """Show the problems of the named filter (``all`` for every problem), or the complaints
        not answered in time (``complaints``)."""
        if key == COMPLAINTS_FILTER:
            self.tabs.setCurrentIndex(1)
            self.complaints.apply_filter(OVERDUE_COMPLAINTS)
            return
        self.tabs.setCurrentIndex(0)
        super().apply_filter(ALL if key == ALL_FILTER else key)

    # --- reading ----------------------------------------------------------------------

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the problems again in the background."""
        relevant = {
            Change.PROBLEMS,
            Change.COMPLAINTS,
            Change.VISITS,
            Change.SCHOOLS,
            Change.INSPECTORS,
            Change.SETTINGS,
        }
        if not self.needs_reading(changes, relevant):
            return
        day = self.today()

        def read() -> RectificationData:
            return RectificationData(
                problem_rows(self.db, day), entry_choices(self.db, day), load_policy(self.db)
            )

        self.worker.submit(read, on_done=self.show_data)

    def show_data(self, data: RectificationData) -> None:
        self.data = data
        sized = self._sized
        self.set_rows(data.rows)
        if self._sized and not sized:
            _cap_width(self.table, TEXT_COLUMN)
        self.summary.setText(
            self.tr("{open} not yet fixed · {overdue} overdue · {escalated} reported").format(
                open=sum(r.unresolved for r in data.rows),
                overdue=sum(r.overdue for r in data.rows),
                escalated=sum(r.escalated for r in data.rows),
            )
        )
        self.selection_changed()

    def _status_text(self, row: ProblemRow) -> str:
        if row.overdue:
            return self.tr("{status}, overdue").format(status=row.status_label)
        return row.status_label

    def selection_changed(self) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        self.edit_button.setEnabled(one is not None)
        self.follow_up_button.setEnabled(one is not None and one.unresolved)
        self.verify_button.setEnabled(one is not None and one.status == ProblemStatus.FIXED)
        self.escalate_button.setEnabled(one is not None and one.status == ProblemStatus.OPEN)
        self.recheck_button.setEnabled(one is not None)
        self.delete_button.setEnabled(one is not None)
        one_school = bool(rows) and len({r.school_id for r in rows}) == 1
        self.notice_button.setEnabled(one_school)
        self.action_button.setEnabled(one_school)
        if one is None:
            self._show_trail(None)
            return
        problem_id, day = one.id, self.today()
        self.worker.submit(
            lambda: problem_trail(self.db, problem_id, day),
            on_done=self._show_trail,
            on_error=self._trail_failed,
        )

    def _trail_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show_trail(None)
        else:
            report_failure(exc)

    def _show_trail(self, trail: ProblemTrail | None) -> None:
        self.trail = trail
        if trail is None:
            self.trail_title.setText(self.tr("Select a problem to see its trail."))
            self.trail_text.clear()
            self.trail_model.set_rows([])
            self._trail_selected()
            return
        row = trail.problem
        self.trail_title.setText(
            self.tr("{school} · {category} · {status}").format(
                school=row.school, category=row.category_label, status=self._status_text(row)
            )
        )
        lines = [row.description]
        if row.deadline:
            lines.append(
                self.tr("{requirement}, deadline {deadline}").format(
                    requirement=row.requirement_label, deadline=show_date(row.deadline)
                )
            )
        if row.notice_no:
            lines.append(
                self.tr("Notice {number}, reply due {day}").format(
                    number=row.notice_no, day=show_date(row.reply_due)
                )
            )
        self.trail_text.setText("\n".join(lines))
        self.trail_model.set_rows(trail.events)
        self.trail_view.resizeColumnToContents(0)
        self.trail_view.resizeRowsToContents()
        self._trail_selected()

    def _selected_event(self):
        indexes = self.trail_view.selectionModel().selectedRows()
        return self.trail_model.rows[indexes[0].row()] if indexes else None

    def _trail_selected(self) -> None:
        event = self._selected_event()
        self.delete_follow_up_button.setEnabled(
            event is not None and event.follow_up_id is not None
        )
        self.delete_action_button.setEnabled(event is not None and event.action_id is not None)

    # --- actions ----------------------------------------------------------------------

    def add_problem(self) -> None:
        if self.data is not None:
            self._open(
                ProblemDialog(
                    self.worker,
                    self.db,
                    self.data.choices.schools,
                    found_on=self.today(),
                    parent=self,
                )
            )

    def edit_problem(self) -> None:
        row = self._one()
        if row is not None and self.data is not None:
            self._open(
                ProblemDialog(
                    self.worker, self.db, self.data.choices.schools, problem=row, parent=self
                )
            )

    def follow_up(self) -> None:
        row = self._one()
        if row is not None and self.data is not None:
            count = self.data.policy.followups_before_escalation
            self._open(FollowUpDialog(self.worker, self.db, row, count, self.today(), self))

    def verify(self) -> None:
        row = self._one()
        if row is not None:
            self._open(
                DayDialog(
                    self.worker,
                    self.tr("Verify and close: {school}").format(school=row.school),
                    self.tr("Closed on"),
                    self.today(),
                    lambda day: mark_verified(self.db, row.id, day),
                    changes_of(mark_verified),
                    self,
                )
            )

    def escalate(self) -> None:
        row = self._one()
        if row is not None:
            self._open(
                DayDialog(
                    self.worker,
                    self.tr("Report to the office: {school}").format(school=row.school),
                    self.tr("Reported on"),
                    self.today(),
                    lambda day: escalate(self.db, row.id, day),
                    changes_of(escalate),
                    self,
                )
            )

    def plan_recheck(self) -> None:
        row = self._one()
        if row is not None and self.data is not None:
            inspectors = self.data.choices.inspectors
            self._open(RecheckDialog(self.worker, self.db, row, inspectors, self.today(), self))

    def issue_notice(self) -> None:
        """Number the selected problems' notice (once) and print it."""
        rows = self.selected_rows()
        if not rows:
            return
        numbers = {r.notice_no for r in rows}
        if "" not in numbers and len(numbers) == 1:
            self.print_notice(rows[0].id)
            return
        ids = [r.id for r in rows]
        target = next(r.id for r in rows if not r.notice_no)
        dialog = DayDialog(
            self.worker,
            self.tr("Rectification notice: {school}").format(school=rows[0].school),
            self.tr("Notice date"),
            self.today(),
            lambda day: issue_notice(self.db, ids, day=day),
            changes_of(issue_notice),
            self,
        )
        dialog.saved.connect(lambda _number: self.print_notice(target))
        self._open(dialog)

    def take_action(self, kind: str = ActionKind.SUPERVISION.value) -> None:
        """督办通知, 约谈, 通报, 问责 or a report up on the selected problems of one school; a
        督办通知 is printed once recorded."""
        rows = self.selected_rows()
        if not rows or len({r.school_id for r in rows}) != 1:
            return
        dialog = ActionDialog(self.worker, self.db, rows, kind, self.today(), self)
        target = rows[0].id
        dialog.saved.connect(lambda number: self._printed_if_numbered(number, target))
        self._open(dialog)

    def _printed_if_numbered(self, number: object, problem_id: int) -> None:
        if number:  # a 督办通知 was issued
            self.print_supervision(problem_id)

    def print_supervision(self, problem_id: int) -> None:
        """The problem's latest 督办通知, in the preview window."""
        open_report(
            self, self.db, self.worker, SUPERVISION_REPORT, self.today(), problem=problem_id
        )

    def delete_action(self) -> None:
        event = self._selected_event()
        if event is None or event.action_id is None:
            return
        question = self.tr("Delete the step of {day}?").format(day=show_date(event.day))
        if dialogs.ask(self, self.tr("Rectification"), question):
            action_id = event.action_id
            self.worker.submit(
                lambda: delete_action(self.db, action_id),
                on_error=refusal_handler(self, self.tr("Rectification")),
                changes=changes_of(delete_action),
            )

    def print_notice(self, problem_id: int) -> None:
        """The 整改通知书 holding the problem, in the preview window."""
        open_report(self, self.db, self.worker, NOTICE_REPORT, self.today(), problem=problem_id)

    def delete_problem(self) -> None:
        row = self._one()
        if row is None:
            return
        question = self.tr("Delete the problem at {school} and its follow-ups?").format(
            school=row.school
        )
        if dialogs.ask(self, self.tr("Rectification"), question):
            self.worker.submit(
                lambda: delete_problem(self.db, row.id),
                on_error=refusal_handler(self, self.tr("Rectification")),
                changes=changes_of(delete_problem),
            )

    def delete_follow_up(self) -> None:
        event = self._selected_event()
        if event is None or event.follow_up_id is None:
            return
        question = self.tr("Delete the follow-up of {day}?").format(day=show_date(event.day))
        if dialogs.ask(self, self.tr("Rectification"), question):
            follow_up_id = event.follow_up_id
            self.worker.submit(
                lambda: delete_follow_up(self.db, follow_up_id),
                on_error=refusal_handler(self, self.tr("Rectification")),
                changes=changes_of(delete_follow_up),
            )


def _in_state(state: ComplaintState) -> Callable[[ComplaintRow], bool]:
    return lambda row: row.state == state


class ComplaintsList(ListPage):
    """The complaint register (受理核实投诉记录), a tab of the 整改 page."""

    def __init__(self, db: Database, worker: DbWorker, today: Callable[[], date]) -> None:
        columns = [
            Column(
                self.tr("Received"), lambda c: show_date(c.received_on), lambda c: c.received_on
            ),
            Column(self.tr("Channel"), lambda c: c.channel_label),
            Column(self.tr("From"), lambda c: c.from_label),
            Column(self.tr("School"), lambda c: c.school),
            Column(
                self.tr("Complaint"), lambda c: _first_line(c.content), tooltip=lambda c: c.content
            ),
            Column(self.tr("Verified by"), lambda c: c.inspector),
            Column(
                self.tr("State"),
                lambda c: c.state.label,
                alert=lambda c: c.state == ComplaintState.PENDING,
            ),
            Column(
                self.tr("Reply due"),
                lambda c: show_date(c.reply_due),
                lambda c: c.reply_due,
                alert=lambda c: c.overdue_on(today()) or c.replied_late,
            ),
            Column(
                self.tr("Replied on"),
                lambda c: show_date(c.replied_on),
                lambda c: c.replied_on,
                alert=lambda c: c.replied_late,
            ),
            Column(
                self.tr("Problems raised"),
                lambda c: str(c.problems) if c.problems else "",
                lambda c: c.problems,
                True,
            ),
            Column(self.tr("Result"), lambda c: _first_line(c.result), tooltip=lambda c: c.result),
        ]
        super().__init__("", columns, muted=lambda c: c.state == ComplaintState.REPLIED)
        self.heading.hide()
        self.summary.hide()
        self.body.setContentsMargins(0, 8, 0, 0)
        self.db = db
        self.worker = worker
        self.today = today
        self.choices: EntryChoices | None = None

        self.add_button(self.tr("Register complaint…"), self.add_complaint)
        self.edit_button = self.add_button(
            self.tr("Edit…"), self.edit_complaint, needs_selection=True
        )
        self.raise_button = self.add_button(
            self.tr("Raise a problem…"), self.raise_problem, needs_selection=True
        )
        self.delete_button = self.add_button(
            self.tr("Delete"), self.delete_complaint, needs_selection=True
        )
        self.finish_actions()
        for state in ComplaintState:
            self.add_filter(state.value, state.label, _in_state(state))
        self.add_filter(
            OVERDUE_COMPLAINTS, self.tr("Not answered in time"), lambda c: c.overdue_on(today())
        )
        self.set_empty_state(
            self.tr("No complaints registered — click “Register complaint…” when one comes in."),
            [(self.tr("Register complaint…"), self.add_complaint)],
        )
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_complaint())
        worker.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the register again in the background."""
        if not self.needs_reading(
            changes, {Change.COMPLAINTS, Change.PROBLEMS, Change.SCHOOLS, Change.INSPECTORS}
        ):
            return
        day = self.today()

        def read() -> tuple[list[ComplaintRow], EntryChoices]:
            return complaint_rows(self.db), entry_choices(self.db, day)

        self.worker.submit(read, on_done=self.show_data)

    def show_data(self, data: tuple[list[ComplaintRow], EntryChoices]) -> None:
        rows, self.choices = data
        sized = self._sized
        self.set_rows(rows)
        if self._sized and not sized:
            _cap_width(self.table, COMPLAINT_COLUMN)

    def selection_changed(self) -> None:
        one = len(self.selected_rows()) == 1
        for button in (self.edit_button, self.raise_button, self.delete_button):
            button.setEnabled(one)

    def add_complaint(self) -> None:
        if self.choices is not None:
            self._open(
                ComplaintDialog(self.worker, self.db, self.choices, None, self.today(), self)
            )

    def edit_complaint(self) -> None:
        row = self._one()
        if row is not None and self.choices is not None:
            self._open(ComplaintDialog(self.worker, self.db, self.choices, row, self.today(), self))

    def raise_problem(self) -> None:
        """转为整改问题: the problem form, at the complaint's school."""
        row = self._one()
        if row is not None:
            self._open(
                ProblemDialog(
                    self.worker,
                    self.db,
                    [(row.school_id, row.school)],
                    school_id=row.school_id,
                    complaint_id=row.id,
                    found_on=max(row.received_on, self.today()),
                    parent=self,
                )
            )

    def delete_complaint(self) -> None:
        row = self._one()
        if row is None:
            return
        question = self.tr("Delete the complaint about {school} of {day}?").format(
            school=row.school, day=show_date(row.received_on)
        )
        if dialogs.ask(self, self.tr("Complaints"), question):
            self.worker.submit(
                lambda: delete_complaint(self.db, row.id),
                on_error=refusal_handler(self, self.tr("Complaints")),
                changes=changes_of(delete_complaint),
            )
