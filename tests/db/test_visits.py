"""Visits on both engines: adding, editing and moving (the generator's mark goes), status
changes (done only once the day has come), records (the visit becomes done; bad records are
refused whole), attachments copied into the data folder, the office's inspection items, and the
semester, month and dashboard figures."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core.attachments import add_attachment, attachment_rows, remove_attachment
from core.calendar.progress import (
    month_progress,
    semester_coverage,
    unvisited_schools,
    visit_figures,
)
from core.calendar.records import RecordInput, record_of, save_record
from core.calendar.visits import (
    DEFAULT_INSPECTION_ITEMS,
    VisitInput,
    add_visit,
    delete_visit,
    delete_visits,
    load_inspection_items,
    move_visit,
    move_visits,
    save_inspection_items,
    set_status,
    update_visit,
    visit_rows,
)
from core.enums import COMPULSORY_KINDS, InspectionMethod, SixMinimum, VisitKind, VisitStatus
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import load_six_minimum_kinds, save_settings
from core.roster.assignments import assign_schools
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school, save_zone
from db.models import Attachment, Visit
from tests.db.attachment_helpers import opened_bytes, stored_digests

TODAY = date(2026, 11, 18)
RECORD = RecordInput(
    items=(DEFAULT_INSPECTION_ITEMS[0], DEFAULT_INSPECTION_ITEMS[7]),
    methods=(InspectionMethod.TOUR.value, InspectionMethod.LESSON.value),
    six_minimum=(SixMinimum.HOMEWORK.value, SixMinimum.CLASS.value),
    findings="校园整洁，课堂秩序良好",
    problems="消防通道堆放杂物",
    advice="立即清理",
    feedback="已向校长当面反馈",
)


@pytest.fixture
def office(db):
    """Two schools in one zone, both covered by 王明 since September; 李华 goes along."""
    save_zone(db, "城区")
    east = save_school(db, SchoolInput("东关小学", zone="城区"))
    west = save_school(db, SchoolInput("西街小学", zone="城区"))
    lonely = save_school(db, SchoolInput("南山幼儿园", kind="kindergarten"))
    wang = save_inspector(db, InspectorInput("王明"), appoint_from=date(2026, 9, 1))
    li = save_inspector(db, InspectorInput("李华"), appoint_from=date(2026, 9, 1))
    assign_schools(db, wang, [east, west], date(2026, 9, 1))
    return {"db": db, "east": east, "west": west, "lonely": lonely, "wang": wang, "li": li}


def read(db, visit_id: int) -> Visit:
    with db.session() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        session.expunge(visit)
        return visit


def test_a_visit_added_edited_and_moved_is_the_clerks_own(office):
    db = office["db"]
    visit_id = add_visit(
        db,
        VisitInput(
            date(2026, 11, 20),
            office["east"],
            office["wang"],
            VisitKind.SPECIAL.value,
            topic=" 双减 ",
            companion_ids=(office["li"],),
        ),
    )
    [row] = visit_rows(db, date(2026, 11, 1), date(2026, 11, 30))
    assert (row.school, row.inspector, row.companions, row.kind_label, row.status_label) == (
        "东关小学",
        "王明",
        "李华",
        "专项督导（双减）",
        "计划",
    )
    assert row.zone == "城区" and not row.generated and not row.has_record

    with db.session() as session:
        session.get(Visit, visit_id).generated = True
    move_visit(db, visit_id, date(2026, 11, 24))
    moved = read(db, visit_id)
    assert moved.visit_date == date(2026, 11, 24) and not moved.generated

    update_visit(db, visit_id, VisitInput(date(2026, 11, 25), office["west"], office["wang"]))
    [row] = visit_rows(db, date(2026, 11, 1), date(2026, 11, 30))
    assert (row.day, row.school, row.kind_label, row.companions) == (
        date(2026, 11, 25),
        "西街小学",
        "经常性督导",
        "",
    )


def test_bad_visits_are_refused_with_the_field_named(office):
    db = office["db"]
    with pytest.raises(ValidationError) as caught:
        add_visit(
            db,
            VisitInput(
                TODAY,
                office["east"],
                office["wang"],
                VisitKind.SPECIAL.value,
                companion_ids=(office["wang"],),
            ),
        )
    assert {e.label for e in caught.value.errors} == {"专项主题", "同行督学"}
    with pytest.raises(ValidationError, match="找不到这所学校"):
        add_visit(db, VisitInput(TODAY, 9999, office["wang"]))
    assert visit_rows(db, date(2026, 1, 1), date(2026, 12, 31)) == []


def test_a_visit_is_done_only_once_its_day_has_come(office):
    db = office["db"]
    past = add_visit(db, VisitInput(date(2026, 11, 16), office["east"], office["wang"]))
    future = add_visit(db, VisitInput(date(2026, 11, 26), office["west"], office["wang"]))
    with pytest.raises(ValidationError, match="2026-11-26 西街小学 的督导还没到日子"):
        set_status(db, [past, future], VisitStatus.DONE.value, today=TODAY)
    assert read(db, past).status == "planned", "nothing changes when one cannot"
    assert set_status(db, [past], VisitStatus.DONE.value, today=TODAY) == 1
    assert set_status(db, [future], VisitStatus.POSTPONED.value, today=TODAY) == 1
    assert (read(db, past).status, read(db, future).status) == ("done", "postponed")
    with pytest.raises(ValidationError, match="已完成的督导不能改日期"):
        move_visit(db, past, date(2026, 11, 17))


def test_a_record_marks_the_visit_done_and_reads_back(office):
    db = office["db"]
    visit_id = add_visit(db, VisitInput(date(2026, 11, 16), office["east"], office["wang"]))
    save_record(db, visit_id, RECORD, today=TODAY)
    view = record_of(db, visit_id)
    assert view.status == "done" and view.school == "东关小学"
    assert view.record == RecordInput(**{**RECORD.__dict__, "filed_on": TODAY})
    [row] = visit_rows(db, date(2026, 11, 1), date(2026, 11, 30))
    assert row.has_record and row.filed_on == TODAY and row.status_label == "已完成"

    corrected = RecordInput(items=RECORD.items, findings="复核后更正", filed_on=date(2026, 11, 17))
    save_record(db, visit_id, corrected, today=TODAY)
    assert record_of(db, visit_id).record == corrected


def test_bad_records_are_refused_whole(office):
    db = office["db"]
    future = add_visit(db, VisitInput(date(2026, 11, 26), office["east"], office["wang"]))
    with pytest.raises(ValidationError, match="还没到日子"):
        save_record(db, future, RECORD, today=TODAY)
    past = add_visit(db, VisitInput(date(2026, 11, 16), office["west"], office["wang"]))
    bad = RecordInput(methods=("dance",), filed_on=date(2026, 11, 15))
    with pytest.raises(ValidationError) as caught:
        save_record(db, past, bad, today=TODAY)
    assert {e.label for e in caught.value.errors} == {"督导方式", "归档日期"}
    with pytest.raises(ValidationError, match="记录是空的"):
        save_record(db, past, RecordInput(), today=TODAY)
    assert record_of(db, past).record is None and read(db, past).status == "planned"


def test_attachments_are_stored_and_removed_with_their_content(office, tmp_path):
    db = office["db"]
    visit_id = add_visit(db, VisitInput(date(2026, 11, 16), office["east"], office["wang"]))
    source = tmp_path / "现场照片.jpg"
    source.write_bytes(b"\xff\xd8\xff photo")
    attachment_id = add_attachment(db, source, today=TODAY, visit_id=visit_id)
    source.unlink()
    [row] = attachment_rows(db, visit_id=visit_id)
    assert row.file_name == "现场照片.jpg"
    assert opened_bytes(db, row.id) == b"\xff\xd8\xff photo"
    assert record_of(db, visit_id).attachments == [row]
    remove_attachment(db, attachment_id)
    assert stored_digests(db) == set() and attachment_rows(db, visit_id=visit_id) == []
    with pytest.raises(ValidationError, match="无法读取文件"):
        add_attachment(db, tmp_path / "不存在.pdf", today=TODAY, visit_id=visit_id)


def test_deleting_a_visit_takes_its_record_and_attachments(office, tmp_path):
    db = office["db"]
    visit_id = add_visit(db, VisitInput(date(2026, 11, 16), office["east"], office["wang"]))
    save_record(db, visit_id, RECORD, today=TODAY)
    source = tmp_path / "a.txt"
    source.write_text("记录")
    add_attachment(db, source, today=TODAY, visit_id=visit_id)
    add_attachment(db, source, today=TODAY, visit_id=visit_id)  # the same content twice
    assert len(stored_digests(db)) == 1
    delete_visit(db, visit_id)
    with db.session() as session:
        assert session.scalars(select(Attachment)).all() == []
    assert visit_rows(db, date(2026, 11, 1), date(2026, 11, 30)) == []
    assert stored_digests(db) == set(), "the content goes with the visit"


def test_deleting_a_visit_keeps_content_another_visit_shares(office, tmp_path):
    db = office["db"]
    gone = add_visit(db, VisitInput(date(2026, 11, 16), office["east"], office["wang"]))
    kept = add_visit(db, VisitInput(date(2026, 11, 17), office["west"], office["wang"]))
    source = tmp_path / "a.txt"
    source.write_text("记录")
    add_attachment(db, source, today=TODAY, visit_id=gone)
    add_attachment(db, source, today=TODAY, visit_id=kept)
    assert len(stored_digests(db)) == 1, "the same content is stored once"
    delete_visit(db, gone)
    [shared] = attachment_rows(db, visit_id=kept)
    assert opened_bytes(db, shared.id) == "记录".encode()
    delete_visit(db, kept)
    assert attachment_rows(db, visit_id=kept) == [] and stored_digests(db) == set()


def test_the_offices_inspection_items_can_be_edited(db):
    assert load_inspection_items(db) == list(DEFAULT_INSPECTION_ITEMS)
    assert save_inspection_items(db, [" 安全 ", "", "食堂"]) == ["安全", "食堂"]
    assert load_inspection_items(db) == ["安全", "食堂"]
    with pytest.raises(ValidationError, match="“安全”重复了"):
        save_inspection_items(db, ["安全", "安全"])
    with pytest.raises(ValidationError, match="至少要有一项"):
        save_inspection_items(db, [" "])
    assert load_inspection_items(db) == ["安全", "食堂"]


def test_only_schools_of_compulsory_education_are_asked_for_the_six_minimums(office):
    """双减: the 六个至少 are done "per school per semester" in compulsory education; a
    kindergarten or a 高中 with none of them is not short, a 初中 or a 完全中学 is."""
    db = office["db"]
    save_school(db, SchoolInput("城关中学", kind="junior"))
    save_school(db, SchoolInput("第一高级中学", kind="senior"))
    save_school(db, SchoolInput("实验完全中学", kind="complete_secondary"))
    save_settings(db, office_name="督导室", policy=PolicyProfile(routine_visits_per_semester=0))
    visit = add_visit(db, VisitInput(date(2026, 11, 16), office["lonely"], office["wang"]))
    save_record(db, visit, RecordInput(findings="保教规范"), today=TODAY)

    by_school = {r.school: r for r in semester_coverage(db, TODAY)[1]}
    for name in ("南山幼儿园", "第一高级中学"):
        assert not by_school[name].six_asked
        assert (by_school[name].six_missing, by_school[name].short) == ([], False)
    for name in ("城关中学", "实验完全中学"):
        assert by_school[name].six_missing == [m.label for m in SixMinimum]
        assert by_school[name].short
    assert not record_of(db, visit).six_asked
    east = add_visit(db, VisitInput(date(2026, 11, 17), office["east"], office["wang"]))
    assert record_of(db, east).six_asked

    asked = [*COMPULSORY_KINDS, "senior"]
    save_settings(db, office_name="督导室", policy=PolicyProfile(), six_minimum_kinds=asked)
    assert load_six_minimum_kinds(db) == frozenset(asked)
    by_school = {r.school: r for r in semester_coverage(db, TODAY)[1]}
    assert by_school["第一高级中学"].short, "an office may ask its 高中 too"
    with pytest.raises(ValidationError, match="“六个至少”适用的学校类别不能是“college”"):
        save_settings(
            db, office_name="督导室", policy=PolicyProfile(), six_minimum_kinds=["college"]
        )
    assert load_six_minimum_kinds(db) == frozenset(asked)


def test_semester_month_and_dashboard_figures(office):
    db = office["db"]
    east, west, wang = office["east"], office["west"], office["wang"]
    september = add_visit(db, VisitInput(date(2026, 9, 15), east, wang))
    save_record(db, september, RECORD, today=TODAY)
    november = add_visit(db, VisitInput(date(2026, 11, 16), east, wang))
    save_record(
        db,
        november,
        RecordInput(findings="好", six_minimum=(SixMinimum.REPORT.value,)),
        today=TODAY,
    )
    add_visit(db, VisitInput(date(2026, 11, 20), west, wang))
    old_done = add_visit(db, VisitInput(date(2026, 11, 2), west, wang, VisitKind.FOLLOW_UP.value))
    set_status(db, [old_done], VisitStatus.DONE.value, today=TODAY)

    semester, rows = semester_coverage(db, TODAY)
    assert semester.name == "2026年秋季学期"
    by_school = {r.school: r for r in rows}
    assert (by_school["东关小学"].routine_done, by_school["东关小学"].routine_short) == (2, False)
    assert by_school["东关小学"].six_missing == ["观摩课后服务", "参加备课", "组织座谈"]
    assert (by_school["西街小学"].routine_done, by_school["西街小学"].routine_on_calendar) == (0, 1)
    assert by_school["西街小学"].routine_short and by_school["西街小学"].inspector == "王明"
    assert by_school["南山幼儿园"].inspector == ""

    [month] = month_progress(db, 2026, 11, TODAY)
    assert (month.inspector, month.planned, month.done, month.schools, month.schools_visited) == (
        "王明",
        3,
        2,
        2,
        2,
    )

    assert visit_figures(db, TODAY).unvisited_this_month == 0
    set_status(db, [old_done], VisitStatus.CANCELLED.value, today=TODAY)
    [west_row] = unvisited_schools(db, TODAY)
    assert (west_row.school, west_row.inspector, west_row.next_visit) == (
        "西街小学",
        "王明",
        date(2026, 11, 20),
    )
    figures = visit_figures(db, TODAY)
    assert (figures.due_this_week, figures.unvisited_this_month) == (1, 1)
    assert (figures.unvisited_unplanned, figures.records_missing) == (0, 0)
    unrecorded = add_visit(db, VisitInput(date(2026, 11, 10), west, wang))
    set_status(db, [unrecorded], VisitStatus.DONE.value, today=TODAY)
    figures = visit_figures(db, TODAY)
    assert (figures.unvisited_this_month, figures.records_missing) == (0, 1)


def test_moving_or_deleting_several_visits_is_all_or_nothing(office, tmp_path):
    db = office["db"]
    first = add_visit(db, VisitInput(date(2026, 11, 16), office["east"], office["wang"]))
    done = add_visit(db, VisitInput(date(2026, 11, 17), office["west"], office["wang"]))
    last = add_visit(db, VisitInput(date(2026, 11, 19), office["east"], office["wang"]))
    set_status(db, [done], VisitStatus.DONE.value, today=TODAY)
    with pytest.raises(ValidationError, match="已完成的督导不能改日期"):
        move_visits(db, [first, done, last], date(2026, 11, 20))
    assert [read(db, v).visit_date.day for v in (first, done, last)] == [16, 17, 19]

    with pytest.raises(ValidationError, match="找不到这次督导"):
        delete_visits(db, [first, last, 999_999])
    assert read(db, first).id == first and read(db, last).id == last

    move_visits(db, [first, last], date(2026, 11, 20))
    assert [read(db, v).visit_date.day for v in (first, last)] == [20, 20]
    delete_visits(db, [first, last])
    with db.session() as session:
        assert session.scalars(select(Visit.id)).all() == [done]
