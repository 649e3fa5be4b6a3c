"""PDF reports at county scale: how long each takes to write.

    python benchmarks/reports.py [--runs 7]

Creates the county demo (500 schools, 100 serving and 20 former inspectors) in a temporary
SQLite file, registers the report fonts once (timed on its own: it happens once per process),
then writes each report ``--runs`` times and prints the median, the fastest and the slowest in
seconds with the number of pages. The roster is the figure to watch; ``sign`` prints one page
for each of the 500 schools.
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
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)
KINDS = ("roster", "staffing", "training", "terms", "sign")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), choices=KINDS)
    options = parser.parse_args()

    from pypdf import PdfReader

    from core.demo import create_demo
    from core.reports import write_report
    from core.reports.fonts import report_fonts
    from db.engine import Database
    from db.migrate import upgrade

    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        create_demo(db, "county", TODAY)
        start = time.perf_counter()
        report_fonts()
        print(f"{'register the fonts (once per process)':<44} {time.perf_counter() - start:6.3f}")
        for kind in options.kinds:
            out = Path(folder) / f"{kind}.pdf"
            times = []
            for _ in range(options.runs):
                start = time.perf_counter()
                write_report(db, kind, out, today=TODAY)
                times.append(time.perf_counter() - start)
            pages = len(PdfReader(out).pages)
            print(
                f"{kind + f' ({pages} pages)':<44} median {statistics.median(times):6.3f}  "
                f"min {min(times):6.3f}  max {max(times):6.3f}"
            )
        db.dispose()


if __name__ == "__main__":
    main()
