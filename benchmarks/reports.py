"""PDF reports at county scale: how long each takes to write.

    python benchmarks/reports.py [--runs 7]

Creates the county demo (500 schools, 100 serving and 20 former inspectors) in a temporary
SQLite file, registers the report fonts once (timed on its own: it happens once per process),
then writes each report ``--runs`` times and prints the median, the fastest and the slowest in
seconds with the number of pages. The roster is the figure to watch; ``sign`` prints one page
for each of the 500 schools; ``schedule`` prints the month of the demo's visits, ``visit-form``
one recorded visit and ``rectification-notice`` one problem's notice; ``checklist`` prints one
school's archive checklist in the demo's running campaign, ``campaign`` that campaign's progress
across its schools, and ``annual`` the year's figures with their charts; ``supervision-notice``
and ``interview`` print the demo's 督办通知 and 约谈记录, ``bulletin`` the month's 通报 and
``complaints`` the year's complaint register, ``topic`` the 专项督导报告 of the demo's latest
topic inspection. ``--plain`` also times a plain ReportLab table of
the schedule's rows (date, school, inspector, kind), the yardstick for the schedule's layout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import report, time_runs  # noqa: E402  (beside this script)

if TYPE_CHECKING:
    from db.engine import Database

TODAY = date(2026, 11, 23)
KINDS = (
    "roster",
    "staffing",
    "training",
    "terms",
    "sign",
    "schedule",
    "visit-form",
    "rectification-notice",
    "checklist",
    "campaign",
    "annual",
    "supervision-notice",
    "interview",
    "bulletin",
    "complaints",
    "topic",
    "school-inspection",
)


def plain_schedule(db: Database, out: Path, year: int, month: int) -> None:
    """The month's visits as one plain ReportLab table: no grid, no sizing, no lists."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from core.calendar.visits import month_span, visit_rows
    from core.reports.fonts import report_fonts

    font = report_fonts().body
    rows = [["日期", "学校", "督学", "类型"]] + [
        [v.day.isoformat(), v.school, v.inspector, v.kind_label]
        for v in visit_rows(db, *month_span(year, month))
    ]
    table = Table(rows, repeatRows=1)
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9)])
    )
    SimpleDocTemplate(str(out), pagesize=A4).build([table])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), choices=KINDS)
    parser.add_argument("--plain", action="store_true", help="also time the plain table")
    options = parser.parse_args()

    from pypdf import PdfReader
    from sqlalchemy import func, select

    from core.demo.office import create_demo
    from core.reports import write_report
    from core.reports.fonts import report_fonts
    from db.engine import Database
    from db.migrate import upgrade
    from db.models import ChecklistItem, Problem, ProblemAction, School, VisitRecord

    with tempfile.TemporaryDirectory() as folder:
        os.environ["SUPERVISION_DESK_HOME"] = folder
        db = Database.open(Path(folder) / "county.db")
        upgrade(db, backup=False)
        create_demo(db, "county", TODAY)
        report("register the fonts (once per process)", time_runs(report_fonts, 1))
        with db.session() as session:
            visit = session.scalar(select(func.min(VisitRecord.visit_id)))
            problem = session.scalar(select(func.min(Problem.id)).where(Problem.notice_no != ""))
            actions = {
                kind: session.scalar(select(func.min(ProblemAction.problem_id)).where(
                    ProblemAction.kind == kind))
                for kind in ("supervision", "interview")
            }  # fmt: skip
            school = session.scalar(
                select(School.name).where(
                    School.id == select(func.min(ChecklistItem.school_id)).scalar_subquery()
                )
            )
        extra = {
            "visit-form": {"visit": visit},
            "rectification-notice": {"problem": problem},
            "checklist": {"school": school},
            "supervision-notice": {"problem": actions["supervision"]},
            "interview": {"problem": actions["interview"]},
            "bulletin": {"month": f"{TODAY:%Y-%m}"},
            "complaints": {"year": TODAY.year},
            "school-inspection": {"school": school},
        }
        for kind in options.kinds:
            out = Path(folder) / f"{kind}.pdf"
            times = time_runs(
                lambda kind=kind, out=out: write_report(
                    db, kind, out, today=TODAY, **extra.get(kind, {})
                ),
                options.runs,
            )
            report(f"{kind} ({len(PdfReader(out).pages)} pages)", times)
        if options.plain:
            out = Path(folder) / "plain.pdf"
            times = time_runs(
                lambda: plain_schedule(db, out, TODAY.year, TODAY.month), options.runs
            )
            report(f"plain table of the schedule's rows ({len(PdfReader(out).pages)} pages)", times)
        db.dispose()


if __name__ == "__main__":
    main()
