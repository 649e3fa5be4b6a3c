"""The 督导工作安排表 posted on the wall: entries at least 9 pt on A4 and 11 pt on A3 and larger
where a cell has room, a 20-character inspector name kept inside its day's cell, the schools
without a visit listed with the generator's reason, and the holiday line for a year whose
holidays are not known. Positions and sizes are read back from the PDF with poppler's
``pdftotext -bbox`` (a word's box is as tall as its font size)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import delete, select

from core.calendar.month_plan import generate_month
from core.errors import ValidationError
from core.office.workdays import PROVISIONAL, certainty_notice, package_knows
from core.reports import write_report
from db.engine import Database
from db.models import Inspector, School, Visit
from tests.db.report_helpers import flat, needs_poppler, pages_text

TODAY = date(2026, 11, 2)
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def size(self) -> float:
        return self.y1 - self.y0


def words(path: Path, page: int = 1) -> list[Word]:
    """The words of one page with their boxes (points, y downwards)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return [
        Word(m.group(5), *(float(m.group(i)) for i in range(1, 5))) for m in WORD.finditer(html)
    ]


def grid_words(path: Path) -> list[Word]:
    """The words inside the first page's calendar: below the weekday row, above the footer."""
    found = words(path)
    top = next(w for w in found if w.text == "星期一").y1
    bottom = next(w for w in found if w.text.startswith("打印日期")).y0
    return [w for w in found if top < w.y0 and w.y1 < bottom]


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "schedule", folder / "schedule.pdf", today=TODAY, **options)


@pytest.fixture
def planned(demo_db: Database) -> Database:
    generate_month(demo_db, TODAY.year, TODAY.month, TODAY)
    return demo_db


@needs_poppler
@pytest.mark.parametrize(("paper", "smallest"), [("A4", 9), ("A3", 11)])
def test_entries_are_large_where_the_cell_has_room_and_never_small(
    planned, tmp_path, paper, smallest
):
    path = write(planned, tmp_path, paper=paper)
    assert PdfReader(path).pages[0].mediabox.width == pytest.approx(
        {"A4": 841.89, "A3": 1190.55}[paper], abs=0.1
    )
    sizes = [w.size for w in grid_words(path)]
    assert sizes and min(sizes) >= smallest - 0.1
    assert max(sizes) >= 1.3 * smallest  # a day with one visit prints it large


@needs_poppler
def test_a_twenty_character_inspector_name_stays_inside_its_days_cell(demo_db, tmp_path):
    name = "欧阳" + "长名字" * 6
    assert len(name) == 20
    with demo_db.session() as session:
        inspector = Inspector(name=name)
        school = session.scalars(select(School).order_by(School.id)).first()
        session.add(inspector)
        session.flush()
        session.add(Visit(visit_date=date(2026, 11, 18), school_id=school.id,
                          inspector_id=inspector.id))  # fmt: skip
    path = write(demo_db, tmp_path, inspector=name)
    found = grid_words(path)

    def day(number: int) -> Word:
        return next(w for w in found if w.text == str(number) and w.size > 11)

    left, top = day(18).x0 - 3, day(18).y0 - 3  # a Wednesday: Thursday is right of it,
    right, bottom = day(19).x0 - 3, day(25).y0 - 3  # the next Wednesday below
    inside = [w for w in found if set(w.text) & set(name)]
    assert inside
    for word in inside:
        assert left <= word.x0 and word.x1 <= right, f"{word} leaves its column"
        assert top <= word.y0 and word.y1 <= bottom, f"{word} leaves its week"
    assert name in "".join(w.text for w in inside)


def test_the_schools_without_a_visit_are_listed_with_the_reason(planned, tmp_path):
    with planned.session() as session:
        unvisited = session.scalars(select(School).order_by(School.id)).first()
        session.execute(delete(Visit).where(Visit.school_id == unvisited.id))
        row = f"{unvisited.name}{unvisited.zone.name}"
        session.add(School(name="新建的无督学小学", kind="primary", enrolment=10))
    text = flat("\n".join(pages_text(write(planned, tmp_path))))
    count = int(re.search(r"本月没有督导的学校（园）(\d+)所", text).group(1))
    listed = text.split("本月没有督导的学校（园）：")[1].split("：本月督导")[0]
    assert listed.startswith(f"{count}所") and count >= 2
    assert re.search(f"{row}[^0-9]+尚未安排（生成本月计划可安排）", listed)
    assert f"{count}新建的无督学小学未划分责任区—没有责任督学" in listed

    past = flat("\n".join(pages_text(write(planned, tmp_path, month="2026-10"))))
    listed = past.split("本月没有督导的学校（园）：")[1]
    assert "新建的无督学小学未划分责任区—没有责任督学" in listed
    assert re.search(f"{row}[^0-9]+本月未安排督导", listed)  # its visits are all gone
    assert "尚未安排" not in listed


def test_a_year_whose_holidays_are_not_complete_says_so_above_the_grid(demo_db, tmp_path):
    # chinese-calendar does not know 2099; the holidays package's public holidays are provisional.
    assert not package_knows(2099)
    text = flat(pages_text(write(demo_db, tmp_path, month="2099-01"))[0])
    assert flat(f"注意：{certainty_notice(2099, PROVISIONAL)}。") in text
    assert "2099年的节假日安排尚未确定" in text
    assert text.index("注意：") < text.index("星期一")
    known = flat(pages_text(write(demo_db, tmp_path, month="2026-11"))[0])
    assert "注意：" not in known


def test_a3_is_printed_by_the_wall_reports_and_refused_by_the_others(demo_db, tmp_path):
    for kind in ("roster", "schedule"):
        out = write_report(demo_db, kind, tmp_path / f"{kind}.pdf", today=TODAY, paper="a3")
        page = PdfReader(out).pages[0]
        assert max(page.mediabox.width, page.mediabox.height) == pytest.approx(1190.55, abs=0.1)
    with pytest.raises(ValidationError, match="督导记录表只能用 A4 纸打印") as refused:
        write_report(demo_db, "visit-form", tmp_path / "form.pdf", today=TODAY, paper="A3")
    assert refused.value.errors[0].field == "paper"
    assert not (tmp_path / "form.pdf").exists()
