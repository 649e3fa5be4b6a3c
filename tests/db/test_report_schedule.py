"""督导工作安排表 from the demo office with its month planned by the generator: every visit on
the calendar is listed under its inspector (and companions), cancelled and postponed ones are
not, every page says the plan is internal, the zone and inspector filters keep only what they
name, a crowded day shows "…等 N 项" in its cell, days off are shaded and marked, hostile names
print literally, and bad options are refused in Chinese."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.calendar.visits import VisitRow, visit_rows
from core.enums import ACTIVE_STATUSES
from core.errors import ValidationError
from core.office.workdays import WorkCalendar, set_day
from core.reports import write_report
from core.reports.schedule import MARKING, WEEKDAYS
from core.reports.schedule_grid import OFF_FILL
from db.engine import Database
from db.models import Inspector, School, Visit
from tests.db.report_helpers import (
    VisitWork,
    add_visit_work,
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    printed,
)

TODAY = date(2026, 11, 2)
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
HOSTILE = "<b>&</b>实验小学"
RARE, EMOJI = "\U00020000", "\U0001f600"


@pytest.fixture
def planned(demo_db: Database) -> VisitWork:
    return add_visit_work(demo_db, TODAY)


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "schedule", folder / "schedule.pdf", today=TODAY, **options)


def on_calendar(db: Database) -> list[VisitRow]:
    return [row for row in visit_rows(db, FIRST, LAST) if row.status in ACTIVE_STATUSES]


def list_row(row: VisitRow, status: str = "计划", kind: str = "经常性督导") -> str:
    day = row.day
    return f"{day.month}月{day.day}日{WEEKDAYS[day.weekday()]}{row.school}{kind}{status}"


def test_every_visit_on_the_calendar_is_listed_under_its_inspectors(demo_db, planned, tmp_path):
    path = write(demo_db, tmp_path)
    pages = pages_text(path)
    text = flat("\n".join(pages))
    rows = on_calendar(demo_db)
    every = visit_rows(demo_db, FIRST, LAST)
    assert len(rows) < len(every), "the cancelled and postponed visits are left out"
    done = sum(1 for r in rows if r.status == "done")
    assert f"本月安排督导{len(rows)}次（已完成{done}次）" in text
    assert "2026年11月督导工作安排表" in pages[0]
    assert all(f"星期{w}" in pages[0] for w in WEEKDAYS)
    for number, page in enumerate(pages, start=1):
        assert MARKING in page, f"page {number} is not marked internal"
        assert f"第 {number} 页 共 {len(pages)} 页" in page

    going: dict[str, int] = {}
    for row in rows:
        for name in [row.inspector, *filter(None, row.companions.split("、"))]:
            going[name] = going.get(name, 0) + 1
    for name, count in going.items():
        assert f"{name}（" in text and f"：本月督导{count}次" in text
    visits_by_id = {row.id: row for row in every}
    done_row = visits_by_id[planned.done_visit]
    assert list_row(done_row, "已完成") + planned.companion in text
    assert list_row(done_row, "已完成") + f"随{planned.done_inspector}" in text
    special = visits_by_id[planned.special_visit]
    assert list_row(special, "已确认", "专项督导") + "双减" in text
    cancelled = next(r for r in every if r.status == "cancelled" and r.day >= TODAY)
    assert list_row(cancelled, "已取消", "经常性督导") not in text
    assert "已取消" not in text and "已延期" not in text


@needs_poppler
def test_the_plan_embeds_its_fonts_and_renders(demo_db, planned, tmp_path):
    path = write(demo_db, tmp_path)
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)
    assert PdfReader(path).pages[0].mediabox.width > PdfReader(path).pages[0].mediabox.height


def test_the_zone_filter_keeps_that_zones_schools(demo_db, planned, tmp_path):
    rows = on_calendar(demo_db)
    zone = next(r.zone for r in rows if r.school == planned.done_school)
    text = flat("\n".join(pages_text(write(demo_db, tmp_path, zone=f" {zone} "))))
    assert f"责任区：{zone}。" in text
    inside = [r for r in rows if r.zone == zone]
    outside = {r.school for r in rows} - {r.school for r in inside}
    assert inside and outside
    assert f"本月安排督导{len(inside)}次" in text
    for row in inside:
        assert row.school in text
    for school in outside:
        assert school not in text


def test_the_inspector_filter_keeps_their_visits_and_those_they_join(demo_db, planned, tmp_path):
    companion = planned.companion
    text = flat("\n".join(pages_text(write(demo_db, tmp_path, inspector=companion))))
    rows = [
        r for r in on_calendar(demo_db) if companion in (r.inspector, *r.companions.split("、"))
    ]
    assert text.count("：本月督导") == 1
    assert f"{companion}（" in text and f"：本月督导{len(rows)}次" in text
    assert f"随{planned.done_inspector}" in text
    assert f"督学：{companion}。" in text
    assert f"本月安排督导{len(rows)}次" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"zone": "不存在的责任区"}, "没有名为“不存在的责任区”的责任区"),
        ({"inspector": "查无此人"}, "没有名为“查无此人”的督学"),
        ({"month": "2026-13"}, "月份应为 YYYY-MM 格式"),
        ({"month": "11/2026"}, "不能是“11/2026”"),
        ({"month": "1999-05"}, "月份的年度应在 2000 至 2100 之间"),
    ],
)
def test_unknown_names_and_bad_months_are_refused(demo_db, tmp_path, options, message):
    with pytest.raises(ValidationError, match=message) as refused:
        write(demo_db, tmp_path, **options)
    assert refused.value.errors[0].field == next(iter(options))
    assert not (tmp_path / "schedule.pdf").exists()


def crowd(db: Database, day: date, schools: int | None = None) -> list[VisitRow]:
    """Put visits by one inspector to the first ``schools`` schools (all) on ``day``."""
    with db.session() as session:
        inspector_id = session.scalars(select(Inspector.id)).first()
        for school_id in list(session.scalars(select(School.id).order_by(School.id)))[:schools]:
            session.add(Visit(visit_date=day, school_id=school_id, inspector_id=inspector_id))
    return [r for r in visit_rows(db, day, day) if r.status in ACTIVE_STATUSES]


def test_a_crowded_day_gives_every_zone_a_page_of_its_own(sqlite_db, tmp_path):
    from core.demo.office import create_demo

    create_demo(sqlite_db, "office", TODAY)
    crowded = crowd(sqlite_db, date(2026, 11, 10))
    assert len(crowded) > 30
    pages = pages_text(write(sqlite_db, tmp_path))
    assert f"督导 {len(crowded)} 项" in pages[0]  # the overview: the day's number of visits
    zones = {r.zone for r in on_calendar(sqlite_db)}
    text = "\n".join(pages[1:])
    before, after = text.split("本月没有督导的学校（园）：")
    grids = flat(before)
    headings = [line for line in before.splitlines() if "：学校（园）" in line]
    assert len(headings) == len(zones)  # a page each, each with its own grid
    for zone in zones:
        inside = sum(1 for r in on_calendar(sqlite_db) if r.zone == zone)
        assert any(h.startswith(f"{zone}：") and f"本月督导 {inside} 次" in h for h in headings)
    assert grids.count("星期一") >= len(zones)
    left = sum(int(part.split("项见续表")[0]) for part in grids.split("…另")[1:])
    assert len(re.findall(r"11月\d+日[一二三四五六日]", grids)) == left  # under each zone's grid
    assert grids.count("11月10日二") > 0
    for row in crowded:
        assert row.school in grids
    lists = flat(after)
    for row in crowded:
        assert list_row(row) in lists


def test_a_day_slightly_too_full_goes_on_right_under_the_grid(sqlite_db, tmp_path):
    from core.calendar.month_plan import generate_month
    from core.demo.office import create_demo

    create_demo(sqlite_db, "office", TODAY)
    generate_month(sqlite_db, 2026, 12, TODAY)  # December: five weeks
    crowded = crowd(sqlite_db, date(2026, 12, 9), schools=4)
    text = flat("\n".join(pages_text(write(sqlite_db, tmp_path, month="2026-12"))))
    before_list = text.split("本月没有督导的学校（园）：")[0]
    grid, continued = before_list.split("续表：日历格中未能列出的督导")
    assert f"9共{len(crowded)}项" in grid
    left = [int(part.split("项见续表")[0]) for part in grid.split("…另")[1:]]
    assert 0 < sum(left) == len(re.findall(r"12月\d+日", continued))
    assert 0 < continued.count("12月9日三") < len(crowded)
    assert "：学校（园）" not in text  # no page per zone


def test_days_off_are_shaded_and_marked_from_the_office_calendar(demo_db, tmp_path):
    set_day(demo_db, date(2026, 11, 7), "workday", "调休上班")  # a Saturday
    set_day(demo_db, date(2026, 11, 20), "holiday", "")  # a Friday
    path = write(demo_db, tmp_path)
    first_page = PdfReader(path).pages[0]
    assert "7 班" in first_page.extract_text() and "20 休" in first_page.extract_text()
    work = WorkCalendar.load(demo_db)
    days_off = sum(1 for n in range(30) if not work.is_workday(FIRST + timedelta(days=n)))
    fill = " ".join(f"{c:g}".removeprefix("0") for c in OFF_FILL.rgb()) + " rg"  # .86 .86 .86
    assert first_page.get_contents().get_data().decode("latin-1").count(fill) == days_off


def test_an_empty_month_prints_the_calendar_and_lists_every_school(demo_db, tmp_path):
    pages = pages_text(write(demo_db, tmp_path, month="2027-03"))
    assert "2027年3月督导工作安排表" in pages[0]
    assert all(f"星期{w}" in pages[0] for w in WEEKDAYS)
    text = flat("\n".join(pages))
    with demo_db.session() as session:
        schools = session.scalars(select(School.name).where(School.active)).all()
    assert f"本月没有安排督导；本月没有督导的学校（园）{len(schools)}所" in text
    assert f"本月没有督导的学校（园）：{len(schools)}所" in text
    assert all(name in text for name in schools)
    assert "：本月督导" not in text  # no inspector's list


@needs_poppler
def test_hostile_names_print_literally_and_long_ones_are_cut_in_the_grid(sqlite_db, tmp_path):
    from core.demo.office import create_demo

    create_demo(sqlite_db, "office", TODAY)
    long_name = "青溪县" + "很长的学校名称" * 42 + "小学"
    with sqlite_db.session() as session:
        inspector = Inspector(name=f"<i>王{RARE}明</i>{EMOJI}")
        session.add(inspector)
        for index, name in enumerate((f"{HOSTILE}{EMOJI}{RARE}", long_name)):
            school = School(name=name, kind="primary", enrolment=10)
            session.add(school)
            session.flush()
            session.add(
                Visit(visit_date=date(2026, 11, 24 + index), school_id=school.id,
                      inspector_id=inspector.id, topic="<script>&amp;")
            )  # fmt: skip
    path = write(sqlite_db, tmp_path, inspector=f"<i>王{RARE}明</i>{EMOJI}")
    pages = pages_text(path)
    grid, lists = flat(pages[0]), flat("\n".join(pages[1:]))
    name = printed(f"<i>王{RARE}明</i>{EMOJI}")  # each character, or its code where no font has it
    assert f"24共1项{printed(HOSTILE + EMOJI + RARE)}（{name}）" in grid
    assert "25共1项青溪县很长的学校名称很长的" in grid
    assert f"…（{name}）" in grid  # cut to a few lines
    assert grid.count("很长的学校名称") < 42
    assert lists.count("很长的学校名称") == 42
    assert printed(HOSTILE + EMOJI + RARE) in lists and "<script>&amp;" in lists
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)
