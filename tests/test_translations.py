"""The Chinese translation covers every interface string, and the compiled .qm is current."""

from __future__ import annotations

import ast
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


def _tr_calls_inside_f_strings(path: Path) -> list[int]:
    """Lines where ``tr()``/``translate()`` is called inside an f-string, which the translation
    tools cannot read, so the string would stay English in the Chinese interface."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr in ("tr", "translate")
                ):
                    found.append(inner.lineno)
    return found


def test_no_interface_string_hides_inside_an_f_string():
    hidden = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "gui").rglob("*.py"))
        if (lines := _tr_calls_inside_f_strings(path))
    }
    assert hidden == {}
