"""督导记录 with ten years of history: how long the clerk waits and how long the window freezes.

    python benchmarks/records_page.py [--runs 3]

Creates the county demo in a temporary SQLite file, adds ten years of visits
(``benchmarks/visit_history.py``: 54,178 visits due a record from 2016-11-01) and opens the main
window offscreen at 1366×768. Each run opens a new window and times, on 督导记录:

- the first show (this semester, about 1,400 rows) until the table holds its rows;
- choosing 从…至 from 2016-11-01 until the table holds the ten years, and until the worker is
  idle again (the rows' search keys made);
- typing ``cgzx``, ``chengguan`` and ``城关 小学`` one character at a time into the filter, on
  this semester and on the ten years (milliseconds per keystroke; the box cleared after each);
- sorting the ten years by school, then by date again;
- a save elsewhere (the visits announced as changed) until the ten years are read again.

While each step runs, and for 0.6 s after it, a 10 ms timer on the GUI thread records the
longest gap between two of its ticks: the worst freeze the clerk would feel. With
``PYTHONPATH`` pointing at another tree the same script times that tree.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH, so another tree can be timed
sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)
HISTORY_FROM = date(2016, 11, 1)
QUERIES = ("cgzx", "chengguan", "城关 小学")
SETTLE_S = 0.6
"""After each step the stall meter runs on this long, so that what the step left for later (the
garbage collection, which waits while the worker is busy, on a 500 ms timer) counts too."""


class StallMeter:
    """The longest gap between two ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = self.worst = 0.0

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        """Seconds of the longest gap since :meth:`start`."""
        self._tick()
        self.timer.stop()
        return self.worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs

    from PySide6.QtWidgets import QApplication
    from visit_history import add_history

    from core.demo.office import create_demo
    from db.engine import Database
    from db.migrate import upgrade

    app = QApplication.instance() or QApplication([])
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        create_demo(db, "county", TODAY)
        add_history(db)
        gc.collect()  # what making the dataset left behind is not the window's to collect
        for _ in range(runs):
            for name, value in _one_run(app, db).items():
                results.setdefault(name, []).append(value)
        db.dispose()
    width = max(map(len, results))
    for name, values in results.items():
        each = " ".join(f"{value:.3f}" for value in values)
        median = statistics.median(values)
        print(f"{name:<{width}}  median {median:8.3f}  max {max(values):8.3f}  runs {each}")


def _one_run(app, db) -> dict[str, float]:
    """One window's figures, in seconds."""
    from core.changes import Change
    from gui.main_window import MainWindow

    meter = StallMeter()
    figures: dict[str, float] = {}
    window = MainWindow(db, today=lambda: TODAY)
    window.resize(1366, 768)
    window.show()
    _wait(app, lambda: not window.worker.busy)

    def step(name: str, action: Callable[[], None], *done: Callable[[], bool]) -> None:
        meter.start()
        start = time.perf_counter()
        action()
        for index, condition in enumerate(done):
            _wait(app, condition)
            label = name if index == 0 else f"{name}, then the worker idle"
            figures[label] = time.perf_counter() - start
        settled = time.perf_counter() + SETTLE_S
        _wait(app, lambda: time.perf_counter() > settled)
        figures[f"{name}: worst stall"] = meter.stop()

    step(
        "show this semester",
        lambda: window.show_page("records"),
        lambda: "records" in window.pages and _rows(window.pages["records"]) > 0,
    )
    page: Any = window.pages["records"]
    _wait(app, lambda: not window.worker.busy)
    semester_rows = _rows(page)
    _keystrokes(app, page, meter, figures, f"filter {semester_rows} rows")

    def ten_years() -> None:
        page.period.setCurrentIndex(page.period.findData("custom"))
        page.first.set_value(HISTORY_FROM)

    step(
        "choose ten years",
        ten_years,
        lambda: _rows(page) > 50_000,
        lambda: not window.worker.busy,
    )
    _keystrokes(app, page, meter, figures, f"filter {_rows(page)} rows")
    order = page.table.horizontalHeader().sortIndicatorOrder()
    step("sort by school", lambda: page.table.sortByColumn(1, order))
    step("sort by date", lambda: page.table.sortByColumn(0, order))
    step(
        "re-read after a save",
        lambda: window.worker.data_changed.emit(frozenset({Change.VISITS})),
        lambda: not window.worker.busy,
    )
    window.worker.wait_for_done()
    window.close()
    window.deleteLater()
    app.processEvents()
    gc.collect()  # the clerk has one window: the next run does not collect this one's rows
    return figures


def _rows(page) -> int:
    return page.model.rowCount()


def _keystrokes(app, page, meter: StallMeter, figures: dict[str, float], name: str) -> None:
    """Type each query one character at a time; the median and longest keystroke."""
    times: list[float] = []
    meter.start()
    for query in QUERIES:
        page.filter_box.clear()
        app.processEvents()
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            page.filter_box.setText(query[:end])
            times.append(time.perf_counter() - start)
            app.processEvents()
    page.filter_box.clear()
    app.processEvents()
    figures[f"{name}: keystroke median"] = statistics.median(times)
    figures[f"{name}: keystroke max"] = max(times)
    figures[f"{name}: worst stall (clearing too)"] = meter.stop()


def _wait(app, done: Callable[[], bool], timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not read its rows")
        app.processEvents()
        time.sleep(0.002)


if __name__ == "__main__":
    main()
