"""Ten years of visits at county scale: what the clerk waits for once the history has piled up.

    python benchmarks/visit_history.py [--runs 5]

Creates the county demo (500 schools, 100 serving inspectors, one semester of visits) in a
temporary SQLite file and times each operation ``--runs`` times on it. Then it adds ten years of
past visits (2016-11 to 2026-10, leaving alone the months the demo filled): every semester month
each active school has one routine visit by its responsible inspector of mid-month (its
inspector of today when the 挂牌 of then is not in the demo), about one in twenty called off;
every April and October a 专项督导 to a sixth of the schools; every visit carried out has its
督导记录表, and about one in twenty found a problem, fixed and mostly verified, with one or two
follow-ups and now and then a numbered notice. The rows go in with bulk inserts (the history is
there to be read, not to be right to the day). The same operations are timed again and a table
of the medians before and after is printed, in seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import report, time_runs  # noqa: E402  (beside this script)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)
FIRST_MONTH, LAST_MONTH = (2016, 11), (2026, 10)
TOPICS = ("双减", "校园安全", "食品安全", "课后服务", "招生入学", "校外培训")
PROBLEM_SHARE = 0.05
CALLED_OFF_SHARE = 0.05


@dataclass
class History:
    """The rows of the history, ready for bulk inserts (ids given here)."""

    visits: list[dict] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    follow_ups: list[dict] = field(default_factory=list)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from core.demo.office import create_demo
    from core.reports.fonts import report_fonts
    from db.engine import Database
    from db.migrate import upgrade

    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        report("create the county demo", time_runs(lambda: create_demo(db, "county", TODAY), 1))
        _counts(db, "plain county demo")
        report_fonts()  # once per process: not part of any report's time
        operations = _operations(db, Path(folder))

        print("\nbefore the history")
        before = {name: _time(name, job, runs) for name, job in operations}

        start = time.perf_counter()
        added = add_history(db)
        print(
            f"\nten years of history added in {time.perf_counter() - start:.1f} s: "
            f"{len(added.visits)} visits, {len(added.records)} records, "
            f"{len(added.problems)} problems, {len(added.follow_ups)} follow-ups"
        )
        _counts(db, "with the history")

        print("\nwith the history")
        after = {name: _time(name, job, runs) for name, job in operations}

        print(f"\n{'operation':<52} {'before':>8} {'after':>8} {'ratio':>7}")
        for name, _job in operations:
            ratio = after[name] / before[name] if before[name] else float("inf")
            print(f"{name:<52} {before[name]:8.3f} {after[name]:8.3f} {ratio:6.1f}x")
        db.dispose()


def _time(name: str, job: Callable[[], object], runs: int) -> float:
    times = time_runs(job, runs)
    report(name, times)
    return statistics.median(times)


def _counts(db, label: str) -> None:
    from sqlalchemy import func, select

    from db.models import FollowUp, Problem, Visit, VisitRecord

    with db.session() as session:
        counts = [
            session.scalar(select(func.count()).select_from(table))
            for table in (Visit, VisitRecord, Problem, FollowUp)
        ]
    print(
        f"  {label}: {counts[0]} visits, {counts[1]} records, {counts[2]} problems, "
        f"{counts[3]} follow-ups"
    )


def _operations(db, folder: Path) -> list[tuple[str, Callable[[], object]]]:
    """The reads and writes a clerk waits for, each as a job to time."""
    from core.calendar.month_plan import generate_month
    from core.calendar.progress import month_progress, semester_coverage
    from core.calendar.visits import month_span, visit_rows
    from core.casework.rectification import problem_rows
    from core.overview import compliance
    from core.reports import write_report

    return [
        ("generate_month 2026-12", lambda: generate_month(db, 2026, 12, TODAY)),
        (
            "visit_rows 2026-11 (the calendar's month)",
            lambda: visit_rows(db, *month_span(2026, 11)),
        ),
        (
            "visit_rows 2025-11 (a month of the history)",
            lambda: visit_rows(db, *month_span(2025, 11)),
        ),
        ("compliance (the dashboard)", lambda: compliance(db, TODAY)),
        ("semester_coverage (autumn 2026)", lambda: semester_coverage(db, TODAY)),
        ("month_progress 2026-11", lambda: month_progress(db, 2026, 11, TODAY)),
        ("problem_rows (the rectification list)", lambda: problem_rows(db, TODAY)),
        (
            "report schedule 2026-11",
            lambda: write_report(
                db, "schedule", folder / "schedule.pdf", today=TODAY, month="2026-11"
            ),
        ),
        (
            "report annual 2025",
            lambda: write_report(db, "annual", folder / "annual.pdf", today=TODAY, year=2025),
        ),
        ("督导日历 page refreshed (2026-11, offscreen)", _calendar_page(db)),
    ]


def _calendar_page(db) -> Callable[[], None]:
    """A job that refreshes the 督导日历 page until its table holds the month's rows."""
    from PySide6.QtWidgets import QApplication

    from gui.pages.calendar.page import CalendarPage
    from gui.worker import DbWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    worker = DbWorker()
    page = CalendarPage(db, worker, lambda: TODAY)
    page.resize(1200, 700)
    page.show()

    def fill() -> None:
        page.model.set_rows([])
        page.refresh()
        while worker.busy or page.model.rowCount() == 0:
            app.processEvents()
            time.sleep(0.001)

    return fill


# --- the history ----------------------------------------------------------------------------


def _months() -> list[tuple[int, int]]:
    months, (year, month) = [], FIRST_MONTH
    while (year, month) <= LAST_MONTH:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def add_history(db) -> History:
    """Insert ten years of visits, records, problems and follow-ups; returns what was added."""
    from sqlalchemy import func, insert, select

    from core.calendar.visits import month_span
    from core.office.school_terms import SchoolCalendar
    from core.office.workdays import WorkCalendar
    from core.roster.assignments import responsible_inspectors
    from db.models import FollowUp, Problem, School, Visit, VisitRecord

    rng = random.Random(2016)
    work = WorkCalendar.load(db)
    terms = SchoolCalendar.load(db)
    history = History()
    with db.session() as session:
        filled = {(d.year, d.month) for d in session.scalars(select(Visit.visit_date))}
        kinds = dict(session.execute(select(School.id, School.kind).where(School.active)).all())
        now = responsible_inspectors(session, TODAY)
        ids = _Ids(
            visit=session.scalar(select(func.max(Visit.id))) or 0,
            problem=session.scalar(select(func.max(Problem.id))) or 0,
        )
        for year, month in _months():
            first, last = month_span(year, month)
            days = [d for d in work.workdays(first, last) if terms.in_term(d)]
            if (year, month) in filled or not days:
                continue
            then = responsible_inspectors(session, days[len(days) // 2])
            theirs: dict[int, list[int]] = defaultdict(list)
            for school_id in kinds:
                inspector_id = then.get(school_id, now.get(school_id))
                if inspector_id is not None:
                    theirs[inspector_id].append(school_id)
            for inspector_id, schools in theirs.items():
                for index, school_id in enumerate(schools):
                    day = days[(2 * index + 1) * len(days) // (2 * len(schools))]
                    _visit(history, ids, rng, day, school_id, inspector_id, kinds[school_id])
            if month in (4, 10):
                topic = TOPICS[(year * 2 + month // 10) % len(TOPICS)]
                late = days[len(days) // 2 :]
                for index, school_id in enumerate(list(kinds)[::6]):
                    inspector_id = then.get(school_id, now.get(school_id))
                    if inspector_id is not None:
                        day = late[index % len(late)]
                        _visit(
                            history, ids, rng, day, school_id, inspector_id, kinds[school_id], topic
                        )
        _numbered_notices(history)
        for model, rows in (
            (Visit, history.visits),
            (VisitRecord, history.records),
            (Problem, history.problems),
            (FollowUp, history.follow_ups),
        ):
            session.execute(insert(model), rows)
    return history


@dataclass
class _Ids:
    visit: int
    problem: int


def _visit(
    history: History,
    ids: _Ids,
    rng: random.Random,
    day: date,
    school_id: int,
    inspector_id: int,
    school_kind: str,
    topic: str = "",
) -> None:
    """One past visit: carried out with its record (and now and then a problem), or called off."""
    from core.demo.office import CANCELLED_NOTES, POSTPONED_NOTES
    from core.enums import VisitKind, VisitStatus

    ids.visit += 1
    status, note = VisitStatus.DONE, ""
    if not topic and rng.random() < CALLED_OFF_SHARE:
        status = rng.choice((VisitStatus.CANCELLED, VisitStatus.POSTPONED))
        note = rng.choice(CANCELLED_NOTES if status == VisitStatus.CANCELLED else POSTPONED_NOTES)
    history.visits.append(
        {
            "id": ids.visit,
            "visit_date": day,
            "school_id": school_id,
            "inspector_id": inspector_id,
            "kind": (VisitKind.SPECIAL if topic else VisitKind.ROUTINE).value,
            "status": status.value,
            "topic": topic,
            "note": note,
            "generated": False,
        }
    )
    if status == VisitStatus.DONE:
        issue = _record(history, ids.visit, rng, day, school_kind)
        if issue and rng.random() < PROBLEM_SHARE * 2:  # half the records name a minor issue
            _problem(history, ids, rng, day, school_id, issue)


def _record(history: History, visit_id: int, rng: random.Random, day: date, kind: str) -> str:
    """The visit's 督导记录表; returns the minor issue it names, if any."""
    from core.demo.office import FEEDBACK, ITEM_FINDINGS, ITEMS, MINOR_ISSUES
    from core.enums import COMPULSORY_KINDS, InspectionMethod, SixMinimum

    chosen = sorted(rng.sample(range(len(ITEMS)), rng.randint(3, 4)))
    methods = {InspectionMethod.TOUR, *rng.sample(list(InspectionMethod), rng.randint(1, 3))}
    six = rng.sample(list(SixMinimum), rng.randint(0, 2)) if kind in COMPULSORY_KINDS else []
    issue, advice = rng.choice(MINOR_ISSUES) if rng.random() < 0.5 else ("", "")
    history.records.append(
        {
            "visit_id": visit_id,
            "items": [ITEMS[i] for i in chosen],
            "methods": [m.value for m in InspectionMethod if m in methods],
            "six_minimum": [s.value for s in SixMinimum if s in six],
            "findings": "".join(ITEM_FINDINGS[i].format(lessons=2) for i in chosen),
            "problems": issue or "未发现明显问题。",
            "advice": advice or "继续保持良好的办学秩序。",
            "feedback": rng.choice(FEEDBACK),
            "filed_on": day + timedelta(days=rng.randint(0, 3)),
        }
    )
    return issue


def _problem(
    history: History, ids: _Ids, rng: random.Random, day: date, school_id: int, issue: str
) -> None:
    """A problem found on the visit of ``day``: fixed within its deadline, mostly verified."""
    from core.enums import FollowUpOutcome, ProblemCategory, ProblemStatus, Requirement

    ids.problem += 1
    days = rng.choice((7, 15, 30))
    fixed_on = day + timedelta(days=rng.randint(3, days))
    verified = rng.random() < 0.8
    category = rng.choices(list(ProblemCategory), weights=(80, 12, 5, 3))[0]
    history.problems.append(
        {
            "id": ids.problem,
            "school_id": school_id,
            "visit_id": ids.visit,
            "complaint_id": None,
            "found_on": day,
            "category": category.value,
            "description": issue,
            "requirement": Requirement.DEADLINE.value,
            "deadline": day + timedelta(days=days),
            "notice_no": "",
            "notice_date": day + timedelta(days=1) if rng.random() < 0.2 else None,
            "status": (ProblemStatus.VERIFIED if verified else ProblemStatus.FIXED).value,
            "escalated_on": None,
            "closed_on": fixed_on + timedelta(days=3) if verified else fixed_on,
            "note": "",
        }
    )
    if rng.random() < 0.4:
        history.follow_ups.append(
            {
                "problem_id": ids.problem,
                "day": day + timedelta(days=max(1, (fixed_on - day).days // 2)),
                "outcome": FollowUpOutcome.IN_PROGRESS.value,
                "result": "学校正在整改。",
            }
        )
    history.follow_ups.append(
        {
            "problem_id": ids.problem,
            "day": fixed_on,
            "outcome": FollowUpOutcome.FIXED.value,
            "result": "学校报送整改报告，已整改到位。",
        }
    )


def _numbered_notices(history: History) -> None:
    """Number the notices issued, in order of issue within each year."""
    from core.reports.settings import ReportSettings

    settings, numbers = ReportSettings(), defaultdict(int)
    noticed = [p for p in history.problems if p["notice_date"] is not None]
    for problem in sorted(noticed, key=lambda p: (p["notice_date"], p["id"])):
        year = problem["notice_date"].year
        numbers[year] += 1
        problem["notice_no"] = settings.notice_number(year, numbers[year])


if __name__ == "__main__":
    main()
