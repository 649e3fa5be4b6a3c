"""The demo office on both engines: the office scale looks like a real township office (zones,
schools and kindergartens, ten inspectors with terms and 挂牌 schools, one school still waiting
for its inspector), the county scale is the 500-school benchmark with ten years of history, the
demo refuses a database that holds data, and the same day always gives the same office."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.compliance import compliance
from core.demo import OFFICE_NAME_DEMO, create_demo
from core.enums import Employment, SchoolKind
from core.errors import NotEmptyError
from core.policy import PolicyProfile
from core.settings import load_office_name, save_settings
from core.terms import current_term
from db.engine import Database
from db.migrate import upgrade
from db.models import Assignment, Inspector, School, Setting, Zone

POLICY = PolicyProfile()
TODAY = date(2026, 11, 2)


@pytest.fixture
def demo_office(db: Database) -> Database:
    """The office demo as of :data:`TODAY`."""
    create_demo(db, "office", TODAY)
    return db


def _covering(assignment: Assignment, day: date) -> bool:
    return assignment.start_date <= day and (
        assignment.end_date is None or assignment.end_date >= day
    )


def _load(db: Database):
    with db.session() as session:
        schools = session.scalars(
            select(School).options(selectinload(School.assignments), selectinload(School.zone))
        ).all()
        inspectors = session.scalars(
            select(Inspector).options(
                selectinload(Inspector.appointments), selectinload(Inspector.assignments)
            )
        ).all()
        zones = session.scalars(select(Zone).options(selectinload(Zone.schools))).all()
    return zones, schools, inspectors


def _fingerprint(db: Database):
    with db.session() as session:
        return (
            session.execute(
                select(School.name, School.kind, School.enrolment, Zone.name)
                .join(Zone)
                .order_by(School.name)
            ).all(),
            session.execute(
                select(Inspector.name, Inspector.employment, Inspector.phone).order_by(
                    Inspector.name
                )
            ).all(),
            session.execute(
                select(Inspector.name, School.name, Assignment.start_date, Assignment.end_date)
                .join(Assignment.inspector)
                .join(Assignment.school)
                .order_by(School.name, Assignment.start_date)
            ).all(),
        )


# --- Office scale ----------------------------------------------------------------------------


def test_office_demo_has_zones_schools_and_kindergartens(demo_office):
    zones, schools, _ = _load(demo_office)
    assert 4 <= len(zones) <= 6
    assert 35 <= len(schools) <= 42
    kinds = Counter(s.kind for s in schools)
    assert kinds[SchoolKind.KINDERGARTEN] >= 8
    assert kinds[SchoolKind.PRIMARY] >= 8
    assert kinds[SchoolKind.JUNIOR] >= 4
    assert kinds[SchoolKind.TEACHING_POINT] >= 1
    assert all(kind in set(SchoolKind) for kind in kinds)
    assert any(s.is_private and s.kind == SchoolKind.KINDERGARTEN for s in schools)
    assert all(s.zone is not None and s.active for s in schools)
    assert all(len(z.schools) <= POLICY.zone_school_warning for z in zones)
    assert len({s.name for s in schools}) == len(schools)
    assert load_office_name(demo_office) == OFFICE_NAME_DEMO


def test_office_demo_has_ten_inspectors_serving_a_current_term(demo_office):
    _, _, inspectors = _load(demo_office)
    assert len(inspectors) == 10
    assert all(_serving(i) for i in inspectors)
    assert {i.employment for i in inspectors} <= set(Employment)
    full_time = sum(i.employment == Employment.FULL_TIME for i in inspectors)
    assert full_time / len(inspectors) >= POLICY.min_full_time_share
    for inspector in inspectors:
        terms = inspector.appointments
        assert 1 <= len(terms) <= POLICY.max_consecutive_terms
        assert terms[-1].start_date <= TODAY <= terms[-1].end_date
        assert terms[-1].assessment is None
        for earlier, later in itertools.pairwise(terms):
            assert later.start_date == earlier.end_date + timedelta(days=1)
            assert earlier.assessment in ("excellent", "competent")
        for term in terms:
            years = term.end_date.year - term.start_date.year
            assert years == POLICY.term_years
        assert any(_covering(a, TODAY) for a in inspector.assignments)


def test_office_demo_leaves_exactly_one_kindergarten_without_an_inspector(demo_office):
    _, schools, _ = _load(demo_office)
    uncovered = [s for s in schools if not any(_covering(a, TODAY) for a in s.assignments)]
    assert len(uncovered) == 1
    assert uncovered[0].kind == SchoolKind.KINDERGARTEN
    assert all(
        sum(_covering(a, TODAY) for a in s.assignments) == 1
        for s in schools
        if s is not uncovered[0]
    )


def test_office_demo_gives_a_school_above_the_enrolment_setting_its_own_inspector(demo_office):
    _, schools, inspectors = _load(demo_office)
    large = [s for s in schools if s.enrolment > POLICY.dedicated_inspector_enrolment]
    assert large
    by_id = {i.id: i for i in inspectors}
    for school in large:
        (assignment,) = [a for a in school.assignments if _covering(a, TODAY)]
        inspector = by_id[assignment.inspector_id]
        assert [a.school_id for a in inspector.assignments if _covering(a, TODAY)] == [school.id]


def test_office_demo_assignments_start_within_the_inspectors_service(demo_office):
    _, _, inspectors = _load(demo_office)
    for inspector in inspectors:
        first_term = inspector.appointments[0].start_date
        for assignment in inspector.assignments:
            assert first_term <= assignment.start_date <= TODAY


def test_demo_refuses_a_database_that_holds_data_and_changes_nothing(demo_office):
    before = _fingerprint(demo_office)
    with pytest.raises(NotEmptyError) as info:
        create_demo(demo_office, "office", TODAY)
    assert "空数据库" in str(info.value)
    with pytest.raises(NotEmptyError):
        create_demo(demo_office, "county", TODAY)
    assert _fingerprint(demo_office) == before


def test_demo_refuses_a_database_with_only_the_clerks_own_zone(db):
    with db.session() as session:
        session.add(Zone(name="我的责任区"))
    with pytest.raises(NotEmptyError):
        create_demo(db, "office", TODAY)
    with db.session() as session:
        assert session.scalars(select(Zone.name)).all() == ["我的责任区"]
        assert session.scalar(select(func.count()).select_from(School)) == 0
        assert session.get(Setting, "office.name") is None


def test_demo_refuses_an_unknown_scale_and_writes_nothing(db):
    with pytest.raises(ValueError, match="province"):
        create_demo(db, "province", TODAY)
    assert compliance(db, TODAY).is_empty


def test_the_same_day_gives_the_same_office_on_any_engine(demo_office, tmp_path: Path):
    other = Database.open(tmp_path / "second.db")
    try:
        upgrade(other, backup=False)
        create_demo(other, "office", TODAY)
        assert _fingerprint(other) == _fingerprint(demo_office)
    finally:
        other.dispose()


def test_another_day_gives_another_office(tmp_path: Path):
    fingerprints = []
    for index, day in enumerate((TODAY, TODAY + timedelta(days=1))):
        database = Database.open(tmp_path / f"demo{index}.db")
        try:
            upgrade(database, backup=False)
            create_demo(database, "office", day)
            fingerprints.append(_fingerprint(database))
        finally:
            database.dispose()
    assert fingerprints[0] != fingerprints[1]


# --- County scale ----------------------------------------------------------------------------


def test_county_demo_is_the_500_school_benchmark_with_ten_years_of_history(db):
    summary = create_demo(db, "county", TODAY)
    zones, schools, inspectors = _load(db)
    active = [i for i in inspectors if _serving(i)]
    former = [i for i in inspectors if not _serving(i)]

    assert (summary.schools, summary.inspectors, summary.zones) == (500, 100, len(zones))
    assert len(schools) == 500
    assert len(active) == 100
    assert former
    assert all(len(z.schools) <= POLICY.zone_school_warning for z in zones)
    earliest = min(a.start_date for i in inspectors for a in i.appointments)
    assert TODAY.year - 11 <= earliest.year <= TODAY.year - 9
    assert summary.appointments == sum(len(i.appointments) for i in inspectors)
    assert summary.assignments == sum(len(s.assignments) for s in schools)

    for inspector in former:
        last = inspector.appointments[-1]
        assert last.ended_on is not None and last.ended_on < TODAY
        assert last.end_reason in ("expired", "dismissed", "resigned")
        assert all(a.end_date is not None and a.end_date < TODAY for a in inspector.assignments)
    for inspector in active:
        assert len(inspector.appointments) <= POLICY.max_consecutive_terms
        assert inspector.appointments[-1].end_date >= TODAY

    for school in schools:
        periods = sorted(school.assignments, key=lambda a: a.start_date)
        assert sum(_covering(a, TODAY) for a in periods) == 1
        for earlier, later in itertools.pairwise(periods):
            assert earlier.end_date is not None and earlier.end_date < later.start_date
    assert any(len(s.assignments) > 1 for s in schools)


# --- The dashboard's figures -----------------------------------------------------------------


def test_overview_of_the_demo_office_agrees_with_direct_counts(demo_office):
    zones, schools, inspectors = _load(demo_office)
    overview = compliance(demo_office, TODAY)
    large = sum(s.enrolment > POLICY.dedicated_inspector_enrolment for s in schools)
    full_time = sum(i.employment == Employment.FULL_TIME and _serving(i) for i in inspectors)

    assert overview.office_name == OFFICE_NAME_DEMO
    assert overview.today == TODAY
    assert len(overview.zones) == len(zones)
    assert overview.schools == len(schools)
    assert overview.kindergartens == sum(s.kind == SchoolKind.KINDERGARTEN for s in schools)
    assert overview.private_schools == sum(s.is_private for s in schools)
    assert overview.inspectors == sum(_serving(i) for i in inspectors)
    assert overview.full_time == full_time
    assert overview.required_inspectors == large + math.ceil((len(schools) - large) / 5)
    assert [name[-3:] for name in overview.uncovered_schools] == ["幼儿园"]
    assert overview.policy.min_full_time_share == 0.30
    assert overview.full_time_share == pytest.approx(full_time / overview.inspectors)
    assert overview.shortfall == max(0, overview.required_inspectors - 10)
    assert not overview.is_empty


def test_overview_of_an_empty_office(db):
    overview = compliance(db, TODAY)
    assert overview.is_empty
    assert (overview.zones, overview.schools, overview.inspectors) == ([], 0, 0)
    assert overview.required_inspectors == 0
    assert overview.uncovered_schools == []
    assert overview.terms_expiring == overview.training_shortfall == []
    assert overview.full_time_share == 0.0
    assert overview.shortfall == 0


def test_overview_follows_the_stored_policy(demo_office):
    before = compliance(demo_office, TODAY)
    policy = PolicyProfile(schools_per_inspector=3, min_full_time_share=0.5)
    save_settings(demo_office, office_name="青溪县督导室", policy=policy)
    after = compliance(demo_office, TODAY)
    _, schools, _ = _load(demo_office)
    large = sum(s.enrolment > 3000 for s in schools)
    assert after.required_inspectors == large + math.ceil((before.schools - large) / 3)
    assert after.required_inspectors > before.required_inspectors
    assert after.shortfall == after.required_inspectors - after.inspectors
    assert after.policy.min_full_time_share == 0.5
    assert after.office_name == "青溪县督导室"


def test_overview_leaves_out_closed_schools_and_former_inspectors(demo_office):
    before = compliance(demo_office, TODAY)
    with demo_office.session() as session:
        kindergarten = session.scalars(
            select(School).where(School.kind == SchoolKind.KINDERGARTEN).order_by(School.id)
        ).first()
        kindergarten.active = False
        inspector = session.scalars(
            select(Inspector).where(Inspector.employment == Employment.FULL_TIME)
        ).first()
        current_term(inspector.appointments, TODAY).ended_on = TODAY - timedelta(days=1)
    after = compliance(demo_office, TODAY)
    assert after.schools == before.schools - 1
    assert after.kindergartens == before.kindergartens - 1
    assert after.inspectors == before.inspectors - 1
    assert after.full_time == before.full_time - 1


def test_a_school_counts_as_covered_through_the_last_day_of_its_assignment(demo_office):
    with demo_office.session() as session:
        assignment = session.scalars(
            select(Assignment).where(Assignment.end_date.is_(None)).order_by(Assignment.id)
        ).first()
        assignment.end_date = TODAY
    assert len(compliance(demo_office, TODAY).uncovered_schools) == 1
    assert len(compliance(demo_office, TODAY + timedelta(days=1)).uncovered_schools) == 2


def test_a_school_whose_inspector_starts_tomorrow_is_not_covered_today(demo_office):
    overview = compliance(demo_office, TODAY)
    with demo_office.session() as session:
        covered = select(Assignment.school_id)
        waiting = session.scalars(select(School).where(School.id.not_in(covered))).one()
        inspector = session.scalars(select(Inspector).order_by(Inspector.id)).first()
        session.add(
            Assignment(inspector=inspector, school=waiting, start_date=TODAY + timedelta(days=1))
        )
    assert compliance(demo_office, TODAY).uncovered_schools == overview.uncovered_schools
    assert len(compliance(demo_office, TODAY + timedelta(days=1)).uncovered_schools) == 0


def _serving(inspector: Inspector) -> bool:
    return current_term(inspector.appointments, TODAY) is not None
