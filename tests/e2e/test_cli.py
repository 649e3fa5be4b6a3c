"""The headless command line as support staff and scripts use it (`python main.py ...` in a
child process): version and help, migrate, demo, backup and restore; every failure is one
Chinese line on stderr with a non-zero exit code and never a traceback; the same commands work
on a PostgreSQL server."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL_ENV = "SUPERVISION_TEST_PG_URL"


def run_cli(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_line_failure(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：")
    for word in words:
        assert word in lines[0]
    return lines[0]


def count_rows(path: Path, table: str) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "office.db"


def test_version_is_the_one_in_pyproject(data_home):
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    result = run_cli("--version", home=data_home)
    assert result.returncode == 0
    assert result.stdout.strip() == f"督导工作台 {version}"


def test_help_lists_every_command(data_home):
    result = run_cli("--help", home=data_home)
    assert result.returncode == 0
    for command in ("migrate", "demo", "backup", "restore"):
        assert command in result.stdout
    assert "--db" in result.stdout
    assert "督导工作台" in result.stdout


def test_an_unknown_command_is_a_usage_error(data_home):
    result = run_cli("frobnicate", home=data_home)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "frobnicate" in result.stderr
    assert not (data_home / "supervision.db").exists()


def test_migrate_creates_the_database_then_says_it_is_up_to_date(db_file, data_home):
    first = run_cli("--db", db_file, "migrate", home=data_home)
    assert first.returncode == 0, first.stderr
    assert db_file.is_file()
    assert "已升级" in first.stdout
    assert count_rows(db_file, "alembic_version") == 1

    again = run_cli("--db", db_file, "migrate", home=data_home)
    assert again.returncode == 0, again.stderr
    assert "已是最新版本" in again.stdout
    assert str(db_file) in again.stdout
    assert not (db_file.parent / "backups").exists()


def test_migrate_json_describes_the_change(db_file, data_home):
    created = run_cli("--db", db_file, "migrate", "--json", home=data_home)
    assert created.returncode == 0, created.stderr
    data = json.loads(created.stdout)
    assert data["database"] == str(db_file)
    assert data["from"] is None
    assert data["backup"] is None
    head = data["to"]
    again = json.loads(run_cli("--db", db_file, "migrate", "--json", home=data_home).stdout)
    assert again == {
        "database": str(db_file),
        "from": head,
        "to": head,
        "backup": None,
        "attachments_moved": 0,
    }


def test_migrate_moves_an_older_versions_attachments_into_the_database(db_file, data_home):
    from core.attachments import legacy_path
    from db.engine import Database
    from tests.db.attachment_helpers import attachment_of_schema_0007, opened_bytes

    old = Database.open(db_file)
    attachment_id = attachment_of_schema_0007(old, "2026/visit-1-0123456789abcdef.pdf")
    old.dispose()
    copy = legacy_path("2026/visit-1-0123456789abcdef.pdf")
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF-1.4 signed report")

    result = run_cli("--db", db_file, "migrate", home=data_home)

    assert result.returncode == 0, result.stderr
    assert "已把旧版本放在数据文件夹中的 1 个附件移入数据库（原文件保留）" in result.stdout
    assert copy.read_bytes() == b"%PDF-1.4 signed report"
    copy.unlink()
    upgraded = Database.open(db_file)
    try:
        assert opened_bytes(upgraded, attachment_id) == b"%PDF-1.4 signed report"
    finally:
        upgraded.dispose()


def test_without_db_the_database_lives_in_the_data_folder(data_home):
    result = run_cli("migrate", home=data_home)
    assert result.returncode == 0, result.stderr
    assert (data_home / "supervision.db").is_file()
    assert str(data_home / "supervision.db") in result.stdout


def test_demo_fills_an_empty_database_once_and_then_refuses(db_file, data_home):
    first = run_cli("--db", db_file, "demo", home=data_home)
    assert first.returncode == 0, first.stderr
    assert "38 所学校" in first.stdout
    assert count_rows(db_file, "schools") == 38

    again = run_cli("--db", db_file, "demo", home=data_home)
    assert again.returncode == 1
    assert_one_line_failure(again, "已有数据")
    assert count_rows(db_file, "schools") == 38


def test_demo_json_reports_what_was_added(db_file, data_home):
    result = run_cli("--db", db_file, "demo", "--json", home=data_home)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["schools"] == count_rows(db_file, "schools")
    assert summary["inspectors"] == 10
    assert summary["assignments"] == count_rows(db_file, "assignments")


def test_county_demo_json_has_500_schools(db_file, data_home):
    result = run_cli("--db", db_file, "demo", "--scale", "county", "--json", home=data_home)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["schools"] == 500
    assert summary["inspectors"] == 100
    assert count_rows(db_file, "schools") == 500


def test_a_missing_folder_is_one_chinese_line(data_home, tmp_path):
    target = tmp_path / "nonexistent" / "folder" / "x.db"
    result = run_cli("--db", target, "migrate", home=data_home)
    assert_one_line_failure(result, "文件夹不存在")
    assert not target.parent.exists()


def test_a_file_that_is_not_a_database_is_one_chinese_line_and_kept(data_home, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage\xff" * 1000)
    for command in ("migrate", "demo"):
        result = run_cli("--db", junk, command, home=data_home)
        assert_one_line_failure(result, "不是有效的数据库文件")
    assert junk.read_bytes() == b"\x00garbage\xff" * 1000


def test_another_programs_database_is_one_chinese_line(data_home, tmp_path):
    foreign = tmp_path / "accounts.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
        conn.commit()
    result = run_cli("--db", foreign, "demo", home=data_home)
    assert_one_line_failure(result, "不是督导工作台的数据库")


def test_a_read_only_database_is_one_chinese_line(db_file, data_home):
    assert run_cli("--db", db_file, "migrate", home=data_home).returncode == 0
    db_file.chmod(0o444)
    try:
        result = run_cli("--db", db_file, "demo", home=data_home)
    finally:
        db_file.chmod(0o644)
    assert_one_line_failure(result, "只读")
    assert count_rows(db_file, "schools") == 0


def test_backup_and_restore_round_trip(data_home, tmp_path):
    office = tmp_path / "office.db"
    copy = tmp_path / "copy.db"
    assert run_cli("--db", office, "demo", home=data_home).returncode == 0
    backed_up = run_cli("--db", office, "backup", "--out", copy, home=data_home)
    assert backed_up.returncode == 0, backed_up.stderr
    assert str(copy) in backed_up.stdout
    assert count_rows(copy, "schools") == 38

    fresh = tmp_path / "new-pc.db"
    assert run_cli("--db", fresh, "migrate", home=data_home).returncode == 0
    restored = run_cli("--db", fresh, "restore", copy, home=data_home)
    assert restored.returncode == 0, restored.stderr
    assert count_rows(fresh, "schools") == 38
    assert count_rows(fresh, "inspectors") == count_rows(office, "inspectors")

    (safety,) = (tmp_path / "backups").glob("auto-*before-restore.db")
    assert str(safety) in restored.stdout
    assert count_rows(safety, "schools") == 0

    refused = run_cli("--db", fresh, "demo", home=data_home)
    assert_one_line_failure(refused, "已有数据")


def test_restoring_something_that_is_not_a_backup_is_one_chinese_line(db_file, data_home, tmp_path):
    assert run_cli("--db", db_file, "demo", home=data_home).returncode == 0
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a backup" * 100)
    assert_one_line_failure(
        run_cli("--db", db_file, "restore", junk, home=data_home), "不是有效的备份"
    )
    missing = tmp_path / "missing.db"
    assert_one_line_failure(
        run_cli("--db", db_file, "restore", missing, home=data_home), "备份文件不存在"
    )
    assert count_rows(db_file, "schools") == 38


def test_a_backup_into_a_missing_folder_is_one_chinese_line(db_file, data_home, tmp_path):
    assert run_cli("--db", db_file, "migrate", home=data_home).returncode == 0
    out = tmp_path / "no such folder" / "copy.db"
    assert_one_line_failure(
        run_cli("--db", db_file, "backup", "--out", out, home=data_home), "备份文件夹不存在"
    )


def test_a_backup_never_overwrites_a_file_without_force(db_file, data_home, tmp_path):
    assert run_cli("--db", db_file, "demo", home=data_home).returncode == 0
    out = tmp_path / "copy.db"
    out.write_bytes(b"the clerk's other file")
    refused = run_cli("--db", db_file, "backup", "--out", out, home=data_home)
    assert_one_line_failure(refused, str(out))
    assert out.read_bytes() == b"the clerk's other file"
    forced = run_cli("--db", db_file, "backup", "--out", out, "--force", home=data_home)
    assert forced.returncode == 0, forced.stderr
    assert count_rows(out, "schools") == 38


@pytest.mark.postgres
def test_migrate_and_demo_on_a_postgresql_server(postgres_url, data_home, tmp_path):
    migrated = run_cli("--db", postgres_url, "migrate", "--json", home=data_home)
    assert migrated.returncode == 0, migrated.stderr
    data = json.loads(migrated.stdout)
    assert data["from"] is None
    assert data["backup"] is None
    again = run_cli("--db", postgres_url, "migrate", home=data_home)
    assert "已是最新版本" in again.stdout

    demo = run_cli("--db", postgres_url, "demo", "--json", home=data_home)
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["schools"] == 38
    assert_one_line_failure(run_cli("--db", postgres_url, "demo", home=data_home), "已有数据")

    backup = run_cli("--db", postgres_url, "backup", "--out", tmp_path / "copy.db", home=data_home)
    assert_one_line_failure(backup, "pg_dump")
    assert not list(data_home.iterdir())


def test_an_unreachable_server_is_one_chinese_line(data_home):
    result = run_cli(
        "--db", "postgresql://clerk:s3cret@127.0.0.1:1/office", "migrate", home=data_home
    )
    line = assert_one_line_failure(result, "无法连接到数据库服务器")
    assert "s3cret" not in line
