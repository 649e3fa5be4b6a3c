"""The policy profile: its defaults are DOMAIN.md's table, every setting is checked against its
range with a Chinese message naming the field, and edits make validated copies without touching
the original. (Term dates are not part of it: see test_school_terms.py.)"""

from __future__ import annotations

import dataclasses
import re

import pytest

from core.errors import ValidationError
from core.office.policy import PolicyProfile

CJK = re.compile(r"[\u4e00-\u9fff]")

DOMAIN_DEFAULTS = {
    "schools_per_inspector": 5,
    "dedicated_inspector_enrolment": 3000,
    "min_full_time_share": 0.30,
    "term_years": 3,
    "max_consecutive_terms": 3,
    "training_hours_per_year": 40,
    "preservice_training_hours": 15,
    "centralized_training_days": 10,
    "visits_per_school_per_month": 1,
    "routine_visits_per_semester": 2,
    "zone_school_warning": 20,
    "inspector_school_warning": 8,
    "rotation_reminder_years": 3,
    "rectification_reply_days": 3,
    "followups_before_escalation": 2,
    "attachment_max_mb": 200,
    "complaint_reply_days": 15,  # not in the table: the office sets its own
    "term_warning_days": 90,
    "visits_per_inspector_per_day": 2,
    "principal_term_warning_days": 90,
    # New inspectors' pre-service training within a year of the first appointment; the year's
    # assessment by the end of March; appointment asks for 10 years in teaching or management
    # (plan 篇9: 十年以上教育教学或管理经历).
    "preservice_window_months": 12,
    "yearly_assessment_due_month": 3,
    "min_experience_years": 10,
    # DOMAIN.md: a 严重违规或重大问题 is reported immediately (立即报告) — up by the next day.
    "serious_report_days": 1,
    # The zone rule (Hunan: 每月至少到责任区督导4次) is off unless the office sets it.
    "zone_visits_per_month": 0,
}


def label(name: str) -> str:
    return PolicyProfile.describe(name)["label"]


def test_defaults_are_the_domain_table():
    assert PolicyProfile().as_dict() == DOMAIN_DEFAULTS


def test_defaults_are_valid():
    assert PolicyProfile().problems() == []


@pytest.mark.parametrize("name", PolicyProfile.field_names())
def test_every_setting_has_a_chinese_label_and_a_range_holding_its_default(name):
    meta = PolicyProfile.describe(name)
    assert CJK.search(meta["label"])
    assert CJK.search(meta["group"])
    assert meta["min"] <= DOMAIN_DEFAULTS[name] <= meta["max"]


def _too_high(name: str):
    maximum = PolicyProfile.describe(name)["max"]
    return maximum + (0.5 if isinstance(DOMAIN_DEFAULTS[name], float) else 1)


def _too_low(name: str):
    minimum = PolicyProfile.describe(name)["min"]
    return minimum - (0.05 if isinstance(DOMAIN_DEFAULTS[name], float) else 1)


@pytest.mark.parametrize("name", PolicyProfile.field_names())
@pytest.mark.parametrize("bound", [_too_low, _too_high], ids=["below", "above"])
def test_a_value_outside_the_range_is_named_in_chinese(name, bound):
    profile = PolicyProfile().with_changes(**{name: bound(name)})
    problems = profile.problems()
    assert [p.field for p in problems] == [name]
    assert problems[0].label == label(name)
    assert label(name) in problems[0].message
    assert "应在" in problems[0].message


def test_the_range_is_spelled_out_in_the_message():
    problem = PolicyProfile(schools_per_inspector=0).problems()[0]
    assert problem.message == "“每名督学负责学校数”应在 1 到 50 之间"
    share = PolicyProfile(min_full_time_share=1.2).problems()[0]
    assert share.message == "“专职督学最低占比”应在 0 到 1 之间"


def test_the_limits_themselves_are_allowed():
    low = {n: PolicyProfile.describe(n)["min"] for n in PolicyProfile.field_names()}
    high = {n: PolicyProfile.describe(n)["max"] for n in PolicyProfile.field_names()}
    assert PolicyProfile(**low).problems() == []
    assert PolicyProfile(**high).problems() == []


def test_a_fraction_where_a_whole_number_is_needed_is_refused():
    problems = PolicyProfile(term_years=2.5).problems()
    assert [(p.field, p.message) for p in problems] == [("term_years", "“每届任期”必须是整数")]


@pytest.mark.parametrize("value", ["5", None, True])
def test_a_value_that_is_not_a_number_is_refused(value):
    problems = PolicyProfile(schools_per_inspector=value).problems()
    assert [(p.field, p.message) for p in problems] == [
        ("schools_per_inspector", "“每名督学负责学校数”必须是数字")
    ]


def test_every_bad_setting_is_listed():
    profile = PolicyProfile(schools_per_inspector=0, term_years=11, min_full_time_share=-0.1)
    assert [p.field for p in profile.problems()] == [
        "schools_per_inspector",
        "min_full_time_share",
        "term_years",
    ]


def test_validated_returns_the_profile_itself_when_it_is_fine():
    profile = PolicyProfile(training_hours_per_year=60)
    assert profile.validated() is profile


def test_validated_raises_with_every_problem_in_chinese():
    profile = PolicyProfile(schools_per_inspector=0, rectification_reply_days=400)
    with pytest.raises(ValidationError) as info:
        profile.validated()
    assert [e.field for e in info.value.errors] == [
        "schools_per_inspector",
        "rectification_reply_days",
    ]
    assert info.value.messages() == [e.message for e in info.value.errors]
    assert label("schools_per_inspector") in str(info.value)
    assert label("rectification_reply_days") in str(info.value)


def test_with_changes_makes_a_copy_and_leaves_the_original_alone():
    original = PolicyProfile()
    changed = original.with_changes(training_hours_per_year=80, min_full_time_share=0.4)
    assert changed.training_hours_per_year == 80
    assert changed.min_full_time_share == 0.4
    assert original == PolicyProfile()
    assert {k for k, v in changed.as_dict().items() if v != original.as_dict()[k]} == {
        "training_hours_per_year",
        "min_full_time_share",
    }


def test_with_changes_does_not_validate_but_validated_does():
    changed = PolicyProfile().with_changes(schools_per_inspector=0)
    assert changed.schools_per_inspector == 0
    with pytest.raises(ValidationError):
        changed.validated()


def test_with_changes_refuses_an_unknown_setting():
    with pytest.raises(TypeError):
        PolicyProfile().with_changes(schools_per_teacher=5)


def test_a_profile_cannot_be_changed_in_place():
    profile = PolicyProfile()
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.term_years = 4  # type: ignore[misc]


def test_as_dict_rebuilds_the_same_profile():
    profile = PolicyProfile(term_years=4, min_full_time_share=0.25, visits_per_school_per_month=2)
    assert PolicyProfile(**profile.as_dict()) == profile
