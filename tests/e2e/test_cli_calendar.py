"""`school-calendar` and `holidays` in a child process through main.py: terms listed and changed
(a bad change refused with one Chinese line, nothing saved), next year's notice imported from a
text file (a dry run saves nothing, a broken notice saves nothing and names its section), and
`holidays list --json` saying how sure a year is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_holiday_notice import NOTICE_2027

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def office(tmp_path: Path) -> tuple[list[str], Path]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    base = ["--db", str(tmp_path / "office.db")]
    assert run([*base, "migrate"], home).returncode == 0
    return base, home


def test_terms_are_listed_changed_and_a_bad_change_refused(office):
    base, home = office
    listed = run([*base, "school-calendar", "list", "--json"], home)
    assert listed.returncode == 0, listed.stderr
    terms = json.loads(listed.stdout)
    assert {"year", "kind", "term", "start", "end"} == set(terms[0])
    assert {t["kind"] for t in terms} == {"all", "kindergarten"}
    changed = run(
        [*base, "school-calendar", "set", "2026-2027", "spring", "2027-02-22", "2027-07-09"], home
    )
    assert changed.returncode == 0, changed.stderr
    assert "2027-02-22" in changed.stdout
    kg = ["2026-2027", "spring", "2027-03-01", "2027-07-02", "--kind", "kindergarten"]
    assert run([*base, "school-calendar", "set", *kg], home).returncode == 0
    bad = run(
        [*base, "school-calendar", "set", "2026-2027", "autumn", "2026-09-01", "2027-03-01"], home
    )
    assert bad.returncode == 1 and bad.stderr.startswith("错误：") and "重叠" in bad.stderr
    assert "Traceback" not in bad.stderr
    after = json.loads(run([*base, "school-calendar", "list", "--json"], home).stdout)
    year = {
        (t["kind"], t["term"]): (t["start"], t["end"]) for t in after if t["year"] == "2026-2027"
    }
    assert year[("all", "spring")] == ("2027-02-22", "2027-07-09")
    assert year[("kindergarten", "spring")] == ("2027-03-01", "2027-07-02")
    assert year[("all", "autumn")] == ("2026-09-01", "2027-01-20")


def test_next_years_notice_is_imported_and_the_year_becomes_complete(office, tmp_path):
    base, home = office
    notice = tmp_path / "通知.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    before = json.loads(run([*base, "holidays", "list", "--year", "2027", "--json"], home).stdout)
    assert before["status"] in ("provisional", "missing") and before["workdays"] == []
    dry = run([*base, "holidays", "import", str(notice), "--dry-run", "--json"], home)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["saved"] is False
    unchanged = json.loads(
        run([*base, "holidays", "list", "--year", "2027", "--json"], home).stdout
    )
    assert unchanged == before
    done = run([*base, "holidays", "import", str(notice)], home)
    assert done.returncode == 0, done.stderr
    assert "春节" in done.stdout and "已保存" in done.stdout
    after = json.loads(run([*base, "holidays", "list", "--year", "2027", "--json"], home).stdout)
    assert after["status"] == "complete" and after["source"] == "notice"
    assert "2027-02-08" in after["holidays"] and "2027-06-09" in after["holidays"]
    assert after["workdays"] == [
        "2027-02-20",
        "2027-04-25",
        "2027-05-08",
        "2027-09-26",
        "2027-10-09",
    ]


def test_a_broken_notice_saves_nothing_and_names_the_section(office, tmp_path):
    base, home = office
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE_2027.replace("共9天", "共10天"), encoding="utf-8")
    before = run([*base, "holidays", "list", "--year", "2027", "--json"], home).stdout
    result = run([*base, "holidays", "import", str(notice)], home)
    assert result.returncode == 1
    assert "二、春节" in result.stderr and "没有保存" in result.stderr
    assert run([*base, "holidays", "list", "--year", "2027", "--json"], home).stdout == before


def test_a_known_year_is_complete_from_the_package(office):
    base, home = office
    data = json.loads(run([*base, "holidays", "list", "--year", "2026", "--json"], home).stdout)
    assert data["status"] == "complete" and data["source"] == "package"
    assert "2026-10-10" in data["workdays"] and "2026-10-01" in data["holidays"]


def test_ics_writes_one_file_per_inspector_and_keeps_uids_across_regeneration(office, tmp_path):
    base, home = office
    assert run([*base, "demo"], home).returncode == 0
    month = "2026-12"
    planned = run([*base, "schedule", "--month", month, "--date", "2026-12-01"], home)
    assert planned.returncode == 0, planned.stderr
    first = run([*base, "ics", "--month", month, "--out", str(tmp_path / "a"), "--json"], home)
    assert first.returncode == 0, first.stderr
    files = json.loads(first.stdout)
    assert len(files) >= 5 and all(
        Path(f["file"]).name.endswith("-202612督导安排.ics") for f in files
    )
    again = run([*base, "schedule", "--month", month, "--date", "2026-12-01"], home)
    assert again.returncode == 0
    assert run([*base, "ics", "--month", month, "--out", str(tmp_path / "b")], home).returncode == 0

    def uids(folder: Path) -> set[str]:
        found = set()
        for path in folder.glob("*.ics"):
            found |= {
                line.split(":", 1)[1]
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("UID:")
            }
        return found

    assert uids(tmp_path / "a") and uids(tmp_path / "a") == uids(tmp_path / "b")
    empty = run([*base, "ics", "--month", "2027-08", "--out", str(tmp_path / "c")], home)
    assert empty.returncode == 1 and "没有督导安排" in empty.stderr
    nobody = run([*base, "ics", "--month", month, "--inspector", "张三", "--out", "x.ics"], home)
    assert nobody.returncode == 1 and "张三" in nobody.stderr
