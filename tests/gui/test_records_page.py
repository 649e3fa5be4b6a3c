"""The 督导记录 page: records filled in through the form (and refused whole when wrong), files
attached to visits, the dashboard's filters (records missing, schools short or not visited yet),
the office's list of main inspection items, problems registered from a visit, and the printed
record form."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices

from core.attachments import attachment_rows
from core.calendar.progress import semester_coverage
from core.calendar.records import RecordInput, record_of, save_record
from core.calendar.visits import (
    DEFAULT_INSPECTION_ITEMS,
    VisitInput,
    add_visit,
    load_inspection_items,
    set_status,
    visit_rows,
)
from core.casework.rectification import problem_rows
from core.demo.office import create_demo
from core.enums import InspectionMethod, SixMinimum, VisitStatus
from core.roster.assignments import responsible_inspectors
from db.engine import Database
from gui.pages.records.page import RecordsPage
from gui.pages.records.record_dialog import InspectionItemsDialog, RecordDialog
from gui.pages.rectification.dialogs import ProblemDialog
from gui.worker import DbWorker
from tests.conftest import TODAY
from tests.db.attachment_helpers import opened_bytes, stored_digests
from tests.gui.roster_helpers import closed, drain, press_ok, settle, show_read

OCTOBER = date(2026, 10, 1)


@dataclass
class Office:
    """The demo office with visits of its own: one per situation the page tells apart."""

    db: Database
    bare_school: int
    recorded: int
    done_unrecorded: int
    planned_past: int
    planned_today: int
    future: int
    cancelled: int


@pytest.fixture
def office(sqlite_db) -> Office:
    create_demo(sqlite_db, "office", TODAY)
    with sqlite_db.session() as session:
        responsible = responsible_inspectors(session, TODAY)
    _semester, coverage = semester_coverage(sqlite_db, TODAY)
    bare = [
        c.school_id
        for c in coverage
        if c.six_asked and not c.six_done and c.school_id in responsible
    ]
    others = [s for s in sorted(responsible) if s not in bare]
    schools = [bare[0], *others[:6]]

    def visit(index: int, day: date) -> int:
        school = schools[index]
        return add_visit(sqlite_db, VisitInput(day, school, responsible[school]))

    recorded = visit(0, date(2026, 10, 12))
    save_record(
        sqlite_db,
        recorded,
        RecordInput(
            items=(DEFAULT_INSPECTION_ITEMS[0],),
            six_minimum=(SixMinimum.HOMEWORK.value, SixMinimum.CLASS.value),
            findings="作业量适中",
        ),
        today=TODAY,
    )
    done_unrecorded = visit(1, date(2026, 10, 15))
    set_status(sqlite_db, [done_unrecorded], VisitStatus.DONE.value, today=TODAY)
    cancelled = visit(5, date(2026, 10, 21))
    set_status(sqlite_db, [cancelled], VisitStatus.CANCELLED.value, today=TODAY)
    return Office(
        db=sqlite_db,
        bare_school=schools[0],
        recorded=recorded,
        done_unrecorded=done_unrecorded,
        planned_past=visit(2, date(2026, 10, 20)),
        planned_today=visit(3, TODAY),
        future=visit(4, date(2026, 11, 10)),
        cancelled=cancelled,
    )


@pytest.fixture
def page(qtbot, office: Office, dialog_log):
    """The page on the office, shown and read; its worker drained before the database goes."""
    records = show_read(qtbot, RecordsPage(office.db, DbWorker(), lambda: TODAY), 1100, 740)
    yield records
    drain(records.worker)


def open_record(page, qtbot, visit_id: int) -> RecordDialog:
    page.select_ids([visit_id])
    page.fill_record()
    qtbot.waitUntil(lambda: isinstance(page.dialog, RecordDialog), timeout=10_000)
    assert page.dialog.isVisible()
    return page.dialog


def shown_ids(page) -> set[int]:
    return {row.id for row in page.visible_rows()}


def test_a_record_filled_in_through_the_form_is_stored_and_the_visit_done(
    page, office, qtbot, qtmodeltester
):
    qtmodeltester.check(page.model)
    dialog = open_record(page, qtbot, office.planned_past)
    assert dialog.filed_on.value() == TODAY
    assert not any(box.isChecked() for box in dialog.item_boxes.values())
    dialog.item_boxes[DEFAULT_INSPECTION_ITEMS[4]].setChecked(True)
    dialog.item_boxes[DEFAULT_INSPECTION_ITEMS[7]].setChecked(True)
    dialog.method_boxes[InspectionMethod.LESSON.value].setChecked(True)
    dialog.six_boxes[SixMinimum.AFTER_SCHOOL.value].setChecked(True)
    dialog.texts["findings"].insertPlainText("课后服务安排合理")
    dialog.texts["problems"].insertPlainText("楼梯转角照明不足")
    dialog.filed_on.set_value(date(2026, 10, 21))
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(page, qtbot)

    view = record_of(office.db, office.planned_past)
    assert view.status == VisitStatus.DONE
    assert view.record == RecordInput(
        items=(DEFAULT_INSPECTION_ITEMS[4], DEFAULT_INSPECTION_ITEMS[7]),
        methods=(InspectionMethod.LESSON.value,),
        six_minimum=(SixMinimum.AFTER_SCHOOL.value,),
        findings="课后服务安排合理",
        problems="楼梯转角照明不足",
        filed_on=date(2026, 10, 21),
    )
    [row] = [r for r in page.model.rows if r.id == office.planned_past]
    assert row.has_record and row.status == VisitStatus.DONE
    assert "课后服务安排合理" in page.detail.toPlainText()


def test_a_record_filed_before_the_visit_is_refused_and_nothing_is_saved(page, office, qtbot):
    dialog = open_record(page, qtbot, office.done_unrecorded)
    dialog.texts["findings"].insertPlainText("正常")
    dialog.filed_on.set_value(date(2026, 10, 14))
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "归档日期不能早于督导日期" in dialog.errors.text()
    assert dialog.filed_on.property("invalid") is True
    assert record_of(office.db, office.done_unrecorded).record is None


def test_an_existing_record_opens_as_filed(page, office, qtbot):
    dialog = open_record(page, qtbot, office.recorded)
    ticked = [item for item, box in dialog.item_boxes.items() if box.isChecked()]
    assert ticked == [DEFAULT_INSPECTION_ITEMS[0]]
    assert dialog.six_boxes[SixMinimum.CLASS.value].isChecked()
    assert not dialog.six_boxes[SixMinimum.REPORT.value].isChecked()
    assert dialog.texts["findings"].toPlainText() == "作业量适中"
    assert dialog.filed_on.value() == TODAY


def test_a_file_attached_to_a_visit_is_stored_opened_saved_and_removed(
    page, office, qtbot, dialog_log, tmp_path, monkeypatch
):
    photo = tmp_path / "食堂检查.jpg"
    photo.write_bytes(b"\xff\xd8\xff kitchen")
    dialog = open_record(page, qtbot, office.recorded)
    dialog_log.files.append(photo)
    dialog.attachments.add_button.click()
    qtbot.waitUntil(lambda: dialog.attachments.list.count() == 1, timeout=10_000)
    photo.unlink()
    [stored] = attachment_rows(office.db, visit_id=office.recorded)
    assert stored.file_name == "食堂检查.jpg"
    assert opened_bytes(office.db, stored.id) == b"\xff\xd8\xff kitchen"
    assert "食堂检查.jpg" in dialog.attachments.list.item(0).text()

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile()))
    )
    dialog.attachments.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].name == "食堂检查.jpg"
    assert opened[0].read_bytes() == b"\xff\xd8\xff kitchen"
    saved = tmp_path / "另存为.jpg"
    dialog_log.files.append(saved)
    dialog.attachments.save_button.click()
    qtbot.waitUntil(saved.exists, timeout=10_000)
    assert saved.read_bytes() == b"\xff\xd8\xff kitchen"

    dialog.attachments.list.setCurrentRow(0)
    dialog.attachments.remove_button.click()
    qtbot.waitUntil(lambda: dialog.attachments.list.count() == 0, timeout=10_000)
    assert "食堂检查.jpg" in dialog_log.messages("ask")[0]
    assert stored_digests(office.db) == set()
    assert attachment_rows(office.db, visit_id=office.recorded) == []


def test_the_missing_filter_lists_exactly_the_visits_without_a_record(page, office):
    listed = {row.id for row in page.model.rows}
    assert {office.recorded, office.done_unrecorded, office.planned_past} <= listed
    assert office.planned_today in listed, "a visit due today can be recorded"
    assert not {office.future, office.cancelled} & listed

    page.apply_filter("missing")
    open_statuses = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
    expected = {
        r.id
        for r in visit_rows(office.db, date(2026, 9, 1), TODAY)
        if not r.has_record
        and (r.status == VisitStatus.DONE or (r.status in open_statuses and r.day < TODAY))
    }
    assert shown_ids(page) == expected
    assert {office.done_unrecorded, office.planned_past} <= expected
    assert office.recorded not in expected and office.planned_today not in expected

    page.apply_filter("filed")
    assert office.recorded in shown_ids(page)
    assert all(row.has_record for row in page.visible_rows())
    page.apply_filter("all")
    assert len(page.visible_rows()) == page.model.rowCount()


def test_the_period_chooses_the_visits_listed(page, office, qtbot):
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.first.set_value(date(2026, 10, 14))
    page.last.set_value(date(2026, 10, 16))
    settle(page, qtbot)
    assert office.done_unrecorded in {row.id for row in page.model.rows}
    assert all(date(2026, 10, 14) <= row.day <= date(2026, 10, 16) for row in page.model.rows)
    page.period.setCurrentIndex(page.period.findData("month"))
    settle(page, qtbot)
    assert office.planned_today in {row.id for row in page.model.rows}
    assert all(row.day >= date(2026, 11, 1) for row in page.model.rows)
    assert page.first.value() == date(2026, 11, 1) and page.last.value() == TODAY


def test_the_inspection_items_dialog_saves_the_renamed_list(page, office, qtbot):
    page.edit_items()
    qtbot.waitUntil(lambda: isinstance(page.dialog, InspectionItemsDialog), timeout=10_000)
    dialog = page.dialog
    assert dialog.item_texts() == list(DEFAULT_INSPECTION_ITEMS)
    dialog.items.item(1).setText(DEFAULT_INSPECTION_ITEMS[0])
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert f"“{DEFAULT_INSPECTION_ITEMS[0]}”重复了" in dialog.errors.text()
    assert load_inspection_items(office.db) == list(DEFAULT_INSPECTION_ITEMS)

    dialog.items.item(1).setText("校风教风学风建设")
    dialog.items.setCurrentRow(8)
    dialog.move_item(-1)
    dialog.items.setCurrentRow(0)
    dialog.remove_item()
    press_ok(dialog, qtbot)
    assert closed(dialog)
    expected = [
        "校风教风学风建设",
        *DEFAULT_INSPECTION_ITEMS[2:7],
        DEFAULT_INSPECTION_ITEMS[8],
        DEFAULT_INSPECTION_ITEMS[7],
    ]
    assert load_inspection_items(office.db) == expected

    settle(page, qtbot)
    record = open_record(page, qtbot, office.recorded)
    assert list(record.item_boxes) == [*expected, DEFAULT_INSPECTION_ITEMS[0]]
    assert record.item_boxes[DEFAULT_INSPECTION_ITEMS[0]].isChecked(), "kept from the record"


def test_the_coverage_tab_shows_the_six_minimums_a_school_still_misses(page, office, qtmodeltester):
    qtmodeltester.check(page.coverage_model)
    page.apply_filter("short")
    assert page.tabs.currentIndex() == 1 and page.short_only.isChecked()
    proxy = page.coverage_proxy
    rows = {proxy.index(r, 0).data(): r for r in range(proxy.rowCount())}
    [school] = [c for c in page.coverage_model.rows if c.school_id == office.bare_school]
    assert school.school in rows, "missing some of the 六个至少 counts as short"
    missing_column = proxy.columnCount() - 1
    shown = proxy.index(rows[school.school], missing_column).data()
    assert shown == "观摩课后服务、参加备课、组织座谈、听取汇报"
    assert "2026年秋季学期" in page.summary.text()
    none_done = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, missing_column - 1).data() == f"0 / {len(SixMinimum)}"
    )
    assert proxy.index(none_done, missing_column).data() == "六项均未落实"


def test_a_kindergarten_is_not_asked_for_the_six_minimums(page, office, qtbot):
    """双减's 六个至少 are for compulsory education: a kindergarten's record has no boxes for
    them and the coverage tab neither counts them nor lists the kindergarten as short for them."""
    with office.db.session() as session:
        responsible = responsible_inspectors(session, TODAY)
    kindergartens = [
        c for c in page.coverage_model.rows if not c.six_asked and c.school_id in responsible
    ]
    kindergarten = next(c for c in kindergartens if "幼儿园" in c.school)
    visit = add_visit(
        office.db,
        VisitInput(date(2026, 10, 19), kindergarten.school_id, responsible[kindergarten.school_id]),
    )
    page.refresh()
    settle(page, qtbot)
    dialog = open_record(page, qtbot, visit)
    assert not dialog.fields["six_minimum"].isVisible()
    assert dialog.fields["methods"].isVisible()
    dialog.reject()

    page.apply_filter("short")
    proxy = page.coverage_proxy
    six_column = proxy.columnCount() - 2
    shown = {
        proxy.index(r, 0).data(): proxy.index(r, six_column).data() for r in range(proxy.rowCount())
    }
    listed = {k.school for k in kindergartens if k.school in shown}
    assert listed == {k.school for k in kindergartens if k.routine_short}
    assert all(shown[school] == "不要求" for school in listed)
    page.short_only.setChecked(False)
    shown = {
        proxy.index(r, 0).data(): proxy.index(r, six_column).data() for r in range(proxy.rowCount())
    }
    assert shown[kindergarten.school] == "不要求"


def test_the_unvisited_filter_shows_the_schools_not_visited_this_month(page, office, qtbot):
    page.apply_filter("unvisited")
    assert page.tabs.currentIndex() == 1 and page.coverage_tabs.currentIndex() == 2
    today_school = next(r.school for r in page.model.rows if r.id == office.planned_today)
    schools = {u.school: u for u in page.unvisited_model.rows}
    assert schools[today_school].next_visit == TODAY

    dialog = open_record(page, qtbot, office.planned_today)
    dialog.method_boxes[InspectionMethod.TOUR.value].setChecked(True)
    press_ok(dialog, qtbot)
    settle(page, qtbot)
    assert page.coverage_tabs.currentIndex() == 2
    assert today_school not in {u.school for u in page.unvisited_model.rows}


def test_a_problem_registered_from_a_visit_belongs_to_it(page, office, qtbot):
    page.select_ids([office.done_unrecorded])
    page.register_problem()
    dialog = page.dialog
    assert isinstance(dialog, ProblemDialog) and dialog.isVisible()
    assert dialog.found_on.value() == date(2026, 10, 15)
    assert not dialog.school.isEnabled()
    dialog.description.insertPlainText("实验室危化品台账缺失")
    press_ok(dialog, qtbot)
    assert closed(dialog)
    [problem] = [p for p in problem_rows(office.db, TODAY) if p.visit_id == office.done_unrecorded]
    assert problem.description == "实验室危化品台账缺失"
    assert problem.found_on == date(2026, 10, 15)


def _pdf_text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_record_form_prints_filled_in_and_blank(page, office, qtbot):
    page.select_ids([office.recorded])
    school = page.selected_rows()[0].school
    page.print_record()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    text = _pdf_text(page.preview.path)
    assert school in text and "作业量适中" in text
    filled = page.preview
    page.print_blank()
    qtbot.waitUntil(lambda: page.preview is not filled, timeout=20_000)
    blank = _pdf_text(page.preview.path)
    assert "□经常性督导" in "".join(blank.split()), "an open box before each visit kind"
    assert school not in blank and "作业量适中" not in blank
