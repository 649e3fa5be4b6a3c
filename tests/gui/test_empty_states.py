"""Say what to do: empty lists say what to do, the first start offers importing the office's sheets,
and a dashboard card opens its list with exactly its own filter."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from openpyxl import load_workbook

from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column
from tests.gui.roster_helpers import open_demo, settle


def _offer(page) -> tuple[str, list[str]]:
    state = page.empty_state
    assert state.isVisible()
    return state.message.text(), state.button_texts()


def test_an_empty_school_list_offers_adding_and_importing(window, qtbot):
    window.show_page("schools")
    page = window.pages["schools"]
    settle(window, qtbot)
    text, buttons = _offer(page)
    assert text.startswith("还没有学校") and "演示数据" in text
    assert buttons == ["新增学校…", "从 Excel 导入…", "空白模板…"]
    page.empty_state.click("新增学校…")
    assert page.dialog is not None and page.dialog.isVisible()
    page.dialog.reject()


def test_every_empty_list_says_what_to_do(window, qtbot):
    for page_id, words in (
        ("inspectors", "还没有督学"),
        ("training", "还没有培训记录"),
        ("rectification", "还没有整改问题"),
        ("records", "没有需要填写记录"),
    ):
        window.show_page(page_id)
        settle(window, qtbot)
        text, buttons = _offer(window.pages[page_id])
        assert words in text, page_id
        assert page_id == "records" or buttons, page_id


def test_filters_hiding_every_row_offer_to_clear_them(open_window, sqlite_db, qtbot):
    _window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    assert not page.empty_state.isVisible()
    qtbot.keyClicks(page.filter_box, "zzzz")
    text, buttons = _offer(page)
    assert text == "没有符合筛选条件的行。" and buttons == ["清除筛选"]
    page.empty_state.click("清除筛选")
    assert page.filter_box.text() == "" and page.filter_choice.currentIndex() == 0
    assert page.proxy.rowCount() == page.model.rowCount() > 0
    assert not page.empty_state.isVisible()


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class Page(ListPage):
    def refresh(self, changes=None) -> None:
        """Rows come from the test."""


def test_a_list_waiting_for_its_rows_says_it_is_reading(qtbot):
    page = Page("学校", [Column("学校名称", lambda r: r.name)])
    qtbot.addWidget(page)
    page.resize(800, 500)
    page.show()
    assert _offer(page) == ("正在读取…", [])
    page.set_rows([Row(1, "青溪县城关中学")])
    assert not page.empty_state.isVisible()


def test_the_first_start_banner_offers_the_office_sheets_and_their_templates(
    window, qtbot, dialog_log, tmp_path
):
    dashboard = window.dashboard
    assert dashboard.empty_banner.isVisible()
    buttons = [b.text() for b in dashboard.import_buttons.values()]
    assert buttons == ["导入学校名单…", "导入督学名单…"]
    assert dashboard.demo_button.isVisible()

    template = tmp_path / "学校名单.xlsx"
    dialog_log.files.append(template)
    menu = dashboard.templates_button.menu()
    [schools_template] = [a for a in menu.actions() if a.text() == "学校名单模板…"]
    schools_template.trigger()
    settle(window, qtbot)
    headers = [c.value for row in load_workbook(template).active.iter_rows() for c in row]
    assert "学校名称" in headers

    dialog_log.files.append(template)  # the blank template: nothing to import, nothing saved
    dashboard.import_buttons["schools"].click()
    settle(window, qtbot)
    assert ("file", "从 Excel 导入") in [(k, t) for k, t, _ in dialog_log.shown]
    preview = dashboard.sheets["schools"].preview
    assert preview is not None and shiboken6.isValid(preview)
    assert not preview.save_button.isEnabled()
    preview.reject()


def test_the_schools_card_opens_the_list_with_only_its_own_filter(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    page.apply_filter("inactive")
    qtbot.keyClicks(page.filter_box, "cgzx")
    window.show_page("dashboard")
    for card in ("schools", "zones"):
        window.dashboard.cards[card].click()
        assert window.current_page_id() == "schools"
        assert page.filter_box.text() == ""
        assert page.filter_choice.currentData() == "active"
        assert str(page.proxy.rowCount()) == window.dashboard.cards["schools"].figure.text()
        page.apply_filter("inactive")
        window.show_page("dashboard")
