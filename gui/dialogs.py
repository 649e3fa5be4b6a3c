"""The app's modal message boxes, in one place so tests can replace them.

Pages call ``dialogs.ask(...)`` (the module attribute, not an imported name), and a test swaps the
function with ``monkeypatch.setattr(dialogs, "ask", ...)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.errors import DatabaseEnvironmentError


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


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog (the default printer preselected); False when cancelled."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted
