"""Core's words in the chosen language: one catalogue for the interface and the command line.

Core writes its user-facing text in Chinese — messages, policy labels and units, enum labels —
marked with :func:`_` (or :func:`n_` where English needs a plural). The English catalogue,
``resources/translations/core_en.po`` (Chinese source → English), is compiled by
``build/translations.py`` into ``core_en.mo``, which the standard library's :mod:`gettext`
reads. The interface chooses the language at start (its preference), the command line with
``--lang``.

A marked message is a :class:`Text`: a ``str`` in the chosen language that also keeps its Chinese
and English forms, so the command line can print ``错误：… / Error: …`` from one raise, and
fields filled with other texts (an enum label inside a message, or an error raised with a
message) take their own language's form.

Official documents — reports and the office's sheets — stay Chinese in either language: they are
built inside :func:`chinese_documents`, where every marked message is Chinese.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "core_en.mo"

_chosen = CHINESE
_documents: ContextVar[bool] = ContextVar("chinese_documents", default=False)


def set_language(code: str) -> None:
    """Choose the language of core's messages for this process."""
    global _chosen
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    _chosen = code


def language() -> str:
    """The language messages are made in here and now (Chinese inside a document)."""
    return CHINESE if _documents.get() else _chosen


@contextmanager
def chinese_documents() -> Iterator[None]:
    """Within this block (a report, a sheet) every marked message is Chinese."""
    token = _documents.set(True)
    try:
        yield
    finally:
        _documents.reset(token)


@cache
def _english() -> gettext.NullTranslations:
    try:
        with CATALOGUE.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()


class Text(str):
    """A message in the language chosen when it was made, knowing its Chinese and English."""

    zh: str
    en: str

    def __new__(cls, zh: str, en: str) -> Text:
        text = super().__new__(cls, en if language() == ENGLISH else zh)
        text.zh = zh
        text.en = en
        return text

    def __reduce__(self) -> tuple[type[Text], tuple[str, str]]:
        return Text, (self.zh, self.en)

    def bilingual(self, separator: str = " / ") -> str:
        """Both forms on one line (one form when they are the same)."""
        return self.zh if self.zh == self.en else f"{self.zh}{separator}{self.en}"


def _form(value: Any, english: bool) -> Any:
    # An error raised with a message (ValueError(_("…"))) fills in as that message.
    if isinstance(value, BaseException) and len(value.args) == 1:
        value = value.args[0]
    if isinstance(value, Text):
        return value.en if english else value.zh
    return value


def _fill(template: str, values: dict[str, Any], english: bool) -> str:
    if not values:
        return template
    return template.format(**{name: _form(value, english) for name, value in values.items()})


def _(source: str, /, **values: Any) -> Text:
    """``source`` (Chinese, with ``{name}`` fields filled from ``values``) as a :class:`Text`."""
    english = _english().gettext(source)
    return Text(_fill(source, values, False), _fill(english, values, True))


def n_(source: str, count: int, /, **values: Any) -> Text:
    """Like :func:`_` for a message about ``count`` things, whose English has a plural; the
    field ``{n}`` holds the count."""
    english = _english().ngettext(source, source, count)
    values = {"n": count, **values}
    return Text(_fill(source, values, False), _fill(english, values, True))


def joined(
    texts: Iterable[str], chinese_separator: str = "；", english_separator: str = "; "
) -> Text:
    """Several messages as one, each language with its own separator."""
    texts = list(texts)
    return Text(
        chinese_separator.join(chinese(text) for text in texts),
        english_separator.join(english(text) for text in texts),
    )


def chinese(text: str) -> str:
    """The Chinese form of a message (a plain ``str`` is taken as Chinese)."""
    return text.zh if isinstance(text, Text) else text


def english(text: str) -> str:
    """The English form of a message (a plain ``str`` is returned as it is)."""
    return text.en if isinstance(text, Text) else text
