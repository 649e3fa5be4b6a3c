"""The zone rules of the Hunan plan, on both engines: “每月至少到责任区督导4次” — the month's plan
takes each responsible inspector to his zone on at least 4 days, and the check flags a zone
visited on 3 days; “市直学校2次” — the schools of the office's 市直学校 zone get 2 visits each, and
one with a single visit is flagged; with the rules off the plan and the check are as before; the
zone's own count follows a renamed zone, goes with a deleted one, and is refused out of range."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import select

from core.calendar.availability import add_unavailability
from core.calendar.month_plan import generate_month
from core.calendar.planner import ZoneShort
from core.calendar.visits import VisitInput, add_visit
from core.calendar.zone_quotas import SchoolShort
from core.cli.check_text import compliance_lines
from core.cli.schedule import plan_lines
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import load_zone_school_visits, save_settings
from core.overview import compliance
from core.roster.assignments import assign_schools
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, delete_zone, save_school, save_zone
from core.roster.terms import appoint
from db.models import School, Visit

TODAY = date(2026, 11, 2)
"""A Monday of the autumn term; the whole of November is term time."""
OFFICE = "湘江区督导室"
HUNAN = PolicyProfile(zone_visits_per_month=4)


@pytest.fixture
def office(db) -> dict[str, int]:
    """李华 holds the three schools of 东片责任区, 陈静 the two of 市直学校."""
    ids = {}
    for zone, schools in (
        ("东片责任区", ("东片一小", "东片二小", "东片中学")),
        ("市直学校", ("市第一中学", "市实验小学")),
    ):
        ids[zone] = save_zone(db, zone)
        for name in schools:
            ids[name] = save_school(db, SchoolInput(name=name, zone=zone, enrolment=600))
    for name, schools in (
        ("李华", ("东片一小", "东片二小", "东片中学")),
        ("陈静", ("市第一中学", "市实验小学")),
    ):
        ids[name] = save_inspector(db, InspectorInput(name=name))
        appoint(db, ids[name], date(2025, 9, 1))
        assign_schools(db, ids[name], [ids[s] for s in schools], date(2025, 9, 1))
    return ids


def rules(db, office, policy: PolicyProfile, shizhi: int | None = None) -> None:
    own = {} if shizhi is None else {office["市直学校"]: shizhi}
    save_settings(db, office_name=OFFICE, policy=policy, zone_school_visits=own)


def days_at(db, inspector_id: int, zone: str) -> set[date]:
    with db.session() as session:
        return set(
            session.scalars(
                select(Visit.visit_date)
                .join(School, School.id == Visit.school_id)
                .join(School.zone)
                .where(Visit.inspector_id == inspector_id, School.zone.has(name=zone))
            )
        )


def visits_of(db) -> dict[str, list[date]]:
    by_school: dict[str, list[date]] = defaultdict(list)
    with db.session() as session:
        for name, day in session.execute(
            select(School.name, Visit.visit_date).join(School, School.id == Visit.school_id)
        ):
            by_school[name].append(day)
    return {name: sorted(days) for name, days in by_school.items()}


def test_the_plan_takes_each_inspector_to_his_zone_on_four_days(db, office):
    rules(db, office, HUNAN)
    plan = generate_month(db, 2026, 11, TODAY)
    # 东片 has three schools: one visit each is three days, so the plan adds a fourth.
    assert len(days_at(db, office["李华"], "东片责任区")) >= 4
    assert len(days_at(db, office["陈静"], "市直学校")) >= 4
    assert all(len(days) >= 1 for days in visits_of(db).values())
    assert plan.zones_short == [] and plan.unplaced == []
    assert compliance(db, TODAY).zone_quotas.zones_short == []


def test_the_days_at_a_zone_are_spread_over_the_month(db, office):
    rules(db, office, HUNAN)
    generate_month(db, 2026, 11, TODAY)
    days = sorted(days_at(db, office["李华"], "东片责任区"))
    assert days[0] <= date(2026, 11, 9) and days[-1] >= date(2026, 11, 23)


def test_an_inspector_away_most_of_the_month_is_named_short_of_his_zone(db, office):
    rules(db, office, HUNAN)
    add_unavailability(db, office["李华"], date(2026, 11, 4), date(2026, 11, 30), "training")
    plan = generate_month(db, 2026, 11, TODAY)
    assert plan.zones_short == [ZoneShort("东片责任区", "李华", 2, 4)]
    assert plan.as_json()["zones_short"] == [
        {"zone": "东片责任区", "inspector": "李华", "days": 2, "required": 4}
    ]
    assert "  东片责任区：李华 2 / 4 天" in plan_lines(plan)
    assert plan.unplaced == [], "his three schools still get their visit"


def test_a_zone_visited_on_three_days_when_four_are_asked_is_flagged(db, office):
    rules(db, office, HUNAN)
    # Four visits, but the two on the 5th are one day at the zone.
    for day, school in ((5, "东片一小"), (5, "东片二小"), (12, "东片中学"), (19, "东片一小")):
        add_visit(db, VisitInput(date(2026, 11, day), office[school], office["李华"]))
    result = compliance(db, TODAY)
    assert result.zone_quotas.zones_short == [
        ZoneShort("东片责任区", "李华", 3, 4),
        ZoneShort("市直学校", "陈静", 0, 4),
    ]
    data = json.loads(json.dumps(result.as_json(), ensure_ascii=False))["zone_quotas"]
    assert data["month"] == "2026-11"
    assert data["zones_short"][0] == {
        "zone": "东片责任区",
        "inspector": "李华",
        "days": 3,
        "required": 4,
    }
    assert "  东片责任区：李华 3 / 4 天" in compliance_lines(result)


def test_the_schools_of_the_shizhi_zone_get_two_visits_each(db, office):
    rules(db, office, PolicyProfile(), shizhi=2)
    generate_month(db, 2026, 11, TODAY)
    visits = visits_of(db)
    for school in ("市第一中学", "市实验小学"):
        first, second = visits[school]
        assert first < date(2026, 11, 16) <= second, "the two visits fall in different halves"
    assert all(len(visits[s]) == 1 for s in ("东片一小", "东片二小", "东片中学"))
    assert compliance(db, TODAY).zone_quotas.schools_short == []


def test_a_shizhi_school_with_one_visit_is_flagged(db, office):
    rules(db, office, PolicyProfile(), shizhi=2)
    add_visit(db, VisitInput(date(2026, 11, 10), office["市第一中学"], office["陈静"]))
    add_visit(db, VisitInput(date(2026, 11, 11), office["市实验小学"], office["陈静"]))
    add_visit(db, VisitInput(date(2026, 11, 24), office["市实验小学"], office["陈静"]))
    result = compliance(db, TODAY)
    assert result.zone_quotas.schools_short == [SchoolShort("市第一中学", "市直学校", 1, 2)]
    assert result.zone_quotas.zones_short == [], "the zone rule is off"
    assert "  市第一中学（市直学校）：1 / 2 次" in compliance_lines(result)


def test_with_the_rules_off_the_plan_and_the_check_are_as_before(db, office):
    before = generate_month(db, 2026, 11, TODAY, save=False)
    rules(db, office, HUNAN, shizhi=2)
    rules(db, office, PolicyProfile())
    after = generate_month(db, 2026, 11, TODAY, save=False)
    assert after.visits == before.visits and after.zones_short == []
    assert sorted(v.school for v in after.visits) == sorted(
        ["东片一小", "东片二小", "东片中学", "市第一中学", "市实验小学"]
    )
    quotas = compliance(db, TODAY).as_json()["zone_quotas"]
    assert quotas == {"month": "2026-11", "zones_short": [], "schools_short": []}


def test_the_zones_own_count_follows_a_rename_and_goes_with_the_zone(db, office):
    rules(db, office, PolicyProfile(), shizhi=2)
    save_zone(db, "市直属学校", office["市直学校"])
    assert load_zone_school_visits(db) == {office["市直学校"]: 2}
    empty = save_zone(db, "新建责任区")
    save_settings(db, office_name=OFFICE, policy=PolicyProfile(), zone_school_visits={empty: 3})
    delete_zone(db, empty)
    assert load_zone_school_visits(db) == {}


def test_a_count_out_of_range_is_refused_and_nothing_is_saved(db, office):
    rules(db, office, PolicyProfile(), shizhi=2)
    with pytest.raises(ValidationError) as refused:
        save_settings(
            db,
            office_name=OFFICE,
            policy=HUNAN,
            zone_school_visits={office["市直学校"]: 11},
        )
    assert refused.value.messages() == ["“责任区内每校每月督导次数”应在 0 到 10 之间"]
    assert load_zone_school_visits(db) == {office["市直学校"]: 2}
