"""整改通知书: a school's notice lists each of its problems still 待整改 or 已上报 (not the fixed
ones) with category, requirement and deadline, asks for the reply within the policy's days of
the notice date, prints the notice number the problems share or leaves it open for hand, and is
signed with the report settings; bad options are refused in Chinese; hostile text prints."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from core.enums import ProblemCategory
from core.errors import ValidationError
from core.office.settings import load_office_name, load_policy, save_settings
from core.reports import write_report
from core.reports.options import notice_schools
from core.reports.settings import save_report_settings
from core.roster.schools import school_rows
from db.engine import Database
from db.models import Problem
from tests.db.report_helpers import (
    ProblemWork,
    add_problems,
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    printed,
)

TODAY = date(2026, 11, 2)
SCHOOL = "青溪县实验小学"
SETTLED = "a school without problems to rectify"
HOSTILE = "<b>&</b>实验小学"
RARE, EMOJI = "\U00020000", "\U0001f600"


@pytest.fixture
def problems(demo_db: Database) -> ProblemWork:
    return add_problems(demo_db, SCHOOL, TODAY)


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "rectification-notice", folder / "notice.pdf", today=TODAY, **options)


def text_of(path: Path) -> str:
    return flat("\n".join(pages_text(path)))


@needs_poppler
def test_a_schools_notice_lists_its_unresolved_problems(demo_db, problems, tmp_path):
    path = write(demo_db, tmp_path, school=f" {SCHOOL} ")
    text = text_of(path)
    with demo_db.session() as session:
        listed = session.scalars(
            select(Problem)
            .where(Problem.school.has(name=SCHOOL), Problem.status.in_(["open", "escalated"]))
            .order_by(Problem.found_on, Problem.id)
        ).all()
        descriptions = [p.description for p in listed]
        fixed = session.get(Problem, problems.fixed).description
    assert {problems.open_deadline, problems.open_immediate, problems.escalated} <= {
        p.id for p in listed
    }
    for numeral, description in zip("一二三四五六七八九", descriptions, strict=False):
        assert f"{numeral}、{flat(description)}" in text
    assert fixed not in text
    assert "整改通知书" in text and f"{SCHOOL}：" in text
    assert (
        "问题类别：一般问题；发现日期：2026年11月1日；整改要求：限期整改，2026年11月20日前整改到位"
        in text
    )
    assert "问题类别：重点问题" in text and "整改要求：立行立改，立即整改到位" in text
    assert f"问题类别：{ProblemCategory.SERIOUS.label}" in text
    assert "请你校（园）于2026年11月5日前将整改情况书面报送" in text  # today + 3 days
    assert "督整〔〕号" in text, "no shared number: the number line is left to fill by hand"
    assert f"{load_office_name(demo_db)}（盖章）2026年11月2日" in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


def test_a_numbered_problems_notice_keeps_its_number_and_date(demo_db, problems, tmp_path):
    policy = load_policy(demo_db).with_changes(rectification_reply_days=7)
    save_settings(demo_db, office_name=load_office_name(demo_db), policy=policy)
    text = text_of(write(demo_db, tmp_path, problem=problems.numbered))
    assert "督整〔2026〕7号" in text
    assert "一、课后服务收费未公示。" in text
    assert "二、" not in text
    assert "于2026年11月2日前将整改情况书面报送" in text  # 26 October + 7 days
    assert text.count("2026年10月26日") == 1  # the date under the signature


def test_a_problem_printed_alone_brings_the_others_under_its_number(demo_db, problems, tmp_path):
    with demo_db.session() as session:
        numbered = session.get(Problem, problems.numbered)
        session.add(
            Problem(
                school_id=numbered.school_id,
                found_on=date(2026, 10, 21),
                description="午休室消防器材过期。",
                deadline=date(2026, 11, 9),
                notice_no=numbered.notice_no,
                notice_date=numbered.notice_date,
            )
        )
    text = text_of(write(demo_db, tmp_path, problem=problems.numbered))
    assert "一、课后服务收费未公示。" in text and "二、午休室消防器材过期。" in text
    assert text.count("督整〔2026〕7号") == 1


def test_the_report_settings_sign_and_number_the_notice(demo_db, problems, tmp_path):
    save_report_settings(
        demo_db, notice_prefix="青督整", signature="青溪县教育督导委员会办公室", seal="（印）"
    )
    text = text_of(write(demo_db, tmp_path, problem=problems.open_deadline))
    assert "青督整〔〕号" in text
    assert "书面报送青溪县教育督导委员会办公室" in text
    assert "青溪县教育督导委员会办公室（印）2026年11月2日" in text


@pytest.mark.parametrize(
    ("options", "field", "message"),
    [
        ({"problem": 999999}, "problem", "没有编号为 999999 的整改问题"),
        ({"school": "无此学校"}, "school", "没有名为“无此学校”的学校（园）"),
        ({"school": SETTLED}, "school", "没有待整改或已上报的问题，不需要整改通知书"),
        ({}, "problem", "请选择要发整改通知书的整改问题或学校"),
    ],
)
def test_bad_options_are_refused(demo_db, problems, tmp_path, options, field, message):
    if options.get("school") == SETTLED:
        unresolved = set(notice_schools(demo_db))
        options = {"school": next(s.name for s in school_rows(demo_db, TODAY)
                                  if s.name not in unresolved)}  # fmt: skip
    with pytest.raises(ValidationError, match=message) as refused:
        write(demo_db, tmp_path, **options)
    assert refused.value.errors[0].field == field
    assert not (tmp_path / "notice.pdf").exists()


def test_a_problem_of_another_school_is_refused(demo_db, problems, tmp_path):
    with pytest.raises(ValidationError, match=f"属于“{SCHOOL}”，不是“青溪县第一中学”"):
        write(demo_db, tmp_path, problem=problems.open_deadline, school="青溪县第一中学")


@needs_poppler
def test_hostile_problem_text_prints_literally(demo_db, problems, tmp_path):
    long_text = "很长的问题描述" * 43
    with demo_db.session() as session:
        problem = session.get(Problem, problems.open_deadline)
        problem.description = f"{HOSTILE}{EMOJI}{RARE}"
        problem.school.name = f"<i>{SCHOOL}</i>&amp;"
        session.get(Problem, problems.open_immediate).description = long_text
    path = write(demo_db, tmp_path, school=f"<i>{SCHOOL}</i>&amp;")
    text = text_of(path)
    assert f"<i>{SCHOOL}</i>&amp;：" in text
    assert printed(f"{HOSTILE}{EMOJI}{RARE}") in text
    assert long_text in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)
