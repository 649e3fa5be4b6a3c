"""The 督学 page: adding and appointing an inspector, assigning schools (the dashboard follows),
renewals refused with their reason, ending a term, recusals, and the filters behind the cards."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from core.enums import InspectorStatus
from core.overview import compliance
from core.roster.inspectors import inspector_detail, inspector_rows
from core.roster.schools import school_rows
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, names, open_demo, press_ok, settle

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _select(page, name: str, qtbot) -> None:
    row = next(r for r in page.model.rows if r.name == name)
    page.select_ids([row.id])
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.row.id == row.id, timeout=10_000
    )


def test_add_appoint_and_assign_five_schools_updates_the_dashboard(
    open_window, sqlite_db, qtbot, qtmodeltester
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    qtmodeltester.check(page.model)
    assert window.dashboard.cards["uncovered"].figure.text() == "1"
    assert len(names(page)) == 10

    page.add_inspector()
    dialog = page.dialog
    dialog.name.setText("周建华")
    dialog.phone.setText("139 0738 1234")
    dialog.employment.setCurrentIndex(dialog.employment.findData("full_time"))
    dialog.appoint_from.set_value(TODAY)
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)
    row = next(r for r in inspector_rows(sqlite_db, TODAY) if r.name == "周建华")
    assert row.status == InspectorStatus.SERVING
    assert (row.phone, row.term_start) == ("13907381234", TODAY)
    assert row.term_end == TODAY.replace(year=TODAY.year + 3) - timedelta(days=1)
    assert "周建华" in names(page)

    uncovered = compliance(sqlite_db, TODAY).uncovered_schools
    others = [r.name for r in school_rows(sqlite_db, TODAY) if r.active and r.inspector][:4]
    _select(page, "周建华", qtbot)
    page.assign()
    assign = page.dialog
    assign.check(uncovered + others)
    press_ok(assign, qtbot)
    assert closed(assign)
    settle(window, qtbot)

    covered = {r.name for r in school_rows(sqlite_db, TODAY) if r.inspector == "周建华"}
    assert covered == set(uncovered + others)
    assert window.dashboard.cards["uncovered"].figure.text() == "0"
    assert window.dashboard.cards["inspectors"].figure.text() == "11 / 9"
    detail = inspector_detail(sqlite_db, row.id, TODAY)
    assert detail is not None and detail.row.schools == 5
    qtbot.waitUntil(lambda: page.coverage_model.rowCount() == 5, timeout=10_000)


def test_a_renewal_past_the_limit_is_refused_with_the_reason(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    page.apply_filter("term_limit")
    limited = names(page)
    assert len(limited) == 1
    _select(page, limited[0], qtbot)
    assert page.detail is not None and len(page.detail.terms) == 3
    page.renew()
    dialog = page.dialog
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("competent"))
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "已连续任职 3 届" in dialog.errors.text()
    assert "最多连续任期（3 届）" in dialog.errors.text()
    settle(window, qtbot)
    detail = inspector_detail(sqlite_db, page.detail.row.id, TODAY)
    assert len(detail.terms) == 3


def test_ending_a_term_leaves_the_schools_uncovered_and_says_which(
    open_window, sqlite_db, qtbot, dialog_log
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    busiest = max(page.model.rows, key=lambda r: r.schools)
    _select(page, busiest.name, qtbot)
    page.end_term()
    dialog = page.dialog
    dialog.reason.setCurrentIndex(dialog.reason.findData("resigned"))
    dialog.note.setText("调离本县")
    dialog.on.set_value(TODAY - timedelta(days=1))
    press_ok(dialog, qtbot)
    settle(window, qtbot)
    assert closed(dialog)
    message = dialog_log.messages("inform")[0]
    row = next(r for r in inspector_rows(sqlite_db, TODAY) if r.id == busiest.id)
    assert row.status == InspectorStatus.LEFT
    assert busiest.name not in names(page)
    assert len(compliance(sqlite_db, TODAY).uncovered_schools) == 1 + busiest.schools
    assert message.count("、") == busiest.schools - 1
    page.apply_filter("former")
    assert busiest.name in names(page)


def test_a_recused_school_cannot_be_assigned(open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    target = next(r for r in page.model.rows if r.serving)
    free = next(
        r for r in school_rows(sqlite_db, TODAY) if r.inspector and r.inspector != target.name
    )
    _select(page, target.name, qtbot)
    page.recuse()
    dialog = page.dialog
    dialog.school.setCurrentText(free.name)
    dialog.reason.setText("亲属在该校任教")
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(window, qtbot)
    qtbot.waitUntil(lambda: page.recusal_model.rowCount() >= 1, timeout=10_000)

    page.assign()
    assign = page.dialog
    assign.check([free.name])
    press_ok(assign, qtbot)
    assert assign.isVisible()
    assert f"须回避“{free.name}”（亲属在该校任教）" in assign.errors.text()
    after = next(r for r in school_rows(sqlite_db, TODAY) if r.id == free.id)
    assert after.inspector == free.inspector


def test_the_term_cards_open_their_filtered_lists(open_window, sqlite_db, qtbot):
    window, inspectors = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    window.show_page("dashboard")
    expiring = compliance(sqlite_db, TODAY).terms_expiring
    assert window.dashboard.cards["terms"].figure.text() == str(len(expiring)) == "1"
    window.dashboard.cards["terms"].click()
    assert window.current_page_id() == "inspectors"
    assert names(inspectors) == [t.name for t in expiring]


def test_a_photo_is_copied_into_the_data_folder_and_shown(
    open_window, sqlite_db, qtbot, dialog_log, tmp_path, data_home
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    picture = tmp_path / "证件照.png"
    picture.write_bytes(PNG)
    first = page.model.rows[0]
    _select(page, first.name, qtbot)
    dialog_log.files.append(picture)
    page.choose_photo()
    settle(window, qtbot)
    qtbot.waitUntil(
        lambda: page.photo.pixmap() is not None and not page.photo.pixmap().isNull(), timeout=10_000
    )
    stored = next(r for r in inspector_rows(sqlite_db, TODAY) if r.id == first.id).photo_path
    assert (data_home / stored).read_bytes() == PNG
    picture.unlink()
    assert (data_home / stored).exists()

    text_file = tmp_path / "not-a-photo.png"
    text_file.write_text("hello")
    dialog_log.files.append(text_file)
    page.choose_photo()
    settle(window, qtbot)
    assert "不是 PNG、JPG 或 BMP 图片" in dialog_log.messages("warn")[0]


def test_general_reappointment_renews_some_and_explains_the_others(
    open_window, sqlite_db, qtbot, dialog_log
):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    rows = {r.name: r for r in page.model.rows}
    expiring = next(r for r in rows.values() if r.term_expiring)
    limited = next(r for r in rows.values() if r.at_term_limit)
    page.batch_renew()
    dialog = page.dialog
    assert dialog.checked_ids() == [expiring.id], "terms ending soon are ticked already"
    for index in range(dialog.inspectors.count()):
        item = dialog.inspectors.item(index)
        if item.data(Qt.ItemDataRole.UserRole) == limited.id:
            item.setCheckState(Qt.CheckState.Checked)
    dialog.assessment.setCurrentIndex(dialog.assessment.findData("competent"))
    dialog.start.set_value(expiring.term_end + timedelta(days=1))
    press_ok(dialog, qtbot)
    settle(window, qtbot)
    assert closed(dialog)
    report = dialog_log.messages("inform")[0]
    assert "已续聘：1 名" in report
    assert f"{limited.name}已连续任职 3 届" in report

    after = {r.name: r for r in inspector_rows(sqlite_db, TODAY)}
    detail = inspector_detail(sqlite_db, expiring.id, TODAY)
    assert detail.terms[0].start_date == expiring.term_end + timedelta(days=1)
    assert detail.terms[1].assessment == "competent"
    assert not after[expiring.name].term_expiring
    assert len(inspector_detail(sqlite_db, limited.id, TODAY).terms) == 3


def test_actions_for_one_inspector_need_exactly_one_selected(open_window, sqlite_db, qtbot):
    _window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    renew = page.term_actions["续聘…"]
    batch = page.term_actions["批量换届…"]
    assert not renew.isEnabled() and batch.isEnabled()
    page.select_ids([r.id for r in page.model.rows[:1]])
    assert renew.isEnabled() and page.assignment_actions["挂牌学校…"].isEnabled()
    page.select_ids([r.id for r in page.model.rows[:2]])
    assert not renew.isEnabled() and not page.edit_button.isEnabled()
    assert batch.isEnabled()


def test_two_edit_forms_on_one_inspector_never_overwrite_each_other(open_window, sqlite_db, qtbot):
    _window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    name = names(page)[0]
    _select(page, name, qtbot)
    page.edit_inspector()
    first = page.dialog
    page.edit_inspector()
    second = page.dialog
    assert first is not second
    first.phone.setText("13907380001")
    press_ok(first, qtbot)
    assert closed(first)
    second.notes.setPlainText("兼任城关片责任督学")
    press_ok(second, qtbot)
    assert second.isVisible(), "the second form stays open with what was typed"
    assert "已被他人修改" in second.errors.text() and "13907380001" in second.errors.text()
    [stored] = [r for r in inspector_rows(sqlite_db, TODAY) if r.name == name]
    assert (stored.phone, stored.notes) == ("13907380001", "")
