"""Automatic backups keep what matters: 20 daily, the last of each of 12 months and every copy
taken before an upgrade or a restore; an empty (0-byte) or damaged database is never copied and
never started as a new empty office, so it can never push a good backup out; a restore over a
damaged database works and keeps the damaged bytes aside."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.backup import (
    KEEP_DAILY_BACKUPS,
    KEEP_MONTHLY_BACKUPS,
    BackupFile,
    automatic_backup,
    backed_up_today,
    backups_to_keep,
    check_database_file,
    list_automatic_backups,
    list_backups,
    newest_good_backup,
    restore_from,
)
from db.engine import Database
from db.errors import DatabaseDamagedError, DatabaseEnvironmentError
from db.migrate import ensure_schema
from db.paths import backups_dir_for
from tests.db.zone_helpers import add_zones, zones, zones_in_file


def _backup_at(template: Path, when: datetime, reason: str = "daily") -> Path:
    """A real backup file, as if automatic_backup had taken it at ``when``."""
    path = template.parent / f"auto-{when:%Y%m%d-%H%M%S-%f}-{reason}.db"
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    add_zones(sqlite_db, "城关责任区", "龙泉片责任区")
    return sqlite_db


@pytest.fixture
def good_backup(office: Database) -> Path:
    """One real automatic backup of the office, to copy under other dates."""
    taken = automatic_backup(office, reason="daily")
    assert taken is not None
    return taken


def _history(good_backup: Path, days: int, start: datetime) -> list[Path]:
    """One daily backup a day for ``days`` days, oldest first, ending the day before ``start``."""
    return [_backup_at(good_backup, start - timedelta(days=n)) for n in range(days, 0, -1)]


def _damage_pages(path: Path) -> None:
    """Overwrite pages after the first: the header still reads, the tables do not."""
    with open(path, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * 4096)


# --- Rotation ---------------------------------------------------------------------------------


def test_the_policy_is_20_daily_and_12_monthly():
    assert (KEEP_DAILY_BACKUPS, KEEP_MONTHLY_BACKUPS) == (20, 12)


def test_rotation_keeps_20_daily_the_last_of_12_months_and_every_safety_copy(office, good_backup):
    now = datetime.now()
    daily = _history(good_backup, 500, now)
    good_backup.unlink()
    upgrade = _backup_at(daily[0], now - timedelta(days=480, hours=1), "before-upgrade-from-0003")
    restore = _backup_at(daily[0], now - timedelta(days=300, hours=1), "before-restore")

    newest = automatic_backup(office, reason="daily")

    kept = set(list_automatic_backups(office))
    every_daily = [*daily, newest]
    assert set(every_daily[-KEEP_DAILY_BACKUPS:]) <= kept
    assert {upgrade, restore} <= kept
    last_of_month: dict[str, Path] = {}
    for path in every_daily:
        last_of_month[path.name[5:11]] = path
    months = sorted(last_of_month, reverse=True)[:KEEP_MONTHLY_BACKUPS]
    assert {last_of_month[month] for month in months} <= kept
    assert len(months) == KEEP_MONTHLY_BACKUPS
    expected = set(every_daily[-KEEP_DAILY_BACKUPS:]) | {last_of_month[m] for m in months}
    assert kept == expected | {upgrade, restore}
    assert all(path.exists() == (path in kept) for path in every_daily)


def test_backups_to_keep_on_plain_data():
    start = datetime(2026, 1, 1, 8, 0)
    backups = [BackupFile(Path(f"d{n}"), start + timedelta(days=n), "daily", 1) for n in range(400)]
    backups.append(BackupFile(Path("u"), start - timedelta(days=900), "before-upgrade-from-1", 1))
    kept = backups_to_keep(backups)
    daily = {Path(f"d{n}") for n in range(380, 400)}
    assert daily <= kept and Path("u") in kept
    monthly = kept - daily - {Path("u")}
    assert all(
        (backup.taken + timedelta(days=1)).day == 1 for backup in backups if backup.path in monthly
    ), "a month's backup is its last one"
    assert len({b.taken.strftime("%Y%m") for b in backups if b.path in kept - {Path("u")}}) == 12


def test_a_safety_copy_never_pushes_a_daily_backup_out(office, good_backup):
    daily = [good_backup, *_history(good_backup, KEEP_DAILY_BACKUPS - 1, datetime.now())]
    for _ in range(5):
        automatic_backup(office, reason="before-restore")
    assert all(path.exists() for path in daily)
    assert len(list_automatic_backups(office)) == KEEP_DAILY_BACKUPS + 5


def test_list_backups_is_newest_first_with_date_reason_and_size(office, good_backup):
    older = _backup_at(good_backup, datetime(2026, 3, 31, 18, 5), "before-upgrade-from-0005")
    listed = list_backups(office)
    assert [b.path for b in listed] == [good_backup, older]
    assert listed[1].taken == datetime(2026, 3, 31, 18, 5)
    assert listed[1].reason == "before-upgrade-from-0005"
    assert listed[1].is_safety_copy and not listed[0].is_safety_copy
    assert listed[0].size == good_backup.stat().st_size > 0


# --- Nothing is taken of an empty or damaged database ----------------------------------------


def test_no_daily_backup_is_taken_of_an_office_without_data(sqlite_db):
    assert automatic_backup(sqlite_db, reason="daily") is None
    assert list_automatic_backups(sqlite_db) == []
    assert not backed_up_today(sqlite_db)


def test_a_zero_byte_database_is_not_copied(office, good_backup):
    office.dispose()
    office.sqlite_path.write_bytes(b"")
    assert automatic_backup(office, reason="daily") is None
    assert list_automatic_backups(office) == [good_backup]


def test_a_damaged_database_is_not_copied_and_pushes_nothing_out(office, good_backup):
    daily = [good_backup, *_history(good_backup, KEEP_DAILY_BACKUPS - 1, datetime.now())]
    office.dispose()
    _damage_pages(office.sqlite_path)
    with pytest.raises(DatabaseDamagedError) as info:
        automatic_backup(office, reason="daily")
    assert "损坏" in info.value.message
    assert sorted(list_automatic_backups(office)) == sorted(daily)
    assert [
        p.name
        for p in backups_dir_for(office.sqlite_path).iterdir()
        if not p.name.startswith("auto-")
    ] == []


def test_twenty_starts_on_a_zero_byte_file_leave_every_good_backup(office, good_backup):
    """The old way: each start made the 0-byte file a new empty office and its daily backup
    pushed one good backup out, until none of the 20 was left."""
    daily = [good_backup, *_history(good_backup, KEEP_DAILY_BACKUPS - 1, datetime.now())]
    office.dispose()
    office.sqlite_path.write_bytes(b"")
    for _day in range(KEEP_DAILY_BACKUPS + 5):
        db = Database.open(office.sqlite_path)
        try:
            with pytest.raises(DatabaseDamagedError) as info:
                check_database_file(db)
            assert info.value.newest_backup == good_backup
            # Even a start that went ahead anyway copies nothing of the empty office.
            ensure_schema(db)
            assert automatic_backup(db, reason="daily") is None
        finally:
            db.dispose()
        office.sqlite_path.write_bytes(b"")
    assert sorted(list_automatic_backups(office)) == sorted(daily)
    assert all(zones_in_file(path) == ["城关责任区", "龙泉片责任区"] for path in daily)


# --- Start-up check ---------------------------------------------------------------------------


def test_a_zero_byte_database_is_refused_naming_the_newest_good_backup(office, good_backup):
    older = _backup_at(good_backup, datetime.now() - timedelta(days=3))
    office.dispose()
    office.sqlite_path.write_bytes(b"")
    with pytest.raises(DatabaseDamagedError) as info:
        check_database_file(office)
    error = info.value
    assert "0 字节" in error.message
    assert str(good_backup) in error.message
    assert str(backups_dir_for(office.sqlite_path)) in error.message
    assert error.newest_backup == good_backup != older
    assert error.backups_folder == backups_dir_for(office.sqlite_path)
    assert "\n" not in error.one_line()
    assert office.sqlite_path.read_bytes() == b"", "left as it was"


def test_a_file_that_is_not_a_database_is_refused(office, good_backup):
    office.dispose()
    office.sqlite_path.write_bytes(b"\x00garbage\xff" * 500)
    with pytest.raises(DatabaseDamagedError) as info:
        check_database_file(office)
    assert "损坏" in info.value.message
    assert info.value.newest_backup == good_backup


def test_the_newest_good_backup_skips_damaged_and_empty_ones(office, good_backup, tmp_path):
    empty_office = tmp_path / "empty.db"
    fresh = Database.open(empty_office)
    ensure_schema(fresh)
    fresh.dispose()
    now = datetime.now()
    _backup_at(empty_office, now + timedelta(minutes=1))
    zero = _backup_at(good_backup, now + timedelta(minutes=2))
    zero.write_bytes(b"")
    damaged = _backup_at(good_backup, now + timedelta(minutes=3))
    _damage_pages(damaged)
    newest = newest_good_backup(office)
    assert newest is not None and newest.path == good_backup


def test_a_new_or_intact_database_passes_the_start_up_check(office, tmp_path):
    check_database_file(office)
    check_database_file(Database.open(tmp_path / "new.db"))
    assert not (tmp_path / "new.db").exists()


# --- Restoring over a damaged database --------------------------------------------------------


@pytest.mark.parametrize("damage", ["zero bytes", "garbage", "damaged pages"])
def test_a_damaged_database_can_be_restored_and_its_bytes_are_kept_aside(
    office, good_backup, damage
):
    path = office.sqlite_path
    office.dispose()
    if damage == "zero bytes":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(b"\x00garbage\xff" * 500)
    else:
        _damage_pages(path)
    before = path.read_bytes()

    aside = restore_from(office, good_backup)

    assert zones(office) == ["城关责任区", "龙泉片责任区"]
    check_database_file(office)
    backups = list_automatic_backups(office)
    assert backups == [good_backup], "nothing of the damaged file is offered as a backup"
    if damage == "zero bytes":
        assert aside is None
    else:
        assert aside is not None and aside.name.startswith("damaged-")
        assert aside.read_bytes() == before


def test_a_refused_restore_over_a_damaged_database_leaves_it_alone(office, tmp_path):
    path = office.sqlite_path
    office.dispose()
    path.write_bytes(b"")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a backup" * 100)
    with pytest.raises(DatabaseEnvironmentError):
        restore_from(office, junk)
    assert path.read_bytes() == b""
