"""`list problems` in-process: every problem with its id, tier, status and the steps after
escalation — the ids `report … --problem ID` takes; `--json` for scripts; an unknown school is
refused in one Chinese line."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from core.cli.commands import build_parser, run_command
from core.demo.office import create_demo
from core.reports import write_report
from db.engine import Database
from db.migrate import upgrade

TODAY = date(2026, 12, 2)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    db = Database.open(path)
    upgrade(db, backup=False)
    create_demo(db, "office", TODAY)
    db.dispose()
    return path


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(build_parser().parse_args([str(a) for a in argv]), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_problems_are_listed_with_their_steps(db_file, tmp_path):
    code, printed, _ = run("--db", db_file, "list", "problems", "--date", TODAY, "--json")
    assert code == 0
    problems = json.loads(printed)
    tiers = {p["category"] for p in problems}
    assert tiers == {"一般性问题", "重点问题", "难点问题", "严重违规或重大问题"}
    kinds = {s["kind"] for p in problems for s in p["steps"]}
    assert kinds == {"supervision", "interview", "referral"}, "the demo's 督办, 约谈 and report up"
    supervised = next(p for p in problems if any(s["number"] for s in p["steps"]))
    db = Database.open(db_file)
    out = write_report(db, "supervision-notice", tmp_path / "s.pdf", today=TODAY,
                       problem=supervised["id"])  # fmt: skip
    db.dispose()
    assert out.exists()

    code, printed, _ = run("--db", db_file, "list", "problems", "--school", supervised["school"])
    lines = printed.splitlines()
    assert code == 0 and lines[0].startswith(f"{supervised['id']}\t{supervised['school']}")
    assert any(line.startswith("\t") and "督办通知 督办〔2026〕1号" in line for line in lines)


def test_an_unknown_school_is_refused(db_file):
    code, printed, error = run("--db", db_file, "list", "problems", "--school", "无此学校")
    assert code != 0 and printed == ""
    assert error.strip() == "错误：“无此学校”没有整改问题"
