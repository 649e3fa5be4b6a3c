"""Visit planning at county scale: generating a month, a campaign, the semester check.

    python benchmarks/schedule.py [--runs 7]

Creates the county demo (500 schools, 100 serving inspectors) in a temporary SQLite file, gives
a tenth of the inspectors a week of leave, then times each operation ``--runs`` times and prints
the median, the fastest and the slowest in seconds. ``generate_month`` is the whole unit of work
(read the office, plan, delete the old plan, insert the new one); ``plan_month`` is the pure
generator alone on the same input.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import report, time_runs  # noqa: E402  (beside this script)

TODAY = date(2026, 11, 23)
YEAR, MONTH = 2026, 12


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    from core.calendar.availability import add_unavailability
    from core.calendar.month_plan import generate_month, plan_topic_visits
    from core.calendar.planner import _read_office, plan_month
    from core.calendar.semester import semester_check
    from core.calendar.visits import month_span
    from core.demo.office import create_demo
    from core.office.school_terms import SchoolCalendar
    from core.office.settings import load_policy
    from core.office.workdays import WorkCalendar
    from core.roster.assignments import responsible_inspectors
    from db.engine import Database
    from db.migrate import upgrade

    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        report("create the county demo", time_runs(lambda: create_demo(db, "county", TODAY), 1))
        first, last = month_span(YEAR, MONTH)
        with db.session() as session:
            inspectors = sorted(set(responsible_inspectors(session, first).values()))
        for inspector_id in inspectors[::10]:
            add_unavailability(db, inspector_id, first, first + timedelta(days=6), "leave")

        plan = generate_month(db, YEAR, MONTH, TODAY)
        print(f"  {plan.added} visits planned, {len(plan.unplaced)} unplaced")
        report(
            "generate_month (500 schools, 100 inspectors)",
            time_runs(lambda: generate_month(db, YEAR, MONTH, TODAY), runs),
        )

        policy = load_policy(db)
        work = WorkCalendar.load(db)
        terms = SchoolCalendar.load(db)
        days = [d for d in work.workdays(first, last) if terms.in_term(d)]
        with db.session() as session:
            office = _read_office(session, first, first, last)
        existing = [v for v in office.existing if v.status != "planned"]
        report(
            "plan_month alone (pure generator)",
            time_runs(
                lambda: plan_month(office.schools, office.inspectors, days, existing, policy), runs
            ),
        )
        schools = [s.id for s in office.schools]
        report(
            "plan_topic_visits preview (500 schools, 2 weeks)",
            time_runs(
                lambda: plan_topic_visits(
                    db, schools, date(2026, 12, 7), date(2026, 12, 18), "安全", save=False
                ),
                runs,
            ),
        )
        report(
            "semester_check (autumn semester)",
            time_runs(lambda: semester_check(db, date(2026, 9, 1), date(2027, 1, 31)), runs),
        )
        db.dispose()


if __name__ == "__main__":
    main()
