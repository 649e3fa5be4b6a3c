"""Excel import and export from a list page: 导入…, 导出…, 空白模板….

Import reads the sheet in the background and shows what would be added and changed before
anything is saved; saving is one transaction. A sheet with problems is refused as a whole and
the clerk sees every problem by row and column.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.changes import changes_of
from db.engine import Database
from gui import dialogs
from gui.worker import DbWorker, report_failure

if TYPE_CHECKING:
    from core.sheets import ImportPlan
    from gui.widgets.list_page import ListPage

EXCEL_FILTER = "Excel (*.xlsx)"
PREVIEW_LIMIT = 500


def add_sheet_menu(
    page: ListPage, kind: str, db: Database, worker: DbWorker, today: Callable[[], date]
) -> SheetActions:
    """Add the Excel menu (import, export, blank template) for ``kind`` to ``page``."""
    actions = SheetActions(page, kind, db, worker, today)
    page.add_menu("Excel", actions.menu_entries())
    return actions


class SheetActions(QObject):
    """Import, export and template for one kind of sheet (schools, inspectors, training);
    ``page`` is the list page (or the dashboard's first-start banner) the dialogs open over."""

    def __init__(
        self,
        page: QWidget,
        kind: str,
        db: Database,
        worker: DbWorker,
        today: Callable[[], date],
    ) -> None:
        super().__init__(page)
        self.page = page
        self.kind = kind
        self.db = db
        self.worker = worker
        self.today = today
        self.preview: ImportPreview | None = None
        self.problems: QDialog | None = None
        """The list of a refused import's problems, while it is open."""

    def menu_entries(self) -> list[tuple[str, Callable[[], None], bool]]:
        """The Excel menu's entries for :meth:`ListPage.add_menu`."""
        return [
            (self.tr("Import…"), self.start_import, False),
            (self.tr("Export…"), self.export, False),
            (self.tr("Blank template…"), self.template, False),
        ]

    def _title(self) -> str:
        from core.sheets import SHEET_TITLES

        return SHEET_TITLES[self.kind]

    def start_import(self) -> None:
        """Ask for a sheet, read it, and show what it would change."""
        from core.sheets import plan_import

        path = dialogs.open_file(self.page, self.tr("Import from Excel"), EXCEL_FILTER)
        if path is None:
            return
        day = self.today()
        self.worker.submit(
            lambda: plan_import(self.db, self.kind, path, day),
            on_done=self._show_plan,
            on_error=self._failed,
            long=self.tr("Reading the sheet…"),
            parent=self.page,
            key=f"import:{self.kind}",
        )

    def _show_plan(self, plan: ImportPlan) -> None:
        self.preview = ImportPreview(plan, self.page)
        self.preview.accepted.connect(lambda: self._apply(plan))
        self.preview.open()

    def _apply(self, plan: ImportPlan) -> None:
        from core.sheets import apply_import

        self.worker.submit(
            lambda: apply_import(self.db, plan),
            on_done=lambda done: dialogs.inform(
                self.page,
                self.tr("Import"),
                self.tr("Saved: {summary}").format(summary=done.summary()),
            ),
            on_error=self._failed,
            changes=changes_of(apply_import),
            long=self.tr("Importing…"),
            parent=self.page,
            key=f"import:{self.kind}",
        )

    def _failed(self, exc: BaseException) -> None:
        from core.errors import ValidationError

        if isinstance(exc, ValidationError):
            self.problems = dialogs.show_problems(
                self.page,
                self.tr("{kind} import problems").format(kind=self._title()),
                self.tr("Nothing was saved. Please correct the sheet:"),
                exc.messages(),
            )
        else:
            report_failure(exc)

    def export(self) -> None:
        """Write the list to an Excel file the clerk chooses (re-importable)."""
        from core.sheets import export_sheet

        day = self.today()
        path = dialogs.save_file(
            self.page,
            self.tr("Export to Excel"),
            f"{self._title()}-{day:%Y%m%d}.xlsx",
            EXCEL_FILTER,
        )
        if path is None:
            return
        self.worker.submit(
            lambda: export_sheet(self.db, self.kind, _xlsx(path), day),
            on_done=lambda count: dialogs.inform(
                self.page,
                self.tr("Export"),
                self.tr("%n row(s) written to\n{path}", "", count).format(path=_xlsx(path)),
            ),
            long=self.tr("Exporting…"),
            parent=self.page,
            key=f"export:{self.kind}",
        )

    def template(self) -> None:
        """Write an empty sheet with the right headers."""
        from core.sheets import write_template

        path = dialogs.save_file(
            self.page,
            self.tr("Blank template"),
            self.tr("{title} template.xlsx").format(title=self._title()),
            EXCEL_FILTER,
        )
        if path is None:
            return
        self.worker.submit(
            lambda: write_template(self.kind, _xlsx(path)),
            on_done=lambda _none: dialogs.inform(
                self.page,
                self.tr("Blank template"),
                self.tr("Template written to\n{path}").format(path=_xlsx(path)),
            ),
        )


def _xlsx(path: Path) -> Path:
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class ImportPreview(QDialog):
    """What an import would add and change; 保存 saves it all, 取消 saves nothing."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.plan = plan
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(640, 480)
        heading = QLabel(
            self.tr("{file}: {summary}").format(file=plan.path.name, summary=plan.summary())
        )
        heading.setWordWrap(True)
        lines = []
        if plan.new_zones:
            lines.append(self.tr("New zones: {zones}").format(zones="、".join(plan.new_zones)))
        for row in plan.added[:PREVIEW_LIMIT]:
            lines.append(self.tr("+ row {row}: {name}").format(row=row.row, name=row.name))
        for row in plan.changed[:PREVIEW_LIMIT]:
            lines.append(
                self.tr("~ row {row}: {name} — {changes}").format(
                    row=row.row, name=row.name, changes="；".join(row.changes)
                )
            )
        self.details = QPlainTextEdit("\n".join(lines) or self.tr("Nothing to change."))
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(plan.added or plan.changed))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.save_button = save
