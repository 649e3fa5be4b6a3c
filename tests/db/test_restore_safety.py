"""A restore never harms: whatever it refuses (a newer app's backup, another program's Alembic
database, a damaged file) leaves the current database byte for byte as it was and says that
nothing changed; nothing is written beside the chosen file, so a write-protected stick works and
a hand copy with its -wal restores every committed row; an old backup is migrated on the way
in; when the database cannot be replaced after the safety copy was taken, the message names that
copy. Real SQLite files throughout."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from db.backup import (
    KEEP_DAILY_BACKUPS,
    automatic_backup,
    backup_to,
    list_automatic_backups,
    restore_from,
)
from db.engine import Database
from db.errors import (
    DatabaseEnvironmentError,
    DatabaseTooNewError,
    NotOurDatabaseError,
    RestoreFailedError,
)
from db.migrate import HEAD_REVISION, alembic_config, schema_revision
from db.models import Inspector
from db.paths import backups_dir_for
from tests.db.zone_helpers import add_zones, zones, zones_in_file

NOTHING_CHANGED = "当前数据未作任何改动"


def _folder(path: Path) -> dict[str, bytes]:
    """Every file in ``path`` (recursively) with its bytes."""
    return {
        str(item.relative_to(path)): item.read_bytes()
        for item in sorted(path.rglob("*"))
        if item.is_file()
    }


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    """The working database with two zones, settled: its pool closed and its -wal folded in."""
    add_zones(sqlite_db, "城关责任区", "龙泉片责任区")
    sqlite_db.dispose()
    assert not Path(f"{sqlite_db.sqlite_path}-wal").exists()
    return sqlite_db


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """A folder apart from the database's, as a USB stick would be."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _assert_refused_and_untouched(
    office: Database, backup_file: Path, error: type[Exception], *words: str
) -> DatabaseEnvironmentError:
    zones_before = zones(office)
    office.dispose()
    database_folder = office.sqlite_path.parent
    working_before = _folder(database_folder)
    source_before = _folder(backup_file.parent)
    with pytest.raises(error) as info:
        restore_from(office, backup_file)
    assert isinstance(info.value, DatabaseEnvironmentError)
    for word in (*words, NOTHING_CHANGED):
        assert word in info.value.message
    assert "Nothing was changed" in info.value.english
    # Byte for byte, and no safety copy, temporary folder or -wal/-shm left anywhere.
    assert _folder(database_folder) == working_before
    assert _folder(backup_file.parent) == source_before
    assert not backups_dir_for(office.sqlite_path).exists()
    assert zones(office) == zones_before
    reopened = Database.open(office.sqlite_path)
    try:
        assert schema_revision(reopened) == HEAD_REVISION
    finally:
        reopened.dispose()
    return info.value


def test_a_backup_from_a_newer_app_is_refused_before_anything_changes(office, usb):
    future = backup_to(office, usb / "future.db")
    with closing(sqlite3.connect(future)) as conn:
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    error = _assert_refused_and_untouched(
        office, future, DatabaseTooNewError, "更新版本", "9999_from_the_future", str(future)
    )
    assert "9999_from_the_future" in error.english


@pytest.mark.parametrize("revision", ["ae1027a6acf", "0001"])
def test_another_programs_alembic_database_is_refused_before_anything_changes(
    office, usb, revision
):
    """Also when that program happens to number its revisions as this app does."""
    foreign = usb / "accounts.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('张三')")
        conn.commit()
    _assert_refused_and_untouched(
        office, foreign, NotOurDatabaseError, "不是督导工作台的备份", str(foreign)
    )


def _garbage_in_the_zones_table(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'zones'").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def _cut_short(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_garbage_in_the_zones_table, _cut_short])
def test_a_damaged_backup_is_refused_before_anything_changes(office, usb, damage):
    add_zones(office, *(f"第{number}责任区" for number in range(400)))
    damaged = backup_to(office, usb / "damaged.db")
    with closing(sqlite3.connect(damaged)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    damage(damaged)
    _assert_refused_and_untouched(office, damaged, DatabaseEnvironmentError, "损坏", str(damaged))


def test_a_refused_restore_leaves_the_working_file_byte_for_byte(office, usb):
    """The same comparison as above, on a file that is plainly no database."""
    junk = usb / "notes.db"
    junk.write_bytes(b"\x00garbage\xff" * 500)
    _assert_refused_and_untouched(office, junk, DatabaseEnvironmentError, "不是有效的备份")


def _writes_are_refused_in(folder: Path) -> bool:
    """Whether the file system really stops writes there (root ignores the permission bits)."""
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return True
    probe.unlink()
    return False


@contextmanager
def _write_protected(folder: Path) -> Iterator[bool]:
    """Make ``folder`` and its files read-only, like a write-protected stick."""
    for item in folder.iterdir():
        item.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(0o555)
    try:
        yield _writes_are_refused_in(folder)
    finally:
        folder.chmod(0o755)
        for item in folder.iterdir():
            item.chmod(0o644)


def _hand_copy_with_wal(office: Database, usb: Path) -> Path:
    """A copy of a database taken by hand while it was open: the newest row is only in -wal."""
    original = backup_to(office, usb / "original.db")
    with closing(sqlite3.connect(original)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("INSERT INTO zones (name, note, sort_order) VALUES ('青山片责任区', '', 0)")
        conn.commit()
        copy = usb / "supervision.db"
        copy.write_bytes(original.read_bytes())
        Path(f"{copy}-wal").write_bytes(Path(f"{original}-wal").read_bytes())
    original.unlink()
    return copy


def test_a_restore_from_a_write_protected_stick_writes_nothing_there(office, usb, tmp_path):
    copy = _hand_copy_with_wal(office, usb)
    alone = tmp_path / "main-file-alone"
    alone.mkdir()
    (alone / "x.db").write_bytes(copy.read_bytes())
    assert "青山片责任区" not in zones_in_file(alone / "x.db"), "the row lives only in the -wal"
    add_zones(office, "白沙片责任区")
    stick_before = _folder(usb)
    assert sorted(stick_before) == ["supervision.db", "supervision.db-wal"]

    with _write_protected(usb) as really_read_only:
        safety = restore_from(office, copy)
        stick_after = _folder(usb)

    assert stick_after == stick_before, "nothing written beside the backup (no -wal/-shm)"
    assert zones(office) == ["城关责任区", "青山片责任区", "龙泉片责任区"]
    assert safety is not None
    assert zones_in_file(safety) == ["城关责任区", "白沙片责任区", "龙泉片责任区"]
    if os.geteuid() != 0:
        assert really_read_only, "as a normal user chmod 555 stops writes"


def test_an_old_backup_is_migrated_on_the_way_in(office, usb):
    old = usb / "2024年备份.db"
    engine = create_engine(f"sqlite:///{old}")
    try:
        from alembic import command

        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN")
            command.upgrade(alembic_config(conn), "0001")
            conn.execute(
                text(
                    "INSERT INTO inspectors (name, gender, unit, post, employment, phone,"
                    " photo_path, certificate_no, notes, active)"
                    " VALUES ('王建国', 'M', '', '', 'full_time', '', '', '', '', 1)"
                )
            )
            conn.execute(
                text("INSERT INTO zones (name, note, sort_order) VALUES ('老城区', '', 0)")
            )
            conn.commit()
    finally:
        engine.dispose()
    old_bytes = old.read_bytes()

    safety = restore_from(office, old)

    assert schema_revision(office) == HEAD_REVISION
    assert zones(office) == ["老城区"]
    with office.session() as session:
        assert session.scalars(select(Inspector.name)).all() == ["王建国"]
    assert safety is not None and zones_in_file(safety) == ["城关责任区", "龙泉片责任区"]
    assert old.read_bytes() == old_bytes, "the backup itself stays at its revision"
    office.dispose()
    database_folder = office.sqlite_path.parent
    assert sorted(p.name for p in database_folder.iterdir()) == [
        "backups",
        "home",
        "office.db",
        "usb",
    ]


def test_the_oldest_daily_backup_can_be_restored_and_the_safety_copy_keeps_it(office):
    taken = [automatic_backup(office, reason="daily") for _ in range(KEEP_DAILY_BACKUPS)]
    oldest = taken[0]
    assert oldest in list_automatic_backups(office)
    add_zones(office, "白沙片责任区")

    safety = restore_from(office, oldest)

    assert oldest.exists(), "a before-restore copy never rotates a daily backup out"
    assert zones(office) == ["城关责任区", "龙泉片责任区"]
    assert safety is not None and "白沙片责任区" in zones_in_file(safety)


def test_a_database_open_in_another_program_is_not_replaced_and_the_safety_copy_is_named(
    office, usb
):
    saved = backup_to(office, usb / "saved.db")
    add_zones(office, "白沙片责任区")
    office.dispose()
    working = office.sqlite_path
    with closing(sqlite3.connect(working)) as other_program:
        assert other_program.execute("SELECT count(*) FROM zones").fetchone()[0] == 3
        main_before = working.read_bytes()

        with pytest.raises(RestoreFailedError) as info:
            restore_from(office, saved)

        assert working.read_bytes() == main_before
        assert other_program.execute("SELECT count(*) FROM zones").fetchone()[0] == 3
    safety = info.value.safety_copy
    assert safety is not None and safety.exists()
    assert str(safety) in info.value.message
    assert str(safety) in info.value.english
    assert "其他程序" in info.value.message
    assert safety in list_automatic_backups(office)
    assert zones(office) == ["城关责任区", "白沙片责任区", "龙泉片责任区"]
    assert [p.name for p in working.parent.iterdir() if p.name.startswith(".")] == []


def test_a_successful_restore_leaves_no_temporary_files(office, usb):
    saved = backup_to(office, usb / "saved.db")
    add_zones(office, "白沙片责任区")
    restore_from(office, saved)
    office.dispose()
    database_folder = office.sqlite_path.parent
    assert sorted(p.name for p in database_folder.iterdir()) == [
        "backups",
        "home",
        "office.db",
        "usb",
    ]
    assert [p.name for p in usb.iterdir()] == ["saved.db"]
    assert len(list(backups_dir_for(office.sqlite_path).iterdir())) == 1
