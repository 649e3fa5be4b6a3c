"""The attachments of one record: a list of the files with add, open, save-as and remove buttons.

Used by the checklist item dialog of the 迎检档案 page and by the visit record dialog. Files are
stored in (and removed from) the database through :mod:`core.attachments` at once, not when the
surrounding dialog is saved. Opening one writes it to a temporary file on the worker and hands
that file to the system's program for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.attachments import (
    AttachmentRow,
    add_attachment,
    attachment_rows,
    export_attachment,
    open_copy,
    remove_attachment,
)
from core.changes import Change
from db.engine import Database
from gui import dialogs
from gui.widgets.table_model import show_date
from gui.worker import DbWorker, refusal_handler

ID_ROLE = Qt.ItemDataRole.UserRole


class AttachmentsBox(QGroupBox):
    """The files attached to one record, added and removed at once (they belong to the record,
    not to one version of it). ``owner`` names it for :mod:`core.attachments`, e.g.
    ``{"checklist_item_id": 7}``.

    ``rows`` lists the files already read with the record (otherwise they are read on the
    worker); ``on_error`` receives a refused change (by default a warning titled "Attachments").
    """

    def __init__(
        self,
        worker: DbWorker,
        db: Database,
        owner: dict[str, int],
        today: date,
        changes: Iterable[Change],
        parent: QWidget | None = None,
        *,
        rows: Sequence[AttachmentRow] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(self.tr("Attachments (saved at once)"), parent)
        self.worker, self.db, self.owner, self.today, self.changes = (
            worker,
            db,
            owner,
            today,
            changes,
        )
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_attachment())
        self.add_button = QPushButton(self.tr("Add attachment…"))
        self.add_button.clicked.connect(self.add_attachment)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_attachment)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.clicked.connect(self.save_attachment)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_attachment)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._refused = on_error or refusal_handler(self, self.tr("Attachments"))
        if rows is None:
            self.show_rows([])
            self.reload()
        else:
            self.show_rows(rows)

    def show_rows(self, rows: Sequence[AttachmentRow]) -> None:
        """List the attached files."""
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.file_name}　（{show_date(row.added_on)}）")
            item.setData(ID_ROLE, row)
            if row.size is not None:
                item.setToolTip(self.tr("{size:,} bytes").format(size=row.size))
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(bool(rows))

    def rows(self) -> list[AttachmentRow]:
        """The files listed."""
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def reload(self, _result: object = None) -> None:
        """Read the attached files again."""
        owner = self.owner
        self.worker.submit(lambda: attachment_rows(self.db, **owner), on_done=self.show_rows)

    def _chosen(self) -> AttachmentRow | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def add_attachment(self) -> None:
        """Choose a file and store it in the database as an attachment."""
        path = dialogs.open_file(self, self.tr("Add attachment"), self.tr("All files (*)"))
        if path is None:
            return
        owner, today = self.owner, self.today
        self.worker.submit(
            lambda: add_attachment(self.db, path, today=today, **owner),
            on_done=self.reload,
            on_error=self._refused,
            changes=self.changes,
        )

    def open_attachment(self) -> None:
        """Write the chosen attachment to a temporary file and open it with the system's
        program for it."""
        row = self._chosen()
        if row is None:
            return
        self.worker.submit(
            lambda: open_copy(self.db, row.id, row.file_name),
            on_done=self._open_file,
            on_error=self._refused,
        )

    def _open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_attachment(self) -> None:
        """Write the chosen attachment to a file the clerk chooses."""
        row = self._chosen()
        if row is None:
            return
        path = dialogs.save_file(
            self, self.tr("Save attachment as"), row.file_name, self.tr("All files (*)")
        )
        if path is None:
            return
        self.worker.submit(
            lambda: export_attachment(self.db, row.id, path),
            on_error=self._refused,
        )

    def remove_attachment(self) -> None:
        """Remove the chosen attachment, after asking."""
        row = self._chosen()
        if row is None:
            return
        question = self.tr("Remove the attachment “{name}”?").format(name=row.file_name)
        if dialogs.ask(self, self.tr("Attachments"), question):
            attachment_id = row.id
            self.worker.submit(
                lambda: remove_attachment(self.db, attachment_id),
                on_done=self.reload,
                on_error=self._refused,
                changes=self.changes,
            )
