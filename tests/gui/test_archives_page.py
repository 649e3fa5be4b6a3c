"""The 迎检档案 page as the clerk uses it: a campaign created through its form makes the schools'
checklists; items changed in bulk (only the fields ticked) move the progress, 不适用 items drop
out of it; a weekly snapshot is compared with later progress; one item's attachments; closing,
reopening and deleting a campaign; the dashboard's cards open the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from core.archive.campaigns import (
    ItemChange,
    campaign_rows,
    checklist_rows,
    update_items,
)
from core.archive.progress import campaign_progress
from core.archive.templates import template_rows
from core.attachments import attachment_rows
from core.roster.schools import SchoolInput, save_school, save_zone
from db.engine import Database
from gui.pages.archives.page import CHECKLIST_TAB, PROGRESS_TAB, ArchivesPage
from gui.worker import DbWorker
from tests.conftest import TODAY
from tests.db.demo_campaign import campaign, template_id
from tests.gui.roster_helpers import closed, drain, press_ok, settle, show_read

DAY = timedelta(days=1)


@pytest.fixture
def office(sqlite_db: Database) -> dict[str, int]:
    """Two primary schools and a kindergarten, in two zones."""
    save_zone(sqlite_db, "城关片")
    save_zone(sqlite_db, "河口片")
    return {
        "城关第一小学": save_school(sqlite_db, SchoolInput(name="城关第一小学", zone="城关片")),
        "河口小学": save_school(sqlite_db, SchoolInput(name="河口小学", zone="河口片")),
        "河口幼儿园": save_school(
            sqlite_db, SchoolInput(name="河口幼儿园", kind="kindergarten", zone="河口片")
        ),
    }


@pytest.fixture
def open_page(qtbot, sqlite_db: Database, dialog_log) -> Iterator:
    """Opens the page on the office's database, shown and read; drains the worker at the end."""
    pages: list[ArchivesPage] = []

    def open_on() -> ArchivesPage:
        page = show_read(qtbot, ArchivesPage(sqlite_db, DbWorker(), lambda: TODAY), 1280, 760)
        pages.append(page)
        return page

    yield open_on
    for page in pages:
        drain(page.worker)


def open_dialog(page: ArchivesPage, qtbot, action) -> object:
    page.dialog = None
    action()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10_000)
    return page.dialog


def test_a_campaign_made_in_the_form_gets_checklists_and_progress(
    open_page, office, sqlite_db, qtbot, qtmodeltester
):
    page = open_page()
    assert page.model.rows == []
    assert template_rows(sqlite_db), "the shipped templates are loaded on the first read"

    dialog = open_dialog(page, qtbot, page.new_campaign)
    assert [p.name for p in dialog.phase_inputs()] == [
        "宣传发动",
        "自查整改",
        "复评提高",
        "评估验收",
    ]
    dialog.name.setText("2026年优质均衡迎检")
    dialog.tick_schools([office["城关第一小学"], office["河口小学"]])
    dialog.tick_templates([template_id(sqlite_db, "school-archive")])
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)

    rows = page.model.rows
    per_school = len([r for r in rows if r.school == "城关第一小学"])
    assert per_school > 3
    assert {r.school for r in rows} == {"城关第一小学", "河口小学"}
    assert len(rows) == 2 * per_school
    qtmodeltester.check(page.model)
    assert page.campaign_choice.currentText() == "2026年优质均衡迎检"
    progress = page.progress
    assert progress.data is not None and progress.data.percent == 0
    qtmodeltester.check(progress.schools_model)

    first = [r for r in rows if r.school == "城关第一小学" and r.required][:3]
    page.select_ids([r.id for r in first])
    page.change_selected()
    bulk = page.dialog
    bulk.set_field("status", "filed")
    bulk.set_field("box_no", "A-03")
    press_ok(bulk, qtbot)
    assert closed(bulk), bulk.errors.text()
    settle(page, qtbot)

    saved = {r.id: r for r in checklist_rows(sqlite_db, page.campaign_id, TODAY)}
    assert all((saved[r.id].status, saved[r.id].box_no) == ("filed", "A-03") for r in first)
    assert all(saved[r.id].responsible == r.responsible for r in first), "only ticked fields"
    untouched = [r for r in saved.values() if r.id not in {f.id for f in first}]
    assert all((r.status, r.box_no) == ("not_started", "") for r in untouched)
    required = progress.data.required
    assert progress.data.done == 3
    assert progress.data.percent == pytest.approx(300 / required)
    school = next(s for s in progress.schools_model.rows if s.school == "城关第一小学")
    assert school.done == 3

    other = next(r for r in untouched if r.required and r.school == "河口小学")
    page.select_ids([other.id])
    page.change_selected()
    bulk = page.dialog
    bulk.set_field("status", "not_applicable")
    press_ok(bulk, qtbot)
    settle(page, qtbot)
    assert progress.data.required == required - 1, "不适用 items are not counted"
    assert progress.data.percent == pytest.approx(300 / (required - 1))


def test_a_snapshot_is_compared_with_later_progress(open_page, office, sqlite_db, qtbot):
    campaign(sqlite_db, (office["城关第一小学"], office["河口小学"]))
    page = open_page()
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    progress = page.progress
    assert progress.snapshots_model.rows == []
    progress.snapshot()
    settle(page, qtbot)
    assert [s.taken_on for s in progress.snapshots_model.rows] == [TODAY]
    qtbot.waitUntil(lambda: len(progress.compare_model.rows) == 2, timeout=10_000)
    assert all(c.delta == 0 for c in progress.compare_model.rows)

    page.change_schools()
    chooser = page.dialog
    chooser.tick([office["河口小学"]])
    page.dialog = None
    chooser.accept()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10_000)
    whole = page.dialog
    whole.set_field("status", "complete")
    press_ok(whole, qtbot)
    assert closed(whole), whole.errors.text()
    settle(page, qtbot)

    done = {r.school: r.status for r in checklist_rows(sqlite_db, page.campaign_id, TODAY)}
    assert done["河口小学"] == "complete" and done["城关第一小学"] == "not_started"
    qtbot.waitUntil(lambda: any(c.delta for c in progress.compare_model.rows), timeout=10_000)
    changes = {c.school: (c.percent_then, c.percent_now) for c in progress.compare_model.rows}
    assert changes == {"河口小学": (0, 100), "城关第一小学": (0, 0)}
    assert progress.compare_model.rows[0].school == "河口小学", "the biggest move first"
    qtbot.waitUntil(lambda: progress.bulletin is not None, timeout=10_000)
    assert progress.bulletin.schools_complete == 1


def test_no_school_ticked_is_refused_and_nothing_saved(open_page, office, sqlite_db, qtbot):
    page = open_page()
    dialog = open_dialog(page, qtbot, page.new_campaign)
    dialog.name.setText("学前教育普及普惠迎检")
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "请至少选择一所学校" in dialog.errors.text()
    assert dialog.schools.property("invalid") is True
    assert campaign_rows(sqlite_db, TODAY) == []

    dialog.tick_kindergartens()
    assert dialog.ticked_schools() == (office["河口幼儿园"],)
    dialog.tick_templates([template_id(sqlite_db, "kindergarten-archive")])
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    assert {r.school for r in page.model.rows} == {"河口幼儿园"}


def test_one_item_with_its_attachments(open_page, office, sqlite_db, qtbot, dialog_log, tmp_path):
    campaign(sqlite_db, (office["城关第一小学"],))
    page = open_page()
    item = page.model.rows[0]
    page.select_ids([item.id])
    page.open_item()
    dialog = page.dialog
    attachments = dialog.attachments
    settle(page, qtbot)
    assert attachments.rows() == []
    assert dialog.responsible.isEnabled(), "one item's fields are open for editing"

    scan = tmp_path / "学校情况简介.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    dialog_log.files = [scan]
    attachments.add_attachment()
    qtbot.waitUntil(lambda: len(attachments.rows()) == 1, timeout=10_000)
    assert attachments.rows()[0].file_name == "学校情况简介.pdf"
    assert len(attachment_rows(sqlite_db, checklist_item_id=item.id)) == 1

    qtbot.keyClicks(dialog.responsible, "Li Hua")
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    row = next(r for r in page.model.rows if r.id == item.id)
    assert (row.responsible, row.attachment_count, row.status) == ("Li Hua", 1, item.status)

    page.select_ids([item.id])
    page.open_item()
    attachments = page.dialog.attachments
    qtbot.waitUntil(lambda: len(attachments.rows()) == 1, timeout=10_000)
    attachments.remove_attachment()
    qtbot.waitUntil(lambda: attachments.rows() == [], timeout=10_000)
    assert dialog_log.messages("ask")
    assert attachment_rows(sqlite_db, checklist_item_id=item.id) == []


def test_school_and_status_filters(open_page, office, sqlite_db, qtbot):
    campaign_id = campaign(sqlite_db, (office["城关第一小学"], office["河口小学"]))
    items = checklist_rows(sqlite_db, campaign_id, TODAY)
    late = [r.id for r in items if r.school == "河口小学"][:2]
    update_items(
        sqlite_db, late, ItemChange(status="collecting", due_date=TODAY - DAY), TODAY - 5 * DAY
    )
    page = open_page()
    page.choose_school(office["城关第一小学"])
    assert {r.school for r in page.visible_rows()} == {"城关第一小学"}
    assert page.table.isColumnHidden(0)
    page.apply_filter("overdue")
    assert page.school_choice.currentData() == 0
    assert sorted(r.id for r in page.visible_rows()) == sorted(late)
    page.apply_filter("collecting")
    assert len(page.visible_rows()) == 2
    page.apply_filter("all")
    assert len(page.visible_rows()) == len(items)


def test_close_reopen_and_delete_a_campaign(open_page, office, sqlite_db, qtbot, dialog_log):
    campaign(sqlite_db, (office["城关第一小学"],))
    page = open_page()
    page.close_or_reopen()
    settle(page, qtbot)
    assert campaign_rows(sqlite_db, TODAY)[0].closed_on == TODAY
    assert "2026-11-02" in page.campaign_choice.currentText()
    page.close_or_reopen()
    settle(page, qtbot)
    assert campaign_rows(sqlite_db, TODAY)[0].closed_on is None

    page.delete_campaign()
    settle(page, qtbot)
    assert len(dialog_log.messages("ask")) == 3
    assert campaign_rows(sqlite_db, TODAY) == []
    assert page.model.rows == [] and page.progress.data is None


def test_editing_a_campaign_adds_a_school(open_page, office, sqlite_db, qtbot):
    campaign(sqlite_db, (office["城关第一小学"],))
    page = open_page()
    dialog = open_dialog(page, qtbot, page.edit_campaign)
    assert dialog.name.text() == "2026年优质均衡迎检"
    assert dialog.ticked_schools() == (office["城关第一小学"],)
    dialog.tick_schools([office["河口小学"]])
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    assert {r.school for r in page.model.rows} == {"城关第一小学", "河口小学"}


def test_dashboard_cards_open_the_page(open_window, office, sqlite_db, qtbot):
    campaign_id = campaign(sqlite_db, (office["城关第一小学"], office["河口小学"]))
    items = checklist_rows(sqlite_db, campaign_id, TODAY)
    update_items(sqlite_db, [items[0].id], ItemChange(due_date=TODAY - DAY), TODAY)
    window = open_window(sqlite_db)
    card = window.dashboard.cards["archives"]
    next_phase = campaign_progress(sqlite_db, campaign_id, TODAY).next_phase
    assert next_phase is not None
    days = (next_phase.deadline - TODAY).days
    assert str(days) in card.figure.text()
    assert next_phase.name in card.detail.text()
    assert window.dashboard.cards["archive_overdue"].figure.text() == "1"

    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    page = window.pages["archives"]
    assert window.current_page_id() == "archives"
    assert page.tabs.currentIndex() == PROGRESS_TAB
    qtbot.waitUntil(lambda: page.progress.data is not None and not window.worker.busy)

    window.show_page("dashboard")
    qtbot.mouseClick(window.dashboard.cards["archive_overdue"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == CHECKLIST_TAB
    assert [r.id for r in page.visible_rows()] == [items[0].id]


def test_phases_and_lagging_schools_on_the_progress_tab(open_page, office, sqlite_db, qtbot):
    campaign_id = campaign(sqlite_db, (office["城关第一小学"], office["河口小学"]))
    items = checklist_rows(sqlite_db, campaign_id, TODAY)
    done = [r.id for r in items if r.school == "城关第一小学"]
    update_items(sqlite_db, done, ItemChange(status="complete"), TODAY)
    page = open_page()
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    progress = page.progress
    text = progress.phases.text()
    assert "宣传发动" in text and "✓" in text, "the first phase (due after 30 days) has passed"
    lagging = [s.school for s in progress.schools_model.rows if s.lagging]
    assert lagging == ["河口小学"]
    assert "河口小学" in text
    assert progress.bar.value() == round(progress.data.percent)


def test_no_campaign_yet(open_page, office, qtbot):
    page = open_page()
    assert page.campaign_choice.count() == 1
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.progress.data is None


def test_the_demo_campaign_and_its_reports(demo_window, qtbot, qtmodeltester):
    window = demo_window
    window.show_page("archives:next")
    page = window.pages["archives"]
    qtbot.waitUntil(
        lambda: page.progress.data is not None and not window.worker.busy, timeout=10_000
    )
    running = page.campaign()
    assert running is not None and running.closed_on is None
    assert page.tabs.currentIndex() == PROGRESS_TAB
    progress = page.progress
    assert len(progress.schools_model.rows) == running.school_count
    qtbot.waitUntil(lambda: progress.bulletin is not None, timeout=10_000)
    for model in (page.model, progress.schools_model, progress.snapshots_model):
        qtmodeltester.check(model)
    qtmodeltester.check(progress.compare_model)

    progress.print_campaign()
    qtbot.waitUntil(lambda: getattr(progress, "preview", None) is not None, timeout=30_000)
    text = "".join(p.extract_text() for p in PdfReader(progress.preview.path).pages)
    assert progress.schools_model.rows[0].school in text

    school = progress.schools_model.rows[0]
    progress.schools_view.doubleClicked.emit(progress.schools_model.index(0, 0))
    assert page.tabs.currentIndex() == CHECKLIST_TAB
    assert {r.school for r in page.visible_rows()} == {school.school}
    page.print_checklist()
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=30_000)
    text = "".join(p.extract_text() for p in PdfReader(page.preview.path).pages)
    assert school.school in text
