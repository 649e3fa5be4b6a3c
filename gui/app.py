"""Start-up of the GUI: Qt application, font, translation, database, main window.

Order matters for a fast, safe start: the window is built only after the database is open and its
schema current (with a friendly dialog instead if the database cannot be used: for a 0-byte or
damaged file one that restores a backup or opens another database); the daily backup
and the dashboard's figures are fetched by the worker after the window is shown.
``--smoke`` exits 0 once the dashboard shows its figures; ``SUPERVISION_DESK_TIMING=1`` prints
wall-clock stamps of those moments for the start-up benchmark.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QCursor, QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from core import i18n as core_i18n
from core.attachments import adopt_folder_copies
from db.backup import check_database_file, list_backups, restore_from
from db.engine import Database
from db.errors import DatabaseDamagedError, DatabaseEnvironmentError, friendly_errors
from db.migrate import ensure_schema
from gui import crash, dialogs
from gui.preferences import CHINESE, language
from gui.single_instance import SingleInstance
from resources import (
    APP_ICON_PNG,
    CJK_FONT_FILE,
    STYLE_SHEET,
    TRANSLATION_BASENAME,
    TRANSLATIONS_DIR,
)

TIMING_ENV = "SUPERVISION_DESK_TIMING"
SMOKE_TIMEOUT_MS = 60_000
EXIT_ENVIRONMENT = 2


def _stamp(event: str) -> None:
    if os.environ.get(TIMING_ENV):
        print(f"{event} {time.time():.6f}", flush=True)


class _FirstPaint(QObject):
    """Stamps the moment the window first paints (for the start-up benchmark)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            _stamp("painted")
        return False


def register_font(app: QApplication) -> None:
    """Register the bundled CJK font; make it the default if the system's default lacks Chinese."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    current = app.font().family()
    has_chinese = QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(
        current
    )
    if families and not has_chinese:
        app.setFont(QFont(families[0], app.font().pointSize()))


def apply_look(app: QApplication) -> None:
    """The bundled font where needed, and the app's style sheet."""
    register_font(app)
    app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))


def install_translators(app: QApplication, code: str) -> None:
    """Load the app's translation for ``code`` (in English only the plural forms of counted
    messages) and, in Chinese, Qt's own; core's messages follow the same choice."""
    core_i18n.set_language(code)
    english = code != CHINESE
    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        if english
        else QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    )
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"{TRANSLATION_BASENAME}_{code}", str(TRANSLATIONS_DIR))]
    if not english:
        catalogues.append((f"qtbase_{code}", qt_translations))
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)


def create_application() -> QApplication:
    """The QApplication with font, translations and icon."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SupervisionDesk")
    app.setApplicationDisplayName("督导工作台")
    apply_look(app)
    install_translators(app, language())
    app.setWindowIcon(QIcon(str(APP_ICON_PNG)))
    return app


def open_database(target: str | None) -> Database:
    """Open the database and bring its schema up to date (backing up first when it migrates).

    Raises :class:`DatabaseDamagedError` for a 0-byte or damaged file (never started as a new
    office) and :class:`DatabaseEnvironmentError` for anything else the clerk can act on, such
    as a database server that cannot be reached.
    """
    db = Database.open(target)
    try:
        with friendly_errors():
            check_database_file(db)
            ensure_schema(db)
            adopt_folder_copies(db)
    except Exception:
        db.dispose()
        raise
    return db


def _restore_into(target: str | None, backup: Path) -> Database:
    """Restore ``backup`` over the damaged database, then open it (on the GUI thread: no
    window is open yet, and the clerk waits for exactly this)."""
    db = Database.open(target)
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        restore_from(db, backup)
    finally:
        db.dispose()
        QApplication.restoreOverrideCursor()
    return open_database(target)


def recover_damaged(error: DatabaseDamagedError, target: str | None) -> Database | None:
    """Offer the clerk a way out of a damaged database: restore one of its backups (then open
    it) or open another database. None when the clerk quits."""
    while True:
        choice = dialogs.damaged_database(None, error)
        try:
            if choice == dialogs.RESTORE_BACKUP:
                damaged = Database.open(target)
                try:
                    backups = list_backups(damaged)
                finally:
                    damaged.dispose()
                backup = dialogs.choose_backup(None, backups, error.backups_folder)
                if backup is not None:
                    return _restore_into(target, backup)
            elif choice == dialogs.OPEN_OTHER_DATABASE:
                other = dialogs.open_file(
                    None,
                    QCoreApplication.translate("app", "Open another database"),
                    QCoreApplication.translate("app", "Database files (*.db)"),
                )
                if other is not None:
                    return open_database(str(other))
            else:
                return None
        except DatabaseDamagedError as exc:
            error = exc
            if exc.path is not None:
                target = str(exc.path)
        except DatabaseEnvironmentError as exc:
            dialogs.environment_error(None, exc)


def start_database(target: str | None, *, smoke: bool = False) -> Database | None:
    """The database to work on, or None (after telling the clerk why) when there is none."""
    try:
        return open_database(target)
    except DatabaseDamagedError as exc:
        print(exc.one_line(), file=sys.stderr)
        return None if smoke else recover_damaged(exc, target)
    except DatabaseEnvironmentError as exc:
        print(exc.one_line(), file=sys.stderr)
        if not smoke:
            dialogs.environment_error(None, exc)
        return None


def run(args: argparse.Namespace) -> int:
    """Run the GUI until the user quits; returns the exit code."""
    app = create_application()
    crash.install()
    db = start_database(args.db, smoke=args.smoke)
    if db is None:
        return EXIT_ENVIRONMENT
    claim = _claim(db)
    if claim is not None and not claim.first:
        db.dispose()
        return 0

    from gui.main_window import MainWindow

    window = MainWindow(db)
    if claim is not None:
        claim.come_forward.connect(lambda: _bring_forward(window))
    dashboard = window.dashboard
    dashboard.loaded.connect(lambda: _stamp("dashboard"))
    if args.smoke:
        dashboard.loaded.connect(lambda: QTimer.singleShot(0, app.quit))
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: app.exit(1))
    if os.environ.get(TIMING_ENV):
        first_paint = _FirstPaint(window)
        window.installEventFilter(first_paint)
    window.show()
    QTimer.singleShot(0, window.take_daily_backup)
    code = app.exec()
    window.worker.wait_for_done()
    db.dispose()
    if claim is not None:
        claim.release()
    return code


def _claim(db: Database) -> SingleInstance | None:
    """This program's claim on a SQLite file; a second start on it brings the first forward,
    says so and gets a claim that is not ``first``. None for a server database."""
    if db.sqlite_path is None:
        return None
    claim = SingleInstance(db.sqlite_path)
    if not claim.first:
        answered = claim.ask_first_to_come_forward()
        title = QCoreApplication.translate("app", "Supervision Desk is already open")
        text = QCoreApplication.translate(
            "app",
            "This database is already open in another Supervision Desk window:\n{path}\n\n{what}",
        ).format(
            path=db.sqlite_path,
            what=QCoreApplication.translate("app", "That window was brought to the front.")
            if answered
            else QCoreApplication.translate(
                "app", "Switch to that window, or close it and start again."
            ),
        )
        dialogs.inform(None, title, text)
    return claim


def _bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
