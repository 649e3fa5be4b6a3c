"""整改通知书: an official document after GB/T 9704-2012. A school's notice reprints its one
issued notice (number and date) or drafts one for the problems not yet in a notice — never a
mix of notices, never a deadline already past; a draft says so and carries no number or date.
It addresses the school as 你校 (a kindergarten as 你园), prints no internal category, no
"（盖章）", no print date; the geometry (margins, text area, 3号 body on 22 lines × 28
characters, the date four characters from the right) is measured on the PDF's characters."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.casework.rectification import issue_notice
from core.enums import ProblemCategory, SchoolKind
from core.errors import ValidationError
from core.office.settings import load_office_name, load_policy, save_settings
from core.reports import write_report
from core.reports.official import cells
from core.reports.options import notice_schools
from core.reports.settings import save_report_settings
from core.roster.schools import school_rows
from db.engine import Database
from db.models import Problem, School
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
MM = 72 / 25.4


@pytest.fixture
def problems(demo_db: Database) -> ProblemWork:
    return add_problems(demo_db, SCHOOL, TODAY)


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "rectification-notice", folder / "notice.pdf", today=TODAY, **options)


def text_of(path: Path) -> str:
    return flat("\n".join(pages_text(path)))


@dataclass(frozen=True)
class Glyph:
    text: str
    x: float
    """from the page's left edge, points"""
    top: float
    """baseline from the page's top edge, points"""
    size: float


def glyphs(path: Path) -> list[list[Glyph]]:
    """Every drawn piece of text of every page, with its position and font size."""
    pages = []
    for page in PdfReader(path).pages:
        height = float(page.mediabox.height)
        found: list[Glyph] = []

        def visit(text, cm, tm, _font, size, found=found, height=height):
            if text.strip():
                x = tm[4] * cm[0] + cm[4]
                y = tm[5] * cm[3] + cm[5]
                found.append(Glyph(text, x, height - y, size * abs(tm[0]) * abs(cm[0]) or size))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def test_a_schools_new_problems_print_as_a_draft(demo_db, problems, tmp_path):
    text = text_of(write(demo_db, tmp_path, school=f" {SCHOOL} "))
    with demo_db.session() as session:
        listed = session.scalars(
            select(Problem)
            .where(Problem.school.has(name=SCHOOL), Problem.status.in_(["open", "escalated"]))
            .order_by(Problem.found_on, Problem.id)
        ).all()
        descriptions = [p.description for p in listed]
        fixed = session.get(Problem, problems.fixed).description
    for numeral, description in zip("一二三四五六七八九", descriptions, strict=False):
        assert f"{numeral}、{flat(description)}" in text
    assert fixed not in text
    assert text.startswith("草稿（未编号，未出具）"), "a notice without a number says it is a draft"
    assert "督整〔〕号" in text and "年月日" in text and "2026年11月2日" not in text
    assert f"{SCHOOL}：" in text and "经督导检查，你校存在以下问题" in text
    assert "发现日期：2026年11月1日；整改要求：限期整改，2026年11月20日前整改到位" in text
    assert "整改要求：立行立改，立即整改到位" in text
    assert "请你校自收到本通知之日起3日内将整改情况书面报送" in text
    for word in (
        "问题类别",
        ProblemCategory.SERIOUS.label,
        "你校（园）",
        "盖章",
        "打印日期",
        "页共",
    ):
        assert word not in text
    assert "—1—" in text and "年月日印发" in text


@needs_poppler
def test_an_issued_notice_is_reprinted_with_its_number_and_date(demo_db, problems, tmp_path):
    policy = load_policy(demo_db).with_changes(rectification_reply_days=7)
    save_settings(demo_db, office_name=load_office_name(demo_db), policy=policy)
    path = write(demo_db, tmp_path, problem=problems.numbered)
    text = text_of(path)
    assert "草稿" not in text
    assert "督整〔2026〕7号" in text
    assert "一、课后服务收费未公示。" in text and "二、" not in text
    assert "于2026年11月2日前将整改情况书面报送" in text  # 26 October + 7 days
    office = load_office_name(demo_db)
    assert f"特此通知。{office}2026年10月26日" in text, "the office over the notice's date"
    assert f"{office}2026年10月26日印发" in text, "版记: who issued it and when"
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


def test_a_school_with_problems_in_two_notices_is_refused(demo_db, problems, tmp_path):
    with demo_db.session() as session:
        school = session.scalars(select(School).where(School.name == SCHOOL)).one()
        ids = [p.id for p in session.scalars(select(Problem).where(Problem.school == school))
               if p.status in ("open", "escalated")]  # fmt: skip
    issue_notice(demo_db, ids[:1], day=TODAY)
    issue_notice(demo_db, ids[1:], day=TODAY)
    with pytest.raises(ValidationError, match="分属不同的整改通知书") as refused:
        write(demo_db, tmp_path, school=SCHOOL)
    assert refused.value.errors[0].field == "school"
    assert not (tmp_path / "notice.pdf").exists()
    text = text_of(write(demo_db, tmp_path, problem=ids[0]))
    assert "督整〔2026〕8号" in text and "2026年11月2日" in text


def test_a_draft_with_a_deadline_already_past_is_refused(demo_db, problems, tmp_path):
    later = date(2026, 11, 21)  # the day after the deadline of 20 November
    with pytest.raises(ValidationError, match="整改期限早于通知日期 2026-11-21"):
        write_report(demo_db, "rectification-notice", tmp_path / "n.pdf", today=later,
                     school=SCHOOL)  # fmt: skip
    with pytest.raises(ValidationError, match="整改期限早于通知日期"):
        issue_notice(demo_db, [problems.open_deadline], day=later)
    with demo_db.session() as session:
        assert session.get(Problem, problems.open_deadline).notice_no == ""


def test_a_kindergarten_is_addressed_as_你园(demo_db, problems, tmp_path):
    with demo_db.session() as session:
        session.get(Problem, problems.open_deadline).school.kind = SchoolKind.KINDERGARTEN.value
    text = text_of(write(demo_db, tmp_path, problem=problems.open_deadline))
    assert "你园存在以下问题" in text and "请你园" in text and "你校" not in text


def test_the_report_settings_sign_and_number_the_notice(demo_db, problems, tmp_path):
    save_report_settings(
        demo_db,
        notice_prefix="青督整",
        signature="青溪县教育督导委员会办公室",
        seal="（印）",
        supervision_prefix="督办",
    )
    text = text_of(write(demo_db, tmp_path, problem=problems.open_deadline))
    assert "青督整〔〕号" in text
    assert "书面报送青溪县教育督导委员会办公室" in text
    assert "青溪县教育督导委员会办公室年月日" in text and "（印）" not in text


def test_the_notice_follows_the_gb_t_9704_geometry(demo_db, problems, tmp_path):
    with demo_db.session() as session:
        problem = session.get(Problem, problems.numbered)
        problem.description = "课后服务收费未公示，家长反映收费项目和标准不清楚。" * 30
    path = write(demo_db, tmp_path, problem=problems.numbered)
    reader = PdfReader(path)
    assert reader.metadata is not None
    assert reader.metadata.subject == "正文：本机没有仿宋字体，使用内置字体（文泉驿微米黑）代替"
    assert len(reader.pages) >= 3
    for page in reader.pages:
        assert (
            round(float(page.mediabox.width) / MM),
            round(float(page.mediabox.height) / MM),
        ) == (
            210,
            297,
        )
    pages = glyphs(path)
    body = [[g for g in page if abs(g.size - 16) < 0.01] for page in pages]
    left, right, top, bottom = 28 * MM, (28 + 156) * MM, 37 * MM, (37 + 225) * MM
    for page in body:
        assert all(left - 0.5 <= g.x and g.x + g.size / 2 <= right + 0.5 for g in page)
        assert all(top < g.top <= bottom for g in page)
    full = body[1]  # the second page is all body text
    lines: Counter[float] = Counter()
    for g in full:
        lines[round(g.top, 1)] += cells(g.text.strip())
    assert len(lines) == 22, "3号 body on 22 lines a page"
    assert max(lines.values()) == 28, "28 characters a line (a digit takes half)"
    pitch = sorted(lines)[1] - sorted(lines)[0]
    assert pitch == pytest.approx(225 * MM / 22, abs=0.1)
    assert min(g.x for g in full) == pytest.approx(left, abs=0.5)
    assert any(abs(g.size - 22) < 0.01 and g.text.strip() == "整" for g in pages[0]), "2号 title"
    last = pages[-1]
    date_line = [g for g in last if abs(g.size - 16) < 0.01 and g.top == max(
        h.top for h in last if abs(h.size - 16) < 0.01)]  # fmt: skip
    assert "".join(g.text.strip() for g in date_line) == "2026年10月26日"
    end = max(g.x for g in date_line) + 16 * 0.95
    assert right - end == pytest.approx(4 * 156 * MM / 28, abs=2), "dated 4 characters in"
    numbers = [g for page in pages for g in page if abs(g.size - 14) < 0.01 and g.top > bottom]
    assert numbers and all(g.top - bottom > 7 * MM for g in numbers)


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
    assert long_text in re.sub(r"—\d+—", "", text), "spread over pages, between page numbers"
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)
