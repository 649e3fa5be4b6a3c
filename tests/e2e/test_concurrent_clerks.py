"""Two clerks on one office at the same moment, as two processes, on SQLite and PostgreSQL:
generating the same month twice never doubles the plan, and two imports that change different
columns of the same schools keep both changes."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.engine import Database
from db.models import School, Visit

ROOT = Path(__file__).resolve().parents[2]
PAIRS = 3


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request, tmp_path: Path, data_home: Path) -> str:
    """A database holding the demo office, as the CLI addresses it."""
    target = (
        str(tmp_path / "office.db")
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    made = _run_together([["main.py", "--db", target, "demo"]], data_home)[0]
    assert made.returncode == 0, made.stderr
    return target


def _run_together(commands: list[list[str]], home: Path) -> list[subprocess.CompletedProcess]:
    """Start every command at once and wait for all."""
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    started = [
        subprocess.Popen(
            [sys.executable, *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    done = []
    for process in started:
        out, err = process.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


# Each clerk's process gets ready (imports, opens the database, reads the sheet), then both
# start the job at the same instant, so their reads and writes overlap as they would at worst.
CLERK = """
import os, sys, time
from datetime import date
from pathlib import Path
from db.engine import Database
db = Database.open(sys.argv[1])
job, barrier, count = sys.argv[2], Path(sys.argv[3]), int(sys.argv[5])
if job == "schedule":
    from core.calendar.month_plan import generate_month
    year, month = map(int, sys.argv[4].split("-"))
    run = lambda: generate_month(db, year, month, date.today())
else:
    from core.sheets import apply_import, plan_import
    plan = plan_import(db, "schools", sys.argv[4], date.today())
    run = lambda: apply_import(db, plan)
(barrier / str(os.getpid())).touch()
while len(list(barrier.iterdir())) < count:
    time.sleep(0.001)
run()
db.dispose()
"""


def _clerks(target: str, job: str, arguments: list[str], home: Path) -> None:
    """One process per argument doing ``job`` at the same instant; all must succeed."""
    barrier = Path(tempfile.mkdtemp(dir=home))
    count = str(len(arguments))
    done = _run_together(
        [["-c", CLERK, target, job, str(barrier), argument, count] for argument in arguments],
        home,
    )
    assert [r.returncode for r in done] == [0] * len(arguments), [r.stderr for r in done]


def _next_month() -> str:
    today = date.today()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year}-{month:02d}"


def _month_visits(target: str, month: str) -> tuple[int, int]:
    """Visits of ``month``, and how many of them repeat another's day, school and kind."""
    year, number = map(int, month.split("-"))
    first = date(year, number, 1)
    last = date(year + number // 12, number % 12 + 1, 1)
    db = Database.open(target)
    try:
        with db.session() as session:
            rows = session.execute(
                select(Visit.visit_date, Visit.school_id, Visit.kind).where(
                    Visit.visit_date >= first, Visit.visit_date < last
                )
            ).all()
    finally:
        db.dispose()
    return len(rows), len(rows) - len(set(rows))


def test_two_clerks_generating_the_same_month_never_double_it(office, data_home):
    month = _next_month()
    _clerks(office, "schedule", [month], data_home)
    planned, repeats = _month_visits(office, month)
    assert planned > 0 and repeats == 0
    for _ in range(PAIRS):
        _clerks(office, "schedule", [month, month], data_home)
        assert _month_visits(office, month) == (planned, 0)


def _sheet(path: Path, column: str, values: dict[str, str]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["学校名称", column])
    for name, value in values.items():
        sheet.append([name, value])
    workbook.save(path)
    return path


def test_two_imports_at_once_keep_both_columns(office, data_home, tmp_path):
    db = Database.open(office)
    try:
        with db.session() as session:
            names = list(session.scalars(select(School.name).order_by(School.name).limit(12)))
    finally:
        db.dispose()
    for pair in range(PAIRS):
        phones = _sheet(
            tmp_path / f"phones{pair}.xlsx",
            "联系电话",
            {n: f"0738-61{pair}{i:04d}" for i, n in enumerate(names)},
        )
        heads = _sheet(
            tmp_path / f"heads{pair}.xlsx",
            "校长",
            {n: f"校长{pair}{i}" for i, n in enumerate(names)},
        )
        _clerks(office, "import", [str(phones), str(heads)], data_home)
        db = Database.open(office)
        try:
            with db.session() as session:
                stored = session.execute(
                    select(School.name, School.phone, School.principal).where(
                        School.name.in_(names)
                    )
                ).all()
                assert session.scalar(select(func.count()).select_from(School)) >= len(names)
        finally:
            db.dispose()
        for name, phone, principal in stored:
            i = names.index(name)
            assert (phone, principal) == (f"0738-61{pair}{i:04d}", f"校长{pair}{i}"), name
