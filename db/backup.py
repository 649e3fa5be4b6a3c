"""Consistent copies of a SQLite database through SQLite's online backup API.

A copy is consistent even while the app writes (WAL). Automatic backups go to a ``backups``
folder beside the database and are rotated; a restore first saves a safety copy of the current
file. A server database (PostgreSQL) is backed up with the server's own tools instead.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import DatabaseEnvironmentError
from db.paths import backups_dir_for

if TYPE_CHECKING:
    from db.engine import Database

KEEP_AUTOMATIC_BACKUPS = 20
_AUTO_PREFIX = "auto-"


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise DatabaseEnvironmentError(
            "服务器数据库（PostgreSQL）请使用服务器自带的备份工具（如 pg_dump）。",
            "Back up a server database with its own tools (pg_dump).",
        )
    return path


def copy_sqlite(source: Path, destination: Path) -> None:
    """Copy ``source`` to ``destination`` with the backup API (replacing its content)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_to(db: Database, destination: Path) -> Path:
    """Write a consistent copy of the database to ``destination``."""
    source = _require_sqlite(db)
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise DatabaseEnvironmentError(
            f"备份文件夹不存在：{destination.parent}",
            f"The backup folder does not exist: {destination.parent}",
        )
    if destination.resolve() == source.resolve():
        raise DatabaseEnvironmentError(
            "备份文件不能是数据库文件本身。", "The backup cannot overwrite the database itself."
        )
    destination.unlink(missing_ok=True)
    copy_sqlite(source, destination)
    return destination


def automatic_backup(db: Database, reason: str) -> Path | None:
    """Take a rotated backup into the ``backups`` folder; None when there is nothing to copy."""
    source = _require_sqlite(db)
    if not source.exists() or source.stat().st_size == 0:
        return None
    folder = backups_dir_for(source)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    destination = folder / f"{_AUTO_PREFIX}{stamp}-{reason}.db"
    copy_sqlite(source, destination)
    for old in list_automatic_backups(db)[KEEP_AUTOMATIC_BACKUPS:]:
        old.unlink(missing_ok=True)
    return destination


def list_automatic_backups(db: Database) -> list[Path]:
    """Automatic backups of the database, newest first."""
    folder = backups_dir_for(_require_sqlite(db))
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_AUTO_PREFIX}*.db"), reverse=True)


def backed_up_today(db: Database) -> bool:
    """Whether an automatic backup was already taken today."""
    today = _AUTO_PREFIX + datetime.now().strftime("%Y%m%d")
    return any(path.name.startswith(today) for path in list_automatic_backups(db))


def _check_backup_file(path: Path) -> None:
    if not path.is_file():
        raise DatabaseEnvironmentError(f"备份文件不存在：{path}", f"No such backup file: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseEnvironmentError(
            f"该文件不是有效的备份：{path}", f"Not a valid backup: {path}"
        ) from exc
    if "alembic_version" not in tables:
        raise DatabaseEnvironmentError(
            f"该文件不是督导工作台的备份：{path}", f"Not a Supervision Desk backup: {path}"
        )


def restore_from(db: Database, backup_file: Path) -> Path | None:
    """Replace the database's content with ``backup_file``; returns the safety copy taken first.

    A backup from an older version of the app is then migrated to the current schema.
    """
    target = _require_sqlite(db)
    backup_file = Path(backup_file)
    _check_backup_file(backup_file)
    safety = automatic_backup(db, reason="before-restore")
    db.dispose()
    copy_sqlite(backup_file, target)
    from db.migrate import ensure_schema

    ensure_schema(db)
    return safety
