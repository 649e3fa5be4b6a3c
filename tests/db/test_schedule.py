"""The visit calendar on both engines: generating the demo office's month and reading it back,
regenerating (only the generator's own unconfirmed plan is replaced; the clerk's visits and the
plan earlier in the month stay and count), a 挂牌 that changes mid-month, days before today,
holidays entered by the clerk, a year chinese-calendar does not know, inspectors away, the summer
break, the semester check, comprehensive-inspection proposals and a special-topic campaign."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from core.calendar.availability import add_unavailability, remove_unavailability
from core.calendar.month_plan import generate_month, plan_topic_visits
from core.calendar.planner import SCHOOL_CLOSED
from core.calendar.semester import propose_comprehensive, semester_check
from core.enums import ACTIVE_STATUSES, DayKind, UnavailableReason, VisitKind, VisitStatus
from core.errors import ValidationError
from core.office.school_terms import SchoolCalendar
from core.office.workdays import WorkCalendar, calendar_edits, clear_day, set_day
from core.roster.assignments import (
    assign_schools,
    end_assignments,
    responsible_by_day,
    responsible_inspectors,
)
from db.models import Inspector, Recusal, School, Visit

TODAY = date(2026, 11, 2)
NOVEMBER = (2026, 11)
AUTUMN = SchoolCalendar().semester_of(TODAY)
assert AUTUMN is not None


@pytest.fixture
def office(demo_db):
    """The office demo with an empty calendar: its sample semester of visits removed."""
    with demo_db.session() as session:
        session.execute(delete(Visit))
    return demo_db


def stored(db, kind: str | None = None) -> list[Visit]:
    """Every visit, read through a fresh session."""
    with db.session() as session:
        query = select(Visit).order_by(Visit.visit_date, Visit.id)
        if kind:
            query = query.where(Visit.kind == kind)
        return list(session.scalars(query))


def covered(db, day: date = TODAY) -> dict[int, int]:
    with db.session() as session:
        return responsible_inspectors(session, day)


def school_names(db) -> dict[int, str]:
    with db.session() as session:
        return dict(session.execute(select(School.id, School.name)).all())


def test_the_demo_month_gives_every_covered_school_a_visit_on_working_days(office):
    plan = generate_month(office, *NOVEMBER, TODAY)
    visits = stored(office)
    responsible = covered(office)
    names = school_names(office)
    assert sorted(v.school_id for v in visits) == sorted(responsible)
    assert all(v.inspector_id == responsible[v.school_id] for v in visits)
    assert all(v.kind == "routine" and v.status == "planned" for v in visits)
    calendar = WorkCalendar()
    assert all(v.visit_date >= TODAY and calendar.is_workday(v.visit_date) for v in visits)
    assert max(Counter((v.inspector_id, v.visit_date) for v in visits).values()) <= 2
    uncovered = sorted(names[s] for s in names if s not in responsible)
    assert [(u.school, u.reason) for u in plan.unplaced] == [(n, "没有责任督学") for n in uncovered]
    assert plan.added == len(visits) and plan.saved and plan.known_year
    assert sorted((v.day, v.school) for v in plan.visits) == sorted(
        (v.visit_date, names[v.school_id]) for v in visits
    )
    assert len({v.visit_date for v in visits}) > 10, "spread over the month"


def test_regenerating_replaces_only_the_unconfirmed_plan(office):
    generate_month(office, *NOVEMBER, TODAY)
    first = stored(office)
    confirmed, done, cancelled, special = first[0], first[1], first[2], first[3]
    with office.session() as session:
        for visit, status in ((confirmed, "confirmed"), (done, "done"), (cancelled, "cancelled")):
            session.get(Visit, visit.id).status = status
        session.add(
            Visit(
                visit_date=date(2026, 11, 25),
                school_id=special.school_id,
                inspector_id=special.inspector_id,
                kind="special",
                status="planned",
                topic="校园安全",
                note="",
            )
        )
    plan = generate_month(office, *NOVEMBER, TODAY)
    assert plan.replaced == len(first) - 3
    after = stored(office)
    kept = {v.id: (v.visit_date, v.status) for v in after}
    assert kept[confirmed.id] == (confirmed.visit_date, "confirmed")
    assert kept[done.id] == (done.visit_date, "done")
    assert kept[cancelled.id] == (cancelled.visit_date, "cancelled")
    assert [v.topic for v in after if v.kind == "special"] == ["校园安全"]
    routine = Counter(v.school_id for v in after if v.kind == "routine" and v.status != "cancelled")
    assert set(routine.values()) == {1}
    assert routine[cancelled.school_id] == 1  # a cancelled visit does not count
    assert sorted(routine) == sorted(covered(office))
    assert confirmed.school_id not in {v.school_id for v in after if v.status == "planned"}
    statuses = Counter(v.status for v in plan.visits)
    assert statuses == {"planned": plan.added + 1, "confirmed": 1, "done": 1}


def test_days_before_today_are_left_alone_and_a_past_month_is_refused(office):
    generate_month(office, *NOVEMBER, TODAY)
    early = {v.id for v in stored(office) if v.visit_date < date(2026, 11, 20)}
    generate_month(office, *NOVEMBER, date(2026, 11, 20))
    after = stored(office)
    assert early <= {v.id for v in after}  # plans in the past stay as they were
    assert all(v.visit_date >= date(2026, 11, 20) for v in after if v.id not in early)
    with pytest.raises(ValidationError) as info:
        generate_month(office, 2026, 10, TODAY)
    assert "已经过去" in info.value.messages()[0]


def test_the_clerks_holidays_are_respected(office):
    week = [date(2026, 11, d) for d in range(16, 21)]
    for day in week:
        set_day(office, day, DayKind.HOLIDAY, "  县运动会  ")
    set_day(office, date(2026, 11, 21), DayKind.WORKDAY, "调休上班")
    assert calendar_edits(office, 2026)[0] == (week[0], "holiday", "县运动会")
    generate_month(office, *NOVEMBER, TODAY)
    days = {v.visit_date for v in stored(office)}
    assert not days & set(week)
    assert WorkCalendar.load(office).is_workday(date(2026, 11, 21))
    assert clear_day(office, week[0]) and not clear_day(office, week[0])
    assert WorkCalendar.load(office).is_workday(week[0])
    with pytest.raises(ValidationError):
        set_day(office, week[0], "half_day")


def test_an_unknown_year_works_on_weekdays_and_the_clerks_days_but_stays_unsure(office):
    plan = generate_month(office, 2027, 3, TODAY)
    assert not plan.known_year and plan.holiday_data in ("provisional", "missing")
    assert plan.visits and all(v.day.weekday() < 5 for v in plan.visits)
    first_week = [date(2027, 3, d) for d in range(1, 6)]
    for day in first_week:
        set_day(office, day, DayKind.HOLIDAY)
    set_day(office, date(2027, 3, 6), DayKind.WORKDAY)
    plan = generate_month(office, 2027, 3, TODAY)
    assert plan.holiday_data == "provisional"  # some days entered: not complete
    assert not {v.day for v in plan.visits} & set(first_week)
    assert {v.visit_date for v in stored(office)} == {v.day for v in plan.visits}
    assert WorkCalendar.load(office).is_workday(date(2027, 3, 6))


def test_an_inspector_away_all_month_and_one_whose_term_ends_mid_month(office):
    responsible = covered(office)
    away = Counter(responsible.values()).most_common(1)[0][0]
    entry = add_unavailability(
        office, away, date(2026, 11, 1), date(2026, 11, 30), UnavailableReason.TRAINING, "省培"
    )
    plan = generate_month(office, *NOVEMBER, TODAY)
    theirs = {s for s, i in responsible.items() if i == away}
    reasons = {u.school_id: u.reason for u in plan.unplaced}
    assert {s: reasons.get(s) for s in theirs} == dict.fromkeys(theirs, "督学本月全部不可用")
    assert remove_unavailability(office, entry) and not remove_unavailability(office, entry)
    add_unavailability(office, away, date(2026, 11, 2), date(2026, 11, 15), "leave")
    generate_month(office, *NOVEMBER, TODAY)
    assert all(v.visit_date > date(2026, 11, 15) for v in stored(office) if v.inspector_id == away)
    # The office demo has a term ending 46 days after TODAY: no visits after its last day.
    with office.session() as session:
        ending = next(
            i
            for i in session.scalars(select(Inspector))
            if i.appointments[-1].end_date == date(2026, 12, 17)
        )
        ending_id = ending.id
    generate_month(office, 2026, 12, TODAY)
    december = [
        v for v in stored(office) if v.inspector_id == ending_id and v.visit_date.month == 12
    ]
    assert december and all(v.visit_date <= date(2026, 12, 17) for v in december)


def test_unavailable_days_are_checked(db):
    with db.session() as session:
        session.add(Inspector(name="王建国"))
    with db.session() as session:
        inspector_id = session.scalars(select(Inspector.id)).one()
    for args in (
        (inspector_id, date(2026, 11, 5), date(2026, 11, 4), "leave"),
        (inspector_id, date(2026, 11, 5), date(2026, 11, 6), "holiday"),
        (inspector_id + 1, date(2026, 11, 5), date(2026, 11, 6), "leave"),
    ):
        with pytest.raises(ValidationError):
            add_unavailability(db, *args)


def test_a_month_in_the_summer_break_gets_no_routine_visits(office):
    plan = generate_month(office, 2027, 8, TODAY)
    assert plan.school_break and not plan.saved
    assert plan.visits == [] and plan.unplaced == []
    assert stored(office) == []


def test_the_semester_check_counts_routine_visits_not_cancelled(office):
    names = school_names(office)
    before = semester_check(office, AUTUMN.start, AUTUMN.end)
    assert {s.school for s in before} == set(names.values())
    assert {(s.visits, s.required) for s in before} == {(0, 2)}
    generate_month(office, *NOVEMBER, TODAY)
    generate_month(office, 2026, 12, TODAY)
    twice = set(covered(office)) & set(covered(office, date(2026, 12, 1)))
    short = semester_check(office, AUTUMN.start, AUTUMN.end, on=TODAY)
    assert {s.school_id for s in short} == set(names) - twice
    visit = next(v for v in stored(office) if v.school_id not in {s.school_id for s in short})
    with office.session() as session:
        session.get(Visit, visit.id).status = VisitStatus.CANCELLED.value
    again = semester_check(office, AUTUMN.start, AUTUMN.end, on=TODAY)
    assert [(s.school_id, s.visits) for s in again if s.school_id == visit.school_id] == [
        (visit.school_id, 1)
    ]
    assert next(s for s in again if s.school_id == visit.school_id).inspector


def test_comprehensive_inspections_are_proposed_for_principals_whose_term_ends(office):
    with office.session() as session:
        expected = [
            (row.principal_term_end, row.name)
            for row in session.execute(
                select(School.name, School.principal_term_end).where(
                    # the autumn term and the winter break after it
                    School.principal_term_end.between(AUTUMN.start, date(2027, 2, 19))
                )
            )
        ]
    proposals = propose_comprehensive(office, AUTUMN)
    assert [(p.principal_term_end, p.school) for p in proposals] == sorted(expected)
    assert proposals and all(p.planned_on is None for p in proposals)
    assert stored(office) == []  # nothing saved
    first = proposals[0]
    with office.session() as session:
        school = session.get(School, first.school_id)
        inspector_id = first.inspector_id or session.scalars(select(Inspector.id)).first()
        for status, day in (("cancelled", date(2026, 11, 10)), ("planned", date(2026, 12, 8))):
            session.add(
                Visit(
                    visit_date=day,
                    school_id=school.id,
                    inspector_id=inspector_id,
                    kind=VisitKind.COMPREHENSIVE.value,
                    status=status,
                    topic="",
                    note="",
                )
            )
    again = propose_comprehensive(office, AUTUMN)
    assert again[0].planned_on == date(2026, 12, 8)


def test_a_special_topic_campaign_fits_around_the_month_plan(office):
    generate_month(office, *NOVEMBER, TODAY)
    responsible = covered(office)
    chosen = sorted(responsible)[:12]
    window = (date(2026, 11, 9), date(2026, 11, 20))
    preview = plan_topic_visits(office, chosen, *window, "双减", save=False)
    assert len(preview.visits) == 12 and not preview.saved
    assert stored(office, "special") == []
    plan = plan_topic_visits(office, chosen, *window, " 双减 ")
    assert plan.topic == "双减" and plan.unplaced == []
    special = stored(office, "special")
    assert sorted(v.school_id for v in special) == chosen
    calendar = WorkCalendar()
    assert all(window[0] <= v.visit_date <= window[1] for v in special)
    assert all(calendar.is_workday(v.visit_date) and v.topic == "双减" for v in special)
    assert all(v.inspector_id == responsible[v.school_id] for v in special)
    load = Counter((v.inspector_id, v.visit_date) for v in stored(office))
    assert max(load.values()) <= 2
    assert plan_topic_visits(office, chosen, *window, "双减").visits == []
    with office.session() as session:
        session.get(School, chosen[0]).active = False
    closed = plan_topic_visits(office, chosen[:2], *window, "校园安全")
    assert [u.reason for u in closed.unplaced] == [SCHOOL_CLOSED]
    assert [v.school_id for v in closed.visits] == [chosen[1]]


@pytest.mark.parametrize(
    ("topic", "start", "end", "schools"),
    [
        ("", date(2026, 11, 9), date(2026, 11, 20), [1]),
        ("双减", date(2026, 11, 20), date(2026, 11, 9), [1]),
        ("双减", date(2026, 11, 9), date(2026, 11, 20), []),
        ("安" * 101, date(2026, 11, 9), date(2026, 11, 20), [1]),
    ],
)
def test_a_campaign_needs_a_topic_a_window_and_schools(sqlite_db, topic, start, end, schools):
    with pytest.raises(ValidationError):
        plan_topic_visits(sqlite_db, schools, start, end, topic)


def test_generating_twice_gives_the_same_plan(office):
    first = generate_month(office, *NOVEMBER, TODAY)
    second = generate_month(office, *NOVEMBER, TODAY)
    assert first.visits == second.visits and first.unplaced == second.unplaced
    assert second.replaced == first.added
    assert len(stored(office)) == first.added


def test_a_preview_saves_nothing(office):
    plan = generate_month(office, *NOVEMBER, TODAY, save=False)
    assert plan.added > 0 and not plan.saved
    assert stored(office) == []
    assert timedelta(0) <= plan.visits[0].day - TODAY


def test_the_generators_visits_are_marked_and_the_clerks_own_stay_and_count(office):
    responsible = covered(office)
    inspector_id = Counter(responsible.values()).most_common(1)[0][0]
    own, other = sorted(s for s, i in responsible.items() if i == inspector_id)[:2]
    day = date(2026, 11, 10)
    with office.session() as session:
        for school_id in (own, other):  # the clerk fills the inspector's day up to the cap
            session.add(
                Visit(
                    visit_date=day,
                    school_id=school_id,
                    inspector_id=inspector_id,
                    kind="routine",
                    status="planned",
                    topic="",
                    note="校长约定",
                )
            )
    for _ in range(2):
        plan = generate_month(office, *NOVEMBER, TODAY)
        visits = stored(office)
        by_hand = [v for v in visits if not v.generated]
        assert [(v.school_id, v.visit_date, v.note) for v in by_hand] == [
            (own, day, "校长约定"),
            (other, day, "校长约定"),
        ]
        generated = [v for v in visits if v.generated]
        assert len(generated) == plan.added and all(v.status == "planned" for v in generated)
        assert not {own, other} & {v.school_id for v in generated}  # their quota is met
        assert (inspector_id, day) not in {(v.inspector_id, v.visit_date) for v in generated}
        routine = Counter(v.school_id for v in visits)
        assert sorted(routine) == sorted(responsible) and set(routine.values()) == {1}
    assert plan.replaced == plan.added


def test_regenerating_mid_month_counts_the_visits_planned_earlier_in_the_month(office):
    generate_month(office, *NOVEMBER, TODAY)
    earlier = {v.school_id for v in stored(office) if v.visit_date < date(2026, 11, 20)}
    assert earlier
    plan = generate_month(office, *NOVEMBER, date(2026, 11, 20))
    visits = stored(office)
    assert not earlier & {v.school_id for v in visits if v.visit_date >= date(2026, 11, 20)}
    routine = Counter(v.school_id for v in visits)
    assert sorted(routine) == sorted(covered(office)) and set(routine.values()) == {1}
    assert plan.added == len(routine) - len(earlier)


def _free_inspector(db, school_id: int, not_this: int) -> int:
    """A serving inspector other than ``not_this`` who need not recuse from the school."""
    with db.session() as session:
        recused = set(
            session.scalars(select(Recusal.inspector_id).where(Recusal.school_id == school_id))
        )
    serving = sorted(set(covered(db).values()) - recused - {not_this})
    return serving[0]


def test_a_change_of_assignment_mid_month_is_followed(office):
    responsible = covered(office)
    names = school_names(office)
    moved, ended = sorted(responsible)[:2]
    newcomer = _free_inspector(office, moved, responsible[moved])
    assign_schools(office, newcomer, [moved], date(2026, 11, 10))
    end_assignments(office, [ended], date(2026, 11, 13))
    waiting = next(s for s in sorted(names) if s not in responsible)  # no 挂牌 on the 2nd
    assign_schools(office, _free_inspector(office, waiting, 0), [waiting], date(2026, 11, 16))
    plan = generate_month(office, *NOVEMBER, TODAY)
    visits = {v.school_id: v for v in stored(office)}
    assert visits[moved].inspector_id == newcomer
    assert visits[moved].visit_date >= date(2026, 11, 10)
    assert visits[ended].inspector_id == responsible[ended]
    assert visits[ended].visit_date <= date(2026, 11, 13)
    assert visits[waiting].visit_date >= date(2026, 11, 16)
    assert names[waiting] not in {u.school for u in plan.unplaced}
    for visit in visits.values():  # each by whoever is responsible on the day
        assert covered(office, visit.visit_date)[visit.school_id] == visit.inspector_id
    # Its visit called off, regenerating after the 挂牌 ended leaves it to be covered.
    with office.session() as session:
        session.get(Visit, visits[ended].id).status = VisitStatus.CANCELLED.value
    plan = generate_month(office, *NOVEMBER, date(2026, 11, 16))
    assert (names[ended], "没有责任督学") in {(u.school, u.reason) for u in plan.unplaced}


def test_responsibility_by_day_follows_assignments_and_terms(office):
    responsible = covered(office)
    school = sorted(responsible)[0]
    newcomer = _free_inspector(office, school, responsible[school])
    assign_schools(office, newcomer, [school], date(2026, 11, 10))
    with office.session() as session:
        days = responsible_by_day(session, date(2026, 11, 8), date(2026, 11, 11), [school])
    assert days == {
        school: {
            date(2026, 11, 8): responsible[school],
            date(2026, 11, 9): responsible[school],
            date(2026, 11, 10): newcomer,
            date(2026, 11, 11): newcomer,
        }
    }
    # The office demo has a term ending on 17 December: its schools have nobody afterwards.
    december = date(2026, 12, 17), date(2026, 12, 18)
    with office.session() as session:
        spans = responsible_by_day(session, *december)
    assert any(december[0] in d and december[1] not in d for d in spans.values())


def test_the_demo_calendar_as_it_comes_is_completed_not_doubled(demo_db):
    with demo_db.session() as session:
        before = {
            v.id: (v.visit_date, v.status, v.kind)
            for v in session.scalars(select(Visit))
            if not (v.generated and v.status == "planned" and v.visit_date >= TODAY)
        }
    generate_month(demo_db, *NOVEMBER, TODAY)
    visits = stored(demo_db)
    assert {v.id: (v.visit_date, v.status, v.kind) for v in visits if v.id in before} == before
    november = [
        v
        for v in visits
        if v.visit_date.month == 11 and v.kind == "routine" and v.status in ACTIVE_STATUSES
    ]
    counts = Counter(v.school_id for v in november)
    assert sorted(counts) == sorted(covered(demo_db)) and set(counts.values()) == {1}
