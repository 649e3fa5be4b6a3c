"""Update or check the interface translations (resources/translations).

    python build/translations.py           # refresh the .ts from gui/ sources, then compile .qm
    python build/translations.py --check   # fail if the .ts misses a string or the .qm is stale

New strings appear in the .ts as unfinished; translate them with Qt Linguist
(``pyside6-linguist``) or an editor, then run this again to compile the .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
BASENAME = "supervision_desk"


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


def update_ts(ts_file: Path) -> None:
    """Refresh ``ts_file`` with the strings of the sources (dropping vanished ones)."""
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources(), "-ts", str(ts_file), "-no-obsolete", "-silent"],
        cwd=ROOT,
        check=True,
    )


def compile_qm(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def unfinished(ts_file: Path) -> list[str]:
    """Source strings without a finished translation."""
    tree = ET.parse(ts_file)
    return [
        message.findtext("source", "")
        for message in tree.iter("message")
        if (tr := message.find("translation")) is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not (tr.text or "").strip()
    ]


def check() -> list[str]:
    """Problems with the committed translations; empty when they are complete and current."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            ts_file = TRANSLATIONS / f"{BASENAME}_{language}.ts"
            qm_file = TRANSLATIONS / f"{BASENAME}_{language}.qm"
            fresh_ts = Path(tmp) / ts_file.name
            shutil.copyfile(ts_file, fresh_ts)
            update_ts(fresh_ts)
            problems += [f"{language}: not translated: {text!r}" for text in unfinished(fresh_ts)]
            fresh_qm = Path(tmp) / qm_file.name
            compile_qm(ts_file, fresh_qm)
            if not qm_file.exists() or fresh_qm.read_bytes() != qm_file.read_bytes():
                problems.append(f"{language}: {qm_file.name} is out of date; run this script")
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
        update_ts(ts_file)
        compile_qm(ts_file, TRANSLATIONS / f"{BASENAME}_{language}.qm")
        for text in unfinished(ts_file):
            print(f"{language}: not translated yet: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
