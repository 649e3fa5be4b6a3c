"""The Chinese translation covers every interface string, and the compiled .qm is current."""

from __future__ import annotations

import ast
import re
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


CJK = re.compile(r"[\u3400-\u9fff]")

# Chinese text in gui/ that is not interface text: it reads the same in either language.
NOT_INTERFACE_TEXT = {
    ("gui/app.py", "督导工作台"),  # the application's name
    ("gui/pages/settings/page.py", "中文（简体）"),  # a language named in itself
    ("gui/pages/archives/template_dialogs.py", r"第\s*(\d+)\s*项"),  # reads the office's sheets
    # A sample of the State Council's notice, which is Chinese whatever the interface.
    ("gui/pages/calendar/dialogs.py", "一、元旦：1月1日（周五）至3日（周日）放假，共3天。……"),
    # The topics of a 专项督导 are stored as the office writes them; the clerk may type others.
    *(("gui/pages/calendar/dialogs.py", t) for t in ("双减", "安全", "开学", "防溺水")),
    *(("gui/pages/calendar/dialogs.py", t) for t in ("招生收费", "体育")),
    *(("gui/pages/calendar/visit_dialog.py", t) for t in ("双减", "安全", "开学", "防溺水")),
    *(("gui/pages/calendar/visit_dialog.py", t) for t in ("招生收费", "体育", "疫情防控")),
}


def _chinese_outside_tr(path: Path) -> list[str]:
    """The Chinese string constants of ``path`` that are neither docstrings nor inside a
    ``tr()``/``translate()`` call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # a docstring (or a bare string statement)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # an attribute's docstring
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("tr", "translate")
        ):
            skipped.update(id(inner) for arg in node.args for inner in ast.walk(arg))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in skipped
    ]


def test_no_chinese_text_in_the_interface_bypasses_translation():
    """Interface text is English in the sources and Chinese through the catalogue, so that
    the English interface has no Chinese words of the interface's own."""
    found = {
        (str(path.relative_to(ROOT)), text)
        for path in sorted((ROOT / "gui").rglob("*.py"))
        for text in _chinese_outside_tr(path)
    }
    assert found - NOT_INTERFACE_TEXT == set()


# The calls whose text a user reads in the interface or on the command line: refusals, errors
# and a job's progress steps.
MESSAGE_CALLS = {"refusal", "refuse", "FieldError", "ValidationError", "ValueError", "of"}
MESSAGE_CALLS |= {"NotEmptyError", "SheetError", "progress"}


def _marked(node: ast.AST) -> bool:
    return any(
        isinstance(inner, ast.Call)
        and isinstance(inner.func, ast.Name)
        and inner.func.id in ("_", "n_")
        for inner in ast.walk(node)
    )


def _unmarked_messages(path: Path) -> list[str]:
    """Chinese text written straight into a refusal, an error or a progress step of ``path``,
    not through core's catalogue (``_()``/``n_()``), so it would stay Chinese in English."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
        if name not in MESSAGE_CALLS:
            continue
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            literal = isinstance(argument, ast.Constant | ast.JoinedStr | ast.BinOp)
            chinese = any(
                isinstance(inner, ast.Constant) and CJK.search(str(inner.value))
                for inner in ast.walk(argument)
            )
            if literal and chinese and not _marked(argument):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(argument)}")
    return found


def test_core_messages_go_through_the_catalogue():
    """Refusals, errors and progress steps of core are in the chosen language — a report's
    refusal too, though the report itself is a Chinese document; the demo data is Chinese."""
    found = [
        message
        for path in sorted((ROOT / "core").rglob("*.py"))
        if path.parent.name != "demo"
        for message in _unmarked_messages(path)
    ]
    assert found == []
