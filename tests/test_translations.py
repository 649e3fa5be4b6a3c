"""The Chinese translation covers every interface string, and the compiled .qm is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_translation_is_complete_and_compiled():
    result = subprocess.run(
        [sys.executable, "build/translations.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
