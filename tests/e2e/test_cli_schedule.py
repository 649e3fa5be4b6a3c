"""`schedule --month YYYY-MM [--json]` in a child process, on a demo database made by
`python main.py demo`: the exact JSON shape checked against the database file, the readable
Chinese plan, the notice for a year whose holidays are not entered yet (on stderr with --json, so
stdout stays JSON), bad or past months refused without a traceback, a visit the clerk entered
kept through regenerating, and a 挂牌 that changes mid-month followed.

Until the command is wired into ``core.cli.commands``, a small script builds a parser with
:func:`add_schedule_parser` and runs it through ``core.cli.commands.run_command`` as ``main.py``
will."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.calendar.visits import VisitInput, add_visit, month_span
from core.enums import VisitKind
from core.office.workdays import WorkCalendar, package_knows
from core.roster.assignments import assign_schools, end_assignments, responsible_inspectors
from db.engine import Database
from db.models import Inspector, Recusal, School, Visit

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import argparse, sys
from core.cli import commands as cli
from core.cli.schedule import add_schedule_parser, cmd_schedule
parser = argparse.ArgumentParser()
parser.add_argument("--db")
add_schedule_parser(parser.add_subparsers(dest="command"))
cli.COMMANDS.setdefault("schedule", cmd_schedule)
sys.exit(cli.run_command(parser.parse_args()))
"""


def run(args: list[str], home: Path, *, script: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", SCRIPT] if script else [sys.executable, "main.py"]
    return subprocess.run(
        [*command, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def next_school_month(today: date) -> str:
    """The next month that is not mostly in the winter or summer break."""
    year, month = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
    if month in (2, 8):
        month += 1
    return f"{year}-{month:02d}"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("schedule")
    home = folder / "home"
    home.mkdir()
    path = folder / "office.db"
    result = run(["--db", str(path), "demo"], home, script=False)
    assert result.returncode == 0, result.stderr
    return path, home


def query(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


def test_json_lists_the_saved_visits_and_the_unplaced_schools(demo_file):
    path, home = demo_file
    today = date.today()
    month = next_school_month(today)
    result = run(
        ["--db", str(path), "schedule", "--month", month, "--date", str(today), "--json"], home
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"holiday_data", "school_break", "visits", "unplaced", "zones_short"}
    assert data["zones_short"] == [], "the zone rules are off unless the office sets them"
    assert data["holiday_data"] in ("complete", "provisional", "missing")
    assert data["visits"]
    assert all(set(v) == {"date", "school", "inspector", "kind"} for v in data["visits"])
    assert all(set(u) == {"school", "reason"} for u in data["unplaced"])
    assert "routine" in {v["kind"] for v in data["visits"]}
    assert {v["kind"] for v in data["visits"]} <= set(VisitKind)
    assert all(v["date"].startswith(month) for v in data["visits"])
    saved = query(
        path,
        "SELECT v.visit_date, s.name, i.name, v.kind FROM visits v "
        "JOIN schools s ON s.id = v.school_id JOIN inspectors i ON i.id = v.inspector_id "
        f"WHERE v.visit_date LIKE '{month}%' AND v.status IN ('planned', 'confirmed', 'done')",
    )
    assert sorted(saved) == sorted(
        (v["date"], v["school"], v["inspector"], v["kind"]) for v in data["visits"]
    )
    generated = query(
        path, f"SELECT kind FROM visits WHERE generated AND visit_date LIKE '{month}%'"
    )
    assert generated and {kind for (kind,) in generated} == {"routine"}
    # The office demo's newest kindergarten still waits for its inspector.
    assert "没有责任督学" in {u["reason"] for u in data["unplaced"]}
    if package_knows(int(month[:4])):
        assert result.stderr == ""


def test_the_readable_plan_is_in_chinese_and_regenerating_replaces_it(demo_file):
    path, home = demo_file
    today = date.today()
    month = next_school_month(today)
    args = ["--db", str(path), "schedule", "--month", month, "--date", str(today)]
    assert run(args, home).returncode == 0
    result = run(args, home)
    assert result.returncode == 0, result.stderr
    assert f"{int(month[:4])}年{int(month[5:])}月督导工作安排" in result.stdout
    assert "替换原有未确认计划" in result.stdout
    assert "未能安排" in result.stdout and "没有责任督学" in result.stdout
    rows = query(
        path,
        f"SELECT COUNT(*) FROM visits WHERE visit_date LIKE '{month}%'"
        " AND status IN ('planned', 'confirmed', 'done')",
    )
    assert f"本月共 {rows[0][0]} 次督导" in result.stdout


def test_a_year_without_the_official_holidays_says_so(demo_file):
    path, home = demo_file
    year = date.today().year + 1
    while package_knows(year):
        year += 1
    args = ["--db", str(path), "schedule", "--month", f"{year}-03", "--date", str(date.today())]
    text = run(args, home)
    assert text.returncode == 0, text.stderr
    notice = f"注意：{year}年的"
    assert notice in text.stdout
    as_json = run([*args, "--json"], home)
    assert as_json.returncode == 0
    data = json.loads(as_json.stdout)
    assert data["visits"]
    assert data["holiday_data"] != "complete"
    assert notice in as_json.stderr


@pytest.mark.parametrize(
    ("month", "code", "words"),
    [("2026-13", 2, "YYYY-MM"), ("2026年3月", 2, "YYYY-MM"), ("2020-03", 1, "已经过去")],
)
def test_a_bad_or_past_month_is_refused_without_a_traceback(demo_file, month, code, words):
    path, home = demo_file
    result = run(["--db", str(path), "schedule", "--month", month], home)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert words in result.stderr
    assert result.stdout == ""


@pytest.fixture
def fresh_demo(tmp_path: Path) -> tuple[Path, Path]:
    """A demo database of its own, for a test that changes it."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    path = tmp_path / "office.db"
    result = run(["--db", str(path), "demo"], home, script=False)
    assert result.returncode == 0, result.stderr
    return path, home


def _month_days(month: str) -> list[date]:
    first, last = month_span(int(month[:4]), int(month[5:]))
    return [first + timedelta(days=n) for n in range(last.day)]


def _unvisited_schools(db: Database, month: str) -> list[tuple[int, str, int, str]]:
    """(school id, name, responsible inspector id, name) on the month's first day, for schools
    without a routine visit on the calendar in the month, by school id."""
    days = _month_days(month)
    with db.session() as session:
        responsible = responsible_inspectors(session, days[0])
        visited = set(
            session.scalars(
                select(Visit.school_id).where(
                    Visit.visit_date.between(days[0], days[-1]),
                    Visit.kind == "routine",
                    Visit.status.in_(["planned", "confirmed", "done"]),
                )
            )
        )
        schools = dict(session.execute(select(School.id, School.name)).all())
        names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    return [
        (s, schools[s], i, names[i]) for s, i in sorted(responsible.items()) if s not in visited
    ]


def _schedule_json(path: Path, home: Path, month: str) -> dict:
    args = ["--db", str(path), "schedule", "--month", month, "--date", str(date.today())]
    result = run([*args, "--json"], home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_regenerating_keeps_the_visits_the_clerk_entered(fresh_demo):
    path, home = fresh_demo
    month = next_school_month(date.today())
    days = _month_days(month)
    db = Database.open(path)
    try:
        day = WorkCalendar.load(db).workdays(days[0], days[-1])[2]
        school_id, school, inspector_id, inspector = _unvisited_schools(db, month)[0]
        visit_id = add_visit(db, VisitInput(day, school_id, inspector_id, note="校长约定"))
    finally:
        db.dispose()
    for _ in range(2):
        data = _schedule_json(path, home, month)
        theirs = [v for v in data["visits"] if v["school"] == school and v["kind"] == "routine"]
        assert theirs == [
            {"date": day.isoformat(), "school": school, "inspector": inspector, "kind": "routine"}
        ]
    rows = query(path, f"SELECT visit_date, note, generated FROM visits WHERE id = {visit_id}")
    assert rows == [(day.isoformat(), "校长约定", 0)]


def test_a_school_moved_mid_month_is_visited_by_whoever_is_responsible_that_day(fresh_demo):
    path, home = fresh_demo
    month = next_school_month(date.today())
    days = _month_days(month)
    moved_on, ended_on = days[7], days[11]
    db = Database.open(path)
    try:
        unvisited = _unvisited_schools(db, month)
        moved, moved_name, old, _ = unvisited[0]
        ended, ended_name, _, keeper = unvisited[1]
        with db.session() as session:
            recused = set(
                session.scalars(select(Recusal.inspector_id).where(Recusal.school_id == moved))
            )
            serving = set(responsible_inspectors(session, moved_on).values())
            newcomer = min(serving - recused - {old})
            newcomer_name = session.get(Inspector, newcomer).name
        assign_schools(db, newcomer, [moved], moved_on)
        end_assignments(db, [ended], ended_on)
    finally:
        db.dispose()
    data = _schedule_json(path, home, month)
    routine = {v["school"]: v for v in data["visits"] if v["kind"] == "routine"}
    assert routine[moved_name]["inspector"] == newcomer_name  # responsible for most of it
    assert routine[moved_name]["date"] >= moved_on.isoformat()
    assert routine[ended_name]["inspector"] == keeper
    assert routine[ended_name]["date"] <= ended_on.isoformat()
    assert moved_name not in {u["school"] for u in data["unplaced"]}
