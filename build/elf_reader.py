"""Just enough of the ELF format for the build: sections, exported symbols, needed libraries.

PyInstaller reads a Linux binary's libraries with ``ldd``, which lists every library loaded with
it, transitively; the spec needs each binary's own ``DT_NEEDED`` entries to tell which libraries
only a left-out binary brings in. ``build/icu_data.py`` reads a data symbol with it.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

SHT_DYNSYM = 11
SHT_DYNAMIC = 6
DT_NEEDED = 1


class Section(NamedTuple):
    kind: int
    address: int
    offset: int
    size: int
    link: int
    entry_size: int


def is_elf(data: bytes) -> bool:
    """Whether ``data`` starts like a little-endian 64-bit ELF file (all this module reads)."""
    return data[:4] == b"\x7fELF" and data[4:6] == b"\x02\x01"


def sections(elf: bytes) -> list[Section]:
    """The section headers of a little-endian 64-bit ELF file."""
    if not is_elf(elf):
        raise ValueError("not a little-endian 64-bit ELF file")
    shoff = struct.unpack_from("<Q", elf, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    result = []
    for index in range(shnum):
        _, kind, _, addr, offset, size, link, _, _, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", elf, shoff + index * shentsize
        )
        result.append(Section(kind, addr, offset, size, link, entsize))
    return result


def string_at(elf: bytes, table: Section, at: int) -> str:
    """The NUL-terminated string at ``at`` of a string table section."""
    start = table.offset + at
    return elf[start : elf.index(b"\0", start)].decode("utf-8", "replace")


def symbol_bytes(elf: bytes, accept) -> tuple[str, bytes] | None:
    """Name and contents of the first exported symbol whose name ``accept`` takes, or None."""
    table = sections(elf)
    for dynsym in (s for s in table if s.kind == SHT_DYNSYM):
        for at in range(dynsym.offset, dynsym.offset + dynsym.size, dynsym.entry_size):
            name_at, _, _, shndx, value, length = struct.unpack_from("<IBBHQQ", elf, at)
            name = string_at(elf, table[dynsym.link], name_at)
            if accept(name) and 0 < shndx < len(table):
                start = table[shndx].offset + value - table[shndx].address
                return name, elf[start : start + length]
    return None


def needed(path: Path) -> list[str]:
    """The libraries ``path`` itself links (its ``DT_NEEDED`` entries), in order."""
    elf = path.read_bytes()
    table = sections(elf)
    names = []
    for dynamic in (s for s in table if s.kind == SHT_DYNAMIC):
        for at in range(dynamic.offset, dynamic.offset + dynamic.size, 16):
            tag, value = struct.unpack_from("<qQ", elf, at)
            if tag == DT_NEEDED:
                names.append(string_at(elf, table[dynamic.link], value))
    return names
