"""Schema migrations on both engines: an empty database reaches the newest revision, the
migrated schema is exactly the models, older databases keep their data (0001 → head, and 0003's
visits marked as the generator's or not), and databases the app does not know are refused and
left as they were."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from db.engine import Database
from db.errors import DatabaseEnvironmentError, DatabaseTooNewError, NotOurDatabaseError
from db.migrate import (
    HEAD_REVISION,
    ensure_schema,
    known_revisions,
    schema_revision,
    script_head,
    upgrade,
    upgrade_to,
)
from db.models import Base, Zone
from db.paths import backups_dir_for

APP_TABLES = {"zones", "schools", "inspectors", "appointments", "assignments", "settings"} | {
    "recusals",
    "training_records",
    "visits",
    "unavailability",
    "calendar_days",
    "visit_records",
    "visit_companions",
    "attachments",
    "attachment_blobs",
    "problems",
    "follow_ups",
    "complaints",
    "checklist_templates",
    "template_items",
    "campaigns",
    "campaign_phases",
    "campaign_schools",
    "campaign_templates",
    "checklist_items",
    "progress_snapshots",
    "indicators",
    "scores",
    "problem_actions",
    "yearly_assessments",
}


def _tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_head_revision_is_the_newest_migration_script():
    assert script_head() == HEAD_REVISION
    assert HEAD_REVISION in known_revisions()


def test_an_empty_database_has_no_revision(empty_db):
    assert schema_revision(empty_db) is None


def test_migrating_an_empty_database_reaches_head(empty_db):
    assert upgrade(empty_db) is None
    assert schema_revision(empty_db) == HEAD_REVISION
    assert _tables(empty_db) == APP_TABLES | {"alembic_version"}


def test_ensure_schema_creates_the_schema_then_leaves_it_alone(empty_db):
    ensure_schema(empty_db)
    with empty_db.session() as session:
        session.add(Zone(name="城关责任区"))
    assert ensure_schema(empty_db) is None
    assert upgrade(empty_db) is None
    with empty_db.session() as session:
        assert session.query(Zone).one().name == "城关责任区"
    assert schema_revision(empty_db) == HEAD_REVISION


def test_the_migrated_schema_matches_the_models(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": db.is_sqlite}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrading_a_database_already_at_head_takes_no_backup(tmp_path):
    db = Database.open(tmp_path / "office.db")
    try:
        upgrade(db)
        with db.session() as session:
            session.add(Zone(name="城关责任区"))
        assert upgrade(db) is None
        assert ensure_schema(db) is None
        assert not backups_dir_for(tmp_path / "office.db").exists()
    finally:
        db.dispose()


def _set_revision(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


@pytest.mark.parametrize("run", [upgrade, ensure_schema], ids=["upgrade", "ensure_schema"])
def test_a_database_from_a_newer_app_is_refused_and_left_untouched(db, run, tmp_path):
    with db.session() as session:
        session.add(Zone(name="城关责任区"))
    _set_revision(db, "9999_from_the_future")
    with pytest.raises(DatabaseTooNewError) as info:
        run(db)
    assert "更新版本" in info.value.message
    assert "9999_from_the_future" in info.value.message
    assert isinstance(info.value, DatabaseEnvironmentError)
    assert schema_revision(db) == "9999_from_the_future"
    assert _tables(db) == APP_TABLES | {"alembic_version"}
    with db.session() as session:
        assert [z.name for z in session.query(Zone)] == ["城关责任区"]
    if db.is_sqlite:
        assert not backups_dir_for(db.sqlite_path).exists()


def test_a_database_of_another_program_is_refused_and_left_untouched(empty_db):
    with empty_db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(50))"))
        conn.execute(text("INSERT INTO customers (id, name) VALUES (1, '张三')"))
    for run in (schema_revision, upgrade, ensure_schema):
        with pytest.raises(NotOurDatabaseError) as info:
            run(empty_db)
        assert "不是督导工作台的数据库" in info.value.message
    assert _tables(empty_db) == {"customers"}
    with empty_db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM customers")).scalars().all() == ["张三"]


def test_upgrading_from_the_first_revision_backs_up_and_keeps_the_data(tmp_path):
    path = tmp_path / "office.db"
    db = Database.open(path)
    try:
        upgrade_to(db, "0001")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO inspectors (name, gender, unit, post, employment, phone,"
                    " photo_path, certificate_no, notes, active)"
                    " VALUES ('王建国', 'M', '', '', 'full_time', '', '', '', '', 1)"
                )
            )
        backup_file = ensure_schema(db)
        assert backup_file is not None and backup_file.exists()
        assert "0001" in backup_file.name
        assert schema_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM inspectors")).scalars().all() == ["王建国"]
            columns = {c["name"] for c in inspect(conn).get_columns("inspectors")}
        assert "active" not in columns
        old = Database.open(backup_file)
        try:
            assert schema_revision(old) == "0001"
        finally:
            old.dispose()
    finally:
        db.dispose()


def test_upgrading_from_0003_marks_only_planned_routine_visits_as_the_generators(empty_db):
    upgrade_to(empty_db, "0003")
    with empty_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO inspectors (id, name, gender, unit, post, employment, phone,"
                " photo_path, certificate_no, notes)"
                " VALUES (1, '王建国', 'M', '', '', 'full_time', '', '', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO schools (id, name, kind, is_private, enrolment, principal, address,"
                " phone, active) VALUES (1, '龙泉镇中心小学', 'primary', :no, 0, '', '', '', :yes)"
            ),
            {"no": False, "yes": True},
        )
        for visit_id, kind, status in (
            (1, "routine", "planned"),
            (2, "routine", "confirmed"),
            (3, "special", "planned"),
        ):
            conn.execute(
                text(
                    "INSERT INTO visits (id, visit_date, school_id, inspector_id, kind, status,"
                    " topic, note) VALUES (:id, :day, 1, 1, :kind, :status, '', '')"
                ),
                {"id": visit_id, "day": date(2026, 11, 10), "kind": kind, "status": status},
            )
    upgrade(empty_db, backup=False)
    assert schema_revision(empty_db) == HEAD_REVISION
    with empty_db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, generated FROM visits ORDER BY id")).all()
    assert [(visit_id, bool(generated)) for visit_id, generated in rows] == [
        (1, True),
        (2, False),
        (3, False),
    ]


def test_upgrading_from_0007_gives_reported_general_problems_their_tier(empty_db):
    upgrade_to(empty_db, "0007")
    with empty_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO schools (id, name, kind, is_private, enrolment, principal, address,"
                " phone, active) VALUES (1, '龙泉镇中心小学', 'primary', :no, 0, '', '', '', :yes)"
            ),
            {"no": False, "yes": True},
        )
        problems = [  # id, category, escalated_on, follow-ups still open by then
            (1, "general", None, 0),
            (2, "general", date(2026, 10, 20), 2),  # reported after 2 follow-ups: 重点问题
            (3, "general", date(2026, 10, 20), 1),  # reported by hand: 难点问题
            (4, "serious", date(2026, 10, 1), 0),
        ]
        for problem_id, category, escalated_on, follow_ups in problems:
            conn.execute(
                text(
                    "INSERT INTO problems (id, school_id, found_on, category, description,"
                    " requirement, notice_no, status, escalated_on, note) VALUES (:id, 1, :found,"
                    " :category, '问题', 'deadline', '', :status, :escalated, '')"
                ),
                {"id": problem_id, "found": date(2026, 10, 1), "category": category,
                 "status": "escalated" if escalated_on else "open", "escalated": escalated_on},
            )  # fmt: skip
            for n in range(follow_ups):
                conn.execute(
                    text(
                        "INSERT INTO follow_ups (problem_id, day, outcome, result)"
                        " VALUES (:id, :day, 'not_fixed', '')"
                    ),
                    {"id": problem_id, "day": date(2026, 10, 5 + n)},
                )
    upgrade(empty_db, backup=False)
    with empty_db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, category FROM problems ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [
        (1, "general"),
        (2, "key"),
        (3, "difficult"),
        (4, "serious"),
    ]
