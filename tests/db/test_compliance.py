"""The compliance picture (达标情况) read from a database: the demo office on the fixed day, and a
small hand-built office whose every figure is worked out by hand below — staffing with a school
above 3,000 students, the full-time share, uncovered and unzoned schools, the zones, terms at the
edge of the warning window, the term limit, training, workload and rotation — then the same
office under a changed policy, its JSON form and its Chinese lines."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.archive.campaigns import close_campaign, create_campaign
from core.archive.progress import ArchiveFigures
from core.calendar.records import RecordInput, save_record
from core.calendar.visits import VisitInput, add_visit
from core.cli.check_text import compliance_lines
from core.demo.office import DEMO_COUNTED_FORMS
from core.enums import Employment, TrainingForm
from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from core.office.workdays import mark_year_complete
from core.overview import Compliance, RotationDue, TermEnding, TrainingShortfall, Workload
from core.overview import compliance as compliance_on
from core.roster.assessments import YearlyAssessmentInput, save_yearly_assessment
from core.roster.assignments import assign_schools
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school, save_zone, set_schools_active
from core.roster.terms import appoint
from core.roster.training import TrainingInput, add_training, save_counted_forms
from db.engine import Database
from db.models import Appointment, Assignment, Inspector, School, Zone
from tests.db.campaign_helpers import archive_office, campaign

TODAY = date(2026, 11, 2)
THREE_YEARS_AGO = date(2023, 11, 2)
OFFICE = "龙泉镇中心校督导室"


# --- the small office ----------------------------------------------------------------------
#
# Active schools (10): 城关责任区 6, 龙泉片责任区 2 (+1 closed), no zone 2.
#   城关实验小学 3001 students (above the setting: an inspector of its own), 城关第一小学 exactly
#   3000 (shared), so required = 1 + ceil(9 / 5) = 3.
# Serving inspectors (6): 王建国 and 吴军 full-time → 2 / 6.
#   赵明's term ends 2027-01-31 = TODAY + 90 days (expiring); 周芳's a day later (not).
#   吴军 serves a third consecutive term (limit); 王建国 a second one.
#   王建国 covers 城关实验小学 since THREE_YEARS_AGO (rotation due) and 城关中学 a day later (not).
# Not serving: 孙伟 (term over in 2022), 何平 (appointed from 2027).


def _school(db, name, zone, enrolment, kind="primary", private=False) -> int:
    data = SchoolInput(name=name, zone=zone, enrolment=enrolment, kind=kind, is_private=private)
    return save_school(db, data)


def _inspector(db, name, *starts, full_time=False) -> int:
    employment = (Employment.FULL_TIME if full_time else Employment.PART_TIME).value
    inspector_id = save_inspector(db, InspectorInput(name=name, employment=employment))
    for start in starts:
        appoint(db, inspector_id, start)
    return inspector_id


def _training(db, inspector_id, start, end, form, hours) -> None:
    data = TrainingInput(start_date=start, end_date=end, course="培训", hours=hours, form=form)
    add_training(db, [inspector_id], data)


def build_small_office(db: Database) -> dict[str, int]:
    """An office whose rules count every training form toward the yearly hours."""
    save_settings(db, office_name=OFFICE, policy=PolicyProfile())
    save_counted_forms(db, [form.value for form in TrainingForm])
    for zone in ("城关责任区", "龙泉片责任区", "空责任区"):
        save_zone(db, zone)
    s = {
        "城关实验小学": _school(db, "城关实验小学", "城关责任区", 3001),
        "城关第一小学": _school(db, "城关第一小学", "城关责任区", 3000),
        "城关中学": _school(db, "城关中学", "城关责任区", 1200, "junior"),
        "城关幼儿园": _school(db, "城关幼儿园", "城关责任区", 300, "kindergarten"),
        "城关阳光幼儿园": _school(db, "城关阳光幼儿园", "城关责任区", 150, "kindergarten", True),
        "城关第二小学": _school(db, "城关第二小学", "城关责任区", 900),
        "龙泉中心小学": _school(db, "龙泉中心小学", "龙泉片责任区", 800),
        "龙泉初级中学": _school(db, "龙泉初级中学", "龙泉片责任区", 600, "junior"),
        "龙泉石桥小学": _school(db, "龙泉石桥小学", "龙泉片责任区", 4000),
        "白沙教学点": _school(db, "白沙教学点", "", 20, "teaching_point"),
        "白沙中心幼儿园": _school(db, "白沙中心幼儿园", "", 200, "kindergarten"),
    }
    i = {
        "王建国": _inspector(db, "王建国", date(2023, 9, 1), date(2026, 9, 1), full_time=True),
        "李丽": _inspector(db, "李丽", date(2024, 9, 1)),
        "赵明": _inspector(db, "赵明", date(2024, 2, 1)),
        "周芳": _inspector(db, "周芳", date(2024, 2, 2)),
        "吴军": _inspector(
            db, "吴军", date(2020, 9, 1), date(2023, 9, 1), date(2026, 9, 1), full_time=True
        ),
        "郑强": _inspector(db, "郑强", date(2026, 3, 1)),
        "孙伟": _inspector(db, "孙伟", date(2019, 9, 1), full_time=True),
        "何平": _inspector(db, "何平", date(2027, 9, 1), full_time=True),
    }
    assign_schools(db, i["王建国"], [s["城关实验小学"]], THREE_YEARS_AGO)
    assign_schools(db, i["王建国"], [s["城关中学"]], THREE_YEARS_AGO + timedelta(days=1))
    assign_schools(
        db,
        i["李丽"],
        [s["城关第一小学"], s["城关幼儿园"], s["龙泉中心小学"], s["龙泉石桥小学"]],
        date(2025, 9, 1),
    )
    assign_schools(db, i["赵明"], [s["白沙教学点"]], date(2024, 9, 1))
    set_schools_active(db, [s["龙泉石桥小学"]], False, date(2026, 7, 1))

    _training(db, i["王建国"], date(2026, 4, 10), date(2026, 5, 20), "online", 40)
    _training(db, i["王建国"], date(2024, 7, 15), date(2024, 7, 26), "centralized", 60)
    _training(db, i["李丽"], date(2026, 4, 10), date(2026, 5, 20), "online", 24)
    _training(db, i["李丽"], date(2026, 6, 18), date(2026, 6, 18), "seminar", 8)
    _training(db, i["李丽"], date(2025, 4, 10), date(2025, 5, 20), "online", 40)
    _training(db, i["周芳"], date(2026, 4, 10), date(2026, 5, 20), "online", 45)
    _training(db, i["吴军"], date(2026, 4, 10), date(2026, 5, 20), "online", 40)
    _training(db, i["吴军"], date(2022, 7, 11), date(2022, 7, 22), "centralized", 60)
    _training(db, i["郑强"], date(2026, 3, 2), date(2026, 3, 2), "preservice", 8)
    _training(db, i["郑强"], date(2026, 4, 10), date(2026, 5, 20), "online", 40)
    _training(db, i["孙伟"], date(2026, 4, 10), date(2026, 5, 20), "online", 2)
    return {**s, **i}


UNCOVERED = sorted(["城关阳光幼儿园", "城关第二小学", "龙泉初级中学", "白沙中心幼儿园"])


def test_the_small_office_figures_on_both_engines(db):
    build_small_office(db)
    c = compliance_on(db, TODAY)

    assert (c.office_name, c.today, c.policy) == (OFFICE, TODAY, PolicyProfile())
    assert (c.schools, c.kindergartens, c.private_schools) == (10, 3, 1)
    assert (c.inspectors, c.full_time, c.required_inspectors, c.shortfall) == (6, 2, 3, 0)
    assert c.full_time_share == pytest.approx(2 / 6)
    assert not c.full_time_short
    assert c.uncovered_schools == UNCOVERED
    assert [
        (z.name, z.schools, z.required_inspectors, z.inspectors, z.uncovered) for z in c.zones
    ] == [
        ("城关责任区", 6, 2, 2, 2),
        ("龙泉片责任区", 2, 1, 1, 1),
    ]
    assert not any(z.over_limit for z in c.zones)
    assert c.unzoned_schools == sorted(["白沙教学点", "白沙中心幼儿园"])
    assert c.terms_expiring == [TermEnding("赵明", date(2027, 1, 31))]
    assert c.term_limit_reached == ["吴军"]
    assert c.training_year == 2026
    assert c.training_shortfall == [
        TrainingShortfall("李丽", 32.0, 40),
        TrainingShortfall("赵明", 0.0, 40),
    ]
    # Newly appointed in 2024 and 2026, still in the first term, never trained before service:
    # 12 months after the first appointment the training is overdue.
    assert c.missing_preservice == sorted(["郑强", "李丽", "赵明", "周芳"])
    assert {(p.name, p.hours, p.due, p.overdue) for p in c.preservice} == {
        ("郑强", 8.0, date(2027, 3, 1), False),
        ("李丽", 0.0, date(2025, 9, 1), True),
        ("赵明", 0.0, date(2025, 2, 1), True),
        ("周芳", 0.0, date(2025, 2, 2), True),
    }
    assert c.missing_centralized == ["吴军"]
    assert c.overloaded == []
    assert c.rotation_due == [RotationDue("王建国", "城关实验小学", THREE_YEARS_AGO)]
    assert not c.is_empty


def test_a_school_above_3000_students_needs_an_inspector_of_its_own(sqlite_db):
    ids = [_school(sqlite_db, f"学校{n}", "", 800) for n in range(5)]
    assert compliance_on(sqlite_db, TODAY).required_inspectors == 1
    save_school(sqlite_db, SchoolInput(name="学校0", enrolment=3000), school_id=ids[0])
    assert compliance_on(sqlite_db, TODAY).required_inspectors == 1
    save_school(sqlite_db, SchoolInput(name="学校0", enrolment=3001), school_id=ids[0])
    assert compliance_on(sqlite_db, TODAY).required_inspectors == 2
    _school(sqlite_db, "学校5", "", 3500)
    assert compliance_on(sqlite_db, TODAY).required_inspectors == 3
    c = compliance_on(sqlite_db, TODAY)
    assert (c.inspectors, c.shortfall, c.full_time_share, c.full_time_short) == (0, 3, 0.0, False)


def test_the_full_time_share_counts_serving_inspectors_only(sqlite_db):
    _inspector(sqlite_db, "甲", date(2024, 9, 1), full_time=True)
    for name in ("乙", "丙", "丁"):
        _inspector(sqlite_db, name, date(2024, 9, 1))
    _inspector(sqlite_db, "戊", date(2019, 9, 1), full_time=True)
    c = compliance_on(sqlite_db, TODAY)
    assert (c.inspectors, c.full_time) == (4, 1)
    assert c.full_time_share == 0.25
    assert c.full_time_short
    _inspector(sqlite_db, "己", date(2025, 9, 1), full_time=True)
    c = compliance_on(sqlite_db, TODAY)
    assert c.full_time_share == pytest.approx(0.4)
    assert not c.full_time_short


def test_terms_at_the_edge_of_the_warning_window(sqlite_db):
    _inspector(sqlite_db, "边界", date(2024, 2, 1))
    _inspector(sqlite_db, "超出", date(2024, 2, 2))
    _inspector(sqlite_db, "已续聘", date(2023, 12, 3), date(2026, 12, 3))
    _inspector(sqlite_db, "今天届满", date(2023, 11, 3))
    c = compliance_on(sqlite_db, TODAY)
    assert c.terms_expiring == [
        TermEnding("今天届满", TODAY),
        TermEnding("边界", date(2027, 1, 31)),
    ]
    tomorrow = compliance_on(sqlite_db, TODAY + timedelta(days=1))
    assert tomorrow.terms_expiring == [
        TermEnding("边界", date(2027, 1, 31)),
        TermEnding("超出", date(2027, 2, 1)),
    ]
    assert tomorrow.inspectors == 3


def test_the_term_limit_is_reached_by_the_third_consecutive_term(sqlite_db):
    _inspector(sqlite_db, "三届", date(2020, 9, 1), date(2023, 9, 1), date(2026, 9, 1))
    _inspector(sqlite_db, "两届", date(2023, 9, 1), date(2026, 9, 1))
    _inspector(sqlite_db, "中断", date(2017, 9, 1), date(2022, 9, 1), date(2025, 9, 1))
    assert compliance_on(sqlite_db, TODAY).term_limit_reached == ["三届"]
    assert compliance_on(sqlite_db, date(2026, 8, 31)).term_limit_reached == []


def test_workload_above_the_setting_is_reported_largest_first(sqlite_db):
    nine = _inspector(sqlite_db, "九所", date(2024, 9, 1))
    eight = _inspector(sqlite_db, "八所", date(2024, 9, 1))
    ten = _inspector(sqlite_db, "十所", date(2024, 9, 1))
    schools = [_school(sqlite_db, f"村小{n:02d}", "", 60) for n in range(27)]
    assign_schools(sqlite_db, nine, schools[:9], date(2025, 9, 1))
    assign_schools(sqlite_db, eight, schools[9:17], date(2025, 9, 1))
    assign_schools(sqlite_db, ten, schools[17:], date(2025, 9, 1))
    c = compliance_on(sqlite_db, TODAY)
    assert c.overloaded == [Workload("十所", 10), Workload("九所", 9)]
    set_schools_active(sqlite_db, schools[:1], False, TODAY)
    assert compliance_on(sqlite_db, TODAY).overloaded == [Workload("十所", 10)]


def test_rotation_is_due_after_three_years_on_the_same_school(sqlite_db):
    inspector_id = _inspector(sqlite_db, "王建国", date(2023, 9, 1), date(2026, 9, 1))
    due = _school(sqlite_db, "城关实验小学", "", 3001)
    not_yet = _school(sqlite_db, "城关中学", "", 1200)
    assign_schools(sqlite_db, inspector_id, [due], THREE_YEARS_AGO)
    assign_schools(sqlite_db, inspector_id, [not_yet], THREE_YEARS_AGO + timedelta(days=1))
    assert compliance_on(sqlite_db, TODAY).rotation_due == [
        RotationDue("王建国", "城关实验小学", THREE_YEARS_AGO)
    ]
    assert [r.school for r in compliance_on(sqlite_db, TODAY + timedelta(days=1)).rotation_due] == [
        "城关实验小学",
        "城关中学",
    ]


def test_a_school_whose_inspector_is_no_longer_in_office_is_not_covered(sqlite_db):
    # 孙伟's only term ended on 2022-08-31 and nobody closed his 挂牌: on TODAY the school has no
    # responsible inspector (挂牌督导全覆盖 counts inspectors in office only).
    save_zone(sqlite_db, "白沙片责任区")
    school = _school(sqlite_db, "白沙镇中心小学", "白沙片责任区", 900)
    former = _inspector(sqlite_db, "孙伟", date(2019, 9, 1))
    assign_schools(sqlite_db, former, [school], date(2019, 9, 1))
    assert compliance_on(sqlite_db, date(2022, 8, 31)).uncovered_schools == []
    c = compliance_on(sqlite_db, TODAY)
    assert c.inspectors == 0
    assert c.uncovered_schools == ["白沙镇中心小学"]
    (zone,) = c.zones
    assert (zone.inspectors, zone.uncovered) == (0, 1)


def test_the_stored_policy_changes_the_results(sqlite_db):
    build_small_office(sqlite_db)
    policy = PolicyProfile(
        schools_per_inspector=2,
        dedicated_inspector_enrolment=1000,
        min_full_time_share=0.5,
        term_warning_days=120,
        max_consecutive_terms=2,
        training_hours_per_year=30,
        inspector_school_warning=2,
        rotation_reminder_years=2,
        zone_school_warning=5,
    )
    save_settings(sqlite_db, office_name=OFFICE, policy=policy)

    c = compliance_on(sqlite_db, TODAY)

    assert c.policy == policy
    assert (c.required_inspectors, c.shortfall) == (3 + 4, 1)
    assert c.full_time_short
    assert [(z.name, z.required_inspectors, z.over_limit) for z in c.zones] == [
        ("城关责任区", 3 + 2, True),
        ("龙泉片责任区", 1, False),
    ]
    assert c.terms_expiring == [
        TermEnding("赵明", date(2027, 1, 31)),
        TermEnding("周芳", date(2027, 2, 1)),
    ]
    assert c.term_limit_reached == sorted(["吴军", "王建国"])
    assert c.training_shortfall == [TrainingShortfall("赵明", 0.0, 30)]
    assert c.overloaded == [Workload("李丽", 3)]
    assert c.rotation_due == [
        RotationDue("王建国", "城关实验小学", THREE_YEARS_AGO),
        RotationDue("王建国", "城关中学", THREE_YEARS_AGO + timedelta(days=1)),
        RotationDue("赵明", "白沙教学点", date(2024, 9, 1)),
    ]


def test_training_of_another_year_can_be_asked_for(sqlite_db):
    build_small_office(sqlite_db)
    c = compliance_on(sqlite_db, TODAY, training_year=2025)
    assert c.training_year == 2025
    assert [(t.name, t.hours) for t in c.training_shortfall] == [
        (name, 0.0) for name in sorted(["周芳", "吴军", "王建国", "赵明", "郑强"])
    ]
    # Pre-service training is owed on the day asked about, whatever year the hours are for.
    assert c.missing_preservice == sorted(["郑强", "李丽", "赵明", "周芳"])


def test_the_json_form(sqlite_db):
    build_small_office(sqlite_db)
    data = compliance_on(sqlite_db, TODAY).as_json()

    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert {
        "schools",
        "inspectors",
        "required_inspectors",
        "full_time_share",
        "uncovered_schools",
        "terms_expiring",
        "term_limit_reached",
        "training_shortfall",
        "zones",
    } <= set(data)
    assert (data["date"], data["office"]) == ("2026-11-02", OFFICE)
    assert (data["schools"], data["inspectors"], data["required_inspectors"]) == (10, 6, 3)
    assert data["full_time_share"] == 0.3333
    assert 0 <= data["full_time_share"] <= 1
    assert data["uncovered_schools"] == UNCOVERED
    assert data["terms_expiring"] == [{"name": "赵明", "end_date": "2027-01-31"}]
    assert data["term_limit_reached"] == ["吴军"]
    assert data["training_shortfall"] == [
        {"name": "李丽", "hours": 32.0, "required": 40},
        {"name": "赵明", "hours": 0.0, "required": 40},
    ]
    assert data["zones"] == [
        {
            "name": "城关责任区",
            "schools": 6,
            "required_inspectors": 2,
            "inspectors": 2,
            "uncovered": 2,
            "over_limit": False,
        },
        {
            "name": "龙泉片责任区",
            "schools": 2,
            "required_inspectors": 1,
            "inspectors": 1,
            "uncovered": 1,
            "over_limit": False,
        },
    ]


def test_an_empty_office_in_json(sqlite_db):
    data = compliance_on(sqlite_db, TODAY).as_json()
    assert (data["schools"], data["inspectors"], data["required_inspectors"]) == (0, 0, 0)
    assert data["full_time_share"] == 0
    assert data["uncovered_schools"] == data["zones"] == data["terms_expiring"] == []


def _text(c: Compliance) -> str:
    return "\n".join(compliance_lines(c))


def test_the_chinese_lines_carry_the_figures(sqlite_db):
    build_small_office(sqlite_db)
    lines = compliance_lines(compliance_on(sqlite_db, TODAY))
    text = "\n".join(lines)

    assert OFFICE in lines[0] and "（2026-11-02）" in lines[0]
    assert "✓ 督学配备：在任 6 名" in text and "应配 3 名" in text
    assert "学校（园）10 所，其中幼儿园 3 所、民办 1 所" in text
    assert "✓ 专职督学：2 名，占 33.3%（不少于 30%）" in text
    assert "✗ 挂牌督导全覆盖：4 所学校没有责任督学" in text
    assert f"  {'、'.join(UNCOVERED)}" in lines
    assert "✗ 任期：1 名督学的任期在 90 天内届满" in text
    assert "  赵明：2027-01-31 届满" in lines
    assert "吴军" in next(line for line in lines if "已连任 3 届" in line)
    assert "✗ 2026 年培训：2 名督学不足 40 学时" in text
    assert "  李丽：32 / 40 学时" in lines and "  赵明：0 / 40 学时" in lines
    assert "✗ 新任督学岗前培训（首次聘任后 12 个月内完成，不少于 15 学时）未完成：4 名" in text
    assert "  郑强：8 / 15 学时，2027-03-01 前完成" in lines
    assert "  李丽：0 / 15 学时，2025-09-01 已到期" in lines
    assert "集中培训不足 10 个工作日：吴军" in text
    assert "  城关责任区：学校 6 所，责任督学 2 名（应配 2 名），未挂牌 2 所" in lines
    assert "  龙泉片责任区：学校 2 所，责任督学 1 名（应配 1 名），未挂牌 1 所" in lines
    assert "  未划入责任区的学校：白沙中心幼儿园、白沙教学点" in lines
    assert "空责任区" not in text


def test_the_chinese_lines_follow_the_policy(sqlite_db):
    build_small_office(sqlite_db)
    policy = PolicyProfile(
        schools_per_inspector=2,
        dedicated_inspector_enrolment=1000,
        min_full_time_share=0.5,
        inspector_school_warning=2,
    )
    save_settings(sqlite_db, office_name=OFFICE, policy=policy)
    text = _text(compliance_on(sqlite_db, TODAY))
    assert "✗ 督学配备：在任 6 名，按 1∶2（在校生超过 1000 人的学校 1∶1）应配 7 名，缺 1 名" in text
    assert "✗ 专职督学：2 名，占 33.3%（不少于 50%）" in text
    assert "负责学校超过 2 所：李丽（3 所）" in text


def test_an_office_that_meets_every_rule_has_only_ticks(sqlite_db):
    save_zone(sqlite_db, "城关责任区")
    school = _school(sqlite_db, "城关小学", "城关责任区", 600)
    inspector_id = _inspector(sqlite_db, "王建国", date(2024, 9, 1), full_time=True)
    assign_schools(sqlite_db, inspector_id, [school], date(2024, 9, 1))
    _training(sqlite_db, inspector_id, date(2024, 9, 2), date(2024, 9, 3), "preservice", 16)
    assessed = YearlyAssessmentInput(2025, "competent", date(2026, 1, 15), "县教育督导室")
    save_yearly_assessment(sqlite_db, inspector_id, assessed, TODAY)
    _training(sqlite_db, inspector_id, date(2026, 7, 13), date(2026, 7, 24), "centralized", 40)
    visit = add_visit(sqlite_db, VisitInput(TODAY, school, inspector_id))
    save_record(sqlite_db, visit, RecordInput(findings="秩序良好"), today=TODAY)
    mark_year_complete(sqlite_db, TODAY.year + 1)  # next year's holidays are in
    lines = compliance_lines(compliance_on(sqlite_db, TODAY))
    marked = [line for line in lines if line and line[0] in "✓✗!"]
    assert len(marked) == 11  # … principals' terms, 整改, 报送上级 and 投诉办理 too
    assert all(line.startswith("✓") for line in marked)


def test_running_campaigns_bring_their_archive_figures(db):
    assert compliance_on(db, TODAY).archives is None
    assert compliance_on(db, TODAY).as_json()["archives"] is None
    office = archive_office(db)
    campaign_id = create_campaign(db, campaign(office))
    c = compliance_on(db, TODAY)
    # 自查整改 ended on 31 October with nothing collected: all six required items are overdue.
    assert c.archives == ArchiveFigures(
        running=1,
        next_campaign="2026年优质均衡迎检",
        next_phase="复评提高",
        next_deadline=date(2026, 11, 30),
        days_left=28,
        overdue=6,
        lagging=3,
    )
    assert c.as_json()["archives"] == {
        "running": 1,
        "next_campaign": "2026年优质均衡迎检",
        "next_phase": "复评提高",
        "next_deadline": "2026-11-30",
        "days_left": 28,
        "overdue": 6,
        "lagging": 3,
    }
    lines = compliance_lines(c)
    assert "✗ 迎检档案：1 项迎检工作进行中，6 项档案资料逾期未齐全，3 所学校进度落后" in lines
    assert "  下一节点：2026年优质均衡迎检“复评提高”阶段 2026-11-30 截止（还有 28 天）" in lines
    assert "（今天截止）" in _text(compliance_on(db, date(2026, 11, 30)))
    assert "各阶段的截止日期都已过去" in _text(compliance_on(db, date(2027, 1, 1)))
    close_campaign(db, campaign_id, TODAY)
    assert "迎检档案" not in _text(compliance_on(db, TODAY))


# --- the demo office ------------------------------------------------------------------------


def test_the_demo_office_on_the_fixed_day(demo_db):
    c = compliance_on(demo_db, TODAY)
    with demo_db.session() as session:
        schools = session.scalars(
            select(School).options(selectinload(School.assignments), selectinload(School.zone))
        ).all()
        inspectors = {
            i.id: i
            for i in session.scalars(
                select(Inspector).options(
                    selectinload(Inspector.appointments), selectinload(Inspector.training)
                )
            )
        }
        zones = session.scalars(select(Zone).order_by(Zone.sort_order)).all()
        zone_names = [z.name for z in zones]
        special = session.scalars(
            select(Inspector.name)
            .join(Appointment)
            .where(Appointment.start_date == date(2023, 12, 18))
        ).all()
        veteran = session.scalars(
            select(Inspector.name)
            .join(Appointment)
            .where(Appointment.start_date == date(2020, 9, 1))
        ).all()
        current = session.execute(
            select(Assignment.school_id, Assignment.inspector_id, Assignment.start_date).where(
                Assignment.start_date <= TODAY,
                Assignment.end_date.is_(None) | (Assignment.end_date >= TODAY),
            )
        ).all()

    # The demo's design: a county seat of 10 schools (one of 3260 students) and four townships of
    # 7 (3 kindergartens each, one of them private); the last kindergarten waits for an
    # inspector; one inspector's term runs from 2023-12-18, one serves since 2020-09-01.
    assert (c.schools, c.kindergartens, c.private_schools) == (38, 15, 5)
    assert c.required_inspectors == 1 + 8
    assert c.inspectors == 10
    assert c.office_name == "青溪县人民政府教育督导室"
    assert [(z.name, z.schools, z.required_inspectors) for z in c.zones] == [
        (name, n, r)
        for name, n, r in zip(zone_names, [10, 7, 7, 7, 7], [3, 2, 2, 2, 2], strict=True)
    ]
    assert [z.uncovered for z in c.zones] == [0, 0, 0, 0, 1]
    assert c.unzoned_schools == []
    (waiting,) = c.uncovered_schools
    assert waiting.endswith("幼儿园") and waiting.startswith("石桥乡")
    assert c.terms_expiring == [TermEnding(special[0], date(2026, 12, 17))]
    assert c.term_limit_reached == veteran

    # Everything else against a direct reading of the rows.
    full_time = sum(i.employment == Employment.FULL_TIME for i in inspectors.values())
    assert c.full_time_share == pytest.approx(full_time / 10)
    by_zone: dict[str, set[int]] = {}
    school_zone = {s.id: s.zone.name for s in schools}
    for school_id, inspector_id, _ in current:
        by_zone.setdefault(school_zone[school_id], set()).add(inspector_id)
    assert [z.inspectors for z in c.zones] == [len(by_zone.get(n, ())) for n in zone_names]
    hours = {  # the demo county counts 集中培训, 网络培训, 脱产培训 and 交流研讨
        i.name: sum(
            r.hours
            for r in i.training
            if r.start_date.year == 2026 and r.form in DEMO_COUNTED_FORMS
        )
        for i in inspectors.values()
    }
    assert {(t.name, t.hours, t.required) for t in c.training_shortfall} == {
        (name, h, 40) for name, h in hours.items() if h < 40
    }
    new_without_preservice = {
        i.name
        for i in inspectors.values()
        if min(i.appointments, key=lambda a: a.start_date).end_date >= TODAY
        and sum(r.hours for r in i.training if r.form == "preservice") < 15
    }
    assert set(c.missing_preservice) == new_without_preservice
    assert len(new_without_preservice) <= 1
    assert {(r.inspector, r.since) for r in c.rotation_due} == {
        (inspectors[inspector_id].name, since)
        for _, inspector_id, since in current
        if since <= THREE_YEARS_AGO
    }
    loads: dict[int, int] = {}
    for _, inspector_id, _ in current:
        loads[inspector_id] = loads.get(inspector_id, 0) + 1
    assert {(w.name, w.schools) for w in c.overloaded} == {
        (inspectors[i].name, n) for i, n in loads.items() if n > 8
    }
