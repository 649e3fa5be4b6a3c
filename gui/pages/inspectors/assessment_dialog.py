"""The yearly assessment dialog (年度考核) of the 督学 page, and the qualification warning
given when an inspector is appointed (任职条件)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from core.changes import changes_of
from core.enums import YearlyResult
from core.office.policy import PolicyProfile
from core.roster.assessments import (
    FIRST_YEAR,
    YearlyAssessmentInput,
    YearlyAssessmentLine,
    save_yearly_assessment,
)
from core.roster.qualifications import qualification_gaps
from db.engine import Database
from gui import dialogs
from gui.widgets.forms import DateField, FormDialog, enum_combo, select_data
from gui.worker import DbWorker


class YearlyAssessmentDialog(FormDialog):
    """Record or change one year's assessment of an inspector."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        inspector_id: int,
        name: str,
        today: date,
        line: YearlyAssessmentLine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Yearly assessment of {name}").format(name=name), worker, parent)
        self.db, self.inspector_id, self.today, self.line = db, inspector_id, today, line
        self.year = self.add_field("year", self.tr("Year assessed"), QSpinBox())
        self.year.setRange(FIRST_YEAR, today.year)
        self.outcome = self.add_field("result", self.tr("Result"), enum_combo(YearlyResult))
        self.assessed_on = self.add_field("assessed_on", self.tr("Date"), DateField(optional=True))
        self.assessor = self.add_field("assessor", self.tr("Assessed by"), QLineEdit())
        self.notes = self.add_field("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setMaximumHeight(70)
        if line is None:
            self.year.setValue(today.year - 1)
            select_data(self.outcome, YearlyResult.COMPETENT.value)
            self.assessed_on.set_value(today)
        else:
            self.year.setValue(line.year)
            select_data(self.outcome, line.result)
            self.assessed_on.set_value(line.assessed_on)
            self.assessor.setText(line.assessor)
            self.notes.setPlainText(line.notes)

    def save(self) -> None:
        data = YearlyAssessmentInput(
            year=self.year.value(),
            result=self.outcome.currentData(),
            assessed_on=self.assessed_on.value(),
            assessor=self.assessor.text(),
            notes=self.notes.toPlainText(),
        )
        inspector_id, today = self.inspector_id, self.today
        line_id = self.line.id if self.line else None
        self.submit(
            lambda: save_yearly_assessment(self.db, inspector_id, data, today, line_id),
            changes_of(save_yearly_assessment),
        )


def confirm_qualifications(
    parent: QWidget,
    name: str,
    education: str,
    experience_years: int | None,
    policy: PolicyProfile | None,
) -> bool:
    """Ask before appointing someone below (or not known to meet) the qualifications; True to
    go on."""
    if policy is None:
        return True
    gaps = qualification_gaps(education, experience_years, policy, unknown=True)
    if not gaps:
        return True
    title = QCoreApplication.translate("qualifications", "Qualifications")
    text = QCoreApplication.translate(
        "qualifications",
        "{name} does not meet the appointment qualifications:\n{gaps}\n\nAppoint anyway?",
    )
    return dialogs.ask(parent, title, text.format(name=name or "", gaps="\n".join(gaps)))
