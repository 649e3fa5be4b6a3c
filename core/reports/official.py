"""The layout of the office's official documents (整改通知书, 督办通知, 通报) after GB/T 9704-2012.

- A4; the text area (版心) is 156 × 225 mm, 37 mm from the top edge and 28 mm from the left.
- The body is 3号 (16 pt) in the 仿宋 face (FangSong on Windows; elsewhere the bundled font stands
  in, see :mod:`core.reports.fonts`; the PDF's subject says which) on a grid of 22 lines × 28
  characters: every character sits in its own cell (a half-width one in half a cell), so a
  page holds exactly that, as a word processor's document grid does. A paragraph starts two
  characters in; closing punctuation never starts a line, an opening one never ends it.
- 版头 in the document (文件) format: the issuing organ (发文机关标识) in red in the heavier face,
  its top 35 mm below the text area's top; the document number (发文字号) two lines under it,
  centred; a red rule the width of the text area 4 mm under that.
- The title in 2号 (22 pt) in the heavier face (小标宋 where the PC has it, else 黑体 or the
  bundled font), two lines under the rule; the addressee (主送机关) one line under the title.
- The date (成文日期) ends four characters from the right; the issuing organ is centred over it;
  three blank lines above leave room for the seal, which is stamped by hand — no "（盖章）" text.
- Page numbers "— 1 —" in 4号 (14 pt) 7 mm under the text area: odd pages on the right, even
  pages on the left, one character in. No print date anywhere.
- 版记 at the foot of the last page: 抄送 and 印发机关 with the 印发日期, between rules.

A document without a number is a draft: "草稿" is printed at its head, and the number and the
dates are left blank for hand.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus.flowables import TopPadder

from core.reports.document import PageFrame, Report, clean, cn_date
from core.reports.fonts import WINDOWS_FANGSONG

RED = colors.Color(0.8, 0.05, 0.05)
TOP_MM, LEFT_MM, WIDTH_MM, HEIGHT_MM = 37.0, 28.0, 156.0, 225.0
LINES, CHARS = 22, 28
BODY_SIZE = 16.0
"""3号."""
TITLE_SIZE = 22.0
"""2号."""
SMALL_SIZE = 14.0
"""4号: page numbers and 版记."""
MAST_GAP_MM = 35.0
RULE_GAP_MM = 4.0
PITCH = WIDTH_MM * mm / CHARS
LEADING = HEIGHT_MM * mm / LINES
BLANK_DATE = "\u3000" * 4 + "年" + "\u3000" * 2 + "月" + "\u3000" * 2 + "日"
NO_START = "，。、：；！？”’）》〉】…·%"
NO_END = "“‘（《〈【"


def cells(char: str) -> float:
    """Grid cells a character takes: half for a half-width one (digits, Latin), else one."""
    return 0.5 if unicodedata.east_asian_width(char) in ("Na", "H") else 1.0


def _in_word(char: str) -> bool:
    """A digit or Latin letter: part of a number or word the grid does not break."""
    return char.isascii() and char.isalnum()


def grid_lines(text: str, per_line: float, indent: float = 0.0) -> list[str]:
    """``text`` broken into lines of at most ``per_line`` cells, the first ``indent`` cells in
    (each line break of the text starts a new paragraph, indented again)."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        line, used = "", indent
        for char in paragraph:
            width = cells(char)
            if used + width > per_line + 1e-9 and line:
                carry = ""
                if _in_word(char):  # a number or Latin word moves down whole: 2023, not 202|3
                    while len(line) > 1 and _in_word(line[-1]):
                        carry, line = line[-1] + carry, line[:-1]
                elif char in NO_START and len(line) > 1:
                    # A closing mark may not start the next line: the character before it
                    # (and a closing mark before that, "项）" before "。") moves down with it.
                    carry, line = line[-1], line[:-1]
                    while carry[0] in NO_START and len(line) > 1:
                        carry, line = line[-1] + carry, line[:-1]
                while line[-1] in NO_END and len(line) > 1:  # nor an opening one end this one
                    carry, line = line[-1] + carry, line[:-1]
                lines.append(line)
                line, used = carry, sum(cells(c) for c in carry)
            line += char
            used += width
        lines.append(line)
    return lines


class GridText(Flowable):
    """Lines of text on the document grid (:data:`LEADING` apart, characters :data:`PITCH`
    apart for ``size`` 16; a larger size takes its own size as the pitch). ``align`` is "L"
    (from the left, ``indent`` cells in on the first line of each paragraph), "C" or "R"
    (ending ``right`` cells from the right)."""

    def __init__(
        self,
        doc: Report,
        lines: Sequence[str],
        font: str,
        size: float = BODY_SIZE,
        *,
        align: str = "L",
        indents: Sequence[float] = (),
        right: float = 0.0,
        color: colors.Color = colors.black,
    ) -> None:
        super().__init__()
        self.doc, self.lines, self.font, self.size = doc, list(lines), font, size
        self.align, self.right, self.color = align, right, color
        self.indents = list(indents) or [0.0] * len(self.lines)
        self.pitch = max(PITCH, size) if size > BODY_SIZE else PITCH * size / BODY_SIZE

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, len(self.lines) * LEADING

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int((availHeight + 0.01) // LEADING)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        return [self._part(0, fit), self._part(fit, len(self.lines))]

    def _part(self, start: int, end: int) -> GridText:
        return GridText(
            self.doc,
            self.lines[start:end],
            self.font,
            self.size,
            align=self.align,
            indents=self.indents[start:end],
            right=self.right,
            color=self.color,
        )

    def line_width(self, line: str) -> float:
        return sum(cells(c) for c in line) * self.pitch

    def draw(self) -> None:
        canv: Canvas = self.canv
        canv.setFillColor(self.color)
        for number, line in enumerate(self.lines):
            # the glyphs sit in the middle of their line, as on a word processor's grid
            y = (len(self.lines) - number - 1) * LEADING + (LEADING - self.size * 0.76) / 2
            width = self.line_width(line)
            if self.align == "C":
                x = (self.width - width) / 2
            elif self.align == "R":
                x = self.width - self.right * PITCH - width
            else:
                x = self.indents[number] * self.pitch
            # one text object a line, so that the text reads back (and copies) as a line
            text = canv.beginText()
            for char in line:
                for face, part in self.doc.fonts.runs(char, self.font):
                    glyph = stringWidth(part, face, self.size)
                    text.setFont(face, self.size)
                    text.setTextOrigin(x + (cells(char) * self.pitch - glyph) / 2, y)
                    text.textOut(part)
                x += cells(char) * self.pitch
            canv.drawText(text)


class Masthead(Flowable):
    """版头: the issuing organ in red, the document number under it, the red rule (and the
    "草稿" mark on a draft)."""

    def __init__(self, doc: OfficialDocument, number: str, draft: bool) -> None:
        super().__init__()
        self.doc, self.number, self.draft = doc, number, draft
        fonts = doc.fonts
        self.size = min(36.0, WIDTH_MM * mm / max(1.0, sum(cells(c) for c in doc.frame.office)))
        self.organ_font, self.number_font = fonts.title, fonts.fangsong

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = MAST_GAP_MM * mm + self.size * 1.2 + 3 * LEADING + RULE_GAP_MM * mm
        return availWidth, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        top = self.height
        if self.draft:
            canv.setFillColor(colors.Color(0.35, 0.35, 0.35))
            self.doc.draw_text(canv, 0, top - SMALL_SIZE * 1.2, "草稿（未编号，未出具）",
                               SMALL_SIZE, "L", self.doc.fonts.title)  # fmt: skip
        canv.setFillColor(RED)
        organ_base = top - MAST_GAP_MM * mm - self.size * 0.9
        self.doc.draw_text(canv, self.width / 2, organ_base, self.doc.frame.office, self.size,
                           "C", self.organ_font)  # fmt: skip
        canv.setFillColor(colors.black)
        number_base = RULE_GAP_MM * mm + (LEADING - BODY_SIZE * 0.76) / 2
        if self.number:
            self.doc.draw_text(canv, self.width / 2, number_base, self.number, BODY_SIZE, "C",
                               self.number_font)  # fmt: skip
        canv.setStrokeColor(RED)
        canv.setLineWidth(1.0)
        canv.line(0, 0.5, self.width, 0.5)


class OfficialDocument(Report):
    """An official document being typeset: :class:`Report` with the geometry above."""

    def __init__(self, office: str, title: str, issued_on: date | None) -> None:
        super().__init__(
            PageFrame(
                office,
                title,
                "",
                issued_on or date.min,
                running_header=False,
                margins_mm=(LEFT_MM, TOP_MM, 297.0 - TOP_MM - HEIGHT_MM),
            )
        )
        self.margin_x = LEFT_MM * mm
        self.width, self.height = WIDTH_MM * mm, HEIGHT_MM * mm
        self.issued_on = issued_on
        self._closing: KeepTogether | None = None
        self._closing_block: list[Flowable] = []
        # tables in the body: 4号 仿宋, headings in the heavier face
        for name, align in (
            ("cell", TA_LEFT),
            ("cell_center", TA_CENTER),
            ("cell_right", TA_RIGHT),
        ):
            self.add_style(name, self.fonts.fangsong, SMALL_SIZE, align, line_spacing=1.3)
        self.add_style("header", self.fonts.title, SMALL_SIZE, TA_CENTER, line_spacing=1.3)

    @property
    def draft(self) -> bool:
        return self.issued_on is None

    # --- parts of the document ------------------------------------------------------------

    def draw_text(self, canv: Canvas, x: float, y: float, text: str, size: float, align: str,
                  font: str) -> None:  # fmt: skip
        """One line of (user) text on the canvas in ``font`` with fallbacks, aligned at ``x``."""
        self._draw(canv, x, y, text, size, align, font)

    def masthead(self, number: str) -> None:
        """版头 with ``number`` (发文字号), then two blank lines."""
        self.story += [Masthead(self, number, self.draft), Spacer(1, 2 * LEADING)]

    def title(self, text: str) -> None:
        """The title, centred in 2号 (a long one on lines of about equal length), and a blank
        line under it."""
        per_line = math.floor(self.width / TITLE_SIZE) - 2
        lines = grid_lines(text, per_line)
        # lines of about equal length, not a last line of one or two characters
        balanced = math.ceil(sum(cells(c) for c in clean(text)) / len(lines))
        while balanced < per_line and len(grid_lines(text, balanced)) > len(lines):
            balanced += 1
        lines = grid_lines(text, balanced)
        self.story += [
            GridText(self, lines, self.fonts.title, TITLE_SIZE, align="C"),
            Spacer(1, LEADING),
        ]

    def addressee(self, text: str) -> None:
        """主送机关, flush left, ending in a full-width colon."""
        self.story.append(self.lines_of(f"{text}：", indent=0))

    def lines_of(self, text: str, indent: float = 2.0) -> GridText:
        """A body paragraph (each line break starts a new one) on the grid."""
        lines: list[str] = []
        indents: list[float] = []
        for paragraph in clean(text).split("\n"):
            broken = grid_lines(paragraph, CHARS, indent)
            lines += broken
            indents += [indent] + [0.0] * (len(broken) - 1)
        return GridText(self, lines, self.fonts.fangsong, indents=indents)

    def body(self, text: str) -> None:
        """A body paragraph, two characters in."""
        self.story.append(self.lines_of(text))

    def table_under(self, heading: str, *table: Any) -> None:
        """A body heading and the table under it (:meth:`Report.table`'s arguments), which
        start on the same page."""
        start = len(self.story)
        self.body(heading)
        self.table(*table)
        group = self.story[start:]
        del self.story[start:]
        self.story.append(KeepTogether(group))

    def closing(
        self, closing_text: Sequence[str], issuer: str, keep_with: Sequence[Flowable] = ()
    ) -> None:
        """The last paragraphs, the seal's room, the issuing organ centred over the date (which
        ends four characters from the right); the last paragraph stays on the page of the date,
        and so do ``keep_with``, flowables taken from the end of the story to go before it."""
        day = cn_date(self.issued_on) if self.issued_on else BLANK_DATE
        date_width = sum(cells(c) for c in day)
        issuer_width = sum(cells(c) for c in issuer)
        # the organ is centred over the date; a long name ends no further right than the date
        organ_right = max(4.0, 4.0 + (date_width - issuer_width) / 2)
        fangsong = self.fonts.fangsong
        *leading, last = [self.lines_of(t) for t in closing_text]
        self.story += leading
        block: list[Flowable] = [
            *keep_with,
            last,
            Spacer(1, 3 * LEADING),
            GridText(self, [issuer], fangsong, align="R", right=organ_right),
            GridText(self, [day], fangsong, align="R", right=4.0),
        ]
        self._closing = KeepTogether(block)
        self._closing_block = block
        self.story.append(self._closing)

    def colophon(self, copy_to: str, issuer: str) -> None:
        """版记 at the foot of the last page: 抄送 (when given), then 印发机关 and 印发日期. Right
        after :meth:`closing` it stays on the page of the date, never on a page of its own."""
        padded = TopPadder(Colophon(self, copy_to, issuer))
        if self._closing is not None and self.story and self.story[-1] is self._closing:
            self.story[-1] = KeepTogether([*self._closing_block, padded])
        else:
            self.story.append(padded)

    def font_note(self) -> str:
        """Which face sets the body, for the PDF's subject: 仿宋 or the bundled stand-in."""
        if WINDOWS_FANGSONG[0].split(".")[0] in self.fonts.fangsong:
            return "正文：仿宋（FangSong）"
        return "正文：本机没有仿宋字体，使用内置字体（文泉驿微米黑）代替"

    def _decorate(self, canv: Canvas, number: int, total: int) -> None:
        """The page number "— N —", 7 mm under the text area; odd right, even left."""
        canv.setSubject(self.font_note())
        canv.saveState()
        canv.setFillColor(colors.black)
        y = self.margin_bottom - 7 * mm - SMALL_SIZE * 0.8
        text = f"— {number} —"
        left, right = self.margin_x, self.margin_x + self.width
        if number % 2:
            self._draw(canv, right - SMALL_SIZE, y, text, SMALL_SIZE, "R", self.fonts.body)
        else:
            self._draw(canv, left + SMALL_SIZE, y, text, SMALL_SIZE, "L", self.fonts.body)
        canv.restoreState()


class Colophon(Flowable):
    """版记: rules around 抄送 and the 印发 line (4号, one character in from each side)."""

    def __init__(self, doc: OfficialDocument, copy_to: str, issuer: str) -> None:
        super().__init__()
        self.doc, self.copy_to, self.issuer = doc, copy_to, issuer
        self.rows = 2 if copy_to else 1
        self.row_height = SMALL_SIZE * 1.9

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.rows * self.row_height

    def draw(self) -> None:
        canv: Canvas = self.canv
        doc, size, fangsong = self.doc, SMALL_SIZE, self.doc.fonts.fangsong
        height = self.rows * self.row_height
        canv.setStrokeColor(colors.black)
        canv.setFillColor(colors.black)
        canv.setLineWidth(0.35 * mm)
        canv.line(0, height, self.width, height)
        canv.line(0, 0, self.width, 0)
        base = (self.row_height - size * 0.76) / 2
        if self.copy_to:
            doc.draw_text(canv, size, self.row_height + base, f"抄送：{self.copy_to}。", size,
                          "L", fangsong)  # fmt: skip
            canv.setLineWidth(0.25 * mm)
            canv.line(0, self.row_height, self.width, self.row_height)
        doc.draw_text(canv, size, base, self.issuer, size, "L", fangsong)
        day = cn_date(doc.issued_on) if doc.issued_on else BLANK_DATE
        doc.draw_text(canv, self.width - size, base, f"{day}印发", size, "R", fangsong)


def you(kindergarten: bool) -> str:
    """How a notice addresses its one school: 你园 for a kindergarten, else 你校."""
    return "你园" if kindergarten else "你校"
