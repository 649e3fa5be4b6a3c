"""build/build.py's installer and signing guards, and the installer script compiled for real."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name: str):
    """Import one of build/'s scripts by path (build/ is not a package)."""
    module_name = f"_build_script_{name}"  # not "build", the name of a PyPA package
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "build" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


build = load("build")


def fake_pe(path: Path, machine: int = 0x8664) -> Path:
    """A file with a DOS header pointing at a PE signature: enough for the checks."""
    head = bytearray(256)
    head[:2] = b"MZ"
    head[60:64] = (128).to_bytes(4, "little")
    head[128:132] = b"PE\0\0"
    head[132:134] = machine.to_bytes(2, "little")
    path.write_bytes(bytes(head))
    return path


def test_windows_executables_are_told_from_others(tmp_path: Path) -> None:
    assert build.is_windows_executable(fake_pe(tmp_path / "a.exe"))
    (tmp_path / "elf").write_bytes(b"\x7fELF" + bytes(100))
    assert not build.is_windows_executable(tmp_path / "elf")
    assert not build.is_windows_executable(tmp_path / "missing.exe")


def test_a_linux_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / build.APP_NAME).write_bytes(b"\x7fELF" + bytes(100))
    problem = build.windows_bundle_problem(tmp_path)
    assert problem is not None and "not a Windows bundle" in problem
    with pytest.raises(build.BuildError, match="not a Windows bundle"):
        build.make_installer("1.0.0", tmp_path, tmp_path / "setup.exe")
    assert not (tmp_path / "setup.exe").exists()


def test_a_renamed_non_windows_exe_is_refused(tmp_path: Path) -> None:
    for name in (build.APP_NAME, build.CLI_NAME):
        (tmp_path / f"{name}.exe").write_bytes(b"\x7fELF" + bytes(100))
    assert "is not a Windows executable" in (build.windows_bundle_problem(tmp_path) or "")


@pytest.mark.skipif(sys.platform == "win32", reason="the refusal is for other platforms")
def test_installer_option_refuses_off_windows(capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main(["--installer"]) == 1
    err = capsys.readouterr().err
    assert "needs a Windows bundle" in err and "test_installer.py" in err


def test_signing_is_skipped_without_a_certificate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(build.SIGN_TOOL_ENV, raising=False)
    monkeypatch.delenv(build.SIGN_CERT_ENV, raising=False)
    assert build.signing_command(Path("x.exe")) is None
    assert build.signing_configured() is False
    assert "not signing" in capsys.readouterr().out


def test_signing_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(build.SIGN_CERT_ENV, "cert.pfx")
    monkeypatch.setenv(build.SIGN_PASSWORD_ENV, "secret")
    monkeypatch.setenv(build.SIGN_TIMESTAMP_ENV, "http://ts.example")
    monkeypatch.setenv(build.SIGN_TOOL_ENV, "/usr/bin/osslsigncode")
    ossl = build.signing_command(Path("a.exe"))
    assert ossl[-4:] == ["-in", "a.exe", "-out", "a.exe.signed"]
    assert ossl[2:4] == ["-pkcs12", "cert.pfx"] and "-ts" in ossl
    monkeypatch.setenv(build.SIGN_TOOL_ENV, r"C:\Kits\signtool.exe")
    signtool = build.signing_command(Path("a.exe"))
    assert signtool[1:4] == ["sign", "/f", "cert.pfx"] and signtool[-1] == "a.exe"
    assert "/tr" in signtool and "/fd" in signtool


@pytest.mark.skipif(shutil.which("makensis") is None, reason="needs makensis (apt: nsis)")
def test_installer_script_compiles(tmp_path: Path) -> None:
    """With the target the script picks: amd64 where NSIS has its stubs (Debian), else x86."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for name in (build.APP_NAME, build.CLI_NAME):
        fake_pe(bundle / f"{name}.exe")
    setup = build.make_installer("1.2.3", bundle, tmp_path / "setup.exe")
    head = setup.read_bytes()[:4096]
    offset = int.from_bytes(head[60:64], "little")
    assert head[offset : offset + 4] == b"PE\0\0"
    assert int.from_bytes(head[offset + 4 : offset + 6], "little") in (0x8664, 0x14C)


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("makensis", "osslsigncode", "openssl")),
    reason="needs makensis, osslsigncode and openssl",
)
def test_signing_with_osslsigncode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    key, cert, pfx = tmp_path / "k.pem", tmp_path / "c.pem", tmp_path / "test.pfx"
    request = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    subject = ["-subj", "/CN=Supervision Desk test", "-keyout", str(key), "-out", str(cert)]
    subprocess.run([*request, *subject], check=True, capture_output=True)
    export = ["openssl", "pkcs12", "-export", "-out", str(pfx), "-passout", "pass:pw"]
    subprocess.run([*export, "-inkey", str(key), "-in", str(cert)], check=True, capture_output=True)
    monkeypatch.setenv(build.SIGN_TOOL_ENV, "osslsigncode")
    monkeypatch.setenv(build.SIGN_CERT_ENV, str(pfx))
    monkeypatch.setenv(build.SIGN_PASSWORD_ENV, "pw")
    monkeypatch.delenv(build.SIGN_TIMESTAMP_ENV, raising=False)
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for name in (build.APP_NAME, build.CLI_NAME):
        fake_pe(bundle / f"{name}.exe")
    setup = build.make_installer("1.2.3", bundle, tmp_path / "setup.exe", sign=True)
    verify = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(cert), str(setup)],
        capture_output=True,
        text=True,
    )
    assert "Signature verification: ok" in verify.stdout
