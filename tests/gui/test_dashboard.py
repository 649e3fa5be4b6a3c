"""The dashboard: the office's figures on cards, cards that open their page (showing what the
card counted), and the offer to load the demo office into an empty database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from core.calendar.month_plan import generate_month
from core.demo.office import create_demo
from core.overview import compliance
from gui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.roster_helpers import settle


def test_demo_office_figures_on_the_cards(demo_window):
    cards = demo_window.dashboard.cards
    assert cards["schools"].figure.text() == "38"
    assert cards["schools"].detail.text() == "其中幼儿园 15 所，民办 5 所"
    assert cards["inspectors"].figure.text() == "10 / 9"
    assert cards["full_time"].figure.text() == "40%"
    assert cards["full_time"].detail.text() == "专职 4 名；要求不低于 30%"
    assert cards["uncovered"].figure.text() == "1"
    assert cards["uncovered"].property("alert") is True
    assert cards["inspectors"].property("alert") is False
    assert "青溪县人民政府教育督导室" in demo_window.dashboard.subheading.text()
    assert not demo_window.dashboard.empty_banner.isVisible()


def test_a_card_opens_the_page_behind_it(demo_window, qtbot):
    qtbot.mouseClick(demo_window.dashboard.cards["inspectors"], Qt.MouseButton.LeftButton)
    assert demo_window.current_page_id() == "inspectors"
    demo_window.show_page("dashboard")
    qtbot.mouseClick(demo_window.dashboard.cards["uncovered"], Qt.MouseButton.LeftButton)
    assert demo_window.current_page_id() == "schools"


def test_empty_database_offers_the_demo(window, qtbot, dialog_log):
    dashboard = window.dashboard
    assert dashboard.empty_banner.isVisible()
    assert dashboard.cards["schools"].figure.text() == "0"
    with qtbot.waitSignal(dashboard.loaded, timeout=20_000):
        qtbot.mouseClick(dashboard.demo_button, Qt.MouseButton.LeftButton)
    assert dialog_log.messages("ask")
    assert dashboard.cards["schools"].figure.text() == "38"
    assert not dashboard.empty_banner.isVisible()
    assert compliance(window.db, TODAY).schools == 38


def test_declining_the_demo_leaves_the_database_empty(window, qtbot, dialog_log):
    dialog_log.answer = False
    qtbot.mouseClick(window.dashboard.demo_button, Qt.MouseButton.LeftButton)
    assert not window.worker.busy, "nothing was queued"
    assert compliance(window.db, TODAY).is_empty


def test_demo_into_a_database_filled_meanwhile_is_refused(window, qtbot, dialog_log):
    from core.demo.office import create_demo

    create_demo(window.db, "office")
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        qtbot.mouseClick(window.dashboard.demo_button, Qt.MouseButton.LeftButton)
    assert "演示数据只能装入空数据库" in dialog_log.messages("warn")[0]
    assert compliance(window.db, TODAY).schools == 38
    assert window.dashboard.cards["schools"].figure.text() == "38"


def test_the_due_card_and_the_list_it_opens_agree_at_a_months_end(sqlite_db, qtbot, dialog_log):
    month_end = date(2026, 11, 27)
    create_demo(sqlite_db, "office", month_end)
    generate_month(sqlite_db, 2026, 12, month_end)
    window = MainWindow(sqlite_db, today=lambda: month_end)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.show()
    settle(window, qtbot)
    card = window.dashboard.cards["due"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    page = window.pages["calendar"]
    shown = page.visible_rows()
    assert card.figure.text() == str(len(shown))
    assert any(r.day.month == 12 for r in shown), "the week reaches into the planned December"
    assert all(month_end <= r.day < date(2026, 12, 4) for r in shown)
    page.filter_choice.setCurrentIndex(0)
    assert all(r.day.month == 11 for r in page.visible_rows()), "back to the month shown"
    window.worker.wait_for_done()


def _cards_fit(dashboard) -> None:
    cards = list(dashboard.cards.values())
    for index, card in enumerate(cards):
        assert card.height() >= card.heightForWidth(card.width()), card.title.text()
        inside = card.rect()
        for label in (card.title, card.figure, card.detail):
            needed = label.heightForWidth(label.width()) if label.wordWrap() else label.height()
            assert label.height() >= needed, label.text()
            assert inside.contains(label.geometry()), label.text()
        for other in cards[index + 1 :]:
            assert not card.geometry().intersects(other.geometry())


def test_cards_wrap_without_overlapping_and_show_all_their_text(demo_window, qtbot):
    """A maximised window on a 1366×768 laptop, then a narrow one."""
    dashboard = demo_window.dashboard
    demo_window.resize(1366, 700)
    qtbot.waitUntil(lambda: dashboard.columns >= 4)
    qtbot.wait(50)
    _cards_fit(dashboard)
    wide = dashboard.columns
    demo_window.resize(1040, 600)
    qtbot.waitUntil(lambda: dashboard.columns < wide)
    qtbot.wait(50)
    _cards_fit(dashboard)
    # The cards scroll rather than squeezing into the page.
    assert dashboard.minimumSizeHint().height() < 400


def test_a_failing_full_time_share_is_not_shown_rounded_up(demo_window):
    """13 full-time of 44 is 29.5 %: the card shows it so, in red, never a red "30%"."""
    dashboard = demo_window.dashboard
    dashboard.show_overview(replace(dashboard.overview, full_time=13, inspectors=44))
    card = dashboard.cards["full_time"]
    assert card.figure.text() == "29.5%"
    assert card.property("alert") is True
    dashboard.show_overview(replace(dashboard.overview, full_time=15, inspectors=50))
    assert card.figure.text() == "30%"
    assert card.property("alert") is False


def _window_on(db, day: date, qtbot) -> MainWindow:
    window = MainWindow(db, today=lambda: day)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.show()
    settle(window, qtbot)
    return window


def test_from_november_the_dashboard_asks_for_next_years_holidays(sqlite_db, qtbot, dialog_log):
    create_demo(sqlite_db, "office", TODAY)
    december = _window_on(sqlite_db, date(2026, 12, 2), qtbot)
    card = december.dashboard.cards["holidays"]
    assert card.figure.text() in ("暂定", "未录入")
    assert card.detail.text() == "2027年：国务院办公厅通知发布后请导入"
    assert card.property("alert") is True
    october = _window_on(sqlite_db, date(2026, 10, 8), qtbot)
    assert october.dashboard.cards["holidays"].property("alert") is False


def test_in_the_summer_break_not_visited_this_month_does_not_alarm(sqlite_db, qtbot, dialog_log):
    create_demo(sqlite_db, "office", TODAY)
    window = _window_on(sqlite_db, date(2027, 8, 10), qtbot)
    dashboard = window.dashboard
    card = dashboard.cards["unvisited"]
    assert card.figure.text() == "0"
    assert card.detail.text() == "寒暑假：本月不安排经常性督导"
    assert card.property("alert") is False
    principals = dashboard.cards["principals"]
    assert principals.detail.text().startswith("90 天内届满")


def test_a_serious_problem_not_reported_up_in_time_shows_on_its_card(demo_window):
    """The demo's 违规征订教辅 went to the office the day it was found, but not up to the city."""
    rectification = compliance(demo_window.db, TODAY).rectification
    assert rectification is not None and rectification.unreported_serious == 1
    card = demo_window.dashboard.cards["escalated"]
    assert card.detail.text() == "其中 1 个严重违规或重大问题发现后 1 天内未报送上级"
    assert card.property("alert") is True
