"""Opening databases and units of work: SQLite files that cannot be used (missing folder,
read-only, not a database) are refused with a Chinese message and left as they are; the SQLite
settings the app relies on are in effect; a unit of work is saved whole or not at all; and real
environment errors are told apart from bugs."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from db.engine import SQLITE_BUSY_TIMEOUT_MS, Database, resolve_url
from db.errors import DatabaseEnvironmentError, explain
from db.migrate import ensure_schema, upgrade
from db.models import Appointment, Assignment, Inspector, School, Zone
from db.paths import DATABASE_FILE_NAME

GARBAGE = b"\x00garbage, not a database\xff" * 400


def _has_chinese(text_: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text_)


# --- Files that cannot be used -------------------------------------------------------------


def test_a_file_that_is_not_a_database_gets_a_chinese_explanation_and_is_not_changed(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(GARBAGE)
    db = Database.open(junk)
    try:
        with pytest.raises(Exception) as info:
            ensure_schema(db)
        friendly = explain(info.value)
        assert isinstance(friendly, DatabaseEnvironmentError)
        assert "不是有效的数据库文件" in friendly.message
        assert "\n" not in friendly.one_line()
    finally:
        db.dispose()
    assert junk.read_bytes() == GARBAGE


def test_a_file_that_is_not_a_database_is_refused_by_a_unit_of_work(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(GARBAGE)
    db = Database.open(junk)
    try:
        with pytest.raises(DatabaseEnvironmentError) as info, db.session() as session:
            session.execute(select(Zone)).all()
        assert "不是有效的数据库文件" in info.value.message
    finally:
        db.dispose()
    assert junk.read_bytes() == GARBAGE


def test_a_missing_folder_is_refused_and_not_created(tmp_path):
    target = tmp_path / "no such folder" / "office.db"
    with pytest.raises(DatabaseEnvironmentError) as info:
        Database.open(target)
    assert "文件夹不存在" in info.value.message
    assert str(target.parent) in info.value.message
    assert not target.parent.exists()


def test_the_default_data_folder_is_created_when_missing(tmp_path, monkeypatch):
    home = tmp_path / "fresh machine" / "SupervisionDesk"
    monkeypatch.setenv("SUPERVISION_DESK_HOME", str(home))
    db = Database.open()
    try:
        upgrade(db)
    finally:
        db.dispose()
    assert (home / DATABASE_FILE_NAME).is_file()
    assert db.sqlite_path == home / DATABASE_FILE_NAME


def test_a_folder_given_as_the_database_is_refused(tmp_path):
    with pytest.raises(DatabaseEnvironmentError) as info:
        Database.open(tmp_path)
    assert "文件夹" in info.value.message


def test_a_read_only_file_is_refused_and_not_changed(tmp_path):
    path = tmp_path / "office.db"
    db = Database.open(path)
    upgrade(db)
    with db.session() as session:
        session.add(Zone(name="城关责任区"))
    db.dispose()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(DatabaseEnvironmentError) as info:
            Database.open(path)
        assert "只读" in info.value.message
        assert _has_chinese(info.value.message)
        assert str(path) in info.value.message
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_explain_turns_real_sqlite_failures_into_chinese_messages(tmp_path):
    path = tmp_path / "plain.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
        conn.commit()

    with (
        closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn,
        pytest.raises(sqlite3.OperationalError) as read_only,
    ):
        conn.execute("INSERT INTO t VALUES (1)")
    assert "只读" in explain(read_only.value).message

    with (
        closing(sqlite3.connect(path, isolation_level=None)) as holder,
        closing(sqlite3.connect(path, timeout=0)) as other,
    ):
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(sqlite3.OperationalError) as locked:
            other.execute("INSERT INTO t VALUES (2)")
        holder.execute("ROLLBACK")
    assert "锁定" in explain(locked.value).message

    missing = tmp_path / "nowhere" / "x.db"
    with pytest.raises(sqlite3.OperationalError) as cannot_open:
        sqlite3.connect(missing).close()
    assert "无法打开" in explain(cannot_open.value).message

    with pytest.raises(OSError) as os_error:
        (tmp_path / "nowhere" / "file").read_bytes()
    assert _has_chinese(explain(os_error.value).message)


def test_explain_leaves_bugs_alone(db):
    with pytest.raises(IntegrityError) as duplicate, db.session() as session:
        session.add_all([Zone(name="城关责任区"), Zone(name="城关责任区")])
    assert explain(duplicate.value) is None
    assert explain(ValueError("a bug")) is None
    assert explain(KeyError("a bug")) is None


# --- SQLite settings -------------------------------------------------------------------------


def test_sqlite_settings_are_in_effect_on_every_connection(tmp_path):
    db = Database.open(tmp_path / "office.db")
    try:
        for _ in range(2):
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() == SQLITE_BUSY_TIMEOUT_MS
            db.dispose()
        with db.session() as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.dispose()
    assert SQLITE_BUSY_TIMEOUT_MS >= 1000


def test_a_write_waits_for_another_program_to_finish_instead_of_failing(tmp_path):
    path = tmp_path / "office.db"
    db = Database.open(path)
    try:
        upgrade(db)
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            other.execute("BEGIN EXCLUSIVE")
            release = threading.Timer(0.5, other.execute, args=("ROLLBACK",))
            release.start()
            started = time.monotonic()
            with db.session() as session:
                session.add(Zone(name="城关责任区"))
            waited = time.monotonic() - started
            release.join()
        finally:
            other.close()
        assert waited >= 0.4
        with db.session() as session:
            assert session.scalars(select(Zone.name)).all() == ["城关责任区"]
    finally:
        db.dispose()


def test_a_sqlite_file_stays_in_wal_mode_for_other_programs(tmp_path):
    path = tmp_path / "office.db"
    db = Database.open(path)
    upgrade(db)
    db.dispose()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- Where the data lives --------------------------------------------------------------------


def test_a_path_means_a_sqlite_file_and_a_url_is_taken_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_url("office.db").database == str(tmp_path / "office.db")
    assert resolve_url("office.db").get_backend_name() == "sqlite"
    home = Path(os.environ["SUPERVISION_DESK_HOME"])
    assert resolve_url(None).database == str(home / DATABASE_FILE_NAME)
    url = resolve_url("postgresql://clerk:secret@db.example/office")
    assert url.drivername == "postgresql+psycopg"
    assert url.database == "office"


def test_an_unreachable_server_gets_a_chinese_explanation():
    db = Database.open("postgresql://clerk:s3cret@127.0.0.1:1/office")
    try:
        with pytest.raises(DatabaseEnvironmentError) as info, db.session() as session:
            session.execute(select(Zone)).all()
        assert "无法连接到数据库服务器" in info.value.message
        with pytest.raises(Exception) as raw:
            ensure_schema(db)
        assert "无法连接到数据库服务器" in explain(raw.value).message
    finally:
        db.dispose()


def test_describe_hides_the_password():
    db = Database.open("postgresql://clerk:s3cret@db.example:5432/office")
    try:
        assert "s3cret" not in db.describe()
        assert "db.example" in db.describe()
        assert db.sqlite_path is None
        assert not db.is_sqlite
    finally:
        db.dispose()


def test_describe_of_a_file_is_its_path(tmp_path):
    db = Database.open(tmp_path / "office.db")
    assert db.describe() == str(tmp_path / "office.db")
    assert db.sqlite_path == tmp_path / "office.db"


# --- Units of work ---------------------------------------------------------------------------


def test_a_unit_of_work_is_saved_when_the_block_ends(db):
    with db.session() as session:
        zone = Zone(name="龙泉片责任区")
        session.add(zone)
        session.add(School(name="龙泉镇中心小学", kind="primary", enrolment=900, zone=zone))
    with db.session() as session:
        school = session.scalars(select(School)).one()
        assert (school.name, school.zone.name, school.active) == (
            "龙泉镇中心小学",
            "龙泉片责任区",
            True,
        )


def test_a_failing_unit_of_work_saves_nothing(db):
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Zone(name="龙泉片责任区"))
        session.flush()
        raise RuntimeError("the clerk's form failed half way")
    with db.session() as session:
        assert session.scalars(select(Zone)).all() == []


def test_a_rejected_row_rolls_back_the_whole_unit_of_work(db):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Zone(name="龙泉片责任区"))
        session.add(School(name="龙泉镇中心小学", kind="primary", enrolment=-5))
    with db.session() as session:
        assert session.scalars(select(Zone)).all() == []
        assert session.scalars(select(School)).all() == []


def test_a_school_in_a_zone_that_does_not_exist_is_refused(db):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(School(name="龙泉镇中心小学", kind="primary", zone_id=4242))


def test_school_names_are_unique(db):
    with db.session() as session:
        session.add(School(name="龙泉镇中心小学", kind="primary"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(School(name="龙泉镇中心小学", kind="junior"))
    with db.session() as session:
        assert [s.kind for s in session.scalars(select(School))] == ["primary"]


def test_a_term_cannot_end_before_it_starts(db):
    with pytest.raises(IntegrityError), db.session() as session:
        inspector = Inspector(name="王建国")
        session.add(inspector)
        session.add(
            Appointment(
                inspector=inspector, start_date=date(2026, 9, 1), end_date=date(2026, 8, 31)
            )
        )
    with db.session() as session:
        assert session.scalars(select(Inspector)).all() == []


def test_deleting_an_inspector_removes_their_assignments_and_keeps_the_school(db):
    with db.session() as session:
        inspector = Inspector(name="王建国")
        school = School(name="龙泉镇中心小学", kind="primary")
        session.add(Assignment(inspector=inspector, school=school, start_date=date(2025, 9, 1)))
    with db.session() as session:
        session.execute(Inspector.__table__.delete())
    with db.session() as session:
        assert session.scalars(select(Assignment)).all() == []
        assert [s.name for s in session.scalars(select(School))] == ["龙泉镇中心小学"]


def test_deleting_a_zone_leaves_its_schools_without_a_zone(db):
    with db.session() as session:
        session.add(School(name="龙泉镇中心小学", kind="primary", zone=Zone(name="龙泉片责任区")))
    with db.session() as session:
        session.execute(Zone.__table__.delete())
    with db.session() as session:
        school = session.scalars(select(School)).one()
        assert school.zone_id is None
