"""The cells of the schedule's calendar grid: whatever the names and however many visits a day
holds, what a cell prints fits inside it (every line measured in the faces it is drawn with;
only a closing punctuation mark may hang past the line, into the half character kept free), the
entries are never smaller than 9 pt on A4 (12.7 pt on A3), a lone visit is printed larger, and
every visit is either in its cell or left out for the continuation."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

from core.office.workdays import WorkCalendar
from core.reports.document import PageFrame, Report
from core.reports.schedule_grid import (
    DAY_SIZE,
    DAY_SPACING,
    ENTRY_SIZES,
    HANG,
    PAD,
    TOP_PAD,
    Entry,
    MonthGrid,
)

DAY = date(2026, 11, 18)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
NAME_CHARS = st.one_of(CJK, st.sampled_from("ABCxyz0123（）·、"))


def grid_for(entries: list[Entry], paper: str = "A4") -> MonthGrid:
    frame = PageFrame("督导室", "督导工作安排表", "本月", DAY, landscape=True, paper=paper)
    return MonthGrid(Report(frame), DAY.year, DAY.month, entries, WorkCalendar())


def laid_out(grid: MonthGrid, height: float):
    """The cell of :data:`DAY` in a grid ``height`` tall, with the width and the height inside
    its padding."""
    scale = grid.report.frame.scale
    drawing = grid.drawing(height)
    week = next(r for r, days in enumerate(grid._weeks()) if DAY in days)
    cell = drawing.cells[week][DAY.weekday()][0]
    inner_height = drawing.rows[week] - PAD * scale * (TOP_PAD + 1)
    return cell, grid.width - 2 * PAD * scale, inner_height


def entry_lines(grid: MonthGrid, cell):
    """The lines of a cell below its heading (the day and its number of visits)."""
    heading = DAY_SIZE * grid.report.frame.scale
    return [line for line in cell.lines if line.baseline > heading + 0.01]


def text_of(line) -> str:
    return "".join(part for _face, part in line.runs)


def width_of(line) -> float:
    return sum(stringWidth(part, face, line.size) for face, part in line.runs)


def entries_of(schools: list[str], inspectors: list[str]) -> list[Entry]:
    return [Entry(DAY, s, i, "城关") for s, i in zip(schools, inspectors, strict=False)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    schools=st.lists(st.text(NAME_CHARS, min_size=1, max_size=60), min_size=1, max_size=12),
    inspectors=st.lists(st.text(NAME_CHARS, min_size=1, max_size=25), min_size=12, max_size=12),
    height=st.floats(min_value=300, max_value=520),
    paper=st.sampled_from(["A4", "A3"]),
)
def test_a_cell_holds_what_it_prints_and_leaves_out_the_rest(schools, inspectors, height, paper):
    entries = entries_of(schools, inspectors)
    grid = grid_for(entries, paper)
    scale = grid.report.frame.scale
    height *= scale
    cell, width, room = laid_out(grid, height)
    assert cell.height <= room + 0.01
    lines = entry_lines(grid, cell)
    for line in lines:
        right = line.x + width_of(line)
        if right > width - HANG * line.size + 0.01:  # only a closing mark hangs, by one at most
            assert text_of(line)[-1] in paragraph.ALL_CANNOT_START, text_of(line)  # as extended
            right -= stringWidth(text_of(line)[-1], line.runs[-1][0], line.size)
            assert right <= width - HANG * line.size + 0.01, text_of(line)
        assert line.baseline <= cell.height + 0.01
    firsts = [line for line in lines if line.x == 0]  # an entry's first line, or "…另 N 项"
    shown = len(firsts) - (1 if grid.left_out else 0)
    assert shown + len(grid.left_out) == len(entries)
    if grid.left_out:
        assert text_of(firsts[-1]) == f"…另 {len(grid.left_out)} 项见续表"
    assert min(line.size for line in lines) >= ENTRY_SIZES[-1] * scale - 0.01


def test_a_lone_visit_is_printed_large_and_a_long_inspector_name_wraps():
    name = "欧阳" + "长名字" * 6
    grid = grid_for(entries_of(["青溪县实验小学"], [name]))
    cell, _width, room = laid_out(grid, 440)
    lines = entry_lines(grid, cell)
    assert min(line.size for line in lines) > ENTRY_SIZES[-1]
    assert not grid.left_out
    assert cell.height <= room + DAY_SIZE * DAY_SPACING
    assert "".join(text_of(line) for line in lines) == f"青溪县实验小学（{name}）"
    assert len(lines) >= 3  # the school, then the name over more than one line
