"""The 培训 page's choice of the training forms that count toward the yearly hours."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from core.changes import changes_of
from core.enums import TrainingForm
from core.roster.training import save_counted_forms
from db.engine import Database
from gui.widgets.forms import FormDialog
from gui.worker import DbWorker


class CountedFormsDialog(FormDialog):
    """Tick the forms whose hours count toward the yearly hours (集中培训 by default)."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        counted: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Forms counted toward the yearly hours"), worker, parent)
        self.db = db
        boxes = QWidget()
        column = QVBoxLayout(boxes)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes = {form.value: QCheckBox(form.label) for form in TrainingForm}
        for code, box in self.boxes.items():
            box.setChecked(code in counted)
            column.addWidget(box)
        self.add_field("counted_forms", self.tr("Count"), boxes)
        hint = QLabel(
            self.tr(
                "The plans name centralized training (集中培训) for the yearly hours; tick other "
                "forms only if the office's rules count them."
            )
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def save(self) -> None:
        forms = [code for code, box in self.boxes.items() if box.isChecked()]
        self.submit(lambda: save_counted_forms(self.db, forms), changes_of(save_counted_forms))
