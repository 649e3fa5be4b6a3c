"""One rule for finding a row by what the clerk types, used by every list, picker and ``list``.

A row is found when every word typed (separated by spaces) occurs somewhere in it, in any order
and any column: "城关 小学" finds 青溪县城关镇中心小学. A word may also be written in pinyin,
whole (chengguan) or by initials (cgzx); for characters with several readings the second
reading is accepted too (重庆: chongqing or zhongqing).

Matching a keystroke must stay cheap on thousands of rows, so each row's text is turned once into
a :func:`search_key` — its text and pinyin forms, lower case — and a keystroke only looks for the
words in those keys (:func:`matches`). Pinyin forms are computed for short texts (names, places,
statuses); long texts such as findings are matched as written.

:func:`pinyin_order` is the sort key that puts Chinese names in pinyin order (程, 傅, 胡, 唐),
not in the order of their code points (傅, 唐, 程, 胡).
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from types import ModuleType

from core.parsing import clean_text

PINYIN_LIMIT = 40
"""Texts longer than this (findings, notes) get no pinyin forms: nobody types them in pinyin."""
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEPARATOR = "\n"
"""Between the parts of a key, so that a word never matches across two columns."""


def load_pinyin() -> None:
    """Load the pinyin dictionaries (about 0.3 s, once per process) so that the first sort or
    keystroke does not wait for them; a list page asks its worker to do this before its rows."""
    pinyin_order("城关")


def pinyin_loaded() -> bool:
    """Whether :func:`load_pinyin` (or any pinyin work) has run in this process."""
    return "pypinyin.core" in sys.modules


@lru_cache(maxsize=1)
def _pypinyin() -> ModuleType:
    """pypinyin, imported once; its dictionaries are then set aside from garbage collection.

    They are about 200,000 lists that live as long as the process, and every full collection
    of the cyclic garbage collector would walk them: 0.2 s and more, which in the app happens
    on the GUI thread. :func:`gc.freeze` moves everything alive now out of its way.
    """
    import pypinyin

    gc.freeze()
    return pypinyin


@lru_cache(maxsize=65536)
def _pinyin_forms(text: str) -> tuple[str, ...]:
    """Full pinyin and initials of ``text`` (and of its second readings, if any differ)."""
    pypinyin = _pypinyin()
    readings = pypinyin.pinyin(text, style=pypinyin.Style.NORMAL, heteronym=True, errors="default")
    primary = pypinyin.lazy_pinyin(text, errors="default")
    if len(readings) != len(primary):  # different segmentation: no alternative readings
        readings = [[syllable] for syllable in primary]
    second = [
        next((r for r in options if r != first), first)
        for first, options in zip(primary, readings, strict=True)
    ]
    forms: list[str] = []
    for syllables in (primary, second):
        for form in ("".join(syllables), "".join(_initial(s) for s in syllables)):
            if form.lower() not in forms:
                forms.append(form.lower())
    return tuple(forms)


def _initial(syllable: str) -> str:
    """The initial of a pinyin syllable; a piece that is not pinyin (digits, Latin) stays whole."""
    return syllable[0] if syllable.isalpha() and syllable.isascii() else syllable


@lru_cache(maxsize=65536)
def _text_key(text: str) -> str:
    cleaned = clean_text(text).lower()
    if len(cleaned) <= PINYIN_LIMIT and _HAN.search(cleaned):
        return _SEPARATOR.join((cleaned, *_pinyin_forms(cleaned)))
    return cleaned


def search_key(texts: Iterable[str]) -> str:
    """What a row is found by: its ``texts`` (e.g. its columns) and their pinyin forms."""
    return _SEPARATOR.join(_text_key(text) for text in texts if text)


def query_words(text: str) -> tuple[str, ...]:
    """The words of what was typed in a filter box, lower case (full-width letters made
    half-width; pinyin apostrophes as in xi'an dropped)."""
    return tuple(clean_text(text).lower().replace("'", "").split())


def matches(key: str, words: Sequence[str]) -> bool:
    """Whether every one of ``words`` (from :func:`query_words`) occurs in ``key``."""
    return all(word in key for word in words)


def text_matches(texts: Iterable[str], query: str) -> bool:
    """Whether a row of ``texts`` is found by ``query`` (one-off use; lists keep their keys)."""
    return matches(search_key(texts), query_words(query))


@lru_cache(maxsize=65536)
def pinyin_order(text: str) -> str:
    """A sort key putting ``text`` in pinyin order: 程 (cheng) before 傅 (fu) before 唐 (tang).

    Text without Chinese characters sorts by itself, case-insensitively; ties keep the order of
    the characters themselves, so different names never compare equal.
    """
    if not _HAN.search(text):
        return f"{text.lower()}\x00{text}"
    syllables = _pypinyin().lazy_pinyin(text, errors="default")
    return f"{' '.join(syllables).lower()}\x00{text}"
