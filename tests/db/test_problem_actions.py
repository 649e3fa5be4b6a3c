"""The steps after escalation: a 督办通知 only for late or inadequate rectification, numbered in
its own series, giving a new deadline (given back when deleted) and counted when overdue; a 约谈
only with its written record; 通报, 问责 and reports up; every step in the problem's trail, and
the 督办通知 printed as an official document."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from core.casework.actions import ActionInput, delete_action, record_action
from core.casework.rectification import (
    ProblemInput,
    add_follow_up,
    add_problem,
    problem_rows,
    problem_trail,
    rectification_figures,
)
from core.cli.check_text import compliance_lines
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from core.overview import compliance as compliance_on
from core.reports import write_report
from core.reports.settings import save_report_settings
from core.roster.schools import SchoolInput, save_school
from db.engine import Database
from tests.db.report_helpers import flat, pages_text

FOUND = date(2026, 10, 12)
DAY = timedelta(days=1)


@pytest.fixture
def schools(db: Database) -> tuple[int, int]:
    return (
        save_school(db, SchoolInput(name="城关第一小学")),
        save_school(db, SchoolInput(name="河口幼儿园", kind="kindergarten")),
    )


def problem(db: Database, school: int, deadline: date = FOUND + 10 * DAY, **changes) -> int:
    return add_problem(
        db,
        ProblemInput(
            **{
                "school_id": school,
                "found_on": FOUND,
                "category": "general",
                "description": "食堂留样记录不全。",
                "requirement": "deadline",
                "deadline": deadline,
            }
            | changes
        ),
    )


def supervision(day: date, deadline: date | None) -> ActionInput:
    return ActionInput(kind="supervision", day=day, deadline=deadline, content="逾期未整改")


def row(db: Database, problem_id: int, today: date):
    return next(r for r in problem_rows(db, today) if r.id == problem_id)


def test_a_supervision_notice_needs_late_or_inadequate_rectification(db, schools):
    school, _ = schools
    first = problem(db, school)
    with pytest.raises(ValidationError, match="未逾期，复查也未发现整改不到位，不需督办"):
        record_action(db, [first], supervision(FOUND + 5 * DAY, FOUND + 20 * DAY))
    with pytest.raises(ValidationError, match="须填写“新的整改期限”"):
        record_action(db, [first], supervision(FOUND + 11 * DAY, None))
    with pytest.raises(ValidationError, match="不能早于督办日期"):
        record_action(db, [first], supervision(FOUND + 11 * DAY, FOUND + 10 * DAY))
    assert row(db, first, FOUND).deadline == FOUND + 10 * DAY, "refused: nothing changed"

    second = problem(db, school, deadline=FOUND + 30 * DAY, description="消防器材过期。")
    add_follow_up(db, second, day=FOUND + 3 * DAY, outcome="in_progress", result="仍在整改")
    number = record_action(db, [first, second], supervision(FOUND + 12 * DAY, FOUND + 25 * DAY))
    assert number == "督办〔2026〕1号"
    assert row(db, first, FOUND).deadline == FOUND + 25 * DAY
    assert row(db, second, FOUND).supervised
    again = record_action(db, [first], supervision(FOUND + 26 * DAY, FOUND + 30 * DAY))
    assert again == "督办〔2026〕2号", "督办 are numbered in their own series"

    trail = problem_trail(db, first, FOUND + 31 * DAY)
    texts = [e.text for e in trail.events if e.kind == "action"]
    assert texts == [
        "督办通知 督办〔2026〕1号，整改期限改为 2026-11-06（原期限 2026-10-22）：逾期未整改",
        "督办通知 督办〔2026〕2号，整改期限改为 2026-11-11（原期限 2026-11-06）：逾期未整改",
    ]
    assert trail.events[0].text.endswith("整改期限 2026-10-22"), "found with its first deadline"
    figures = [
        rectification_figures(db, FOUND + n * DAY).overdue_supervisions for n in (25, 27, 31)
    ]
    assert figures == [0, 1, 2], "after 6 November the second, after 11 November the first too"

    latest = next(e for e in trail.events if e.text.startswith("督办通知 督办〔2026〕2号"))
    assert latest.action_id is not None
    delete_action(db, latest.action_id)
    assert row(db, first, FOUND).deadline == FOUND + 25 * DAY, "the deadline it replaced"


def test_steps_go_to_one_school_and_not_before_the_problem(db, schools):
    here, there = (problem(db, school) for school in schools)
    talk = ActionInput(
        kind="interview", day=FOUND, subjects="校长", officials="主任", content="记录"
    )
    with pytest.raises(ValidationError, match="所选问题涉及多所学校"):
        record_action(db, [here, there], talk)
    with pytest.raises(ValidationError, match="不能早于问题发现日期"):
        record_action(db, [here], ActionInput(**{**talk.__dict__, "day": FOUND - DAY}))


def test_an_interview_needs_its_written_record_and_every_step_is_in_the_trail(db, schools):
    problem_id = problem(db, schools[0])
    with pytest.raises(ValidationError) as refused:
        record_action(db, [problem_id], ActionInput(kind="interview", day=FOUND + DAY))
    assert [e.label for e in refused.value.errors] == ["约谈对象", "约谈人", "约谈记录"]
    steps = [
        ActionInput(kind="interview", day=FOUND + DAY, place="督导室会议室", subjects="校长",
                    officials="督导室主任", content="校长说明原因。", outcome="承诺一周内整改"),
        ActionInput(kind="bulletin", day=FOUND + 2 * DAY, content="11月督导通报点名"),
        ActionInput(kind="accountability", day=FOUND + 3 * DAY, subjects="县纪委监委",
                    content="两次督办仍未整改"),
        ActionInput(kind="referral", day=FOUND + 4 * DAY, subjects="市教育督导室",
                    content="需住建部门协调", outcome="已回复"),
    ]  # fmt: skip
    for step in steps:
        assert record_action(db, [problem_id], step) == ""
    texts = [e.text for e in problem_trail(db, problem_id, FOUND).events if e.kind == "action"]
    assert texts == [
        "约谈，督导室会议室（约谈对象：校长；约谈人：督导室主任）：校长说明原因；结果：承诺一周内整改",
        "通报：11月督导通报点名",
        "启动问责（县纪委监委）：两次督办仍未整改",
        "报送市教育督导室：需住建部门协调；结果：已回复",
    ]


def test_a_serious_problem_not_reported_up_in_time_is_flagged(db, schools):
    """Reported at once: by default the day after it was found; a 报送上级 clears the flag, and
    the office can give itself more days."""
    serious = problem(db, schools[0], category="serious", description="违规收取教辅费用。")
    problem(db, schools[1])  # a 一般性问题 need not go up
    figures = [rectification_figures(db, FOUND + n * DAY).unreported_serious for n in (0, 1, 2)]
    assert figures == [0, 0, 1]
    lines = compliance_lines(compliance_on(db, FOUND + 2 * DAY))
    assert "✗ 报送上级：1 个严重违规或重大问题发现后 1 天内未报送上级" in lines
    save_settings(db, office_name="城关督导室", policy=PolicyProfile(serious_report_days=3))
    assert rectification_figures(db, FOUND + 3 * DAY).unreported_serious == 0
    assert rectification_figures(db, FOUND + 4 * DAY).unreported_serious == 1
    referral = ActionInput(kind="referral", day=FOUND + 4 * DAY, subjects="市教育督导室",
                           content="违规收费，立即报告")  # fmt: skip
    record_action(db, [serious], referral)
    assert rectification_figures(db, FOUND + 4 * DAY).unreported_serious == 0
    assert rectification_figures(db, FOUND + 3 * DAY).unreported_serious == 0, "as of that day"
    lines = compliance_lines(compliance_on(db, FOUND + 5 * DAY))
    assert "✓ 报送上级：0 个严重违规或重大问题发现后 3 天内未报送上级" in lines


def test_the_supervision_notice_prints_the_new_deadline(db, schools, tmp_path: Path):
    problem_id = problem(db, schools[1])
    record_action(db, [problem_id], supervision(FOUND + 12 * DAY, FOUND + 25 * DAY))
    out = write_report(db, "supervision-notice", tmp_path / "s.pdf", today=FOUND + 13 * DAY,
                       problem=problem_id)  # fmt: skip
    text = flat("".join(pages_text(out)))
    assert "督办〔2026〕1号" in text and "督办通知" in text and "河口幼儿园：" in text
    assert "你园下列问题整改不到位或逾期未整改。现予督办" in text and "你校" not in text
    assert "逾期未整改。逾期未整改" not in text, "the reason given is not said twice"
    assert "原定2026年10月22日前整改到位" in text
    assert "请你园高度重视，于2026年11月6日前整改到位" in text
    assert "2026年10月24日印发" in text and "—1—" in text
    other = problem(db, schools[0])
    with pytest.raises(ValidationError, match=f"整改问题 {other} 没有督办通知"):
        write_report(db, "supervision-notice", tmp_path / "x.pdf", today=FOUND, problem=other)


def test_a_changed_prefix_numbers_the_next_supervision_notice_and_prints_on_it(
    db, schools, tmp_path: Path
):
    first = problem(db, schools[0])
    assert record_action(db, [first], supervision(FOUND + 12 * DAY, FOUND + 25 * DAY)) == (
        "督办〔2026〕1号"
    )
    save_report_settings(
        db, notice_prefix="督整", signature="", seal="（盖章）", supervision_prefix="青督办"
    )
    second = problem(db, schools[1], description="午睡室消防器材过期。")
    number = record_action(db, [second], supervision(FOUND + 13 * DAY, FOUND + 25 * DAY))
    assert number == "青督办〔2026〕2号", "the series goes on under the new prefix"
    today = FOUND + 14 * DAY
    out = write_report(db, "supervision-notice", tmp_path / "s.pdf", today=today, problem=second)
    assert "青督办〔2026〕2号" in flat("".join(pages_text(out)))
    old = write_report(db, "supervision-notice", tmp_path / "o.pdf", today=today, problem=first)
    text = flat("".join(pages_text(old)))
    assert "督办〔2026〕1号" in text and "青督办" not in text, "an issued number stays as it was"


def test_the_interview_record_prints_who_what_and_the_signature_lines(db, schools, tmp_path):
    problem_id = problem(db, schools[0])
    talk = ActionInput(kind="interview", day=FOUND + DAY, place="督导室会议室",
                       subjects="校长<b>&", officials="督导室主任", content="校长说明原因。",
                       outcome="承诺一周内整改")  # fmt: skip
    record_action(db, [problem_id], talk)
    out = write_report(db, "interview", tmp_path / "i.pdf", today=FOUND + 2 * DAY,
                       school="城关第一小学")  # fmt: skip
    text = flat("".join(pages_text(out)))
    expected = [
        "约谈记录",
        "约谈时间2026年10月13日",
        "约谈地点督导室会议室",
        "被约谈单位城关第一小学",
        "约谈对象校长<b>&",
        "约谈人督导室主任",
        "1.食堂留样记录不全。（整改期限：2026年10月22日）",
        "约谈情况校长说明原因。",
        "整改承诺及结果承诺一周内整改",
        "被约谈人：",
    ]
    for expected_text in expected:
        assert expected_text in text
    with pytest.raises(ValidationError, match="“河口幼儿园”没有约谈记录"):
        write_report(db, "interview", tmp_path / "x.pdf", today=FOUND, school="河口幼儿园")
