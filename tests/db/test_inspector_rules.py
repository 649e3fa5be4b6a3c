"""The inspector rules as the plans write them: pre-service training (岗前培训) after the first
appointment, yearly assessment (年度考核) and appointment qualifications (plan 篇9)."""

from __future__ import annotations

from datetime import date

from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from core.overview import compliance
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.terms import appoint
from core.roster.training import TrainingInput, add_training, training_summary


def _inspector(db, name: str, start: date, **fields) -> int:
    return save_inspector(db, InspectorInput(name=name, **fields), appoint_from=start)


def _course(db, inspector_id: int, day: date, form: str, hours: float) -> None:
    add_training(db, [inspector_id], TrainingInput(day, day, "培训", hours, form))


def test_preservice_training_appointed_in_november_is_still_owed_in_january(db):
    # 新任督学岗前培训不少于15学时: the requirement does not end on 31 December.
    _inspector(db, "陈新", date(2025, 11, 3))
    c = compliance(db, date(2026, 1, 5))
    assert c.missing_preservice == ["陈新"]
    (owed,) = c.preservice
    assert (owed.name, owed.hours, owed.overdue) == ("陈新", 0.0, False)
    assert owed.due == date(2026, 11, 3)
    assert compliance(db, date(2026, 11, 4)).preservice[0].overdue
    assert compliance(db, date(2026, 1, 5)).as_json()["preservice"] == [
        {"name": "陈新", "hours": 0.0, "due": "2026-11-03", "overdue": False}
    ]


def test_preservice_training_is_flagged_until_done_and_then_never_again(db):
    new = _inspector(db, "陈新", date(2025, 11, 3))
    _course(db, new, date(2026, 3, 2), "preservice", 10)
    assert compliance(db, date(2027, 2, 1)).missing_preservice == ["陈新"]
    _course(db, new, date(2027, 2, 10), "preservice", 5)
    assert compliance(db, date(2027, 2, 11)).missing_preservice == []
    assert compliance(db, date(2027, 2, 11)).preservice == []


def test_the_window_and_the_hours_are_the_policy(db):
    _inspector(db, "陈新", date(2025, 11, 3))
    save_settings(
        db,
        office_name="督导室",
        policy=PolicyProfile(preservice_window_months=3, preservice_training_hours=20),
    )
    (owed,) = compliance(db, date(2026, 2, 5)).preservice
    assert (owed.due, owed.overdue) == (date(2026, 2, 3), True)
    (total,) = training_summary(db, date(2026, 2, 5))
    assert (total.preservice_minimum, total.preservice_due) == (20, date(2026, 2, 3))


def test_an_inspector_past_the_first_term_is_no_longer_new(db):
    veteran = _inspector(db, "老督学", date(2020, 9, 1))
    appoint(db, veteran, date(2023, 9, 1))
    assert compliance(db, date(2024, 1, 5)).missing_preservice == []
    assert compliance(db, date(2021, 1, 5)).missing_preservice == ["老督学"]
