"""The crash handler: an unexpected error is saved to a report file and shown to the user.

Installed as ``sys.excepthook`` by the app, and called by the worker for failed jobs. The report
goes to ``crash-reports`` in the data folder, so the clerk can send it to support.
"""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from core.version import app_version
from db.paths import data_dir
from gui import dialogs


def write_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    """Write a crash report file; returns its path, or None when even that fails."""
    folder = data_dir() / "crash-reports"
    lines = [
        f"Supervision Desk {app_version()}",
        f"Time: {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
    except OSError:
        return None
    return path


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Save a report and tell the user; the app keeps running."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    traceback.print_exception(exc_type, exc, tb)
    report = write_report(exc_type, exc, tb)
    text = QCoreApplication.translate(
        "crash", "An unexpected error occurred. The data already saved is safe."
    )
    if report is not None:
        text += "\n\n" + QCoreApplication.translate(
            "crash", "A report was saved to:\n{path}\nPlease send it to your support contact."
        ).format(path=report)
    dialogs.critical(None, QCoreApplication.translate("crash", "Unexpected error"), text)


def install() -> None:
    """Make :func:`handle_exception` the handler of uncaught exceptions."""
    sys.excepthook = handle_exception
