"""Editing an archive checklist template (档案资料清单模板): its name, and its items in groups.

The items are edited in a table, one row per item: group, title, a 必备 tick, the evidence that
proves it and how long it is kept (保管期限, a combo box the clerk may type into). Rows are added
at the end or below the current row in the same group, removed, and moved up and down. Saving
hands :func:`core.archive.templates.save_template` to the worker; a refusal (no name, a name
already used, an item without a title …) is listed in Chinese above the buttons with the rows
named and marked, and the dialog stays open with everything typed.

:class:`EditRowsModel` and :class:`RowsEditor` serve any list of frozen rows with a ``group``
(the scoring sheet's indicators use them too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.archive.templates import RETENTION_CHOICES, ItemInput, TemplateInput, save_template
from core.changes import changes_of
from core.enums import SchoolKind
from db.engine import Database
from gui.widgets.forms import FormDialog
from gui.widgets.table_model import ALERT_COLOUR, NO_PARENT, Index
from gui.worker import DbWorker

"""What a change to the templates announces through the worker."""

TEXT, CHECK, NUMBER, CHOICE = "text", "check", "number", "choice"
POINTS_LIMIT = 1000.0
POINTS_STEP = 0.5
ROW_INDEX = re.compile(r"\[(\d+)\]")
ITEM_NUMBER = re.compile(r"第\s*(\d+)\s*项")


@dataclass(frozen=True)
class EditColumn:
    """One editable column: the row's field it shows, its header and how it is edited."""

    field: str
    header: str
    kind: str = TEXT
    choices: Sequence[str] = ()
    width: int = 0


def show_points(points: float | None) -> str:
    """Points as the sheet writes them: 3, 2.5, -1; empty for none."""
    return "" if points is None else f"{points:g}"


class EditRowsModel(QAbstractTableModel):
    """An editable list of frozen dataclass rows; each edit replaces the row with the new value.

    Rows named by :meth:`mark_rows` are shown in the alert colour (the rows a refusal named).
    """

    def __init__(self, columns: Sequence[EditColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.marked: set[int] = set()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.marked = set()
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and orientation == Qt.Orientation.Vertical
            and section in self.marked
        ):
            return QBrush(ALERT_COLOUR)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind == CHECK:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        column = self.columns[index.column()]
        value = getattr(self.rows[index.row()], column.field)
        if column.kind == CHECK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return show_points(value) if column.kind == NUMBER else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self.marked:
            return QBrush(ALERT_COLOUR)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return False
        column = self.columns[index.column()]
        if column.kind == CHECK:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            state = Qt.CheckState(value) if isinstance(value, int) else value
            value = state == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column.kind == NUMBER:
            value = float(value)
        else:
            value = str(value).strip()
        row = index.row()
        self.rows[row] = replace(self.rows[row], **{column.field: value})
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def insert(self, position: int, row: Any) -> None:
        """Insert ``row`` before ``position`` (at the end when it is past the last row)."""
        position = max(0, min(position, len(self.rows)))
        self.beginInsertRows(NO_PARENT, position, position)
        self.rows.insert(position, row)
        self.endInsertRows()

    def remove(self, position: int) -> None:
        """Remove the row at ``position``."""
        self.beginRemoveRows(NO_PARENT, position, position)
        del self.rows[position]
        self.endRemoveRows()

    def move(self, position: int, step: int) -> bool:
        """Move the row at ``position`` up (``step`` -1) or down (+1); False at either end."""
        target = position + step
        if not (0 <= position < len(self.rows) and 0 <= target < len(self.rows)):
            return False
        # Qt names the row the moved row lands before, which is one further when moving down.
        before = target + 1 if step > 0 else target
        self.beginMoveRows(NO_PARENT, position, position, NO_PARENT, before)
        self.rows.insert(target, self.rows.pop(position))
        self.endMoveRows()
        return True

    def mark_rows(self, rows: set[int]) -> None:
        """Show these rows (0-based) in the alert colour; an empty set clears the marks."""
        self.marked = {r for r in rows if 0 <= r < len(self.rows)}
        if self.rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.rows) - 1, len(self.columns) - 1),
                [Qt.ItemDataRole.ForegroundRole],
            )


class EditDelegate(QStyledItemDelegate):
    """Editors by column kind: an editable combo box of choices, a number in half points."""

    def __init__(self, model: EditRowsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.model.columns[index.column()]
        if column.kind == CHOICE:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems(list(column.choices))
            return combo
        if column.kind == NUMBER:
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(1)
            spin.setSingleStep(POINTS_STEP)
            spin.setRange(-POINTS_LIMIT, POINTS_LIMIT)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value or "")
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class RowsEditor(QWidget):
    """A table of :class:`EditRowsModel` rows with 添加, 在下方添加 (same group), 删除, 上移, 下移.

    ``blank`` makes an empty row; rows have a ``group`` field.
    """

    def __init__(
        self,
        columns: Sequence[EditColumn],
        blank: Callable[[], Any],
        labels: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.blank = blank
        self.model = EditRowsModel(columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(EditDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for number, column in enumerate(columns):
            if column.width:
                self.table.setColumnWidth(number, column.width)
        add_label, add_below_label = labels
        self.add_button = self._button(add_label, self.add_row)
        self.add_below_button = self._button(add_below_label, self.add_row_below)
        self.remove_button = self._button(self.tr("Remove"), self.remove_row)
        self.up_button = self._button(self.tr("Move up"), lambda: self.move_row(-1))
        self.down_button = self._button(self.tr("Move down"), lambda: self.move_row(1))
        bar = QHBoxLayout()
        for button in (
            self.add_button,
            self.add_below_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        self.bar = bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.model.rowsInserted.connect(lambda *_: self._enable())
        self.model.rowsRemoved.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self._enable()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def add_action(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """Another button on the bar, after the row buttons."""
        button = self._button(text, slot)
        self.bar.insertWidget(self.bar.count() - 1, button)
        return button

    def commit_editing(self) -> None:
        """Take the text of a cell still being typed into and close its editor."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        for editor in self.table.viewport().findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if editor.isVisible():
                self.table.commitData(editor)
                self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def current_row(self) -> int | None:
        """The row of the current cell (None when there is none)."""
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int, column: int = 0) -> None:
        """Make the cell at ``row`` and ``column`` current, the row selected and in view."""
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def add_row(self) -> None:
        """Add an empty row at the end and start typing its group."""
        self.commit_editing()
        self.model.insert(len(self.model.rows), self.blank())
        self._edit(len(self.model.rows) - 1, 0)

    def add_row_below(self) -> None:
        """Add a row below the current one, in the same group, and start typing its title."""
        self.commit_editing()
        row = self.current_row()
        if row is None:
            self.add_row()
            return
        group = self.model.rows[row].group
        self.model.insert(row + 1, replace(self.blank(), group=group))
        self._edit(row + 1, 1)

    def _edit(self, row: int, column: int) -> None:
        self.select_row(row, column)
        if self.isVisible():
            self.table.edit(self.model.index(row, column))

    def remove_row(self) -> None:
        """Remove the current row."""
        self.commit_editing()
        row = self.current_row()
        if row is None:
            return
        self.model.remove(row)
        if self.model.rows:
            self.select_row(min(row, len(self.model.rows) - 1))

    def move_row(self, step: int) -> None:
        """Move the current row up (-1) or down (+1)."""
        self.commit_editing()
        row = self.current_row()
        if row is not None and self.model.move(row, step):
            self.select_row(row + step, self.table.currentIndex().column())
        self._enable()

    def _enable(self) -> None:
        row = self.current_row()
        count = len(self.model.rows)
        self.add_below_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < count - 1)


def named_rows(fields: Sequence[str], messages: Sequence[str] = ()) -> set[int]:
    """The rows (0-based) a refusal names: by field (``indicators[2]``, 0-based) or in its
    messages (第3项, 1-based)."""
    rows = {int(match.group(1)) for name in fields if (match := ROW_INDEX.search(name))}
    return rows | {int(n) - 1 for text in messages for n in ITEM_NUMBER.findall(text)}


class TemplateDialog(FormDialog):
    """Create a template, or edit one (``template_id``), from a :class:`TemplateInput`.

    The same dialog makes a copy (``template`` with a new name, no ``template_id``) and takes an
    imported template under another name. :attr:`saved` carries the template's id.
    """

    def __init__(
        self,
        db: Database,
        worker: DbWorker,
        template: TemplateInput | None = None,
        template_id: int | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if title is None:
            title = self.tr("New template") if template_id is None else self.tr("Edit template")
        super().__init__(title, worker, parent)
        self.db = db
        self.template_id = template_id
        self.version = template.version if template is not None and template_id else None
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.description = self.add_field("description", self.tr("Description"), QPlainTextEdit())
        self.description.setMaximumHeight(60)
        kinds = QWidget()
        kinds_row = QHBoxLayout(kinds)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        self.kinds = {kind.value: QCheckBox(kind.label) for kind in SchoolKind}
        for box in self.kinds.values():
            kinds_row.addWidget(box)
        kinds_row.addStretch(1)
        self.add_field("school_kinds", self.tr("For (none ticked: every school)"), kinds)
        columns = [
            EditColumn("group", self.tr("Group"), width=190),
            EditColumn("title", self.tr("Item"), width=320),
            EditColumn("required", self.tr("Required"), CHECK, width=60),
            EditColumn("evidence", self.tr("Evidence"), width=260),
            EditColumn("retention", self.tr("Retention"), CHOICE, RETENTION_CHOICES, 80),
        ]
        self.items = RowsEditor(
            columns,
            lambda: ItemInput(group="", title=""),
            (self.tr("Add item"), self.tr("Add item below")),
        )
        self.fields["items"] = self.items.table
        self.form.addRow(self.items)
        self.model = self.items.model
        if template is not None:
            self.name.setText(template.name)
            self.description.setPlainText(template.description)
            self.model.set_rows(template.items)
            for code in template.school_kinds:
                if code in self.kinds:
                    self.kinds[code].setChecked(True)
        self.resize(1000, 640)

    def value(self) -> TemplateInput:
        """The template as entered."""
        return TemplateInput(
            name=self.name.text().strip(),
            description=self.description.toPlainText().strip(),
            items=tuple(self.model.rows),
            school_kinds=tuple(code for code, box in self.kinds.items() if box.isChecked()),
        )

    def save(self) -> None:
        self.items.commit_editing()
        data, template_id, version = self.value(), self.template_id, self.version
        self.model.mark_rows(set())
        self.submit(
            lambda: save_template(self.db, data, template_id, version=version),
            changes_of(save_template),
        )

    def show_problems(self, messages: list[str], fields: Sequence[str] = ()) -> None:
        """List the messages, mark the fields and the item rows named, show the first row."""
        super().show_problems(messages, fields)
        rows = named_rows(fields, messages) if "items" in fields else set()
        self.model.mark_rows(rows)
        if rows and min(rows) < len(self.model.rows):
            self.items.select_row(min(rows), 1)
