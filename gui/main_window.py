"""The main window: left navigation, one page per area of the office's work, File and Help menus."""

from __future__ import annotations

import html
import platform
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from core.changes import EVERYTHING
from core.version import app_version
from db.engine import Database
from gui import dialogs
from gui.pages.archives.page import ArchivesPage
from gui.pages.calendar.page import CalendarPage
from gui.pages.dashboard.page import DashboardPage
from gui.pages.inspectors.page import InspectorsPage
from gui.pages.records.page import RecordsPage
from gui.pages.rectification.page import RectificationPage
from gui.pages.reports.page import ReportsPage
from gui.pages.schools.page import SchoolsPage
from gui.pages.settings.page import SettingsPage
from gui.pages.training.page import TrainingPage
from gui.pdf_preview import fit_on_screen, place_on_screen, screen_of, window_frame
from gui.preferences import preferences
from gui.widgets.list_page import ListPage
from gui.worker import DbWorker

GEOMETRY_KEY = "window/geometry"
PAGE_KEY = "window/page"
WINDOW_SIZE = QSize(1200, 780)
"""The first opening's size where the screen has room for it (a 1366×768 laptop has not)."""


class MainWindow(QMainWindow):
    """The application's one window."""

    def __init__(self, db: Database, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.db = db
        self.today = today
        self.worker = DbWorker(self)
        self.setWindowTitle(self.tr("Supervision Desk"))
        self.setMinimumSize(QSize(760, 520))
        self._create_actions()
        self._create_menus()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.dashboard = DashboardPage(db, self.worker, today)
        self.dashboard.navigate.connect(self.show_page)
        self.settings_page = SettingsPage(
            db,
            self.worker,
            self.backup_action,
            self.restore_action,
            self.open_folder_action,
            today=today,
        )
        for page_id, title, page in self._page_list():
            self._add_page(page_id, title, page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("Database: {path}").format(path=db.describe()))
        )
        self.worker.busy_changed.connect(self._show_busy)
        self._restore_window_state()

    def _page_list(self) -> list[tuple[str, str, QWidget]]:
        pages: list[tuple[str, str, QWidget]] = [
            ("dashboard", self.tr("Dashboard"), self.dashboard),
            ("schools", self.tr("Schools"), SchoolsPage(self.db, self.worker, self.today)),
            ("inspectors", self.tr("Inspectors"), InspectorsPage(self.db, self.worker, self.today)),
            ("training", self.tr("Training"), TrainingPage(self.db, self.worker, self.today)),
            ("calendar", self.tr("Visit calendar"), CalendarPage(self.db, self.worker, self.today)),
            ("records", self.tr("Visit records"), RecordsPage(self.db, self.worker, self.today)),
            (
                "rectification",
                self.tr("Rectification"),
                RectificationPage(self.db, self.worker, self.today),
            ),
            (
                "archives",
                self.tr("Evaluation archives"),
                ArchivesPage(self.db, self.worker, self.today),
            ),
            ("reports", self.tr("Reports"), ReportsPage(self.db, self.worker, self.today)),
            ("settings", self.tr("Settings"), self.settings_page),
        ]
        return pages

    def _add_page(self, page_id: str, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, page_id)
        item.setSizeHint(QSize(140, 36))
        self.nav.addItem(item)
        self.stack.addWidget(page)
        self.pages[page_id] = page

    def _create_actions(self) -> None:
        self.backup_action = QAction(self.tr("&Back up database…"), self)
        self.backup_action.triggered.connect(self.backup_database)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.triggered.connect(self.restore_database)
        self.open_folder_action = QAction(self.tr("Open &data folder"), self)
        self.open_folder_action.triggered.connect(self.open_data_folder)
        for action in (self.backup_action, self.restore_action, self.open_folder_action):
            action.setEnabled(self.db.is_sqlite)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self.tr("&About Supervision Desk"), self)
        self.about_action.triggered.connect(self.show_about)

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.backup_action, self.restore_action, self.open_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    @Slot(str)
    def show_page(self, target: str) -> None:
        """Bring a page to the front: ``page`` or ``page:filter`` (a dashboard card's target)."""
        page_id, _, list_filter = target.partition(":")
        index = list(self.pages).index(page_id)
        self.nav.setCurrentRow(index)
        page = self.pages[page_id]
        if list_filter and isinstance(page, ListPage):
            page.apply_filter(list_filter)

    def current_page_id(self) -> str:
        return list(self.pages)[self.stack.currentIndex()]

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def take_daily_backup(self) -> None:
        """Copy the database into the backups folder once a day, in the background."""
        if not self.db.is_sqlite:
            return
        from db.backup import automatic_backup, backed_up_today

        def job():
            return None if backed_up_today(self.db) else automatic_backup(self.db, "daily")

        def failed(exc: BaseException) -> None:
            from db.errors import DatabaseDamagedError

            if isinstance(exc, DatabaseDamagedError):
                # No backup was taken, so no good one was pushed out; the clerk must know.
                dialogs.environment_error(self, exc)
            self.statusBar().showMessage(
                self.tr("The daily backup failed: {error}").format(error=exc)
            )

        self.worker.submit(job, on_error=failed)

    def backup_database(self) -> None:
        """Ask for a file and write a consistent copy of the database to it."""
        from db.backup import backup_to

        name = self.tr("Supervision Desk backup {date}.db").format(date=f"{self.today():%Y%m%d}")
        suggested = str(Path.home() / name)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up database"), suggested, self.tr("Database files (*.db)")
        )
        if not path:
            return
        self.worker.submit(
            lambda: backup_to(self.db, Path(path), overwrite=True),
            on_done=lambda dest: dialogs.inform(
                self,
                self.tr("Backup"),
                self.tr("The database was copied to:\n{path}").format(path=dest),
            ),
            long=self.tr("Back up database"),
            parent=self,
            key="backup",
        )

    def restore_database(self) -> None:
        """Replace the data with a backup, after saving a safety copy of the current data."""
        from db.backup import list_automatic_backups, restore_from

        backups = list_automatic_backups(self.db)
        start = str(backups[0].parent if backups else Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from backup"), start, self.tr("Database files (*.db)")
        )
        if not path:
            return
        question = self.tr(
            "Replace all current data with the backup\n{path}?\n\nA safety copy of the current "
            "data is saved first."
        ).format(path=path)
        if not dialogs.ask(self, self.tr("Restore from backup"), question):
            return
        self.worker.submit(
            lambda: restore_from(self.db, Path(path)),
            on_done=lambda safety: dialogs.inform(
                self,
                self.tr("Restore from backup"),
                self.tr("The data was restored. The previous data was saved to:\n{path}").format(
                    path=safety
                )
                if safety
                else self.tr("The data was restored."),
            ),
            changes=EVERYTHING,
            long=self.tr("Restore from backup"),
            parent=self,
            key="restore",
        )

    def open_data_folder(self) -> None:
        """Show the folder that holds the database and its backups."""
        if self.db.sqlite_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db.sqlite_path.parent)))

    def show_about(self) -> None:
        """The About box: name, version, where the data lives."""
        from PySide6 import __version__ as pyside_version

        purpose = self.tr(
            "Roster, visit calendar, rectification and reports for an education supervision office."
        )
        title = self.tr("Supervision Desk")
        database = self.tr("Database: {path}").format(path=html.escape(self.db.describe()))
        text = (
            f"<h3>{title} {app_version()}</h3>"
            f"<p>{purpose}</p>"
            f"<p>{database}</p>"
            f"<p>Python {platform.python_version()} · Qt for Python {pyside_version}</p>"
        )
        QMessageBox.about(self, self.tr("About Supervision Desk"), text)

    def _restore_window_state(self) -> None:
        """The last size and position, kept within the screen; the first time, a size that fits."""
        store = preferences()
        geometry = store.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            available = screen_of(self).availableGeometry()
            self.setGeometry(place_on_screen(available, fit_on_screen(available, WINDOW_SIZE)))
        else:
            self.keep_on_screen()
        page = store.value(PAGE_KEY, "dashboard")
        self.show_page(page if page in self.pages else "dashboard")

    def keep_on_screen(self) -> None:
        """Shrink and move the window so that all of it, frame included, is on its screen.

        A size remembered on a bigger monitor (or a resolution changed since) would put the
        status bar and the window's lower edge below the screen.
        """
        if self.isMaximized() or self.isFullScreen():
            return
        screen = QGuiApplication.screenAt(self.geometry().center()) or screen_of(self)
        available = screen.availableGeometry()
        frame = window_frame(self)
        inner = self.geometry()
        if available.contains(inner.marginsAdded(frame)):
            return
        size = fit_on_screen(available, inner.size(), frame)
        outer = QRect(inner.topLeft(), size).marginsAdded(frame)
        left = min(max(outer.left(), available.left()), available.right() + 1 - outer.width())
        top = min(max(outer.top(), available.top()), available.bottom() + 1 - outer.height())
        self.setGeometry(QRect(left + frame.left(), top + frame.top(), size.width(), size.height()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keep_on_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        store = preferences()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.setValue(PAGE_KEY, self.current_page_id())
        store.sync()
        super().closeEvent(event)
