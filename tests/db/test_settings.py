"""Stored settings on both engines: the office's name and the policy profile are saved together
and read back by a later unit of work or program run; invalid input saves nothing and names
every problem in Chinese; term dates are stored one term at a time."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.school_terms import AUTUMN, KINDERGARTEN, SPRING, SchoolCalendar, set_term
from core.office.settings import (
    DEFAULT_OFFICE_NAME,
    OFFICE_NAME_MAX,
    load_office_name,
    load_policy,
    office_name_from_session,
    policy_from_session,
    put_setting,
    save_settings,
)
from db.engine import Database


def _reopened(db: Database) -> Database:
    return Database.open(db.url.render_as_string(hide_password=False))


def test_a_new_database_has_the_default_name_and_policy(db):
    assert load_office_name(db) == DEFAULT_OFFICE_NAME
    assert load_policy(db) == PolicyProfile()


def test_saved_settings_are_read_back_by_a_later_unit_of_work(db):
    policy = PolicyProfile(
        schools_per_inspector=6,
        min_full_time_share=0.35,
        training_hours_per_year=80,
        principal_term_warning_days=120,
    )
    stored = save_settings(db, office_name="青溪县人民政府教育督导室", policy=policy)
    assert stored == "青溪县人民政府教育督导室"
    with db.session() as session:
        assert office_name_from_session(session) == "青溪县人民政府教育督导室"
        read_back = policy_from_session(session)
    assert read_back == policy
    assert read_back.min_full_time_share == 0.35
    assert isinstance(read_back.schools_per_inspector, int)


def test_saved_settings_survive_a_new_program_run(db):
    save_settings(db, office_name="龙泉镇中心校督导室", policy=PolicyProfile(term_years=5))
    db.dispose()
    other = _reopened(db)
    try:
        assert load_office_name(other) == "龙泉镇中心校督导室"
        assert load_policy(other).term_years == 5
    finally:
        other.dispose()


def test_saving_again_replaces_the_previous_values(db):
    save_settings(db, office_name="甲督导室", policy=PolicyProfile(training_hours_per_year=60))
    save_settings(db, office_name="乙督导室", policy=PolicyProfile(training_hours_per_year=80))
    assert load_office_name(db) == "乙督导室"
    assert load_policy(db) == PolicyProfile(training_hours_per_year=80)


def test_the_name_is_tidied_before_it_is_stored(db):
    stored = save_settings(db, office_name="  青溪县 \t 教育督导室\n", policy=PolicyProfile())
    assert stored == "青溪县 教育督导室"
    assert load_office_name(db) == "青溪县 教育督导室"


def test_invalid_input_saves_nothing_and_names_every_problem(db):
    before = PolicyProfile(schools_per_inspector=6)
    save_settings(db, office_name="青溪县督导室", policy=before)
    bad = before.with_changes(schools_per_inspector=0, training_hours_per_year=9999, term_years=4)
    with pytest.raises(ValidationError) as info:
        save_settings(db, office_name="   ", policy=bad)
    assert [e.field for e in info.value.errors] == [
        "office_name",
        "schools_per_inspector",
        "training_hours_per_year",
    ]
    messages = "；".join(info.value.messages())
    for label in ("单位名称", "每名督学负责学校数", "每年培训学时"):
        assert label in messages
    assert load_office_name(db) == "青溪县督导室"
    assert load_policy(db) == before


def test_term_dates_are_stored_and_overlapping_ones_save_nothing(db):
    set_term(db, 2026, SPRING, date(2027, 3, 1), date(2027, 7, 2))
    set_term(db, 2026, AUTUMN, date(2026, 9, 1), date(2027, 1, 29), KINDERGARTEN)
    terms = SchoolCalendar.load(db)
    assert terms.term(2026, SPRING).start == date(2027, 3, 1)
    assert terms.term(2026, AUTUMN, KINDERGARTEN).end == date(2027, 1, 29)
    with pytest.raises(ValidationError) as info:
        set_term(db, 2026, AUTUMN, date(2026, 9, 1), date(2027, 3, 5))
    assert "不能重叠" in info.value.messages()[0]
    assert SchoolCalendar.load(db) == terms


def test_the_longest_allowed_name_is_kept_whole_and_a_longer_one_refused(db):
    longest = "督" * OFFICE_NAME_MAX
    assert save_settings(db, office_name=longest, policy=PolicyProfile()) == longest
    with pytest.raises(ValidationError) as info:
        save_settings(db, office_name=longest + "室", policy=PolicyProfile())
    assert str(OFFICE_NAME_MAX) in info.value.messages()[0]
    assert "单位名称" in info.value.messages()[0]
    assert load_office_name(db) == longest


def test_a_setting_left_by_an_older_version_does_not_stop_the_policy_loading(db):
    with db.session() as session:
        put_setting(session, "policy.retired_setting", 7)
        put_setting(session, "policy.term_years", 4)
    assert load_policy(db) == PolicyProfile(term_years=4)
