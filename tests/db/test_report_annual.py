"""年度督导工作统计 read back from the PDF: the year's visits planned and done per month,
inspector, zone and school, problems by category, complaints by channel and training hours
against the requirement, with the two charts; only the chosen year counts; a county lists only
the schools visited least; fonts embedded and every page rendered."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.calendar.visits import visit_rows
from core.casework.actions import ActionInput, record_action
from core.casework.complaints import complaint_rows
from core.casework.rectification import problem_rows
from core.demo.office import create_demo
from core.enums import ACTIVE_STATUSES, ActionKind, ProblemCategory, ProblemStatus, VisitStatus
from core.errors import ValidationError
from core.reports import write_report
from core.reports.annual import LEAST_VISITED
from core.roster.assignments import responsible_inspectors
from core.roster.schools import school_rows, zone_rows
from core.roster.staffing import percent_text
from core.roster.training import training_summary
from db.engine import Database
from db.models import Inspector, Problem, ProblemAction, School, Visit
from tests.db.report_helpers import (
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
)

TODAY = date(2026, 11, 2)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def office(db: Database) -> Database:
    create_demo(db, "office", TODAY)
    return db


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "annual", folder / "annual.pdf", today=TODAY, **options)


def text_of(path: Path) -> str:
    return flat("\n".join(pages_text(path)))


def percent(part: int, whole: int) -> str:
    return percent_text(part / whole) if whole else "—"


@needs_poppler
def test_the_years_visits_per_month_and_in_total(office, tmp_path):
    visits = visit_rows(office, *YEAR)
    planned = [v for v in visits if v.status in ACTIVE_STATUSES]
    due = [v for v in planned if v.day <= TODAY]
    done = [v for v in due if v.status == VisitStatus.DONE]
    assert planned and done and len(done) < len(due) < len(planned)
    path = write(office, tmp_path)
    text = text_of(path)
    assert "2026年度督导工作统计" in text and "2026年1月1日至2026年12月31日" in text
    # the rate is of the visits due by the report's date; the ones still to come stand apart
    assert (
        f"全年安排督导{len(planned)}次，其中截至11月2日应完成{len(due)}次，已完成{len(done)}次，"
        f"完成率{percent(len(done), len(due))}；"
        f"其余{len(planned) - len(due)}次安排在11月3日及以后，尚未到期" in text
    )
    assert f"另有取消或延期{len(visits) - len(planned)}次" in text
    for month in (9, 10, 11, 12):
        mine = [v for v in planned if v.day.month == month]
        mine_due = [v for v in mine if v.day <= TODAY]
        finished = [v for v in mine_due if v.status == VisitStatus.DONE]
        # 月份, 计划督导, 应完成, 已完成, 完成率
        row = f"{len(mine)}{len(mine_due)}{len(finished)}{percent(len(finished), len(mine_due))}"
        assert f"{month}月{row}" in text
    assert "1月000—" in text
    # the chart: its caption, legend and the month labels under the bars
    assert "图1各月督导计划与完成次数" in text and "计划督导已完成" in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


def test_each_inspectors_work_and_training_hours(office, tmp_path):
    text = text_of(write(office, tmp_path))
    visits = visit_rows(office, *YEAR)
    training = training_summary(office, TODAY, 2026)
    with office.session() as session:
        responsible = Counter(responsible_inspectors(session, TODAY).values())
    for number, t in enumerate(training, start=1):
        mine = [v for v in visits if v.inspector_id == t.inspector_id]
        planned = sum(1 for v in mine if v.status in ACTIVE_STATUSES)
        due = sum(1 for v in mine if v.status in ACTIVE_STATUSES and v.day <= TODAY)
        done = sum(1 for v in mine if v.status == VisitStatus.DONE and v.day <= TODAY)
        # 序号, 督学, 负责学校, 计划督导, 应完成, 已完成, 完成率 …
        schools = responsible[t.inspector_id]
        assert f"{number}{t.name}{schools}{planned}{due}{done}{percent(done, due)}" in text
        verdict = "达标" if t.shortfall == 0 else f"差{round(t.shortfall, 1):g}"
        assert f"{t.hours:g}/{t.required}{verdict}" in text
    met = sum(1 for t in training if t.shortfall == 0)
    assert f"在任督学{len(training)}名，完成年度培训学时的{met}名" in text


def test_every_zone_and_school_of_a_small_office(office, tmp_path):
    text = text_of(write(office, tmp_path))
    schools = [s for s in school_rows(office, TODAY) if s.active]
    assert len(schools) <= 60
    for zone in zone_rows(office):
        assert zone.name in text
    for school in schools:
        assert school.name in text
    unvisited = [s for s in schools if not s.inspector]
    assert unvisited and f"{unvisited[0].name}{unvisited[0].zone}—00—" in text


def test_problems_by_category_and_complaints_by_channel(office, tmp_path):
    text = text_of(write(office, tmp_path))
    problems = [p for p in problem_rows(office, TODAY) if p.found_on.year == 2026]
    assert problems
    fixed_states = (ProblemStatus.FIXED, ProblemStatus.VERIFIED)
    for category in ProblemCategory:
        mine = [p for p in problems if p.category == category.value]
        fixed = sum(1 for p in mine if p.status in fixed_states)
        assert f"{category.label}{len(mine)}{fixed}" in text
    fixed = sum(1 for p in problems if p.status in fixed_states)
    unresolved = [p for p in problems if p.status not in fixed_states]
    escalated = sum(1 for p in unresolved if p.escalated_on is not None)
    assert fixed and unresolved and escalated
    # the parts printed add up to the problems found: the reported ones are among the open ones
    assert fixed + len(unresolved) == len(problems)
    assert (
        f"发现问题{len(problems)}个，其中已整改{fixed}个（整改率{percent(fixed, len(problems))}）、"
        f"尚未整改{len(unresolved)}个（含已上报督导部门{escalated}个）。" in text
    )
    verified = sum(1 for p in problems if p.status == ProblemStatus.VERIFIED)
    overdue = sum(1 for p in unresolved if p.overdue)
    # 合计: 发现, 已整改, 其中已销号, 尚未整改, 其中已上报, 其中逾期, 整改率
    assert (
        f"合计{len(problems)}{fixed}{verified}{len(unresolved)}{escalated}{overdue}"
        f"{percent(fixed, len(problems))}" in text
    )
    assert "图2各类问题发现、已整改与尚未整改数" in text
    complaints = complaint_rows(office)
    replied = sum(1 for c in complaints if c.replied_on)
    assert f"受理投诉{len(complaints)}件，已答复{replied}件" in text
    channels = Counter(c.channel_label for c in complaints)
    for label, count in channels.items():
        assert f"{label}{count}" in text
    assert f"合计{len(complaints)}{replied}" in text


def test_the_years_supervisions_interviews_accountability_and_reports_up(office, tmp_path):
    """The year's 督办, 约谈, 通报, 问责 and 报送上级 as printed are the steps of that year in the
    database; one of the year before is left out."""
    problem = next(p for p in problem_rows(office, TODAY) if p.found_on.year == 2026)
    record_action(
        office,
        [problem.id],
        ActionInput(ActionKind.ACCOUNTABILITY.value, TODAY, subjects="校长", content="整改不力"),
    )
    with office.session() as session:
        old = session.scalars(select(Problem).order_by(Problem.id)).first()
        session.add(
            ProblemAction(problem=old, kind=ActionKind.REFERRAL.value, day=date(2025, 12, 30),
                          subjects="市教育督导室", content="上年报送")
        )  # fmt: skip
        kinds = Counter(
            session.scalars(
                select(ProblemAction.kind).where(
                    ProblemAction.day >= YEAR[0], ProblemAction.day <= YEAR[1]
                )
            )
        )
    # the demo office has a 督办, a 约谈 and a report up; the test adds a 问责
    taken = (ActionKind.SUPERVISION, ActionKind.INTERVIEW, ActionKind.ACCOUNTABILITY)
    assert all(kinds[k.value] for k in (*taken, ActionKind.REFERRAL))
    text = text_of(write(office, tmp_path))
    assert (
        "督办、约谈、通报、问责与报送上级（次）督办通知约谈通报问责报送上级"
        + "".join(str(kinds[k.value]) for k in ActionKind)
        in text
    )


def test_only_the_chosen_year_counts(office, tmp_path):
    with office.session() as session:
        school = session.scalars(select(School).order_by(School.id)).first()
        inspector = session.scalars(select(Inspector).order_by(Inspector.id)).first()
        session.add(
            Visit(visit_date=date(2025, 12, 30), school=school, inspector=inspector,
                  status=VisitStatus.DONE.value)
        )  # fmt: skip
        session.add(Problem(school=school, found_on=date(2025, 12, 30), description="旧问题"))
        name = school.name
    text = text_of(write(office, tmp_path, year=2025))
    assert "2025年度督导工作统计" in text
    assert "全年安排督导1次，已完成1次，完成率100%" in text
    assert "发现问题1个，其中已整改0个" in text
    assert "12月111100%" in text
    assert name in text
    assert "本年度没有受理投诉" in text
    now = text_of(write(office, tmp_path))
    assert "发现问题1个" not in now
    with pytest.raises(ValidationError, match="年度应在"):
        write(office, tmp_path, year=1999)


def test_an_empty_office_prints_zeros(sqlite_db, tmp_path):
    text = text_of(write(sqlite_db, tmp_path))
    assert "全年安排督导0次，其中截至11月2日应完成0次，已完成0次，完成率—" in text
    assert "本年度没有督学，也没有督导" in text and "本年度没有登记问题" in text


def test_a_county_lists_only_the_schools_visited_least(sqlite_db, tmp_path):
    create_demo(sqlite_db, "county", TODAY)
    path = write(sqlite_db, tmp_path)
    text = text_of(path)
    assert f"督导次数最少的{LEAST_VISITED}所学校（园）" in text
    assert len(PdfReader(path).pages) <= 8
    assert "图1" in text and "图2" in text


@needs_poppler
def test_in_december_the_rate_counts_only_the_visits_already_due(sqlite_db, tmp_path):
    """Printed on 2 December, with December planned: the visits of 3–31 December are not yet
    due, so they neither lower the rate nor hide in it; they are stated apart."""
    december = date(2026, 12, 2)
    create_demo(sqlite_db, "office", december)
    visits = visit_rows(sqlite_db, *YEAR)
    planned = [v for v in visits if v.status in ACTIVE_STATUSES]
    due = [v for v in planned if v.day <= december]
    done = [v for v in due if v.status == VisitStatus.DONE]
    in_december = [v for v in planned if v.day.month == 12]
    december_due = [v for v in in_december if v.day <= december]
    december_done = [v for v in december_due if v.status == VisitStatus.DONE]
    assert len(in_december) > 4 * len(december_due) > 0, "most of December is still to come"
    path = write_report(sqlite_db, "annual", tmp_path / "annual.pdf", today=december)
    text = text_of(path)
    rate = percent(len(done), len(due))
    assert len(done) / len(due) > 0.9 > len(done) / len(planned)
    assert f"截至12月2日应完成{len(due)}次，已完成{len(done)}次，完成率{rate}" in text
    assert f"其余{len(planned) - len(due)}次安排在12月3日及以后，尚未到期" in text
    assert f"完成率{percent(len(done), len(planned))}" not in text
    row = f"12月{len(in_december)}{len(december_due)}{len(december_done)}"
    assert row + percent(len(december_done), len(december_due)) in text
    assert row + percent(len(december_done), len(in_december)) not in text
    assert "应完成为其中日期在2026年12月2日及以前的" in text
    assert_renders(path, tmp_path)


def lowest_text(page) -> float:
    """How far down the page its lowest line of content reaches (points from the top), the
    footer left aside."""
    lows: list[float] = []

    def visit(text, _cm, tm, _font, _size):
        if text.strip() and tm[5] > 30 * 2.835:  # above the footer, 30 mm from the bottom
            lows.append(tm[5])

    page.extract_text(visitor_text=visit)
    return float(page.mediabox.height) - min(lows)


def test_each_chart_stays_with_its_table_wherever_the_table_ends(office, tmp_path):
    """More schools push 五、问题发现与整改 down the page, so that its table ends anywhere on
    it: the chart is always on a page with its table (its header row repeated where the table
    goes on), the year's steps right under the chart, and no page before is left near empty."""
    with office.session() as session:
        zone_id = session.scalars(select(School.zone_id).where(School.zone_id.is_not(None))).first()
    listed = len([s for s in school_rows(office, TODAY) if s.active])
    for added in range(0, 60 - listed, 2):
        with office.session() as session:
            for n in (added, added + 1):
                session.add(School(name=f"新增第{n + 1}小学", kind="primary", enrolment=10,
                                   zone_id=zone_id))  # fmt: skip
        path = write(office, tmp_path)
        pages = [flat(text) for text in pages_text(path)]
        [monthly] = [p for p in pages if "图1各月督导计划与完成次数" in p]
        assert "月份计划督导应完成" in monthly, added
        [categories] = [p for p in pages if "图2各类问题发现、已整改与尚未整改数" in p]
        assert "问题类别发现已整改" in categories, added
        assert "督办、约谈、通报、问责与报送上级（次）督办通知" in categories, added
        reader = PdfReader(path)
        for number, page in enumerate(reader.pages[:-1], start=1):
            assert lowest_text(page) > float(page.mediabox.height) * 0.6, (added, number)
