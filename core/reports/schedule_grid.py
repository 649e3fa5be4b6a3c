"""The calendar grid of the 督导工作安排表, made to be read on the wall.

Each day's cell opens with the day (in the heavier face, marked 休 or 班 where the office's
calendar differs from the week) and the number of its visits, then lists them as
"学校（督学）", one entry per visit — on one line, or the school and then "（督学）" on lines of
their own, continued lines indented. The entries are printed as large as the cell allows (the
size chosen by counting lines as ReportLab's CJK wrapping breaks them, then checked against the
laid-out paragraphs) — a day with one visit gets a large entry — and never smaller than
:data:`ENTRY_SIZES`' last (9 pt on A4, 12.7 pt on A3): a long name wraps inside its cell (an
entry takes at most :data:`MAX_ENTRY_LINES` lines; a longer one is cut with "…", the lists after
the grid print it whole). A day with more visits than its cell holds at the smallest size lists
the first ones and "…另 N 项见续表": the :class:`Continuation` right under the grid lists the rest
of those days, so every visit of the grid is printed with it.

The grid takes the height left on its page (:class:`FillRest`), so what fits in a cell is known
only when the page is laid out; the continuation is built then, from what the grid left out.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.paragraph import ALL_CANNOT_START

from core.office.workdays import WEEKDAYS, WorkCalendar
from core.reports.document import HEADER_FILL, Report

OFF_FILL = colors.Color(0.86, 0.86, 0.86)
ENTRY_SIZES = (14.0, 13.0, 12.0, 11.0, 10.0, 9.0)
"""The sizes an entry is tried at (points on A4, scaled with the paper), largest first."""
LINE_SPACING = 1.15
ENTRY_GAP = 0.12
"""Space above each entry, in lines."""
DAY_SIZE, COUNT_SIZE = 12.0, 9.0
DAY_SPACING = 1.2
MAX_ENTRY_LINES = 4
INDENT, HANG = 1.0, 0.5
"""The indent of an entry's continued lines and the room kept for hanging punctuation (ems)."""
GRID_HEADER_HEIGHT = 18.0
PAD = 2.5
TOP_PAD = 0.6
"""The padding above a cell's day number, in :data:`PAD`s (below it: one)."""
ELLIPSIS = "…"


@dataclass(frozen=True)
class Entry:
    """One line item of a day: what the cell prints and what the continuation prints."""

    day: date
    school: str
    inspector: str
    zone: str


@dataclass(frozen=True)
class _Lines:
    """An entry as printed: on one line, or the school then "（督学）" on lines of their own."""

    school: str
    inspector: str
    count: int
    cut: bool = False

    def markups(self, report: Report) -> list[str]:
        """The entry's paragraphs: one, or the school's and the inspector's."""
        if self.count == 1:
            return [report.fragment(self.school + self.inspector)]
        return [report.fragment(self.school), report.fragment(self.inspector)]


@dataclass(frozen=True)
class _Fit:
    size: float
    entries: list[_Lines]
    left_out: int


class _Measure:
    """How entries wrap at a size, as ReportLab's CJK wrapping breaks them: between any two
    characters (Latin text at a space, if one is near), except before closing punctuation, which
    hangs at the end of the line into the half character kept free on the right; the first
    line full width, the others indented by one character."""

    def __init__(self, report: Report, width: float) -> None:
        self.report, self.width = report, width
        self._widths: dict[str, list[float]] = {}

    def _count(self, text: str, size: float, first: float) -> int:
        """The lines ``text`` takes, broken as ReportLab's ``cjkFragSplit`` breaks them."""
        widths = self._widths.get(text)
        if widths is None:
            widths = [self.report.text_width(c, 1.0) for c in text]
            self._widths[text] = widths
        room = self.width / size - first
        lines = start = i = 0
        used = 0.0
        while i < len(text):
            char = text[i]
            used += widths[i]
            i += 1
            if used <= room + 1e-6:
                continue
            if ord(char) < 0x3000:  # Latin: back to a space or a CJK character, if near
                for j in range(i - 1, (start + i) >> 1, -1):
                    if unicodedata.category(text[j]) == "Zs" or ord(text[j]) >= 0x3000:
                        if j + 1 < i:
                            char, i = text[j + 1], j + 2
                        break
            if char not in ALL_CANNOT_START and i > start + 1:
                i -= 1  # the character goes on the next line; one that cannot start one hangs
            lines += 1
            room, start, used = self.width / size - INDENT - HANG, i, 0.0
        return lines + (used > 0) or 1

    def _lines(self, school: str, inspector: str, size: float) -> _Lines:
        if self._count(school + inspector, size, HANG) == 1:
            return _Lines(school, inspector, 1)
        count = self._count(school, size, HANG) + self._count(inspector, size, INDENT + HANG)
        return _Lines(school, inspector, count)

    def entry(self, entry: Entry, size: float) -> _Lines:
        """The entry at ``size`` points, its names cut with "…" to at most
        :data:`MAX_ENTRY_LINES` lines (the inspector's to one line less)."""
        school, inspector = entry.school, f"（{entry.inspector}）"
        lines = self._lines(school, inspector, size)
        if lines.count <= MAX_ENTRY_LINES:
            return lines
        if self._count(inspector, size, INDENT + HANG) >= MAX_ENTRY_LINES:
            inspector = self._cut(inspector, size, INDENT + HANG, MAX_ENTRY_LINES - 1, "）")
        room = MAX_ENTRY_LINES - self._count(inspector, size, INDENT + HANG)
        school = self._cut(school, size, HANG, room)
        lines = self._lines(school, inspector, size)
        return _Lines(lines.school, lines.inspector, lines.count, cut=True)

    def _cut(self, text: str, size: float, first: float, lines: int, end: str = "") -> str:
        """The longest start of ``text`` that with "…" (and ``end``) fits in ``lines``."""
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self._count(text[:middle] + ELLIPSIS + end, size, first) <= lines:
                low = middle
            else:
                high = middle - 1
        return text[:low] + ELLIPSIS + end


def _fit(measure: _Measure, entries: Sequence[Entry], room: float, scale: float) -> _Fit:
    """The largest size at which every entry fits in ``room`` points, uncut but at the
    smallest size; there, the first entries that fit with a last line saying how many are left
    out."""
    for size in ENTRY_SIZES:
        points = size * scale
        fitted = [measure.entry(e, points) for e in entries]
        total = sum(e.count + ENTRY_GAP for e in fitted)
        whole = size == ENTRY_SIZES[-1] or not any(e.cut for e in fitted)
        if whole and total * points * LINE_SPACING <= room:
            return _Fit(size, fitted, 0)
    points = ENTRY_SIZES[-1] * scale
    budget = room / (points * LINE_SPACING) - 1 - ENTRY_GAP  # a line for "…另 N 项见续表"
    shown: list[_Lines] = []
    used = 0.0
    for entry in entries:
        entry_lines = measure.entry(entry, points)
        need = entry_lines.count + ENTRY_GAP
        if used + need > budget:
            break
        shown.append(entry_lines)
        used += need
    return _Fit(ENTRY_SIZES[-1], shown, len(entries) - len(shown))


class _Entry(Paragraph):
    """A cell's paragraph that lays itself out once per width: the cell measures it and the
    table lays it out again at the same width (its layout does not depend on the height)."""

    _laid_out: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._laid_out and abs(self._laid_out[0] - availWidth) < 1e-6:
            return self._laid_out[1]
        size = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, size)
        return size


class FillRest(Flowable):
    """A table built for the height left on the page (at least ``min_height``): it fills the
    rest of the page instead of guessing how tall the heading above it came out."""

    def __init__(self, build: Callable[[float], Table], min_height: float) -> None:
        super().__init__()
        self.build, self.min_height = build, min_height
        self.table: Table | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.table = self.build(max(available_height, self.min_height))
        self.width, self.height = self.table.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        assert self.table is not None
        self.table.drawOn(self.canv, 0, 0)


class MonthGrid:
    """The grid of one month for a set of entries (all of the print's, or one zone's).

    ``counts_only`` prints in each cell the number of visits alone, large (the office-wide
    overview when the zones follow on pages of their own). After the grid is laid out,
    :attr:`left_out` holds the entries its cells could not list.
    """

    def __init__(
        self,
        report: Report,
        year: int,
        month: int,
        entries: Sequence[Entry],
        work: WorkCalendar,
        *,
        counts_only: bool = False,
    ) -> None:
        self.report, self.year, self.month, self.work = report, year, month, work
        self.counts_only = counts_only
        self.by_day: dict[date, list[Entry]] = {}
        for entry in entries:
            self.by_day.setdefault(entry.day, []).append(entry)
        self.left_out: list[Entry] = []
        self.width = report.width / 7
        self.measure = _Measure(report, self.width - 2 * PAD * report.frame.scale)
        self._styles: dict[tuple[float, bool, bool], ParagraphStyle] = {}
        if "calendar_count" not in report.styles:
            report.add_style("calendar_count", report.fonts.body, 16, TA_CENTER, spaceBefore=4)

    def flowable(self, min_height: float) -> FillRest:
        """The grid as a flowable filling the rest of its page."""
        return FillRest(self.table, min_height)

    def left_out_at(self, height: float) -> int:
        """How many visits the cells of a grid ``height`` points tall cannot list."""
        room = self._cell_room(height)
        scale = self.report.frame.scale
        return sum(_fit(self.measure, e, room, scale).left_out for e in self.by_day.values())

    def _weeks(self) -> list[list[date]]:
        return calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)

    def _row_height(self, height: float) -> float:
        scale = self.report.frame.scale
        return (height - GRID_HEADER_HEIGHT * scale - 1) / len(self._weeks())

    def _cell_room(self, height: float) -> float:
        scale = self.report.frame.scale
        heading = DAY_SIZE * scale * DAY_SPACING
        return self._row_height(height) - (TOP_PAD + 1) * PAD * scale - heading

    def table(self, height: float) -> Table:
        """The grid for ``height`` points (what does not fit goes to :attr:`left_out`)."""
        report, scale = self.report, self.report.frame.scale
        weeks, room = self._weeks(), self._cell_room(height)
        row_height = self._row_height(height)
        self.left_out = []
        pad = PAD * scale
        data: list[list[Any]] = [[report.para(f"星期{w}", "header") for w in WEEKDAYS]]
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 1), (-1, -1), pad * TOP_PAD),
            ("BOTTOMPADDING", (0, 1), (-1, -1), pad),
            ("LEFTPADDING", (0, 1), (-1, -1), pad),
            ("RIGHTPADDING", (0, 1), (-1, -1), pad),
        ]
        for r, week in enumerate(weeks, start=1):
            row: list[Any] = []
            for c, day in enumerate(week):
                if day.month != self.month:
                    row.append("")
                    continue
                if not self.work.is_workday(day):
                    commands.append(("BACKGROUND", (c, r), (c, r), OFF_FILL))
                row.append(self._cell(day, room))
            data.append(row)
        return report.ruled(
            data,
            [self.width] * 7,
            commands,
            row_heights=[GRID_HEADER_HEIGHT * scale] + [row_height] * len(weeks),
        )

    def _cell(self, day: date, room: float) -> list[Flowable]:
        report, scale = self.report, self.report.frame.scale
        entries = self.by_day.get(day, [])
        cell: list[Flowable] = [Paragraph(self._heading(day, len(entries)), self._style(DAY_SIZE))]
        if not entries:
            return cell
        if self.counts_only:
            cell.append(report.para(f"督导 {len(entries)} 项", "calendar_count"))
            return cell
        fit = _fit(self.measure, entries, room, scale)
        style = self._style(fit.size, indent=True)
        styles = (style, self._style(fit.size, indent=True, continued=True))
        shown = [
            [_Entry(markup, styles[n > 0]) for n, markup in enumerate(lines.markups(report))]
            for lines in fit.entries
        ]
        while True:  # as laid out, in case the estimate was short (runs of punctuation …)
            left = len(entries) - len(shown)
            more = [_Entry(report.fragment(f"…另 {left} 项见续表"), style)] if left else []
            paragraphs = [p for entry in shown for p in entry] + more
            used = sum(p.wrap(self.measure.width, room)[1] + p.getSpaceBefore()
                       for p in paragraphs)  # fmt: skip
            if used <= room or not shown:
                break
            shown.pop()
        self.left_out += entries[len(shown) :]
        return cell + paragraphs

    def _heading(self, day: date, count: int) -> str:
        mark = ""
        if self.work.is_workday(day) and day.weekday() >= 5:
            mark = " 班"
        elif not self.work.is_workday(day) and day.weekday() < 5:
            mark = " 休"
        title, size = self.report.fonts.title, COUNT_SIZE * self.report.frame.scale
        number = f'<font face="{title}">{day.day}{mark}</font>'
        if not count or self.counts_only:
            return number
        return number + f'<font size="{size:g}">　共 {count} 项</font>'

    def _style(
        self, size: float, *, indent: bool = False, continued: bool = False
    ) -> ParagraphStyle:
        """The cell style at ``size`` (A4 points): the day's heading; an entry's (``indent``:
        continued lines indented by a character, a gap above); or the rest of an entry
        (``continued``: every line indented, no gap)."""
        key = (size, indent, continued)
        if key not in self._styles:
            em = size * self.report.frame.scale
            kind = "continued" if continued else "entry" if indent else "day"
            extra: dict[str, Any] = {"line_spacing": LINE_SPACING if indent else DAY_SPACING}
            if indent:
                extra.update(leftIndent=em * INDENT, rightIndent=em * HANG)
                if not continued:
                    extra.update(firstLineIndent=-em * INDENT,
                                 spaceBefore=em * LINE_SPACING * ENTRY_GAP)  # fmt: skip
            style = self.report.add_style(f"calendar_{kind}_{size:g}", self.report.fonts.body,
                                          size, **extra)  # fmt: skip
            self._styles[key] = style
        return self._styles[key]


class Continuation(Flowable):
    """The visits a grid's cells could not list, as a table right under the grid: built once
    the grid is laid out (it is placed after the grid, so the grid has been measured)."""

    HEADERS = ("日期", "星期", "学校（园）", "责任督学", "责任区")
    WEIGHTS = (10, 6, 44, 20, 20)

    def __init__(self, grid: MonthGrid) -> None:
        super().__init__()
        self.grid = grid
        self._table: Table | None = None

    def _built(self) -> Table | None:
        if self._table is None and self.grid.left_out:
            report = self.grid.report
            rows = [
                [f"{e.day.month}月{e.day.day}日", WEEKDAYS[e.day.weekday()], e.school,
                 e.inspector, e.zone]
                for e in self.grid.left_out
            ]  # fmt: skip
            self._table = report.grid(self.HEADERS, rows, self.WEIGHTS, "CCLLL",
                                      caption="续表：日历格中未能列出的督导")  # fmt: skip
        return self._table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        table = self._built()
        if table is None:
            return 0, 0
        return table.wrap(available_width, available_height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        table = self._built()
        return [] if table is None else table.split(available_width, available_height)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        table = self._built()
        if table is not None:
            table.drawOn(canvas, x, y, _sW)
