"""The bundle's size limit and what its exclusions keep: the trimmed ICU data still sorts
Chinese by pinyin, the Qt modules the app imports are not excluded, the library reader the
spec relies on reads direct links only, and a built bundle is within its limit."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.test_build_installer import ROOT, build

sys.path.insert(0, str(ROOT / "build"))  # the helpers the spec imports by name
import elf_reader
import icu_data

SPEC = ROOT / "build" / "supervision_desk.spec"
PYSIDE_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"
ICU_DATA = sorted(PYSIDE_LIB.glob("libicudata.so.*"))
LINUX_ICU = pytest.mark.skipif(not ICU_DATA, reason="PySide6 carries ICU only on Linux")
BINUTILS = pytest.mark.skipif(
    not (shutil.which("as") and shutil.which("ld")), reason="needs binutils (as, ld)"
)


def spec_tuple(name: str) -> tuple[str, ...]:
    """A tuple of strings the spec defines by ``name`` (directly or as the source of a list
    comprehension), read without running the spec."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            value = node.value
            if isinstance(value, ast.ListComp):
                value = value.generators[0].iter
            return tuple(ast.literal_eval(value))
    raise AssertionError(f"the spec defines no {name}")


def test_icu_items_kept_and_dropped() -> None:
    kept = [
        "icudt73l/coll/zh.res",
        "icudt73l/coll/root.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/zone/zh_Hans.res",
        "icudt73l/zone/pool.res",
        "icudt73l/en_US.res",
        "icudt73l/supplementalData.res",
        "icudt73l/zoneinfo64.res",
        "icudt73l/gb18030.cnv",
        "icudt73l/windows-936-2000.cnv",
        "icudt73l/windows-950-2000.cnv",
        "icudt73l/cnvalias.icu",
        "icudt73l/nfkc.nrm",
    ]
    dropped = [
        "icudt73l/coll/de.res",
        "icudt73l/zone/fr_CA.res",
        "icudt73l/ja.res",
        "icudt73l/lang/zh.res",
        "icudt73l/curr/root.res",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/translit/root.res",
        "icudt73l/ibm-943_P15A-2003.cnv",
        "icudt73l/euc-tw-2014.cnv",
    ]
    assert [item for item in kept if not icu_data.wanted(item)] == []
    assert [item for item in dropped if icu_data.wanted(item)] == []


@LINUX_ICU
def test_icu_package_round_trip_is_byte_identical() -> None:
    name, data = icu_data.read_data_symbol(ICU_DATA[0])
    assert re.fullmatch(r"icudt\d+_dat", name)
    header, items = icu_data.split_package(data)
    assert len(items) > 3000
    assert icu_data.join_package(header, items) == data


CHECK_ICU = """
import functools, json
from PySide6.QtCore import QByteArray, QCollator, QLocale, QStringDecoder, QTimeZone
zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
names = ["张", "王", "李", "阿"]
print(json.dumps({
    "sorted": sorted(names, key=functools.cmp_to_key(QCollator(zh).compare)),
    "zone": QTimeZone(QByteArray(b"Asia/Shanghai")).displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, zh),
    "codecs": [QStringDecoder(n).isValid() for n in ("GB18030", "GBK", "GB2312", "Big5")],
    "dropped": QStringDecoder("Shift_JIS").isValid(),
    "upper": QLocale(QLocale.Language.Turkish).toUpper("i"),
}))
"""


@LINUX_ICU
@BINUTILS
def test_trimmed_icu_data_serves_what_qt_asks(tmp_path: Path) -> None:
    """Qt loaded with the trimmed data (preloaded: it has the same SONAME) sorts Chinese by
    pinyin, names the time zone in Chinese and opens the converters, in a third of the size."""
    trimmed = icu_data.trimmed_library(ICU_DATA[0], tmp_path)
    assert trimmed.name == ICU_DATA[0].name
    assert trimmed.stat().st_size < ICU_DATA[0].stat().st_size / 3
    env = {**os.environ, "LD_PRELOAD": str(trimmed), "LD_DEBUG": "files"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK_ICU], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"file={trimmed}" in result.stderr  # this copy, not the wheel's, served the data
    answer = json.loads(result.stdout)
    assert answer["sorted"] == ["阿", "李", "王", "张"]
    assert "中国" in answer["zone"]
    assert answer["codecs"] == [True, True, True, True]
    assert answer["dropped"] is False, "a Japanese code page is not kept"
    assert answer["upper"] == "İ"


@LINUX_ICU
def test_elf_reader_reads_direct_links_only() -> None:
    """libQt6Core links ICU itself; libQt6Widgets links Qt Core but not ICU (ldd would say it
    does, through Qt Core)."""
    core = elf_reader.needed(PYSIDE_LIB / "libQt6Core.so.6")
    widgets = elf_reader.needed(PYSIDE_LIB / "libQt6Widgets.so.6")
    assert any(name.startswith("libicuuc.so") for name in core)
    assert "libQt6Core.so.6" in widgets
    assert not any(name.startswith("libicu") for name in widgets)


def app_qt_modules() -> set[str]:
    """The PySide6 modules the app's code imports."""
    modules = set()
    for folder in ("core", "db", "gui"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            modules.update(re.findall(r"^\s*from (PySide6\.Qt\w+) import", text, re.MULTILINE))
    return modules


def test_no_qt_module_the_app_imports_is_excluded() -> None:
    used = app_qt_modules()
    assert {"PySide6.QtWidgets", "PySide6.QtPdf", "PySide6.QtPrintSupport"} <= used
    excluded = {f"PySide6.{name}" for name in spec_tuple("QT_EXCLUDES")}
    assert "PySide6.QtQml" in excluded
    assert used & excluded == set()


def fill(bundle: Path, sizes: dict[str, int]) -> None:
    for name, size in sizes.items():
        path = bundle / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            fh.truncate(size)  # sparse: the size counts, not the disk


def test_size_limit(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    fill(bundle, {"_internal/a.so": 100_000_000, "_internal/b.so": 40_000_000, "app": 1})
    if sys.platform != "win32":  # a link there needs a privilege; it is not counted anyway
        (bundle / "_internal" / "link.so").symlink_to(bundle / "_internal" / "a.so")
    assert build.check_size(bundle) == pytest.approx(140.000001)
    assert build.largest_files(bundle, 2) == [("_internal/a.so", 100.0), ("_internal/b.so", 40.0)]
    fill(bundle, {"_internal/c.so": 10_000_001})
    with pytest.raises(build.BuildError, match="over its limit of 150 MB"):
        build.check_size(bundle)


def test_the_check_executable_is_not_shipped(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    fill(bundle, {build.CHECK_NAME: 10, f"{build.CHECK_NAME}.exe": 10, build.APP_NAME: 10})
    build.remove_check_executable(bundle)
    assert sorted(p.name for p in bundle.iterdir()) == [build.APP_NAME]


@pytest.mark.slow
@pytest.mark.skipif(not build.BUNDLE_DIR.is_dir(), reason="no bundle built (build/build.py)")
def test_built_bundle_is_within_its_limit() -> None:
    """The bundle build.py made last: at most 150 MB, without the check executable, with the
    trimmed ICU data on Linux; its bundle-check loaded only Qt plugins it ships."""
    assert build.bundle_megabytes() <= build.BUNDLE_LIMIT_MB
    assert not list(build.BUNDLE_DIR.glob(f"{build.CHECK_NAME}*"))
    if sys.platform.startswith("linux"):
        icu = list(build.BUNDLE_DIR.rglob("libicudata.so.*"))
        assert icu and all(path.stat().st_size < 15_000_000 for path in icu)
    if build.CHECK_REPORT.is_file():
        report = json.loads(build.CHECK_REPORT.read_text(encoding="utf-8"))
        plugins = [Path(path) for path in report["qt_plugins"]]
        assert plugins and all(path.is_relative_to(build.BUNDLE_DIR) for path in plugins)
