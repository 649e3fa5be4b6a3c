"""Build the frozen app and smoke-test it: the one build command.

    python build/build.py               # icon if missing, PyInstaller, smoke tests, size
    python build/build.py --skip-smoke  # only build
    python build/build.py --installer   # also make the Windows installer (needs makensis)

The bundle lands in ``build/dist/SupervisionDesk``; PyInstaller's work files in ``build/work``.
The smoke tests run the frozen executables against a fresh database in a temporary folder:
version, migration, demo data, the compliance check, an Excel export and its re-import, a PDF
report, and a GUI start that exits once the dashboard has loaded. Any failure ends the build with
a non-zero exit code and the step that failed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
ROOT = BUILD_DIR.parent
SPEC = BUILD_DIR / "supervision_desk.spec"
WORK_DIR = BUILD_DIR / "work"
DIST_DIR = BUILD_DIR / "dist"
APP_NAME = "SupervisionDesk"
CLI_NAME = "supervision-desk-cli"
BUNDLE_DIR = DIST_DIR / APP_NAME
INSTALLER_SCRIPT = BUILD_DIR / "installer.nsi"
ICON_FILES = (ROOT / "resources" / "icons" / "app.png", ROOT / "resources" / "icons" / "app.ico")
SMOKE_TIMEOUT_S = 180
# Output that means the bundle misses a module or the migration scripts.
FROZEN_FAILURE_MARKERS = ("No 'script_location'", "ModuleNotFoundError", "ImportError", "Traceback")


class BuildError(Exception):
    """A build or smoke-test step failed."""


def project_version() -> str:
    """The version in pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def executable(name: str) -> Path:
    """Path of one of the bundle's executables on this platform."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return BUNDLE_DIR / f"{name}{suffix}"


def ensure_icon() -> None:
    """Draw the icon files when one of them is missing."""
    if all(path.is_file() for path in ICON_FILES):
        return
    print("drawing the app icon …", flush=True)
    subprocess.run([sys.executable, str(BUILD_DIR / "make_icon.py")], check=True, cwd=ROOT)


def run_pyinstaller() -> float:
    """Freeze the app with the spec; returns the seconds it took."""
    started = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--workpath",
        str(WORK_DIR),
        "--distpath",
        str(DIST_DIR),
        "--noconfirm",
    ]
    print("running PyInstaller …", flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError("PyInstaller failed (see its output above)")
    return time.perf_counter() - started


def run_frozen(
    title: str, args: list[str], env: dict[str, str], expect: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one smoke step; raise :class:`BuildError` unless it exits 0 with clean output."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            args,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=SMOKE_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"smoke test '{title}' did not finish in {SMOKE_TIMEOUT_S} s") from exc
    elapsed = time.perf_counter() - started
    output = result.stdout + result.stderr
    problems = [marker for marker in FROZEN_FAILURE_MARKERS if marker in output]
    if result.returncode != 0 or problems or (expect and expect not in output):
        detail = output.strip()[-3000:] or "(no output)"
        reason = f"exit code {result.returncode}"
        if problems:
            reason += f", output mentions {', '.join(problems)}"
        if expect and expect not in output:
            reason += f", output lacks {expect!r}"
        raise BuildError(f"smoke test '{title}' failed: {reason}\n{detail}")
    print(f"  ok  {title} ({elapsed:.1f} s)", flush=True)
    return result


def smoke_test(version: str) -> None:
    """Run the frozen CLI and GUI against a fresh database in a temporary data folder."""
    cli, app = executable(CLI_NAME), executable(APP_NAME)
    for path in (cli, app):
        if not path.is_file():
            raise BuildError(f"missing executable {path}")
    print("smoke-testing the frozen bundle …", flush=True)
    with tempfile.TemporaryDirectory(prefix="supervision-desk-smoke-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUPERVISION_DESK_HOME": tmp}
        env.pop("PYTHONPATH", None)
        database = str(Path(tmp) / "fresh.db")
        run_frozen("--version", [str(cli), "--version"], env, expect=version)
        run_frozen("migrate", [str(cli), "--db", database, "migrate"], env)
        run_frozen("migrate again", [str(cli), "--db", database, "migrate"], env)
        run_frozen("demo", [str(cli), "--db", database, "demo"], env)
        run_frozen("check", [str(cli), "--db", database, "check", "--json"], env, expect="schools")
        sheet = str(Path(tmp) / "schools.xlsx")
        run_frozen("export", [str(cli), "--db", database, "export", "schools", sheet], env)
        run_frozen(
            "import (dry run)",
            [str(cli), "--db", database, "import", "schools", sheet, "--dry-run"],
            env,
        )
        pdf = str(Path(tmp) / "roster.pdf")
        run_frozen("report", [str(cli), "--db", database, "report", "roster", "--out", pdf], env)
        if not Path(pdf).read_bytes().startswith(b"%PDF"):
            raise BuildError("smoke test 'report' wrote no PDF")
        run_frozen("GUI start (--smoke)", [str(app), "--db", database, "--smoke"], env)


def bundle_megabytes() -> float:
    """Total size of the bundle folder in MB."""
    files = [p for p in BUNDLE_DIR.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1_000_000


def version_quad(version: str) -> str:
    """The version as the four numbers Windows version resources require, e.g. 0.1.0.0."""
    numbers = re.findall(r"\d+", version)[:4]
    return ".".join(numbers + ["0"] * (4 - len(numbers)))


def make_installer(version: str) -> Path:
    """Compile the NSIS installer from the bundle; returns the installer's path."""
    makensis = shutil.which("makensis")
    if makensis is None:
        raise BuildError("--installer needs makensis (NSIS) on PATH")
    installer = DIST_DIR / f"{APP_NAME}-{version}-setup.exe"
    command = [
        makensis,
        "-V2",
        f"-DVERSION={version}",
        f"-DVERSION_QUAD={version_quad(version)}",
        f"-DBUNDLE_DIR={BUNDLE_DIR}",
        f"-DOUT_FILE={installer}",
        f"-DICON_FILE={ICON_FILES[1]}",
        str(INSTALLER_SCRIPT),
    ]
    print("compiling the installer …", flush=True)
    if subprocess.run(command, cwd=BUILD_DIR).returncode != 0:
        raise BuildError("makensis failed (see its output above)")
    return installer


def main(argv: list[str] | None = None) -> int:
    """Build, smoke-test and optionally package the app; returns the exit code."""
    parser = argparse.ArgumentParser(description="Build the frozen Supervision Desk bundle.")
    parser.add_argument("--skip-smoke", action="store_true", help="do not run the smoke tests")
    parser.add_argument("--installer", action="store_true", help="also compile the installer")
    args = parser.parse_args(argv)
    version = project_version()
    try:
        ensure_icon()
        seconds = run_pyinstaller()
        print(f"built {BUNDLE_DIR.relative_to(ROOT)} {version} in {seconds:.0f} s")
        if not args.skip_smoke:
            smoke_test(version)
        print(f"bundle size: {bundle_megabytes():.1f} MB")
        if args.installer:
            installer = make_installer(version)
            size = installer.stat().st_size / 1_000_000
            print(f"installer: {installer.relative_to(ROOT)} ({size:.1f} MB)")
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
