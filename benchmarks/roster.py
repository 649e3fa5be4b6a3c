"""Roster work at county scale: reading the lists, the compliance picture, filling the pages.

    python benchmarks/roster.py [--runs 7]

Creates the county demo (500 schools, 100 serving and 20 former inspectors, ten years of terms,
assignments and training) in a temporary SQLite file, then times each operation ``--runs`` times
and prints the median, the fastest and the slowest in seconds. The page figures are the time from
asking a page to refresh until its table holds the rows (worker read + model reset), offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import report, time_runs  # noqa: E402  (beside this script)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    from core.demo.office import create_demo
    from core.overview import compliance
    from core.roster.inspectors import inspector_rows
    from core.roster.schools import school_rows
    from core.roster.training import training_summary
    from db.engine import Database
    from db.migrate import upgrade

    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        report("create the county demo", time_runs(lambda: create_demo(db, "county", TODAY), 1))
        report("school_rows (500 schools)", time_runs(lambda: school_rows(db, TODAY), runs))
        report(
            "inspector_rows (120 inspectors)", time_runs(lambda: inspector_rows(db, TODAY), runs)
        )
        report(
            "training_summary (100 serving)", time_runs(lambda: training_summary(db, TODAY), runs)
        )
        report("compliance (dashboard, check)", time_runs(lambda: compliance(db, TODAY), runs))
        _pages(db, runs)
        db.dispose()


def _pages(db, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.pages.inspectors.page import InspectorsPage
    from gui.pages.schools.page import SchoolsPage
    from gui.pages.training.page import TrainingPage
    from gui.worker import DbWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    worker = DbWorker()
    for name, page_class in (
        ("schools page filled", SchoolsPage),
        ("inspectors page filled", InspectorsPage),
        ("training page filled", TrainingPage),
    ):
        page = page_class(db, worker, lambda: TODAY)
        page.resize(1200, 700)
        page.show()

        def fill(page=page) -> None:
            page.model.set_rows([])
            page.refresh()
            while worker.busy or page.model.rowCount() == 0:
                app.processEvents()
                time.sleep(0.001)

        report(name, time_runs(fill, runs))
        page.close()
    worker.wait_for_done()


if __name__ == "__main__":
    main()
