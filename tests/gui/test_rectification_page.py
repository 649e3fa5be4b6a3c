"""The 整改 page as the clerk uses it: registering a problem, follow-ups until it is reported to
the office, 销号, the notice with its number, a 回头看 visit, the trail of one problem, the named
filters behind the dashboard's cards, and the complaint register raising a problem."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from core.casework.complaints import complaint_rows
from core.casework.rectification import ProblemInput, add_follow_up, add_problem, problem_rows
from core.enums import ProblemCategory
from core.roster.assignments import assign_schools
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school
from db.engine import Database
from db.models import Visit
from gui.pages.rectification.page import RectificationPage
from gui.widgets.forms import select_data
from gui.widgets.table_model import ALERT_COLOUR
from gui.worker import DbWorker
from tests.conftest import TODAY
from tests.gui.roster_helpers import closed, drain, press_ok, settle, show_read

DAY = timedelta(days=1)
STATUS_COLUMN = 6


@pytest.fixture
def office(sqlite_db: Database) -> dict[str, int]:
    """Two schools in the care of 王老师, and a third without a responsible inspector."""
    ids = {
        "城关第一小学": save_school(sqlite_db, SchoolInput(name="城关第一小学")),
        "城关中学": save_school(sqlite_db, SchoolInput(name="城关中学", kind="junior")),
        "河口幼儿园": save_school(sqlite_db, SchoolInput(name="河口幼儿园", kind="kindergarten")),
    }
    ids["王老师"] = save_inspector(
        sqlite_db, InspectorInput(name="王老师"), appoint_from=date(2025, 9, 1)
    )
    assign_schools(
        sqlite_db, ids["王老师"], [ids["城关第一小学"], ids["城关中学"]], date(2025, 9, 1)
    )
    return ids


@pytest.fixture
def open_page(qtbot, sqlite_db: Database, dialog_log) -> Iterator:
    """Opens the page on the office's database, shown and read; drains the worker at the end."""
    pages: list[RectificationPage] = []

    def open_on() -> RectificationPage:
        page = show_read(qtbot, RectificationPage(sqlite_db, DbWorker(), lambda: TODAY), 1300, 700)
        pages.append(page)
        return page

    yield open_on
    for page in pages:
        drain(page.worker)


def problem(school_id: int, **changes) -> ProblemInput:
    fields: dict[str, Any] = {
        "school_id": school_id,
        "found_on": TODAY - 20 * DAY,
        "category": ProblemCategory.GENERAL.value,
        "description": "食堂留样记录不全",
        "requirement": "deadline",
        "deadline": TODAY - 10 * DAY,
    }
    return ProblemInput(**(fields | changes))


def visible(page) -> list[str]:
    return [row.description for row in page.visible_rows()]


def status_cell(page, problem_id: int) -> tuple[str, bool]:
    """What the Status column shows for a problem, and whether it is in the alert colour."""
    for proxy_row, row in enumerate(page.visible_rows()):
        if row.id == problem_id:
            index = page.proxy.index(proxy_row, STATUS_COLUMN)
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            return index.data(), brush is not None and brush.color() == ALERT_COLOUR
    raise AssertionError(f"problem {problem_id} is not shown")


def follow_up(page, qtbot, problem_id: int, day: date, outcome: str, result: str = "") -> None:
    page.select_ids([problem_id])
    page.follow_up()
    dialog = page.dialog
    dialog.day.set_value(day)
    select_data(dialog.outcome, outcome)
    dialog.findings.setPlainText(result)
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)


def test_a_problem_registered_and_followed_up_twice_is_reported(
    open_page, office, sqlite_db, qtbot, qtmodeltester
):
    page = open_page()
    page.add_problem()
    dialog = page.dialog
    select_data(dialog.school, office["城关中学"])
    dialog.found_on.set_value(TODAY - 14 * DAY)
    select_data(dialog.category, "key")
    dialog.description.setPlainText("课后服务收费未按规定公示")
    dialog.deadline.set_value(TODAY - 7 * DAY)
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)

    assert visible(page) == ["课后服务收费未按规定公示"]
    row = page.visible_rows()[0]
    assert (row.school, row.inspector, row.category_label) == ("城关中学", "王老师", "重点问题")
    qtmodeltester.check(page.model)
    text, alert = status_cell(page, row.id)
    assert text.startswith("待整改") and alert

    follow_up(page, qtbot, row.id, TODAY - 6 * DAY, "not_fixed", "尚未公示")
    assert page.model.rows[0].status_label == "待整改"
    follow_up(page, qtbot, row.id, TODAY - DAY, "in_progress", "公示栏正在制作")
    reported = page.model.rows[0]
    assert (reported.status_label, reported.escalated_on) == ("已上报", TODAY - DAY)
    assert status_cell(page, row.id)[0].startswith("已上报")

    qtbot.waitUntil(lambda: page.trail is not None and len(page.trail.events) == 4)
    last = page.trail.events[-1].text
    assert last == "经 2 次复查仍未整改，列为重点问题，上报督导部门"
    page.apply_filter("escalated")
    assert visible(page) == ["课后服务收费未按规定公示"]


def test_a_deadline_before_the_finding_keeps_the_dialog_open(open_page, office, sqlite_db, qtbot):
    page = open_page()
    page.add_problem()
    dialog = page.dialog
    dialog.description.setPlainText("消防通道堆放杂物")
    dialog.found_on.set_value(TODAY)
    dialog.deadline.set_value(TODAY - DAY)
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.errors.text() == "“整改期限”不能早于发现日期（2026-11-02）"
    assert dialog.deadline.property("invalid") is True
    assert problem_rows(sqlite_db, TODAY) == []

    select_data(dialog.requirement, "immediate")
    assert not dialog.deadline.isEnabled()
    press_ok(dialog, qtbot)
    assert closed(dialog)
    assert problem_rows(sqlite_db, TODAY)[0].deadline == TODAY


def test_a_fixed_problem_is_verified_and_leaves_the_open_list(open_page, office, sqlite_db, qtbot):
    problem_id = add_problem(sqlite_db, problem(office["城关第一小学"]))
    page = open_page()
    page.select_ids([problem_id])
    assert not page.verify_button.isEnabled() and page.escalate_button.isEnabled()
    follow_up(page, qtbot, problem_id, TODAY - 2 * DAY, "fixed", "已补齐留样记录")
    page.apply_filter("all")
    page.select_ids([problem_id])
    assert page.verify_button.isEnabled() and not page.follow_up_button.isEnabled()

    page.verify()
    dialog = page.dialog
    dialog.day.set_value(TODAY - 3 * DAY)
    press_ok(dialog, qtbot)
    assert dialog.errors.text() == "“销号日期”不能早于整改完成日期（2026-10-31）"
    dialog.day.set_value(TODAY)
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(page, qtbot)
    assert page.model.rows[0].status_label == "已销号"
    page.apply_filter("open")
    assert visible(page) == []


def test_deleting_a_follow_up_from_the_trail_reopens_the_problem(
    open_page, office, sqlite_db, qtbot, dialog_log
):
    problem_id = add_problem(sqlite_db, problem(office["城关第一小学"]))
    add_follow_up(sqlite_db, problem_id, day=TODAY - 5 * DAY, outcome="not_fixed", result="")
    add_follow_up(sqlite_db, problem_id, day=TODAY - 2 * DAY, outcome="not_fixed", result="")
    page = open_page()
    assert page.model.rows[0].escalated
    page.select_ids([problem_id])
    qtbot.waitUntil(lambda: page.trail is not None and page.trail_model.rowCount() == 4)
    assert not page.delete_follow_up_button.isEnabled()
    page.trail_view.selectRow(2)
    assert page.delete_follow_up_button.isEnabled()
    page.delete_follow_up()
    settle(page, qtbot)
    assert len(dialog_log.messages("ask")) == 1
    assert page.model.rows[0].status_label == "待整改"
    assert page.model.rows[0].follow_ups == 1


def test_a_notice_is_numbered_once_and_printed(open_page, office, sqlite_db, qtbot):
    first = add_problem(sqlite_db, problem(office["城关第一小学"]))
    second = add_problem(sqlite_db, problem(office["城关第一小学"], description="消防器材过期"))
    other = add_problem(sqlite_db, problem(office["城关中学"], description="作业量偏大"))
    page = open_page()
    page.apply_filter("all")
    page.select_ids([first, other])
    assert not page.notice_button.isEnabled()
    page.select_ids([first, second])
    assert page.notice_button.isEnabled()
    page.issue_notice()
    dialog = page.dialog
    dialog.day.set_value(TODAY)
    press_ok(dialog, qtbot)
    assert "整改期限早于通知日期" in dialog.errors.text(), "the deadlines of 10 days ago"
    dialog.day.set_value(TODAY - 15 * DAY)
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    numbers = {r.id: r.notice_no for r in problem_rows(sqlite_db, TODAY)}
    assert numbers == {first: "督整〔2026〕1号", second: "督整〔2026〕1号", other: ""}
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=20_000)
    text = "".join(p.extract_text() for p in PdfReader(page.preview.path).pages)
    assert "城关第一小学" in text


def test_a_recheck_visit_goes_to_the_responsible_inspector(open_page, office, sqlite_db, qtbot):
    problem_id = add_problem(sqlite_db, problem(office["城关中学"]))
    page = open_page()
    page.select_ids([problem_id])
    page.plan_recheck()
    dialog = page.dialog
    dialog.day.set_value(TODAY + 3 * DAY)
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    with sqlite_db.session() as session:
        visit = session.scalars(select(Visit)).one()
        assert (visit.kind, visit.inspector_id, visit.problem_id) == (
            "recheck",
            office["王老师"],
            problem_id,
        )
    qtbot.waitUntil(lambda: page.trail is not None and page.trail.events[-1].kind == "recheck")
    assert page.trail.events[-1].text == "回头看（王老师，计划）"


def test_the_named_filters_show_what_the_dashboard_promises(open_page, office, sqlite_db, qtbot):
    school = office["城关第一小学"]
    add_problem(sqlite_db, problem(school, description="逾期未改"))
    add_problem(sqlite_db, problem(school, description="未到期", deadline=TODAY + 5 * DAY))
    add_problem(
        sqlite_db, problem(school, description="严重问题", category="serious", deadline=TODAY)
    )
    fixed = add_problem(sqlite_db, problem(school, description="已整改"))
    add_follow_up(sqlite_db, fixed, day=TODAY - DAY, outcome="fixed", result="")
    page = open_page()
    assert sorted(visible(page)) == sorted(["逾期未改", "未到期", "严重问题"])
    page.apply_filter("overdue")
    assert visible(page) == ["逾期未改"]
    page.apply_filter("escalated")
    assert visible(page) == ["严重问题"]
    page.apply_filter("fixed")
    assert visible(page) == ["已整改"]
    page.apply_filter("all")
    assert len(visible(page)) == 4
    page.tabs.setCurrentIndex(1)
    page.apply_filter("open")
    assert page.tabs.currentIndex() == 0


def test_a_complaint_is_registered_verified_and_raises_a_problem(
    open_page, office, sqlite_db, qtbot
):
    page = open_page()
    page.tabs.setCurrentIndex(1)
    complaints = page.complaints
    qtbot.waitUntil(lambda: complaints.choices is not None and not page.worker.busy)
    complaints.add_complaint()
    dialog = complaints.dialog
    select_data(dialog.school, office["城关中学"])
    assert dialog.inspector.currentText() == "王老师"
    select_data(dialog.school, office["河口幼儿园"])
    assert dialog.inspector.currentData() == 0
    press_ok(dialog, qtbot)
    assert dialog.errors.text() == "“投诉内容”不能为空"
    select_data(dialog.school, office["城关中学"])
    dialog.content.setPlainText("家长反映学校周六组织集体补课")
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    row = complaints.visible_rows()[0]
    assert (row.from_label, row.state.label, row.inspector) == ("匿名", "待核实", "王老师")

    complaints.select_ids([row.id])
    complaints.raise_problem()
    form = complaints.dialog
    assert not form.school.isEnabled() and form.school.currentText() == "城关中学"
    form.description.setPlainText("违规组织集体补课")
    select_data(form.requirement, "immediate")
    press_ok(form, qtbot)
    assert closed(form), form.errors.text()
    settle(page, qtbot)
    assert complaint_rows(sqlite_db)[0].problems == 1
    raised = problem_rows(sqlite_db, TODAY)[0]
    assert (raised.school, raised.source, raised.complaint_id) == ("城关中学", "投诉", row.id)
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: visible(page) == ["违规组织集体补课"], timeout=10_000)


def test_two_edit_forms_on_one_problem_never_overwrite_each_other(
    open_page, office, sqlite_db, qtbot
):
    problem_id = add_problem(sqlite_db, problem(office["城关中学"]))
    page = open_page()
    page.select_ids([problem_id])
    page.edit_problem()
    first = page.dialog
    page.edit_problem()
    second = page.dialog
    assert first is not second
    first.note.setText("校长已签收通知书")
    press_ok(first, qtbot)
    assert closed(first), first.errors.text()
    second.description.setPlainText("食堂留样记录不全，无专人负责")
    press_ok(second, qtbot)
    assert second.isVisible(), "the second form stays open with what was typed"
    assert "已被他人修改" in second.errors.text()
    assert "备注：现在是“校长已签收通知书”，您填的是“（空）”" in second.errors.text()
    assert second.description.toPlainText() == "食堂留样记录不全，无专人负责"
    [stored] = problem_rows(sqlite_db, TODAY)
    assert (stored.description, stored.note) == ("食堂留样记录不全", "校长已签收通知书")


def test_a_supervision_notice_and_an_interview_join_the_trail(
    open_page, office, sqlite_db, qtbot, dialog_log
):
    late = add_problem(sqlite_db, problem(office["城关中学"]))  # its deadline passed 10 days ago
    page = open_page()
    page.select_ids([late])
    page.take_action()
    dialog = page.dialog
    assert not dialog.form.isRowVisible(dialog.subjects), "a 督办 names no one talked to"
    dialog.deadline.set_value(TODAY + 7 * DAY)
    dialog.content.setPlainText("逾期未整改")
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=20_000)
    text = "".join(p.extract_text() for p in PdfReader(page.preview.path).pages)
    assert "督办〔2026〕1号" in text and "督办通知" in text
    row = next(r for r in problem_rows(sqlite_db, TODAY) if r.id == late)
    assert row.deadline == TODAY + 7 * DAY and row.supervised

    page.take_action("interview")
    dialog = page.dialog
    assert dialog.form.isRowVisible(dialog.subjects) and dialog.form.isRowVisible(dialog.place)
    press_ok(dialog, qtbot)
    assert "请填写“约谈对象”" in dialog.errors.text(), "no 约谈 without its written record"
    dialog.subjects.setText("校长")
    dialog.officials.setText("督导室主任")
    dialog.content.setPlainText("校长说明原因，承诺一周内整改。")
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.trail is not None and page.trail_model.rowCount() == 3)
    texts = [e.text for e in page.trail.events]
    assert texts[1].startswith("督办通知 督办〔2026〕1号，整改期限改为")
    assert texts[2] == "约谈（约谈对象：校长；约谈人：督导室主任）：校长说明原因，承诺一周内整改"
    page.trail_view.selectRow(2)
    assert page.delete_action_button.isEnabled() and not page.delete_follow_up_button.isEnabled()
    page.delete_action()
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.trail is not None and page.trail_model.rowCount() == 2)
