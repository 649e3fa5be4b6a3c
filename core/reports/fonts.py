"""The fonts of the printed reports, registered with ReportLab once per process.

Reports use three faces: *body* (Song-like, 宋体), *title* (the heavier 黑体) and *fangsong*
(仿宋, the body face of official documents). On a Windows PC that has the usual office fonts
(TrueType files in ``C:\\Windows\\Fonts`` or the user's own font folder) those are used;
elsewhere every face is the bundled WenQuanYi Micro Hei (Apache-2.0, ``resources/fonts``).
ReportLab embeds a subset of every TrueType font it draws with, so a PDF looks the same in any
viewer on any PC. A font file that is missing, unreadable or forbids embedding is skipped.

Every character prints, run by run (:meth:`ReportFonts.runs`): a character the face lacks is
drawn with the first font of the *fallback chain* that has it, while the rest of the text stays
in its face. The chain is the bundled font, the office's 宋体, then the fonts that cover the rare
characters of real names (CJK Extension A and B, such as 𠮷 and 㵘) found on the PC:

* Windows: 宋体-ExtB (``simsunb.ttf``), 细明体-ExtB (``mingliub.ttc``);
* Linux: 花園明朝 A and B (``HanaMinA.ttf``, ``HanaMinB.ttf``; Debian's ``fonts-hanazono``)
  under ``/usr/share/fonts``, ``/usr/local/share/fonts`` or the user's font folders.

These files are large (20–30 MB), so each is looked for and loaded only when a report first
needs a character that the fonts loaded so far lack. A character that no font has — an emoji, a
character beyond every installed font — is not left blank or printed as a box: it prints as its
code, ``[U+1F600]`` (:func:`code_mark`), so the reader sees that and which character is missing,
and :func:`noting_missing` collects such characters so the CLI and the GUI can warn. Names are
stricter: a school, zone or person's name with such a character is refused when it is typed or
imported (:func:`unprintable_message`), because a name printed as its codes is no name.

ReportLab writes the text mapping of an embedded subset (its ``ToUnicode`` CMap) with four hex
digits per character, which garbles characters beyond the Basic Multilingual Plane (𠮷 came
back from copy-and-paste as ₻); :func:`_to_unicode_cmap` replaces it with UTF-16 code units, so
extracting the text of a PDF gives every character back.

Registration happens on first use (never at import) and is guarded by a lock, because reports
are written on a worker thread.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from resources import CJK_FONT_FILE

log = logging.getLogger(__name__)

MISSING_MARK = "□"
"""Drawn where only one face can be used (a chart label) for a character that face lacks."""

# (file name, index inside a .ttc) of the Windows office fonts, per role.
WINDOWS_BODY = ("simsun.ttc", 0)  # 宋体
WINDOWS_TITLE = ("simhei.ttf", 0)  # 黑体
WINDOWS_FANGSONG = ("simfang.ttf", 0)  # 仿宋
RARE_FONTS = (
    ("simsunb.ttf", 0),  # 宋体-ExtB (Windows): CJK Extension B
    ("mingliub.ttc", 0),  # 细明体-ExtB (Windows): CJK Extension B
    ("HanaMinA.ttf", 0),  # 花園明朝 A (fonts-hanazono): CJK Extension A and the basic block
    ("HanaMinB.ttf", 0),  # 花園明朝 B (fonts-hanazono): CJK Extensions B to F
)
"""The fonts with the rare characters of names, in the order they are tried."""

_lock = threading.RLock()
_registered: dict[tuple[str, int], str | None] = {}
_cmaps: dict[str, frozenset[int]] = {}
_cache: dict[tuple[Path, ...] | None, ReportFonts] = {}
_missing: ContextVar[set[str] | None] = ContextVar("missing_characters", default=None)


def code_mark(char: str) -> str:
    """What prints for a character no font has: its code point, ``[U+20BB7]``."""
    return f"[U+{ord(char):04X}]"


@contextmanager
def noting_missing() -> Iterator[set[str]]:
    """Collect, in the set this yields, the characters printed as their code inside the block."""
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def missing_warning(chars: Iterable[str]) -> str:
    """The Chinese warning naming the characters that printed as their code ("" for none)."""
    listed = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in sorted(chars))
    if not listed:
        return ""
    return f"注意：没有字体能显示字符 {listed}，报表中已印为其编码（[U+…]）。"


def _surely_prints(char: str) -> bool:
    """Whether ``char`` prints without asking the fonts: plain ASCII, and every CJK ideograph
    (the characters of real names, printed by the bundled or a rare-character font)."""
    return ord(char) < 0x80 or unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` that no report font can print, in order, each once.

    Meant for names, so it stays cheap: ASCII and CJK ideographs are never looked up, and any
    other character is looked up in the bundled font only — the font every PC prints with, so a
    name saved on one PC prints on all of them (an emoji some font of this PC happens to draw
    would still print as its code elsewhere). Private-use, unassigned and control code points
    are always refused: even where some font draws them, they mean nothing on another PC.
    """
    found: list[str] = []
    for char in dict.fromkeys(text):
        if char.isspace() or _surely_prints(char):
            continue
        if unicodedata.category(char) in {"Co", "Cn", "Cs", "Cc", "Cf"}:
            found.append(char)
            continue
        fonts = report_fonts()
        if not fonts.has(fonts.fallbacks[0], char):
            found.append(char)
    return found


def unprintable_message(text: str, label: str = "") -> str:
    """The Chinese message refusing a name with characters no font prints ("" when all print):
    “姓名”中的字符“😀”（U+1F600）无法打印，请删去或改用常用字. Without ``label`` it starts at
    “字符”, for a message that names its field (or cell) before it."""
    chars = unprintable(text)
    if not chars:
        return ""
    listed = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars)
    where = f"“{label}”中的" if label else ""
    return f"{where}字符{listed}无法打印，请删去或改用常用字"


@dataclass
class _RareFonts:
    """The rare-character fonts of the chain: files found and loaded one by one, on demand."""

    folders: tuple[Path, ...]
    loaded: list[str] = field(default_factory=list)
    _pending: list[tuple[Path, int]] | None = None

    def font_for(self, code: int) -> str | None:
        """The first rare font that has ``code``, loading more of them while none has."""
        found = next((f for f in self.loaded if code in _cmaps[f]), None)
        if found is not None:
            return found
        with _lock:
            if self._pending is None:
                self._pending = self._locate()
            while self._pending:
                name = _register(*self._pending.pop(0))
                if name is None:
                    continue
                self.loaded.append(name)
                if code in _cmaps[name]:
                    return name
        return None

    def _locate(self) -> list[tuple[Path, int]]:
        wanted = {name.lower(): (name, index) for name, index in RARE_FONTS}
        found: dict[str, Path] = {}
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for root, _dirs, files in os.walk(folder):
                for file in files:
                    key = file.lower()
                    if key in wanted and key not in found:
                        found[key] = Path(root) / file
        order = [name.lower() for name, _index in RARE_FONTS]
        return [(found[k], wanted[k][1]) for k in order if k in found]


@dataclass(frozen=True)
class ReportFonts:
    """The registered font names of each role and the fallback chain for missing characters:
    ``fallbacks`` (loaded at once), then the rare-character fonts (loaded when needed)."""

    body: str
    title: str
    fangsong: str
    fallbacks: tuple[str, ...]
    rare: _RareFonts = field(compare=False, repr=False)

    def has(self, font: str, char: str) -> bool:
        """Whether ``font`` (a registered name) has a glyph for ``char``."""
        return ord(char) in _cmaps.get(font, frozenset())

    def face_for(self, char: str, font: str) -> str | None:
        """The font that draws ``char`` for text in ``font``: ``font`` itself, else the first of
        the chain that has it; None when no font has it."""
        if self.has(font, char):
            return font
        found = next((f for f in self.fallbacks if self.has(f, char)), None)
        return found or self.rare.font_for(ord(char))

    def runs(self, text: str, font: str) -> list[tuple[str, str]]:
        """``text`` split into (font, text) runs that together draw every character.

        Characters ``font`` lacks go to the first font of the chain that has them; a character
        no font has prints as its code (:func:`code_mark`) in ``font`` and is noted (see
        :func:`noting_missing`). Whitespace always stays in ``font``.
        """
        if _cmaps.get(font, frozenset()).issuperset(map(ord, text)):
            return [(font, text)] if text else []
        result: list[tuple[str, str]] = []
        for char in text:
            face = font if char.isspace() else self.face_for(char, font)
            if face is None:
                face = font
                noted = _missing.get()
                if noted is not None:
                    noted.add(char)
                char = code_mark(char)
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


def unix_font_dirs() -> list[Path]:
    """The folders (searched with their sub-folders) fonts are installed into on Linux."""
    if sys.platform == "win32":
        return []
    home = Path.home()
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap of a subset, each character written as UTF-16BE code units
    (a character beyond U+FFFF as its surrogate pair) instead of a bare code point."""
    chars = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>"
             for i, v in enumerate(subset)]  # fmt: skip
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *chars,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # the one module that reads it, when embedding


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

    ``font_dirs`` are the only folders searched for the Windows office fonts and (with their
    sub-folders) the rare-character fonts; by default :func:`windows_font_dirs` for both, and
    :func:`unix_font_dirs` too for the rare-character fonts. The bundled font fills every role
    the office fonts do not.
    """
    key = None if font_dirs is None else tuple(font_dirs)
    with _lock:
        if key in _cache:
            return _cache[key]
        dirs = tuple(windows_font_dirs()) if key is None else key
        bundled = _register(CJK_FONT_FILE, 0)
        if bundled is None:
            raise RuntimeError(f"the bundled report font cannot be loaded: {CJK_FONT_FILE}")
        body = _first_usable(dirs, WINDOWS_BODY) or bundled
        title = _first_usable(dirs, WINDOWS_TITLE) or bundled
        fangsong = _first_usable(dirs, WINDOWS_FANGSONG) or body
        rare = _RareFonts(dirs + (tuple(unix_font_dirs()) if key is None else ()))
        fonts = ReportFonts(
            body=body,
            title=title,
            fangsong=fangsong,
            fallbacks=tuple(dict.fromkeys((bundled, body))),
            rare=rare,
        )
        _cache[key] = fonts
        return fonts
