"""The app's modal message boxes, in one place so tests can replace them.

Pages call ``dialogs.ask(...)`` (the module attribute, not an imported name), and a test swaps the
function with ``monkeypatch.setattr(dialogs, "ask", ...)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.backup import BackupFile
from db.errors import DatabaseDamagedError, DatabaseEnvironmentError

RESTORE_BACKUP = "restore"
OPEN_OTHER_DATABASE = "open"
QUIT = "quit"


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A plain notice."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A problem with the user's input or request."""
    QMessageBox.warning(parent, title, text)


def environment_error(parent: QWidget | None, error: DatabaseEnvironmentError) -> None:
    """A problem with the database's environment, with what to do about it."""
    title = QCoreApplication.translate("dialogs", "Database problem")
    QMessageBox.warning(parent, title, error.message)


def damaged_database(parent: QWidget | None, error: DatabaseDamagedError) -> str:
    """The database file is empty or damaged: restore a backup, open another database or quit.

    Returns :data:`RESTORE_BACKUP`, :data:`OPEN_OTHER_DATABASE` or :data:`QUIT`.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Database damaged"))
    box.setText(error.message)
    if error.backups_folder is not None:
        box.setInformativeText(
            QCoreApplication.translate("dialogs", "Backups folder: {folder}").format(
                folder=error.backups_folder
            )
        )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    restore = box.addButton(
        QCoreApplication.translate("dialogs", "Restore from backup…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    other = box.addButton(
        QCoreApplication.translate("dialogs", "Open another database…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QCoreApplication.translate("dialogs", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE_BACKUP
    if clicked is other:
        return OPEN_OTHER_DATABASE
    return QUIT


def backup_kind(backup: BackupFile) -> str:
    """Why a backup was taken, in the interface's words."""
    if backup.reason.startswith("before-upgrade"):
        return QCoreApplication.translate("dialogs", "Before upgrade")
    if backup.reason.startswith("before-restore"):
        return QCoreApplication.translate("dialogs", "Before restore")
    if backup.reason == "daily":
        return QCoreApplication.translate("dialogs", "Daily")
    return backup.reason


class BackupChooser(QDialog):
    """The automatic backups, newest first, with when each was taken, why and its size; or a
    file chosen elsewhere ("Other file…")."""

    def __init__(
        self, backups: list[BackupFile], folder: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("dialogs", "Restore from backup"))
        self.resize(640, 420)
        self.chosen: Path | None = None
        self._backups = backups
        layout = QVBoxLayout(self)
        where = QLabel(
            QCoreApplication.translate("dialogs", "Backups folder: {folder}").format(
                folder=folder if folder is not None else "—"
            )
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                QCoreApplication.translate("dialogs", "Taken"),
                QCoreApplication.translate("dialogs", "Kind"),
                QCoreApplication.translate("dialogs", "Size"),
            ]
        )
        locale = QLocale()
        for backup in backups:
            QTreeWidgetItem(
                self.table,
                [
                    f"{backup.taken:%Y-%m-%d %H:%M}",
                    backup_kind(backup),
                    locale.formattedDataSize(backup.size),
                ],
            ).setToolTip(0, str(backup.path))
        for column in range(2):
            self.table.resizeColumnToContents(column)
        self.table.itemDoubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.table, 1)
        if not backups:
            layout.addWidget(
                QLabel(QCoreApplication.translate("dialogs", "There are no automatic backups."))
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            QCoreApplication.translate("dialogs", "Restore"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.other_button = buttons.addButton(
            QCoreApplication.translate("dialogs", "Other file…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.other_button.clicked.connect(self._choose_other)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentItemChanged.connect(
            lambda current, _previous: self.restore_button.setEnabled(current is not None)
        )
        self.restore_button.setEnabled(False)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def accept(self) -> None:
        if self.chosen is None:
            current = self.table.currentItem()
            row = -1 if current is None else self.table.indexOfTopLevelItem(current)
            if row < 0:
                return
            self.chosen = self._backups[row].path
        super().accept()

    def _choose_other(self) -> None:
        path = open_file(
            self,
            QCoreApplication.translate("dialogs", "Restore from backup"),
            QCoreApplication.translate("dialogs", "Database files (*.db)"),
        )
        if path is not None:
            self.chosen = path
            super().accept()


def choose_backup(
    parent: QWidget | None, backups: list[BackupFile], folder: Path | None
) -> Path | None:
    """Pick a backup to restore from (newest first) or another file; None when cancelled."""
    dialog = BackupChooser(backups, folder, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen
        return None
    finally:
        dialog.deleteLater()


def critical(parent: QWidget | None, title: str, text: str) -> None:
    """A failure the app cannot recover from on its own."""
    QMessageBox.critical(parent, title, text)


def open_file(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    """Ask for an existing file; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), file_filter)
    return Path(path) if path else None


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    """Ask where to save a file (``suggested`` is a name in the home folder); None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), file_filter)
    return Path(path) if path else None


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    """Ask for a folder (starting in the home folder); None if cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
    return Path(path) if path else None


class ProblemList(QDialog):
    """Every problem of a refused operation (e.g. an import with 250 errors), numbered in a
    scrollable list under their total, to copy or to save as a sheet (.xlsx) or text (.txt)."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, messages: list[str]) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.title, self.intro, self.messages = title, intro, messages
        self.heading = QLabel(intro + "\n" + self.tr("%n problem(s) in all.", "", len(messages)))
        self.heading.setWordWrap(True)
        self.list = QPlainTextEdit(
            "\n".join(f"{number}. {text}" for number, text in enumerate(messages, start=1))
        )
        self.list.setReadOnly(True)
        self.list.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy all"))
        self.save_button = QPushButton(self.tr("Save as…"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 760, 520
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 80)
        self.resize(width, height)

    def copy(self) -> None:
        """Put every problem on the clipboard, numbered, under the title and total."""
        from core.sheets.problems import problems_text

        QApplication.clipboard().setText(problems_text(self.title, self.messages))

    def save(self) -> None:
        """Save the problems where the clerk says: a sheet (.xlsx) or text (.txt)."""
        from core.errors import ValidationError
        from core.sheets.problems import save_problems

        path = save_file(
            self,
            self.tr("Save the problems"),
            f"{self.title}.xlsx",
            self.tr("Excel (*.xlsx);;Text (*.txt)"),
        )
        if path is None:
            return
        try:
            save_problems(self.title, self.messages, path)
        except ValidationError as exc:
            warn(self, self.tr("Save the problems"), "\n".join(exc.messages()))
            return
        inform(self, self.tr("Save the problems"), self.tr("Saved to\n{path}").format(path=path))


def show_problems(parent: QWidget | None, title: str, intro: str, messages: list[str]) -> QDialog:
    """Open a :class:`ProblemList` over ``parent`` (window-modal, not blocking); returns it."""
    dialog = ProblemList(parent, title, intro, messages)
    dialog.open()
    return dialog


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog (the default printer preselected); False when cancelled.

    The pages offered are those of the document (``printer``'s from–to range, when set).
    """
    dialog = QPrintDialog(printer, parent)
    if printer.toPage():
        dialog.setMinMax(printer.fromPage(), printer.toPage())
    return dialog.exec() == QPrintDialog.DialogCode.Accepted
