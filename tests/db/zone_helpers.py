"""Zones as the backup and restore tests use them: small rows to tell two databases apart."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models import Zone


def add_zones(db: Database, *names: str) -> None:
    """Add zones of these names."""
    with db.session() as session:
        session.add_all(Zone(name=name) for name in names)


def zones(db: Database) -> list[str]:
    """The zones' names, sorted."""
    with db.session() as session:
        return sorted(session.scalars(select(Zone.name)))


def zones_in_file(path: Path) -> list[str]:
    """The zones' names in a SQLite file, read without changing it."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT name FROM zones"))
