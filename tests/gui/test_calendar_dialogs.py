"""The dialogs of the 督导日历 page: working days, inspectors' leave, special-topic campaigns and
the semester check, driven on the demo office and read back from the database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from core.calendar.planner import NO_INSPECTOR
from core.calendar.visits import set_status, visit_rows
from core.changes import Change
from core.demo.office import create_demo
from core.enums import DayKind, InspectorStatus, UnavailableReason, VisitKind, VisitStatus
from core.office.holiday_notice import year_holidays
from core.office.workdays import WorkCalendar, calendar_edits, official_workday, set_day
from core.roster.assignments import responsible_inspectors
from core.roster.inspectors import inspector_rows
from core.roster.schools import SchoolInput, SchoolRow, save_school, school_rows
from db.engine import Database
from db.models import Unavailability
from gui.pages.calendar.dialogs import (
    NoticeDialog,
    SemesterCheckDialog,
    TopicVisitsDialog,
    UnavailabilityDialog,
    WorkdaysDialog,
)
from gui.widgets.forms import select_data
from gui.worker import DbWorker
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, drain, press_ok
from tests.unit.test_holiday_notice import NOTICE_2027

CALENDAR = frozenset({Change.CALENDAR})
UNAVAILABILITY = frozenset({Change.UNAVAILABILITY})
VISITS = frozenset({Change.VISITS})


@pytest.fixture
def office(sqlite_db: Database, qtbot) -> Iterator[tuple[Database, DbWorker]]:
    """The demo office and a worker; the worker's jobs are done before the database goes."""
    create_demo(sqlite_db, "office", TODAY)
    worker = DbWorker()
    yield sqlite_db, worker
    drain(worker)


def _open(dialog, qtbot):
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(dialog.worker, qtbot)
    return dialog


def _settle(worker: DbWorker, qtbot) -> None:
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)


def _click(button, qtbot) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _changes(worker: DbWorker) -> list[frozenset[str]]:
    seen: list[frozenset[str]] = []
    worker.data_changed.connect(seen.append)
    return seen


# --- working days -----------------------------------------------------------------------------


def test_holidays_and_swapped_workdays_of_an_unknown_year(office, qtbot, dialog_log):
    db, worker = office
    changes = _changes(worker)
    dialog = _open(WorkdaysDialog(db, worker, TODAY), qtbot)
    dialog.year.setValue(2027)
    _settle(worker, qtbot)
    assert dialog.notice.isVisible()
    assert dialog.notice.text().startswith("2027年节假日安排：暂定")
    assert not dialog.complete.isChecked()

    dialog.day.set_value(date(2027, 1, 1))  # a Friday
    assert dialog.kind.currentData() == DayKind.HOLIDAY
    dialog.note.setText("元旦")
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    dialog.day.set_value(date(2027, 2, 6))  # a Saturday
    assert dialog.kind.currentData() == DayKind.WORKDAY
    dialog.note.setText("春节调休上班")
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)

    work = WorkCalendar.load(db)
    assert not work.is_workday(date(2027, 1, 1))
    assert work.is_workday(date(2027, 2, 6))
    assert [(e.day, e.kind, e.note) for e in dialog.model.rows] == [
        (date(2027, 1, 1), "holiday", "元旦"),
        (date(2027, 2, 6), "workday", "春节调休上班"),
    ]
    assert dialog.model.index(0, 0).data() == "2027-01-01 周五"
    assert changes == [CALENDAR, CALENDAR]

    dialog.table.selectRow(0)
    _click(dialog.remove_button, qtbot)
    _settle(worker, qtbot)
    # The day follows the official (or provisional) arrangement again.
    assert WorkCalendar.load(db).is_workday(date(2027, 1, 1)) == official_workday(date(2027, 1, 1))
    assert calendar_edits(db, 2027) == [(date(2027, 2, 6), "workday", "春节调休上班")]
    assert [e.day for e in dialog.model.rows] == [date(2027, 2, 6)]
    assert changes == [CALENDAR] * 3

    dialog.year.setValue(2026)
    _settle(worker, qtbot)
    assert not dialog.notice.isVisible()


def test_a_holiday_of_several_days_is_entered_at_once_and_the_year_marked_complete(office, qtbot):
    db, worker = office
    dialog = _open(WorkdaysDialog(db, worker, TODAY), qtbot)
    dialog.year.setValue(2027)
    _settle(worker, qtbot)
    dialog.day.set_value(date(2027, 2, 8))
    dialog.last.set_value(date(2027, 2, 12))
    select_data(dialog.kind, DayKind.HOLIDAY)
    dialog.note.setText("春节")
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    assert [e.day for e in dialog.model.rows] == [date(2027, 2, d) for d in range(8, 13)]
    assert year_holidays(db, 2027).status == "provisional"  # some days are not the year
    dialog.complete.click()
    _settle(worker, qtbot)
    assert year_holidays(db, 2027).status == "complete"
    assert "已确定" in dialog.notice.text() and dialog.complete.isChecked()


def test_the_notice_is_checked_then_saved_whole(office, qtbot):
    db, worker = office
    changes = _changes(worker)
    workdays = _open(WorkdaysDialog(db, worker, TODAY), qtbot)
    _click(workdays.notice_button, qtbot)
    dialog = workdays.findChild(NoticeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.text.setPlainText(NOTICE_2027.replace("共9天", "共10天"))
    _click(dialog.save_button, qtbot)
    _settle(worker, qtbot)
    assert "二、春节" in dialog.errors.text() and calendar_edits(db, 2027) == []
    dialog.text.setPlainText(NOTICE_2027)
    _click(dialog.check_button, qtbot)
    _settle(worker, qtbot)
    assert [line.name for line in dialog.model.rows][:2] == ["元旦", "春节"]
    assert dialog.model.rows[1].workdays == "2月20日"
    assert calendar_edits(db, 2027) == [] and changes == []
    _click(dialog.save_button, qtbot)
    _settle(worker, qtbot)
    assert "已保存" in dialog.summary.text()
    assert year_holidays(db, 2027).status == "complete"
    assert not WorkCalendar.load(db).is_workday(date(2027, 2, 8))
    assert WorkCalendar.load(db).is_workday(date(2027, 2, 20))
    assert changes == [CALENDAR]
    dialog.close()
    _settle(worker, qtbot)
    assert workdays.complete.isChecked()


def test_a_day_entered_again_is_replaced_only_when_the_clerk_agrees(office, qtbot, dialog_log):
    db, worker = office
    set_day(db, date(2026, 12, 31), DayKind.HOLIDAY, "跨年")
    dialog = _open(WorkdaysDialog(db, worker, TODAY), qtbot)
    dialog.day.set_value(date(2026, 12, 31))
    select_data(dialog.kind, DayKind.WORKDAY)
    dialog_log.answer = False
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    assert dialog_log.messages("ask") and "2026-12-31" in dialog_log.messages("ask")[0]
    assert calendar_edits(db, 2026) == [(date(2026, 12, 31), "holiday", "跨年")]

    dialog_log.answer = True
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    assert calendar_edits(db, 2026) == [(date(2026, 12, 31), "workday", "")]


def test_a_long_note_is_refused_in_chinese(office, qtbot):
    db, worker = office
    dialog = _open(WorkdaysDialog(db, worker, TODAY), qtbot)
    dialog.day.set_value(date(2026, 12, 31))
    dialog.note.setText("说" * 201)
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    assert "“说明”不能超过 200 个字" in dialog.errors.text()
    assert dialog.note.property("invalid") is True
    assert calendar_edits(db, 2026) == []


# --- leave and training -----------------------------------------------------------------------


def _stored_unavailability(db: Database) -> list[tuple[int, date, date, str, str]]:
    with db.session() as session:
        return [
            (u.inspector_id, u.start_date, u.end_date, u.reason, u.note)
            for u in session.scalars(select(Unavailability).order_by(Unavailability.id))
        ]


def test_leave_is_added_listed_and_removed(office, qtbot, dialog_log):
    db, worker = office
    changes = _changes(worker)
    dialog = _open(UnavailabilityDialog(db, worker, TODAY), qtbot)
    offered = [dialog.inspector.itemText(i) for i in range(dialog.inspector.count())]
    in_office = [r.name for r in inspector_rows(db, TODAY) if r.status == InspectorStatus.SERVING]
    assert offered == sorted(in_office)

    first, second = dialog.inspector.itemData(0), dialog.inspector.itemData(1)
    dialog.start.set_value(date(2026, 11, 9))
    dialog.end.set_value(date(2026, 11, 13))
    select_data(dialog.reason, UnavailableReason.TRAINING)
    dialog.note.setText("市级督学培训班")
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    dialog.inspector.setCurrentIndex(1)
    dialog.start.set_value(date(2026, 11, 16))
    dialog.end.set_value(date(2026, 11, 16))
    select_data(dialog.reason, UnavailableReason.LEAVE)
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)

    assert _stored_unavailability(db) == [
        (first, date(2026, 11, 9), date(2026, 11, 13), "training", "市级督学培训班"),
        (second, date(2026, 11, 16), date(2026, 11, 16), "leave", ""),
    ]
    assert [(a.inspector_id, a.days) for a in dialog.model.rows] == [(second, 1)]
    dialog.show_all.setChecked(True)
    assert [(a.inspector_id, a.days) for a in dialog.model.rows] == [(second, 1), (first, 5)]
    assert dialog.model.index(1, 4).data() == "培训"

    dialog.table.selectRow(1)
    _click(dialog.remove_button, qtbot)
    _settle(worker, qtbot)
    assert dialog_log.messages("ask")
    assert [row[0] for row in _stored_unavailability(db)] == [second]
    assert [a.inspector_id for a in dialog.model.rows] == [second]
    assert changes == [UNAVAILABILITY] * 3


def test_leave_ending_before_it_starts_is_refused(office, qtbot):
    db, worker = office
    dialog = _open(UnavailabilityDialog(db, worker, TODAY), qtbot)
    dialog.start.set_value(date(2026, 11, 20))
    dialog.end.set_value(date(2026, 11, 18))
    _click(dialog.add_button, qtbot)
    _settle(worker, qtbot)
    assert "结束日期不能早于开始日期" in dialog.errors.text()
    assert dialog.end.property("invalid") is True
    assert _stored_unavailability(db) == []
    assert dialog.isVisible()


# --- special-topic campaigns --------------------------------------------------------------------


def _tick(dialog: TopicVisitsDialog, name: str) -> None:
    """Tick one school the way the clerk does: find it, click its box."""
    dialog.filter.setText(name)
    assert dialog.schools_proxy.rowCount() == 1
    index = dialog.schools_proxy.index(0, 0)
    dialog.schools_proxy.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    dialog.filter.clear()


def test_a_campaign_puts_visits_on_working_days_of_the_window(
    office, qtbot, qtmodeltester, dialog_log
):
    db, worker = office
    friday, monday = date(2026, 12, 4), date(2026, 12, 7)
    set_day(db, friday, DayKind.HOLIDAY, "")  # with the weekend, only Monday is left to work
    with db.session() as session:
        responsible = responsible_inspectors(session, friday)
    changes = _changes(worker)
    dialog = _open(TopicVisitsDialog(db, worker, TODAY), qtbot)
    qtmodeltester.check(dialog.schools_model)
    schools = sorted(dialog.schools_model.rows, key=lambda s: s.name)
    chosen: dict[int, SchoolRow] = {}
    for school in schools:
        inspector = responsible.get(school.id)
        if inspector is not None and inspector not in chosen and len(chosen) < 3:
            chosen[inspector] = school
    orphan = next(s for s in schools if s.id not in responsible)
    for school in [*chosen.values(), orphan]:
        _tick(dialog, school.name)
    assert dialog.schools_model.checked == {s.id for s in [*chosen.values(), orphan]}
    assert dialog.ticked.text() == "已勾选4所"

    dialog.topic.setCurrentText("防溺水")
    dialog.start.set_value(friday)
    dialog.end.set_value(monday)
    _click(dialog.generate_button, qtbot)
    _settle(worker, qtbot)

    stored = [v for v in visit_rows(db, friday, monday) if v.topic == "防溺水"]
    assert sorted((v.school_id, v.inspector_id) for v in stored) == sorted(
        (school.id, inspector) for inspector, school in chosen.items()
    )
    work = WorkCalendar.load(db)
    for visit in stored:
        assert visit.kind == VisitKind.SPECIAL and visit.status == VisitStatus.PLANNED
        assert visit.day == monday and work.is_workday(visit.day)
    assert len(dialog.placed_model.rows) == 3
    assert [(u.school, u.reason) for u in dialog.unplaced_model.rows] == [
        (orphan.name, NO_INSPECTOR)
    ]
    assert dialog.unplaced.isVisible()
    assert "防溺水" in dialog.outcome.text()
    assert changes == [VISITS]

    _click(dialog.generate_button, qtbot)
    _settle(worker, qtbot)
    assert dialog.placed_model.rows == []
    assert "3" in dialog.outcome.text()  # the three visited on the topic already are counted
    assert len([v for v in visit_rows(db, friday, monday) if v.topic == "防溺水"]) == 3


def test_schools_are_ticked_by_zone_and_a_campaign_needs_a_topic(office, qtbot):
    db, worker = office
    before = len(visit_rows(db, date(2026, 1, 1), date(2027, 12, 31)))
    dialog = _open(TopicVisitsDialog(db, worker, TODAY), qtbot)
    zone = dialog.zone.itemText(2)
    dialog.zone.setCurrentIndex(2)
    dialog.tick_shown(True)
    in_zone = {s.id for s in school_rows(db, TODAY) if s.active and s.zone == zone}
    assert in_zone and dialog.schools_model.checked == in_zone
    assert {s.id for s in dialog.shown_schools()} == in_zone

    _click(dialog.generate_button, qtbot)
    _settle(worker, qtbot)
    assert "请填写专项督导的主题" in dialog.errors.text()
    assert dialog.topic.property("invalid") is True
    assert len(visit_rows(db, date(2026, 1, 1), date(2027, 12, 31))) == before

    dialog.tick_shown(False)
    assert dialog.schools_model.checked == set()


# --- the semester check ----------------------------------------------------------------------


def test_semester_check_lists_shortfalls_and_proposals_and_adds_a_comprehensive_visit(
    office, qtbot, dialog_log
):
    db, worker = office
    rows = {s.name: s for s in school_rows(db, TODAY)}
    dialog = _open(SemesterCheckDialog(db, worker, TODAY), qtbot)
    assert dialog.heading.text().startswith("2026年秋季学期")
    assert not dialog.notice.isVisible()
    short = dialog.short_model.rows
    assert short and all(s.visits < s.required for s in short)
    assert {s.school for s in short} <= {n for n, s in rows.items() if s.active}

    met = next(s for n, s in rows.items() if s.active and n not in {r.school for r in short})
    routine = [
        v.id
        for v in visit_rows(db, date(2026, 9, 1), date(2027, 1, 31))
        if v.school_id == met.id
        and v.kind == VisitKind.ROUTINE
        and v.status != VisitStatus.CANCELLED
    ]
    assert len(routine) >= 2
    set_status(db, routine[1:], VisitStatus.CANCELLED, today=TODAY)
    dialog.refresh()
    _settle(worker, qtbot)
    now_short = {s.school_id: s.visits for s in dialog.short_model.rows}
    assert now_short[met.id] == 1
    assert set(now_short) == {s.school_id for s in short} | {met.id}

    due = {
        n
        for n, s in rows.items()
        if s.active
        and s.principal_term_end
        # the autumn term and the winter break after it
        and date(2026, 9, 1) <= s.principal_term_end <= date(2027, 2, 19)
    }
    assert due and {p.school for p in dialog.proposal_model.rows} == due

    changes = _changes(worker)
    proposal = next(
        p for p in dialog.proposal_model.rows if p.inspector_id is not None and not p.planned_on
    )
    dialog.select_school(proposal.school_id)
    _click(dialog.add_button, qtbot)
    form = dialog.visit_dialog
    assert form is not None and form.isVisible()
    assert form.inspector.currentData() == proposal.inspector_id
    form.day.set_value(date(2026, 12, 18))
    press_ok(form, qtbot)
    _settle(worker, qtbot)

    added = [
        (v.school_id, v.inspector_id, v.status)
        for v in visit_rows(db, date(2026, 12, 18), date(2026, 12, 18))
        if v.kind == VisitKind.COMPREHENSIVE
    ]
    assert added == [(proposal.school_id, proposal.inspector_id, VisitStatus.PLANNED)]
    assert changes == [VISITS]
    planned = {p.school_id: p.planned_on for p in dialog.proposal_model.rows}
    assert planned[proposal.school_id] == date(2026, 12, 18)
    assert dialog_log.messages("ask") == []

    dialog.select_school(proposal.school_id)
    dialog_log.answer = False
    _click(dialog.add_button, qtbot)
    assert "2026-12-18" in dialog_log.messages("ask")[0]
    assert dialog.visit_dialog is form and closed(form)


def test_the_semester_check_prints_a_proposals_comprehensive_inspection_report(office, qtbot):
    db, worker = office
    dialog = _open(SemesterCheckDialog(db, worker, TODAY), qtbot)
    assert not dialog.report_button.isEnabled()
    proposal = dialog.proposal_model.rows[0]
    dialog.select_school(proposal.school_id)
    assert dialog.report_button.isEnabled()
    _click(dialog.report_button, qtbot)
    _settle(worker, qtbot)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    text = "".join(page.extract_text() for page in PdfReader(dialog.preview.path).pages)
    assert f"{proposal.school}综合督导报告" in text.replace("\n", "")
    assert "本届任期" in text


def test_a_proposal_without_a_responsible_inspector_is_refused(office, qtbot, dialog_log):
    db, worker = office
    school_id = save_school(
        db,
        SchoolInput(name="青溪县新区小学", principal="王明", principal_term_end=date(2026, 12, 31)),
    )
    dialog = _open(SemesterCheckDialog(db, worker, TODAY), qtbot)
    dialog.select_school(school_id)
    _click(dialog.add_button, qtbot)
    assert dialog.visit_dialog is None
    warnings = dialog_log.messages("warn")
    assert len(warnings) == 1 and "青溪县新区小学" in warnings[0]


def test_in_the_school_holidays_the_next_semester_is_shown(office, qtbot):
    db, worker = office
    dialog = _open(SemesterCheckDialog(db, worker, date(2026, 8, 10)), qtbot)
    assert dialog.notice.isVisible() and "2026-08-10" in dialog.notice.text()
    assert dialog.heading.text().startswith("2026年秋季学期")
    _click(dialog.earlier, qtbot)
    _settle(worker, qtbot)
    assert dialog.heading.text().startswith("2026年春季学期")
    _click(dialog.later, qtbot)
    _settle(worker, qtbot)
    _click(dialog.later, qtbot)
    _settle(worker, qtbot)
    assert dialog.heading.text().startswith("2027年春季学期")
