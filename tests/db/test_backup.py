"""Backups of the SQLite file: a backup taken while the app holds the database has every saved
row and is one self-contained file, an existing file is replaced only when asked, a restore
brings the data back after taking a safety copy, automatic backups are rotated, and files that
are not the app's backups are refused with Chinese messages. A server database is not copied by
the app. (What a refused restore must leave alone: test_restore_safety.py.)"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from db.backup import (
    KEEP_DAILY_BACKUPS,
    automatic_backup,
    backed_up_today,
    backup_to,
    list_automatic_backups,
    restore_from,
)
from db.engine import Database
from db.errors import BackupExistsError, DatabaseEnvironmentError
from db.migrate import HEAD_REVISION, schema_revision, upgrade
from db.models import Zone
from db.paths import backups_dir_for
from tests.db.zone_helpers import add_zones, zones, zones_in_file


def test_a_backup_taken_while_the_app_is_open_is_one_complete_file(sqlite_db, tmp_path):
    add_zones(sqlite_db, "城关责任区", "龙泉片责任区")
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM zones")).scalar() == 2
        destination = backup_to(sqlite_db, tmp_path / "copy.db")
    assert destination == tmp_path / "copy.db"
    assert zones_in_file(destination) == ["城关责任区", "龙泉片责任区"]
    carried = tmp_path / "usb-stick.db"
    carried.write_bytes(destination.read_bytes())
    assert zones_in_file(carried) == ["城关责任区", "龙泉片责任区"]


def test_a_backup_replaces_an_older_file_of_the_same_name_when_asked(sqlite_db, tmp_path):
    add_zones(sqlite_db, "城关责任区")
    backup_to(sqlite_db, tmp_path / "copy.db")
    add_zones(sqlite_db, "龙泉片责任区")
    backup_to(sqlite_db, tmp_path / "copy.db", overwrite=True)
    assert zones_in_file(tmp_path / "copy.db") == ["城关责任区", "龙泉片责任区"]


def test_a_backup_does_not_overwrite_an_existing_file_unless_asked(sqlite_db, tmp_path):
    add_zones(sqlite_db, "城关责任区")
    existing = tmp_path / "年底备份.db"
    existing.write_bytes(b"the clerk's year-end copy")
    with pytest.raises(BackupExistsError) as info:
        backup_to(sqlite_db, existing)
    assert isinstance(info.value, DatabaseEnvironmentError)
    assert "已存在" in info.value.message
    assert str(existing) in info.value.message
    assert existing.read_bytes() == b"the clerk's year-end copy"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("office.db")) == [
        "home",
        "年底备份.db",
    ]


def test_a_backup_is_one_self_contained_file(sqlite_db, tmp_path):
    """Opening the copy (even read-only) needs no -wal or -shm beside it."""
    add_zones(sqlite_db, "城关责任区")
    carried = tmp_path / "usb"
    carried.mkdir()
    copy = backup_to(sqlite_db, carried / "copy.db")
    assert copy.read_bytes()[18:20] == b"\x01\x01", "rollback journal, not WAL"
    assert zones_in_file(copy) == ["城关责任区"]
    assert [p.name for p in carried.iterdir()] == ["copy.db"]


def test_an_overwritten_backup_drops_the_old_files_wal(sqlite_db, tmp_path):
    """A -wal left beside an older file of that name would be read as part of the new copy."""
    add_zones(sqlite_db, "城关责任区")
    old = tmp_path / "copy.db"
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("CREATE TABLE zones (name TEXT)")
        conn.execute("INSERT INTO zones VALUES ('旧文件的责任区')")
        conn.commit()
        stale_wal = (tmp_path / "copy.db-wal").read_bytes()
    (tmp_path / "copy.db-wal").write_bytes(stale_wal)
    backup_to(sqlite_db, old, overwrite=True)
    assert not (tmp_path / "copy.db-wal").exists()
    assert zones_in_file(old) == ["城关责任区"]


def test_backup_then_change_then_restore_brings_the_data_back(sqlite_db, tmp_path):
    add_zones(sqlite_db, "城关责任区", "龙泉片责任区")
    saved = backup_to(sqlite_db, tmp_path / "before-changes.db")
    with sqlite_db.session() as session:
        session.execute(Zone.__table__.delete().where(Zone.name == "城关责任区"))
        session.add(Zone(name="青山片责任区"))
    assert zones(sqlite_db) == ["青山片责任区", "龙泉片责任区"]

    safety = restore_from(sqlite_db, saved)

    assert zones(sqlite_db) == ["城关责任区", "龙泉片责任区"]
    assert safety is not None
    assert safety.parent == backups_dir_for(sqlite_db.sqlite_path)
    assert zones_in_file(safety) == ["青山片责任区", "龙泉片责任区"]
    assert safety in list_automatic_backups(sqlite_db)
    with sqlite_db.session() as session:
        session.add(Zone(name="白沙片责任区"))
    assert zones(sqlite_db) == ["城关责任区", "白沙片责任区", "龙泉片责任区"]


def test_a_restored_database_reads_the_same_in_a_new_program_run(sqlite_db, tmp_path):
    add_zones(sqlite_db, "城关责任区")
    saved = backup_to(sqlite_db, tmp_path / "saved.db")
    add_zones(sqlite_db, "龙泉片责任区")
    restore_from(sqlite_db, saved)
    sqlite_db.dispose()
    reopened = Database.open(sqlite_db.sqlite_path)
    try:
        assert schema_revision(reopened) == HEAD_REVISION
        assert zones(reopened) == ["城关责任区"]
    finally:
        reopened.dispose()


def test_automatic_backups_are_rotated_keeping_the_newest(sqlite_db):
    add_zones(sqlite_db, "城关责任区")
    taken = [automatic_backup(sqlite_db, reason="daily") for _ in range(KEEP_DAILY_BACKUPS + 5)]
    kept = list_automatic_backups(sqlite_db)
    assert KEEP_DAILY_BACKUPS == 20
    assert len(kept) == 20
    assert kept == list(reversed(taken[-20:]))
    assert not any(path.exists() for path in taken[:5])
    assert zones_in_file(kept[0]) == ["城关责任区"]
    assert kept[0].name.endswith("-daily.db")


def test_rotation_leaves_the_clerks_own_files_in_the_backups_folder(sqlite_db):
    add_zones(sqlite_db, "城关责任区")
    folder = backups_dir_for(sqlite_db.sqlite_path)
    folder.mkdir()
    own = folder / "2025年底手工备份.db"
    own.write_bytes(b"the clerk's copy")
    for _ in range(KEEP_DAILY_BACKUPS + 2):
        automatic_backup(sqlite_db, reason="daily")
    assert own.read_bytes() == b"the clerk's copy"
    assert len(list_automatic_backups(sqlite_db)) == KEEP_DAILY_BACKUPS


def test_backed_up_today_tells_whether_a_daily_backup_exists(sqlite_db):
    add_zones(sqlite_db, "城关责任区")
    assert not backed_up_today(sqlite_db)
    automatic_backup(sqlite_db, reason="daily")
    assert backed_up_today(sqlite_db)


def test_there_is_nothing_to_back_up_before_the_file_exists(tmp_path):
    db = Database.open(tmp_path / "new.db")
    try:
        assert automatic_backup(db, reason="daily") is None
        assert list_automatic_backups(db) == []
    finally:
        db.dispose()


def test_a_backup_into_a_missing_folder_is_refused(sqlite_db, tmp_path):
    with pytest.raises(DatabaseEnvironmentError) as info:
        backup_to(sqlite_db, tmp_path / "no such folder" / "copy.db")
    assert "备份文件夹不存在" in info.value.message


def test_a_backup_onto_the_database_itself_is_refused(sqlite_db):
    add_zones(sqlite_db, "城关责任区")
    with pytest.raises(DatabaseEnvironmentError) as info:
        backup_to(sqlite_db, sqlite_db.sqlite_path)
    assert "不能是数据库文件本身" in info.value.message
    assert zones(sqlite_db) == ["城关责任区"]


def _assert_refused(sqlite_db: Database, backup_file: Path, words: str) -> None:
    add_zones(sqlite_db, "城关责任区")
    with pytest.raises(DatabaseEnvironmentError) as info:
        restore_from(sqlite_db, backup_file)
    assert words in info.value.message
    assert zones(sqlite_db) == ["城关责任区"]
    assert list_automatic_backups(sqlite_db) == []


def test_restoring_a_file_that_is_not_a_database_is_refused(sqlite_db, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage\xff" * 500)
    _assert_refused(sqlite_db, junk, "不是有效的备份")


def test_restoring_another_programs_database_is_refused(sqlite_db, tmp_path):
    foreign = tmp_path / "accounts.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
        conn.commit()
    _assert_refused(sqlite_db, foreign, "不是督导工作台的备份")


def test_restoring_a_missing_file_is_refused(sqlite_db, tmp_path):
    _assert_refused(sqlite_db, tmp_path / "missing.db", "备份文件不存在")


@pytest.mark.parametrize(
    "empty_db", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_server_database_is_not_copied_by_the_app(db, tmp_path):
    for attempt in (
        lambda: backup_to(db, tmp_path / "copy.db"),
        lambda: automatic_backup(db, reason="daily"),
        lambda: restore_from(db, tmp_path / "copy.db"),
    ):
        with pytest.raises(DatabaseEnvironmentError) as info:
            attempt()
        assert "pg_dump" in info.value.message
    assert not (tmp_path / "copy.db").exists()
    assert upgrade(db) is None
