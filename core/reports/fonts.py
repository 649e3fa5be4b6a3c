"""The fonts of the printed reports, registered with ReportLab once per process.

Reports use three faces: *body* (Song-like, 宋体), *title* (the heavier 黑体) and *fangsong*
(仿宋, the body face of official documents). On a Windows PC that has the usual office fonts
(TrueType files in ``C:\\Windows\\Fonts`` or the user's own font folder) those are used;
elsewhere every face is the bundled WenQuanYi Micro Hei (Apache-2.0, ``resources/fonts``).
ReportLab embeds a subset of every TrueType font it draws with, so a PDF looks the same in any
viewer on any PC. A font file that is missing, unreadable or forbids embedding is skipped.

A character the face lacks is drawn with the first *fallback* font that has it (the bundled font,
then 宋体 ExtB for rare CJK characters on Windows); one that no font has — an emoji, say — is
printed as :data:`MISSING_MARK` so the clerk sees that something is missing instead of a blank.
Registration happens on first use (never at import) and is guarded by a lock, because reports
are written on a worker thread.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import CJK_FONT_FILE

log = logging.getLogger(__name__)

MISSING_MARK = "□"
"""Printed for a character that no available font can draw."""

# (file name, index inside a .ttc) of the Windows office fonts, per role.
WINDOWS_BODY = ("simsun.ttc", 0)  # 宋体
WINDOWS_TITLE = ("simhei.ttf", 0)  # 黑体
WINDOWS_FANGSONG = ("simfang.ttf", 0)  # 仿宋
WINDOWS_RARE = ("simsunb.ttf", 0)  # 宋体 ExtB: CJK Extension B characters

_lock = threading.Lock()
_registered: dict[tuple[str, int], str | None] = {}
_cmaps: dict[str, frozenset[int]] = {}
_cache: dict[tuple[Path, ...], ReportFonts] = {}


@dataclass(frozen=True)
class ReportFonts:
    """The registered font names of each role and the fallbacks for missing characters."""

    body: str
    title: str
    fangsong: str
    fallbacks: tuple[str, ...]

    def has(self, font: str, char: str) -> bool:
        """Whether ``font`` (a registered name) has a glyph for ``char``."""
        return ord(char) in _cmaps.get(font, frozenset())

    def runs(self, text: str, font: str) -> list[tuple[str, str]]:
        """``text`` split into (font, text) runs that together draw every character.

        Characters ``font`` lacks go to the first fallback that has them; a character no font
        has becomes :data:`MISSING_MARK` in ``font``. Whitespace always stays in ``font``.
        """
        result: list[tuple[str, str]] = []
        for char in text:
            face = font
            if not char.isspace() and not self.has(font, char):
                face = next((f for f in self.fallbacks if self.has(f, char)), font)
                if face == font:
                    char = MISSING_MARK
            if result and result[-1][0] == face:
                result[-1] = (face, result[-1][1] + char)
            else:
                result.append((face, char))
        return result


def windows_font_dirs() -> list[Path]:
    """The folders Windows installs fonts into (system-wide and per user); none elsewhere."""
    if sys.platform != "win32":
        return []
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _register(path: Path, index: int) -> str | None:
    """Register one TrueType file under a name of its own; None when it cannot be used."""
    key = (str(path), index)
    if key in _registered:
        return _registered[key]
    digest = hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:8]
    name: str | None = f"SD-{path.stem}-{index}-{digest}"
    try:
        font = TTFont(name, str(path), subfontIndex=index)
        pdfmetrics.registerFont(font)
        _cmaps[font.fontName] = frozenset(font.face.charToGlyph)
    except Exception as exc:  # a broken or restricted font must never stop printing
        log.warning("font %s is not usable for reports: %s", path, exc)
        name = None
    _registered[key] = name
    return name


def _find(dirs: Sequence[Path], file_name: str) -> Path | None:
    for folder in dirs:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    return None


def _first_usable(dirs: Sequence[Path], wanted: tuple[str, int]) -> str | None:
    path = _find(dirs, wanted[0])
    return _register(path, wanted[1]) if path else None


def report_fonts(font_dirs: Iterable[Path] | None = None) -> ReportFonts:
    """The report fonts, registering them on first use.

    ``font_dirs`` are the folders searched for the Windows office fonts (default:
    :func:`windows_font_dirs`); the bundled font fills every role they do not.
    """
    dirs = tuple(windows_font_dirs() if font_dirs is None else font_dirs)
    with _lock:
        if dirs in _cache:
            return _cache[dirs]
        bundled = _register(CJK_FONT_FILE, 0)
        if bundled is None:
            raise RuntimeError(f"the bundled report font cannot be loaded: {CJK_FONT_FILE}")
        body = _first_usable(dirs, WINDOWS_BODY) or bundled
        title = _first_usable(dirs, WINDOWS_TITLE) or bundled
        fangsong = _first_usable(dirs, WINDOWS_FANGSONG) or body
        rare = _first_usable(dirs, WINDOWS_RARE)
        fallbacks = tuple(dict.fromkeys(f for f in (bundled, body, rare) if f is not None))
        fonts = ReportFonts(body=body, title=title, fangsong=fangsong, fallbacks=fallbacks)
        _cache[dirs] = fonts
        return fonts
