"""Regenerate ``constraints.txt``: the exact versions CI and the frozen build install.

    python3 build/lock.py              # writes constraints.txt at the repository root
    python3 build/lock.py --out FILE   # writes FILE instead

Run it on Linux with CPython 3.11 (CI's platform); it needs PyPI. It resolves afresh, with no
constraints, as a first install would, so the file gets the newest versions pyproject.toml allows:

1. a new venv in a temporary folder, with pip and setuptools upgraded;
2. ``pip install -e ".[test,dev]"`` in it;
3. ``pip freeze --all --exclude-editable`` (less pip): every installed distribution, exactly;
4. the project's requirement graph walked once for Linux and once for Windows, markers such as
   ``sys_platform == "win32"`` evaluated for each: a package that only Windows needs (pytest's
   colorama, PyInstaller's pefile) is resolved for Windows and pinned with the marker
   ``sys_platform == "win32"``, one that only Linux needs with ``sys_platform != "win32"``;
5. every pin Windows needs is checked to have a wheel for CPython 3.11 on win_amd64.

Steps 3 to 5 run inside the temporary venv (``--resolve``), where ``packaging`` is installed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "constraints.txt"
EXTRAS = "test,dev"
PYTHON_VERSION = "3.11"
# pip options that select the wheels of CPython 3.11 on 64-bit Windows.
WINDOWS_WHEELS = [
    "--only-binary=:all:",
    "--platform=win_amd64",
    f"--python-version={PYTHON_VERSION}",
    "--implementation=cp",
    "--abi=cp311",
    "--abi=abi3",
    "--abi=none",
]
WINDOWS_MARKER = 'sys_platform == "win32"'
NOT_WINDOWS_MARKER = 'sys_platform != "win32"'
HEADER = f"""\
# Exact versions CI and the frozen build install: every runtime, test and dev dependency of
# supervision-desk, transitively, for CPython {PYTHON_VERSION} on Linux and Windows (x86-64):
#     pip install -c constraints.txt -e ".[{EXTRAS}]"
# Regenerate with `python3 build/lock.py` (on Linux, Python {PYTHON_VERSION}; a fresh venv resolves
# `pip install -e ".[{EXTRAS}]"`, then `pip freeze --all --exclude-editable` less pip, plus the
# packages only Windows needs, with a marker). build/build.py refuses a bundle whose packages
# differ from these pins.
"""


def pip(python: str, *args: str, capture: bool = False) -> str:
    """Run pip of ``python``; returns its stdout when captured."""
    result = subprocess.run(
        [python, "-m", "pip", *args],
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def create_venv(folder: Path) -> str:
    """A fresh venv with the project installed, unconstrained; returns its Python."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    scripts = "Scripts" if sys.platform == "win32" else "bin"
    python = str(folder / scripts / ("python.exe" if sys.platform == "win32" else "python"))
    pip(python, "install", "-q", "--upgrade", "pip", "setuptools")
    pip(python, "install", "-q", "-e", f"{ROOT}[{EXTRAS}]")
    return python


# --- run inside the temporary venv -----------------------------------------------------------


def windows_environment() -> dict[str, str]:
    """Marker variables of CPython on 64-bit Windows, this interpreter's version."""
    from packaging.markers import default_environment

    return {
        **default_environment(),
        "os_name": "nt",
        "sys_platform": "win32",
        "platform_system": "Windows",
        "platform_machine": "AMD64",
        "platform_release": "10",
        "platform_version": "10.0.19045",
    }


def installed_requirements() -> dict[str, tuple[str, list[str]]]:
    """Canonical name → (version, requirement strings) of every installed distribution."""
    from importlib.metadata import distributions

    from packaging.utils import canonicalize_name

    return {
        canonicalize_name(dist.metadata["Name"]): (dist.version, list(dist.requires or []))
        for dist in distributions()
    }


def walk(
    root: str, environment: dict[str, str], known: dict[str, tuple[str, list[str]]]
) -> tuple[set[str], dict[str, str]]:
    """Names the requirement ``root`` needs on ``environment``, and the unknown ones' specifiers."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: dict[str, set[str]] = {}
    missing: dict[str, str] = {}
    queue = [Requirement(root)]
    while queue:
        req = queue.pop()
        name = canonicalize_name(req.name)
        if name not in known:
            missing[name] = ",".join(filter(None, (missing.get(name, ""), str(req.specifier))))
            continue
        extras = set(req.extras)
        if name in seen and extras <= seen[name]:
            continue
        seen.setdefault(name, set()).update(extras)
        for text in known[name][1]:
            dep = Requirement(text)
            if dep.marker is None or any(
                dep.marker.evaluate({**environment, "extra": extra})
                for extra in ["", *sorted(extras)]
            ):
                queue.append(dep)
    return set(seen), missing


def fetch_for_windows(missing: dict[str, str], pins: Path) -> dict[str, tuple[str, list[str]]]:
    """Version and requirements of the newest Windows wheels of ``missing``, within ``pins``."""
    from packaging.utils import canonicalize_name

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        args = ["install", "-q", "--dry-run", "--ignore-installed", "--no-deps"]
        args += [*WINDOWS_WHEELS, "-c", str(pins), "--report", str(report)]
        pip(sys.executable, *args, *(f"{name}{spec}" for name, spec in missing.items()))
        entries = json.loads(report.read_text(encoding="utf-8"))["install"]
    return {
        canonicalize_name(e["metadata"]["name"]): (
            e["metadata"]["version"],
            list(e["metadata"].get("requires_dist") or []),
        )
        for e in entries
    }


def resolve(out: Path) -> None:
    """Freeze this venv, add the packages only Windows needs, check Windows wheels, write."""
    from packaging.markers import default_environment
    from packaging.utils import canonicalize_name

    frozen = {}
    for line in pip(sys.executable, "freeze", "--all", "--exclude-editable", capture=True).split():
        name, sep, version = line.partition("==")
        if not sep:
            sys.exit(f"lock: pip freeze gave {line!r}, not an exact version")
        frozen[canonicalize_name(name)] = version
    frozen.pop("pip", None)
    known = installed_requirements()
    root = f"supervision-desk[{EXTRAS}]"
    on_linux, missing = walk(root, dict(default_environment()), known)
    if missing:
        sys.exit(f"lock: installed, yet unresolved on Linux: {', '.join(sorted(missing))}")
    with tempfile.TemporaryDirectory() as tmp:
        pins = Path(tmp) / "pins.txt"
        pins.write_text("".join(f"{n}=={v}\n" for n, v in frozen.items()), encoding="utf-8")
        while True:
            on_windows, missing = walk(root, windows_environment(), known)
            if not missing:
                break
            fetched = fetch_for_windows(missing, pins)
            if not set(missing) <= set(fetched):
                sys.exit(f"lock: pip found no Windows wheel of {', '.join(sorted(missing))}")
            known.update(fetched)
        on_windows.discard("supervision-desk")
        on_linux.discard("supervision-desk")
        lines = []
        for name in sorted(on_linux | on_windows):
            version = frozen.get(name) or known[name][0]
            marker = ""
            if name not in on_linux:
                marker = f" ; {WINDOWS_MARKER}"
            elif name not in on_windows:
                marker = f" ; {NOT_WINDOWS_MARKER}"
            lines.append(f"{name}=={version}{marker}")
        unused = sorted(set(frozen) - on_linux)
        if unused:
            print(f"lock: left out, installed but not required: {', '.join(unused)}")
        windows_pins = Path(tmp) / "windows.txt"
        windows_pins.write_text(
            "".join(f"{n}=={frozen.get(n) or known[n][0]}\n" for n in sorted(on_windows)),
            encoding="utf-8",
        )
        args = ["install", "-q", "--dry-run", "--ignore-installed", "--no-deps"]
        try:
            pip(sys.executable, *args, *WINDOWS_WHEELS, "-r", str(windows_pins))
        except subprocess.CalledProcessError:
            sys.exit("lock: a pin has no wheel for CPython 3.11 on win_amd64 (see pip above)")
    out.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    windows_only = len(on_windows - on_linux)
    print(f"lock: wrote {out} ({len(lines)} pins, {windows_only} only for Windows)")


def main(argv: list[str] | None = None) -> int:
    """Resolve in a temporary venv and write the constraints file."""
    parser = argparse.ArgumentParser(description="Regenerate constraints.txt.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="file to write")
    parser.add_argument("--resolve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if args.resolve:
        resolve(out)
        return 0
    if sys.version_info[:2] != (3, 11) or sys.platform != "linux":
        print(f"lock: warning: CI resolves with CPython {PYTHON_VERSION} on Linux", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="supervision-desk-lock-") as tmp:
        python = create_venv(Path(tmp) / "venv")
        command = [python, str(Path(__file__).resolve()), "--resolve", "--out", str(out)]
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
