"""Writing a report in the background and opening its preview: used by the 报表 page and by the
print buttons of the pages the reports belong to.

Previews are written to a folder in the system's temporary directory, named after the report
and the day, so that 另存为 PDF suggests a sensible file name.
"""

from __future__ import annotations

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
    suffix = "-".join(str(v) for v in options.values() if v not in (None, "", "A4"))
    name = f"{title}-{suffix}-{today:%Y%m%d}.pdf" if suffix else f"{title}-{today:%Y%m%d}.pdf"
    out = preview_folder() / UNSAFE_IN_FILE_NAMES.sub("-", name)

    def job() -> tuple[Path, list[str]]:
        warnings: list[str] = []
        return write_report(db, kind, out, today=today, warnings=warnings, **options), warnings

    def show(written: tuple[Path, list[str]]) -> None:
        path, warnings = written
        preview = preview_pdf(parent, path, title)
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
