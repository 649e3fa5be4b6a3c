"""The command line (`python main.py`, child processes) on a database it must not use as it is:
a 0-byte or damaged file is one Chinese/English line naming the newest good backup, with a
non-zero exit and nothing changed, and ``restore`` brings the office back; migrate and restore
take exactly one safety copy first; a wrong database server address is one line within 10 s, on
the command line and for the GUI's ``--smoke`` start (which used to hang)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.db.server_helpers import PASSWORD, TIME_LIMIT_S, WRONG_ADDRESSES, wrong_address
from tests.e2e.test_cli import assert_one_line_failure, count_rows, run_cli

ROOT = Path(__file__).resolve().parents[2]


def _start_gui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _fill(path: Path, revision: str | None = None) -> None:
    """A small office in ``path`` (at ``revision``, else the newest)."""
    from db.engine import Database
    from db.migrate import upgrade, upgrade_to
    from db.models import School, Zone

    db = Database.open(path)
    try:
        if revision is None:
            upgrade(db, backup=False)
            with db.session() as session:
                zone = Zone(name="城关责任区")
                session.add_all([zone, School(name="城关一小", zone=zone, kind="primary")])
        else:
            upgrade_to(db, revision)
            with db.engine.begin() as conn:
                conn.exec_driver_sql(
                    "INSERT INTO inspectors (name, gender, unit, post, employment, phone,"
                    " photo_path, certificate_no, notes, active)"
                    " VALUES ('王建国', 'M', '', '', 'full_time', '', '', '', '', 1)"
                )
    finally:
        db.dispose()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An office in a file, with one daily backup as the GUI takes it."""
    from db.backup import automatic_backup
    from db.engine import Database

    path = tmp_path / "office.db"
    _fill(path)
    db = Database.open(path)
    try:
        assert automatic_backup(db, "daily") is not None
    finally:
        db.dispose()
    return path


def _backups(office: Path) -> list[str]:
    return sorted(p.name for p in (office.parent / "backups").iterdir())


@pytest.mark.parametrize(
    "command",
    [
        ["migrate"],
        ["check"],
        ["demo"],
        ["backup", "--out"],
        ["report", "roster", "--out"],
        ["schedule", "--month", "2026-12"],
        ["ics", "--month", "2026-12", "--out"],
        ["holidays", "list", "--year", "2027"],
        ["school-calendar", "list"],
    ],
)
def test_a_zero_byte_database_is_one_line_naming_the_newest_backup(
    office, data_home, tmp_path, command
):
    office.write_bytes(b"")
    (good,) = _backups(office)
    out = [tmp_path / "copy.db"] if command[-1] == "--out" else []
    result = run_cli("--db", office, *command, *out, home=data_home)
    line = assert_one_line_failure(result, "0 字节", str(office), good, "restore")
    assert " / Error: The database file is empty (0 bytes)" in line
    assert office.read_bytes() == b"", "never started as a new empty office"
    assert _backups(office) == [good]
    assert not (tmp_path / "copy.db").exists()


def test_a_damaged_database_is_refused_and_restore_brings_the_office_back(office, data_home):
    schools = count_rows(office, "schools")
    (good,) = _backups(office)
    office.write_bytes(b"\x00garbage\xff" * 2000)
    line = assert_one_line_failure(run_cli("--db", office, "migrate", home=data_home), "损坏")
    backup = office.parent / "backups" / good
    assert f"restore {backup}" in line

    restored = run_cli("--db", office, "restore", backup, home=data_home)

    assert restored.returncode == 0, restored.stderr
    assert count_rows(office, "schools") == schools
    assert run_cli("--db", office, "check", home=data_home).returncode == 0
    names = _backups(office)
    assert [n for n in names if n.startswith("auto-")] == [good]
    assert [n for n in names if n.startswith("damaged-")], "the damaged bytes are kept aside"


@pytest.mark.parametrize("command", ["report", "schedule"])
def test_a_damaged_database_is_one_line_for_report_and_schedule(
    office, data_home, tmp_path, command
):
    damaged = b"\x00garbage\xff" * 2000
    office.write_bytes(damaged)
    pdf = tmp_path / "roster.pdf"
    arguments = ["roster", "--out", pdf] if command == "report" else ["--month", "2026-12"]
    result = run_cli("--db", office, command, *arguments, home=data_home)
    assert_one_line_failure(result, "损坏", "restore")
    assert office.read_bytes() == damaged
    assert not pdf.exists()


def test_a_zero_byte_database_without_backups_says_there_is_none(data_home, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = run_cli("--db", empty, "migrate", home=data_home)
    assert_one_line_failure(result, "0 字节", "没有完好的备份")
    assert empty.read_bytes() == b""


def test_migrate_takes_exactly_one_backup_before_upgrading(data_home, tmp_path):
    path = tmp_path / "old.db"
    _fill(path, "0001")
    migrated = run_cli("--db", path, "migrate", home=data_home)
    assert migrated.returncode == 0, migrated.stderr
    backups = sorted((tmp_path / "backups").iterdir())
    assert [p.name.split("-", 4)[-1] for p in backups] == ["before-upgrade-from-0001.db"]
    assert str(backups[0]) in migrated.stdout
    assert run_cli("--db", path, "migrate", home=data_home).returncode == 0
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_restore_takes_exactly_one_safety_copy(office, data_home, tmp_path):
    copy = tmp_path / "copy.db"
    assert run_cli("--db", office, "backup", "--out", copy, home=data_home).returncode == 0
    before = _backups(office)
    restored = run_cli("--db", office, "restore", copy, home=data_home)
    assert restored.returncode == 0, restored.stderr
    new = sorted(set(_backups(office)) - set(before))
    assert len(new) == 1 and new[0].endswith("-before-restore.db")


@pytest.mark.parametrize("kind", WRONG_ADDRESSES)
def test_a_wrong_server_address_is_one_line_in_time(data_home, kind):
    with wrong_address(kind) as (url, words):
        started = time.monotonic()
        result = run_cli("--db", url, "migrate", home=data_home)
        elapsed = time.monotonic() - started
    line = assert_one_line_failure(result, "无法连接到数据库服务器", *words)
    assert " / Error: Cannot connect to the database server" in line
    assert PASSWORD not in line
    assert elapsed < TIME_LIMIT_S + 3, f"{kind} took {elapsed:.1f} s (with Python's start)"


@pytest.mark.parametrize("kind", WRONG_ADDRESSES)
def test_a_smoke_start_on_a_wrong_server_address_ends_with_one_line(data_home, kind):
    with wrong_address(kind) as (url, words):
        started = time.monotonic()
        result = _start_gui("--db", url, "--smoke", home=data_home)
        elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "无法连接" in line]
    assert len(lines) == 1, result.stderr
    assert all(word in lines[0] for word in words)
    assert PASSWORD not in result.stderr
    assert not (data_home / "crash-reports").exists()
    assert elapsed < TIME_LIMIT_S + 5, f"{kind} took {elapsed:.1f} s (with Qt's start)"


def test_a_smoke_start_on_a_zero_byte_database_ends_with_one_line(office, data_home):
    office.write_bytes(b"")
    result = _start_gui("--db", str(office), "--smoke", home=data_home)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "0 字节" in result.stderr
    assert office.read_bytes() == b""
    assert [n for n in _backups(office) if n.startswith("auto-")] == _backups(office)
    assert len(_backups(office)) == 1
