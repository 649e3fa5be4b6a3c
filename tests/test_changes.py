"""Every core operation that writes declares what it changed (core.changes), so the worker can
broadcast it and no page misses a refresh. Writers are found by reading the code: a function that
adds, deletes, flushes or executes an INSERT/UPDATE/DELETE through its session, assigns to an
attribute of a loaded row, or calls a function that does."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from core.changes import EVERYTHING, Change, changes_of, mutates

ROOT = Path(__file__).resolve().parents[1]
SESSION_WRITES = {"add", "add_all", "delete", "flush", "merge"}
SQL_WRITES = {"insert", "update", "delete"}
READ_ONLY = {
    # The preview runs the import inside a transaction that is always rolled back.
    ("core.sheets", "plan_import"),
    # The visit plan asks the month generator, which does not save, why schools have no visit.
    ("core.reports.schedule", "write"),
    # A topic inspection's figures are counted into a dataclass while its rows are read.
    ("core.calendar.topic_inspection", "topic_figures"),
    ("core.reports.topic", "write"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _opens_a_session(node: ast.AST) -> bool:
    return isinstance(node, ast.With) and any(
        isinstance(item.context_expr, ast.Call)
        and isinstance(item.context_expr.func, ast.Attribute)
        and item.context_expr.func.attr == "session"
        for item in node.items
    )


def _assigns_to_a_row(node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "setattr"
    targets = (
        node.targets
        if isinstance(node, ast.Assign)
        else [node.target]
        if isinstance(node, ast.AugAssign)
        else []
    )
    flat = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple | ast.List) else [t])]
    return any(
        isinstance(t, ast.Attribute)
        and not (isinstance(t.value, ast.Name) and t.value.id == "self")
        for t in flat
    )


def _writes_directly(function: ast.FunctionDef) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if (
                node.func.attr in SESSION_WRITES
                and isinstance(owner, ast.Name)
                and owner.id == "session"
            ):
                return True
            if node.func.attr == "execute" and node.args and isinstance(node.args[0], ast.Call):
                called = node.args[0].func
                name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
                if name in SQL_WRITES:
                    return True
    # An attribute assigned where rows are loaded: in a function given a session, or inside
    # ``with db.session()`` (other objects — sheets, PDF styles — are not the database).
    takes_session = any(a.arg == "session" for a in function.args.args)
    scopes = [function] if takes_session else [n for n in ast.walk(function) if _opens_a_session(n)]
    return any(_assigns_to_a_row(node) for scope in scopes for node in ast.walk(scope))


def core_writers() -> list[tuple[str, str]]:
    """Public functions of core taking ``db`` first that write, directly or through a call."""
    functions: dict[tuple[str, str], ast.FunctionDef] = {}
    imported: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted((ROOT / "core").rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported[module] = {
            alias.asname or alias.name: (node.module, alias.name)
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("core")
            for alias in node.names
            if node.module
        }
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                functions[(module, node.name)] = node
    writers = {key for key, node in functions.items() if _writes_directly(node)}
    grew = True
    while grew:
        grew = False
        for (module, name), node in functions.items():
            if (module, name) in writers:
                continue
            calls = (
                imported[module].get(c.func.id, (module, c.func.id))
                for c in ast.walk(node)
                if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
            )
            if any(call in writers for call in calls):
                writers.add((module, name))
                grew = True
    return sorted(
        (module, name)
        for module, name in writers
        if not name.startswith("_")
        and [a.arg for a in functions[(module, name)].args.args][:1] == ["db"]
        and (module, name) not in READ_ONLY
    )


def test_the_walk_finds_the_writers():
    found = set(core_writers())
    assert {
        ("core.calendar.visits", "move_visits"),
        ("core.roster.terms", "renew"),
        ("core.casework.rectification", "add_problem"),
        ("core.office.settings", "save_settings"),
    } <= found
    assert ("core.calendar.visits", "visit_rows") not in found


@pytest.mark.parametrize("module, name", core_writers(), ids=lambda v: str(v))
def test_every_operation_that_writes_declares_what_it_changed(module, name):
    operation = getattr(importlib.import_module(module), name)
    assert changes_of(operation), f"{module}.{name} writes but declares no Change"


def test_a_declaration_is_read_back_and_a_read_declares_nothing():
    @mutates(Change.VISITS, Change.PROBLEMS)
    def operation() -> None:
        """A stand-in operation."""

    assert changes_of(operation) == {Change.VISITS, Change.PROBLEMS}
    assert changes_of(print) == frozenset()
    assert Change.VISITS in EVERYTHING and len(EVERYTHING) == len(Change)
