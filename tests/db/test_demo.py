"""The demo office on both engines: the office scale looks like a real township office (zones,
schools and kindergartens, ten inspectors with terms and 挂牌 schools, one school still waiting
for its inspector, a semester of visits with their records, problems in every state of
rectification, complaints), the county scale is the 500-school benchmark with ten years of
history, the demo refuses a database that holds data, and the same day always gives the same
office."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.archive.campaigns import DEFAULT_PHASES, campaign_rows, checklist_rows
from core.archive.progress import campaign_progress, compare_with_snapshot, snapshot_rows
from core.archive.scoring import score_table
from core.calendar.visits import DEFAULT_INSPECTION_ITEMS
from core.demo.office import OFFICE_NAME_DEMO, create_demo
from core.enums import Employment, ItemStatus, SchoolKind
from core.errors import NotEmptyError
from core.office.policy import PolicyProfile
from core.office.school_terms import SchoolCalendar
from core.office.settings import load_office_name, save_settings
from core.office.workdays import WorkCalendar
from core.overview import compliance
from core.reports.settings import ReportSettings
from core.roster.terms import current_term
from db.engine import Database
from db.migrate import upgrade
from db.models import (
    Assignment,
    ChecklistItem,
    Complaint,
    Inspector,
    Problem,
    Recusal,
    School,
    Setting,
    Visit,
    Zone,
)

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
            session.execute(
                select(Visit.visit_date, School.name, Inspector.name, Visit.kind, Visit.status)
                .join(School, School.id == Visit.school_id)
                .join(Inspector, Inspector.id == Visit.inspector_id)
                .order_by(Visit.visit_date, School.name, Visit.kind)
            ).all(),
            session.execute(
                select(
                    Problem.found_on, Problem.description, Problem.status, Problem.notice_no
                ).order_by(Problem.found_on, Problem.description)
            ).all(),
            session.execute(
                select(
                    School.name,
                    ChecklistItem.title,
                    ChecklistItem.status,
                    ChecklistItem.due_date,
                    ChecklistItem.box_no,
                    ChecklistItem.updated_on,
                )
                .join(School, School.id == ChecklistItem.school_id)
                .order_by(School.name, ChecklistItem.title)
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


# --- The semester so far --------------------------------------------------------------------


def _visits(db: Database) -> list[Visit]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Visit)
                .options(
                    selectinload(Visit.record),
                    selectinload(Visit.companions),
                    selectinload(Visit.school),
                )
                .order_by(Visit.visit_date, Visit.id)
            )
        )


def _problems(db: Database) -> list[Problem]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Problem).options(selectinload(Problem.follow_ups)).order_by(Problem.id)
            )
        )


def test_visits_were_carried_out_before_today_and_are_planned_after(demo_office):
    visits = _visits(demo_office)
    statuses = Counter(v.status for v in visits)
    assert statuses["done"] > 80
    assert statuses["cancelled"] and statuses["postponed"]
    assert statuses["planned"] + statuses["confirmed"] > 0
    assert all(v.visit_date <= TODAY for v in visits if v.status in ("done", "cancelled"))
    assert all(v.visit_date >= TODAY for v in visits if v.status in ("planned", "confirmed"))
    assert all((v.record is not None) == (v.status == "done") for v in visits)
    calendar = WorkCalendar()
    assert all(calendar.is_workday(v.visit_date) for v in visits)
    assert all(SchoolCalendar().in_term(v.visit_date) for v in visits)
    assert min(v.visit_date for v in visits) == date(2026, 9, 1)
    active = [v for v in visits if v.status in ("planned", "confirmed", "done")]
    daily = Counter((v.inspector_id, v.visit_date) for v in active)
    assert max(daily.values()) <= POLICY.visits_per_inspector_per_day
    assert max(Counter((v.school_id, v.visit_date) for v in visits).values()) == 1


def test_every_covered_school_has_a_routine_visit_each_month_by_its_inspector(demo_office):
    _, schools, _ = _load(demo_office)
    routine = [v for v in _visits(demo_office) if v.kind == "routine"]
    for school in schools:
        mine = [v for v in routine if v.school_id == school.id]
        covering = [a for a in school.assignments if _covering(a, TODAY)]
        if not covering:
            assert mine == []  # the kindergarten still waiting for its inspector
            continue
        assert {v.visit_date.month for v in mine} == {9, 10, 11}
        kept = [v for v in mine if v.status != "cancelled"]
        assert len(kept) >= POLICY.routine_visits_per_semester
        assert {v.inspector_id for v in mine} == {covering[0].inspector_id}
    # Only the generator's plan still unconfirmed is the generator's, as in the app.
    assert any(v.generated for v in routine)
    assert all(v.status == "planned" for v in routine if v.generated)
    postponed = [v for v in routine if v.status == "postponed"]
    made_up = [
        p
        for p in postponed
        for v in routine
        if v.school_id == p.school_id
        and p.visit_date < v.visit_date
        and v.visit_date.month == p.visit_date.month
    ]
    assert made_up, "a postponed visit is made up later in its month"


def test_records_say_what_was_inspected_how_and_were_filed_within_days(demo_office):
    done = [v for v in _visits(demo_office) if v.status == "done"]
    items = set(DEFAULT_INSPECTION_ITEMS)
    for visit in done:
        record = visit.record
        assert record is not None
        assert record.items and set(record.items) <= items
        assert "tour" in record.methods
        assert record.findings and record.problems and record.advice and record.feedback
        assert record.filed_on is not None
        assert 0 <= (record.filed_on - visit.visit_date).days <= 3
        assert record.filed_on <= TODAY
        if visit.school.kind == SchoolKind.KINDERGARTEN:
            assert record.six_minimum == []
    coverage: dict[int, set[str]] = defaultdict(set)
    for visit in done:
        assert visit.record is not None
        coverage[visit.school_id] |= set(visit.record.six_minimum)
    compulsory = [s for s, codes in coverage.items() if codes]
    assert len({frozenset(coverage[s]) for s in compulsory}) > 3, "coverage varies"
    assert any(len(coverage[s]) == 6 for s in compulsory)
    assert any(len(coverage[s]) < 6 for s in compulsory)


def test_special_and_comprehensive_visits(demo_office):
    visits = _visits(demo_office)
    special = Counter(v.topic for v in visits if v.kind == "special")
    assert set(special) == {"双减", "校园安全"}
    assert all(v.record is not None and len(v.record.six_minimum) >= 3 for v in visits
               if v.topic == "双减" and v.status == "done")  # fmt: skip
    (comprehensive,) = [v for v in visits if v.kind == "comprehensive"]
    assert comprehensive.status == "done" and len(comprehensive.companions) == 2
    assert comprehensive.record is not None
    assert comprehensive.record.items == list(DEFAULT_INSPECTION_ITEMS)
    with demo_office.session() as session:
        recused = set(session.execute(select(Recusal.inspector_id, Recusal.school_id)).all())
    team = {comprehensive.inspector_id, *(c.id for c in comprehensive.companions)}
    assert len(team) == 3
    assert not {(i, comprehensive.school_id) for i in team} & recused


def test_problems_stand_in_every_state_of_rectification(demo_office):
    problems = _problems(demo_office)
    states = Counter(p.status for p in problems)
    assert set(states) == {"open", "fixed", "verified", "escalated"}
    opened = [p for p in problems if p.status == "open"]
    assert any(p.deadline < TODAY for p in opened), "one overdue"
    assert any(p.deadline >= TODAY for p in opened), "one still within its deadline"
    for problem in problems:
        assert problem.found_on <= TODAY
        assert (problem.escalated_on is not None) == (problem.status == "escalated")
        assert (problem.closed_on is not None) == (problem.status in ("fixed", "verified"))
        if problem.requirement == "immediate":
            assert problem.deadline == problem.found_on
        assert all(problem.found_on <= f.day <= TODAY for f in problem.follow_ups)
        if problem.status == "open":
            assert len(problem.follow_ups) < POLICY.followups_before_escalation
    after_follow_ups = [p for p in problems if p.status == "escalated" and p.follow_ups]
    assert len(after_follow_ups) == 1
    (key,) = after_follow_ups
    assert [f.outcome for f in key.follow_ups] == ["not_fixed"] * POLICY.followups_before_escalation
    assert key.escalated_on == key.follow_ups[-1].day
    (serious,) = [p for p in problems if p.category == "serious"]
    assert (serious.status, serious.escalated_on) == ("escalated", serious.found_on)
    (on_the_spot,) = [p for p in problems if p.requirement == "immediate"]
    assert (on_the_spot.status, on_the_spot.closed_on) == ("fixed", on_the_spot.found_on)
    noticed = sorted((p for p in problems if p.notice_no), key=lambda p: p.notice_date)
    assert len(noticed) >= 2
    numbers = [ReportSettings().notice_number(2026, n) for n in range(1, len(noticed) + 1)]
    assert [p.notice_no for p in noticed] == numbers  # 督整〔2026〕1号 …
    assert all(p.found_on < p.notice_date <= TODAY for p in noticed)
    (verified,) = [p for p in problems if p.status == "verified"]
    assert verified.follow_ups[-1].outcome == "fixed"
    assert verified.follow_ups[-1].day <= verified.closed_on


def test_a_fixed_problem_awaits_its_planned_recheck_and_its_visit_records_it(demo_office):
    problems = {p.id: p for p in _problems(demo_office)}
    visits = _visits(demo_office)
    (recheck,) = [v for v in visits if v.kind == "recheck"]
    assert recheck.status in ("planned", "confirmed") and recheck.visit_date > TODAY
    assert recheck.problem_id is not None
    assert problems[recheck.problem_id].status == "fixed"
    assert recheck.school_id == problems[recheck.problem_id].school_id
    found_on_visits = {v.id: v for v in visits}
    for problem in problems.values():
        visit = found_on_visits[problem.visit_id]
        assert (visit.school_id, visit.visit_date) == (problem.school_id, problem.found_on)
        assert visit.record is not None and visit.record.problems == problem.description


def test_complaints_one_anonymous_one_replied_one_raising_a_problem(demo_office):
    with demo_office.session() as session:
        complaints = session.scalars(select(Complaint).order_by(Complaint.received_on)).all()
        raised = session.scalars(select(Problem).where(Problem.complaint_id.is_not(None))).all()
    assert 3 <= len(complaints) <= 4
    assert all(c.received_on <= TODAY and c.content for c in complaints)
    assert [c.complainant for c in complaints].count("") == 1
    replied = [c for c in complaints if c.replied_on is not None]
    assert replied and all(c.verification and c.result for c in replied)
    assert all(c.received_on <= c.replied_on <= TODAY for c in replied)
    (problem,) = raised
    source = next(c for c in complaints if c.id == problem.complaint_id)
    assert problem.school_id == source.school_id
    assert problem.found_on >= source.received_on


# --- County scale ----------------------------------------------------------------------------


def test_county_demo_is_the_500_school_benchmark_with_ten_years_of_history(db):
    summary = create_demo(db, "county", TODAY)
    zones, schools, inspectors = _load(db)
    active = [i for i in inspectors if _serving(i)]
    former = [i for i in inspectors if not _serving(i)]

    assert (summary.schools, summary.inspectors, summary.zones) == (500, 100, len(zones))
    assert summary.visits > 1000 and summary.complaints == 4
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


# --- The running campaign (迎检) ---------------------------------------------------------------


def test_the_demo_runs_an_evaluation_campaign_with_checklists_in_varied_states(demo_office):
    [row] = campaign_rows(demo_office, TODAY)
    assert (row.name, row.kind, row.closed_on) == (
        "2026年迎接省政府教育工作督导评估（迎省检）",  # the township 迎省检 lists it applies
        "government",
        None,
    )
    assert 55 <= (TODAY - row.started_on).days <= 65
    progress = campaign_progress(demo_office, row.id, TODAY)
    assert [p.name for p in progress.phases] == list(DEFAULT_PHASES)
    assert [p.passed for p in progress.phases] == [True, True, False, False]
    assert progress.next_phase is not None and progress.next_phase.name == "复评提高"
    assert 0 < progress.percent < 100
    assert 0 < len(progress.lagging) < len(progress.schools) // 2
    assert any(s.percent == 100 for s in progress.schools)

    rows = checklist_rows(demo_office, row.id, TODAY)
    statuses = Counter(r.status for r in rows)
    assert set(statuses) == {s.value for s in ItemStatus}
    assert 0 < statuses[ItemStatus.NOT_APPLICABLE] <= len(progress.schools) // 2
    assert all(r.box_no and r.location for r in rows if r.status == ItemStatus.FILED)
    assert all(r.responsible for r in rows if r.status != ItemStatus.NOT_STARTED)
    overdue = [r for r in rows if r.overdue]
    assert 0 < len(overdue) <= len(rows) // 20
    assert all(r.group == "三、原始档案" for r in overdue)


def test_the_demo_campaign_takes_schools_and_kindergartens_of_three_zones(demo_office):
    [row] = campaign_rows(demo_office, TODAY)
    zones, schools, _ = _load(demo_office)
    first_zones = {z.id for z in sorted(zones, key=lambda z: z.sort_order)[:3]}
    taking_part = {
        s.name: s.kind
        for s in schools
        if s.zone_id in first_zones and s.kind in ("primary", "junior", "nine_year", "kindergarten")
    }
    rows = checklist_rows(demo_office, row.id, TODAY)
    titles = defaultdict(set)
    for r in rows:
        titles[r.school].add(r.title)
    assert set(titles) == set(taking_part)
    for name, kind in taking_part.items():
        if kind == SchoolKind.KINDERGARTEN:
            assert "办园情况简介" in titles[name] and "学校情况简介" not in titles[name]
        else:
            assert "学校情况简介" in titles[name] and "办园情况简介" not in titles[name]


def test_the_demo_campaign_has_two_weekly_snapshots_and_scores(demo_office):
    [row] = campaign_rows(demo_office, TODAY)
    snapshots = snapshot_rows(demo_office, row.id)
    assert [s.taken_on for s in snapshots] == [
        TODAY - timedelta(days=7),
        TODAY - timedelta(days=14),
    ]
    assert snapshots[1].percent < snapshots[0].percent < row.percent
    changes = compare_with_snapshot(demo_office, row.id, snapshots[0].id, TODAY)
    assert any(c.delta for c in changes) and all(
        c.delta is not None and c.delta >= 0 for c in changes
    )

    table = score_table(demo_office, row.id)
    assert table.full_marks == 100
    scored = [s for s in table.schools if s.points]
    assert len(scored) == 6 and sum(s.complete for s in scored) == 5
    assert [s.rank for s in scored if s.complete] == sorted(s.rank for s in scored if s.complete)
    assert all(0 < s.total <= 103 for s in scored)


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
