"""督导记录表: the blank form offers every item of the office's list, every method and "六个至少"
as open boxes on one page; a filled form ticks what the record holds (an item since dropped from
the list included) and prints its texts; a visit without a record is filled in its heading only;
hostile text prints literally; an unknown visit is refused. The boxes are drawn, a square of
most of an em with a tick when chosen, not the font's small □ and ■."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from core.calendar.visits import load_inspection_items, save_inspection_items
from core.enums import InspectionMethod, SixMinimum, VisitKind
from core.errors import ValidationError
from core.reports import write_report
from db.engine import Database
from db.models import Visit, VisitRecord
from tests.db.report_helpers import (
    ADVICE,
    FEEDBACK,
    FINDINGS,
    OLD_ITEM,
    PROBLEMS_FOUND,
    RECORD_ITEMS,
    VisitWork,
    add_visit_work,
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    printed,
)

TODAY = date(2026, 11, 2)
HOSTILE = "<b>&</b>实验小学"
RARE, EMOJI = "\U00020000", "\U0001f600"
LABELS = ("学校（园）", "督导日期", "责任督学", "同行督学", "督导类型", "主要督导事项",
          "督导方式", "“六个至少”", "发现情况", "存在问题", "意见建议", "现场反馈", "督学签字",
          "学校负责人签字")  # fmt: skip


@pytest.fixture
def planned(demo_db: Database) -> VisitWork:
    return add_visit_work(demo_db, TODAY)


def write(db: Database, folder: Path, visit: int | None = None) -> Path:
    return write_report(db, "visit-form", folder / "form.pdf", today=TODAY, visit=visit)


def test_the_blank_form_offers_every_choice_unticked_on_one_page(demo_db, tmp_path):
    pages = pages_text(write(demo_db, tmp_path))
    assert len(pages) == 1
    text = flat(pages[0])
    assert "督导记录表" in text
    for label in LABELS:
        assert label in text
    for number, item in enumerate(load_inspection_items(demo_db), start=1):
        assert f"□{number}.{flat(item)}" in text
    for kind in (*VisitKind, *InspectionMethod, *SixMinimum):
        assert f"□{flat(kind.label)}" in text
    assert "■" not in text
    assert text.count("年月日") == 3  # 督导日期 and the two signatures, to fill by hand


def test_the_form_follows_the_offices_edited_item_list(demo_db, tmp_path):
    save_inspection_items(demo_db, ["防溺水安全教育", "课后服务"])
    text = flat(pages_text(write(demo_db, tmp_path))[0])
    assert "□1.防溺水安全教育" in text and "□2.课后服务" in text
    assert "3." not in text.split("主要督导事项")[1].split("督导方式")[0]


@needs_poppler
def test_the_filled_form_ticks_and_prints_the_record(demo_db, planned, tmp_path):
    path = write(demo_db, tmp_path, planned.done_visit)
    pages = pages_text(path)
    assert len(pages) == 1
    text = flat(pages[0])
    with demo_db.session() as session:
        visit = session.get(Visit, planned.done_visit)
        day = visit.visit_date
    items = load_inspection_items(demo_db)
    for expected in (planned.done_school, planned.done_inspector, planned.companion,
                     f"{day.year}年{day.month}月{day.day}日", f"编号：{planned.done_visit}",
                     f"归档日期：{day.year}年{day.month}月{day.day}日",
                     FINDINGS, PROBLEMS_FOUND, ADVICE, FEEDBACK):  # fmt: skip
        assert flat(expected) in text
    assert "■经常性督导□专项督导" in text
    for number, item in enumerate(items, start=1):
        box = "■" if item in RECORD_ITEMS else "□"
        assert f"{box}{number}.{flat(item)}" in text
    assert f"■{OLD_ITEM}" in text, "an item no longer on the list stays in the record"
    assert "■校园巡视□随机(推门)听课■查阅资料□问卷调查" in text
    assert "■查看作业□观摩课后服务" in text
    assert text.count("■") == 2 + 1 + 2 + 1 + 1  # items, old item, methods, six, kind
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)
    boxes = drawn_boxes(path, tmp_path)
    assert len(boxes) == 28
    assert [ticked for _mark, ticked in boxes] == [mark == "■" for mark, _ticked in boxes]


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([■□])<')


def drawn_boxes(path: Path, folder: Path) -> list[tuple[str, bool]]:
    """(the box's character in the text, ticked as drawn?) for every box of the first page,
    read from the page rendered at 144 dpi where the text has the character. Each must be drawn
    as a square at least 0.65 em a side; it counts as ticked when its middle is inked."""
    layout = subprocess.run(["pdftotext", "-bbox", "-l", "1", str(path), "-"],
                            check=True, capture_output=True, text=True).stdout  # fmt: skip
    prefix = folder / "boxes"
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "144", "-singlefile", str(path),
                    str(prefix)], check=True)  # fmt: skip
    found = []
    with Image.open(f"{prefix}.png") as rendered:
        picture = rendered.convert("L")
        scale = picture.width / float(PdfReader(path).pages[0].mediabox.width)
        for x, top, bottom, mark in _WORD.findall(layout):
            em = float(bottom) - float(top)
            area = [
                round(v * scale) for v in (float(x) - 1, float(top), float(x) + em, float(bottom))
            ]
            cell = picture.crop(tuple(area)).point(lambda v: 255 if v < 128 else 0)
            ink = cell.getbbox()
            assert ink is not None, f"no box drawn at {x}, {top}"
            width, height = (ink[2] - ink[0]) / scale, (ink[3] - ink[1]) / scale
            assert 0.65 * em <= width <= em and 0.65 * em <= height <= em, (width, height)
            left, upper, right, lower = ink
            quarter_x, quarter_y = (right - left) // 4, (lower - upper) // 4
            inner = cell.crop((left + quarter_x, upper + quarter_y,
                               right - quarter_x, lower - quarter_y))  # fmt: skip
            inked = sum(inner.histogram()[128:]) / (inner.width * inner.height)
            assert inked < 0.6, "a ticked box is a tick in a square, not a filled square"
            found.append((mark, inked > 0.05))
    return found


def test_a_visit_without_a_record_fills_only_its_heading(demo_db, planned, tmp_path):
    text = flat(pages_text(write(demo_db, tmp_path, planned.special_visit))[0])
    assert planned.special_school in text
    assert "■专项督导" in text and "专项主题：双减" in text
    assert text.count("■") == 1
    assert "归档日期" not in text


def test_an_unknown_visit_is_refused(demo_db, tmp_path):
    with pytest.raises(ValidationError, match="没有编号为 999999 的督导") as refused:
        write(demo_db, tmp_path, 999999)
    assert refused.value.errors[0].field == "visit"
    assert not (tmp_path / "form.pdf").exists()


@needs_poppler
def test_hostile_record_text_prints_literally_and_long_text_runs_on(demo_db, planned, tmp_path):
    long_findings = "发现情况很多。" * 300
    with demo_db.session() as session:
        record = session.get(VisitRecord, planned.done_visit)
        record.findings = long_findings
        record.problems = f"{HOSTILE}{EMOJI}{RARE}\n第二行"
        record.advice = "<br/>&amp;" + "长" * 300
        record.items = [*record.items, "<i>自定义</i>事项"]
        record.methods = [*record.methods, "unknown-method"]
    path = write(demo_db, tmp_path, planned.done_visit)
    pages = pages_text(path)
    assert len(pages) >= 2
    text = flat("\n".join(pages))
    assert text.count("发现情况很多。") == 300
    assert printed(f"{HOSTILE}{EMOJI}{RARE}") + "第二行" in text
    assert "<br/>&amp;" + "长" * 300 in text
    assert "■<i>自定义</i>事项" in text and "■unknown-method" in text
    assert len(PdfReader(path).pages) == len(pages)
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)
