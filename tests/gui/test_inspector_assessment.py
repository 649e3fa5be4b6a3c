"""The 督学 page's yearly assessment (年度考核) dialog and the qualification warning given when an
inspector is appointed below 本科以上学历 / 十年以上教育教学或管理经历 (plan 篇9)."""

from __future__ import annotations

from core.roster.inspectors import inspector_detail, inspector_rows
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, names, open_demo, press_ok, settle


def _select(page, name: str, qtbot) -> int:
    row = next(r for r in page.model.rows if r.name == name)
    page.select_ids([row.id])
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.row.id == row.id, timeout=10_000
    )
    return row.id


def test_a_yearly_assessment_is_recorded_shown_and_a_second_one_of_the_year_refused(
    open_window, sqlite_db, qtbot
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    name = names(page)[0]
    inspector_id = _select(page, name, qtbot)
    page.assess_year()
    dialog = page.dialog
    assert dialog.year.value() == TODAY.year - 1
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("excellent"))
    dialog.assessor.setText("县人民政府教育督导室")
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)
    detail = inspector_detail(sqlite_db, inspector_id, TODAY)
    assert detail is not None
    assert [(a.year, a.result_label, a.assessor) for a in detail.yearly_assessments] == [
        (TODAY.year - 1, "优秀", "县人民政府教育督导室")
    ]
    qtbot.waitUntil(lambda: page.yearly_model.rowCount() == 1, timeout=10_000)

    page.assess_year()
    again = page.dialog
    press_ok(again, qtbot)
    qtbot.waitUntil(lambda: not again.errors.isHidden(), timeout=10_000)
    assert f"已有 {TODAY.year - 1} 年度的考核记录" in again.errors.text()
    again.reject()
    detail = inspector_detail(sqlite_db, inspector_id, TODAY)
    assert detail is not None and len(detail.yearly_assessments) == 1


def test_appointing_below_the_qualifications_asks_first_and_no_keeps_everything(
    open_window, sqlite_db, qtbot, dialog_log
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    before = len(inspector_rows(sqlite_db, TODAY))
    page.add_inspector()
    dialog = page.dialog
    dialog.name.setText("周建华")
    dialog.education.setCurrentIndex(dialog.education.findData("college"))
    dialog.experience.setValue(6)
    dialog_log.answer = False
    press_ok(dialog, qtbot)
    (question,) = dialog_log.messages("ask")
    assert "学历为大专，任职条件为本科以上学历" in question
    assert "教育教学或管理经历 6 年，任职条件为 10 年以上" in question
    assert not closed(dialog)
    settle(window, qtbot)
    assert len(inspector_rows(sqlite_db, TODAY)) == before

    dialog_log.answer = True
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)
    row = next(r for r in inspector_rows(sqlite_db, TODAY) if r.name == "周建华")
    assert (row.education, row.experience_years) == ("college", 6)
    assert len(row.qualification_gaps) == 2


def test_the_dashboard_card_opens_the_inspectors_without_last_years_assessment(
    open_window, sqlite_db, qtbot
):
    from core.overview import compliance

    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    owed = compliance(sqlite_db, TODAY).assessments
    assert owed is not None and owed.year == TODAY.year - 1 and owed.missing
    window.show_page("dashboard")
    card = window.dashboard.cards["yearly"]
    assert card.figure.text() == str(len(owed.missing))
    assert f"{TODAY.year - 1}年度考核" in card.detail.text()
    card.click()
    qtbot.waitUntil(lambda: window.current_page_id() == "inspectors", timeout=10_000)
    assert sorted(names(page)) == sorted(owed.missing)
