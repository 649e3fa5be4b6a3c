"""Writing a report in the background and opening its preview: used by the 报表 page and by the
print buttons of the pages the reports belong to.

Previews are written to a folder in the system's temporary directory, named after the report,
its options and the day, so that 另存为 PDF suggests a sensible file name. The name is cut to
:data:`NAME_MAX_CHARS` characters (and :data:`NAME_MAX_BYTES` bytes of UTF-8) before the day, so
a 200-character school name still makes a name every file system takes (most allow 255 bytes).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from db.engine import Database
from gui import dialogs
from gui.pdf_preview import preview_pdf
from gui.worker import DbWorker, refusal_handler

PREVIEW_DIR = "SupervisionDesk-previews"
UNSAFE_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
NAME_MAX_CHARS = 80
"""The most characters of a preview's file name before ``.pdf``, the day included."""
NAME_MAX_BYTES = 200
"""The most bytes (UTF-8) of the same: a character beyond U+FFFF takes four."""


def preview_file_name(title: str, options: dict[str, Any], today: date) -> str:
    """The preview's file name: the title and the options given (not the texts of a report),
    cut to a safe length, then the day — ``督导工作安排表-2026-11-20261102.pdf``; a cut name
    ends with a mark of the whole name before the day."""
    given = [
        str(v) for v in options.values() if v not in (None, "", "A4") and not isinstance(v, dict)
    ]
    stem = UNSAFE_IN_FILE_NAMES.sub("-", "-".join([title, *given]))
    day = f"-{today:%Y%m%d}"
    if len(stem) + len(day) <= NAME_MAX_CHARS and len((stem + day).encode()) <= NAME_MAX_BYTES:
        return f"{stem}{day}.pdf"
    # Cut: a mark of the whole name keeps two long names that begin alike apart.
    day = f"-{hashlib.sha1(stem.encode()).hexdigest()[:6]}{day}"
    stem = stem[: NAME_MAX_CHARS - len(day)]
    while len((stem + day).encode()) > NAME_MAX_BYTES:
        stem = stem[:-1]
    return f"{stem.rstrip(' .-')}{day}.pdf"


def preview_folder() -> Path:
    """The folder of preview PDFs (created when needed)."""
    folder = Path(tempfile.gettempdir()) / PREVIEW_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_report(
    parent: QWidget,
    db: Database,
    worker: DbWorker,
    kind: str,
    today: date,
    **options: Any,
) -> None:
    """Write report ``kind`` on the worker, then show it in the preview window.

    A report that takes a while shows a progress dialog that can cancel it; asking for the same
    report again while it is being written does nothing.
    """
    from core.reports import REPORT_KINDS, write_report

    title = REPORT_KINDS[kind]
    out = preview_folder() / preview_file_name(title, options, today)

    def job() -> tuple[Path, list[str]]:
        warnings: list[str] = []
        return write_report(db, kind, out, today=today, warnings=warnings, **options), warnings

    def show(written: tuple[Path, list[str]]) -> None:
        path, warnings = written
        preview = preview_pdf(parent, path, title, worker)
        parent.preview = preview  # type: ignore[attr-defined]
        if warnings:
            # Characters no font has: the clerk must know before the paper leaves the office.
            dialogs.warn(preview, title, "\n".join(warnings))

    worker.submit(
        job,
        on_done=show,
        on_error=refusal_handler(parent, title),
        long=title,
        parent=parent,
        key=f"report:{out.name}",
    )
