"""Every character of a real name prints: 𠮷 (CJK Extension B) and 㵘 (Extension A), which the
bundled font lacks, come from a rare-character font of the PC in the roster, the school sign and
the visit plan, and extracting the PDF's text gives them back (poppler and pypdf). A character
that no font has prints as its code, and the report says which."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.calendar.month_plan import generate_month
from core.reports import write_report
from core.reports.fonts import report_fonts
from db.engine import Database
from db.models import Assignment, Inspector, School

TODAY = date(2026, 11, 2)
RARE_B, RARE_A = "𠮷", "㵘"
INSPECTOR = f"王{RARE_B}{RARE_A}"
SCHOOL = f"{RARE_B}{RARE_A}小学"
NO_FONT = "\U0010fffd"  # a private-use character of the last plane: in no font


def _rare_font_missing() -> bool:
    fonts = report_fonts()
    return any(fonts.face_for(c, fonts.body) is None for c in (RARE_A, RARE_B))


needs_rare_font = pytest.mark.skipif(
    _rare_font_missing(),
    reason="needs a font with CJK Extension A and B: Debian's fonts-hanazono "
    "(HanaMinA/HanaMinB) or Windows' SimSun-ExtB",
)


def rename(db: Database, inspector: str, school: str) -> None:
    """Give the first 挂牌 inspector and their first school the names given, and plan the
    month so the school has a visit."""
    with db.session() as session:
        assignment = session.scalars(select(Assignment).order_by(Assignment.id)).first()
        session.get(Inspector, assignment.inspector_id).name = inspector
        session.get(School, assignment.school_id).name = school
    generate_month(db, TODAY.year, TODAY.month, TODAY)


def texts(path: Path) -> tuple[str, str]:
    """The PDF's text as poppler and as pypdf extract it."""
    poppler = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return poppler, "\n".join(page.extract_text() for page in PdfReader(path).pages)


@needs_rare_font
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
@pytest.mark.parametrize(
    ("kind", "options"),
    [("roster", {}), ("sign", {"school": SCHOOL}), ("schedule", {"inspector": INSPECTOR})],
)
def test_rare_characters_print_and_copy_back_out(demo_db, tmp_path, kind, options):
    rename(demo_db, INSPECTOR, SCHOOL)
    warnings: list[str] = []
    out = write_report(
        demo_db, kind, tmp_path / f"{kind}.pdf", today=TODAY, warnings=warnings, **options
    )
    for text in texts(out):
        assert INSPECTOR in text
        assert SCHOOL in "".join(text.split())
        assert "□" not in text
    assert warnings == []


def test_a_character_no_font_has_prints_as_its_code_with_a_warning(demo_db, tmp_path):
    rename(demo_db, f"王{NO_FONT}明", "实验小学")
    warnings: list[str] = []
    out = write_report(demo_db, "roster", tmp_path / "roster.pdf", today=TODAY, warnings=warnings)
    assert "王[U+10FFFD]明" in "".join(PdfReader(out).pages[0].extract_text().split())
    assert warnings == [
        f"注意：没有字体能显示字符 “{NO_FONT}”（U+10FFFD），报表中已印为其编码（[U+…]）。"
    ]
