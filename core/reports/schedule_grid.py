"""The calendar grid of the 督导工作安排表, made to be read on the wall.

Each day's cell opens with the day (in the heavier face, marked 休 or 班 where the office's
calendar differs from the week) and the number of its visits, then lists them as
"学校（督学）", one entry per visit — on one line, or the school and then "（督学）" on lines of
their own, continued lines indented. The entries are printed as large as the cell allows (the
size chosen by breaking the lines as ReportLab's CJK wrapping breaks them; the cell draws the
very lines it measured, straight on the canvas, so a month of a county's visits costs no
paragraph per entry) — a day with one visit gets a large entry — and never smaller than
:data:`ENTRY_SIZES`' last (9 pt on A4, 12.7 pt on A3): a long name wraps inside its cell (an
entry takes at most :data:`MAX_ENTRY_LINES` lines; a longer one is cut with "…", the lists after
the grid print it whole). A day with more visits than its cell holds at the smallest size lists
the first ones and "…另 N 项见续表": the :class:`Continuation` right under the grid lists the rest
of those days, so every visit of the grid is printed with it.

The grid takes the height left on its page (:class:`FillRest`), so what fits in a cell is known
only when the page is laid out; the continuation is built then, from what the grid left out,
and the grid leaves room for it on its page. The weeks' rows are of one height unless a
week's fullest day needs more to list every visit and the other weeks can spare it.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table
from reportlab.platypus.paragraph import ALL_CANNOT_START

from core.office.workdays import WEEKDAYS, WorkCalendar
from core.reports.document import GRID_COLOR, HEADER_FILL, Report, clean

OFF_FILL = colors.Color(0.86, 0.86, 0.86)
ENTRY_SIZES = (14.0, 13.0, 12.0, 11.0, 10.0, 9.0)
"""The sizes an entry is tried at (points on A4, scaled with the paper), largest first."""
LINE_SPACING = 1.15
ENTRY_GAP = 0.12
"""Space above each entry, in lines."""
DAY_SIZE, COUNT_SIZE = 12.0, 9.0
DAY_SPACING = 1.2
COUNT_ONLY_SIZE, COUNT_ONLY_GAP, COUNT_ONLY_SPACING = 16.0, 4.0, 1.4
"""The number of visits of a cell that lists none (the overview): its size, the space above
it and its line spacing."""
MAX_ENTRY_LINES = 4
INDENT, HANG = 1.0, 0.5
"""The indent of an entry's continued lines and the room kept for hanging punctuation (ems)."""
GRID_HEADER_HEIGHT = 18.0
PAD = 2.5
TOP_PAD = 0.6
"""The padding above a cell's day number, in :data:`PAD`s (below it: one)."""
ELLIPSIS = "…"
CONTINUATION_GAP = 3 * mm
FITTING_ATTEMPTS = 4
"""How many heights a grid is tried at to leave room for its continuation on its page."""


@dataclass(frozen=True)
class Entry:
    """One line item of a day: what the cell prints and what the continuation prints."""

    day: date
    school: str
    inspector: str
    zone: str


@dataclass(frozen=True)
class _Lines:
    """An entry as printed: the lines of "学校（督学）" (``second`` empty), or the school's lines
    then the inspector's."""

    first: tuple[str, ...]
    second: tuple[str, ...] = ()
    cut: bool = False

    @property
    def count(self) -> int:
        return len(self.first) + len(self.second)


def _one_line(text: str) -> str:
    return clean(text).replace("\n", " ")


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
        self._widths: dict[str, float] = {}
        self._text_widths: dict[str, list[float]] = {}
        self._broken: dict[tuple[str, float, float], tuple[str, ...]] = {}
        self._names: dict[Entry, tuple[str, str]] = {}
        self._entries: dict[tuple[Entry, float], _Lines] = {}

    def lines(self, text: str, size: float, first: float) -> tuple[str, ...]:
        """``text`` broken into lines as ReportLab's ``cjkFragSplit`` breaks it, the first
        line ``first`` ems short of the full width (the others :data:`INDENT` more)."""
        key = (text, size, first)
        found = self._broken.get(key)
        if found is None:
            found = self._broken[key] = self._break(text, size, first)
        return found

    def _width(self, char: str) -> float:
        """The width of ``char`` at 1 pt (in the font that draws it)."""
        found = self._widths.get(char)
        if found is None:
            found = self._widths[char] = self.report.text_width(char, 1.0)
        return found

    def _count(self, text: str, size: float, first: float) -> int:
        return len(self.lines(text, size, first))

    def _break(self, text: str, size: float, first: float) -> tuple[str, ...]:
        widths = self._text_widths.get(text)
        if widths is None:
            widths = self._text_widths[text] = [self._width(c) for c in text]
        room = self.width / size - first
        lines: list[str] = []
        start = i = 0
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
            lines.append(text[start:i])
            room, start, used = self.width / size - INDENT - HANG, i, 0.0
        if used > 0 or not lines:
            lines.append(text[start:])
        return tuple(lines)

    def _lines(self, school: str, inspector: str, size: float) -> _Lines:
        whole = self.lines(school + inspector, size, HANG)
        if len(whole) == 1:
            return _Lines(whole)
        return _Lines(self.lines(school, size, HANG), self.lines(inspector, size, INDENT + HANG))

    def entry(self, entry: Entry, size: float) -> _Lines:
        """The entry at ``size`` points, its names cut with "…" to at most
        :data:`MAX_ENTRY_LINES` lines (the inspector's to one line less)."""
        found = self._entries.get((entry, size))
        if found is None:
            found = self._entries[entry, size] = self._entry(entry, size)
        return found

    def _entry(self, entry: Entry, size: float) -> _Lines:
        names = self._names.get(entry)
        if names is None:
            names = self._names[entry] = (
                _one_line(entry.school),
                f"（{_one_line(entry.inspector)}）",
            )
        school, inspector = names
        lines = self._lines(school, inspector, size)
        if lines.count <= MAX_ENTRY_LINES:
            return lines
        if self._count(inspector, size, INDENT + HANG) >= MAX_ENTRY_LINES:
            inspector = self._cut(inspector, size, INDENT + HANG, MAX_ENTRY_LINES - 1, "）")
        room = MAX_ENTRY_LINES - self._count(inspector, size, INDENT + HANG)
        school = self._cut(school, size, HANG, room)
        lines = self._lines(school, inspector, size)
        return _Lines(lines.first, lines.second, cut=True)

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


def _more(left: int) -> str:
    return f"…另 {left} 项见续表"


def _fit(measure: _Measure, entries: Sequence[Entry], room: float, scale: float) -> _Fit:
    """The largest size at which every entry fits in ``room`` points, uncut but at the
    smallest size; there, the first entries that fit with a last line saying how many are left
    out."""
    for size in ENTRY_SIZES:
        points = size * scale
        if len(entries) * (1 + ENTRY_GAP) * points * LINE_SPACING > room:
            continue  # not even a line each
        fitted = [measure.entry(e, points) for e in entries]
        total = sum(e.count + ENTRY_GAP for e in fitted)
        whole = size == ENTRY_SIZES[-1] or not any(e.cut for e in fitted)
        if whole and total * points * LINE_SPACING <= room:
            return _Fit(size, fitted, 0)
    points = ENTRY_SIZES[-1] * scale
    more = measure._count(_more(len(entries)), points, HANG)
    budget = room / (points * LINE_SPACING) - more - ENTRY_GAP
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


@dataclass(frozen=True)
class _Line:
    """A line of a day's cell: where it starts (points right of the cell's left edge), its
    baseline (points below the cell's top), its size, and its text in (font, text) runs."""

    x: float
    baseline: float
    size: float
    runs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _DayCell:
    """What a day's cell prints, line by line (:class:`_Line`), and the height it takes."""

    lines: list[_Line]
    height: float

    def text(self, canv: Any, left: float, top: float) -> Any:
        """The cell's lines as a text object, the cell's text starting at ``left``, ``top``."""
        text = canv.beginText()
        current = None
        for line in self.lines:
            text.setTextOrigin(left + line.x, top - line.baseline)
            for face, part in line.runs:
                if current != (face, line.size):
                    current = (face, line.size)
                    text.setFont(face, line.size)
                text.textOut(part)
        return text


class FillRest(Flowable):
    """A month's grid drawn for the height left on the page (at least ``min_height``): it fills
    the rest of the page instead of guessing how tall the heading above it came out — less the
    room of its :class:`Continuation`, so that the visits its cells cannot list are printed on
    the grid's page too (unless that would make the grid shorter than ``min_height``)."""

    def __init__(self, grid: MonthGrid, min_height: float) -> None:
        super().__init__()
        self.grid, self.min_height = grid, min_height
        self.drawing: _Drawing | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        whole = height = max(available_height, self.min_height)
        for _attempt in range(FITTING_ATTEMPTS):  # a shorter grid may leave out more visits
            self.drawing = self.grid.drawing(height)
            below = self.grid.continuation_height(available_width)
            if height + below <= whole + 0.01:
                break
            height = whole - below
            if height < self.min_height:
                self.drawing = self.grid.drawing(whole)
                break
        assert self.drawing is not None
        self.width, self.height = self.drawing.width, self.drawing.height
        return self.width, self.height

    def draw(self) -> None:
        assert self.drawing is not None
        self.drawing.draw_on(self.canv)


@dataclass
class _Drawing:
    """A month's grid as drawn: the weekday row ``header`` tall, then a row per week (of the
    heights ``rows``) of :class:`_DayCell` (None outside the month), days off shaded."""

    report: Report
    column: float
    header: float
    rows: list[float]
    cells: list[list[tuple[_DayCell, bool] | None]]

    @property
    def width(self) -> float:
        return self.column * 7

    @property
    def height(self) -> float:
        return self.header + sum(self.rows)

    def draw_on(self, canv: Any) -> None:
        """Draw the grid with its bottom left corner at the origin: fills, text, then rules
        as the report's ruled tables have them (thin lines, a heavier box)."""
        report, top = self.report, self.height
        canv.saveState()
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, top - self.header, self.width, self.header, stroke=0, fill=1)
        tops = [top - self.header - sum(self.rows[:r]) for r in range(len(self.rows) + 1)]
        for r, week in enumerate(self.cells):
            for c, cell in enumerate(week):
                if cell is not None and not cell[1]:
                    canv.setFillColor(OFF_FILL)
                    canv.rect(c * self.column, tops[r + 1], self.column, self.rows[r],
                              stroke=0, fill=1)  # fmt: skip
        canv.setFillColor(colors.black)
        style = report.styles["header"]
        pad = report.cell_padding
        # where a one-line cell of a ruled table stands, vertically centred
        middle = (pad * 1.2 + self.header - pad * 0.8 + style.leading) / 2
        baseline = top - self.header + middle - style.fontSize
        canv.setFont(style.fontName, style.fontSize)
        for c, name in enumerate(WEEKDAYS):
            canv.drawCentredString((c + 0.5) * self.column, baseline, f"星期{name}")
        inset = PAD * report.frame.scale
        for r, week in enumerate(self.cells):
            cell_top = tops[r] - inset * TOP_PAD
            for c, cell in enumerate(week):
                if cell is not None:  # a text object a cell, so the text reads cell by cell
                    canv.drawText(cell[0].text(canv, c * self.column + inset, cell_top))
        canv.setStrokeColor(GRID_COLOR)
        canv.setLineWidth(0.5)
        lines = [(c * self.column, 0.0, c * self.column, top) for c in range(1, 7)]
        lines += [(0.0, y, self.width, y) for y in tops[:-1]]
        canv.lines(lines)
        canv.setLineWidth(0.9)
        canv.rect(0, 0, self.width, top, stroke=1, fill=0)
        canv.restoreState()


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
        self._runs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._workdays: dict[date, bool] = {}
        self._continued: tuple[tuple[Entry, ...], Table] | None = None

    def with_entries(self, entries: Sequence[Entry], *, counts_only: bool = False) -> MonthGrid:
        """A grid of the same month for other entries (a zone's …), sharing what this one has
        measured and looked up."""
        grid = MonthGrid(self.report, self.year, self.month, entries, self.work,
                         counts_only=counts_only)  # fmt: skip
        grid.measure, grid._runs, grid._workdays = self.measure, self._runs, self._workdays
        return grid

    def flowable(self, min_height: float) -> FillRest:
        """The grid as a flowable filling the rest of its page."""
        return FillRest(self, min_height)

    def continuation(self) -> Table | None:
        """The table of the visits :attr:`left_out` (None when there are none)."""
        if not self.left_out:
            return None
        key = tuple(self.left_out)
        if self._continued is None or self._continued[0] != key:
            rows = [
                [f"{e.day.month}月{e.day.day}日", WEEKDAYS[e.day.weekday()], e.school,
                 e.inspector, e.zone]
                for e in self.left_out
            ]  # fmt: skip
            table = self.report.grid(Continuation.HEADERS, rows, Continuation.WEIGHTS, "CCLLL",
                                     caption="续表：日历格中未能列出的督导")  # fmt: skip
            self._continued = (key, table)
        return self._continued[1]

    def continuation_height(self, width: float) -> float:
        """The height :class:`Continuation` takes under the grid (with the gap above it)."""
        table = self.continuation()
        if table is None:
            return 0.0
        return table.wrap(width, self.report.height)[1] + self.gap

    @property
    def gap(self) -> float:
        """The space between the grid and its continuation."""
        return CONTINUATION_GAP * self.report.frame.scale

    def left_out_at(self, height: float) -> int:
        """How many visits the cells of a grid ``height`` points tall cannot list."""
        scale = self.report.frame.scale
        left = 0
        for week, row in zip(self._weeks(), self._row_heights(height), strict=True):
            room = self._cell_room(row)
            left += sum(_fit(self.measure, self.by_day.get(day, []), room, scale).left_out
                        for day in week if day.month == self.month)  # fmt: skip
        return left

    def _weeks(self) -> list[list[date]]:
        return calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)

    def _row_heights(self, height: float) -> list[float]:
        """The heights of the weeks' rows in a grid ``height`` points tall: all the same,
        unless some day would then leave visits out while every visit fits when each week
        takes what its fullest day needs at the smallest size — then each week gets that and
        an equal share of the rest (a week of few visits gives room to a week of many)."""
        scale = self.report.frame.scale
        weeks = self._weeks()
        rows = height - GRID_HEADER_HEIGHT * scale - 1
        equal = [rows / len(weeks)] * len(weeks)
        if self.counts_only:
            return equal
        needs = [max(self._need(day) for day in week if day.month == self.month) for week in weeks]
        if max(needs) <= equal[0] or sum(needs) > rows:
            return equal
        spare = (rows - sum(needs)) / len(weeks)
        return [need + spare for need in needs]

    def _need(self, day: date) -> float:
        """The height of the day's cell listing every visit of the day at the smallest size."""
        scale = self.report.frame.scale
        points = ENTRY_SIZES[-1] * scale
        lines = sum(self.measure.entry(e, points).count + ENTRY_GAP
                    for e in self.by_day.get(day, []))  # fmt: skip
        return self._above_entries() + lines * points * LINE_SPACING + 1e-6

    def _above_entries(self) -> float:
        """The height of a cell's padding and day heading."""
        scale = self.report.frame.scale
        return (TOP_PAD + 1) * PAD * scale + DAY_SIZE * scale * DAY_SPACING

    def _cell_room(self, row_height: float) -> float:
        """The room for entries in a cell of a row ``row_height`` points tall."""
        return row_height - self._above_entries()

    def drawing(self, height: float) -> _Drawing:
        """The grid for ``height`` points (what does not fit goes to :attr:`left_out`)."""
        scale = self.report.frame.scale
        rows = self._row_heights(height)
        self.left_out = []
        cells: list[list[tuple[_DayCell, bool] | None]] = [
            [
                (self._cell(day, self._cell_room(row)), self._workday(day))
                if day.month == self.month
                else None
                for day in week
            ]
            for week, row in zip(self._weeks(), rows, strict=True)
        ]
        return _Drawing(self.report, self.width, GRID_HEADER_HEIGHT * scale, rows, cells)

    def _cell(self, day: date, room: float) -> _DayCell:
        """The day's cell: its heading, then its entries at the size that fits ``room`` points
        (or the number of visits alone); the entries left out go to :attr:`left_out`."""
        report, scale = self.report, self.report.frame.scale
        entries = self.by_day.get(day, [])
        lines = self._heading(day, len(entries))
        y = DAY_SIZE * scale * DAY_SPACING
        if entries and self.counts_only:
            size = COUNT_ONLY_SIZE * scale
            text = f"督导 {len(entries)} 项"
            x = (self.measure.width - report.text_width(text, size)) / 2
            y += COUNT_ONLY_GAP * scale
            lines.append(_Line(x, y + size, size, self._runs_of(text, report.fonts.body)))
            y += size * COUNT_ONLY_SPACING
        elif entries:
            fit = _fit(self.measure, entries, room, scale)
            em = fit.size * scale
            left = len(entries) - len(fit.entries)
            paragraphs = [
                (part, indent)
                for entry in fit.entries
                for part, indent in ((entry.first, 0.0), (entry.second, INDENT))
                if part
            ]
            if left:
                paragraphs.append((self.measure.lines(_more(left), em, HANG), 0.0))
            for part, indent in paragraphs:
                if indent == 0.0:  # an entry begins
                    y += em * LINE_SPACING * ENTRY_GAP
                for n, text in enumerate(part):
                    x = em * (indent if n == 0 else INDENT)
                    lines.append(_Line(x, y + em, em, self._runs_of(text, report.fonts.body)))
                    y += em * LINE_SPACING
            self.left_out += entries[len(fit.entries) :]
        return _DayCell(lines, y)

    def _heading(self, day: date, count: int) -> list[_Line]:
        """The day's number in the heavier face (with 休 or 班), and its number of visits."""
        mark = ""
        if self._workday(day) and day.weekday() >= 5:
            mark = " 班"
        elif not self._workday(day) and day.weekday() < 5:
            mark = " 休"
        fonts, scale = self.report.fonts, self.report.frame.scale
        size, baseline = DAY_SIZE * scale, DAY_SIZE * scale
        number = f"{day.day}{mark}"
        lines = [_Line(0.0, baseline, size, self._runs_of(number, fonts.title))]
        if count and not self.counts_only:
            x = self.report.text_width(number, size, fonts.title)
            tally = f"　共 {count} 项"
            lines.append(_Line(x, baseline, COUNT_SIZE * scale, self._runs_of(tally, fonts.body)))
        return lines

    def _workday(self, day: date) -> bool:
        found = self._workdays.get(day)
        if found is None:
            found = self._workdays[day] = self.work.is_workday(day)
        return found

    def _runs_of(self, text: str, font: str) -> tuple[tuple[str, str], ...]:
        key = (text, font)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = tuple(self.report.fonts.runs(text, font))
        return found


class Continuation(Flowable):
    """The visits a grid's cells could not list, as a table right under the grid: built once
    the grid is laid out (it is placed after the grid, so the grid has been measured)."""

    HEADERS = ("日期", "星期", "学校（园）", "责任督学", "责任区")
    WEIGHTS = (10, 6, 44, 20, 20)

    def __init__(self, grid: MonthGrid) -> None:
        super().__init__()
        self.grid = grid

    def getSpaceBefore(self) -> float:
        return self.grid.gap if self.grid.left_out else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        table = self.grid.continuation()
        if table is None:
            return 0, 0
        return table.wrap(available_width, available_height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        table = self.grid.continuation()
        return [] if table is None else table.split(available_width, available_height)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        table = self.grid.continuation()
        if table is not None:
            table.drawOn(canvas, x, y, _sW)
