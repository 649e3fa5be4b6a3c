"""The report preview window: shows the PDF's pages, prints every page to the chosen printer
(on the worker, with progress and cancel), and saves a copy where the clerk says."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from gui import dialogs
from gui.pdf_preview import PdfPreview


def _two_pages(path):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in (1, 2):
        pdf.drawString(72, 720, f"page {number}")
        pdf.showPage()
    pdf.save()
    return path


def test_preview_prints_every_page_and_saves_a_copy(qtbot, tmp_path, dialog_log, monkeypatch):
    source = _two_pages(tmp_path / "报表.pdf")
    preview = PdfPreview(source, "督学花名册")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.document.pageCount() == 2
    assert preview.pages.text() == "共 2 页"

    printed = tmp_path / "printed.pdf"

    def to_file(_parent, printer: QPrinter) -> bool:
        assert printer.pageLayout().pageSize().id().name == "A4"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(dialogs, "choose_printer", to_file)
    preview.print_button.click()
    qtbot.waitUntil(lambda: not preview.worker.busy)
    assert len(PdfReader(printed).pages) == 2

    dialog_log.files.append(tmp_path / "副本")
    preview.save_button.click()
    assert (tmp_path / "副本.pdf").read_bytes() == source.read_bytes()


def test_a_landscape_report_is_offered_landscape_and_cancelling_prints_nothing(
    qtbot, tmp_path, monkeypatch
):
    from reportlab.lib.pagesizes import landscape

    from gui import pdf_preview

    path = tmp_path / "wide.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    pdf.drawString(72, 500, "wide")
    pdf.save()
    preview = PdfPreview(path, "花名册")
    qtbot.addWidget(preview)
    offered = []

    def cancel(_parent, printer: QPrinter) -> bool:
        offered.append(printer.pageLayout().orientation().name)
        return False

    monkeypatch.setattr(dialogs, "choose_printer", cancel)
    monkeypatch.setattr(pdf_preview, "print_pdf", lambda *_: offered.append("printed"))
    preview.print_button.click()
    qtbot.wait(50)
    assert not preview.worker.busy
    assert offered == ["Landscape"]


def _pages(path, count):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, count + 1):
        pdf.drawString(72, 720, f"page {number}")
        pdf.showPage()
    pdf.save()
    return path


def _record_printed_pages(monkeypatch) -> list[list[int]]:
    """Which pages (from 0) each print job rendered; the pages themselves are still printed."""
    from gui import pdf_preview

    jobs: list[list[int]] = []
    original = pdf_preview.print_pdf

    def record(document, printer, pages=None):
        jobs.append(list(pages) if pages is not None else list(range(document.pageCount())))
        return original(document, printer, pages)

    monkeypatch.setattr(pdf_preview, "print_pdf", record)
    return jobs


def test_printing_offers_the_documents_pages_and_prints_only_the_range_chosen(
    qtbot, tmp_path, monkeypatch
):
    preview = PdfPreview(_pages(tmp_path / "花名册.pdf", 10), "督学花名册")
    qtbot.addWidget(preview)
    printed = tmp_path / "printed.pdf"
    offered = []

    def pages_two_to_three(_parent, printer: QPrinter) -> bool:
        offered.append((printer.fromPage(), printer.toPage()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return True

    monkeypatch.setattr(dialogs, "choose_printer", pages_two_to_three)
    jobs = _record_printed_pages(monkeypatch)
    preview.print_button.click()
    qtbot.waitUntil(lambda: not preview.worker.busy)
    assert offered == [(1, 10)]
    assert jobs == [[1, 2]]
    assert len(PdfReader(printed).pages) == 2


def test_a_range_past_the_last_page_prints_the_pages_that_exist(qtbot, tmp_path, monkeypatch):
    preview = PdfPreview(_pages(tmp_path / "报表.pdf", 4), "报表")
    qtbot.addWidget(preview)
    printed = tmp_path / "printed.pdf"

    def pages_three_to_nine(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(3, 9)
        return True

    monkeypatch.setattr(dialogs, "choose_printer", pages_three_to_nine)
    jobs = _record_printed_pages(monkeypatch)
    preview.print_button.click()
    qtbot.waitUntil(lambda: not preview.worker.busy)
    assert jobs == [[2, 3]]
    assert len(PdfReader(printed).pages) == 2


def test_a_list_of_pages_prints_those_pages(qtbot, tmp_path):
    from PySide6.QtGui import QPageRanges

    from gui.pdf_preview import chosen_pages

    printer = QPrinter()
    assert chosen_pages(printer, 5) == [0, 1, 2, 3, 4]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addPage(1)
    ranges.addRange(3, 4)
    printer.setPageRanges(ranges)
    assert chosen_pages(printer, 5) == [0, 2, 3]


def test_the_preview_and_its_buttons_fit_a_1366_by_768_laptop():
    """The available geometry of a 1366×768 screen with a 40 px taskbar."""
    from PySide6.QtCore import QRect

    from gui.pdf_preview import FRAME_ALLOWANCE, PREVIEW_SIZE, fit_on_screen, place_on_screen

    available = QRect(0, 0, 1366, 728)
    size = fit_on_screen(available, PREVIEW_SIZE)
    inner = place_on_screen(available, size)
    outer = inner.marginsAdded(FRAME_ALLOWANCE)
    assert available.contains(outer)
    assert size.width() == PREVIEW_SIZE.width()
    assert size.height() == 728 - FRAME_ALLOWANCE.top() - FRAME_ALLOWANCE.bottom()
    # A big screen keeps the preview's own size.
    assert fit_on_screen(QRect(0, 0, 1920, 1160), PREVIEW_SIZE) == PREVIEW_SIZE


def test_the_shown_preview_with_its_buttons_fits_the_screen_it_opens_on(qtbot, tmp_path):
    """The test's screen (offscreen: 800×800) is smaller than the preview wants (900×1000)."""
    from PySide6.QtCore import QPoint, QRect

    preview = PdfPreview(_two_pages(tmp_path / "报表.pdf"), "报表")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    available = preview.screen().availableGeometry()
    assert available.contains(preview.frameGeometry())
    window = QRect(QPoint(0, 0), preview.size())
    for button in (preview.print_button, preview.save_button):
        assert button.isVisible()
        assert window.contains(QRect(button.mapTo(preview, QPoint(0, 0)), button.size()))


def _to_pdf_file(path):
    def choose(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def test_printing_renders_on_the_worker_and_a_second_click_does_not_print_twice(
    qtbot, tmp_path, monkeypatch
):
    """The window keeps answering while the pages render; 打印 clicked again is the same job."""
    import threading

    preview = PdfPreview(_pages(tmp_path / "安排表.pdf", 6), "督导工作安排表")
    qtbot.addWidget(preview)
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(dialogs, "choose_printer", _to_pdf_file(printed))
    jobs = _record_printed_pages(monkeypatch)
    threads: list[int] = []
    from gui import pdf_preview

    recording = pdf_preview.print_pdf

    def on_thread(document, printer, pages=None):
        threads.append(threading.get_ident())
        return recording(document, printer, pages)

    monkeypatch.setattr(pdf_preview, "print_pdf", on_thread)
    preview.print_button.click()
    preview.print_button.click()
    qtbot.waitUntil(lambda: not preview.worker.busy)
    assert jobs == [[0, 1, 2, 3, 4, 5]]
    assert threading.get_ident() not in threads
    assert len(PdfReader(printed).pages) == 6


def test_cancelling_a_print_run_prints_nothing(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from gui import pdf_preview

    preview = PdfPreview(_pages(tmp_path / "安排表.pdf", 40), "督导工作安排表")
    qtbot.addWidget(preview)
    preview.show()
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(dialogs, "choose_printer", _to_pdf_file(printed))
    monkeypatch.setattr(pdf_preview, "PRINT_DPI", 600)  # slow enough to cancel halfway
    preview.print_button.click()

    def progress_shown():
        shown = [d for d in preview.findChildren(QProgressDialog) if d.isVisible()]
        return shown[0] if shown and shown[0].value() > 0 else None

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=10_000)
    dialog = progress_shown()
    assert "40" in dialog.labelText()
    [cancel] = dialog.findChildren(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not preview.worker.busy, timeout=20_000)
    assert not printed.exists()
