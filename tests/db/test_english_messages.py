"""In English, core's refusals, warnings and figures read in English and name the field in
English; the same refusals in Chinese are unchanged (the Chinese tests elsewhere)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from core import i18n
from core.errors import StaleEditError, ValidationError
from core.i18n import CHINESE
from core.roster.inspectors import InspectorInput, inspector_detail, save_inspector
from core.roster.schools import SchoolInput, delete_zone, save_school, save_zone
from core.roster.terms import appoint, renew


def test_a_refused_inspector_names_the_field_in_english(db, english):
    with pytest.raises(ValidationError) as refused:
        save_inspector(db, InspectorInput(name="  ", phone="12"))
    (name, phone) = refused.value.errors
    assert (name.label, name.message) == ("Name", '"Name" cannot be empty')
    assert phone.label == "Phone"
    assert phone.message.startswith('"Phone": ')
    assert refused.value.text().zh.startswith("“姓名”不能为空；“联系电话”")


def test_a_stale_inspector_save_lists_the_fields_in_english(db, english):
    inspector = save_inspector(db, InspectorInput(name="王军", post="督学"))
    opened = inspector_detail(db, inspector, date(2026, 3, 2)).row.version
    save_inspector(db, InspectorInput(name="王军", post="主任"), inspector, version=opened)
    with pytest.raises(StaleEditError) as refused:
        save_inspector(db, InspectorInput(name="王军", post="副主任"), inspector, version=opened)
    message = refused.value.errors[0].message
    assert message.startswith('The record of inspector "王军" was changed by someone else')
    assert 'Post: now "主任", you typed "副主任"' in message


def test_a_zone_with_schools_counts_them_in_english(db, english):
    zone = save_zone(db, "城关")
    save_school(db, SchoolInput(name="城关一小", kind="primary", zone="城关"))
    with pytest.raises(ValidationError) as one:
        delete_zone(db, zone)
    assert str(one.value) == 'Zone "城关" still has 1 school; move it to another zone first'
    save_school(db, SchoolInput(name="城关二小", kind="primary", zone="城关"))
    with pytest.raises(ValidationError) as two:
        delete_zone(db, zone)
    assert str(two.value) == 'Zone "城关" still has 2 schools; move them to other zones first'


def test_a_refused_renewal_says_why_in_english(db, english):
    inspector = save_inspector(db, InspectorInput(name="李华"))
    appoint(db, inspector, date(2024, 1, 1))
    with pytest.raises(ValidationError) as refused:
        renew(db, inspector)
    assert refused.value.errors[0].label == "Renewal"
    assert str(refused.value) == (
        "李华: the current term has not been assessed (renewal needs excellent or competent)"
    )


def test_day_warnings_name_the_day_and_count_visits_in_english(db, english):
    from core.calendar.day_checks import check_day
    from core.calendar.visits import VisitInput, add_visit
    from core.roster.assignments import assign_schools

    term = date(2025, 9, 1)
    wang = save_inspector(db, InspectorInput("王建国"), appoint_from=term)
    school = save_school(db, SchoolInput("东关小学"))
    other = save_school(db, SchoolInput("西关小学"))
    assign_schools(db, wang, [school, other], term)
    national_day = date(2026, 10, 1)
    add_visit(db, VisitInput(national_day, other, wang))
    add_visit(db, VisitInput(national_day, other, wang, kind="special", topic="安全"))
    found = check_day(db, inspector_id=wang, school_id=school, day=national_day)
    assert found[0] == "Thu 2026-10-01 is a public holiday (National Day), not a working day"
    assert "王建国 already has 2 visits on Thu 2026-10-01 (at most 2 a day)" in found
    assert found[0].zh == "2026年10月1日（周四）是法定节假日（国庆节），不是工作日"


def test_a_visit_refused_in_english_names_the_field(db, english):
    from core.calendar.visits import VisitInput, add_visit

    wang = save_inspector(db, InspectorInput("王建国"))
    school = save_school(db, SchoolInput("东关小学"))
    with pytest.raises(ValidationError) as refused:
        add_visit(db, VisitInput(date(2026, 11, 10), school, wang, kind="special"))
    (problem,) = refused.value.errors
    assert (problem.label, problem.message) == (
        "Topic",
        "A topic inspection needs a topic (e.g. 双减, 安全)",
    )


def test_a_problem_refused_and_its_trail_read_in_english(db, english):
    from core.casework.rectification import (
        ProblemInput,
        add_follow_up,
        add_problem,
        problem_trail,
    )

    school = save_school(db, SchoolInput("东关小学"))
    found = date(2026, 10, 12)
    problem = ProblemInput(school, found, "general", "食堂台账不全", "deadline", None)
    with pytest.raises(ValidationError) as refused:
        add_problem(db, problem)
    assert refused.value.errors[0].label == "Deadline"
    assert str(refused.value) == 'A rectification by a deadline needs a "Deadline"'
    problem_id = add_problem(db, replace(problem, deadline=date(2026, 11, 1)))
    add_follow_up(db, problem_id, day=date(2026, 11, 2), outcome="not_fixed", result="未补齐")
    texts = [event.text for event in problem_trail(db, problem_id, date(2026, 11, 3)).events]
    assert texts[:2] == [
        "Problem found: Ordinary problem, Fix by a deadline, deadline 2026-11-01",
        "Follow-up no. 1, Not rectified: 未补齐",
    ]


def test_a_complaint_that_raised_problems_counts_them_in_english(db, english):
    from core.casework.complaints import (
        ComplaintInput,
        delete_complaint,
        raise_problem_from_complaint,
        save_complaint,
    )
    from core.casework.rectification import ProblemInput

    school = save_school(db, SchoolInput("东关小学"))
    received = date(2026, 10, 20)
    complaint = save_complaint(db, ComplaintInput(received, school, "补课"))
    problem = ProblemInput(school, received, "general", "周六补课", "immediate", None)
    raise_problem_from_complaint(db, complaint, problem)
    with pytest.raises(ValidationError) as refused:
        delete_complaint(db, complaint)
    assert str(refused.value) == (
        "This complaint raised 1 problem and is its source: it cannot be deleted"
    )


def test_a_campaign_refused_in_english_names_the_phase(db, english):
    from core.archive.campaigns import CampaignInput, PhaseInput, create_campaign

    start = date(2026, 9, 1)
    phases = (PhaseInput("宣传发动", date(2026, 9, 30)), PhaseInput("自查整改", date(2026, 9, 20)))
    with pytest.raises(ValidationError) as refused:
        create_campaign(db, CampaignInput("迎检", "balanced", start, phases, (), ()))
    assert [(e.label, e.message) for e in refused.value.errors] == [
        (
            "Phases",
            'The deadline of Phase 2 "自查整改" cannot be before the previous phase'
            ' "宣传发动" (2026-09-30)',
        ),
        ("School", "Choose at least one school"),
    ]


def test_school_terms_and_holiday_years_read_in_english(english):
    from core.office.school_terms import AUTUMN, KIND_LABELS, SPRING, TERM_LABELS, term_problems
    from core.office.workdays import CERTAINTY_LABELS, MISSING, certainty_notice

    problem = term_problems(2026, "all", SPRING, date(2026, 9, 1), date(2027, 1, 20))
    assert problem == (
        "2026-2027 Schools, spring term: the start 2026-09-01 is not in the school year's"
        " spring term"
    )
    assert (TERM_LABELS[AUTUMN], KIND_LABELS["kindergarten"]) == ("autumn term", "Kindergarten")
    assert CERTAINTY_LABELS[MISSING] == "not entered"
    assert certainty_notice(2027, MISSING) == (
        "The public holidays of 2027 are not entered yet; only weekends are counted as days off"
    )
    i18n.set_language(CHINESE)
    assert TERM_LABELS[AUTUMN] == "秋季学期"


def test_a_topic_inspection_is_listed_and_refused_in_english(db, english):
    from core.calendar.topic_inspection import TopicRun, topic_figures

    one = TopicRun("双减", date(2026, 10, 9), date(2026, 10, 9), 1)
    assert one.label == "双减 (2026-10-09 to 2026-10-09, 1 visit)"
    assert one.label.zh == "双减（2026-10-09 至 2026-10-09，1 次）"
    with pytest.raises(ValidationError) as refused:
        topic_figures(db, "双减", date(2026, 10, 1), date(2026, 10, 31), date(2026, 11, 2))
    assert str(refused.value) == (
        'There is no topic inspection on "双减" from 2026-10-01 to 2026-10-31'
    )
