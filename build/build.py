"""Build the frozen app and smoke-test it: the one build command.

    python build/build.py               # icon if missing, PyInstaller, smoke tests, size
    python build/build.py --skip-smoke  # only build
    python build/build.py --installer   # also make the Windows installer (Windows, makensis)
    python build/build.py --no-pin-check  # build even if packages differ from constraints.txt

Before building, the installed versions of every package the bundle is made of or with (the
app's dependencies, psycopg when installed, PyInstaller, and everything they require) are
compared with ``constraints.txt``; a difference ends the build unless ``--no-pin-check`` is given.
Install the pinned versions with ``pip install -c constraints.txt -e ".[test,dev]"``.

The bundle lands in ``build/dist/SupervisionDesk``; PyInstaller's work files in ``build/work``.
The smoke tests run the frozen executables against a fresh database in a temporary folder:
version, migration, demo data, the compliance check, an Excel export and its re-import, a PDF
report, a GUI start that exits once the dashboard has loaded, and ``bundle-check``
(``build/bundle_check.py``, frozen with the app): a GUI session that shows every page, previews
a report with QtPdf, prints it through QPrinter and checks what the spec's exclusions could
break; it writes what the process loaded to ``build/work/bundle-check.json`` and is deleted from
the bundle afterwards. Then the bundle may be at most 150 MB (:data:`BUNDLE_LIMIT_MB`); the build
prints its size and largest files. Any failure ends the build with a non-zero exit code and the
step that failed.

``--installer`` runs only on Windows: PyInstaller cannot cross-build, so a bundle frozen on Linux
holds no ``SupervisionDesk.exe`` for the installer's shortcuts. ``build/test_installer.py``
tests the installer script here, under wine, around a stand-in bundle.

Code signing is optional: with ``SUPERVISION_DESK_SIGN_TOOL`` (the path of signtool.exe or
osslsigncode) and ``SUPERVISION_DESK_SIGN_CERT`` (a .pfx file) set, the bundle's executables,
the uninstaller and the installer are signed (``SUPERVISION_DESK_SIGN_PASSWORD`` and
``SUPERVISION_DESK_SIGN_TIMESTAMP``, a timestamp server URL, are optional). Without them,
nothing is signed and the build says so.
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
CONSTRAINTS = ROOT / "constraints.txt"
# What the bundle is made with besides the app's dependencies (its hooks are a requirement of it).
BUILD_TOOLS = ("pyinstaller",)
# Extras whose packages the spec bundles when they are installed.
OPTIONAL_EXTRAS = ("postgres",)
WORK_DIR = BUILD_DIR / "work"
DIST_DIR = BUILD_DIR / "dist"
APP_NAME = "SupervisionDesk"
CLI_NAME = "supervision-desk-cli"
# build/bundle_check.py, frozen with the app for the smoke tests and deleted after them.
CHECK_NAME = "bundle-check"
CHECK_REPORT = WORK_DIR / "bundle-check.json"
# The onedir bundle's size limit (issue 19): the build fails above it.
BUNDLE_LIMIT_MB = 150.0
BUNDLE_DIR = DIST_DIR / APP_NAME
INSTALLER_SCRIPT = BUILD_DIR / "installer.nsi"
ICON_FILES = (ROOT / "resources" / "icons" / "app.png", ROOT / "resources" / "icons" / "app.ico")
SMOKE_TIMEOUT_S = 180
# Output that means the bundle misses a module or the migration scripts.
FROZEN_FAILURE_MARKERS = ("No 'script_location'", "ModuleNotFoundError", "ImportError", "Traceback")
# Code signing, optional: see the module's docstring.
SIGN_TOOL_ENV = "SUPERVISION_DESK_SIGN_TOOL"
SIGN_CERT_ENV = "SUPERVISION_DESK_SIGN_CERT"
SIGN_PASSWORD_ENV = "SUPERVISION_DESK_SIGN_PASSWORD"
SIGN_TIMESTAMP_ENV = "SUPERVISION_DESK_SIGN_TIMESTAMP"


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


def bundle_requirements() -> list[str]:
    """The requirements the bundle is made of or with: see :data:`BUILD_TOOLS`."""
    from importlib.util import find_spec

    with (ROOT / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    requirements = [*project["dependencies"], *BUILD_TOOLS]
    if find_spec("psycopg") is not None:
        for extra in OPTIONAL_EXTRAS:
            requirements += project["optional-dependencies"][extra]
    return requirements


def pin_differences(constraints: Path = CONSTRAINTS) -> list[str]:
    """How the installed packages of the bundle differ from ``constraints``; empty if they don't.

    Walks the requirements of :func:`bundle_requirements` through the installed distributions'
    metadata, with the markers evaluated for this platform.
    """
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        from packaging.requirements import Requirement
        from packaging.utils import canonicalize_name
    except ImportError as exc:  # packaging comes with PyInstaller
        raise BuildError("packaging is not installed; PyInstaller is missing") from exc

    pins: dict[str, Requirement] = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            pin = Requirement(line)
            if pin.marker is None or pin.marker.evaluate():
                pins[canonicalize_name(pin.name)] = pin
    differences: list[str] = []
    seen: dict[str, set[str]] = {}
    queue = [Requirement(text) for text in bundle_requirements()]
    while queue:
        req = queue.pop()
        name = canonicalize_name(req.name)
        if name in seen and set(req.extras) <= seen[name]:
            continue
        first = name not in seen
        seen.setdefault(name, set()).update(req.extras)
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            differences.append(f"{name}: not installed, required ({req})")
            continue
        if first and name not in pins:
            differences.append(f"{name} {dist.version}: installed, not in {constraints.name}")
        elif first and not pins[name].specifier.contains(dist.version, prereleases=True):
            pinned = pins[name].specifier
            differences.append(f"{name} {dist.version}: installed, {constraints.name} has {pinned}")
        for text in dist.requires or []:
            dep = Requirement(text)
            extras = ["", *sorted(req.extras)]
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in extras):
                queue.append(dep)
    return sorted(differences)


def check_pins(enforce: bool) -> None:
    """Stop the build (or only warn) when the bundle's packages differ from the pins."""
    differences = pin_differences()
    if not differences:
        print(f"package versions match {CONSTRAINTS.name}", flush=True)
        return
    listing = "\n".join(f"  {line}" for line in differences)
    fix = f'install the pinned versions: pip install -c {CONSTRAINTS.name} -e ".[test,dev]"'
    if enforce:
        raise BuildError(
            f"the installed packages differ from {CONSTRAINTS.name}:\n{listing}\n"
            f"{fix}\n(or build with them anyway: --no-pin-check)"
        )
    print(f"warning: building with packages that differ from {CONSTRAINTS.name}:\n{listing}")


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
        check = [str(executable(CHECK_NAME)), "--db", database, "--out", tmp]
        check += ["--report", str(CHECK_REPORT)]
        result = run_frozen("GUI session (bundle-check)", check, env, expect="bundle check ok")
        for line in result.stdout.splitlines()[:-1]:
            print(f"      {line}", flush=True)


def remove_check_executable(bundle: Path = BUNDLE_DIR) -> None:
    """Delete the bundle-check executable: it is for the smoke tests, not for users."""
    for suffix in ("", ".exe"):
        (bundle / f"{CHECK_NAME}{suffix}").unlink(missing_ok=True)


def bundle_files(bundle: Path = BUNDLE_DIR) -> list[Path]:
    """The bundle's files (links to other files of it left out)."""
    return [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


def bundle_megabytes(bundle: Path = BUNDLE_DIR) -> float:
    """Total size of the bundle folder in MB."""
    return sum(p.stat().st_size for p in bundle_files(bundle)) / 1_000_000


def largest_files(bundle: Path = BUNDLE_DIR, count: int = 10) -> list[tuple[str, float]]:
    """The ``count`` largest files of the bundle: (path in the bundle, MB), largest first."""
    sizes = [
        (p.stat().st_size / 1_000_000, p.relative_to(bundle).as_posix())
        for p in bundle_files(bundle)
    ]
    return [(path, size) for size, path in sorted(sizes, reverse=True)[:count]]


def check_size(bundle: Path = BUNDLE_DIR, limit: float = BUNDLE_LIMIT_MB) -> float:
    """Print the bundle's size and largest files; :class:`BuildError` above ``limit`` MB."""
    size = bundle_megabytes(bundle)
    print(f"bundle size: {size:.1f} MB (limit {limit:.0f} MB); largest files:")
    for path, megabytes in largest_files(bundle):
        print(f"  {megabytes:6.1f} MB  {path}")
    if size > limit:
        raise BuildError(
            f"the bundle is {size:.1f} MB, over its limit of {limit:.0f} MB: see the exclusions "
            "in build/supervision_desk.spec for what was left out and why"
        )
    return size


def version_quad(version: str) -> str:
    """The version as the four numbers Windows version resources require, e.g. 0.1.0.0."""
    numbers = re.findall(r"\d+", version)[:4]
    return ".".join(numbers + ["0"] * (4 - len(numbers)))


def is_windows_executable(path: Path) -> bool:
    """Whether ``path`` is a Windows (PE) executable: MZ header pointing at a PE signature."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if len(head) < 64 or head[:2] != b"MZ":
        return False
    offset = int.from_bytes(head[60:64], "little")
    return head[offset : offset + 4] == b"PE\0\0"


def windows_bundle_problem(bundle: Path) -> str | None:
    """Why ``bundle`` cannot go into the installer, or None when it holds both Windows .exe."""
    for name in (APP_NAME, CLI_NAME):
        exe = bundle / f"{name}.exe"
        if not exe.is_file():
            return f"{bundle} has no {exe.name}: it is not a Windows bundle"
        if not is_windows_executable(exe):
            return f"{exe} is not a Windows executable"
    return None


def signing_command(target: Path) -> list[str] | None:
    """The command that signs ``target`` in place, or None when no certificate is configured."""
    tool, cert = os.environ.get(SIGN_TOOL_ENV), os.environ.get(SIGN_CERT_ENV)
    if not tool or not cert:
        return None
    password = os.environ.get(SIGN_PASSWORD_ENV, "")
    timestamp = os.environ.get(SIGN_TIMESTAMP_ENV, "")
    if "osslsigncode" in Path(tool).name.lower():
        # osslsigncode writes a new file; sign_file moves it over the original.
        command = [tool, "sign", "-pkcs12", cert, "-h", "sha256", "-n", APP_NAME]
        command += ["-pass", password] if password else []
        command += ["-ts", timestamp] if timestamp else []
        return [*command, "-in", str(target), "-out", f"{target}.signed"]
    command = [tool, "sign", "/f", cert, "/fd", "SHA256", "/d", APP_NAME]
    command += ["/p", password] if password else []
    command += ["/tr", timestamp, "/td", "SHA256"] if timestamp else []
    return [*command, str(target)]


def signing_configured() -> bool:
    """Whether a signing tool and certificate are configured (and say so when they are not)."""
    if signing_command(Path("x.exe")) is None:
        print(f"not signing: set {SIGN_TOOL_ENV} and {SIGN_CERT_ENV} to sign", flush=True)
        return False
    tool = os.environ[SIGN_TOOL_ENV]
    if shutil.which(tool) is None:
        raise BuildError(f"{SIGN_TOOL_ENV}={tool} is not an executable")
    if not Path(os.environ[SIGN_CERT_ENV]).is_file():
        raise BuildError(f"{SIGN_CERT_ENV}={os.environ[SIGN_CERT_ENV]} is not a file")
    return True


def sign_file(target: Path) -> None:
    """Sign one executable in place with the configured tool; see :func:`signing_command`."""
    command = signing_command(target)
    if command is None:
        raise BuildError(f"cannot sign {target.name}: no certificate configured")
    result = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if result.returncode != 0:  # the output may name the certificate, never the password
        raise BuildError(f"signing {target.name} failed:\n{result.stdout}{result.stderr}")
    signed = Path(f"{target}.signed")
    if signed.is_file():
        signed.replace(target)
    print(f"  signed {target.name}", flush=True)


def sign_bundle(bundle: Path = BUNDLE_DIR) -> None:
    """Sign the bundle's executables (on Windows builds, before they are smoke-tested)."""
    for name in (APP_NAME, CLI_NAME):
        exe = bundle / f"{name}.exe"
        if exe.is_file():
            sign_file(exe)


def make_installer(
    version: str,
    bundle: Path = BUNDLE_DIR,
    installer: Path | None = None,
    target: str | None = None,
    sign: bool = False,
) -> Path:
    """Compile the NSIS installer around a Windows bundle; returns the installer's path.

    ``target`` is NSIS's (``amd64-unicode``, ``x86-unicode``); by default the script picks.
    """
    problem = windows_bundle_problem(bundle)
    if problem is not None:
        raise BuildError(f"no installer: {problem}")
    makensis = shutil.which("makensis")
    if makensis is None:
        raise BuildError("--installer needs makensis (NSIS) on PATH")
    installer = installer or DIST_DIR / f"{APP_NAME}-{version}-setup.exe"
    command = [
        makensis,
        "-V2",
        f"-DVERSION={version}",
        f"-DVERSION_QUAD={version_quad(version)}",
        f"-DBUNDLE_DIR={bundle}",
        f"-DOUT_FILE={installer}",
        f"-DICON_FILE={ICON_FILES[1]}",
    ]
    if target:
        command.append(f"-DTARGET={target}")
    if sign:
        # makensis runs this on the uninstaller before packing it (%1 is its path).
        signer = [sys.executable, str(Path(__file__).resolve()), "--sign-file", "%1"]
        command.append(f"-DSIGN_UNINSTALLER={subprocess.list2cmdline(signer)}")
    command.append(str(INSTALLER_SCRIPT))
    print("compiling the installer …", flush=True)
    if subprocess.run(command, cwd=BUILD_DIR).returncode != 0:
        raise BuildError("makensis failed (see its output above)")
    if sign:
        sign_file(installer)
    return installer


def installer_refusal() -> str | None:
    """Why ``--installer`` cannot run on this machine, or None on Windows."""
    if sys.platform == "win32":
        return None
    return (
        f"--installer needs a Windows bundle, and PyInstaller on {sys.platform} freezes a "
        f"{sys.platform} one (it cannot cross-build): an installer around it would install "
        f"shortcuts to a {APP_NAME}.exe that is not there. Build the installer on Windows "
        "(.github/workflows/release.yml); here, build/test_installer.py tests the installer "
        "script under wine."
    )


def main(argv: list[str] | None = None) -> int:
    """Build, smoke-test and optionally package the app; returns the exit code."""
    parser = argparse.ArgumentParser(description="Build the frozen Supervision Desk bundle.")
    parser.add_argument("--skip-smoke", action="store_true", help="do not run the smoke tests")
    parser.add_argument("--installer", action="store_true", help="also compile the installer")
    parser.add_argument(
        "--no-pin-check",
        action="store_true",
        help=f"build even if installed packages differ from {CONSTRAINTS.name}",
    )
    parser.add_argument("--sign-file", metavar="EXE", help=argparse.SUPPRESS)  # for makensis
    args = parser.parse_args(argv)
    version = project_version()
    try:
        if args.sign_file:
            sign_file(Path(args.sign_file))
            return 0
        if args.installer and (refusal := installer_refusal()):
            raise BuildError(refusal)
        check_pins(enforce=not args.no_pin_check)
        ensure_icon()
        sign = signing_configured()
        seconds = run_pyinstaller()
        print(f"built {BUNDLE_DIR.relative_to(ROOT)} {version} in {seconds:.0f} s")
        if sign:
            sign_bundle()
        try:
            if not args.skip_smoke:
                smoke_test(version)
        finally:
            remove_check_executable()
        check_size()
        if args.installer:
            installer = make_installer(version, sign=sign)
            size = installer.stat().st_size / 1_000_000
            print(f"installer: {installer.relative_to(ROOT)} ({size:.1f} MB)")
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
