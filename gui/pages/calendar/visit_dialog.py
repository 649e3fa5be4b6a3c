"""Adding or editing one visit on the calendar, and the check before a visit lands on a day.

Before a visit is saved on a day, :func:`core.calendar.day_checks.check_day` says what is wrong with
it (a day off, the inspector over the daily cap, away or recused, the school on a break …).
The clerk sees the warnings and decides: the visit is saved only if they go on. The same check
runs when a visit is dragged to another day in the grid (:func:`check_then`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from core.calendar.views import VisitChoices
from core.calendar.visits import VisitInput, VisitRow, add_visit, update_visit
from core.changes import changes_of
from core.enums import VisitKind
from db.engine import Database
from gui import dialogs
from gui.widgets.forms import DateField, FormDialog, enum_combo, make_searchable, select_data
from gui.worker import DbWorker

TOPICS = ("双减", "安全", "开学", "防溺水", "招生收费", "体育", "疫情防控")


def check_then(
    parent: QWidget,
    db: Database,
    worker: DbWorker,
    checks: Sequence[tuple[int, int, date, int | None]],
    go_on: Callable[[], None],
) -> None:
    """Check each ``(inspector_id, school_id, day, visit_id)`` on the worker; if anything is
    wrong, ask the clerk; call ``go_on`` when there is nothing to say or the clerk agrees."""
    from core.calendar.day_checks import check_day

    def job() -> list[str]:
        warnings: list[str] = []
        for inspector_id, school_id, day, visit_id in checks:
            for warning in check_day(
                db,
                inspector_id=inspector_id,
                school_id=school_id,
                day=day,
                ignore_visit_id=visit_id,
            ):
                if warning not in warnings:
                    warnings.append(warning)
        return warnings

    def checked(warnings: list[str]) -> None:
        if not warnings:
            go_on()
            return
        text = "\n".join(f"• {w}" for w in warnings)
        title = QCoreApplication.translate("DayCheck", "Check the day")
        question = QCoreApplication.translate("DayCheck", "Schedule it on this day anyway?")
        if dialogs.ask(parent, title, f"{text}\n\n{question}"):
            go_on()

    worker.submit(job, on_done=checked)


class VisitDialog(FormDialog):
    """The form of one visit: day, school, inspector, kind and topic, companions, note."""

    def __init__(
        self,
        db: Database,
        worker: DbWorker,
        choices: VisitChoices,
        day: date,
        visit: VisitRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit visit") if visit else self.tr("New visit")
        super().__init__(title, worker, parent)
        self.db = db
        self.visit = visit
        self.choices = choices
        self.day = self.add_field("day", self.tr("Date"), DateField())
        self.day.set_value(visit.day if visit else day)
        self.school = self.add_field("school", self.tr("School"), QComboBox())
        for school_id, name in choices.schools:
            self.school.addItem(name, school_id)
        make_searchable(self.school)
        self.inspector = self.add_field("inspector", self.tr("Inspector"), QComboBox())
        for inspector_id, name in choices.inspectors:
            self.inspector.addItem(name, inspector_id)
        make_searchable(self.inspector)
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(VisitKind))
        self.topic = self.add_field("topic", self.tr("Topic"), QComboBox())
        self.topic.setEditable(True)
        self.topic.addItems(["", *TOPICS])
        self.companions = self.add_field("companions", self.tr("Going along"), QListWidget())
        self.companions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.companions.setMaximumHeight(110)
        for inspector_id, name in choices.inspectors:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, inspector_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if visit and inspector_id in visit.companion_ids
                else Qt.CheckState.Unchecked
            )
            self.companions.addItem(item)
        self.note = self.add_field("note", self.tr("Note"), QPlainTextEdit())
        self.note.setMaximumHeight(70)
        self.school.currentIndexChanged.connect(self._school_chosen)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        if visit:
            select_data(self.school, visit.school_id)
            select_data(self.inspector, visit.inspector_id)
            select_data(self.kind, visit.kind)
            self.topic.setCurrentText(visit.topic)
            self.note.setPlainText(visit.note)
        else:
            self._school_chosen()
        self._kind_chosen()

    def _school_chosen(self, _index: int = 0) -> None:
        responsible = self.choices.responsible.get(self.school.currentData())
        if responsible is not None:
            select_data(self.inspector, responsible)

    def _kind_chosen(self, _index: int = 0) -> None:
        self.topic.setEnabled(self.kind.currentData() == VisitKind.SPECIAL)

    def value(self) -> VisitInput:
        """The visit as entered."""
        checked = [
            self.companions.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.companions.count())
            if self.companions.item(i).checkState() == Qt.CheckState.Checked
        ]
        kind = self.kind.currentData()
        return VisitInput(
            day=self.day.value() or date.today(),
            school_id=self.school.currentData(),
            inspector_id=self.inspector.currentData(),
            kind=kind,
            topic=self.topic.currentText() if kind == VisitKind.SPECIAL else "",
            note=self.note.toPlainText(),
            companion_ids=tuple(checked),
        )

    def save(self) -> None:
        data = self.value()
        if data.school_id is None or data.inspector_id is None:
            self.show_problems([self.tr("Choose a school and an inspector.")], ["school"])
            return
        visit_id = self.visit.id if self.visit else None
        if self.visit and (data.day, data.inspector_id, data.school_id) == (
            self.visit.day,
            self.visit.inspector_id,
            self.visit.school_id,
        ):
            self._save(data)
            return
        check_then(
            self,
            self.db,
            self.worker,
            [(data.inspector_id, data.school_id, data.day, visit_id)],
            lambda: self._save(data),
        )

    def _save(self, data: VisitInput) -> None:
        if self.visit is None:
            self.submit(lambda: add_visit(self.db, data), changes_of(add_visit))
        else:
            visit_id, version = self.visit.id, self.visit.version
            self.submit(
                lambda: update_visit(self.db, visit_id, data, version=version),
                changes_of(update_visit),
            )
