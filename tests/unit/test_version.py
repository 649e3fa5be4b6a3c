"""The application's version: one source, pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from core.version import app_version

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_one_in_pyproject():
    with (ROOT / "pyproject.toml").open("rb") as fh:
        expected = tomllib.load(fh)["project"]["version"]
    assert app_version() == expected


def test_version_looks_like_a_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)?", app_version())
