"""The settings page: office name, policy profile and the printed paper's settings (notice
prefix, signature, seal) saved together with validation; nothing is saved when anything is
wrong; defaults; language choice."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from core.enums import COMPULSORY_KINDS
from core.office.policy import PolicyProfile
from core.office.school_terms import SchoolCalendar
from core.office.settings import (
    load_office_name,
    load_policy,
    load_six_minimum_kinds,
    load_zone_school_visits,
)
from core.reports import write_report
from core.reports.settings import ReportSettings, load_report_settings
from core.roster.schools import SchoolInput, save_school, save_zone
from db.models import Problem
from gui.preferences import ENGLISH, language
from tests.conftest import TODAY


def _settings(window, qtbot):
    window.show_page("settings")
    page = window.settings_page
    qtbot.waitUntil(lambda: page.office_name.text() != "", timeout=10_000)
    return page


def _save(page, qtbot):
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.worker.busy and page.save_button.isEnabled(), timeout=10_000)


def test_shows_every_policy_setting_with_its_stored_value(window, qtbot):
    page = _settings(window, qtbot)
    assert set(page.policy_inputs) == set(PolicyProfile.field_names())
    assert page.policy_inputs["schools_per_inspector"].value() == 5
    assert page.policy_inputs["min_full_time_share"].value() == 30
    assert page.office_name.text() == "教育督导办公室"


def test_saved_settings_are_read_back_from_the_database(window, qtbot):
    page = _settings(window, qtbot)
    page.office_name.setText("  青溪县人民政府   教育督导室 ")
    page.policy_inputs["schools_per_inspector"].setValue(6)
    page.policy_inputs["min_full_time_share"].setValue(45)
    page.policy_inputs["term_warning_days"].setValue(60)
    _save(page, qtbot)
    assert page.status.text() == "设置已保存。"
    policy = load_policy(window.db)
    assert policy.schools_per_inspector == 6
    assert policy.min_full_time_share == 0.45
    assert policy.term_warning_days == 60
    assert load_office_name(window.db) == "青溪县人民政府 教育督导室"
    assert page.office_name.text() == "青溪县人民政府 教育督导室"
    assert not page.is_modified()


def test_saving_a_stricter_ratio_updates_the_dashboard(demo_window, qtbot):
    page = _settings(demo_window, qtbot)
    page.policy_inputs["schools_per_inspector"].setValue(3)
    with qtbot.waitSignal(demo_window.dashboard.loaded, timeout=10_000):
        _save(page, qtbot)
    card = demo_window.dashboard.cards["inspectors"]
    assert card.figure.text() == "10 / 14"
    assert card.detail.text() == "按配备比例还缺 4 名"


def test_invalid_input_saves_nothing_and_names_every_problem(window, qtbot, dialog_log):
    page = _settings(window, qtbot)
    page.office_name.setText("   ")
    page.policy_inputs["term_years"].setValue(4)
    _save(page, qtbot)
    assert "“单位名称”不能为空" in page.errors.text()
    assert page.errors.isVisible()
    assert page.office_name.property("invalid") is True
    assert "没有保存任何内容" in dialog_log.messages("warn")[0]
    assert load_policy(window.db) == PolicyProfile()
    assert load_office_name(window.db) == "教育督导办公室"


def _terms(page, qtbot):
    box = page.terms_box
    qtbot.waitUntil(lambda: box.model.rowCount() == 8, timeout=10_000)
    return box


def _choose(box, year: str, kind: str, term: str) -> None:
    for row, shown in enumerate(box.model.rows):
        if (shown.school_year, shown.kind, shown.term) == (year, kind, term):
            box.table.selectRow(row)
            return
    raise AssertionError("no such term")


def test_term_dates_are_shown_as_defaults_and_saved_one_term_at_a_time(window, qtbot):
    page = _settings(window, qtbot)
    box = _terms(page, qtbot)
    assert {box.model.index(r, 5).data() for r in range(8)} == {"默认日期：请按本县校历填写"}
    _choose(box, "2026-2027", "all", "spring")
    assert box.start.value() == date(2027, 2, 20)
    box.start.setDate(QDate(2027, 2, 22))
    box.end.setDate(QDate(2027, 7, 9))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存" in box.message.text(), timeout=10_000)
    terms = SchoolCalendar.load(window.db)
    assert terms.term(2026, "spring").start == date(2027, 2, 22)
    qtbot.waitUntil(lambda: box.model.index(1, 5).data() == "本县日期", timeout=10_000)
    kindergarten = next(
        r
        for r, t in enumerate(box.model.rows)
        if t.kind == "kindergarten" and t.term == "spring" and t.year == 2026
    )
    assert box.model.index(kindergarten, 5).data() == "同中小学"


def test_overlapping_term_dates_are_refused_and_nothing_is_saved(window, qtbot):
    page = _settings(window, qtbot)
    box = _terms(page, qtbot)
    _choose(box, "2026-2027", "all", "autumn")
    box.end.setDate(QDate(2027, 3, 5))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "没有保存" in box.message.text() or "未保存" in box.message.text(), timeout=10_000
    )
    assert "不能重叠" in box.message.text()
    assert SchoolCalendar.load(window.db) == SchoolCalendar()


def test_values_outside_the_range_cannot_be_typed(window, qtbot):
    page = _settings(window, qtbot)
    spin = page.policy_inputs["schools_per_inspector"]
    spin.selectAll()
    qtbot.keyClicks(spin, "999")
    spin.interpretText()
    assert spin.value() <= PolicyProfile.describe("schools_per_inspector")["max"]
    assert spin.value() == 9, "the third digit is refused"


def test_default_rules_and_undo(window, qtbot):
    page = _settings(window, qtbot)
    page.policy_inputs["training_hours_per_year"].setValue(72)
    _save(page, qtbot)
    page.fill_defaults()
    assert page.policy_inputs["training_hours_per_year"].value() == 40
    assert page.is_modified()
    assert load_policy(window.db).training_hours_per_year == 72, "defaults are not saved alone"
    page.revert()
    qtbot.waitUntil(lambda: not page.is_modified(), timeout=10_000)
    assert page.policy_inputs["training_hours_per_year"].value() == 72


def test_choosing_english_is_kept_for_the_next_start(window, qtbot, dialog_log):
    page = _settings(window, qtbot)
    page.language.setCurrentIndex(page.language.findData(ENGLISH))
    assert language() == ENGLISH
    assert "下次启动" in dialog_log.messages("inform")[0]


def test_report_settings_are_saved_read_back_and_printed(window, qtbot, tmp_path):
    page = _settings(window, qtbot)
    assert page.notice_prefix.text() == "督整" and page.seal.text() == "（盖章）"
    page.notice_prefix.setText(" 青督整 ")
    assert "青督整〔2026〕3号" in page.notice_example.text()
    assert page.supervision_prefix.text() == "督办"
    page.supervision_prefix.setText("青督办")
    assert "青督办〔2026〕3号" in page.supervision_example.text()
    page.signature.setText("青溪县  教育督导委员会办公室")
    page.seal.setText("（印）")
    assert page.is_modified()
    _save(page, qtbot)
    assert page.status.text() == "设置已保存。"
    assert not page.is_modified()
    assert page.signature.text() == "青溪县 教育督导委员会办公室"
    with window.db.session() as session:
        stored = load_report_settings(session)
    assert stored == ReportSettings("青督整", "青溪县 教育督导委员会办公室", "（印）", "青督办")

    school_id = save_school(window.db, SchoolInput(name="青溪县实验小学"))
    with window.db.session() as session:
        session.add(Problem(school_id=school_id, found_on=TODAY, description="消防通道堆放杂物。"))
    out = tmp_path / "notice.pdf"
    write_report(window.db, "rectification-notice", out, today=TODAY, school="青溪县实验小学")
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "青督整〔〕号" in text
    assert "书面报送青溪县教育督导委员会办公室" in text
    assert "（印）" not in text, (
        "an official notice is sealed by hand, the seal line is not printed"
    )


def test_bad_report_settings_save_nothing(window, qtbot, dialog_log):
    page = _settings(window, qtbot)
    page.office_name.setText("青溪县教育督导室")
    page.notice_prefix.setText("督〔整〕")
    page.seal.setText("章" * 30 + "章")
    _save(page, qtbot)
    assert "括号" in page.errors.text()
    assert page.notice_prefix.property("invalid") is True
    assert page.signature.property("invalid") is False
    assert "没有保存任何内容" in dialog_log.messages("warn")[0]
    with window.db.session() as session:
        assert load_report_settings(session) == ReportSettings()
    assert load_office_name(window.db) == "教育督导办公室"


def test_choosing_a_profile_fills_the_form_and_shows_what_the_office_changed(
    window, qtbot, dialog_log, tmp_path
):
    page = _settings(window, qtbot)
    box = page.profile_box
    assert "全国默认" in box.base_label.text()
    box.choice.setCurrentIndex(box.choice.findText("西安"))
    qtbot.mouseClick(box.fill_button, Qt.MouseButton.LeftButton)
    assert page.policy_inputs["training_hours_per_year"].value() == 80
    assert "西安" in box.base_label.text() and "80学时" in box.base_label.text()
    page.policy_inputs["term_years"].setValue(4)
    assert box.changes_label.text() == "与之不同：每届任期 3 年 → 4 年"
    _save(page, qtbot)
    assert load_policy(window.db) == PolicyProfile(training_hours_per_year=80, term_years=4)

    page.revert()
    qtbot.waitUntil(lambda: not page.worker.busy, timeout=10_000)
    assert "西安" in box.base_label.text()
    assert box.changes_label.text() == "与之不同：每届任期 3 年 → 4 年"

    exported = tmp_path / "青溪县.json"
    dialog_log.files = [exported]
    qtbot.mouseClick(box.export_button, Qt.MouseButton.LeftButton)
    assert exported.exists()
    page.policy_inputs["term_years"].setValue(3)
    dialog_log.files = [exported]
    qtbot.mouseClick(box.import_button, Qt.MouseButton.LeftButton)
    assert page.policy_from_form() == PolicyProfile(training_hours_per_year=80, term_years=4)

    bad = tmp_path / "坏方案.json"
    bad.write_text(
        '{"kind": "policy-profile", "name": "某省", "values": {"term_years": 40, "rotation": 1}}',
        encoding="utf-8",
    )
    page.policy_inputs["schools_per_inspector"].setValue(7)
    dialog_log.files = [bad]
    qtbot.mouseClick(box.import_button, Qt.MouseButton.LeftButton)
    assert "“rotation”不是可设置的规则" in dialog_log.messages("warn")[-1]
    assert page.policy_inputs["schools_per_inspector"].value() == 7, "nothing half-applied"
    assert page.policy_inputs["term_years"].value() == 4


def test_the_school_kinds_asked_for_the_six_minimums_are_ticked_and_saved(window, qtbot):
    page = _settings(window, qtbot)
    assert page.six_kinds_from_form() == COMPULSORY_KINDS
    assert not page.six_kind_boxes["kindergarten"].isChecked()
    page.six_kind_boxes["senior"].setChecked(True)
    assert page.is_modified()
    _save(page, qtbot)
    assert load_six_minimum_kinds(window.db) == COMPULSORY_KINDS | {"senior"}
    qtbot.mouseClick(page.defaults_button, Qt.MouseButton.LeftButton)
    assert not page.six_kind_boxes["senior"].isChecked()


def test_the_zone_rules_are_set_on_the_page_and_saved(window, qtbot):
    # The Hunan plan: 每月至少到责任区督导4次, 市直学校 2 次 (kept as a zone of their own).
    shizhi = save_zone(window.db, "市直学校")
    save_zone(window.db, "东片责任区")
    page = _settings(window, qtbot)
    page.revert()
    qtbot.waitUntil(lambda: len(page.zone_counts.boxes) == 2, timeout=10_000)
    assert page.policy_inputs["zone_visits_per_month"].value() == 0, "off by default"
    assert page.zone_counts.boxes[shizhi].text() == "按通用规定"
    page.policy_inputs["zone_visits_per_month"].setValue(4)
    page.zone_counts.boxes[shizhi].setValue(2)
    assert page.is_modified()
    _save(page, qtbot)
    assert load_policy(window.db).zone_visits_per_month == 4
    assert load_zone_school_visits(window.db) == {shizhi: 2}
    assert not page.is_modified()
    page.fill_defaults()
    assert (
        page.zone_counts.counts() == {} and page.policy_inputs["zone_visits_per_month"].value() == 0
    )
