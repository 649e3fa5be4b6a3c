"""The report preview window: shows the PDF's pages, prints every page to the chosen printer,
and saves a copy where the clerk says."""

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
    assert offered == ["Landscape"]
