"""`python main.py check` in a child process, as support staff and scripts run it: the readable
Chinese report with ✓/✗ lines, the JSON form checked against the database file itself, the same
answer for the same ``--date``, another answer for another date, and a bad date refused with
exit code 2 and no traceback."""

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

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-02"
OFFICE = "青溪县人民政府教育督导室"
KEYS = {
    "schools",
    "inspectors",
    "required_inspectors",
    "full_time_share",
    "uncovered_schools",
    "terms_expiring",
    "term_limit_reached",
    "training_shortfall",
    "zones",
    "preservice",
    "yearly_assessment",
    "qualifications_below",
}


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


def query(path: Path, sql: str, params: dict | tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql, params).fetchall()


# The demo is made for the real day, so what holds on DAY is read from the file (dates are
# stored as YYYY-MM-DD text in SQLite, so they compare as text).
SERVING = (
    "SELECT i.name, i.employment FROM inspectors i JOIN appointments a ON a.inspector_id = i.id "
    "WHERE a.start_date <= :day AND (CASE WHEN a.ended_on < a.end_date THEN a.ended_on "
    "ELSE a.end_date END) >= :day"
)
UNCOVERED = (
    "SELECT name FROM schools WHERE active AND id NOT IN (SELECT school_id FROM assignments "
    "WHERE start_date <= :day AND (end_date IS NULL OR end_date >= :day)) ORDER BY name"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo office file made once by ``demo`` (its own 'today' is the real day), and a home."""
    folder = tmp_path_factory.mktemp("check")
    home = folder / "home"
    home.mkdir()
    path = folder / "office.db"
    made = run_cli("--db", path, "demo", home=home)
    assert made.returncode == 0, made.stderr
    return path, home


def check(demo: tuple[Path, Path], *args: str) -> subprocess.CompletedProcess[str]:
    path, home = demo
    return run_cli("--db", path, "check", *args, home=home)


def check_json(demo: tuple[Path, Path], day: str | date) -> dict:
    result = check(demo, "--date", str(day), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_check_prints_the_office_and_a_mark_for_every_rule(demo):
    result = check(demo, "--date", DAY)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert OFFICE in lines[0] and f"（{DAY}）" in lines[0]
    marks = [line[0] for line in lines if line and line[0] in "✓✗"]
    assert "✓" in marks and "✗" in marks
    assert len(marks) >= 5
    assert "学校（园）38 所" in result.stdout
    uncovered = [name for (name,) in query(demo[0], UNCOVERED, {"day": DAY})]
    assert f"挂牌督导全覆盖：{len(uncovered)} 所学校没有责任督学" in result.stdout
    assert f"  {'、'.join(uncovered)}" in lines


def test_check_json_agrees_with_the_database_file(demo):
    path = demo[0]
    data = check_json(demo, DAY)

    assert set(data) >= KEYS
    assert (data["date"], data["office"]) == (DAY, OFFICE)
    (schools,) = query(path, "SELECT count(*) FROM schools WHERE active")[0]
    assert data["schools"] == schools == 38
    assert data["required_inspectors"] == 1 + 8
    serving = dict(query(path, SERVING, {"day": DAY}))
    full_time = sum(kind == "full_time" for kind in serving.values())
    assert data["inspectors"] == len(serving)
    assert data["full_time_inspectors"] == full_time
    assert 0 <= data["full_time_share"] <= 1
    assert data["full_time_share"] == round(full_time / len(serving), 4)
    uncovered = [name for (name,) in query(path, UNCOVERED, {"day": DAY})]
    assert data["uncovered_schools"] == uncovered
    names = {name for (name,) in query(path, "SELECT name FROM inspectors")}
    for entry in data["terms_expiring"]:
        assert set(entry) == {"name", "end_date"}
        assert entry["name"] in names
        assert date.fromisoformat(entry["end_date"]) >= date.fromisoformat(DAY)
    for entry in data["training_shortfall"]:
        assert set(entry) == {"name", "hours", "required"}
        assert entry["hours"] < entry["required"] == 40
    assert set(data["term_limit_reached"]) <= names
    for entry in data["preservice"]:
        assert set(entry) == {"name", "hours", "due", "overdue"} and entry["name"] in names
    yearly = data["yearly_assessment"]
    assert (yearly["year"], yearly["due"]) == (2025, "2026-03-31")
    assert yearly["overdue"] == bool(yearly["missing"]) and set(yearly["missing"]) <= set(serving)
    assert data["qualifications_below"] == []  # the demo records no qualifications
    zones = [name for (name,) in query(path, "SELECT name FROM zones ORDER BY sort_order")]
    assert [z["name"] for z in data["zones"]] == zones
    assert sum(z["schools"] for z in data["zones"]) == 38
    assert sum(z["uncovered"] for z in data["zones"]) == len(uncovered)


def test_the_same_date_gives_the_same_answer(demo):
    first = check(demo, "--date", DAY, "--json")
    second = check(demo, "--date", DAY, "--json")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert check(demo, "--date", DAY).stdout == check(demo, "--date", DAY).stdout


def test_another_date_changes_the_terms_expiring(demo):
    path = demo[0]
    # Each inspector's latest term; the one ending first is in the 90-day window from exactly
    # 90 days before its last day, and not the day before that.
    name, last = min(
        query(
            path,
            "SELECT i.name, max(a.end_date) FROM inspectors i "
            "JOIN appointments a ON a.inspector_id = i.id GROUP BY i.name",
        ),
        key=lambda row: row[1],
    )
    end = date.fromisoformat(last)
    inside = check_json(demo, end - timedelta(days=90))
    outside = check_json(demo, end - timedelta(days=91))
    assert {"name": name, "end_date": last} in inside["terms_expiring"]
    assert {"name": name, "end_date": last} not in outside["terms_expiring"]
    assert inside["terms_expiring"] != outside["terms_expiring"]
    assert inside["date"] == (end - timedelta(days=90)).isoformat()


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2026-13-01", "没有13月"),
        ("2026-02-29", "2026年2月没有29日"),
        ("明天", "YYYY-MM-DD"),
        ("2026/11/02", "YYYY-MM-DD"),
        ("20261102x", "YYYY-MM-DD"),
    ],
)
def test_a_bad_date_is_a_usage_error_in_one_bilingual_line(demo, typed, reason):
    result = check(demo, "--date", typed)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"错误：--date：“{typed}”")
    assert reason in result.stderr
    assert f' / Error: --date: "{typed}"' in result.stderr


def test_check_on_a_new_file_reports_an_empty_office(tmp_path, data_home):
    result = run_cli("--db", tmp_path / "new.db", "check", "--date", DAY, "--json", home=data_home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["schools"], data["inspectors"], data["required_inspectors"]) == (0, 0, 0)
    assert data["full_time_share"] == 0
    assert data["uncovered_schools"] == data["zones"] == data["terms_expiring"] == []


def test_the_rectification_figures_are_those_of_the_date(demo):
    (first,) = query(demo[0], "SELECT min(found_on) FROM problems")[0]
    before = check_json(demo, date.fromisoformat(first) - timedelta(days=1))["rectification"]
    assert set(before.values()) == {0}, before
    today = date.today()
    (unresolved,) = query(
        demo[0], "SELECT count(*) FROM problems WHERE status IN ('open', 'escalated')"
    )[0]
    assert check_json(demo, today)["rectification"]["open"] == unresolved
