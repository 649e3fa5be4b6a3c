"""The cells of the schedule's calendar grid: whatever the names and however many visits a day
holds, what a cell prints fits inside it (ReportLab's own wrapping measured, with hanging
punctuation), the entries are never smaller than 9 pt on A4 (12.7 pt on A3), a lone visit is
printed larger, and every visit is either in its cell or left out for the continuation."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from core.office.workdays import WorkCalendar
from core.reports.document import PageFrame, Report
from core.reports.schedule_grid import ENTRY_SIZES, PAD, TOP_PAD, Entry, MonthGrid

DAY = date(2026, 11, 18)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
NAME_CHARS = st.one_of(CJK, st.sampled_from("ABCxyz0123（）·、"))


def grid_for(entries: list[Entry], paper: str = "A4") -> MonthGrid:
    frame = PageFrame("督导室", "督导工作安排表", "本月", DAY, landscape=True, paper=paper)
    return MonthGrid(Report(frame), DAY.year, DAY.month, entries, WorkCalendar())


def laid_out(grid: MonthGrid, height: float) -> tuple[list[Paragraph], float, float]:
    """The cell of :data:`DAY` in a grid ``height`` tall, its inner width and height."""
    scale = grid.report.frame.scale
    cell = grid._cell(DAY, grid._cell_room(height))
    inner_height = grid._row_height(height) - PAD * scale * (TOP_PAD + 1)
    return cell, grid.width - 2 * PAD * scale, inner_height


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
    used = 0.0
    for flowable in cell:
        _width, h = flowable.wrap(width, room)
        used += h + flowable.getSpaceBefore()
        for line in getattr(flowable.blPara, "lines", []):
            extent = line[0] if isinstance(line, tuple) else line.extraSpace
            assert extent >= -flowable.style.fontSize - 0.01  # one punctuation mark hangs
    assert used <= room + 0.01
    firsts = [p for p in cell[1:] if p.style.name.startswith("calendar_entry")]
    shown = len(firsts) - (1 if grid.left_out else 0)
    assert shown + len(grid.left_out) == len(entries)
    sizes = {p.style.fontSize for p in cell[1:]}
    assert min(sizes) >= ENTRY_SIZES[-1] * scale - 0.01


def test_a_lone_visit_is_printed_large_and_a_long_inspector_name_wraps():
    grid = grid_for(entries_of(["青溪县实验小学"], ["欧阳" + "长名字" * 6]))
    cell, width, room = laid_out(grid, 440)
    assert cell[1].style.fontSize > ENTRY_SIZES[-1]
    assert not grid.left_out
    assert sum(p.wrap(width, room)[1] + p.getSpaceBefore() for p in cell) <= room
