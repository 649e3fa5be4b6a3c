"""A smaller ICU data library for the Linux bundle: only the data Qt's calls into ICU read.

PySide6's Linux wheels ship ICU (``libicuuc``, ``libicui18n``) with all of ICU's data in
``libicudata.so.NN``: 32 MB, a sixth of the bundle. QtCore links it and cannot do without ICU,
but it calls only a few ICU services (``nm -D --undefined-only libQt6Core.so.6``):

- collation (``ucol_*``): locale-aware sorting of the list pages (``setSortLocaleAware``) and
  QCollator, in the app's locale, zh_CN or en_US (``gui.app.install_translators``);
- case mapping (``u_strToUpper``/``u_strToLower``): its data is compiled into ``libicuuc``;
- converters (``ucnv_*``): QStringConverter for encodings Qt does not convert itself —
  UTF-8/16/32 and Latin-1 it converts alone; of ICU's 190 code-page tables only the Chinese ones
  stay (:data:`CONVERTERS`: GB18030, GBK, GB2312 and Big5), the Japanese, Korean, EBCDIC and
  other tables (4.5 MB) go;
- time-zone ids and names (``ucal_*``): QTimeZone's display names.

So the data keeps the Chinese converters, the collation root and its Unicode tables, the time-zone
rules, the normalisation and property tables, and the supplemental (non-locale) data, while
dropping the trees Qt never opens — break iteration dictionaries (``brkitr``), currency, language,
region and unit names, spelled-out numbers and transliteration — and, in the locale trees it
does open (main locales, ``coll``, ``zone``), every locale but ``root`` and the languages of
:data:`LANGUAGES`. A locale whose files are gone falls back to ``root`` as ICU does for any
locale it lacks (Unicode order, English-style names); the app only ever sets zh_CN or en_US.

The data is ICU's "common data" package (a ``CmnD`` table of contents followed by the items),
the value of the ``icudtNN_dat`` symbol. :func:`trimmed_library` copies it out of the wheel's
library, leaves out the items :func:`wanted` refuses, and links a new library with the same
``SONAME`` and symbol (binutils' ``as`` and ``ld``). ``build/bundle_check.py`` checks in the
frozen bundle that Chinese still sorts by pinyin, a time-zone name is still Chinese and the
Chinese converters still open.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import elf_reader

# Trees of ICU data none of Qt's ICU calls open (see the module's docstring).
UNUSED_TREES = frozenset({"brkitr", "curr", "lang", "rbnf", "region", "translit", "unit"})
# Languages whose locale data stays, besides root: the app's two interface languages.
LANGUAGES = frozenset({"zh", "en"})
# Code-page tables that stay: GB18030, GBK, GB2312 and Big5.
# ICU reads two tables for GBK and for Big5 (each file was left out in turn to find them).
CONVERTERS = frozenset(
    {
        "gb18030",  # GB18030
        "windows-936-2000",  # GBK
        "ibm-1386_P100-2001",  # GBK
        "ibm-1383_P110-1999",  # GB2312 (EUC-CN)
        "windows-950-2000",  # Big5
        "ibm-1373_P100-2002",  # Big5
    }
)
LOCALE_NAME = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*")
ALIGN = 16  # ICU aligns every item of a package to 16 bytes
PADDING = b"\xaa"  # and fills the gaps with this byte, as icupkg does


class IcuDataError(Exception):
    """The library is not an ICU data library this module understands."""


def wanted(item: str) -> bool:
    """Whether the package item ``item`` (e.g. ``icudt73l/coll/zh.res``) stays."""
    parts = item.split("/")[1:]
    if len(parts) > 1 and parts[0] in UNUSED_TREES:
        return False
    stem, _, suffix = parts[-1].rpartition(".")
    if suffix == "cnv":
        return stem in CONVERTERS
    if suffix != "res" or not (stem == "root" or LOCALE_NAME.fullmatch(stem)):
        return True  # rules, tables, supplemental data, pools and indexes
    return stem == "root" or stem.split("_")[0] in LANGUAGES


def read_data_symbol(library: Path) -> tuple[str, bytes]:
    """The name and bytes of the ``icudtNN_dat`` symbol that ``library`` exports."""
    data = library.read_bytes()
    if not elf_reader.is_elf(data):
        raise IcuDataError(f"{library.name} is not a 64-bit ELF library")
    found = elf_reader.symbol_bytes(
        data, lambda name: re.fullmatch(r"icudt\d+_dat", name) is not None
    )
    if found is None:
        raise IcuDataError(f"{library.name} has no icudtNN_dat symbol")
    return found


def split_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of an ICU common data package."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in toc[1:]] + [len(data) - header_size]
    items = []
    for (name_at, offset), end in zip(toc, ends, strict=True):
        name_end = data.index(b"\0", header_size + name_at)
        name = data[header_size + name_at : name_end].decode("ascii")
        items.append((name, data[header_size + offset : header_size + end]))
    return data[:header_size], items


def _pad(size: int) -> int:
    return -size % ALIGN


def join_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package of ``items`` (in the order given, which must be sorted)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    at = toc_size + len(names)
    at += _pad(len(header) + at)
    entries, name_at = [], toc_size
    body = bytearray()
    for name, item in items:
        entries.append(struct.pack("<II", name_at, at + len(body)))
        name_at += len(name) + 1
        body += item
        body += PADDING * _pad(len(body))
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    toc += PADDING * _pad(len(header) + len(toc))
    return header + toc + bytes(body)


ASSEMBLY = """\
\t.section .rodata
\t.globl {symbol}
\t.type {symbol}, @object
\t.balign {align}
{symbol}:
\t.incbin "{data}"
\t.size {symbol}, . - {symbol}
\t.section .note.GNU-stack,"",@progbits
"""


def trimmed_library(library: Path, folder: Path) -> Path:
    """A copy of the ICU data ``library`` holding only the :func:`wanted` items, in ``folder``.

    The copy has the same file name, ``SONAME`` and ``icudtNN_dat`` symbol; it is linked with
    binutils' ``as`` and ``ld`` (:class:`IcuDataError` when they are missing).
    """
    tools = {name: shutil.which(name) for name in ("as", "ld")}
    missing = [name for name, path in tools.items() if path is None]
    if missing:
        raise IcuDataError(f"{' and '.join(missing)} (binutils) not found")
    symbol, data = read_data_symbol(library)
    header, items = split_package(data)
    folder.mkdir(parents=True, exist_ok=True)
    package = folder / f"{symbol}.dat"
    package.write_bytes(join_package(header, [item for item in items if wanted(item[0])]))
    source, obj = folder / f"{symbol}.s", folder / f"{symbol}.o"
    source.write_text(ASSEMBLY.format(symbol=symbol, align=ALIGN, data=package), "ascii")
    out = folder / library.name
    commands = [
        [str(tools["as"]), "-o", str(obj), str(source)],
        [str(tools["ld"]), "-shared", "-soname", library.name, "-o", str(out), str(obj)],
    ]
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise IcuDataError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
    return out
