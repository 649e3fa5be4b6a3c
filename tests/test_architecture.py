"""Dependencies point one way, gui → core → db: no module of core/ or db/ imports Qt or the GUI,
neither at module level nor inside a function, and importing all of them loads neither; gui/ runs
no query of its own (no SQLAlchemy, no models); core/ keeps few modules at its top."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("core", "db")
FORBIDDEN = ("PySide6", "shiboken6", "gui", "PyQt5", "PyQt6", "PySide2")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module the source imports (absolute names), with line numbers, anywhere in it."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _forbidden(name: str) -> bool:
    top = name.split(".")[0]
    return top in FORBIDDEN


def _violations(path: Path) -> list[str]:
    module = _module_name(path)
    imports = _imported_modules(
        path.read_text(encoding="utf-8"), module, path.name == "__init__.py"
    )
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for line, name in imports
        if _forbidden(name)
    ]


def _layer_files() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def test_the_layers_have_modules_to_check():
    files = {p.relative_to(ROOT).as_posix() for p in _layer_files()}
    assert {
        "core/office/policy.py",
        "core/cli/commands.py",
        "db/engine.py",
        "db/migrate.py",
    } <= files
    assert any(name.startswith("db/migrations/versions/") for name in files)


@pytest.mark.parametrize("path", _layer_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_core_and_db_never_import_qt_or_the_gui(path):
    assert _violations(path) == []


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtCore import QObject",
        "import shiboken6",
        "def f():\n    from gui.app import run\n",
        "import gui.dialogs as dialogs",
        "from gui import worker",
        "class A:\n    def m(self):\n        import PySide6.QtWidgets\n",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "__import__('gui.app')",
        "try:\n    import PyQt6\nexcept ImportError:\n    pass\n",
    ],
)
def test_the_check_catches_every_form_of_import(source):
    imports = _imported_modules(source, "core.example", is_package=False)
    assert any(_forbidden(name) for _, name in imports)


@pytest.mark.parametrize(
    "source",
    [
        "from . import policy",
        "from .errors import ValidationError",
        "from db.models import School",
        "import sqlalchemy",
        "guide = 'gui'",
        "import guidance",
    ],
)
def test_the_check_lets_ordinary_imports_pass(source):
    imports = _imported_modules(source, "core.example", is_package=False)
    assert not any(_forbidden(name) for _, name in imports)


def test_relative_imports_are_resolved_within_the_package():
    imports = _imported_modules("from ..models import School", "db.migrations.env", False)
    assert (1, "db.models") in imports


def test_importing_every_core_and_db_module_loads_no_qt_and_no_gui():
    modules = sorted(
        _module_name(p) for p in _layer_files() if "migrations" not in p.relative_to(ROOT).parts
    )
    probe = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert {"core", "db"} <= loaded
    assert not loaded & set(FORBIDDEN)


GUI_FORBIDDEN = ("sqlalchemy", "db.models")


def _queries(source: str, module: str, is_package: bool) -> list[str]:
    return [
        f"{module}:{line} imports {name}"
        for line, name in _imported_modules(source, module, is_package)
        if any(name == f or name.startswith(f + ".") for f in GUI_FORBIDDEN)
    ]


@pytest.mark.parametrize(
    "path", sorted((ROOT / "gui").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_the_gui_runs_no_query_of_its_own(path):
    """Pages show core's read models; queries and models stay in core and db."""
    source = path.read_text(encoding="utf-8")
    assert _queries(source, _module_name(path), path.name == "__init__.py") == []


@pytest.mark.parametrize(
    "source",
    ["from sqlalchemy import select", "import sqlalchemy.orm", "from db.models import Visit"],
)
def test_the_gui_check_catches_queries(source):
    assert _queries(source, "gui.pages.example", is_package=False)


def test_the_gui_check_lets_core_and_the_engine_pass():
    assert not _queries(
        "from db.engine import Database\nfrom core.enums import VisitKind", "gui.x", False
    )


def test_core_keeps_few_modules_at_its_top_and_says_what_each_package_holds():
    top = sorted(p.name for p in (ROOT / "core").glob("*.py") if p.name != "__init__.py")
    assert len(top) <= 8, top
    for package in (ROOT / "core").iterdir():
        if (package / "__init__.py").exists():
            doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
            assert doc and doc.splitlines()[0].strip(), f"{package.name}/__init__.py says nothing"
