"""How every command opens the database of ``--db``: a 0-byte or damaged file is refused with
one line naming the newest intact backup and the command that restores it, never started as a
new office."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.engine import Database


def open_checked(target: str | Path | None, *, check: bool = True) -> Database:
    """The database named by ``target``; unless ``check`` is false (restore), a 0-byte or
    damaged file is refused (:class:`~db.errors.DatabaseDamagedError`) and nothing is left
    open."""
    from db.backup import check_database_file
    from db.engine import Database
    from db.errors import DatabaseDamagedError

    db = Database.open(target)
    if not check:
        return db
    try:
        check_database_file(db)
    except DatabaseDamagedError as exc:
        db.dispose()
        if exc.newest_backup is None:
            raise
        command = f"restore {exc.newest_backup}"
        raise DatabaseDamagedError(
            f"{exc.message}。恢复命令：{command}",
            f"{exc.english} To restore it: {command}",
            path=exc.path,
            backups_folder=exc.backups_folder,
            newest_backup=exc.newest_backup,
        ) from exc
    except BaseException:
        db.dispose()
        raise
    return db
