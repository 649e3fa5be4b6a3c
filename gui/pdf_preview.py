"""The report preview: a PDF shown with QtPdf, printed on the office printer or saved elsewhere.

The PDF is written by ``core.reports`` on the worker thread (big reports take a moment; the
busy indicator shows meanwhile); the window opens once the file exists, sized to the screen it
opens on (:func:`fit_on_screen`: on a 1366×768 laptop its buttons stay on the screen). 打印
renders the pages chosen in the print dialog (every page, or a range within the document's
pages) onto a QPrinter of the PDF's paper size, the system's default printer preselected;
另存为 PDF copies the file.

Printing renders on the worker thread (Qt paints on a QPrinter from any thread), page by page
with a progress dialog that can cancel it: the county's schedule (31 pages at 300 dpi) froze the
window for 8 s on the GUI thread. A cancelled print run is aborted where the print system allows
(Windows drops the job; a PDF file printed to is removed); CUPS has no abort, so there the pages
rendered before the cancel still print.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMargins, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QScreen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.jobs import Cancelled, progress
from gui import dialogs
from gui.worker import DbWorker

PDF_FILTER = "PDF (*.pdf)"
PRINT_DPI = 300
PREVIEW_SIZE = QSize(900, 1000)
"""The preview's size where the screen has room for it (an A4 page at a readable width)."""
FRAME_ALLOWANCE = QMargins(8, 34, 8, 8)
"""The window manager's frame (title bar, borders) around a window not shown yet."""


def window_frame(widget: QWidget) -> QMargins:
    """The frame around ``widget``'s window: measured once it is shown, else the allowance."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    if not widget.isVisible() or frame == inner:
        return FRAME_ALLOWANCE
    return QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )


def fit_on_screen(available: QRect, wanted: QSize, frame: QMargins = FRAME_ALLOWANCE) -> QSize:
    """The size of a window wanting ``wanted`` whose frame fits in ``available``.

    ``available`` is the screen's available geometry (without the taskbar); the window is never
    wider or taller than that with its frame, so nothing at its edges (buttons, the status
    bar) falls off the screen.
    """
    return QSize(
        max(1, min(wanted.width(), available.width() - frame.left() - frame.right())),
        max(1, min(wanted.height(), available.height() - frame.top() - frame.bottom())),
    )


def place_on_screen(available: QRect, size: QSize, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """The geometry (without frame) of a ``size`` window centred in ``available``."""
    outer = QSize(
        size.width() + frame.left() + frame.right(), size.height() + frame.top() + frame.bottom()
    )
    left = available.left() + max(0, (available.width() - outer.width()) // 2)
    top = available.top() + max(0, (available.height() - outer.height()) // 2)
    return QRect(left + frame.left(), top + frame.top(), size.width(), size.height())


def screen_of(widget: QWidget | None) -> QScreen:
    """The screen ``widget`` is on (the primary screen for none)."""
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


class PdfPreview(QDialog):
    """One PDF in a window with 打印, 另存为 PDF and 关闭."""

    def __init__(
        self,
        path: Path,
        title: str,
        parent: QWidget | None = None,
        worker: DbWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker if worker is not None else DbWorker(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = path
        self.setWindowTitle(title)
        self.resize(fit_on_screen(screen_of(parent).availableGeometry(), PREVIEW_SIZE))
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        close = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(self.pages, 1)
        for button in (self.print_button, self.save_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    def showEvent(self, event) -> None:
        """Keep the whole window, its buttons included, on the screen it opens on."""
        super().showEvent(event)
        available = screen_of(self).availableGeometry()
        frame = window_frame(self)
        size = fit_on_screen(available, self.size(), frame)
        if size != self.size():
            self.resize(size)
        outer = self.frameGeometry()
        if not available.contains(outer):
            self.setGeometry(place_on_screen(available, size, frame))

    def print_document(self) -> None:
        """Ask for a printer (the default one preselected) and print the pages chosen."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(self._paper())
        printer.setDocName(self.windowTitle())
        # The document's pages are the range the print dialog offers (1 … n, not 0 … 2³¹).
        printer.setFromTo(1, max(1, self.document.pageCount()))
        if self._is_landscape():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if not dialogs.choose_printer(self, printer):
            return
        path, pages = self.path, chosen_pages(printer, self.document.pageCount())
        self.worker.submit(
            lambda: print_file(path, printer, pages),
            long=self.tr("Printing {title}").format(title=self.windowTitle()),
            parent=self,
            key=f"print:{path}",
        )

    def _paper(self) -> QPageSize:
        """A4 or A3, whichever the PDF's first page is (A4 when it is neither)."""
        size = self.document.pagePointSize(0)
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        a3 = QPageSize(QPageSize.PageSizeId.A3)
        if abs(portrait.height() - a3.sizePoints().height()) < 5:
            return a3
        return QPageSize(QPageSize.PageSizeId.A4)

    def _is_landscape(self) -> bool:
        size = self.document.pagePointSize(0)
        return size.width() > size.height()

    def save_copy(self) -> None:
        """Copy the PDF to a file the clerk chooses."""
        target = dialogs.save_file(self, self.tr("Save as PDF"), self.path.name, PDF_FILTER)
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            dialogs.warn(
                self,
                self.tr("Save as PDF"),
                self.tr("Could not save {path}: {error}").format(path=target, error=exc.strerror),
            )


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The page indexes (from 0) of a ``count``-page document to print, as the dialog chose.

    Every page unless a page range was chosen (``2-3``, or ``1,3-4`` where the dialog takes a
    list); pages outside the document are left out.
    """
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return list(range(count))
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            return list(range(count))
        return [page - 1 for page in range(first, (last or count) + 1) if 1 <= page <= count]
    return [page - 1 for page in range(1, count + 1) if ranges.contains(page)]


def print_file(path: Path, printer: QPrinter, pages: list[int]) -> int:
    """Print ``pages`` of the PDF at ``path`` (:func:`print_pdf`) from the thread calling it,
    with a document of its own."""
    document = QPdfDocument()
    document.load(str(path))
    return print_pdf(document, printer, pages)


def print_pdf(document: QPdfDocument, printer: QPrinter, pages: list[int] | None = None) -> int:
    """Print ``pages`` (indexes from 0; all by default) of ``document`` on ``printer``, each
    fitted to the paper; returns how many pages were printed.

    Pages are rendered at no more than :data:`PRINT_DPI` and scaled to the printer, which keeps
    memory modest on 1200-dpi printers while text stays sharp on paper. Each page is reported
    to :func:`core.jobs.progress`; a cancel aborts the print run (see the module's notes).
    """
    if pages is None:
        pages = list(range(document.pageCount()))
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for done, index in enumerate(pages):
            progress(done, len(pages), _page_of(done + 1, len(pages)))
            if done:
                printer.newPage()
            points = document.pagePointSize(index)
            fit = min(area.width() / points.width(), area.height() / points.height())
            render = min(fit, PRINT_DPI / 72)
            image = document.render(
                index, QSize(int(points.width() * render), int(points.height() * render))
            )
            painter.drawImage(QRectF(0, 0, points.width() * fit, points.height() * fit), image)
        return len(pages)
    except Cancelled:
        _abort(printer, painter)
        raise
    finally:
        if painter.isActive():
            painter.end()


def _page_of(number: int, total: int) -> str:
    return QCoreApplication.translate("PdfPreview", "Page {number} of {total}").format(
        number=number, total=total
    )


def _abort(printer: QPrinter, painter: QPainter) -> None:
    """Stop a print run: the print system drops the job, or a PDF file printed to is removed."""
    if printer.abort():
        return
    painter.end()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        Path(printer.outputFileName()).unlink(missing_ok=True)


def preview_pdf(
    parent: QWidget, path: Path, title: str, worker: DbWorker | None = None
) -> PdfPreview:
    """Open the preview window of ``path`` (not blocking); it prints on ``worker``."""
    window = PdfPreview(path, title, parent, worker)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.open()
    return window
