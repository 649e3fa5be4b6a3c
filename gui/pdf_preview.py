"""The report preview: a PDF shown with QtPdf, printed on the office printer or saved elsewhere.

The PDF is written by ``core.reports`` on the worker thread (big reports take a moment; the
busy indicator shows meanwhile); the window opens once the file exists. 打印 renders each page
onto a QPrinter of the PDF's paper size, the system's default printer preselected in the
print dialog; 另存为 PDF copies the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import dialogs

PDF_FILTER = "PDF (*.pdf)"
PRINT_DPI = 300


class PdfPreview(QDialog):
    """One PDF in a window with 打印, 另存为 PDF and 关闭."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = path
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("{count} pages").format(count=self.document.pageCount()))
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

    def print_document(self) -> None:
        """Ask for a printer (the default one preselected) and print every page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(self._paper())
        printer.setDocName(self.windowTitle())
        if self._is_landscape():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if not dialogs.choose_printer(self, printer):
            return
        print_pdf(self.document, printer)

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


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print every page of ``document`` on ``printer``, fitted to the page; returns pages.

    Pages are rendered at no more than :data:`PRINT_DPI` and scaled to the printer, which keeps
    memory modest on 1200-dpi printers while text stays sharp on paper.
    """
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            fit = min(area.width() / points.width(), area.height() / points.height())
            render = min(fit, PRINT_DPI / 72)
            image = document.render(
                index, QSize(int(points.width() * render), int(points.height() * render))
            )
            painter.drawImage(QRectF(0, 0, points.width() * fit, points.height() * fit), image)
        return document.pageCount()
    finally:
        painter.end()


def preview_pdf(parent: QWidget, path: Path, title: str) -> PdfPreview:
    """Open the preview window of ``path`` (not blocking)."""
    window = PdfPreview(path, title, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.open()
    return window
