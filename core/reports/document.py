"""The common frame of every report: paper, page decoration, styles, safe text and tables.

A :class:`Report` collects ReportLab flowables and writes them as one PDF. Page 1 opens with
the title block (title, office, date range); every later page carries a running header with the
office, the title and the date range; every page has a footer with the print date and
"第 X 页 共 Y 页". The total is known only at the end, so :class:`_NumberedCanvas` keeps each
finished page and decorates them all when the document is saved (one typesetting pass).

User text never reaches a Paragraph unescaped: :meth:`Report.fragment` escapes it
(``xml.sax.saxutils.escape`` semantics, so ``<b>&实验小学`` prints literally), drops control
characters, turns line breaks into ``<br/>`` and routes characters the face lacks to a fallback
font (see :mod:`core.reports.fonts`). Table cells are Paragraphs with CJK line breaking, which
may break between any two characters, so a 300-character name wraps inside its column — except
a cell of one line that its face draws whole, which the table draws as text where the
paragraph's line would stand (a paragraph per cell made long tables slow); a row taller than a
page is split across pages; column widths always add up to the frame.

The look is office paper: black text, thin grid lines, a light grey header row, the title in
the heavier face and the body in the Song-like face where the PC has one.
"""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _rl_paragraph

from core.i18n import _
from core.jobs import progress
from core.reports import check_box
from core.reports.fonts import ReportFonts, report_fonts
from core.reports.settings import ReportSettings

PAPERS = {"A4": A4, "A3": A3}
GRID_COLOR = colors.black
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
MIN_DECORATION_SIZE = 5.0
ELLIPSIS = "…"
TAIL_ROWS = 2
"""Rows of a table that go on with the closing lines under it when these move to a new page."""
TAIL_LINES = 2
"""Lines of a paragraph that go on with the closing lines under it."""
NOTE_STYLE = "cell"
"""The style of a note under a table: it stays with the table's last rows."""
CLOSING_PUNCTUATION = "，：；！？”’）》〉】…"
"""Chinese punctuation that must not begin a line. ReportLab's CJK line breaking hangs its own
list of such characters (。、」 …) at the end of the line before, but that list lacks these, so
they are added to it (once, for the whole process: both of its line breakers read the list)."""

for _module in (_rl_paragraph, _rl_textsplit):
    _module.ALL_CANNOT_START += "".join(
        c for c in CLOSING_PUNCTUATION if c not in _module.ALL_CANNOT_START
    )

# Compressed streams are written as they are, not again as ASCII85 text: a quarter smaller,
# and encoding ASCII85 in pure Python took about a millisecond a page.
rl_config.useA85 = 0


def cn_date(day: date) -> str:
    """A date as office text: 2026年11月2日."""
    return f"{day.year}年{day.month}月{day.day}日"


def iso(day: date | None) -> str:
    """A date in a table cell: 2026-11-02, or an em dash for none."""
    return day.isoformat() if day else "—"


def clean(value: object) -> str:
    """``value`` as printable text: None → "", tabs → spaces, control characters removed."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cs"))


def escape_text(value: object) -> str:
    """Paragraph markup that prints ``value`` literally (``&``, ``<``, ``>`` escaped)."""
    return escape(clean(value)).replace("\n", "<br/>")


@dataclass(frozen=True)
class PageFrame:
    """What every page shows, and the paper.

    ``period`` is the date range printed beside the title ("截至2026年11月2日"); a page with
    ``running_header`` False carries its own heading (the school sign) and gets the footer only;
    ``border`` draws a double rule round the page, the look of a sign board; ``marking`` (such
    as "内部资料") is printed at the right of every page's footer in the heavier face;
    ``margins_mm`` (sides, top, bottom) replaces the usual margins, as for an official document.
    """

    office: str
    title: str
    period: str
    printed_on: date
    landscape: bool = False
    paper: str = "A4"
    running_header: bool = True
    border: bool = False
    marking: str = ""
    margins_mm: tuple[float, float, float] | None = None

    @property
    def pagesize(self) -> tuple[float, float]:
        size = PAPERS[self.paper]
        return landscape(size) if self.landscape else size

    @property
    def scale(self) -> float:
        """Size of the paper relative to A4 (fonts and margins grow with it)."""
        return PAPERS[self.paper][0] / A4[0]


class _Typesetting:
    """ReportLab's progress (flowables placed of the story's) told to :func:`core.jobs.progress`."""

    def __init__(self) -> None:
        self.total = 0

    def report(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self.total = value
        elif kind == "PROGRESS":
            progress(value, self.total, _("排版"))


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end, then decorates each knowing the total."""

    def __init__(self, *args: Any, decorate: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        check_box.register(self)
        self._decorate = decorate
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


class _Grid(Table):
    """A table that splits inside a row only when that row could never fit on one page.

    ReportLab would split between rows and then place the rest in the space left on the same
    page, splitting the next row there after a second copy of the header rows. Here a row that
    fits on a page below the header rows is never split (it moves to the next page) and a
    taller one is split at once: the part of every cell that fits stays on this page, the rest
    goes on below the repeated header rows of the next (and so on, page after page).
    ReportLab's own split inside a row is not used: it loses a cell holding a single paragraph
    and wraps the paragraphs it splits at the column's width without its padding.
    """

    frame_height = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        fitting, used = 0, 0.0
        while fitting < len(heights) and used + heights[fitting] <= availHeight:
            used += heights[fitting]
            fitting += 1
        room = self.frame_height - sum(heights[: self.repeatRows])
        parts: list[Flowable] = []
        if self.repeatRows <= fitting < len(heights) and heights[fitting] > room:
            parts = self._split_inside(fitting, availWidth, availHeight, availHeight - used)
        if not parts:
            parts = self._splitRows(availHeight)
        for part in parts:
            part.frame_height = self.frame_height
        return parts

    def _split_inside(self, row: int, width: float, height: float, space: float) -> list[Flowable]:
        """Split the table inside ``row`` after what of it fits in ``space``, or return [] when
        the row had better start on the next page: when some cell could not begin here (the
        first lines of every cell always fit on a page of their own)."""
        fresh = height >= self.frame_height - 0.01
        top: list[Any] = []
        rest: list[Any] = []
        styles: tuple[list[Any], list[Any]] = ([], [])
        top_height = rest_height = 0.0
        cells = zip(self._cellvalues[row], self._cellStyles[row], strict=True)
        for column, (value, style) in enumerate(cells):
            span = self._spanRanges.get((column, row)) if self._spanCmds else (column, row) * 2
            if span is None or isinstance(value, str):  # covered by a spanned cell, or a label
                top.append(value)
                rest.append("")
            else:
                cell_width = sum(self._colWidths[span[0] : span[2] + 1])
                pad = style.topPadding + style.bottomPadding
                kept, moved = _split_cell(
                    [value] if isinstance(value, Flowable) else list(value),
                    cell_width - style.leftPadding - style.rightPadding,
                    space - pad - 0.01,
                )
                if not kept and not fresh:
                    return []
                top.append(kept)
                rest.append(moved)
                top_height = max(top_height, self._listCellGeom(kept, cell_width, style)[1] + pad)
                rest_height = max(
                    rest_height, self._listCellGeom(moved, cell_width, style)[1] + pad
                )
            for half in styles:
                half.append(style.copy())
                half[-1].valign = "TOP"
        if not any(isinstance(cell, list) and cell for cell in top):
            return []
        grid = self._with_row_split(row, top, rest, styles, (top_height, rest_height))
        grid._calc(width, height)
        return grid._splitRows(height)

    def _with_row_split(
        self,
        row: int,
        top: list[Any],
        rest: list[Any],
        styles: tuple[list[Any], list[Any]],
        heights: tuple[float, float],
    ) -> _Grid:
        """This table with ``row`` made into two rows, ``top`` and ``rest``, of fixed heights;
        lines and fills stretch over both, a span across columns is repeated in each, and
        a range that must not be split but holds the row is given up."""
        count = len(self._rowHeights)

        def stretched(commands: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
            return self._stretchCommands(row, commands, count)

        grid = _Grid(
            [*self._cellvalues[:row], top, rest, *self._cellvalues[row + 1 :]],
            colWidths=self._colWidths,
            rowHeights=[*self._rowHeights[:row], *heights, *self._rowHeights[row + 1 :]],
            repeatRows=self.repeatRows,
            normalizedData=1,
            cellStyles=[*self._cellStyles[:row], *styles, *self._cellStyles[row + 1 :]],
        )
        grid.frame_height = self.frame_height
        grid._linecmds = stretched(self._linecmds)
        grid._bkgrndcmds = stretched(self._bkgrndcmds)
        grid._srflcmds = stretched(self._srflcmds)
        grid._sircmds = stretched(self._sircmds)
        spans = []
        for command, (sc, sr), (ec, er) in stretched(self._spanCmds):
            if (sr, er) == (row, row + 1):
                spans += [(command, (sc, row), (ec, row)), (command, (sc, row + 1), (ec, row + 1))]
            else:
                spans.append((command, (sc, sr), (ec, er)))
        grid._spanCmds = spans
        grid._nosplitCmds = [
            (command, (sc, sr), (ec, er))
            for command, (sc, sr), (ec, er) in stretched(self._nosplitCmds)
            if not sr <= row < er
        ]
        return grid


class _KeepTail(KeepTogether):
    """A table or paragraph (``lead``) and the closing lines after it (``trailer``): the
    closing lines never stand on a page without the end of the lead.

    When the lead and the trailer do not fit where they are, the lead is split so that its
    last :data:`TAIL_ROWS` rows (a table, under its repeated header rows) or last
    :data:`TAIL_LINES` lines (a paragraph) go on with the trailer; when not even the start of
    the lead fits here, all of it starts on the next page, with the ``before`` flowables (the
    heading above it). A group taller than a page is set as it comes.
    """

    def __init__(
        self,
        before: Sequence[Flowable],
        lead: Flowable,
        trailer: Sequence[Flowable],
        frame_height: float,
    ) -> None:
        super().__init__([*before, lead, *trailer])
        self._before = list(before)
        self._lead = lead
        self._trailer = list(trailer)
        self._frame_height = frame_height

    def split(self, width: float, height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (width, height):
            self.wrap(width, height)
        content = list(self._content)
        needed: float = self._H + content[0].getSpaceBefore()
        if needed <= height:
            return content
        room = height - self._lead.getSpaceBefore()
        for flowable in self._before:
            room -= flowable.wrapOn(self.canv, width, height)[1]
            room -= flowable.getSpaceBefore() + flowable.getSpaceAfter()
        cut = self._cut(width, room)
        if cut is not None:
            parts = self._lead.splitOn(self.canv, width, cut)
            if len(parts) >= 2:
                rest = _KeepTail([], parts[-1], self._trailer, self._frame_height)
                return [*self._before, *parts[:-1], rest]
        if height < self._frame_height - 0.01:
            return []  # start on the next page
        return [KeepTogether.NullActionFlowable(), *content]  # taller than a page: as it comes

    def _cut(self, width: float, room: float) -> float | None:
        """The height to split the lead at, leaving its tail for the next page, or None."""
        lead = self._lead
        height = lead.wrapOn(self.canv, width, room)[1]
        if isinstance(lead, Table):
            heights = lead._rowHeights
            first = lead.repeatRows if isinstance(lead.repeatRows, int) else 0
            last = len(heights) - TAIL_ROWS  # the rows that may stay here
            used, rows = 0.0, 0
            while rows < last and used + heights[rows] <= room:
                used += heights[rows]
                rows += 1
            return used + 0.01 if rows > first else None
        if isinstance(lead, Paragraph):
            leading = lead.style.leading
            cut = min(room, height - TAIL_LINES * leading + 0.01)
            return cut if cut >= leading else None
        return None


def _split_cell(flowables: list[Flowable], width: float, height: float) -> tuple[list, list]:
    """The flowables of a cell that fit in ``width`` × ``height`` (the last one split where
    it can be), and the rest."""
    kept: list[Flowable] = []
    used = 0.0
    for index, flowable in enumerate(flowables):
        needed = flowable.wrap(width, height)[1] + flowable.getSpaceBefore()
        if used + needed <= height:
            kept.append(flowable)
            used += needed + flowable.getSpaceAfter()
            continue
        parts = flowable.split(width, height - used - flowable.getSpaceBefore())
        if len(parts) > 1:
            return [*kept, parts[0]], [*parts[1:], *flowables[index + 1 :]]
        return kept, flowables[index:]
    return kept, []


class Report:
    """One report being typeset: its page frame, fonts, paragraph styles and flowables."""

    def __init__(self, frame: PageFrame, fonts: ReportFonts | None = None) -> None:
        self.frame = frame
        self.fonts = fonts or report_fonts()
        s = frame.scale
        if frame.margins_mm:
            self.margin_x, self.margin_top, self.margin_bottom = (
                m * mm * s for m in frame.margins_mm
            )
        elif frame.border:
            self.margin_x = self.margin_top = self.margin_bottom = 20 * mm * s
        else:
            self.margin_x, self.margin_top = 15 * mm * s, 20 * mm * s
            self.margin_bottom = 16 * mm * s
        page_width, page_height = frame.pagesize
        self.width = page_width - 2 * self.margin_x
        self.height = page_height - self.margin_top - self.margin_bottom
        self.story: list[Flowable] = []
        self.styles: dict[str, ParagraphStyle] = {}
        self._plain: dict[tuple[str, str, float], bool] = {}
        self._widths: dict[tuple[str, float, str | None], float] = {}
        self._add_styles()

    # --- styles and text ----------------------------------------------------------------

    def add_style(
        self, name: str, font: str, size: float, align: int = TA_LEFT, **extra: Any
    ) -> ParagraphStyle:
        """Add a paragraph style (``size`` in points on A4, scaled with the paper)."""
        s = self.frame.scale
        style = ParagraphStyle(
            name,
            fontName=font,
            fontSize=size * s,
            leading=size * s * extra.pop("line_spacing", 1.4),
            alignment=align,
            wordWrap="CJK",
            **extra,
        )
        self.styles[name] = style
        return style

    def _add_styles(self) -> None:
        body, title, s = self.fonts.body, self.fonts.title, self.frame.scale
        self.add_style("title", title, 18, TA_CENTER, spaceAfter=4 * mm * s)
        self.add_style("heading", title, 12, spaceBefore=3 * mm * s, spaceAfter=2 * mm * s)
        self.add_style("body", body, 10.5, spaceAfter=1.5 * mm * s)
        self.add_style("info", body, 10.5)
        self.add_style("info_right", body, 10.5, TA_RIGHT)
        self.add_style("cell", body, 9)
        self.add_style("cell_center", body, 9, TA_CENTER)
        self.add_style("cell_right", body, 9, TA_RIGHT)
        self.add_style("header", title, 9, TA_CENTER)
        self.add_style("caption", title, 10.5)
        self.add_style("right", body, 10.5, TA_RIGHT)

    def fragment(self, value: object, font: str | None = None) -> str:
        """Escaped markup for user text in ``font`` (default: the body face), with fallbacks."""
        font = font or self.fonts.body
        parts = []
        for face, text in self.fonts.runs(clean(value), font):
            markup = escape_text(text)
            parts.append(markup if face == font else f'<font face="{face}">{markup}</font>')
        return "".join(parts)

    def para(self, value: object, style: str = "body") -> Paragraph:
        """A paragraph printing ``value`` literally in one of :attr:`styles`."""
        chosen = self.styles[style]
        return Paragraph(self.fragment(value, chosen.fontName), chosen)

    def text_width(self, text: str, size: float, font: str | None = None) -> float:
        """Width in points of one line of (user) text in ``font`` (default: the body face)."""
        key = (text, size, font)
        found = self._widths.get(key)
        if found is None:
            runs = self.fonts.runs(clean(text), font or self.fonts.body)
            found = self._widths[key] = sum(stringWidth(part, face, size) for face, part in runs)
        return found

    def shorten(self, text: str, room: float, size: float, font: str | None = None) -> str:
        """``text`` cut to fit ``room`` points on one line, ending in "…" when cut."""
        text = clean(text).replace("\n", " ")
        if self.text_width(text, size, font) <= room:
            return text
        low, high = 0, len(text)
        while low < high:  # the longest prefix that fits together with the ellipsis
            middle = (low + high + 1) // 2
            if self.text_width(text[:middle] + ELLIPSIS, size, font) <= room:
                low = middle
            else:
                high = middle - 1
        return text[:low] + ELLIPSIS

    # --- building blocks ------------------------------------------------------------------

    def title_block(self, summary: str | None = None, period_label: str = "统计时间") -> None:
        """The first page's heading: the title, then the office and the date range.

        ``period_label`` names the date range ("统计时间", or "计划时间" for a plan).
        """
        self.story.append(self.para(self.frame.title, "title"))
        self.info_line(f"单位：{self.frame.office}", f"{period_label}：{self.frame.period}")
        if summary:
            self.story.append(self.para(summary))

    def info_line(self, left: str, right: str) -> None:
        """One line under a title: ``left`` at the left margin, ``right`` at the right one."""
        style = self.styles["info"]
        right_width = min(self.width * 0.6, self.text_width(right, style.fontSize) + style.fontSize)
        info = Table(
            [[self.para(left, "info"), self.para(right, "info_right")]],
            colWidths=[self.width - right_width, right_width],
        )
        info.setStyle(self.table_style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                         ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                         ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))  # fmt: skip
        self.story.append(info)
        self.story.append(Spacer(1, 2 * mm * self.frame.scale))

    def heading(self, text: str) -> None:
        """A section heading (一、…) in the heavier face."""
        self.story.append(self.para(text, "heading"))

    def paragraph(self, text: object, style: str = "body") -> None:
        """A paragraph of (user) text, printed literally."""
        self.story.append(self.para(text, style))

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        weights: Sequence[float],
        align: str = "",
        caption: str | None = None,
    ) -> None:
        """A grid whose header row repeats on every page; ``weights`` share out the width.

        ``align`` holds one letter per column (L, C or R; default L). A cell may be text
        (printed literally) or a ready flowable. A ``caption`` (user text) heads the grid in the
        heavier face across all columns and repeats with the header row.
        """
        self.story.append(self.grid(headers, rows, weights, align, caption))
        self.story.append(Spacer(1, 1.5 * mm * self.frame.scale))

    def grid(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        weights: Sequence[float],
        align: str = "",
        caption: str | None = None,
    ) -> Table:
        """The grid :meth:`table` adds to the story, for a flowable of one's own."""
        if len(weights) != len(headers):
            raise ValueError("one weight per column")
        total = sum(weights)
        widths = [self.width * w / total for w in weights]
        inner = [w - 2 * self.cell_padding for w in widths]
        styles = {"L": "cell", "C": "cell_center", "R": "cell_right"}
        column_styles = [styles[a] for a in align.ljust(len(headers), "L")]
        data: list[list[Any]] = [[self._cell(h, "header", inner[i]) for i, h in enumerate(headers)]]
        commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
        if caption is not None:
            spanned = self._cell(caption, "caption", sum(widths) - 2 * self.cell_padding)
            data.insert(0, [spanned] + [""] * (len(headers) - 1))
            commands = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL)]
        top = len(data)
        for row in rows:
            data.append(
                [
                    cell
                    if isinstance(cell, Flowable)
                    else self._cell(cell, column_styles[i], inner[i])
                    for i, cell in enumerate(row)
                ]
            )
        # How the table draws the cells left as text: as the paragraphs they stand for.
        commands += [self._text_font((0, top - 1), (-1, top - 1), "header"),
                     ("ALIGN", (0, top - 1), (-1, top - 1), "CENTER"),
                     self._text_font((0, top), (-1, -1), "cell")]  # fmt: skip
        if caption is not None:
            commands.append(self._text_font((0, 0), (0, 0), "caption"))
        for i, letter in enumerate(align):
            if letter in "CR":
                commands.append(("ALIGN", (i, top), (i, -1), {"C": "CENTER", "R": "RIGHT"}[letter]))
        return self.ruled(data, widths, commands, header_rows=top)

    def _cell(self, value: object, style: str, width: float) -> str | Paragraph:
        """A table cell printing ``value`` literally in one of :attr:`styles`, ``width`` points
        wide inside its padding: the text itself when it is one line that the style's face
        draws whole (the table draws it where the paragraph's line would stand, faster than
        a paragraph), else a paragraph."""
        chosen = self.styles[style]
        text = clean(value)
        key = (text, style, width)
        plain = self._plain.get(key)
        if plain is None:
            plain = text == " ".join(text.split()) and (
                not text
                or (
                    self.fonts.runs(text, chosen.fontName) == [(chosen.fontName, text)]
                    and stringWidth(text, chosen.fontName, chosen.fontSize) < width
                )
            )
            self._plain[key] = plain
        if plain:
            return text
        return Paragraph(self.fragment(text, chosen.fontName), chosen)

    def _text_font(
        self, start: tuple[int, int], end: tuple[int, int], style: str
    ) -> tuple[Any, ...]:
        """The table style command that draws the text cells from ``start`` to ``end`` as
        paragraphs in one of :attr:`styles` would be drawn (face, size, line spacing)."""
        chosen = self.styles[style]
        return ("FONT", start, end, chosen.fontName, chosen.fontSize, chosen.leading)

    def ruled(
        self,
        data: list[list[Any]],
        widths: Sequence[float],
        commands: Sequence[tuple[Any, ...]] = (),
        *,
        header_rows: int = 0,
        row_heights: Sequence[float | None] | None = None,
        min_heights: Sequence[float] | None = None,
    ) -> Table:
        """A ruled grid of ready cells (thin lines, a heavier box), split between rows across
        pages — inside a row only when that row is taller than a page; ``header_rows`` repeat
        on every page. ``commands`` are extra table style commands (spans, fills …);
        ``row_heights`` fix the rows' heights, ``min_heights`` let them grow from a minimum."""
        pad = self.cell_padding
        grid = _Grid(
            data, colWidths=list(widths), rowHeights=row_heights, repeatRows=header_rows,
            minRowHeights=min_heights,
        )  # fmt: skip
        grid.frame_height = self.height
        grid.setStyle(
            self.table_style(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
                    ("BOX", (0, 0), (-1, -1), 0.9, GRID_COLOR),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 1.2),
                    *commands,
                ]
            )
        )
        return grid

    @property
    def cell_padding(self) -> float:
        """The padding left and right of a cell of a ruled grid."""
        return 2.5 * self.frame.scale

    def table_style(self, commands: list[tuple[Any, ...]]) -> TableStyle:
        """A table style whose cells default to the body face (never an unembedded base font)."""
        return TableStyle([("FONT", (0, 0), (-1, -1), self.fonts.body, 9 * self.frame.scale),
                           *commands])  # fmt: skip

    def signature_block(
        self,
        settings: ReportSettings,
        day: date,
        style: str = "right",
        keep_with: Sequence[Flowable] = (),
    ) -> None:
        """The closing lines on the right: who issues the report, the seal note, the date.

        They never stand on a page alone. ``keep_with`` are the flowables before them (the
        closing paragraph of a notice) that move to the next page with them; without it they
        keep with the end of what the story holds: the last rows of the table above (with the
        notes under it) or the last lines of the closing paragraph (see :class:`_KeepTail`).
        """
        lines: list[Flowable] = [Spacer(1, 6 * mm * self.frame.scale)]
        lines.append(self.para(settings.signature or self.frame.office, style))
        if settings.seal:
            lines.append(self.para(settings.seal, style))
        lines.append(self.para(cn_date(day), style))
        if keep_with:
            self.story.append(KeepTogether([*keep_with, *lines]))
            return
        self.story.append(self._keep_with_end(lines))

    def keep_with_last(self, flowables: Sequence[Flowable]) -> None:
        """Add ``flowables`` (a chart under the table it draws …) so that they never start a
        page apart from the end of the table or paragraph above them: when they do not fit
        under it, its last rows or lines go on with them (see :meth:`signature_block`)."""
        self.story.append(self._keep_with_end(list(flowables)))

    def _keep_with_end(self, trailer: list[Flowable]) -> Flowable:
        """``trailer`` bound to the end of the story in one :class:`_KeepTail`, which takes
        from the story its lead — the last table (with the spacers and notes under it, which
        join the trailer), else the last paragraph — and the heading right above the lead.
        A story ending in anything else gets a plain group with the trailer."""
        story = self.story

        def movable(flowable: Flowable) -> bool:
            return isinstance(flowable, Spacer) or (
                isinstance(flowable, Paragraph) and flowable.style.name == NOTE_STYLE
            )

        lead = len(story) - 1
        while lead >= 0 and isinstance(story[lead], Spacer):
            lead -= 1
        above = lead
        while above >= 0 and movable(story[above]):
            above -= 1
        if above >= 0 and isinstance(story[above], Table):
            lead = above  # a table with its notes: the table leads
        if lead < 0 or not isinstance(story[lead], (Table, Paragraph)):
            ending = story[lead + 1 :]
            del story[lead + 1 :]
            return KeepTogether([*ending, *trailer])
        first = lead
        if first and isinstance(story[first - 1], Paragraph):
            first -= story[first - 1].style.name == "heading"
        before, ending = story[first:lead], story[lead + 1 :]
        group = _KeepTail(before, story[lead], [*ending, *trailer], self.height)
        del story[first:]
        return group

    # --- writing --------------------------------------------------------------------------

    def write(self, out: Path) -> Path:
        """Typeset the story into ``out`` (replaced only once the whole PDF is ready)."""
        frame = self.frame
        buffer = io.BytesIO()
        page = Frame(
            self.margin_x,
            self.margin_bottom,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc = BaseDocTemplate(
            buffer,
            pagesize=frame.pagesize,
            leftMargin=self.margin_x,
            rightMargin=self.margin_x,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=frame.title,
            author=frame.office,
            creator="督导工作台",
            initialFontName=self.fonts.body,
            lang="zh-CN",
            pageTemplates=[PageTemplate("page", [page])],
        )
        doc.setProgressCallBack(_Typesetting().report)
        doc.build(self.story, canvasmaker=partial(_NumberedCanvas, decorate=self._decorate))
        temporary = out.with_name(f".{out.name}.partial")
        try:
            temporary.write_bytes(buffer.getvalue())
            os.replace(temporary, out)
        finally:
            temporary.unlink(missing_ok=True)
        return out

    def _decorate(self, canv: Canvas, number: int, total: int) -> None:
        frame, s = self.frame, self.frame.scale
        page_width, page_height = frame.pagesize
        left, right = self.margin_x, page_width - self.margin_x
        size = 9 * s
        canv.saveState()
        canv.setStrokeColor(GRID_COLOR)
        canv.setFillColor(colors.black)
        canv.setLineWidth(0.5)
        if frame.running_header and number > 1:
            y = page_height - self.margin_top + 6 * mm * s
            heading = f"{frame.title}（{frame.period}）"
            fit = self._fitting_size(size, right - left - 10 * mm, frame.office, heading)
            self._draw(canv, left, y, frame.office, fit, "L")
            self._draw(canv, right, y, heading, fit, "R")
            canv.line(left, y - 2 * mm * s, right, y - 2 * mm * s)
        if frame.border:
            self._border(canv)
        y = 7 * mm * s
        self._draw(canv, left, y, f"打印日期：{cn_date(frame.printed_on)}", size, "L")
        self._draw(canv, page_width / 2, y, f"第 {number} 页 共 {total} 页", size, "C")
        if frame.marking:
            self._draw(canv, right, y, frame.marking, size, "R", self.fonts.title)
        canv.restoreState()

    def _border(self, canv: Canvas) -> None:
        s = self.frame.scale
        page_width, page_height = self.frame.pagesize
        for inset, line in ((12 * mm * s, 2.0 * s), (14 * mm * s, 0.6 * s)):
            canv.setLineWidth(line)
            canv.rect(inset, inset, page_width - 2 * inset, page_height - 2 * inset)

    def _fitting_size(self, size: float, room: float, *texts: str) -> float:
        width = sum(self.text_width(t, size) for t in texts)
        if width <= room:
            return size
        return max(MIN_DECORATION_SIZE, size * room / width)

    def _draw(
        self,
        canv: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        align: str,
        font: str | None = None,
    ) -> None:
        """Draw one line of (user) text on the canvas, with fallback fonts, aligned at ``x``."""
        line = clean(text).replace("\n", " ")
        runs = self.fonts.runs(line, font or self.fonts.body)
        x -= {"L": 0.0, "C": 0.5, "R": 1.0}[align] * self.text_width(line, size, font)
        for face, part in runs:
            canv.setFont(face, size)
            canv.drawString(x, y, part)
            x += self.text_width(part, size, face)
