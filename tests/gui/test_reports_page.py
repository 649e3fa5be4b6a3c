"""The 报表 page and the print buttons of the roster pages: a report is written in the
background and opens in the preview window with the office's data in it."""

from __future__ import annotations

from pypdf import PdfReader

from tests.gui.roster_helpers import open_demo, settle


def _text(preview) -> str:
    return "".join(page.extract_text() for page in PdfReader(preview.path).pages)


def test_each_report_shows_only_its_options_and_previews(open_window, sqlite_db, qtbot):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    window.show_page("reports")
    page = window.pages["reports"]
    page.choose("roster")
    assert page.school.isHidden() and page.year.isHidden()
    page.choose("sign")
    assert not page.school.isHidden() and not page.paper.isHidden()
    qtbot.waitUntil(lambda: page.school.count() == 39, timeout=10_000)
    page.school.setCurrentText("青溪县实验小学")
    page.preview_button.click()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10_000)
    assert page.preview.document.pageCount() == 1
    assert "青溪县实验小学" in _text(page.preview)
    assert page.preview.windowTitle() == "责任督学挂牌公示牌"


def test_the_roster_prints_from_the_inspectors_page(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    page.print_actions["督学花名册…"].trigger()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=10_000)
    text = _text(page.preview)
    for row in page.model.rows:
        assert row.name in text


def test_an_unknown_school_gets_a_clear_message(open_window, sqlite_db, qtbot, dialog_log):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    window.show_page("reports")
    page = window.pages["reports"]
    page.choose("sign")
    page.school.setCurrentText("不存在的学校")
    page.preview_button.click()
    settle(window, qtbot)
    assert "不存在的学校" in dialog_log.messages("warn")[0]
    assert page.preview is None
