"""The 模板 tab of the 迎检档案 page: the office's archive checklist templates.

New, edit, copy as a new template, delete (checklists already made from a template stay), and
Excel import and export so offices can share templates. A template whose name is already used
can be imported under another name: the template opens in :class:`TemplateDialog` with a free
name suggested, and the clerk saves it from there. :attr:`TemplateListView.templatesChanged`
tells the page when the list changed (its campaign dialog offers the templates).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.archive.templates import (
    TemplateInput,
    TemplateRow,
    delete_template,
    export_template,
    kinds_label,
    read_template_file,
    save_template,
    template_input,
    template_rows,
)
from core.changes import EVERYTHING, Change, changes_of
from core.errors import ValidationError
from db.engine import Database
from gui import dialogs
from gui.pages.archives.template_dialogs import TemplateDialog
from gui.sheet_actions import EXCEL_FILTER
from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column
from gui.worker import DbWorker, refusal_handler, report_failure

UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]')
BUILTIN_MARK = "✓"
DESCRIPTION_COLUMN = 1
DESCRIPTION_WIDTH = 360


def free_name(name: str, used: set[str], suffix: str) -> str:
    """``name`` with ``suffix`` (and a number from 2 on) so that it is not in ``used``."""
    candidate = f"{name}{suffix}"
    number = 2
    while candidate in used:
        candidate = f"{name}{suffix}{number}"
        number += 1
    return candidate


class TemplateListView(ListPage):
    """The templates, with 新建 / 编辑 / 复制为新模板 / 删除 / 导入… / 导出…."""

    templatesChanged = Signal()

    def __init__(self, db: Database, worker: DbWorker, parent: QWidget | None = None) -> None:
        columns = [
            Column(self.tr("Name"), lambda r: r.name),
            Column(
                self.tr("Description"),
                lambda r: r.description.splitlines()[0] if r.description.strip() else "",
                tooltip=lambda r: r.description,
            ),
            Column(self.tr("Items"), lambda r: str(r.item_count), lambda r: r.item_count, True),
            Column(
                self.tr("Required items"),
                lambda r: str(r.required_count),
                lambda r: r.required_count,
                True,
            ),
            Column(self.tr("Built-in"), lambda r: BUILTIN_MARK if r.builtin else ""),
            Column(self.tr("For"), lambda r: kinds_label(r.school_kinds)),
        ]
        super().__init__("", columns, parent=parent)
        self.heading.hide()
        self.filter_choice.hide()
        self.body.setContentsMargins(0, 8, 0, 0)
        self.db = db
        self.worker = worker
        self.loaded = False
        self.dialog: TemplateDialog | None = None

        self.add_button(self.tr("New…"), self.new_template)
        self.edit_button = self.add_button(
            self.tr("Edit…"), self.edit_template, needs_selection=True
        )
        self.copy_button = self.add_button(
            self.tr("Copy as new template…"), self.copy_template, needs_selection=True
        )
        self.delete_button = self.add_button(
            self.tr("Delete"), self.delete_template, needs_selection=True
        )
        self.import_button = self.add_button(self.tr("Import…"), self.import_template)
        self.set_empty_state(
            self.tr("No checklist templates yet — make one with “New…” or import one."),
            [(self.tr("New…"), self.new_template), (self.tr("Import…"), self.import_template)],
        )
        self.export_button = self.add_button(
            self.tr("Export…"), self.export_template, needs_selection=True
        )
        self.finish_actions()
        self.summary.setText(
            self.tr(
                "Templates are copied into a campaign's checklists when it is created; editing "
                "or deleting a template leaves the checklists already made as they are."
            )
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_template())
        worker.data_changed.connect(self.refresh)

    # --- reading ----------------------------------------------------------------------

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the templates again in the background (when shown)."""
        if self.needs_reading(changes, {Change.TEMPLATES}):
            self.worker.submit(lambda: template_rows(self.db), on_done=self.show_rows)

    def show_rows(self, rows: list[TemplateRow]) -> None:
        sized = self._sized
        self.set_rows(rows)
        if self._sized and not sized:
            self.table.setColumnWidth(
                DESCRIPTION_COLUMN,
                min(self.table.columnWidth(DESCRIPTION_COLUMN), DESCRIPTION_WIDTH),
            )
        self.loaded = True
        self.selection_changed()

    def selection_changed(self) -> None:
        one = len(self.selected_rows()) == 1
        for button in (self.edit_button, self.copy_button, self.delete_button):
            button.setEnabled(one)
        self.export_button.setEnabled(one)

    def _names(self) -> set[str]:
        return {row.name for row in self.model.rows}

    # --- actions ----------------------------------------------------------------------

    def _open_template_dialog(
        self, template: TemplateInput | None, template_id: int | None, title: str
    ) -> None:
        self.dialog = TemplateDialog(self.db, self.worker, template, template_id, title, self)
        self.dialog.saved.connect(lambda _id: self.templatesChanged.emit())
        self.dialog.open()

    def new_template(self) -> None:
        self._open_template_dialog(None, None, self.tr("New template"))

    def edit_template(self) -> None:
        row = self._one()
        if row is not None:
            self.worker.submit(
                lambda: template_input(self.db, row.id),
                on_done=lambda data: self._open_template_dialog(
                    data,
                    row.id,
                    self.tr("Edit template: {name}").format(name=row.name),
                ),
                on_error=self._refused,
            )

    def copy_template(self) -> None:
        """A new template with the selected one's items, under a free name."""
        row = self._one()
        if row is None:
            return

        def copy(data: TemplateInput) -> None:
            name = free_name(data.name, self._names(), self.tr(" (copy)"))
            self._open_template_dialog(
                TemplateInput(name=name, description=data.description, items=data.items),
                None,
                self.tr("Copy of {name}").format(name=row.name),
            )

        self.worker.submit(
            lambda: template_input(self.db, row.id), on_done=copy, on_error=self._refused
        )

    def delete_template(self) -> None:
        row = self._one()
        if row is None:
            return
        question = self.tr(
            "Delete the template {name}? Checklists already made from it stay as they are."
        ).format(name=row.name)
        if dialogs.ask(self, self.tr("Templates"), question):
            self.worker.submit(
                lambda: delete_template(self.db, row.id),
                on_done=lambda _none: self.templatesChanged.emit(),
                on_error=self._refused,
                changes=changes_of(delete_template),
            )

    def import_template(self) -> None:
        """Read a template sheet; save it, or offer another name when its name is used."""
        path = dialogs.open_file(self, self.tr("Import a template"), EXCEL_FILTER)
        if path is None:
            return
        self.worker.submit(
            lambda: read_template_file(path),
            on_done=lambda data: self._imported(data, path),
            on_error=self._import_refused,
        )

    def _imported(self, data: TemplateInput, path: Path) -> None:
        names = self._names()
        if data.name not in names:
            self.worker.submit(
                lambda: save_template(self.db, data),
                on_done=lambda _id: self._import_saved(data.name, path),
                on_error=self._import_refused,
                changes=changes_of(save_template),
            )
            return
        question = self.tr(
            "A template named {name} already exists. Import this one under another name?"
        ).format(name=data.name)
        if dialogs.ask(self, self.tr("Import a template"), question):
            renamed = TemplateInput(
                name=free_name(data.name, names, self.tr(" (imported)")),
                description=data.description,
                items=data.items,
            )
            self._open_template_dialog(
                renamed, None, self.tr("Import {file}").format(file=path.name)
            )

    def _import_saved(self, name: str, path: Path) -> None:
        self.templatesChanged.emit()
        dialogs.inform(
            self,
            self.tr("Import a template"),
            self.tr("Template {name} imported from {file}.").format(name=name, file=path.name),
        )

    def _import_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            dialogs.warn(
                self,
                self.tr("Import a template"),
                self.tr("Nothing was imported. Please correct the sheet:")
                + "\n"
                + "\n".join(exc.messages()),
            )
        else:
            report_failure(exc)

    def export_template(self) -> None:
        """Write the selected template to an Excel file the clerk chooses."""
        row = self._one()
        if row is None:
            return
        suggested = UNSAFE_IN_FILE_NAMES.sub("_", row.name)
        path = dialogs.save_file(
            self, self.tr("Export a template"), f"{suggested}.xlsx", EXCEL_FILTER
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.worker.submit(
            lambda: export_template(self.db, row.id, path),
            on_done=lambda written: dialogs.inform(
                self,
                self.tr("Export a template"),
                self.tr("Template {name} written to\n{path}").format(name=row.name, path=written),
            ),
            on_error=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        refusal_handler(self, self.tr("Templates"))(exc)
