"""Preferences of this PC's user (window geometry, language), kept in an ini file in the data
folder beside the database, so they travel with it and tests can isolate them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from core.i18n import CHINESE, ENGLISH, LANGUAGES
from db.paths import data_dir

__all__ = ["CHINESE", "ENGLISH", "LANGUAGES", "language", "preferences", "set_language"]

LANGUAGE_KEY = "ui/language"


def preferences() -> QSettings:
    """The preferences store (an ini file in the data folder)."""
    return QSettings(str(data_dir() / "preferences.ini"), QSettings.Format.IniFormat)


def language() -> str:
    """The chosen interface language; Chinese unless English was chosen."""
    value = preferences().value(LANGUAGE_KEY, CHINESE)
    return value if value in LANGUAGES else CHINESE


def set_language(code: str) -> None:
    """Choose the interface language for the next start."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    store = preferences()
    store.setValue(LANGUAGE_KEY, code)
    store.sync()
