"""Month plans by the school terms, on both engines: a February with the Spring Festival inside
the winter break, a January whose term ends on the 20th, kindergartens on their own terms, the
dashboard's "not visited this month" quiet in a break; regeneration that keeps the rows — their
UIDs, records and attachments — instead of deleting and re-inserting them; a principal whose
term ends in August; and the reminders of principals' terms and next year's holidays."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select

from core.calendar.availability import add_unavailability
from core.calendar.month_plan import generate_month
from core.calendar.progress import visit_figures
from core.calendar.reminders import calendar_reminders_in
from core.calendar.semester import propose_comprehensive
from core.cli.check_text import compliance_lines
from core.enums import SchoolKind, VisitStatus
from core.office.school_terms import AUTUMN, KINDERGARTEN, SPRING, SchoolCalendar, set_term
from core.office.workdays import WorkCalendar, mark_year_complete
from core.overview import compliance
from db.models import Attachment, School, Visit

TODAY = date(2026, 11, 2)


@pytest.fixture
def office(demo_db):
    """The office demo with an empty calendar."""
    with demo_db.session() as session:
        session.execute(delete(Visit))
    return demo_db


def _visits(db) -> list[Visit]:
    with db.session() as session:
        return list(session.scalars(select(Visit).order_by(Visit.id)))


def _kindergartens(db) -> set[int]:
    with db.session() as session:
        return set(
            session.scalars(select(School.id).where(School.kind == SchoolKind.KINDERGARTEN.value))
        )


def test_a_february_with_the_spring_festival_in_the_winter_break_gets_no_routine_visits(office):
    # By the default terms the winter break runs to 19 February 2027: the Spring Festival and
    # most of the month lie in it, so the month's one visit per school is waived.
    plan = generate_month(office, 2027, 2, TODAY)
    assert plan.school_break and plan.visits == [] and not plan.saved
    assert _visits(office) == []


def test_a_spring_term_starting_mid_february_is_planned_from_its_first_day_only(office):
    set_term(office, 2026, SPRING, date(2027, 2, 15), date(2027, 7, 9))
    plan = generate_month(office, 2027, 2, TODAY)
    work = WorkCalendar.load(office)
    assert plan.visits and not plan.school_break
    assert all(v.day >= date(2027, 2, 15) for v in plan.visits)
    assert all(work.is_workday(v.day) for v in plan.visits)


def test_kindergartens_on_their_own_later_term_are_left_out_until_it_starts(office):
    set_term(office, 2026, SPRING, date(2027, 2, 15), date(2027, 7, 9))
    set_term(office, 2026, SPRING, date(2027, 3, 1), date(2027, 7, 9), KINDERGARTEN)
    plan = generate_month(office, 2027, 2, TODAY)
    kindergartens = _kindergartens(office)
    assert kindergartens and plan.visits
    assert not {v.school_id for v in plan.visits} & kindergartens
    march = generate_month(office, 2027, 3, TODAY)
    assert {v.school_id for v in march.visits} & kindergartens


def test_january_is_planned_up_to_the_last_day_of_the_autumn_term(office):
    set_term(office, 2026, AUTUMN, date(2026, 9, 1), date(2027, 1, 22))
    plan = generate_month(office, 2027, 1, TODAY)
    assert plan.visits
    assert max(v.day for v in plan.visits) <= date(2027, 1, 22)


def test_the_unvisited_card_does_not_alarm_in_the_summer_break(office):
    figures = visit_figures(office, date(2027, 8, 10))
    assert figures.school_break
    assert figures.unvisited_this_month == 0 and figures.unvisited_unplanned == 0
    term_time = visit_figures(office, TODAY)
    assert not term_time.school_break and term_time.unvisited_this_month > 0


def test_regenerating_keeps_every_visits_row_and_uid_where_school_and_inspector_stay(office):
    generate_month(office, 2026, 11, TODAY)
    before = {(v.school_id, v.inspector_id): (v.id, v.uid, v.visit_date) for v in _visits(office)}
    assert len({uid for _, uid, _ in before.values()}) == len(before)
    generate_month(office, 2026, 11, TODAY)
    again = {(v.school_id, v.inspector_id): (v.id, v.uid, v.visit_date) for v in _visits(office)}
    assert again == before
    # An inspector away for the days of their visits: those visits move, keeping their rows
    # and UIDs, and their version (the .ics SEQUENCE) rises.
    away = next(i for _, i in sorted(before))
    days = sorted(d for (_, i), (_, _, d) in before.items() if i == away)
    add_unavailability(office, away, days[0], days[-1], "leave")
    generate_month(office, 2026, 11, TODAY)
    after = {(v.school_id, v.inspector_id): v for v in _visits(office)}
    moved = [v for k, v in after.items() if k in before and v.visit_date != before[k][2]]
    assert moved and all(v.version > 1 for v in moved)
    for key, visit in after.items():
        if key in before:
            assert (visit.id, visit.uid) == before[key][:2]


def test_regenerating_never_deletes_a_visit_with_an_attachment(office):
    generate_month(office, 2026, 11, TODAY)
    first = _visits(office)[0]
    with office.session() as session:
        session.add(
            Attachment(
                visit_id=first.id, file_name="照片.jpg", stored_name="v/1.jpg", added_on=TODAY
            )
        )
    add_unavailability(office, first.inspector_id, first.visit_date, first.visit_date, "leave")
    generate_month(office, 2026, 11, TODAY)
    with office.session() as session:
        kept = session.get(Visit, first.id)
        assert kept is not None and kept.uid == first.uid
        assert kept.visit_date == first.visit_date and kept.status == VisitStatus.PLANNED
        assert session.scalar(select(Attachment.visit_id)) == first.id


def _principal_term_ends(db, day: date) -> School:
    with db.session() as session:
        school = session.scalars(
            select(School).where(School.active, School.kind != SchoolKind.KINDERGARTEN.value)
        ).first()
        assert school is not None
        school.principal_term_end = day
        school.principal = "周校长"
        session.flush()
        session.expunge(school)
        return school


def test_a_principal_whose_term_ends_in_august_is_proposed_in_the_spring_term_before(office):
    school = _principal_term_ends(office, date(2027, 8, 31))
    spring = SchoolCalendar.load(office).semester_of(date(2027, 3, 1))
    assert spring is not None
    proposals = {p.school_id: p for p in propose_comprehensive(office, spring)}
    assert proposals[school.id].due_by == date(2027, 7, 10)  # the last day of the spring term
    autumn = SchoolCalendar.load(office).semester_of(date(2027, 9, 1))
    assert autumn is not None
    assert school.id not in {p.school_id for p in propose_comprehensive(office, autumn)}


def test_check_reminds_of_principals_terms_ending_within_the_warning_days(office):
    school = _principal_term_ends(office, date(2027, 1, 15))
    with office.session() as session:
        reminders = calendar_reminders_in(session, TODAY)
    assert school.id in {p.school_id for p in reminders.principals}  # 74 days ahead
    with office.session() as session:
        early = calendar_reminders_in(session, date(2026, 9, 1))
    assert school.id not in {p.school_id for p in early.principals}  # 136 days ahead
    in_time = date(2026, 11, 20)
    with office.session() as session:
        reminders = calendar_reminders_in(session, in_time)
    ending = next(p for p in reminders.principals if p.school_id == school.id)
    assert ending.planned_on is None and ending in reminders.unplanned
    assert ending.due_by == date(2027, 1, 15)
    picture = compliance(office, in_time).as_json()
    listed = {p["school"]: p for p in picture["principal_terms_ending"]}
    assert listed[school.name]["comprehensive_planned_on"] is None
    text = "\n".join(compliance_lines(compliance(office, in_time)))
    assert f"{school.name}（周校长）：2027-01-15 届满，请在 2027-01-15 前安排综合督导" in text


def test_from_november_next_years_missing_holidays_are_a_reminder(office):
    with office.session() as session:
        october = calendar_reminders_in(session, date(2026, 10, 30))
        december = calendar_reminders_in(session, date(2026, 12, 1))
    assert october.next_year == 2027 and not october.remind_holidays
    assert december.remind_holidays and december.next_year_status != "complete"
    mark_year_complete(office, 2027)
    with office.session() as session:
        assert not calendar_reminders_in(session, date(2026, 12, 1)).remind_holidays
    assert "2027 年节假日安排" not in "\n".join(
        compliance_lines(compliance(office, date(2026, 12, 1)))
    )
