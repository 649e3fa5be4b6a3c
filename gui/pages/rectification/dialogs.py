"""Dialogs of rectification (整改) and the complaint register (投诉受理).

Each dialog collects input and hands one ``core`` call to the worker; refusals (a deadline
before the finding, a follow-up after the fix, a 销号 before the fix …) come back as Chinese
messages shown in the dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from core.casework.actions import ActionInput, record_action
from core.casework.complaints import (
    ComplaintInput,
    ComplaintRow,
    raise_problem_from_complaint,
    save_complaint,
)
from core.casework.rectification import (
    EntryChoices,
    ProblemInput,
    ProblemRow,
    add_follow_up,
    add_problem,
    plan_recheck,
    update_problem,
)
from core.changes import Change, changes_of
from core.enums import (
    ActionKind,
    ComplaintChannel,
    FollowUpOutcome,
    ProblemCategory,
    Requirement,
)
from db.engine import Database
from gui.widgets.forms import DateField, FormDialog, enum_combo, make_searchable, select_data
from gui.widgets.table_model import show_date
from gui.worker import DbWorker

DEFAULT_DEADLINE_DAYS = 7


NONE = 0
"""The item data of a combo box's blank choice (ids start at 1)."""


def id_combo(items: Sequence[tuple[int, str]], blank: str | None = None) -> QComboBox:
    """A combo box of ``(id, name)`` pairs, searchable by typing; the id is the item data."""
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, NONE)
    for item_id, name in items:
        combo.addItem(name, item_id)
    return make_searchable(combo)


def chosen_id(combo: QComboBox) -> int | None:
    """The id chosen in an :func:`id_combo` (None for the blank choice or an empty list)."""
    return combo.currentData() or None


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMaximumHeight(height)
    return box


class ProblemDialog(FormDialog):
    """Register a problem found at a school (整改问题), or edit one.

    Other pages open it prefilled. From a visit record, with the visit's school and day::

        dialog = ProblemDialog(
            worker, db, [(visit.school_id, visit.school)],
            school_id=visit.school_id, visit_id=visit.id, found_on=visit.day, parent=page,
        )
        dialog.open()

    ``schools`` are the ``(id, name)`` pairs offered (e.g. :func:`core.casework.rectification.
    entry_choices`' ``schools``); with a ``visit_id`` or ``complaint_id`` the school is fixed to
    the one given. With a ``complaint_id`` the problem is raised from that complaint. Saving
    announces ``"problems"`` (and ``"complaints"``) through the worker, so every list refreshes;
    :attr:`saved` carries the new problem's id (None after an edit).
    """

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        schools: Sequence[tuple[int, str]],
        *,
        problem: ProblemRow | None = None,
        school_id: int | None = None,
        visit_id: int | None = None,
        complaint_id: int | None = None,
        found_on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Register a problem") if problem is None else self.tr("Edit problem")
        super().__init__(title, worker, parent)
        self.db, self.problem = db, problem
        if problem is not None:
            school_id, visit_id, complaint_id = (
                problem.school_id,
                problem.visit_id,
                problem.complaint_id,
            )
            found_on = problem.found_on
        self.visit_id, self.complaint_id = visit_id, complaint_id
        self.school = self.add_field("school", self.tr("School"), id_combo(schools))
        if school_id is not None:
            if self.school.findData(school_id) < 0 and problem is not None:
                self.school.addItem(problem.school, school_id)
            select_data(self.school, school_id)
        self.school.setEnabled(visit_id is None and complaint_id is None)
        self.found_on = self.add_field("found_on", self.tr("Found on"), DateField())
        self.found_on.set_value(found_on or date.today())
        self.category = self.add_field("category", self.tr("Category"), enum_combo(ProblemCategory))
        self.description = self.add_field("description", self.tr("Problem"), _text_box(90))
        self.requirement = self.add_field(
            "requirement", self.tr("Requirement"), enum_combo(Requirement)
        )
        select_data(self.requirement, Requirement.DEADLINE.value)
        self.deadline = self.add_field("deadline", self.tr("Deadline"), DateField())
        self.deadline.set_value(self.found_on.value() + timedelta(days=DEFAULT_DEADLINE_DAYS))
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        if problem is not None:
            select_data(self.category, problem.category)
            self.description.setPlainText(problem.description)
            select_data(self.requirement, problem.requirement)
            if problem.deadline is not None:
                self.deadline.set_value(problem.deadline)
            self.note.setText(problem.note)
        self.requirement.currentIndexChanged.connect(self._requirement_chosen)
        self.found_on.dateChanged.connect(self._found_on_changed)
        self._requirement_chosen()

    def _found_on_changed(self) -> None:
        """Move a deadline the new day has passed to the usual number of days after it."""
        found_on, deadline = self.found_on.value(), self.deadline.value()
        if found_on is not None and deadline is not None and deadline < found_on:
            self.deadline.set_value(found_on + timedelta(days=DEFAULT_DEADLINE_DAYS))

    def _requirement_chosen(self) -> None:
        self.deadline.setEnabled(self.requirement.currentData() == Requirement.DEADLINE)

    def input(self) -> ProblemInput:
        """The problem as entered."""
        found_on = self.found_on.value() or date.today()
        by_deadline = self.requirement.currentData() == Requirement.DEADLINE
        return ProblemInput(
            school_id=chosen_id(self.school) or 0,
            found_on=found_on,
            category=self.category.currentData(),
            description=self.description.toPlainText(),
            requirement=self.requirement.currentData(),
            deadline=self.deadline.value() if by_deadline else None,
            visit_id=self.visit_id,
            complaint_id=self.complaint_id,
            note=self.note.text(),
        )

    def save(self) -> None:
        data = self.input()
        if self.problem is not None:
            problem_id, version = self.problem.id, self.problem.version
            self.submit(
                lambda: update_problem(self.db, problem_id, data, version=version),
                changes_of(update_problem),
            )
        elif self.complaint_id is not None:
            complaint_id = self.complaint_id
            self.submit(
                lambda: raise_problem_from_complaint(self.db, complaint_id, data),
                changes_of(raise_problem_from_complaint),
            )
        else:
            self.submit(lambda: add_problem(self.db, data), changes_of(add_problem))


class FollowUpDialog(FormDialog):
    """复查: the day, what it found, and what was seen."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        problem: ProblemRow,
        escalation_count: int,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Follow-up: {school}").format(school=problem.school), worker, parent
        )
        self.db, self.problem = db, problem
        self.hint = QLabel(self._hint(problem, escalation_count))
        self.hint.setWordWrap(True)
        self.form.addRow(self.hint)
        self.day = self.add_field("day", self.tr("Date"), DateField())
        self.day.set_value(today)
        self.outcome = self.add_field("outcome", self.tr("Outcome"), enum_combo(FollowUpOutcome))
        self.findings = self.add_field("result", self.tr("Findings"), _text_box())

    def _hint(self, problem: ProblemRow, escalation_count: int) -> str:
        number = problem.follow_ups + 1
        if problem.escalated and problem.escalated_on:
            text = self.tr("Follow-up no. {number}. Reported to the office on {day}.")
        elif number >= escalation_count:
            text = self.tr(
                "Follow-up no. {number}: if the problem is still not fixed, it is reported to "
                "the office."
            )
        else:
            text = self.tr(
                "Follow-up no. {number}. A problem still not fixed at follow-up no. {count} is "
                "reported to the office."
            )
        return text.format(
            number=number, count=escalation_count, day=show_date(problem.escalated_on)
        )

    def save(self) -> None:
        day, outcome = self.day.value() or date.today(), self.outcome.currentData()
        result, problem_id = self.findings.toPlainText(), self.problem.id
        self.submit(
            lambda: add_follow_up(self.db, problem_id, day=day, outcome=outcome, result=result),
            changes_of(add_follow_up),
        )


class DayDialog(FormDialog):
    """One date for one action on a problem (销号, 上报, 整改通知书)."""

    def __init__(
        self,
        worker: DbWorker,
        title: str,
        label: str,
        day: date,
        job: Callable[[date], Any],
        changes: Iterable[Change],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, worker, parent)
        self.job, self.changes = job, changes
        self.day = self.add_field("day", label, DateField())
        self.day.set_value(day)

    def save(self) -> None:
        day = self.day.value() or date.today()
        self.submit(lambda: self.job(day), self.changes)


class ActionDialog(FormDialog):
    """督办通知, 约谈, 通报, 问责 or a report up, on the chosen problems of one school.

    The fields a kind needs are shown with that kind's own labels; the others are hidden. A
    督办通知 gets its number when saved (:attr:`saved` carries it).

    """

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        problems: Sequence[ProblemRow],
        kind: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("{kind}: {school}").format(
            kind=ActionKind.label_of(kind), school=problems[0].school
        )
        super().__init__(title, worker, parent)
        self.db, self.ids = db, [p.id for p in problems]
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(ActionKind))
        select_data(self.kind, kind)
        self.day = self.add_field("day", self.tr("Date"), DateField())
        self.day.set_value(today)
        self.deadline = self.add_field("deadline", self.tr("New deadline"), DateField(True))
        self.deadline.set_value(today + timedelta(days=DEFAULT_DEADLINE_DAYS))
        self.place = self.add_field("place", self.tr("Place"), QLineEdit())
        self.subjects = self.add_field("subjects", self.tr("Talked to"), QLineEdit())
        self.officials = self.add_field("officials", self.tr("Talked by"), QLineEdit())
        self.content = self.add_field("content", self.tr("Written record"), _text_box(120))
        self.outcome = self.add_field("outcome", self.tr("Outcome"), _text_box())
        self.kind.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _labels(self, kind: str) -> dict[str, str]:
        """The text fields ``kind`` shows, with their labels."""
        labels: dict[str, dict[str, str]] = {
            ActionKind.SUPERVISION: {"content": self.tr("Reason (late or inadequate)")},
            ActionKind.INTERVIEW: {
                "subjects": self.tr("Talked to"),
                "officials": self.tr("Talked by"),
                "content": self.tr("Written record"),
            },
            ActionKind.BULLETIN: {"content": self.tr("What was published")},
            ActionKind.ACCOUNTABILITY: {
                "subjects": self.tr("Held to account"),
                "content": self.tr("Reason"),
            },
            ActionKind.REFERRAL: {"subjects": self.tr("Reported to"), "content": self.tr("Reason")},
        }
        return labels.get(kind, {})

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        labels = self._labels(kind)
        for name in ("subjects", "officials", "content"):
            widget = self.fields[name]
            self.form.setRowVisible(widget, name in labels)
            label = self.form.labelForField(widget)
            if name in labels and isinstance(label, QLabel):
                label.setText(labels[name])
        self.form.setRowVisible(self.deadline, kind == ActionKind.SUPERVISION)
        self.form.setRowVisible(self.place, kind == ActionKind.INTERVIEW)
        self.form.setRowVisible(self.outcome, kind != ActionKind.SUPERVISION)

    def save(self) -> None:
        kind = self.kind.currentData()
        data = ActionInput(
            kind=kind,
            day=self.day.value() or date.today(),
            deadline=self.deadline.value() if kind == ActionKind.SUPERVISION else None,
            place=self.place.text() if kind == ActionKind.INTERVIEW else "",
            subjects=self.subjects.text() if self.form.isRowVisible(self.subjects) else "",
            officials=self.officials.text() if self.form.isRowVisible(self.officials) else "",
            content=self.content.toPlainText(),
            outcome=self.outcome.toPlainText() if kind != ActionKind.SUPERVISION else "",
        )
        ids = self.ids
        self.submit(lambda: record_action(self.db, ids, data), changes_of(record_action))


class RecheckDialog(FormDialog):
    """回头看: plan a re-check visit to the problem's school."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        problem: ProblemRow,
        inspectors: Sequence[tuple[int, str]],
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Re-check visit: {school}").format(school=problem.school), worker, parent
        )
        self.db, self.problem = db, problem
        self.day = self.add_field("day", self.tr("Date"), DateField())
        self.day.set_value(day)
        self.inspector = self.add_field(
            "inspector",
            self.tr("Inspector"),
            id_combo(inspectors, self.tr("The school's responsible inspector")),
        )

    def save(self) -> None:
        day, inspector_id = self.day.value() or date.today(), chosen_id(self.inspector)
        problem_id = self.problem.id
        self.submit(
            lambda: plan_recheck(self.db, problem_id, day, inspector_id),
            changes_of(plan_recheck),
        )


class ComplaintDialog(FormDialog):
    """Register a complaint or report (受理), or record its verification and reply."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        choices: EntryChoices,
        complaint: ComplaintRow | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Register a complaint") if complaint is None else self.tr("Edit complaint")
        super().__init__(title, worker, parent)
        self.db, self.complaint, self.choices = db, complaint, choices
        self._suggested: int | None = None
        self.received_on = self.add_field("received_on", self.tr("Received on"), DateField())
        self.received_on.set_value(today)
        self.channel = self.add_field("channel", self.tr("Channel"), enum_combo(ComplaintChannel))
        self.complainant = self.add_field("complainant", self.tr("From"), QLineEdit())
        self.complainant.setPlaceholderText(self.tr("Leave empty for an anonymous complaint"))
        self.contact = self.add_field("contact", self.tr("Contact"), QLineEdit())
        self.school = self.add_field("school", self.tr("School"), id_combo(choices.schools))
        self.content = self.add_field("content", self.tr("Complaint"), _text_box(90))
        self.inspector = self.add_field(
            "inspector",
            self.tr("Verified by"),
            id_combo(choices.inspectors, self.tr("(not assigned)")),
        )
        self.verification = self.add_field("verification", self.tr("Verification"), _text_box())
        self.outcome = self.add_field("result", self.tr("Result"), _text_box())
        self.replied_on = self.add_field("replied_on", self.tr("Replied on"), DateField(True))
        if complaint is not None:
            self.received_on.set_value(complaint.received_on)
            select_data(self.channel, complaint.channel)
            self.complainant.setText(complaint.complainant)
            self.contact.setText(complaint.contact)
            select_data(self.school, complaint.school_id)
            self.content.setPlainText(complaint.content)
            select_data(self.inspector, complaint.inspector_id or NONE)
            self.verification.setPlainText(complaint.verification)
            self.outcome.setPlainText(complaint.result)
            self.replied_on.set_value(complaint.replied_on)
        else:
            self._school_chosen()
        self.school.currentIndexChanged.connect(lambda _index: self._school_chosen())

    def _school_chosen(self) -> None:
        """A new complaint goes to the school's responsible inspector unless the clerk chose
        another."""
        if self.complaint is None and chosen_id(self.inspector) in (None, self._suggested):
            self._suggested = self.choices.responsible.get(chosen_id(self.school) or NONE)
            select_data(self.inspector, self._suggested or NONE)

    def input(self) -> ComplaintInput:
        """The complaint as entered."""
        return ComplaintInput(
            received_on=self.received_on.value() or date.today(),
            school_id=chosen_id(self.school) or 0,
            content=self.content.toPlainText(),
            channel=self.channel.currentData(),
            complainant=self.complainant.text(),
            contact=self.contact.text(),
            inspector_id=chosen_id(self.inspector),
            verification=self.verification.toPlainText(),
            result=self.outcome.toPlainText(),
            replied_on=self.replied_on.value(),
        )

    def save(self) -> None:
        data = self.input()
        complaint_id = self.complaint.id if self.complaint else None
        version = self.complaint.version if self.complaint else None
        self.submit(
            lambda: save_complaint(self.db, data, complaint_id, version=version),
            changes_of(save_complaint),
        )
