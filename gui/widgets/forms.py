"""Form dialogs in code: a labelled form, date fields, and saving through the worker.

A :class:`FormDialog` saves by handing a ``core`` call to the worker. Bad input comes back as a
:class:`core.errors.ValidationError`: the dialog stays open, lists every message above the
buttons and marks the fields named; nothing is saved. Pages open dialogs with ``open()`` (window
modal, not blocking), so the tests drive them like a clerk does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.changes import Change
from core.enums import LabelledEnum
from core.errors import ValidationError
from core.search.matching import matches, pinyin_order, query_words, search_key
from gui.worker import DbWorker, report_failure

NO_DATE = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date with a calendar pop-up; an optional one shows "—" while empty."""

    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if optional:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText("—")
            self.setDate(NO_DATE)
        else:
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._calendar_at_today_if_empty()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        self._calendar_at_today_if_empty()

    def _calendar_at_today_if_empty(self) -> None:
        # An empty date is 1900-01-01 underneath; the pop-up should open on this month instead.
        if self.optional and self.date() == NO_DATE and self.calendarWidget().isVisible():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def value(self) -> date | None:
        if self.optional and self.date() == NO_DATE:
            return None
        return self.date().toPython()  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))


def enum_combo(enum: type[LabelledEnum], blank: str | None = None) -> QComboBox:
    """A combo box of an enumeration's Chinese labels; the stored code is the item data."""
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, "")
    for member in enum:
        combo.addItem(member.label, member.value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    """Select the item whose data is ``value`` (the first item if none is)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


class _PickerMatches(QSortFilterProxyModel):
    """A picker's items found by what was typed (see :mod:`core.search.matching`)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.words: tuple[str, ...] = ()
        self.setSourceModel(combo.model())

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = query_words(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        text = self.sourceModel().index(row, 0, parent).data() or ""
        return matches(search_key([text]), self.words)


def make_searchable(combo: QComboBox) -> QComboBox:
    """Let the clerk type into ``combo`` to find an item anywhere in its name, by several
    words or by pinyin ("城关中学", "cgzx" find 青溪县城关中学); the list offers what matches.

    The items already in ``combo`` are put in pinyin order; a blank choice (an item whose data
    is empty, such as "（无）") stays first.
    """
    items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    blank = [item for item in items if not item[1]]
    named = sorted((item for item in items if item[1]), key=lambda item: pinyin_order(item[0]))
    combo.clear()
    for text, data in (*blank, *named):
        combo.addItem(text, data)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    found = _PickerMatches(combo)
    completer = QCompleter(found, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)

    def typed(text: str) -> None:
        found.set_search(text)
        if text.strip():
            completer.complete()

    line = combo.lineEdit()
    assert line is not None, "an editable combo box has a line edit"
    line.textEdited.connect(typed)
    return combo


class FormDialog(QDialog):
    """A titled form with OK/Cancel that saves through the worker."""

    saved = Signal(object)

    def __init__(self, title: str, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.worker = worker
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = QLabel()
        self.errors.setObjectName("formErrors")
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def add_field(self, name: str, label: str, widget: QWidget) -> Any:
        """Add a labelled field; returns the widget for chaining."""
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def save(self) -> None:
        """Called by OK: subclasses read their fields and call :meth:`submit`."""
        raise NotImplementedError

    def submit(self, job: Callable[[], Any], changes: Iterable[Change]) -> None:
        """Run ``job`` on the worker; close on success, list the problems otherwise."""
        self.buttons.setEnabled(False)
        self.worker.submit(job, on_done=self._done, on_error=self._failed, changes=changes)

    def show_problems(self, messages: list[str], fields: Sequence[str] = ()) -> None:
        """List ``messages`` and mark the fields named."""
        for name, widget in self.fields.items():
            widget.setProperty("invalid", name in fields)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.errors.setText("\n".join(messages))
        self.errors.setVisible(bool(messages))

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problems(exc.messages(), [e.field for e in exc.errors])
        else:
            report_failure(exc)
