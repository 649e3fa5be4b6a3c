"""Helpers of the report tests: read a PDF back (text with pypdf, fonts with pdffonts, pages
rendered with pdftoppm), and put a month of visits, a visit record and problems into a demo
office with the models directly."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from core.calendar.month_plan import generate_month
from core.calendar.visits import DEFAULT_INSPECTION_ITEMS
from core.enums import (
    InspectionMethod,
    ProblemCategory,
    ProblemStatus,
    Requirement,
    SixMinimum,
    VisitKind,
    VisitStatus,
)
from db.engine import Database
from db.models import Inspector, Problem, School, Visit, VisitRecord

POPPLER = shutil.which("pdftoppm") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="needs poppler's pdftoppm and pdffonts")


def printed(text: str) -> str:
    """``text`` as a report prints it: a character no font here has as its code [U+…]."""
    from core.reports.fonts import report_fonts

    fonts = report_fonts()
    return "".join(part for _face, part in fonts.runs(text, fonts.body))


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return "".join(text.split())


def spread(pages: list[str], text: str) -> list[int]:
    """How many characters of ``text`` (whitespace removed) each page holds, read in order:
    page by page, the longest run that goes on where the previous page stopped. Their sum is
    the length of the flattened ``text`` when all of it is printed, in order."""
    wanted, start, counts = flat(text), 0, []
    for page in map(flat, pages):
        low, high = 0, len(wanted) - start
        while low < high:  # the longest continuation found on this page
            middle = (low + high + 1) // 2
            if wanted[start : start + middle] in page:
                low = middle
            else:
                high = middle - 1
        counts.append(low)
        start += low
    return counts


def assert_fonts_embedded(path: Path) -> None:
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    fonts = listing[2:]
    assert fonts, listing
    for line in fonts:
        # name, type, encoding, emb, sub, uni, object, generation; the type may hold a space
        assert line.split()[-5] == "yes", line


def assert_renders(path: Path, folder: Path) -> list[Path]:
    """Render every page at 60 dpi; each must be a page-sized, non-blank PNG."""
    pages = len(PdfReader(path).pages)
    prefix = folder / path.stem
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(prefix)], check=True)
    images = sorted(folder.glob(f"{path.stem}-*.png"))
    assert len(images) == pages
    for image in images:
        with Image.open(image) as picture:
            gray = picture.convert("L")
            assert gray.size[0] > 400 and gray.size[1] > 400
            dark = sum(gray.histogram()[:128])
            assert dark > 500, f"{image.name} is (nearly) blank"
    return images


# --- visits, records and problems ----------------------------------------------------------

OLD_ITEM = "已从清单删去的旧事项"
RECORD_ITEMS = [DEFAULT_INSPECTION_ITEMS[1], DEFAULT_INSPECTION_ITEMS[7], OLD_ITEM]
FINDINGS = "课后服务开展正常，作业公示栏按周更新。"
PROBLEMS_FOUND = "食堂留样记录不全。"
ADVICE = "建立留样登记台账，专人负责。"
FEEDBACK = "已当场向校长反馈，学校表示立即整改。"


@dataclass(frozen=True)
class VisitWork:
    """What :func:`add_visit_work` put in: ids and names the tests look for."""

    done_visit: int
    done_school: str
    done_inspector: str
    companion: str
    special_visit: int
    special_school: str
    cancelled_school: str
    cancelled_day: date


def add_visit_work(db: Database, today: date) -> VisitWork:
    """Plan the month of ``today`` with the generator, then, among its planned visits from
    ``today`` on: one done with a record and a companion, one cancelled and one postponed; and a
    confirmed 专项督导 on 双减 on the day of the first."""
    generate_month(db, today.year, today.month, today)
    with db.session() as session:
        visits = session.scalars(
            select(Visit)
            .where(Visit.visit_date >= today, Visit.status == VisitStatus.PLANNED.value)
            .order_by(Visit.visit_date, Visit.id)
        ).all()
        done, cancelled, postponed = visits[0], visits[1], visits[2]
        companion = session.scalars(
            select(Inspector).where(Inspector.id != done.inspector_id).order_by(Inspector.id)
        ).first()
        assert companion is not None
        done.status = VisitStatus.DONE.value
        done.companions.append(companion)
        done.record = VisitRecord(
            items=list(RECORD_ITEMS),
            methods=[InspectionMethod.TOUR.value, InspectionMethod.DOCUMENTS.value],
            six_minimum=[SixMinimum.HOMEWORK.value],
            findings=FINDINGS,
            problems=PROBLEMS_FOUND,
            advice=ADVICE,
            feedback=FEEDBACK,
            filed_on=done.visit_date,
        )
        cancelled.status = VisitStatus.CANCELLED.value
        postponed.status = VisitStatus.POSTPONED.value
        special = Visit(
            visit_date=done.visit_date,
            school_id=visits[-1].school_id,
            inspector_id=visits[-1].inspector_id,
            kind=VisitKind.SPECIAL.value,
            status=VisitStatus.CONFIRMED.value,
            topic="双减",
        )
        session.add(special)
        session.flush()
        return VisitWork(
            done_visit=done.id,
            done_school=done.school.name,
            done_inspector=done.inspector.name,
            companion=companion.name,
            special_visit=special.id,
            special_school=special.school.name if special.school else "",
            cancelled_school=cancelled.school.name,
            cancelled_day=cancelled.visit_date,
        )


@dataclass(frozen=True)
class ProblemWork:
    """The problems :func:`add_problems` put in, by id."""

    school: str
    open_deadline: int
    open_immediate: int
    escalated: int
    fixed: int
    numbered: int


def add_problems(db: Database, school_name: str, today: date) -> ProblemWork:
    """Five problems at ``school_name``: two open (one with a deadline, one 立行立改), one
    escalated, one fixed, and one open at another school with a notice number and date."""
    with db.session() as session:
        school = session.scalars(select(School).where(School.name == school_name)).one()
        other = session.scalars(
            select(School).where(School.id != school.id).order_by(School.id)
        ).first()
        assert other is not None

        def problem(**fields: object) -> Problem:
            fields.setdefault("found_on", date(today.year, today.month, 1))
            row = Problem(**fields)
            session.add(row)
            return row

        rows = [
            problem(school=school, description="食堂留样记录不全，缺10月15日至20日的记录。",
                    category=ProblemCategory.GENERAL.value,
                    requirement=Requirement.DEADLINE.value, deadline=date(2026, 11, 20)),
            problem(school=school, description="消防通道堆放杂物。",
                    category=ProblemCategory.KEY.value,
                    requirement=Requirement.IMMEDIATE.value),
            problem(school=school, description="校舍D级危房仍在使用。",
                    category=ProblemCategory.SERIOUS.value,
                    requirement=Requirement.DEADLINE.value, deadline=date(2026, 12, 31),
                    status=ProblemStatus.ESCALATED.value, escalated_on=today),
            problem(school=school, description="已整改的老问题。",
                    status=ProblemStatus.FIXED.value, closed_on=today),
            problem(school=other, description="课后服务收费未公示。",
                    found_on=date(2026, 10, 20),
                    notice_no="督整〔2026〕7号", notice_date=date(2026, 10, 26),
                    deadline=date(2026, 11, 9)),
        ]  # fmt: skip
        session.flush()
        return ProblemWork(school_name, *(row.id for row in rows))
