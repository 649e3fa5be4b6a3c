"""Update or check the translations (resources/translations).

    python build/translations.py           # refresh the catalogues from the sources, compile them
    python build/translations.py --check   # fail if a string is untranslated or a file is stale

Two catalogues: the interface's (gui/, English source → Chinese) is Qt's .ts/.qm; core's
(Chinese source → English, see :mod:`core.i18n`) is gettext's core_en.po/.mo. New strings appear
in the .ts as unfinished and in the .po with an empty translation; translate them with Qt
Linguist (``pyside6-linguist``), a .po editor or a text editor, then run this again to compile.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
PLURAL_ONLY = ("en",)
"""Languages whose .ts holds only the ``%n`` messages: the sources are English already, so
English needs only the singular and plural forms of counted messages ("1 school", "2 schools")."""
BASENAME = "supervision_desk"
CORE_PO = TRANSLATIONS / "core_en.po"
CORE_MO = TRANSLATIONS / "core_en.mo"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def _tool(name: str) -> str:
    """A Qt tool installed beside this Python (the PySide6 wheels ship them)."""
    candidate = Path(sys.executable).with_name(name)
    found = shutil.which(name) if not candidate.exists() else str(candidate)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def sources() -> list[str]:
    """Every Python file of the user interface."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def update_ts(ts_file: Path, language: str) -> None:
    """Refresh ``ts_file`` with the strings of the sources (dropping vanished ones)."""
    plural_only = ["-pluralonly"] if language in PLURAL_ONLY else []
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources(),
            "-ts",
            str(ts_file),
            "-no-obsolete",
            "-silent",
            *plural_only,
        ],
        cwd=ROOT,
        check=True,
    )


def compile_qm(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def unfinished(ts_file: Path) -> list[str]:
    """Source strings without a finished translation (every plural form, for ``%n`` ones)."""
    tree = ET.parse(ts_file)
    return [
        message.findtext("source", "")
        for message in tree.iter("message")
        if (tr := message.find("translation")) is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not _translated(tr)
    ]


def _translated(translation: ET.Element) -> bool:
    forms = translation.findall("numerusform")
    texts = [form.text for form in forms] if forms else [translation.text]
    return all((text or "").strip() for text in texts)


def core_messages() -> dict[str, bool]:
    """Core's Chinese source strings → whether English needs a plural: every ``_("…")`` and
    ``n_("…", n)`` of core/, the enum labels and the policy's labels, units and groups."""
    found: dict[str, bool] = {}
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "n_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = node.func.id == "n_"
    sys.path.insert(0, str(ROOT))
    from dataclasses import fields

    from core import enums
    from core.office.policy import PolicyProfile

    for enum in vars(enums).values():
        if isinstance(enum, type) and issubclass(enum, enums.LabelledEnum):
            found.update((member._chinese_label, False) for member in enum)
    for setting in fields(PolicyProfile):
        for key in ("label", "unit", "group"):
            if setting.metadata.get(key):
                found[setting.metadata[key]] = False
    return found


def update_core_catalogue(po_file: Path, mo_file: Path) -> list[str]:
    """Refresh ``po_file`` with core's messages (keeping the translations it has, dropping
    vanished ones) and compile it into ``mo_file``; returns the untranslated sources."""
    with po_file.open("rb") as file:
        old = read_po(file, locale="en")
    # Fixed dates and header, so that the files change only when a message does.
    catalogue = Catalog(
        locale="en",
        project="督导工作台 Supervision Desk",
        version=None,
        header_comment="# English for the messages of core/ (see core/i18n.py).",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )
    missing = []
    for source, plural in sorted(core_messages().items()):
        key = (source, source) if plural else source
        known = old.get(key)
        string: str | tuple[str, str] = (known.string if known else None) or (
            ("", "") if plural else ""
        )
        catalogue.add(key, string)
        if not all(string if isinstance(string, tuple) else (string,)):
            missing.append(source)
    with po_file.open("wb") as file:
        write_po(file, catalogue, width=0, omit_header=False, sort_output=True)
    with mo_file.open("wb") as file:
        write_mo(file, catalogue)
    return missing


def check() -> list[str]:
    """Problems with the committed translations; empty when they are complete and current."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            ts_file = TRANSLATIONS / f"{BASENAME}_{language}.ts"
            qm_file = TRANSLATIONS / f"{BASENAME}_{language}.qm"
            fresh_ts = Path(tmp) / ts_file.name
            shutil.copyfile(ts_file, fresh_ts)
            update_ts(fresh_ts, language)
            problems += [f"{language}: not translated: {text!r}" for text in unfinished(fresh_ts)]
            fresh_qm = Path(tmp) / qm_file.name
            compile_qm(ts_file, fresh_qm)
            if not qm_file.exists() or fresh_qm.read_bytes() != qm_file.read_bytes():
                problems.append(f"{language}: {qm_file.name} is out of date; run this script")
        fresh_po, fresh_mo = Path(tmp) / CORE_PO.name, Path(tmp) / CORE_MO.name
        shutil.copyfile(CORE_PO, fresh_po)
        problems += [
            f"en: not translated: {text!r}" for text in update_core_catalogue(fresh_po, fresh_mo)
        ]
        for fresh, committed in ((fresh_po, CORE_PO), (fresh_mo, CORE_MO)):
            if not committed.exists() or fresh.read_bytes() != committed.read_bytes():
                problems.append(f"en: {committed.name} is out of date; run this script")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only, change nothing")
    if parser.parse_args().check:
        problems = check()
        print("\n".join(problems) or "translations are complete and compiled")
        return 1 if problems else 0
    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"{BASENAME}_{language}.ts"
        update_ts(ts_file, language)
        compile_qm(ts_file, TRANSLATIONS / f"{BASENAME}_{language}.qm")
        for text in unfinished(ts_file):
            print(f"{language}: not translated yet: {text!r}")
    for text in update_core_catalogue(CORE_PO, CORE_MO):
        print(f"en: not translated yet: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
