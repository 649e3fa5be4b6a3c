"""综合督导报告, read back from the PDF: one school over its principal's term (or given days) —
its inspectors, its visits by kind in parts that add up, its problems each in one state with
their 复查, its archive checklist and its scores; "无" where there is nothing; user text printed
literally; the closing lines never alone on their page."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import pytest
from sqlalchemy import select

from core.casework.rectification import problem_rows
from core.demo.office import create_demo
from core.enums import FollowUpOutcome, ProblemStatus, SchoolKind, VisitKind
from core.errors import ValidationError
from core.reports import write_report
from core.reports.official import grid_lines
from core.reports.options import ReportOptions
from core.reports.school_inspection_figures import (
    PROBLEM_STATES,
    period_of,
    school_inspection_in,
    years_before,
)
from db.engine import Database
from db.models import FollowUp, Problem, School, Visit
from tests.db.report_helpers import (
    add_problems,
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    printed,
)

TODAY = date(2026, 12, 2)
SCHOOL = "青溪县城关中学"
LITERAL = "<b>食堂&amp;小卖部</b> 证照过期"
QUIET = "𠮷祥村教学点"
"""A school of its own with nothing on record (and a rare character in its name)."""


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    create_demo(sqlite_db, "office", TODAY)
    return sqlite_db


def _text(path) -> str:
    return flat("".join(pages_text(path)))


def _add_trail(db: Database) -> None:
    """At :data:`SCHOOL`: the problems of :func:`add_problems`, one with literal markup, one
    closed (销号), and two 复查 on the overdue one."""
    work = add_problems(db, SCHOOL, TODAY)
    with db.session() as session:
        school = session.scalars(select(School).where(School.name == SCHOOL)).one()
        session.add(Problem(school=school, found_on=date(2026, 10, 9), description=LITERAL,
                            deadline=date(2026, 12, 20)))  # fmt: skip
        session.add(Problem(school=school, found_on=date(2026, 10, 10), description="旧账。",
                            status=ProblemStatus.VERIFIED.value,
                            closed_on=date(2026, 11, 3)))  # fmt: skip
        session.add_all(
            [
                FollowUp(problem_id=work.open_deadline, day=date(2026, 11, 21),
                         outcome=FollowUpOutcome.NOT_FIXED.value, result="未见整改"),
                FollowUp(problem_id=work.open_deadline, day=date(2026, 11, 28),
                         outcome=FollowUpOutcome.IN_PROGRESS.value),
            ]
        )  # fmt: skip


def _sum_of(parts: str) -> int:
    return sum(int(n) for n in re.findall(r"(\d+)[次个]", parts))


@needs_poppler
def test_the_report_of_a_school_adds_up_and_prints_what_happened(office, tmp_path):
    _add_trail(office)
    path = write_report(office, "school-inspection", tmp_path / "s.pdf", today=TODAY,
                        school=SCHOOL)  # fmt: skip
    text = _text(path)
    for part in ("一、基本情况", "二、督导情况", "三、问题整改情况", "四、迎检档案资料",
                 "五、评估打分", "特此报告。"):  # fmt: skip
        assert part in text, part
    assert f"{SCHOOL}综合督导报告" in text and "责任督学：" in text
    # the principal's current term: three years up to the day it ends
    with office.session() as session:
        school = session.scalars(select(School).where(School.name == SCHOOL)).one()
        ends = school.principal_term_end
        facts = school_inspection_in(session, ReportOptions(TODAY, school=SCHOOL))
    assert ends is not None and facts.period.end == max(ends, TODAY)
    assert facts.period.start == years_before(ends, 3)

    # visits: the parts add up to the total, in the sentence and in the table's 合计 row
    visits = re.search(r"共安排督导(\d+)次，其中(.+?)（截至", text)
    assert visits and _sum_of(visits.group(2)) == int(visits.group(1))
    totals = [sum(getattr(t, part) for t in facts.visits)
              for part in ("total", "done", "missed", "upcoming", "dropped")]  # fmt: skip
    assert totals[0] == sum(totals[1:]) == int(visits.group(1))
    assert "合计" + "".join(map(str, totals)) in text

    # problems: every one found in the period in exactly one state, the states add up
    found = [r for r in problem_rows(office, TODAY) if r.school == SCHOOL
             and facts.period.start <= r.found_on <= facts.period.end]  # fmt: skip
    sentence = re.search(r"统计期间发现问题(\d+)个（.+?）。截至2026年12月2日，(.+?)。", text)
    assert sentence and int(sentence.group(1)) == len(found) == _sum_of(sentence.group(2))
    counts = facts.problem_counts
    assert all(counts[state] for state in PROBLEM_STATES), counts
    assert "".join(f"{s}{counts[s]}" for s in PROBLEM_STATES) + f"合计{len(found)}" in text
    assert "复查2次：2026年11月21日未整改、2026年11月28日整改中。" in text
    assert "尚未复查" in text
    assert flat(LITERAL) in text, "user text prints literally"

    # archive and scores: the demo's campaign and its 100-point sheet
    [archive] = facts.archives
    assert archive.required == sum(archive.by_status.values()) > 0
    assert "档案资料清单完成情况" in text
    [score] = facts.scores
    assert round(sum(g.points for g in score.groups), 4) == round(score.total, 4)
    assert f"总分{score.total:g}分（满分100分）" in text
    assert "学校管理30" in text and "加减分-3～+3" in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


@needs_poppler
def test_a_school_with_nothing_on_record_says_so(office, tmp_path):
    with office.session() as session:
        session.add(School(name=QUIET, kind=SchoolKind.TEACHING_POINT.value, enrolment=12))
    path = write_report(office, "school-inspection", tmp_path / "q.pdf", today=TODAY,
                        school=QUIET)  # fmt: skip
    text = _text(path)
    assert flat(printed(f"{QUIET}综合督导报告")) in text
    assert "未登记校长任期届满日期" in text and "2023年12月3日至2026年12月2日" in text
    for line in ("责任督学：无", "督导：无", "综合督导：无", "发现的问题：无",
                 "迎检档案资料：无", "评估打分：无"):  # fmt: skip
        assert line in text, line
    pages = pages_text(path)
    assert "评估打分：无" in flat(pages[-1]) and "特此报告。" in flat(pages[-1])


def test_the_days_asked_for_and_a_school_by_its_id(office, tmp_path):
    with office.session() as session:
        visit = session.scalars(select(Visit).where(Visit.kind == VisitKind.COMPREHENSIVE)).one()
        school_id, day = visit.school_id, visit.visit_date
        name = visit.school.name
    path = write_report(office, "school-inspection", tmp_path / "c.pdf", today=TODAY,
                        school=str(school_id), start=day, end=day)  # fmt: skip
    text = _text(path)
    assert f"现将{name}{day.year}年{day.month}月{day.day}日至" in text
    assert "共安排督导1次，其中已完成1次" in text and "综合督导：" in text
    assert "督导组：" in text and "督导发现：" in text and "意见建议：" in text
    with pytest.raises(ValidationError, match="开始日期 2026-12-02 晚于结束日期 2026-12-01"):
        write_report(office, "school-inspection", tmp_path / "x.pdf", today=TODAY,
                     school=name, start=TODAY, end=date(2026, 12, 1))  # fmt: skip
    with pytest.raises(ValidationError, match="请选择要写综合督导报告的学校"):
        write_report(office, "school-inspection", tmp_path / "x.pdf", today=TODAY)
    with pytest.raises(ValidationError, match="没有名为“无此学校”的学校"):
        write_report(office, "school-inspection", tmp_path / "x.pdf", today=TODAY,
                     school="无此学校")  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("extra", range(0, 13, 2))
def test_the_closing_lines_keep_the_last_paragraph_on_their_page(office, tmp_path, extra):
    """Problems of varied length push the end of the report across the page: the page of the
    date always holds the last paragraph of the report and 特此报告 with it."""
    with office.session() as session:
        school = session.scalars(select(School).where(School.name == SCHOOL)).one()
        for n in range(extra):
            session.add(Problem(school=school, found_on=date(2026, 11, 1 + n),
                                description="操场围栏破损" * (n + 1) + "。"))  # fmt: skip
    path = write_report(office, "school-inspection", tmp_path / f"e{extra}.pdf", today=TODAY,
                        school=SCHOOL)  # fmt: skip
    pages = pages_text(path)
    last = flat(pages[-1])
    assert "2026年12月2日印发" in last and "特此报告。" in last
    assert "在有得分的" in last, "the report's last paragraph is on the closing page"
    assert sum("2026年12月2日印发" in flat(p) for p in pages) == 1


def test_a_closing_mark_never_starts_a_line_of_the_grid_nor_a_number_breaks():
    lines = grid_lines("发现的问题：无（统计期间内未发现问题，没有整改事项）。", 28, 2)
    assert all(line[0] not in "）。，" for line in lines), lines
    assert "".join(lines) == "发现的问题：无（统计期间内未发现问题，没有整改事项）。"
    for shift in range(8):
        text = "现" * shift + "近3年内（2023年12月3日至2026年12月2日）督导情况如下。"
        lines = grid_lines(text, 14)
        assert "".join(lines) == text
        for before, after in pairwise(lines):
            assert not (before[-1].isdigit() and after[0].isdigit()), (before, after)
            assert before[-1] not in "（“" and after[0] not in "）。，", (before, after)


def test_a_term_that_ends_on_29_february():
    assert years_before(date(2028, 2, 29), 3) == date(2025, 3, 1)
    assert years_before(date(2026, 8, 31), 3) == date(2023, 9, 1)


def test_every_schools_figures_add_up_on_both_engines(demo_db):
    """Each school of the demo over its principal's term: the visit parts add up to the visits
    on record, every problem found is in one state, every counted archive item in one status."""
    today = date(2026, 11, 2)
    with demo_db.session() as session:
        schools = session.scalars(select(School).order_by(School.id)).all()
        for school in schools:
            facts = school_inspection_in(session, ReportOptions(today, school=school.name))
            start, end = facts.period.start, facts.period.end
            on_record = session.scalars(
                select(Visit.id).where(
                    Visit.school_id == school.id, Visit.visit_date.between(start, end)
                )
            ).all()
            assert sum(t.total for t in facts.visits) == len(on_record), school.name
            for t in facts.visits:
                assert t.total == t.done + t.missed + t.upcoming + t.dropped
                assert len(t.done_days) == t.done
            found = session.scalars(
                select(Problem.id).where(
                    Problem.school_id == school.id, Problem.found_on.between(start, end)
                )
            ).all()
            assert sum(facts.problem_counts.values()) == len(found) == len(facts.problems)
            for archive in facts.archives:
                assert archive.done <= archive.required == sum(archive.by_status.values())


def test_the_period_from_the_principals_term_and_the_days_given():
    ended = School(name="甲校", principal_term_end=date(2026, 9, 14))
    coming = School(name="乙校", principal_term_end=date(2027, 7, 31))
    today = ReportOptions(TODAY)
    term = period_of(ended, today, 3)
    assert (term.start, term.end, term.basis) == (date(2023, 9, 15), TODAY, "term")
    term = period_of(coming, today, 3)
    assert (term.start, term.end) == (date(2024, 8, 1), date(2027, 7, 31))
    since = period_of(ended, ReportOptions(TODAY, start=date(2026, 1, 1)), 3)
    assert (since.start, since.end, since.basis) == (date(2026, 1, 1), TODAY, "given")
    until = period_of(coming, ReportOptions(TODAY, end=date(2026, 6, 30)), 5)
    assert (until.start, until.end) == (date(2021, 7, 1), date(2026, 6, 30))
