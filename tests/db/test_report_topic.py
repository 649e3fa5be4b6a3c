"""专项督导报告: the report of a topic inspection prints its figures from the data — schools
inspected of those in the inspection, inspectors, visits, problems by tier — and its problems in
states that partition them (each total the sum of its printed parts); the clerk's texts replace
the generated ones and print literally; 特此报告 and the date never stand on a page without the
last lines above them."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.calendar.topic_inspection import topic_figures, topic_inspections
from core.enums import ProblemCategory, ProblemStatus, Requirement, VisitKind, VisitStatus
from core.errors import ValidationError
from core.reports import write_report
from db.engine import Database
from db.models import Problem, Visit
from tests.db.report_helpers import (
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
)


def read_pages(path) -> list[str]:
    """The pages' text without the page numbers ("— 1 —")."""
    return [re.sub(r"— \d+ —", "", page) for page in pages_text(path)]


TODAY = date(2026, 12, 2)
TOPIC = "双减"
STATES = [
    (ProblemCategory.GENERAL, ProblemStatus.OPEN, "作业公示栏未及时更新。"),
    (ProblemCategory.GENERAL, ProblemStatus.OPEN, "作业公示栏未及时更新。"),
    (ProblemCategory.GENERAL, ProblemStatus.FIXED, "课后服务签到表缺失。"),
    (ProblemCategory.KEY, ProblemStatus.ESCALATED, "书面作业总量超标。"),
    (ProblemCategory.KEY, ProblemStatus.VERIFIED, "课后服务收费未公示。"),
    (ProblemCategory.SERIOUS, ProblemStatus.ESCALATED, "违规组织学科类补课。"),
]
"""The problems put on the 双减 visits: every state, three tiers, a kind found twice."""


@pytest.fixture(scope="module")
def office_file(tmp_path_factory) -> Database:
    from core.demo.office import create_demo
    from db.migrate import upgrade

    path = tmp_path_factory.mktemp("topic") / "office.db"
    db = Database.open(path)
    upgrade(db, backup=False)
    create_demo(db, "office", TODAY)
    with db.session() as session:
        visits = session.scalars(
            select(Visit)
            .where(Visit.kind == VisitKind.SPECIAL.value, Visit.topic == TOPIC)
            .order_by(Visit.visit_date, Visit.id)
        ).all()
        for (category, status, text), visit in zip(STATES, visits, strict=False):
            fixed = status in (ProblemStatus.FIXED, ProblemStatus.VERIFIED)
            session.add(
                Problem(
                    school_id=visit.school_id,
                    visit_id=visit.id,
                    found_on=visit.visit_date,
                    category=category.value,
                    description=text,
                    requirement=Requirement.DEADLINE.value,
                    deadline=visit.visit_date + timedelta(days=10),
                    status=status.value,
                    escalated_on=visit.visit_date if status == ProblemStatus.ESCALATED else None,
                    closed_on=visit.visit_date + timedelta(days=5) if fixed else None,
                )
            )
    db.dispose()
    return path


@pytest.fixture
def office(office_file) -> Database:
    db = Database.open(office_file)
    yield db
    db.dispose()


def write(db: Database, path, **options):
    return write_report(db, "topic", path, today=TODAY, **options)


def double(db: Database):
    [run] = [r for r in topic_inspections(db) if r.topic == TOPIC]
    return run


def table_rows(text: str) -> dict[str, list[str]]:
    """The rows of the problems table as printed: label, then its figures."""
    text = text[text.index("各类问题整改情况如下") :]
    rows = {}
    for label in [c.label for c in ProblemCategory] + ["合计"]:
        spaced = r"\s*".join(map(re.escape, label))  # a long label wraps in its cell
        found = re.search(spaced + r"((?:\s*(?:\d+(?:\.\d)?%|\d+|—))+)", text)
        if found:
            rows[label] = found.group(1).split()
    return rows


@needs_poppler
def test_the_report_prints_the_inspections_figures_and_its_four_parts(office, tmp_path):
    run = double(office)
    figures = topic_figures(office, TOPIC, run.first, run.last, TODAY)
    path = write(office, tmp_path / "t.pdf", topic=TOPIC)
    pages = read_pages(path)
    text = flat("".join(pages))
    assert "双减专项督导报告" in text
    for heading in ("一、基本情况", "二、亮点", "三、问题整改及效果", "四、下一步工作建议"):
        assert heading in text
    with office.session() as session:
        visits = session.scalars(
            select(Visit).where(Visit.kind == VisitKind.SPECIAL.value, Visit.topic == TOPIC)
        ).all()
    done = [v for v in visits if v.status == VisitStatus.DONE.value]
    schools = {v.school_id for v in visits}
    assert f"列入督导的学校（园）{len(schools)}所" in text
    assert f"已督导{len({v.school_id for v in done})}所" in text
    assert f"已完成{len(done)}次" in text
    assert f"参加督导的督学{len(figures.inspectors)}名" in text
    for name in figures.inspectors:
        assert name in text
    assert "共发现问题6个（一般性问题3个、重点问题2个、严重违规或重大问题1个）" in text
    assert (
        "共发现问题6个，其中整改到位2个（已整改1个、已销号1个），尚未整改4个（已上报2个、待整改2个）"
        in text
    )
    assert "作业公示栏未及时更新" in text and "特此报告。" in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


def test_every_printed_total_is_the_sum_of_its_parts(office, tmp_path):
    text = "\n".join(read_pages(write(office, tmp_path / "t.pdf", topic=TOPIC)))
    rows = table_rows(text)
    assert set(rows) == {*(c.label for c in ProblemCategory), "合计"}, rows
    for label, figures in rows.items():
        found, *states = (int(n) for n in figures[:5])
        assert found == sum(states), label  # each problem in exactly one state
    tiers = [rows[c.label] for c in ProblemCategory]
    for column in range(6):  # 发现, four states, 其中逾期
        assert int(rows["合计"][column]) == sum(int(row[column]) for row in tiers), column
    assert rows["合计"][:5] == ["6", "1", "1", "2", "2"]
    assert rows["合计"][6] == "33.3%"


def test_the_clerks_texts_print_literally_in_place_of_the_generated_ones(office, tmp_path):
    texts = {
        "addressee": "县教育局",
        "highlights": "<b>&amp;亮点</b> 一校一策",
        "suggestions": "加强<i>跟踪</i>。",
    }
    text = flat("".join(read_pages(write(office, tmp_path / "t.pdf", topic=TOPIC, texts=texts))))
    assert "县教育局：" in text
    assert "<b>&amp;亮点</b>一校一策" in text
    assert "加强<i>跟踪</i>。特此报告。" in text
    assert "督导记录中反映较多的做法" not in text  # the generated highlights are replaced


def test_an_empty_text_an_unknown_topic_and_a_period_without_visits_are_refused(office, tmp_path):
    with pytest.raises(ValidationError, match="“亮点”不能为空"):
        write(office, tmp_path / "a.pdf", topic=TOPIC, texts={"highlights": " \n "})
    with pytest.raises(ValidationError, match="没有“防溺水”专项督导"):
        write(office, tmp_path / "b.pdf", topic="防溺水")
    with pytest.raises(ValidationError, match="2025-01-01 至 2025-12-31 没有“双减”专项督导"):
        write(office, tmp_path / "c.pdf", topic=TOPIC, year=2025)
    with pytest.raises(ValidationError, match="结束日期"):
        write(office, tmp_path / "d.pdf", topic=TOPIC, start=TODAY, end=date(2026, 1, 1))
    assert not list(tmp_path.glob("*.pdf"))


def test_the_period_by_dates_or_month_counts_only_its_visits(office, tmp_path):
    run = double(office)
    first_day = write(office, tmp_path / "a.pdf", topic=TOPIC, start=run.first, end=run.first)
    text = flat("".join(read_pages(first_day)))
    with office.session() as session:
        that_day = session.scalars(
            select(Visit.school_id).where(
                Visit.kind == VisitKind.SPECIAL.value,
                Visit.topic == TOPIC,
                Visit.visit_date == run.first,
            )
        ).all()
    assert f"列入督导的学校（园）{len(set(that_day))}所" in text
    month = write(office, tmp_path / "b.pdf", topic=TOPIC, month=f"{run.first:%Y-%m}")
    assert "双减专项督导报告" in flat(read_pages(month)[0])


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.integers(min_value=1, max_value=60),
    paragraphs=st.integers(min_value=1, max_value=4),
)
def test_the_closing_never_stands_on_a_page_without_the_text_above(
    office, tmp_path, lines, paragraphs
):
    """Suggestions of every length around the page ends: the page of 特此报告 and the date
    also holds the last characters of the suggestions, and no page is nearly empty."""
    per = max(1, lines // paragraphs)
    body = "\n".join(
        "".join(f"第{p}段第{n}行" + "落实整改要求" * 3 for n in range(per)) + "。"
        for p in range(paragraphs)
    )
    body += "以上建议请审阅。"
    path = write(office, tmp_path / "t.pdf", topic=TOPIC, texts={"suggestions": body})
    pages = read_pages(path)
    [closing] = [n for n, page in enumerate(pages) if "特此报告" in page]
    assert "以上建议请审阅。" in flat(pages[closing])
    for page in pages[:closing]:
        assert len(flat(page)) > 200, page  # a full page of text, not a stray line


def test_rare_characters_of_the_clerks_text_print_and_one_no_font_has_is_named(office, tmp_path):
    from tests.db.test_report_rare_characters import NO_FONT, RARE_A, RARE_B, needs_rare_font

    if needs_rare_font.args[0]:
        pytest.skip(needs_rare_font.kwargs["reason"])
    warnings: list[str] = []
    texts = {"highlights": f"{RARE_B}{RARE_A}小学课后服务有特色{NO_FONT}。"}
    path = write_report(
        office, "topic", tmp_path / "t.pdf", today=TODAY, topic=TOPIC, texts=texts,
        warnings=warnings,
    )  # fmt: skip
    text = flat("".join(read_pages(path)))
    assert f"{RARE_B}{RARE_A}小学课后服务有特色" in text
    assert warnings and "U+10FFFD" in warnings[0]


def test_the_figures_count_only_the_topics_visits_on_both_engines(db):
    """Built through the app's operations: the 安全 visits of the period count, a routine visit,
    another topic's visit and their problems do not; a cancelled visit's school is left
    uninspected; companions are among the inspectors."""
    from core.calendar.visits import VisitInput, add_visit, set_status
    from core.casework.rectification import ProblemInput, add_follow_up, add_problem
    from core.roster.inspectors import InspectorInput, save_inspector
    from core.roster.schools import SchoolInput, save_school

    term = date(2025, 9, 1)
    wang = save_inspector(db, InspectorInput("王建国"), appoint_from=term)
    li = save_inspector(db, InspectorInput("李丽"), appoint_from=term)
    east, west, north = (
        save_school(db, SchoolInput(n)) for n in ("东关小学", "西关小学", "北关小学")
    )

    def visit(day: int, school: int, who: int, kind="special", topic="安全", **extra) -> int:
        return add_visit(db, VisitInput(date(2026, 11, day), school, who, kind, topic, **extra))

    safety = [
        visit(10, east, wang, companion_ids=(li,)),
        visit(11, west, li),
        visit(12, north, wang),
    ]
    routine = visit(10, west, li, "routine", "")
    other = visit(13, east, wang, topic="双减")
    set_status(db, [*safety[:2], routine, other], "done", today=TODAY)
    set_status(db, [safety[2]], "cancelled", today=TODAY)

    def problem(school: int, visit_id: int, category: str) -> int:
        data = ProblemInput(school, date(2026, 11, 14), category, "问题", "deadline",
                            date(2026, 11, 30), visit_id=visit_id)  # fmt: skip
        return add_problem(db, data)

    fixed = problem(east, safety[0], "general")
    add_follow_up(db, fixed, day=date(2026, 11, 20), outcome="fixed", result="已整改")
    problem(west, safety[1], "serious")
    problem(west, routine, "general")
    problem(east, other, "key")

    f = topic_figures(db, "安全", date(2026, 11, 1), date(2026, 11, 30), TODAY)
    assert f.schools == sorted(["东关小学", "西关小学", "北关小学"])
    assert f.inspected == sorted(["东关小学", "西关小学"]) and f.not_inspected == ["北关小学"]
    assert sorted(f.inspectors) == ["李丽", "王建国"]
    assert (f.done, f.to_come, f.called_off, f.active_schools) == (2, 0, 1, 3)
    total = f.total
    assert total.found == 2 == total.rectified + total.unresolved
    assert total.states == {"fixed": 1, "escalated": 1} and total.overdue == 1
    assert f.tiers["general"].found == 1 and f.tiers["serious"].found == 1
    assert f.follow_ups == 1
    assert [(r.topic, r.visits) for r in topic_inspections(db)] == [("双减", 1), ("安全", 3)]
