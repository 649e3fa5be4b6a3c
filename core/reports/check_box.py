"""Check boxes drawn in a line of text: a ruled square, with a tick when chosen.

A box is not a glyph of the font — the body font's □ and ■ are small and raised beside Chinese
text, and another font may lack ☐ and ☑ altogether — but lines drawn at the place of the box
character in the paragraph (ReportLab's ``<onDraw>``, :func:`markup`). The character is still
there, invisible (text render mode 3), so copying the text or extracting it from the PDF still
reads ■ for a ticked box and □ for an open one. :func:`register` gives a canvas the drawing
callbacks; every report canvas has them.

ReportLab's CJK line breaker calls ``ord`` on the characters before a line's end, and the
``<onDraw>`` mark is an empty one there, so a line that broke in Latin text just after a box
raised a TypeError; the breaker's module is given an ``ord`` that reads an empty mark as 0.
"""

from __future__ import annotations

import builtins
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as _rl_paragraph

TICKED, OPEN = "■", "□"
"""The (invisible) characters that stand for the boxes in the text."""
_DRAW, _SHOW = "sd_check_box", "sd_check_box_end"
SIDE = 0.72
"""The side of a box, in ems of its size. The box character and a no-break space after it
make the room (at least 0.86 em: the bundled font's □ is 0.6 em wide, 宋体's a whole em)."""


def markup(ticked: bool, size: float) -> str:
    """Paragraph markup of one box of ``size`` points."""
    mark = TICKED if ticked else OPEN
    return (
        f'<onDraw name="{_DRAW}" label="{int(ticked)} {size:g}"/>'
        f'<font size="{size:g}">{mark}</font><onDraw name="{_SHOW}"/>'
        f'<font size="{size:g}">\u00a0</font>'
    )


def _draw(canv: Canvas, _kind: str, label: str) -> None:
    info: dict[str, Any] = canv._curr_tx_info
    ticked, size_text = label.split()
    size = float(size_text)
    side = SIDE * size
    x = info["cur_x"] + 0.04 * size
    y = info["cur_y"] - 0.07 * size  # level with the middle of a Chinese character
    canv.saveState()
    canv.setLineWidth(max(0.5, size / 20))
    canv.rect(x, y, side, side, stroke=1, fill=0)
    if ticked == "1":
        canv.setLineWidth(max(0.8, size / 11))
        canv.setLineCap(1)
        canv.setLineJoin(1)
        tick = canv.beginPath()
        tick.moveTo(x + 0.18 * side, y + 0.52 * side)
        tick.lineTo(x + 0.42 * side, y + 0.24 * side)
        tick.lineTo(x + 0.84 * side, y + 0.82 * side)
        canv.drawPath(tick, stroke=1, fill=0)
    canv.restoreState()
    info["tx"].setTextRenderMode(3)  # the box character is kept for the text only


def _show(canv: Canvas, _kind: str, _label: str | None) -> None:
    canv._curr_tx_info["tx"].setTextRenderMode(0)


def _ord(char: str) -> int:
    return builtins.ord(char) if char else 0


_rl_paragraph.ord = _ord  # see the module's docstring


def register(canv: Canvas) -> None:
    """Let paragraphs drawn on ``canv`` hold check boxes (:func:`markup`)."""
    canv.setNamedCB(_DRAW, _draw)
    canv.setNamedCB(_SHOW, _show)
