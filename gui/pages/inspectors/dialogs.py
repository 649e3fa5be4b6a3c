"""Dialogs of the 督学 page: the inspector form, term actions, 挂牌 and recusal.

Each dialog collects input and hands one ``core`` operation to the worker; refusals (overlapping
terms, renewal past the limit, recused schools …) come back as messages shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from core.changes import changes_of
from core.enums import Assessment, Education, Employment, Gender, TermEndReason
from core.office.policy import PolicyProfile
from core.roster.assignments import AssignmentResult, add_recusal, assign_schools, end_assignments
from core.roster.inspectors import InspectorInput, InspectorRow, save_inspector
from core.roster.schools import SchoolRow
from core.roster.terms import BatchRenewal, appoint, batch_renew, end_term, record_assessment, renew
from core.search.matching import pinyin_order
from db.engine import Database
from gui import dialogs
from gui.pages.inspectors.assessment_dialog import confirm_qualifications
from gui.widgets.forms import DateField, FormDialog, enum_combo, make_searchable, select_data
from gui.worker import DbWorker

ID_ROLE = Qt.ItemDataRole.UserRole


class InspectorDialog(FormDialog):
    """Add or edit an inspector; a new one can be appointed at once."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        row: InspectorRow | None,
        today: date,
        parent: QWidget | None = None,
        policy: PolicyProfile | None = None,
    ) -> None:
        title = self.tr("Add inspector") if row is None else self.tr("Edit inspector")
        super().__init__(title, worker, parent)
        self.db = db
        self.row = row
        self.policy = policy
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.gender = self.add_field("gender", self.tr("Gender"), enum_combo(Gender, ""))
        self.employment = self.add_field(
            "employment", self.tr("Full/part time"), enum_combo(Employment)
        )
        self.unit = self.add_field("unit", self.tr("Unit"), QLineEdit())
        self.post = self.add_field("post", self.tr("Post"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("Phone"), QLineEdit())
        self.phone.setPlaceholderText(self.tr("Mobile 13812345678 or landline 0738-6123456"))
        self.certificate = self.add_field("certificate_no", self.tr("Certificate no."), QLineEdit())
        self.education = self.add_field(
            "education", self.tr("Education"), enum_combo(Education, self.tr("(not recorded)"))
        )
        self.experience = self.add_field(
            "experience_years", self.tr("Years in teaching or management"), QSpinBox()
        )
        self.experience.setRange(-1, 60)
        self.experience.setSpecialValueText(self.tr("(not recorded)"))
        self.experience.setValue(-1)
        self.notes = self.add_field("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setMaximumHeight(70)
        self.appoint_now = QCheckBox(self.tr("Appoint now, term starting"))
        self.appoint_from = DateField()
        self.appoint_from.set_value(today)
        if row is None:
            self.appoint_now.setChecked(True)
            self.fields["start_date"] = self.appoint_from
            self.form.addRow(self.appoint_now, self.appoint_from)
        else:
            self.name.setText(row.name)
            select_data(self.gender, row.gender)
            select_data(self.employment, row.employment)
            self.unit.setText(row.unit)
            self.post.setText(row.post)
            self.phone.setText(row.phone)
            self.certificate.setText(row.certificate_no)
            select_data(self.education, row.education)
            self.experience.setValue(-1 if row.experience_years is None else row.experience_years)
            self.notes.setPlainText(row.notes)

    def save(self) -> None:
        data = InspectorInput(
            name=self.name.text(),
            gender=self.gender.currentData(),
            employment=self.employment.currentData(),
            unit=self.unit.text(),
            post=self.post.text(),
            phone=self.phone.text(),
            certificate_no=self.certificate.text(),
            notes=self.notes.toPlainText(),
            education=self.education.currentData(),
            experience_years=None if self.experience.value() < 0 else self.experience.value(),
        )
        inspector_id = self.row.id if self.row else None
        version = self.row.version if self.row else None
        start = (
            self.appoint_from.value() if self.row is None and self.appoint_now.isChecked() else None
        )
        if start is not None and not confirm_qualifications(
            self, data.name, data.education, data.experience_years, self.policy
        ):
            return
        self.submit(
            lambda: save_inspector(self.db, data, inspector_id, start, version=version),
            changes_of(save_inspector),
        )


class AppointDialog(FormDialog):
    """任命: one term from a start date (its end follows from the term length)."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        row: InspectorRow,
        today: date,
        parent=None,
        policy: PolicyProfile | None = None,
    ) -> None:
        super().__init__(self.tr("Appoint {name}").format(name=row.name), worker, parent)
        self.db, self.row, self.policy = db, row, policy
        self.start = self.add_field("start_date", self.tr("Term starts"), DateField())
        self.start.set_value(today)

    def save(self) -> None:
        row = self.row
        if not confirm_qualifications(
            self, row.name, row.education, row.experience_years, self.policy
        ):
            return
        start, inspector_id = self.start.value(), self.row.id
        self.submit(lambda: appoint(self.db, inspector_id, start), changes_of(appoint))


class AssessmentDialog(FormDialog):
    """任期考核 of the latest term: 优秀, 称职 or 不称职."""

    def __init__(self, worker: DbWorker, db: Database, row: InspectorRow, parent=None) -> None:
        super().__init__(self.tr("Assessment of {name}").format(name=row.name), worker, parent)
        self.db, self.row = db, row
        self.outcome = self.add_field("assessment", self.tr("Outcome"), enum_combo(Assessment))
        select_data(self.outcome, Assessment.COMPETENT.value)

    def save(self) -> None:
        outcome, inspector_id = Assessment(self.outcome.currentData()), self.row.id
        self.submit(
            lambda: record_assessment(self.db, inspector_id, outcome), changes_of(record_assessment)
        )


class RenewDialog(FormDialog):
    """续聘: record the assessment and start the next term."""

    def __init__(
        self, worker: DbWorker, db: Database, row: InspectorRow, start: date, parent=None
    ) -> None:
        super().__init__(self.tr("Renew {name}").format(name=row.name), worker, parent)
        self.db, self.row = db, row
        self.outcome = self.add_field(
            "assessment", self.tr("Assessment"), enum_combo(Assessment, self.tr("(as recorded)"))
        )
        self.start = self.add_field("start_date", self.tr("New term starts"), DateField())
        self.start.set_value(start)

    def save(self) -> None:
        code = self.outcome.currentData()
        outcome = Assessment(code) if code else None
        start, inspector_id = self.start.value(), self.row.id
        self.submit(lambda: renew(self.db, inspector_id, start, outcome), changes_of(renew))


class EndTermDialog(FormDialog):
    """结束任期: 届满, 解聘 or 辞任 on a day, with a reason; ends the 挂牌 too."""

    def __init__(
        self, worker: DbWorker, db: Database, row: InspectorRow, today: date, parent=None
    ) -> None:
        super().__init__(self.tr("End the term of {name}").format(name=row.name), worker, parent)
        self.db, self.row = db, row
        self.on = self.add_field("ended_on", self.tr("Last day"), DateField())
        self.on.set_value(today)
        self.reason = self.add_field("end_reason", self.tr("How"), enum_combo(TermEndReason))
        self.note = self.add_field("note", self.tr("Reason"), QLineEdit())
        self.add_field(
            "hint", "", QLabel(self.tr("The schools this inspector covers will need a new one."))
        )
        self.saved.connect(self._report)

    def save(self) -> None:
        on, how, note = self.on.value(), TermEndReason(self.reason.currentData()), self.note.text()
        inspector_id = self.row.id
        self.submit(lambda: end_term(self.db, inspector_id, on, how, note), changes_of(end_term))

    def _report(self, schools: list[str]) -> None:
        if schools:
            dialogs.inform(
                self.parentWidget(),
                self.windowTitle(),
                self.tr("These schools now have no responsible inspector:\n{schools}").format(
                    schools="、".join(schools)
                ),
            )


class BatchRenewDialog(FormDialog):
    """换届: renew many inspectors from one day; those who cannot be renewed are listed."""

    def __init__(
        self, worker: DbWorker, db: Database, rows: Sequence[InspectorRow], parent=None
    ) -> None:
        super().__init__(self.tr("General re-appointment"), worker, parent)
        self.db = db
        self.inspectors = self.add_field("inspectors", self.tr("Inspectors"), QListWidget())
        for row in sorted((r for r in rows if r.serving), key=lambda r: r.term_end or date.max):
            item = QListWidgetItem(
                self.tr("{name} (term ends {end})").format(name=row.name, end=row.term_end)
            )
            item.setData(ID_ROLE, row.id)
            item.setCheckState(
                Qt.CheckState.Checked if row.term_expiring else Qt.CheckState.Unchecked
            )
            self.inspectors.addItem(item)
        self.assessment = self.add_field(
            "assessment",
            self.tr("Assessment for all"),
            enum_combo(Assessment, self.tr("(as recorded)")),
        )
        self.start = self.add_field("start_date", self.tr("New terms start"), DateField())
        self.saved.connect(self._report)

    def checked_ids(self) -> list[int]:
        items = (self.inspectors.item(i) for i in range(self.inspectors.count()))
        return [i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        ids, start = self.checked_ids(), self.start.value()
        code = self.assessment.currentData()
        assessments = {i: Assessment(code) for i in ids} if code else None
        if not ids:
            self.show_problems([self.tr("Tick at least one inspector.")], ["inspectors"])
            return
        self.submit(lambda: batch_renew(self.db, ids, start, assessments), changes_of(batch_renew))

    def _report(self, result: BatchRenewal) -> None:
        lines = [self.tr("Renewed: {count}").format(count=len(result.renewed))]
        if result.refused:
            lines.append(self.tr("Not renewed:"))
            lines += [f"  {reason}" for _name, reason in result.refused]
        dialogs.inform(self.parentWidget(), self.windowTitle(), "\n".join(lines))


class AssignDialog(FormDialog):
    """挂牌: make the inspector responsible for the ticked schools from a day."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        row: InspectorRow,
        schools: Sequence[SchoolRow],
        today: date,
        parent=None,
    ) -> None:
        super().__init__(self.tr("Assign schools to {name}").format(name=row.name), worker, parent)
        self.db, self.row = db, row
        self.filter = self.add_field("filter", self.tr("Find"), QLineEdit())
        self.filter.setPlaceholderText(self.tr("Type part of a school's or zone's name"))
        self.schools = self.add_field("schools", self.tr("Schools"), QListWidget())
        self.schools.setMinimumHeight(320)
        for school in sorted((s for s in schools if s.active), key=lambda s: (s.zone, s.name)):
            covered = school.inspector == row.name
            zone = school.zone or self.tr("no zone")
            text = f"{school.name}（{zone}）"
            if school.inspector and not covered:
                text += " — " + self.tr("now {name}").format(name=school.inspector)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, school.id)
            item.setCheckState(Qt.CheckState.Checked if covered else Qt.CheckState.Unchecked)
            self.schools.addItem(item)
        self.start = self.add_field("start_date", self.tr("From"), DateField())
        self.start.set_value(today)
        self.filter.textChanged.connect(self._filter)
        self.saved.connect(self._report)

    def _filter(self, text: str) -> None:
        for index in range(self.schools.count()):
            item = self.schools.item(index)
            item.setHidden(bool(text) and text not in item.text())

    def check(self, names: Sequence[str]) -> None:
        """Tick the schools with these names (and no others)."""
        for index in range(self.schools.count()):
            item = self.schools.item(index)
            name = item.text().split("（")[0]
            item.setCheckState(Qt.CheckState.Checked if name in names else Qt.CheckState.Unchecked)

    def save(self) -> None:
        items = (self.schools.item(i) for i in range(self.schools.count()))
        ids = [i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]
        if not ids:
            self.show_problems([self.tr("Tick at least one school.")], ["schools"])
            return
        start, inspector_id = self.start.value(), self.row.id
        self.submit(
            lambda: assign_schools(self.db, inspector_id, ids, start), changes_of(assign_schools)
        )

    def _report(self, result: AssignmentResult) -> None:
        if result.moved:
            moved = "、".join(
                self.tr("{school} (was {name})").format(school=school, name=name)
                for school, name in result.moved
            )
            dialogs.inform(
                self.parentWidget(),
                self.windowTitle(),
                self.tr("Moved from other inspectors: {schools}").format(schools=moved),
            )


class EndAssignmentDialog(FormDialog):
    """结束挂牌 of some of the inspector's schools, on a day."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        row: InspectorRow,
        schools: Sequence[SchoolRow],
        today: date,
        parent=None,
    ) -> None:
        super().__init__(self.tr("End assignments of {name}").format(name=row.name), worker, parent)
        self.db = db
        self.schools = self.add_field("schools", self.tr("Schools"), QListWidget())
        for school in schools:
            item = QListWidgetItem(school.name)
            item.setData(ID_ROLE, school.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.schools.addItem(item)
        self.on = self.add_field("end_date", self.tr("Last day"), DateField())
        self.on.set_value(today)

    def save(self) -> None:
        items = (self.schools.item(i) for i in range(self.schools.count()))
        ids = [i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]
        if not ids:
            self.show_problems([self.tr("Tick at least one school.")], ["schools"])
            return
        on = self.on.value()
        self.submit(lambda: end_assignments(self.db, ids, on), changes_of(end_assignments))


class RecusalDialog(FormDialog):
    """回避: the inspector must not cover this school."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        row: InspectorRow,
        schools: Sequence[SchoolRow],
        today: date,
        parent=None,
    ) -> None:
        super().__init__(self.tr("Recusal of {name}").format(name=row.name), worker, parent)
        self.db, self.row = db, row
        self.school = self.add_field("recusal", self.tr("School"), QComboBox())
        for school in sorted(schools, key=lambda s: pinyin_order(s.name)):
            self.school.addItem(school.name, school.id)
        make_searchable(self.school)
        self.reason = self.add_field("reason", self.tr("Reason"), QLineEdit())
        self.reason.setPlaceholderText(
            self.tr("e.g. former principal there; a relative works there")
        )
        self.since = self.add_field("since", self.tr("Since"), DateField())
        self.since.set_value(today)

    def save(self) -> None:
        index = self.school.findText(self.school.currentText())
        if index < 0:
            self.show_problems([self.tr("Choose a school from the list.")], ["recusal"])
            return
        school_id = self.school.itemData(index)
        reason, since, inspector_id = self.reason.text(), self.since.value(), self.row.id
        self.submit(
            lambda: add_recusal(self.db, inspector_id, school_id, reason, since),
            changes_of(add_recusal),
        )
