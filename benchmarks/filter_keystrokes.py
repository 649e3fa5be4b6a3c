"""Type-to-filter on the county demo: how long each keystroke keeps the window busy.

    python benchmarks/filter_keystrokes.py [--runs 5] [--history]

Creates the county demo (500 schools, about 1,600 visits this semester) in a temporary SQLite
file, opens the main window offscreen and types into the filter boxes of 学校 and 督导记录 one
character at a time: pinyin initials (cgzx), full pinyin (chengguan) and two Chinese words
(城关 小学). Each keystroke is timed from the text change to the table's rows being filtered
(the filter is synchronous). The first keystroke of a list is shown apart: it also makes the rows'
search keys. With ``PYTHONPATH`` pointing at another tree the same script times that tree.
``--history`` adds ten years of visits first (``benchmarks/visit_history.py``) and shows the
records of all ten years (从 2016-11-01 至今) on 督导记录.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH, so another tree can be timed

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)
QUERIES = ("cgzx", "chengguan", "城关 小学")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--history", action="store_true", help="ten years of visits")
    arguments = parser.parse_args()
    runs = arguments.runs

    from PySide6.QtWidgets import QApplication

    from core.demo.office import create_demo
    from db.engine import Database
    from db.migrate import upgrade
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        create_demo(db, "county", TODAY)
        if arguments.history:
            from visit_history import add_history

            add_history(db)
        window = MainWindow(db, today=lambda: TODAY)
        window.resize(1366, 768)
        window.show()
        for page_id in ("schools", "records"):
            window.show_page(page_id)
            page = window.pages[page_id]
            _wait(app, lambda page=page: page.model.rowCount() > 0 and not window.worker.busy)
            if page_id == "records" and arguments.history:
                page.period.setCurrentIndex(page.period.findData("custom"))
                page.first.set_value(date(2016, 11, 1))
                _wait(app, lambda page=page: page.model.rowCount() > 10_000)
                _wait(app, lambda: not window.worker.busy)
            first, later = [], []
            for _ in range(runs):
                for query in QUERIES:
                    times = _type(app, page.filter_box, query)
                    first.append(times[0])
                    later.extend(times[1:])
            print(
                f"{page_id}: {page.model.rowCount()} rows; per keystroke median "
                f"{statistics.median(later) * 1000:.1f} ms, max {max(later) * 1000:.1f} ms; "
                f"first keystroke median {statistics.median(first) * 1000:.1f} ms, "
                f"max {max(first) * 1000:.1f} ms"
            )
        window.worker.wait_for_done()
        window.close()
        db.dispose()


def _type(app, box, query: str) -> list[float]:
    """Seconds for each character of ``query`` typed into ``box`` (cleared first)."""
    box.clear()
    app.processEvents()
    times = []
    for end in range(1, len(query) + 1):
        start = time.perf_counter()
        box.setText(query[:end])
        times.append(time.perf_counter() - start)
        app.processEvents()
    box.clear()
    app.processEvents()
    return times


def _wait(app, done, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not read its rows")
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
