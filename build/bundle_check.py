"""The frozen bundle's own check: a GUI session using every part of Qt and Python the app needs.

``build/build.py`` freezes this script as a third executable of the bundle, ``bundle-check``,
runs it after the smoke tests and deletes it again before the bundle is measured or packaged
(it is never shipped). It catches what the spec's exclusions could break and the smoke tests
would not notice, each step printed as ``ok …`` or ``FAILED …``:

- every page of the main window shown (1366×768) with its data loaded and painted (saved as
  ``page-<id>.png`` in the ``--out`` folder);
- a report written on the worker and opened in the preview: QtPdf renders its first page;
- the preview's pages printed through QPrinter (the print path, to a PDF file) and the print
  dialog built; the print system asked for its printers (Linux: the CUPS plugin, with the
  system's libcups, when the system has CUPS);
- ICU's trimmed data (build/icu_data.py): Chinese sorts by pinyin, a time-zone name is Chinese,
  the GB18030/GBK/Big5 converters open; the image plugins, the bundled font, the Chinese
  translation; psycopg with its libpq (it imports Python's ssl module too).

With ``--report FILE`` it writes what the process loaded, for the bundle-size work: shared
libraries (from /proc/self/maps on Linux, the module list on Windows), Qt plugins and Python
modules. Exit code 0 when every step passed, 1 otherwise.

    bundle-check --db DATABASE --out FOLDER [--report FILE]
"""

from __future__ import annotations

import argparse
import ctypes.util
import functools
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCollator,
    QEventLoop,
    QLocale,
    QSize,
    QStringDecoder,
    QTimer,
    QTimeZone,
)
from PySide6.QtGui import QFontDatabase, QImage, QImageReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

from gui.app import create_application, open_database
from gui.main_window import MainWindow
from gui.pdf_preview import PdfPreview, print_pdf

SETTLE_TIMEOUT_S = 60
WINDOW_SIZE = QSize(1366, 768)
PINYIN_ORDER = ["阿", "李", "王", "张"]  # a, li, wang, zhang; in code point order 张李王阿
LINUX = sys.platform.startswith("linux")


class CheckFailed(Exception):
    """One step of the check found a problem."""


def settle(window: MainWindow) -> None:
    """Run the event loop until the window's worker has run every job.

    (An event loop, not a processEvents() loop: PySide6 6.12's processEvents() drops a
    reference to None on each call, which ends the process after a few thousand calls.)
    """
    loop = QEventLoop()
    poll, give_up = QTimer(), QTimer()
    poll.timeout.connect(lambda: None if window.worker.busy else loop.exit(0))
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: loop.exit(1))
    poll.start(20)
    give_up.start(SETTLE_TIMEOUT_S * 1000)
    timed_out = loop.exec()
    poll.stop()
    give_up.stop()
    if timed_out:
        raise CheckFailed(f"the worker was still busy after {SETTLE_TIMEOUT_S} s")


def blank(image: QImage) -> bool:
    """Whether ``image`` is one colour (a page that did not render)."""
    small = image.scaled(40, 56)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(40) for y in range(56))


def check_pages(window: MainWindow, out: Path) -> None:
    """Show every page; each one's picture goes to ``out`` (page-<id>.png) to be looked at."""
    for page_id in window.pages:
        window.show_page(page_id)
        settle(window)
        picture = window.grab()
        if window.current_page_id() != page_id or not picture.save(
            str(out / f"page-{page_id}.png")
        ):
            raise CheckFailed(f"page {page_id} did not show")


def preview_and_print(window: MainWindow, out: Path) -> None:
    reports = window.pages["reports"]
    window.show_page("reports")
    reports.choose("roster")
    reports.show_preview()
    settle(window)
    preview = reports.preview
    if not isinstance(preview, PdfPreview) or preview.document.pageCount() < 1:
        raise CheckFailed("the report preview did not open with pages")
    if blank(preview.document.render(0, QSize(400, 566))):
        raise CheckFailed("QtPdf rendered a blank first page")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = out / "printed.pdf"
    printer.setOutputFileName(str(printed))
    count = print_pdf(preview.document, printer)
    if count != preview.document.pageCount() or not printed.read_bytes().startswith(b"%PDF"):
        raise CheckFailed(f"printing {preview.document.pageCount()} pages gave {count}")
    QPrintDialog(printer, preview).deleteLater()
    preview.close()


def check_print_system() -> None:
    QPrinterInfo.availablePrinterNames()  # loads the platform's print plugin
    if LINUX and ctypes.util.find_library("cups"):
        plugins = [path for path in loaded_libraries() if "printsupport" in path]
        if not plugins:
            raise CheckFailed("the CUPS print plugin did not load (with the system's libcups)")


def check_icu() -> None:
    zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    collator = QCollator(zh)
    order = sorted(reversed(PINYIN_ORDER), key=functools.cmp_to_key(collator.compare))
    if order != PINYIN_ORDER:
        raise CheckFailed(f"Chinese sorts as {order}, not by pinyin")
    if not LINUX:  # Qt uses the system's collation, zones and code pages there
        return
    name = QTimeZone(QByteArray(b"Asia/Shanghai")).displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, zh
    )
    if "中国" not in name:
        raise CheckFailed(f"the Chinese name of Asia/Shanghai is {name!r}")
    for encoding in ("GB18030", "GBK", "Big5"):
        if not QStringDecoder(encoding).isValid():
            raise CheckFailed(f"no {encoding} converter")


def check_resources(window: MainWindow) -> None:
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = {"png", "jpeg", "gif", "ico", "svg"} - formats
    if missing:
        raise CheckFailed(f"no image plugin for {', '.join(sorted(missing))}")
    if not any("WenQuanYi" in family for family in QFontDatabase.families()):
        raise CheckFailed("the bundled CJK font is not registered")
    if QLocale().language() == QLocale.Language.Chinese and window.windowTitle() != "督导工作台":
        raise CheckFailed(f"the window title is {window.windowTitle()!r}, not Chinese")


def check_psycopg() -> None:
    if importlib.util.find_spec("psycopg") is None:
        return  # built without the postgres extra
    import psycopg

    if psycopg.pq.__impl__ != "binary" or psycopg.pq.version() < 100000:
        raise CheckFailed(f"psycopg uses {psycopg.pq.__impl__} libpq {psycopg.pq.version()}")


def loaded_libraries() -> list[str]:
    """The shared libraries this process has loaded."""
    if LINUX:
        lines = Path("/proc/self/maps").read_text().splitlines()
        paths = {line.split(maxsplit=5)[-1] for line in lines if ".so" in line}
        return sorted(path for path in paths if path.startswith("/"))
    if sys.platform == "win32":
        from ctypes import wintypes

        psapi, kernel32 = ctypes.WinDLL("psapi"), ctypes.WinDLL("kernel32")
        process = kernel32.GetCurrentProcess()
        modules = (wintypes.HMODULE * 4096)()
        needed = wintypes.DWORD()
        psapi.EnumProcessModules(process, modules, ctypes.sizeof(modules), ctypes.byref(needed))
        names = []
        for module in modules[: needed.value // ctypes.sizeof(wintypes.HMODULE)]:
            buffer = ctypes.create_unicode_buffer(1024)
            psapi.GetModuleFileNameExW(process, module, buffer, 1024)
            names.append(buffer.value)
        return sorted(names)
    return []


def write_report(path: Path) -> None:
    libraries = loaded_libraries()
    report = {
        "libraries": libraries,
        "qt_plugins": [lib for lib in libraries if "plugins" in Path(lib).parts],
        "python_modules": sorted(sys.modules),
    }
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the frozen bundle (see its docstring).")
    parser.add_argument("--db", required=True, help="a database with demo data")
    parser.add_argument("--out", required=True, type=Path, help="a folder for printed files")
    parser.add_argument("--report", type=Path, help="write what was loaded to this JSON file")
    args = parser.parse_args(argv)
    _app = create_application()  # kept alive until the check ends
    db = open_database(args.db)
    window = MainWindow(db)
    window.resize(WINDOW_SIZE)
    window.show()
    steps: list[tuple[str, Callable[[], None]]] = [
        ("every page shows", lambda: check_pages(window, args.out)),
        ("report preview (QtPdf), print (QPrinter)", lambda: preview_and_print(window, args.out)),
        ("print system", check_print_system),
        ("ICU collation, time-zone names, converters", check_icu),
        ("image plugins, font, translation", lambda: check_resources(window)),
        ("psycopg", check_psycopg),
    ]
    failed = 0
    for title, step in steps:
        try:
            step()
        except Exception as exc:  # every step reports, whatever went wrong
            failed += 1
            print(f"FAILED {title}: {type(exc).__name__}: {exc}", flush=True)
        else:
            print(f"ok {title}", flush=True)
    if args.report:
        write_report(args.report)
    window.close()
    window.worker.wait_for_done()
    db.dispose()
    print("bundle check ok" if not failed else f"bundle check: {failed} step(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
