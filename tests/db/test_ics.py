"""An inspector's month as an iCalendar file, on both engines, read back with ``icalendar`` as a
phone calendar would: one all-day event per visit on the calendar (companion visits included,
cancelled and postponed ones as STATUS:CANCELLED, other months left out), the Chinese text
intact, UIDs stable between exports and SEQUENCE rising with changes, an optional reminder the
evening before, an empty month refused, every inspector's file into a folder at once, CRLF line
ends and lines folded to at most 75 octets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from core.calendar.ics import export_month_ics, inspector_month_ics, visit_uid
from core.calendar.visits import VisitInput, add_visit, move_visit, set_status
from core.enums import VisitKind, VisitStatus
from core.errors import ValidationError
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school
from db.models import Visit

ADDRESS = "青溪县龙泉镇人民路一百二十三号（镇政府东侧三百米，公交龙泉镇中心小学站下车即到）"


@dataclass(frozen=True)
class Month:
    wang: int
    li: int
    routine: int
    special: int
    along: int
    cancelled: int
    postponed: int


@pytest.fixture
def month(db) -> Month:
    """王建国's November: a routine visit, a 双减 visit with 李丽, a visit of 李丽's he goes
    along on, one cancelled, one postponed and one in December."""
    wang = save_inspector(db, InspectorInput("王建国"), appoint_from=date(2025, 9, 1))
    li = save_inspector(db, InspectorInput("李丽"), appoint_from=date(2025, 9, 1))
    longquan = save_school(db, SchoolInput("龙泉镇中心小学", address=ADDRESS))
    east = save_school(db, SchoolInput("东关幼儿园", kind="kindergarten"))
    routine = add_visit(db, VisitInput(date(2026, 11, 10), longquan, wang, note="先看食堂"))
    special = add_visit(
        db,
        VisitInput(
            date(2026, 11, 18),
            east,
            wang,
            kind=VisitKind.SPECIAL.value,
            topic="双减",
            companion_ids=(li,),
        ),
    )
    along = add_visit(db, VisitInput(date(2026, 11, 24), longquan, li, companion_ids=(wang,)))
    set_status(db, [special], VisitStatus.CONFIRMED.value, today=date(2026, 11, 2))
    gone = [
        add_visit(db, VisitInput(date(2026, 11, 12), east, wang)),
        add_visit(db, VisitInput(date(2026, 11, 13), east, wang)),
    ]
    set_status(db, gone[:1], VisitStatus.CANCELLED.value, today=date(2026, 11, 2))
    set_status(db, gone[1:], VisitStatus.POSTPONED.value, today=date(2026, 11, 2))
    add_visit(db, VisitInput(date(2026, 12, 1), east, wang))
    add_visit(db, VisitInput(date(2026, 11, 11), east, li))  # 李丽's alone
    return Month(wang, li, routine, special, along, *gone)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def uid(db, visit_id: int) -> str:
    with db.session() as session:
        return visit_uid(session.get(Visit, visit_id).uid)


def active(data: bytes) -> list:
    return [e for e in events(data) if str(e["STATUS"]) != "CANCELLED"]


def test_one_all_day_event_per_visit_with_the_chinese_text(db, month):
    data = inspector_month_ics(db, month.wang, 2026, 11)
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "王建国 2026年11月督导安排"
    found = active(data)
    assert [e.decoded("DTSTART") for e in found] == [
        date(2026, 11, 10),
        date(2026, 11, 18),
        date(2026, 11, 24),
    ]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(days=1) for e in found)
    assert all(type(e.decoded("DTSTART")) is date for e in found), "all-day, no time of day"
    assert [str(e["SUMMARY"]) for e in found] == [
        "督导：龙泉镇中心小学（经常性督导）",
        "督导：东关幼儿园（专项督导）",
        "督导：龙泉镇中心小学（经常性督导）",
    ]
    assert [str(e.get("LOCATION", "")) for e in found] == [ADDRESS, "", ADDRESS]
    assert [str(e["DESCRIPTION"]).splitlines() for e in found] == [
        ["状态：计划", "备注：先看食堂"],
        ["状态：已确认", "主题：双减", "同行督学：李丽"],
        ["状态：计划", "带队督学：李丽"],
    ]
    assert [str(e["STATUS"]) for e in found] == ["TENTATIVE", "CONFIRMED", "TENTATIVE"]
    assert [str(e["UID"]) for e in found] == [
        uid(db, month.routine),
        uid(db, month.special),
        uid(db, month.along),
    ]
    stamp = found[0].decoded("DTSTAMP")
    assert stamp.tzinfo is not None and stamp.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - stamp) < timedelta(minutes=5)


def test_the_companion_sees_the_visit_too_and_uids_stay_the_same(db, month):
    first = {str(e["UID"]) for e in events(inspector_month_ics(db, month.wang, 2026, 11))}
    again = {str(e["UID"]) for e in events(inspector_month_ics(db, month.wang, 2026, 11))}
    assert first == again
    theirs = active(inspector_month_ics(db, month.li, 2026, 11))
    assert [e.decoded("DTSTART") for e in theirs] == [
        date(2026, 11, 11),
        date(2026, 11, 18),
        date(2026, 11, 24),
    ]
    assert "带队督学：王建国" in str(theirs[1]["DESCRIPTION"])
    assert str(theirs[2]["UID"]) == uid(db, month.along)


def test_the_file_has_crlf_line_ends_and_folded_lines(db, month):
    data = inspector_month_ics(db, month.wang, 2026, 11)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "the long address is folded"
    data.decode("utf-8")  # folding never cuts a character in two
    assert lines[0] == b"BEGIN:VCALENDAR" and b"VERSION:2.0" in lines


def test_a_month_without_visits_is_refused_rather_than_an_empty_calendar(db, month, tmp_path):
    with pytest.raises(ValidationError, match="王建国2027年1月没有督导安排"):
        inspector_month_ics(db, month.wang, 2027, 1)
    with pytest.raises(ValidationError, match="没有督导安排"):
        export_month_ics(db, 2027, 1, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cancelled_and_postponed_visits_are_cancelled_on_the_phone(db, month):
    found = {str(e["UID"]): e for e in events(inspector_month_ics(db, month.wang, 2026, 11))}
    for visit_id, word in ((month.cancelled, "已取消"), (month.postponed, "已延期")):
        event = found[uid(db, visit_id)]
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["SUMMARY"]).startswith(word)
        assert event.decoded("SEQUENCE") >= 1  # the status change raised it


def test_sequence_rises_when_a_visit_changes_and_its_uid_stays(db, month):
    def routine_event():
        data = inspector_month_ics(db, month.wang, 2026, 11)
        return next(e for e in events(data) if str(e["UID"]) == uid(db, month.routine))

    before = routine_event()
    move_visit(db, month.routine, date(2026, 11, 17))
    after = routine_event()
    assert after.decoded("SEQUENCE") > before.decoded("SEQUENCE")
    assert after.decoded("DTSTART") == date(2026, 11, 17)


def test_a_reminder_goes_off_the_evening_before(db, month):
    data = inspector_month_ics(db, month.wang, 2026, 11, reminder=True)
    [alarm, *_] = active(data)[0].walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(hours=6)
    assert str(alarm["DESCRIPTION"]) == "明天督导：龙泉镇中心小学"
    assert not [e for e in events(data) if str(e["STATUS"]) == "CANCELLED" and e.walk("VALARM")]
    assert not events(inspector_month_ics(db, month.wang, 2026, 11))[0].walk("VALARM")


def test_every_inspectors_month_goes_into_a_folder_one_file_each(db, month, tmp_path):
    written = export_month_ics(db, 2026, 11, tmp_path / "十一月")
    assert [(f.inspector, f.path.name, f.events) for f in written] == [
        ("李丽", "李丽-202611督导安排.ics", 3),
        ("王建国", "王建国-202611督导安排.ics", 5),
    ]
    assert all(events(f.path.read_bytes()) for f in written)
    one = export_month_ics(db, 2026, 11, tmp_path / "wang.ics", inspector="王建国")
    assert [f.path for f in one] == [tmp_path / "wang.ics"]
    with pytest.raises(ValidationError, match="找不到名为“张三”的督学"):
        export_month_ics(db, 2026, 11, tmp_path, inspector="张三")


def test_an_inspector_who_is_gone_or_a_bad_month_is_refused(db, month):
    with pytest.raises(ValidationError, match="找不到这名督学"):
        inspector_month_ics(db, month.li + 100, 2026, 11)
    with pytest.raises(ValidationError, match="不是有效的月份"):
        inspector_month_ics(db, month.wang, 2026, 13)
