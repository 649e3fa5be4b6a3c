"""The rectification rules without a database: when a problem must be reported, what its
follow-ups make of it, when it is overdue, when a school's answer is due, and a complaint's
state."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from core.casework.complaints import ComplaintState, complaint_state
from core.casework.rectification import (
    ProblemInput,
    ProblemState,
    derive_state,
    escalation_due,
    is_overdue,
    problem_problems,
    reply_due,
)
from core.enums import FollowUpOutcome, ProblemCategory, ProblemStatus
from core.office.policy import PolicyProfile

FOUND = date(2026, 10, 12)
NOT_FIXED = FollowUpOutcome.NOT_FIXED.value
IN_PROGRESS = FollowUpOutcome.IN_PROGRESS.value
FIXED = FollowUpOutcome.FIXED.value


def day(n: int) -> date:
    return FOUND + timedelta(days=n)


@pytest.mark.parametrize("policy_count", [1, 2, 3, 5])
@pytest.mark.parametrize(
    "category", [ProblemCategory.GENERAL, ProblemCategory.KEY, ProblemCategory.DIFFICULT]
)
def test_escalation_is_due_exactly_when_the_follow_ups_reach_the_policy(category, policy_count):
    assert not escalation_due(category, policy_count - 1, True, policy_count)
    assert escalation_due(category, policy_count, True, policy_count)
    assert escalation_due(category, policy_count + 1, True, policy_count)


def test_a_fixed_problem_is_never_due_for_escalation():
    assert not escalation_due(ProblemCategory.KEY, 2, False, 2)
    assert not escalation_due(ProblemCategory.SERIOUS, 0, False, 2)


def test_a_serious_problem_is_due_at_once():
    assert escalation_due(ProblemCategory.SERIOUS, 0, True, 2)
    assert escalation_due(ProblemCategory.SERIOUS, 0, True, 10)


def test_no_follow_ups_leave_an_ordinary_problem_open():
    state = derive_state(ProblemCategory.GENERAL, FOUND, [], 2)
    assert state == ProblemState(ProblemStatus.OPEN, None, None)


def test_a_serious_problem_is_reported_the_day_it_is_found():
    state = derive_state(ProblemCategory.SERIOUS, FOUND, [], 2)
    assert (state.status, state.escalated_on) == (ProblemStatus.ESCALATED, FOUND)


@pytest.mark.parametrize("policy_count", [2, 3])
def test_the_follow_up_that_reaches_the_count_escalates_on_its_day(policy_count):
    history = [(day(7 * n), NOT_FIXED) for n in range(1, policy_count + 1)]
    before = derive_state(ProblemCategory.KEY, FOUND, history[:-1], policy_count)
    assert before.status == ProblemStatus.OPEN
    after = derive_state(ProblemCategory.KEY, FOUND, history, policy_count)
    assert (after.status, after.escalated_on) == (ProblemStatus.ESCALATED, history[-1][0])


def test_work_in_progress_counts_as_still_open():
    history = [(day(3), IN_PROGRESS), (day(9), IN_PROGRESS)]
    state = derive_state(ProblemCategory.GENERAL, FOUND, history, 2)
    assert (state.status, state.escalated_on) == (ProblemStatus.ESCALATED, day(9))


def test_a_fix_at_the_counting_follow_up_is_no_escalation():
    history = [(day(3), NOT_FIXED), (day(9), FIXED)]
    state = derive_state(ProblemCategory.KEY, FOUND, history, 2)
    assert state == ProblemState(ProblemStatus.FIXED, None, day(9))


def test_a_fix_after_escalation_keeps_the_day_it_was_reported():
    history = [(day(3), NOT_FIXED), (day(9), NOT_FIXED), (day(20), FIXED)]
    state = derive_state(ProblemCategory.KEY, FOUND, history, 2)
    assert state == ProblemState(ProblemStatus.FIXED, day(9), day(20))


def test_verified_stands_only_while_a_follow_up_finds_the_problem_fixed():
    fixed = [(day(3), FIXED)]
    verified = derive_state(ProblemCategory.GENERAL, FOUND, fixed, 2, verified_on=day(5))
    assert verified == ProblemState(ProblemStatus.VERIFIED, None, day(5))
    reopened = derive_state(ProblemCategory.GENERAL, FOUND, [], 2, verified_on=day(5))
    assert reopened == ProblemState(ProblemStatus.OPEN, None, None)


def test_a_report_by_hand_is_kept_and_the_earlier_day_wins():
    by_hand = derive_state(ProblemCategory.DIFFICULT, FOUND, [], 2, escalated_by_hand=day(1))
    assert (by_hand.status, by_hand.escalated_on) == (ProblemStatus.ESCALATED, day(1))
    history = [(day(3), NOT_FIXED), (day(9), NOT_FIXED)]
    later = derive_state(ProblemCategory.DIFFICULT, FOUND, history, 2, escalated_by_hand=day(20))
    assert later.escalated_on == day(9)


def test_overdue_means_unresolved_after_the_deadline():
    deadline = date(2026, 11, 1)
    for status in (ProblemStatus.OPEN, ProblemStatus.ESCALATED):
        assert not is_overdue(status, deadline, deadline)
        assert is_overdue(status, deadline, deadline + timedelta(days=1))
    for status in (ProblemStatus.FIXED, ProblemStatus.VERIFIED):
        assert not is_overdue(status, deadline, deadline + timedelta(days=30))
    assert not is_overdue(ProblemStatus.OPEN, None, deadline)


def test_the_reply_is_due_after_the_policys_days():
    notice = date(2026, 11, 2)
    assert reply_due(notice, PolicyProfile()) == date(2026, 11, 5)
    assert reply_due(notice, PolicyProfile(rectification_reply_days=30)) == date(2026, 12, 2)


def _input(**changes) -> ProblemInput:
    fields: dict[str, Any] = {
        "school_id": 1,
        "found_on": FOUND,
        "category": ProblemCategory.GENERAL.value,
        "description": "食堂留样记录不全",
        "requirement": "deadline",
        "deadline": day(10),
    }
    return ProblemInput(**(fields | changes))


def test_a_deadline_is_required_for_rectification_by_a_deadline():
    assert problem_problems(_input()) == []
    assert problem_problems(_input(requirement="immediate", deadline=None)) == []
    messages = [e.message for e in problem_problems(_input(deadline=None))]
    assert messages == ["限期整改须填写“整改期限”"]
    messages = [e.message for e in problem_problems(_input(deadline=day(-1)))]
    assert messages == ["“整改期限”不能早于发现日期（2026-10-12）"]
    assert problem_problems(_input(deadline=FOUND)) == []


def test_every_field_problem_is_listed_by_its_chinese_name():
    errors = problem_problems(_input(category="bad", description="  ", requirement="x"))
    assert [e.label for e in errors] == ["问题类别", "问题描述", "整改要求"]


def test_a_complaints_state_follows_verification_and_reply():
    assert complaint_state("", None) == ComplaintState.PENDING
    assert complaint_state("  ", None) == ComplaintState.PENDING
    assert complaint_state("到校核实，情况属实", None) == ComplaintState.VERIFIED
    assert complaint_state("", date(2026, 11, 2)).label == "已答复"
