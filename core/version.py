"""The application's version, whose single source is ``pyproject.toml``."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

DISTRIBUTION = "supervision-desk"


def _pyproject_candidates() -> list[Path]:
    candidates = [Path(__file__).resolve().parents[1] / "pyproject.toml"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "pyproject.toml")
    return candidates


@cache
def app_version() -> str:
    """Return the version: from pyproject.toml beside the code (checkout or frozen bundle),
    else from the installed distribution's metadata."""
    for path in _pyproject_candidates():
        if path.is_file():
            import tomllib

            with path.open("rb") as fh:
                return str(tomllib.load(fh)["project"]["version"])
    from importlib.metadata import version

    return version(DISTRIBUTION)
