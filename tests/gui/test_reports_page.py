"""The 报表 page and the print buttons of the roster pages: a report is written in the
background and opens in the preview window with the office's data in it; the visit plan, the
visit record form, the rectification notice, the campaign papers and the annual figures offer
their own options."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import update

from core.roster.schools import school_rows
from db.models import Inspector, School
from tests.conftest import TODAY
from tests.db.demo_campaign import CAMPAIGN, SCHOOL, add_campaign
from tests.db.report_helpers import add_problems, add_visit_work
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


def _previewed(page, window, qtbot, before):
    page.preview_button.click()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview is not before, timeout=10_000)
    return _text(page.preview)


def test_the_visit_papers_offer_their_options_and_preview(open_window, sqlite_db, qtbot):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    work = add_visit_work(sqlite_db, TODAY)
    problems = add_problems(sqlite_db, work.done_school, TODAY)
    zone = next(s.zone for s in school_rows(sqlite_db, TODAY) if s.name == work.done_school)
    window.show_page("reports")
    page = window.pages["reports"]
    settle(window, qtbot)

    page.choose("schedule")
    for shown in (page.month, page.zone, page.inspector, page.paper):
        assert not shown.isHidden()
    for hidden in (page.year, page.school, page.notice_school):
        assert hidden.isHidden()
    assert page.month.date().toString("yyyy-MM") == "2026-11"
    page.zone.setCurrentIndex(page.zone.findText(zone))
    text = "".join(_previewed(page, window, qtbot, None).split())
    assert "2026年11月督导工作安排表" in text and f"责任区：{zone}。" in text
    assert work.done_school in text

    page.choose("visit-form")
    assert all(w.isHidden() for w in page.option_widgets().values())
    text = _previewed(page, window, qtbot, page.preview)
    assert "督导记录表" in text and "□" in text and "■" not in text

    page.choose("rectification-notice")
    assert not page.notice_school.isHidden() and page.school.isHidden()
    offered = [page.notice_school.itemText(i) for i in range(page.notice_school.count())]
    assert problems.school in offered
    page.notice_school.setCurrentIndex(offered.index(problems.school))
    text = "".join(_previewed(page, window, qtbot, page.preview).split())
    assert f"{problems.school}：" in text and "消防通道堆放杂物" in text
    assert page.preview.windowTitle() == "整改通知书"


def test_the_campaign_papers_and_the_annual_figures_preview(open_window, sqlite_db, qtbot):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    older = add_campaign(sqlite_db, TODAY, name="2026年学前教育普及普惠迎检", started=90)
    add_campaign(sqlite_db, TODAY)
    window.show_page("reports")
    page = window.pages["reports"]
    settle(window, qtbot)

    page.choose("annual")
    assert not page.year.isHidden()
    assert page.campaign.isHidden() and page.school.isHidden()
    text = "".join(_previewed(page, window, qtbot, None).split())
    assert "2026年度督导工作统计" in text and "图1" in text

    page.choose("campaign")
    assert not page.campaign.isHidden() and page.school.isHidden() and page.year.isHidden()
    offered = [page.campaign.itemData(i) for i in range(page.campaign.count())]
    # the running campaign started last is the default; then the campaigns, newest first
    assert offered[:2] == [None, CAMPAIGN] and offered[-1] == older.campaign
    text = "".join(_previewed(page, window, qtbot, page.preview).split())
    assert f"迎检工作：{CAMPAIGN}" in text
    page.campaign.setCurrentIndex(page.campaign.findData(older.campaign))
    text = "".join(_previewed(page, window, qtbot, page.preview).split())
    assert f"迎检工作：{older.campaign}" in text
    assert page.preview.windowTitle() == "迎检进度表"

    page.choose("checklist")
    assert not page.campaign.isHidden() and not page.school.isHidden()
    page.campaign.setCurrentIndex(0)
    page.school.setCurrentText(SCHOOL)
    text = "".join(_previewed(page, window, qtbot, page.preview).split())
    assert f"迎检工作：{CAMPAIGN}" in text and f"学校（园）：{SCHOOL}" in text
    assert page.preview.windowTitle() == "档案资料清单"


def test_a_character_no_font_has_is_named_to_the_clerk(open_window, sqlite_db, qtbot, dialog_log):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    with sqlite_db.session() as session:
        session.execute(
            update(Inspector)
            .where(Inspector.id == page.model.rows[0].id)
            .values(name="王\U0010fffd明")
        )
    page.print_actions["督学花名册…"].trigger()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=10_000)
    assert "王[U+10FFFD]明" in "".join(_text(page.preview).split())
    [warning] = dialog_log.messages("warn")
    assert "U+10FFFD" in warning


def test_a_200_character_school_name_previews_and_saves(
    open_window, sqlite_db, qtbot, dialog_log, tmp_path
):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    school = next(s for s in school_rows(sqlite_db, TODAY) if s.active and s.inspector)
    long_name = ("青溪县" + "龙泉镇𠮷祥" * 40)[:200]
    with sqlite_db.session() as session:
        session.execute(update(School).where(School.id == school.id).values(name=long_name))
    window.show_page("reports")
    page = window.pages["reports"]
    page.choose("sign")
    qtbot.waitUntil(lambda: page.school.findText(long_name) >= 0, timeout=10_000)
    page.school.setCurrentText(long_name)
    page.preview_button.click()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10_000)
    assert long_name in "".join(_text(page.preview).split())
    name = page.preview.path.name
    assert name.startswith("责任督学挂牌公示牌-青溪县龙泉镇𠮷祥") and name.endswith("-20261102.pdf")
    assert len(name) <= 84 and len(name.encode()) <= 204
    dialog_log.files.append(tmp_path / name)
    page.preview.save_copy()
    assert (tmp_path / name).read_bytes() == page.preview.path.read_bytes()
    assert not dialog_log.messages("warn")


def test_a_topic_report_prints_the_texts_edited_in_its_dialog(
    open_window, sqlite_db, qtbot, dialog_log
):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    window.show_page("reports")
    page = window.pages["reports"]
    page.choose("topic")
    assert not page.topic.isHidden() and page.school.isHidden()
    qtbot.waitUntil(lambda: page.topic.count() == 2, timeout=10_000)
    page.topic.setCurrentIndex(page.topic.findText("双减", Qt.MatchFlag.MatchStartsWith))
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.topic_dialog is not None, timeout=10_000)
    dialog = page.topic_dialog
    assert "双减" in dialog.windowTitle() + dialog.findChild(QLabel).text()
    assert "双减工作纳入经常性督导" in dialog.edits["suggestions"].toPlainText()
    dialog.edits["suggestions"].clear()
    dialog.preview_button.click()
    assert dialog_log.messages("warn") == ["“下一步工作建议”不能为空"]
    assert page.topic_dialog is dialog and dialog.isVisible()  # nothing typed is lost
    dialog.tabs.setCurrentIndex(1)
    dialog.edits["highlights"].clear()
    qtbot.keyClicks(dialog.edits["highlights"], "<b>&amp;</b> ")
    dialog.edits["highlights"].insertPlainText("一校一策")  # as an input method commits it
    dialog.edits["suggestions"].insertPlainText("持续跟踪。")
    dialog.addressee.insert("县教育局")
    dialog.preview_button.click()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10_000)
    text = "".join(_text(page.preview).split())
    assert "双减专项督导报告" in text and "县教育局：" in text
    assert "<b>&amp;</b>一校一策" in text and "持续跟踪。特此报告。" in text
    assert page.preview.windowTitle() == "专项督导报告"


def test_without_a_topic_inspection_the_topic_report_says_so(open_window, sqlite_db, qtbot,
                                                            dialog_log):  # fmt: skip
    window = open_window(sqlite_db)
    window.show_page("reports")
    page = window.pages["reports"]
    page.choose("topic")
    settle(window, qtbot)
    assert page.topic.count() == 0 and page.topic.placeholderText() == "还没有专项督导"
    page.preview_button.click()
    settle(window, qtbot)
    assert dialog_log.messages("warn") == ["还没有专项督导，无法生成专项督导报告。"]
    assert page.topic_dialog is None and page.preview is None


def test_a_schools_comprehensive_inspection_from_its_row_and_from_the_reports_page(
    open_window, sqlite_db, qtbot
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "schools")
    action = page.print_actions["综合督导报告…"]
    assert action in page.table.actions(), "offered on the row's context menu"
    assert not action.isEnabled()
    [row] = [r for r in page.model.rows if r.name == "青溪县城关中学"]
    page.select_ids([row.id])
    assert action.isEnabled()
    action.trigger()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=10_000)
    assert page.preview.windowTitle() == "综合督导报告"
    text = _text(page.preview).replace("\n", "")
    assert "青溪县城关中学综合督导报告" in text and "本届任期内" in text
    page.select_ids([r.id for r in page.model.rows[:2]])
    assert not action.isEnabled(), "one school at a time"

    window.show_page("reports")
    reports = window.pages["reports"]
    reports.choose("school-inspection")
    assert not reports.school.isHidden() and not reports.start.isHidden()
    assert not reports.end.isHidden()
    assert reports.paper.isHidden() and reports.year.isHidden() and reports.month.isHidden()
    qtbot.waitUntil(lambda: reports.school.count() == 39, timeout=10_000)
    reports.school.setCurrentText("青溪县城关中学")
    reports.start.set_value(date(2026, 9, 1))
    reports.end.set_value(date(2026, 10, 31))
    text = _previewed(reports, window, qtbot, None).replace("\n", "")
    assert "现将青溪县城关中学2026年9月1日至2026年10月31日督导" in text


def test_the_english_interface_names_the_reports_in_english_and_prints_them_in_chinese(
    english, open_window, sqlite_db, qtbot
):
    window, _schools = open_demo(open_window, sqlite_db, qtbot, "schools")
    window.show_page("reports")
    page = window.pages["reports"]
    settle(window, qtbot)
    names = [page.kinds.item(i).text() for i in range(page.kinds.count())]
    assert names[:2] == ["Inspector roster", "Responsible inspector sign"]
    page.choose("roster")
    assert page.title.text() == "Inspector roster (printed in Chinese: 督学花名册)"
    text = _previewed(page, window, qtbot, None)
    assert "督学花名册" in text and "专职" in text and "Full-time" not in text
