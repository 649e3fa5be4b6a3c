"""Test the Windows installer script here, on Linux, under wine — as far as wine allows.

    python build/test_installer.py                # compile, then install/upgrade/uninstall
    python build/test_installer.py --compile-only # only compile (no wine on this machine)

PyInstaller cannot cross-build, so the installer is compiled around a stand-in bundle: a tiny
64-bit Windows console program (``installer_standin.c``, built with mingw-w64) under the names of
the app's two executables, plus a version marker in ``_internal``. ``installer.nsi`` is compiled
for NSIS's ``amd64-unicode`` target (Debian's wine64 runs only 64-bit programs) by the same
``make_installer`` that ``build.py --installer`` uses. Then, in a fresh wine prefix in a temporary
folder (``WINEDEBUG=-all``, no display: silent NSIS and console programs need none), it checks:

* ``make_installer`` refuses a bundle without Windows executables;
* a silent install (``/S``) puts the files, the Start Menu and Desktop shortcuts and the HKCU
  uninstall key in place, in Chinese although wine runs in English;
* the installed app runs and writes into the user data folder (``%LOCALAPPDATA%\\SupervisionDesk``,
  what platformdirs gives ``db/paths.py``);
* while the app runs, a silent install and a silent uninstall both refuse (exit code 2) and
  change nothing;
* a second version installs over the first: the old ``_internal`` is gone, the version updated;
* a silent uninstall removes the program, shortcuts and registry keys and keeps the data folder.

Needs makensis (apt: nsis), x86_64-w64-mingw32-gcc (gcc-mingw-w64-x86-64) and wine64 (wine64).
Exits non-zero with the check that failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BUILD_DIR))

import build  # noqa: E402  (build/build.py, next to this file)

STANDIN_SOURCE = BUILD_DIR / "installer_standin.c"
TARGET = "amd64-unicode"
OLD_VERSION, NEW_VERSION = "0.0.1", "0.0.2"
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SupervisionDesk"
SETTINGS_KEY = r"HKCU\Software\SupervisionDesk\Installer"
SHORTCUT = "督导工作台.lnk"  # the Chinese name: the installer's default language
LANG_SIMPCHINESE = "2052"
EXIT_REFUSED = 2  # NSIS: aborted by the script
WINE_TIMEOUT_S = 120


class CheckFailed(Exception):
    """One check of the installer failed."""


def check(condition: bool, what: str) -> None:
    """Raise :class:`CheckFailed` unless ``condition``; print ``what`` when it holds."""
    if not condition:
        raise CheckFailed(what)
    print(f"  ok  {what}", flush=True)


def find_wine() -> str | None:
    """The wine64 loader: on PATH, or where Debian's wine64 package puts it."""
    found = shutil.which("wine64")
    if found:
        return found
    debian = Path("/usr/lib/wine/wine64")
    return str(debian) if debian.is_file() else None


def make_standin(folder: Path) -> Path:
    """Compile the stand-in executable; returns its path."""
    compiler = shutil.which("x86_64-w64-mingw32-gcc")
    if compiler is None:
        raise CheckFailed("x86_64-w64-mingw32-gcc is missing (apt: gcc-mingw-w64-x86-64)")
    exe = folder / "standin.exe"
    command = [compiler, "-O2", "-s", "-municode", "-o", str(exe), str(STANDIN_SOURCE)]
    subprocess.run(command, check=True)
    return exe


def make_bundle(folder: Path, standin: Path, version: str) -> Path:
    """A stand-in bundle laid out like PyInstaller's: two executables and ``_internal``."""
    bundle = folder / f"bundle-{version}"
    (bundle / "_internal" / "nested").mkdir(parents=True)
    for name in (build.APP_NAME, build.CLI_NAME):
        shutil.copy(standin, bundle / f"{name}.exe")
    (bundle / "_internal" / f"version-{version}.txt").write_text(version, encoding="utf-8")
    (bundle / "_internal" / "nested" / "data.txt").write_text(version, encoding="utf-8")
    return bundle


def is_pe32_plus(path: Path) -> bool:
    """Whether ``path`` is a 64-bit (PE32+, x86-64) Windows executable."""
    head = path.read_bytes()[:4096]
    offset = int.from_bytes(head[60:64], "little")
    machine = int.from_bytes(head[offset + 4 : offset + 6], "little")
    return build.is_windows_executable(path) and machine == 0x8664


def compile_installers(folder: Path) -> tuple[Path, Path]:
    """The old and new version's installers around stand-in bundles; checks the refusal too."""
    standin = make_standin(folder)
    check(is_pe32_plus(standin), "the stand-in is a 64-bit Windows executable")
    not_windows = folder / "linux-bundle"
    (not_windows / "_internal").mkdir(parents=True)
    (not_windows / build.APP_NAME).write_bytes(b"\x7fELF")
    try:
        build.make_installer("0.0.0", not_windows, folder / "refused.exe", TARGET)
    except build.BuildError as exc:
        check("not a Windows bundle" in str(exc), "make_installer refuses a non-Windows bundle")
    else:
        raise CheckFailed("make_installer wrapped a non-Windows bundle")
    installers = []
    for version in (OLD_VERSION, NEW_VERSION):
        bundle = make_bundle(folder, standin, version)
        out = folder / f"setup-{version}.exe"
        build.make_installer(version, bundle, out, TARGET)
        check(is_pe32_plus(out), f"installer {version} compiled for {TARGET}")
        installers.append(out)
    return installers[0], installers[1]


class Wine:
    """A throw-away wine prefix with the paths the checks need."""

    def __init__(self, loader: str, folder: Path) -> None:
        self.loader = loader
        home = folder / "home"  # wine links Desktop & co. to $HOME: keep them in the temp dir
        home.mkdir()
        self.env = {
            **os.environ,
            "WINEPREFIX": str(folder / "prefix"),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono or Gecko install prompts
            "WINEARCH": "win64",
            "HOME": str(home),
            # English, so that the Chinese default is the installer's doing; UTF-8, so that
            # wine can map the Chinese shortcut names to Linux file names.
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.prefix = folder / "prefix"
        self.user = ""

    def run(self, *args: str, timeout: float = WINE_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
        """Run a Windows program (or wine built-in) and wait for it."""
        return subprocess.run(
            [self.loader, *args],
            env=self.env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        """Start a Windows program without waiting."""
        return subprocess.Popen(
            [self.loader, *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_idle(self) -> None:
        """Wait until every program in the prefix has ended (the uninstaller's copy, say)."""
        server = shutil.which("wineserver") or str(Path(self.loader).with_name("wineserver"))
        subprocess.run([server, "-w"], env=self.env, timeout=WINE_TIMEOUT_S, check=False)

    def boot(self) -> None:
        """Create the prefix and find the user's folder in it."""
        result = self.run("wineboot", "-i", timeout=180)
        self.wait_idle()
        users = [p for p in (self.prefix / "drive_c" / "users").glob("*") if p.name != "Public"]
        if result.returncode != 0 or len(users) != 1:
            raise CheckFailed(f"wineboot failed ({result.returncode}): {result.stderr[-2000:]}")
        self.user = users[0].name

    @property
    def profile(self) -> Path:
        return self.prefix / "drive_c" / "users" / self.user

    @property
    def install_dir(self) -> Path:
        return self.profile / "AppData" / "Local" / "Programs" / "SupervisionDesk"

    @property
    def install_dir_windows(self) -> str:
        return rf"C:\users\{self.user}\AppData\Local\Programs\SupervisionDesk"

    @property
    def data_dir(self) -> Path:
        return self.profile / "AppData" / "Local" / "SupervisionDesk"

    @property
    def shortcuts(self) -> list[Path]:
        start_menu = self.profile / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
        return [start_menu / SHORTCUT, self.profile / "Desktop" / SHORTCUT]

    def registry(self, key: str) -> dict[str, str] | None:
        """The values of one registry key (``reg query``), or None when it does not exist."""
        result = self.run("reg", "query", key)
        if result.returncode != 0:
            return None
        values = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) == 3 and parts[1].startswith("REG_"):
                values[parts[0]] = parts[2]
        return values


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def check_installed(wine: Wine, version: str) -> None:
    """The files, shortcuts and registry keys of an installed ``version``."""
    folder = wine.install_dir
    for name in (f"{build.APP_NAME}.exe", f"{build.CLI_NAME}.exe", "uninstall.exe"):
        check((folder / name).is_file(), f"{version}: {name} installed")
    check((folder / "_internal" / f"version-{version}.txt").is_file(), f"{version}: _internal")
    for link in wine.shortcuts:
        where = link.parent.name
        check(link.is_file() and link.read_bytes()[:4] == b"L\0\0\0", f"{version}: {where} .lnk")
    values = wine.registry(UNINSTALL_KEY) or {}
    check(values.get("DisplayVersion") == version, f"{version}: uninstall key, DisplayVersion")
    expected = f'"{wine.install_dir_windows}\\uninstall.exe" /S'
    check(values.get("QuietUninstallString") == expected, f"{version}: QuietUninstallString")
    settings = wine.registry(SETTINGS_KEY) or {}
    check(settings.get("Language") == LANG_SIMPCHINESE, f"{version}: silent install in Chinese")


def run_in_wine(loader: str, folder: Path, old: Path, new: Path) -> None:
    """Install, refuse while running, upgrade, refuse again, uninstall."""
    wine = Wine(loader, folder)
    started = time.perf_counter()
    wine.boot()
    print(f"  wine prefix ready ({time.perf_counter() - started:.0f} s)", flush=True)
    app = str(wine.install_dir / f"{build.APP_NAME}.exe")
    ran_file = wine.data_dir / "standin-ran.txt"

    result = wine.run(str(old), "/S")
    check(result.returncode == 0, f"silent install of {OLD_VERSION} exits 0")
    check_installed(wine, OLD_VERSION)
    result = wine.run(app, "--smoke")
    check(result.returncode == 0 and ran_file.is_file(), "the installed app runs (--smoke)")

    running = wine.start(app, "--wait", "60")
    try:
        check(wait_for(lambda: "--wait" in ran_file.read_text(), 30), "the app is running")
        result = wine.run(str(new), "/S")
        check(result.returncode == EXIT_REFUSED, "install refused while the app runs (exit 2)")
        check(
            (wine.install_dir / "_internal" / f"version-{OLD_VERSION}.txt").is_file(),
            "refused install changed nothing",
        )
        uninstaller = str(wine.install_dir / "uninstall.exe")
        # _?= runs the uninstaller in place, so its exit code is the real one.
        result = wine.run(uninstaller, "/S", f"_?={wine.install_dir_windows}")
        check(result.returncode == EXIT_REFUSED, "uninstall refused while the app runs (exit 2)")
        check(Path(app).is_file() and wine.registry(UNINSTALL_KEY) is not None, "nothing removed")
    finally:
        running.kill()
        running.wait(timeout=30)
        wine.wait_idle()

    result = wine.run(str(new), "/S")
    check(result.returncode == 0, f"silent upgrade to {NEW_VERSION} exits 0")
    check_installed(wine, NEW_VERSION)
    old_marker = wine.install_dir / "_internal" / f"version-{OLD_VERSION}.txt"
    check(not old_marker.exists(), f"upgrade removed {OLD_VERSION}'s _internal")

    result = wine.run(str(wine.install_dir / "uninstall.exe"), "/S")
    wine.wait_idle()  # the uninstaller runs from a copy in %TEMP%
    check(result.returncode == 0, "silent uninstall exits 0")
    check(not wine.install_dir.exists(), "uninstall removed the program folder")
    check(not any(link.exists() for link in wine.shortcuts), "uninstall removed the shortcuts")
    check(wine.registry(UNINSTALL_KEY) is None, "uninstall removed the uninstall key")
    check(wine.registry(SETTINGS_KEY) is None, "uninstall removed the installer's settings")
    check(ran_file.is_file(), "uninstall kept the user data folder and its file")


def main(argv: list[str] | None = None) -> int:
    """Run the checks; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--compile-only", action="store_true", help="do not run wine")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if shutil.which("makensis") is None:
            raise CheckFailed("makensis is missing (apt: nsis)")
        loader = None if args.compile_only else find_wine()
        if not args.compile_only and loader is None:
            raise CheckFailed("wine64 is missing (apt: wine64); or pass --compile-only")
        with tempfile.TemporaryDirectory(prefix="supervision-desk-installer-") as tmp:
            folder = Path(tmp)
            print("compiling the installer around a stand-in bundle …", flush=True)
            old, new = compile_installers(folder)
            if loader is not None:
                print("installing, upgrading and uninstalling under wine …", flush=True)
                run_in_wine(loader, folder, old, new)
    except (CheckFailed, build.BuildError, subprocess.SubprocessError, OSError) as exc:
        print(f"INSTALLER TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"installer test passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
