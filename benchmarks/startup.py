"""Start-up time of the app against bare baselines, on the county-scale demo database.

    python benchmarks/startup.py [--runs 7]

Three programs are started as new processes, offscreen, several times each; the figures are
medians of wall-clock seconds from launch:

* bare Qt: PySide6, one main window with a label, first paint;
* Qt + SQLAlchemy: the same, after opening the SQLite file and running one query;
* the app: ``main.py --smoke`` on a county database (500 schools, 100 inspectors), first paint
  of the main window and the moment the dashboard shows its figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_BARE_QT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
{before_window}
app = QApplication(sys.argv[:1])
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            print("painted", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
window = QMainWindow()
window.setCentralWidget(QLabel("{text}"))
window.resize(1200, 780)
window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
"""

_QUERY = """
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///{db}")
with engine.connect() as conn:
    count = conn.execute(text("SELECT count(*) FROM schools")).scalar()
"""


def _stamps(command: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    stamps = {"exit": time.time() - start}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("painted", "dashboard"):
            stamps[name] = float(value) - start
    return stamps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SUPERVISION_DESK_HOME": home,
            "SUPERVISION_DESK_TIMING": "1",
        }
        db = Path(home) / "supervision.db"
        subprocess.run(
            [sys.executable, "main.py", "demo", "--scale", "county"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        programs = {
            "bare Qt window": [
                sys.executable,
                "-c",
                _BARE_QT.format(before_window="", text="督导工作台"),
            ],
            "Qt + SQLAlchemy, one query": [
                sys.executable,
                "-c",
                _BARE_QT.format(before_window=_QUERY.format(db=db), text="{count}"),
            ],
            "Supervision Desk --smoke": [sys.executable, "main.py", "--smoke"],
        }
        _stamps(programs["Supervision Desk --smoke"], env)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in programs}
        for _ in range(runs):
            for name, command in programs.items():
                results[name].append(_stamps(command, env))
    print(f"median of {runs} runs, seconds from launch")
    print("| program | first paint | dashboard figures | process exit |")
    print("| --- | --- | --- | --- |")
    for name, samples in results.items():
        cells = []
        for key in ("painted", "dashboard", "exit"):
            values = [s[key] for s in samples if key in s]
            cells.append(f"{statistics.median(values):.2f}" if values else "–")
        print(f"| {name} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
