"""The visit record form (督导记录表) and the office's list of main inspection items.

:class:`RecordDialog` fills in or corrects one visit's record: the office's main inspection
items (plus any an earlier record holds that are no longer on the list, still ticked), the
methods, the "六个至少", the four texts and the filing day. OK saves through
:func:`core.calendar.records.save_record` (which marks the visit done); a refused record lists the
problems in the dialog and saves nothing. Files are attached and removed at once, since they
belong to the visit rather than to one version of its record.

:class:`InspectionItemsDialog` edits the office's list of main inspection items.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.calendar.records import RecordInput, RecordView, record_of, save_record
from core.calendar.visits import (
    DEFAULT_INSPECTION_ITEMS,
    load_inspection_items,
    save_inspection_items,
)
from core.changes import Change, changes_of
from core.enums import InspectionMethod, LabelledEnum, SixMinimum, VisitKind
from db.engine import Database
from gui.widgets.attachments_box import AttachmentsBox
from gui.widgets.forms import DateField, FormDialog
from gui.widgets.table_model import show_date
from gui.worker import DbWorker

PREFERRED_SIZE = (880, 780)
SCREEN_MARGIN = (40, 60)
TEXT_HEIGHT = 84
ATTACHMENTS_HEIGHT = 96


@dataclass(frozen=True)
class RecordForm:
    """What the record form needs: the visit with its record, and the office's items."""

    view: RecordView
    items: list[str]


def read_record_form(db: Database, visit_id: int) -> RecordForm:
    """The visit's record and the office's list of main inspection items (worker side)."""
    return RecordForm(record_of(db, visit_id), load_inspection_items(db))


def _box_grid(title: str, boxes: Sequence[QCheckBox], columns: int) -> QGroupBox:
    group = QGroupBox(title)
    grid = QGridLayout(group)
    for index, box in enumerate(boxes):
        grid.addWidget(box, index // columns, index % columns)
    return group


def _enum_boxes(enum: type[LabelledEnum], ticked: Sequence[str]) -> dict[str, QCheckBox]:
    boxes = {}
    for member in enum:
        box = QCheckBox(member.label)
        box.setChecked(member.value in ticked)
        boxes[member.value] = box
    return boxes


def _ticked(boxes: dict[str, QCheckBox]) -> tuple[str, ...]:
    return tuple(code for code, box in boxes.items() if box.isChecked())


class RecordDialog(FormDialog):
    """Fill in or correct one visit's record, and attach files to the visit."""

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        form: RecordForm,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        view = form.view
        super().__init__(self.tr("Visit record"), worker, parent)
        self.db, self.view, self.today = db, view, today
        record = view.record or RecordInput()

        self.visit_label = QLabel(self._visit_text(view))
        self.visit_label.setWordWrap(True)
        self.visit_label.setTextFormat(Qt.TextFormat.RichText)
        self.form.addRow(self.tr("Visit"), self.visit_label)
        self.filed_on = self.add_field("filed_on", self.tr("Filed on"), DateField())
        self.filed_on.set_value(record.filed_on or today)
        self.filed_on.setMaximumWidth(160)

        offered = list(form.items) + [i for i in record.items if i not in form.items]
        self.item_boxes: dict[str, QCheckBox] = {}
        for item in offered:
            box = QCheckBox(item)
            box.setChecked(item in record.items)
            if item not in form.items:
                box.setToolTip(self.tr("No longer on the office's list; kept from this record"))
            self.item_boxes[item] = box
        self.method_boxes = _enum_boxes(InspectionMethod, record.methods)
        self.six_boxes = _enum_boxes(SixMinimum, record.six_minimum)
        items_group = _box_grid(self.tr("Main inspection items"), list(self.item_boxes.values()), 2)
        methods_group = _box_grid(self.tr("Methods"), list(self.method_boxes.values()), 2)
        six_group = _box_grid(self.tr("Six minimums"), list(self.six_boxes.values()), 2)
        # Only schools of compulsory education are asked for them; ticks made before stay shown.
        six_group.setVisible(view.six_asked or bool(record.six_minimum))
        self.fields.update(items=items_group, methods=methods_group, six_minimum=six_group)

        self.texts: dict[str, QPlainTextEdit] = {}
        texts = QGridLayout()
        labels = {
            "findings": self.tr("Findings"),
            "problems": self.tr("Problems"),
            "advice": self.tr("Advice"),
            "feedback": self.tr("Feedback on site"),
        }
        for index, (name, label) in enumerate(labels.items()):
            edit = QPlainTextEdit(getattr(record, name))
            edit.setMinimumHeight(TEXT_HEIGHT)
            edit.setTabChangesFocus(True)
            self.texts[name] = edit
            self.fields[name] = edit
            row, column = divmod(index, 2)
            texts.addWidget(QLabel(label), row * 2, column)
            texts.addWidget(edit, row * 2 + 1, column)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(items_group)
        checks = QHBoxLayout()
        checks.addWidget(methods_group, 1)
        checks.addWidget(six_group, 1)
        layout.addLayout(checks)
        layout.addLayout(texts)
        self.attachments = AttachmentsBox(
            worker,
            db,
            {"visit_id": view.visit_id},
            today,
            frozenset({Change.VISITS}),
            rows=view.attachments,
            on_error=self._failed,
        )
        self.attachments.list.setMaximumHeight(ATTACHMENTS_HEIGHT)
        layout.addWidget(self.attachments)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(1, scroll, 1)
        self._fit_screen()

    def _visit_text(self, view: RecordView) -> str:
        kind = VisitKind.label_of(view.kind)
        if view.topic:
            kind = f"{kind}（{view.topic}）"
        first = f"<b>{html.escape(view.school)}</b>　{show_date(view.day)}　{html.escape(kind)}"
        people = self.tr("Inspector: {name}").format(name=html.escape(view.inspector))
        if view.companions:
            companions = self.tr("With: {names}").format(names=html.escape(view.companions))
            people = f"{people}　{companions}"
        return f"{first}<br>{people}"

    def _fit_screen(self) -> None:
        available = self.screen().availableGeometry()
        self.resize(
            min(PREFERRED_SIZE[0], available.width() - SCREEN_MARGIN[0]),
            min(PREFERRED_SIZE[1], available.height() - SCREEN_MARGIN[1]),
        )

    # --- the record ---------------------------------------------------------------------

    def record_input(self) -> RecordInput:
        """The record as the form holds it."""
        return RecordInput(
            items=_ticked(self.item_boxes),
            methods=_ticked(self.method_boxes),
            six_minimum=_ticked(self.six_boxes),
            findings=self.texts["findings"].toPlainText(),
            problems=self.texts["problems"].toPlainText(),
            advice=self.texts["advice"].toPlainText(),
            feedback=self.texts["feedback"].toPlainText(),
            filed_on=self.filed_on.value(),
        )

    def save(self) -> None:
        data, visit_id, today = self.record_input(), self.view.visit_id, self.today
        self.submit(
            lambda: save_record(self.db, visit_id, data, today=today), changes_of(save_record)
        )


class InspectionItemsDialog(FormDialog):
    """Edit the office's main inspection items: add, rename, remove and reorder."""

    def __init__(
        self, worker: DbWorker, db: Database, items: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Main inspection items"), worker, parent)
        self.db = db
        hint = QLabel(
            self.tr(
                "The items offered on every visit record. Double-click an item to rename it; "
                "records already filed keep their items as they were."
            )
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.items = QListWidget()
        self.fields["items"] = self.items
        self.form.addRow(self.items)
        self.items.setMinimumHeight(260)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.set_items(items)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add"), self.add_item),
            (self.tr("Remove"), self.remove_item),
            (self.tr("Move up"), lambda: self.move_item(-1)),
            (self.tr("Move down"), lambda: self.move_item(1)),
            (self.tr("Restore defaults"), lambda: self.set_items(DEFAULT_INSPECTION_ITEMS)),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            buttons.addWidget(button)
        self.form.addRow(buttons)
        self.setMinimumWidth(560)

    def set_items(self, items: Sequence[str]) -> None:
        """Show ``items`` in order, each editable."""
        self.items.clear()
        for text in items:
            self.items.addItem(self._editable(text))

    def _editable(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def item_texts(self) -> list[str]:
        """The items as listed."""
        return [self.items.item(row).text() for row in range(self.items.count())]

    def add_item(self) -> None:
        """Append a new item and start editing its name."""
        item = self._editable(self.tr("New item"))
        self.items.addItem(item)
        self.items.setCurrentItem(item)
        self.items.editItem(item)

    def remove_item(self) -> None:
        """Take the chosen item off the list."""
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)

    def move_item(self, step: int) -> None:
        """Move the chosen item up (-1) or down (+1)."""
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)

    def save(self) -> None:
        items = self.item_texts()
        self.submit(
            lambda: save_inspection_items(self.db, items), changes_of(save_inspection_items)
        )
