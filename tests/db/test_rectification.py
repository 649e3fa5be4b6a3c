"""Rectification on both engines: registering problems, follow-ups up to the report to the office,
销号, notices and their numbers, 回头看 visits, the trail of one problem and the dashboard's
figures — each read back through a fresh unit of work; refusals name the field in Chinese and
change nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from core.attachments import add_attachment, attachment_rows
from core.casework.rectification import (
    ProblemInput,
    add_follow_up,
    add_problem,
    delete_follow_up,
    delete_problem,
    entry_choices,
    escalate,
    issue_notice,
    mark_verified,
    plan_recheck,
    problem_rows,
    problem_trail,
    rectification_figures,
    update_problem,
)
from core.enums import FollowUpOutcome, ProblemCategory, ProblemStatus, Requirement, VisitKind
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import load_office_name, save_settings
from core.reports.settings import save_report_settings
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school
from db.engine import Database
from db.models import Attachment, FollowUp, Problem, Visit
from tests.db.attachment_helpers import opened_bytes, stored_digests

FOUND = date(2026, 10, 12)
DAY = timedelta(days=1)
NOT_FIXED = FollowUpOutcome.NOT_FIXED.value
FIXED = FollowUpOutcome.FIXED.value


@dataclass(frozen=True)
class Office:
    school: int
    other_school: int
    uncovered: int
    inspector: int


@pytest.fixture
def office(db: Database) -> Office:
    """Two schools with 王老师 as their responsible inspector, and one school without one."""
    from core.roster.assignments import assign_schools

    school = save_school(db, SchoolInput(name="城关第一小学"))
    other = save_school(db, SchoolInput(name="城关中学", kind="junior"))
    uncovered = save_school(db, SchoolInput(name="河口幼儿园", kind="kindergarten"))
    inspector = save_inspector(db, InspectorInput(name="王老师"), appoint_from=date(2025, 9, 1))
    assign_schools(db, inspector, [school, other], date(2025, 9, 1))
    return Office(school, other, uncovered, inspector)


def problem(office: Office, **changes) -> ProblemInput:
    fields: dict[str, Any] = {
        "school_id": office.school,
        "found_on": FOUND,
        "category": ProblemCategory.GENERAL.value,
        "description": "食堂留样记录不全",
        "requirement": Requirement.DEADLINE.value,
        "deadline": FOUND + 10 * DAY,
    }
    return ProblemInput(**(fields | changes))


def row(db: Database, problem_id: int, today: date = FOUND):
    return next(r for r in problem_rows(db, today) if r.id == problem_id)


def stored(db: Database, problem_id: int) -> Problem:
    with db.session() as session:
        found = session.get(Problem, problem_id)
        assert found is not None
        session.expunge(found)
        return found


def count(db: Database, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


# --- registering ---------------------------------------------------------------------------


def test_a_problem_fixed_at_once_is_due_the_day_it_was_found(db, office):
    problem_id = add_problem(db, problem(office, requirement="immediate", deadline=None))
    line = row(db, problem_id)
    assert (line.deadline, line.status_label, line.requirement_label) == (
        FOUND,
        "待整改",
        "立行立改",
    )
    assert line.school == "城关第一小学" and line.inspector == "王老师"
    assert not row(db, problem_id, FOUND).overdue
    assert row(db, problem_id, FOUND + DAY).overdue


def test_a_problem_with_a_deadline_is_overdue_only_after_it(db, office):
    problem_id = add_problem(db, problem(office))
    deadline = FOUND + 10 * DAY
    assert not row(db, problem_id, deadline).overdue
    assert row(db, problem_id, deadline + DAY).overdue


def test_a_deadline_is_required_and_may_not_precede_the_finding(db, office):
    assert "整改期限" in refused(add_problem, db, problem(office, deadline=None))
    message = refused(add_problem, db, problem(office, deadline=FOUND - DAY))
    assert message == "“整改期限”不能早于发现日期（2026-10-12）"
    assert "问题描述" in refused(add_problem, db, problem(office, description=" "))
    assert count(db, Problem) == 0


def test_a_serious_problem_is_reported_the_moment_it_is_registered(db, office):
    problem_id = add_problem(db, problem(office, category="serious"))
    line = row(db, problem_id)
    assert (line.status_label, line.escalated_on, line.escalated) == ("已上报", FOUND, True)


def test_a_problem_from_a_visit_names_its_source_and_must_match_its_school(db, office):
    with db.session() as session:
        visit = Visit(
            visit_date=FOUND, school_id=office.school, inspector_id=office.inspector, kind="routine"
        )
        session.add(visit)
        session.flush()
        visit_id = visit.id
    problem_id = add_problem(db, problem(office, visit_id=visit_id))
    assert row(db, problem_id).source == "督导 2026-10-12"
    message = refused(
        add_problem, db, problem(office, school_id=office.other_school, visit_id=visit_id)
    )
    assert message == "那次督导不是在“城关中学”进行的"
    early = refused(add_problem, db, problem(office, visit_id=visit_id, found_on=FOUND - DAY))
    assert "督导日期" in early


def test_editing_a_problem_applies_the_rules_to_the_new_data(db, office):
    problem_id = add_problem(db, problem(office))
    update_problem(db, problem_id, problem(office, category="serious", description="校车超载"))
    line = row(db, problem_id)
    assert (line.description, line.status, line.escalated_on) == ("校车超载", "escalated", FOUND)
    update_problem(db, problem_id, problem(office, description="校车超载"))
    assert row(db, problem_id).status == ProblemStatus.OPEN

    add_follow_up(db, problem_id, day=FOUND + 3 * DAY, outcome=NOT_FIXED, result="")
    message = refused(update_problem, db, problem_id, problem(office, found_on=FOUND + 4 * DAY))
    assert message == "已有 2026-10-15 的复查记录，“发现日期”不能晚于它"


# --- follow-ups and escalation ---------------------------------------------------------------


def test_follow_ups_up_to_the_policy_count_report_the_problem(db, office):
    problem_id = add_problem(db, problem(office, category="key"))
    add_follow_up(db, problem_id, day=FOUND + 5 * DAY, outcome=NOT_FIXED, result="未整改")
    assert row(db, problem_id).status == ProblemStatus.OPEN
    add_follow_up(db, problem_id, day=FOUND + 12 * DAY, outcome="in_progress", result="整改中")
    line = row(db, problem_id)
    assert (line.status, line.escalated_on, line.follow_ups) == ("escalated", FOUND + 12 * DAY, 2)


def test_a_general_problem_still_open_after_the_follow_ups_becomes_a_key_problem(db, office):
    problem_id = add_problem(db, problem(office))
    add_follow_up(db, problem_id, day=FOUND + DAY, outcome=NOT_FIXED, result="")
    assert row(db, problem_id).category_label == "一般性问题"
    add_follow_up(db, problem_id, day=FOUND + 2 * DAY, outcome=NOT_FIXED, result="")
    line = row(db, problem_id)
    assert (line.category_label, line.status_label) == ("重点问题", "已上报")
    by_hand = add_problem(db, problem(office))
    escalate(db, by_hand, FOUND + DAY)
    assert row(db, by_hand).category_label == "难点问题", "by hand: needs other departments"
    serious = add_problem(db, problem(office, category="serious"))
    assert row(db, serious).category_label == "严重违规或重大问题"


def test_a_different_policy_count_moves_the_report(db, office):
    save_settings(
        db,
        office_name=load_office_name(db),
        policy=PolicyProfile(followups_before_escalation=3),
    )
    problem_id = add_problem(db, problem(office))
    for n in (1, 2):
        add_follow_up(db, problem_id, day=FOUND + n * DAY, outcome=NOT_FIXED, result="")
    assert row(db, problem_id).status == ProblemStatus.OPEN
    add_follow_up(db, problem_id, day=FOUND + 3 * DAY, outcome=NOT_FIXED, result="")
    assert row(db, problem_id).escalated_on == FOUND + 3 * DAY


def test_a_fix_after_the_report_keeps_the_day_it_was_reported_and_can_be_verified(db, office):
    problem_id = add_problem(db, problem(office))
    for n in (1, 2):
        add_follow_up(db, problem_id, day=FOUND + n * DAY, outcome=NOT_FIXED, result="")
    assert "只有已整改的问题" in refused(mark_verified, db, problem_id, FOUND + 9 * DAY)
    add_follow_up(db, problem_id, day=FOUND + 8 * DAY, outcome=FIXED, result="已补齐留样记录")
    fixed = stored(db, problem_id)
    assert (fixed.status, fixed.escalated_on, fixed.closed_on) == (
        "fixed",
        FOUND + 2 * DAY,
        FOUND + 8 * DAY,
    )
    assert "整改完成日期" in refused(mark_verified, db, problem_id, FOUND + 7 * DAY)
    mark_verified(db, problem_id, FOUND + 9 * DAY)
    verified = stored(db, problem_id)
    assert (verified.status, verified.closed_on) == ("verified", FOUND + 9 * DAY)
    assert row(db, problem_id, FOUND + 60 * DAY).overdue is False


def test_follow_ups_are_refused_before_the_finding_out_of_order_and_after_the_fix(db, office):
    problem_id = add_problem(db, problem(office))
    message = refused(add_follow_up, db, problem_id, day=FOUND - DAY, outcome=NOT_FIXED, result="")
    assert message == "“复查日期”不能早于问题发现日期（2026-10-12）"
    add_follow_up(db, problem_id, day=FOUND + 4 * DAY, outcome=NOT_FIXED, result="")
    message = refused(add_follow_up, db, problem_id, day=FOUND + DAY, outcome=FIXED, result="")
    assert message == "“复查日期”不能早于上一次复查（2026-10-16）"
    add_follow_up(db, problem_id, day=FOUND + 5 * DAY, outcome=FIXED, result="")
    message = refused(
        add_follow_up, db, problem_id, day=FOUND + 6 * DAY, outcome=NOT_FIXED, result=""
    )
    assert message == "这个问题已整改，不能再登记复查"
    assert count(db, FollowUp) == 2


def test_deleting_follow_ups_recomputes_the_status(db, office):
    problem_id = add_problem(db, problem(office))
    first = add_follow_up(db, problem_id, day=FOUND + DAY, outcome=NOT_FIXED, result="")
    second = add_follow_up(db, problem_id, day=FOUND + 2 * DAY, outcome=NOT_FIXED, result="")
    fix = add_follow_up(db, problem_id, day=FOUND + 3 * DAY, outcome=FIXED, result="")
    mark_verified(db, problem_id, FOUND + 4 * DAY)

    delete_follow_up(db, first)
    kept = stored(db, problem_id)
    assert (kept.status, kept.closed_on, kept.escalated_on) == ("verified", FOUND + 4 * DAY, None)
    delete_follow_up(db, fix)
    reopened = stored(db, problem_id)
    assert (reopened.status, reopened.closed_on, reopened.escalated_on) == ("open", None, None)
    delete_follow_up(db, second)
    assert count(db, FollowUp) == 0


def test_a_report_by_hand_survives_deleting_a_follow_up(db, office):
    problem_id = add_problem(db, problem(office, category="difficult"))
    follow_up = add_follow_up(db, problem_id, day=FOUND + DAY, outcome=NOT_FIXED, result="")
    escalate(db, problem_id, FOUND + 2 * DAY)
    assert "已于 2026-10-14 上报" in refused(escalate, db, problem_id, FOUND + 3 * DAY)
    delete_follow_up(db, follow_up)
    kept = stored(db, problem_id)
    assert (kept.status, kept.escalated_on) == ("escalated", FOUND + 2 * DAY)


def test_a_fixed_problem_cannot_be_reported(db, office):
    problem_id = add_problem(db, problem(office))
    assert "上报日期" in refused(escalate, db, problem_id, FOUND - DAY)
    add_follow_up(db, problem_id, day=FOUND, outcome=FIXED, result="")
    assert refused(escalate, db, problem_id, FOUND + DAY) == "这个问题已整改，无需上报"


def test_deleting_a_problem_removes_its_follow_ups(db, office):
    problem_id = add_problem(db, problem(office))
    add_follow_up(db, problem_id, day=FOUND, outcome=NOT_FIXED, result="")
    delete_problem(db, problem_id)
    assert (count(db, Problem), count(db, FollowUp)) == (0, 0)


def test_deleting_a_problem_removes_its_attachments_content_unless_shared(db, office, tmp_path):
    gone = add_problem(db, problem(office))
    kept = add_problem(db, problem(office, description="消防通道堆放杂物"))
    photo = tmp_path / "整改前.jpg"
    photo.write_bytes(b"\xff\xd8 before")
    add_attachment(db, photo, today=FOUND, problem_id=gone)
    add_attachment(db, photo, today=FOUND, problem_id=kept)
    [own] = attachment_rows(db, problem_id=kept)
    delete_problem(db, gone)
    assert opened_bytes(db, own.id) == b"\xff\xd8 before", "another attachment still shares it"
    delete_problem(db, kept)
    assert count(db, Attachment) == 0
    assert stored_digests(db) == set()


# --- notices -----------------------------------------------------------------------------------


def test_notices_are_numbered_per_year_with_the_offices_prefix(db, office):
    save_report_settings(
        db, notice_prefix="城督改", signature="", seal="", supervision_prefix="督办"
    )
    a = add_problem(db, problem(office))
    b = add_problem(db, problem(office, description="消防通道堆放杂物"))
    c = add_problem(db, problem(office, school_id=office.other_school))
    day = date(2026, 10, 20)

    assert issue_notice(db, [a, b], day=day) == "城督改〔2026〕1号"
    assert issue_notice(db, [c], day=day) == "城督改〔2026〕2号"
    assert issue_notice(db, [b, a], day=day + DAY) == "城督改〔2026〕1号"
    assert stored(db, a).notice_date == day
    assert row(db, a).reply_due == day + 3 * DAY

    d = add_problem(db, problem(office, found_on=date(2027, 1, 4), deadline=date(2027, 1, 20)))
    assert issue_notice(db, [d], day=date(2027, 1, 5)) == "城督改〔2027〕1号"


def test_a_notice_goes_to_one_school_only(db, office):
    a = add_problem(db, problem(office))
    c = add_problem(db, problem(office, school_id=office.other_school))
    message = refused(issue_notice, db, [a, c], day=FOUND)
    assert (
        message == "一份整改通知书只能发给一所学校，所选问题涉及 2 所学校：城关中学、城关第一小学"
    )
    assert "通知日期" in refused(issue_notice, db, [a], day=FOUND - DAY)
    assert stored(db, a).notice_no == ""


def test_new_problems_added_to_a_reprint_get_the_next_number(db, office):
    a = add_problem(db, problem(office))
    b = add_problem(db, problem(office, description="消防通道堆放杂物"))
    assert issue_notice(db, [a], day=FOUND).endswith("〔2026〕1号")
    assert issue_notice(db, [a, b], day=FOUND + DAY).endswith("〔2026〕2号")
    assert stored(db, a).notice_no.endswith("1号")
    message = refused(issue_notice, db, [a, b], day=FOUND + DAY)
    assert "分属不同的整改通知书" in message


# --- re-checks, trail, figures ------------------------------------------------------------------


def test_a_recheck_goes_to_the_responsible_inspector_by_default(db, office):
    problem_id = add_problem(db, problem(office))
    visit_id = plan_recheck(db, problem_id, FOUND + 20 * DAY)
    with db.session() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        assert (visit.kind, visit.status, visit.generated) == (VisitKind.RECHECK, "planned", False)
        assert (visit.problem_id, visit.school_id, visit.inspector_id) == (
            problem_id,
            office.school,
            office.inspector,
        )


def test_a_recheck_of_a_school_without_an_inspector_needs_one_named(db, office):
    problem_id = add_problem(db, problem(office, school_id=office.uncovered))
    message = refused(plan_recheck, db, problem_id, FOUND + DAY)
    assert message == "“河口幼儿园”在 2026-10-13 没有责任督学，请指定回头看的督学"
    assert count(db, Visit) == 0
    plan_recheck(db, problem_id, FOUND + DAY, inspector_id=office.inspector)
    assert count(db, Visit) == 1


def test_the_trail_lists_every_step_in_order(db, office):
    problem_id = add_problem(db, problem(office, category="key"))
    issue_notice(db, [problem_id], day=FOUND)
    add_follow_up(db, problem_id, day=FOUND + 5 * DAY, outcome=NOT_FIXED, result="仍未整改")
    add_follow_up(db, problem_id, day=FOUND + 12 * DAY, outcome=NOT_FIXED, result="")
    plan_recheck(db, problem_id, FOUND + 20 * DAY)
    add_follow_up(db, problem_id, day=FOUND + 20 * DAY, outcome=FIXED, result="已整改到位")
    mark_verified(db, problem_id, FOUND + 21 * DAY)

    trail = problem_trail(db, problem_id, FOUND + 30 * DAY)
    assert trail.problem.status_label == "已销号"
    assert [(e.day, e.kind) for e in trail.events] == [
        (FOUND, "found"),
        (FOUND, "notice"),
        (FOUND + 5 * DAY, "follow_up"),
        (FOUND + 12 * DAY, "follow_up"),
        (FOUND + 12 * DAY, "escalated"),
        (FOUND + 20 * DAY, "follow_up"),
        (FOUND + 20 * DAY, "recheck"),
        (FOUND + 20 * DAY, "fixed"),
        (FOUND + 21 * DAY, "verified"),
    ]
    texts = [e.text for e in trail.events]
    assert texts[0] == "发现问题：重点问题，限期整改，整改期限 2026-10-22"
    assert texts[1] == "出具整改通知书 督整〔2026〕1号，要求 2026-10-15 前回复"
    assert texts[2] == "第 1 次复查，未整改：仍未整改"
    assert texts[4] == "经 2 次复查仍未整改，列为重点问题，上报督导部门"
    assert texts[6] == "回头看（王老师，计划）"
    assert trail.events[2].follow_up_id is not None


def test_the_figures_count_open_overdue_and_reported_problems(db, office):
    add_problem(db, problem(office))
    add_problem(db, problem(office, requirement="immediate", deadline=None))
    add_problem(db, problem(office, category="serious", deadline=FOUND + 30 * DAY))
    done = add_problem(db, problem(office, requirement="immediate", deadline=None))
    add_follow_up(db, done, day=FOUND, outcome=FIXED, result="")
    today = FOUND + 11 * DAY
    figures = rectification_figures(db, today)
    assert (figures.open, figures.overdue, figures.escalated) == (3, 2, 1)
    rows = problem_rows(db, today)
    assert sum(r.unresolved for r in rows) == 3
    assert sum(r.overdue for r in rows) == 2
    assert sum(r.escalated for r in rows) == 1


def test_the_forms_offer_active_schools_and_serving_inspectors(db, office):
    choices = entry_choices(db, FOUND)
    assert [name for _id, name in choices.schools] == sorted(
        ["城关第一小学", "城关中学", "河口幼儿园"]
    )
    assert choices.inspectors == [(office.inspector, "王老师")]
    assert choices.responsible == {
        office.school: office.inspector,
        office.other_school: office.inspector,
    }


def test_the_figures_of_a_past_day_are_those_of_that_day(db, office):
    fixed_later = add_problem(db, problem(office))
    add_follow_up(db, fixed_later, day=FOUND + 20 * DAY, outcome=FIXED, result="")
    reported_later = add_problem(db, problem(office))
    for n in (12, 15):
        add_follow_up(db, reported_later, day=FOUND + n * DAY, outcome=NOT_FIXED, result="")
    add_problem(db, problem(office, found_on=FOUND + 30 * DAY, deadline=FOUND + 40 * DAY))

    def figures(day: date) -> tuple[int, int, int]:
        f = rectification_figures(db, day)
        return f.open, f.overdue, f.escalated

    assert figures(FOUND - DAY) == (0, 0, 0), "before the first problem"
    assert figures(FOUND + 5 * DAY) == (2, 0, 0)
    assert figures(FOUND + 13 * DAY) == (2, 2, 0)
    assert figures(FOUND + 16 * DAY) == (2, 2, 1), "reported at the second follow-up"
    assert figures(FOUND + 25 * DAY) == (1, 1, 1), "fixed on day 20"
    assert figures(FOUND + 31 * DAY) == (2, 1, 1)
