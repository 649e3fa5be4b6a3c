"""Consistent copies of a SQLite database, and a restore that never harms the current data.

A backup goes through SQLite's online backup API, so it is consistent even while the app writes
(WAL). It is written to a temporary file beside the destination and renamed into place, as a
self-contained file (rollback journal, no ``-wal``), and never replaces an existing file unless
asked to. Automatic backups go to a ``backups`` folder beside the database and are rotated.

A restore validates the chosen file completely on a private copy before it touches the current
database: the copy must open, pass ``PRAGMA integrity_check``, be this app's database at a
revision the app knows, and migrate to the newest revision. Only then is a safety copy of the
current data taken and the validated copy renamed over the database file. Nothing is ever
written beside the chosen file, so a write-protected USB stick works. A refused restore leaves
the current database exactly as it was and says so. A damaged current database is not copied as a
backup: its bytes are kept aside as ``damaged-….db`` in the backups folder before it is replaced.

Automatic backups (``auto-<time>-<reason>.db``) are taken only of an intact database with
something in it: a 0-byte, damaged or (for the daily backup) empty office is never copied, so it
can never push a good backup out. :func:`check_database_file` refuses a 0-byte or damaged file
at start-up, naming the newest intact backup, instead of letting it start as a new empty office.

Rotation keeps :data:`KEEP_DAILY_BACKUPS` daily backups, the last backup of each of the
:data:`KEEP_MONTHLY_BACKUPS` most recent months, and every copy taken before an upgrade or a
restore. These numbers are the office's backup policy; they are constants here because db/
cannot read core's policy profile.

A server database (PostgreSQL) is backed up with the server's own tools instead.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import (
    BackupExistsError,
    DatabaseDamagedError,
    DatabaseEnvironmentError,
    DatabaseTooNewError,
    NotOurDatabaseError,
    RestoreFailedError,
    explain,
    friendly_errors,
)
from db.paths import backups_dir_for

if TYPE_CHECKING:
    from db.engine import Database

KEEP_DAILY_BACKUPS = 20
"""The newest daily backups kept (the app takes at most one a day)."""
KEEP_MONTHLY_BACKUPS = 12
"""Months, the most recent first, whose last backup is kept after it left the daily ones."""
SAFETY_REASONS = ("before-upgrade", "before-restore")
"""Backups whose reason starts with one of these are safety copies and are never rotated out."""
DAILY_REASON = "daily"
_AUTO_PREFIX = "auto-"
_DAMAGED_PREFIX = "damaged-"
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_STAMP_LENGTH = len("20260101-000000-000000")
# Tables the app fills by itself (settings, the shipped checklist templates) or for its own
# bookkeeping: rows in them alone do not make an office worth a daily backup.
_NOT_OFFICE_DATA = frozenset(
    {"alembic_version", "settings", "checklist_templates", "template_items"}
)
_SIDECARS = ("-wal", "-shm", "-journal")
# What SQLite reads together with a database file: committed pages not yet checkpointed (-wal),
# or the undo log of an interrupted write (-journal). The -shm index is rebuilt from the -wal.
_CONTENT_SIDECARS = ("-wal", "-journal")
# Tables every revision of this app has had; another program's Alembic database lacks them.
_OUR_TABLES = frozenset({"zones", "schools", "inspectors", "settings"})
_COPY_ATTEMPTS = 3

_UNCHANGED = "当前数据未作任何改动。"
_UNCHANGED_EN = "Nothing was changed."


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise DatabaseEnvironmentError(
            "服务器数据库（PostgreSQL）请使用服务器自带的备份工具（如 pg_dump）。",
            "Back up a server database with its own tools (pg_dump).",
        )
    return path


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_sqlite(source: Path, destination: Path) -> None:
    """Copy ``source`` to ``destination`` with the backup API (replacing its content).

    The copy is left in rollback-journal mode, so it is one self-contained file: opening it
    later does not need, or create, ``-wal`` and ``-shm`` files beside it.
    """
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(destination)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _write_copy(source: Path, destination: Path) -> None:
    """Copy ``source`` into a temporary file beside ``destination``, then rename it into place.

    A failed or interrupted copy never leaves a half-written file under the destination's name.
    """
    # SQLite creates the file itself, with the usual permissions (mkstemp's would be 0600).
    temporary = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        copy_sqlite(source, temporary)
        _fsync(temporary)
        # Sidecars left by an older file of that name would be read as part of the new one.
        for suffix in _SIDECARS:
            _sidecar(destination, suffix).unlink(missing_ok=True)
        os.replace(temporary, destination)
    except BaseException:
        for leftover in (temporary, _sidecar(temporary, "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    _fsync_folder(destination.parent)


def backup_to(db: Database, destination: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the database to ``destination``; returns ``destination``.

    Raises :class:`~db.errors.BackupExistsError` when the file exists and ``overwrite`` is
    false, and :class:`~db.errors.DatabaseEnvironmentError` for a missing folder or for the
    database file itself.
    """
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
    if destination.is_dir():
        raise DatabaseEnvironmentError(
            f"备份文件的位置是一个文件夹：{destination}",
            f"The backup destination is a folder: {destination}",
        )
    if destination.exists() and not overwrite:
        raise BackupExistsError(
            f"备份文件已存在，没有覆盖：{destination}。请另选文件名，或确认覆盖该文件。",
            f"The backup file already exists and was not overwritten: {destination}",
        )
    with friendly_errors():
        _write_copy(source, destination)
    return destination


@dataclass(frozen=True)
class BackupFile:
    """One automatic backup: the file, when it was taken, why, and its size in bytes."""

    path: Path
    taken: datetime
    reason: str
    size: int

    @property
    def is_safety_copy(self) -> bool:
        """Taken before an upgrade or a restore: never rotated out."""
        return self.reason.startswith(SAFETY_REASONS)


def _backup_file(path: Path) -> BackupFile | None:
    """The backup named ``path`` (``auto-<time>-<reason>.db``), or None for any other file."""
    name = path.name
    if not (name.startswith(_AUTO_PREFIX) and name.endswith(".db")):
        return None
    start = len(_AUTO_PREFIX)
    try:
        taken = datetime.strptime(name[start : start + _STAMP_LENGTH], _STAMP_FORMAT)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(path, taken, name[start + _STAMP_LENGTH + 1 : -len(".db")], size)


def backups_to_keep(backups: list[BackupFile]) -> set[Path]:
    """The backups rotation keeps: every safety copy, the newest :data:`KEEP_DAILY_BACKUPS`
    others, and the last one of each of the :data:`KEEP_MONTHLY_BACKUPS` most recent months
    that have one (the current month included)."""
    newest_first = sorted(backups, key=lambda backup: backup.taken, reverse=True)
    keep = {backup.path for backup in newest_first if backup.is_safety_copy}
    rotating = [backup for backup in newest_first if not backup.is_safety_copy]
    keep.update(backup.path for backup in rotating[:KEEP_DAILY_BACKUPS])
    last_of_month: dict[tuple[int, int], BackupFile] = {}
    for backup in rotating:
        last_of_month.setdefault((backup.taken.year, backup.taken.month), backup)
    for month in sorted(last_of_month, reverse=True)[:KEEP_MONTHLY_BACKUPS]:
        keep.add(last_of_month[month].path)
    return keep


def _rotate(folder: Path) -> None:
    backups = [b for b in map(_backup_file, folder.glob(f"{_AUTO_PREFIX}*.db")) if b is not None]
    keep = backups_to_keep(backups)
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)


def _is_empty_file(path: Path) -> bool:
    """A 0-byte file with no -wal or -journal content beside it: nothing SQLite could read."""
    files = [path, *(_sidecar(path, suffix) for suffix in _CONTENT_SIDECARS)]
    return all(state is None or state[0] == 0 for state in map(_file_state, files))


def _contents(path: Path) -> str:
    """What a backup file holds: "damaged", "no tables", "no data" (an empty office) or "ok"."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
                return "damaged"
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables >= _OUR_TABLES:
                return "no tables"
            for table in sorted(tables - _NOT_OFFICE_DATA):
                if table.startswith("sqlite_"):
                    continue
                if conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
                    return "ok"
            return "no data"
    except sqlite3.DatabaseError:
        return "damaged"


def automatic_backup(db: Database, reason: str) -> Path | None:
    """Take a rotated backup into the ``backups`` folder; None when there is nothing to keep.

    Nothing is taken of a missing, 0-byte or table-less file, and no daily (rotated) backup of
    an office without data. A damaged database raises :class:`~db.errors.DatabaseDamagedError`
    and leaves no copy, so it never pushes a good backup out.
    """
    source = _require_sqlite(db)
    if not source.exists() or _is_empty_file(source):
        return None
    folder = backups_dir_for(source)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime(_STAMP_FORMAT)
    destination = folder / f"{_AUTO_PREFIX}{stamp}-{reason}.db"
    try:
        _write_copy(source, destination)
        contents = _contents(destination)
    except sqlite3.DatabaseError as exc:
        destination.unlink(missing_ok=True)
        if isinstance(explain(exc), DatabaseDamagedError):
            raise damaged_database_error(db) from exc
        raise
    if contents == "damaged":
        destination.unlink(missing_ok=True)
        raise damaged_database_error(db)
    safety = reason.startswith(SAFETY_REASONS)
    if contents == "no tables" or (contents == "no data" and not safety):
        destination.unlink(missing_ok=True)
        return None
    _rotate(folder)
    return destination


def list_backups(db: Database) -> list[BackupFile]:
    """Automatic backups of the database, newest first."""
    folder = backups_dir_for(_require_sqlite(db))
    if not folder.is_dir():
        return []
    found = [b for b in map(_backup_file, folder.glob(f"{_AUTO_PREFIX}*.db")) if b is not None]
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def list_automatic_backups(db: Database) -> list[Path]:
    """Automatic backups of the database, newest first."""
    return [backup.path for backup in list_backups(db)]


def backed_up_today(db: Database) -> bool:
    """Whether an automatic backup was already taken today."""
    today = datetime.now().date()
    return any(backup.taken.date() == today for backup in list_backups(db))


def newest_good_backup(db: Database) -> BackupFile | None:
    """The newest automatic backup that is intact and holds the office's data, if any."""
    for backup in list_backups(db):
        if backup.size > 0 and _contents(backup.path) == "ok":
            return backup
    return None


def damaged_database_error(
    db: Database, problem: str = "", problem_en: str = ""
) -> DatabaseDamagedError:
    """The error for a 0-byte or damaged database file, naming the newest intact backup."""
    path = _require_sqlite(db)
    folder = backups_dir_for(path)
    problem = problem or "数据库文件已损坏，或不是有效的数据库文件"
    problem_en = problem_en or "The database file is damaged or not a database"
    newest = newest_good_backup(db)
    if newest is None:
        offer = f"备份文件夹中没有完好的备份：{folder}。请打开其他数据库，或联系技术支持。"
        offer_en = f"There is no intact backup in {folder}."
    else:
        offer = (
            f"最新的完好备份：{newest.path}（{newest.taken:%Y-%m-%d %H:%M}），"
            f"请从备份恢复。备份文件夹：{folder}"
        )
        offer_en = f"Newest intact backup: {newest.path} ({newest.taken:%Y-%m-%d %H:%M})."
    return DatabaseDamagedError(
        f"{problem}，不能作为新的空数据库使用：{path}。{offer}",
        f"{problem_en}; it is not used as a new empty database: {path}. {offer_en}",
        path=path,
        backups_folder=folder,
        newest_backup=newest.path if newest else None,
    )


def check_database_file(db: Database) -> None:
    """Refuse a SQLite file that is 0 bytes or not a readable database before anything uses it.

    Raises :class:`~db.errors.DatabaseDamagedError` naming the newest intact backup; a missing
    file (a new office) and a server database pass. Call it before the schema is brought up to
    date, which would otherwise turn a 0-byte file into a new, empty office.
    """
    path = db.sqlite_path
    if path is None or not path.exists():
        return
    if _is_empty_file(path):
        raise damaged_database_error(
            db, "数据库文件是空的（0 字节）", "The database file is empty (0 bytes)"
        )
    try:
        with friendly_errors(), db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DatabaseDamagedError as exc:
        db.dispose()
        raise damaged_database_error(db) from exc


def _keep_damaged(target: Path) -> Path:
    """Keep the bytes of a damaged database aside (``damaged-<time>.db``), not as a backup."""
    folder = backups_dir_for(target)
    folder.mkdir(parents=True, exist_ok=True)
    aside = folder / f"{_DAMAGED_PREFIX}{datetime.now().strftime(_STAMP_FORMAT)}.db"
    shutil.copyfile(target, aside)
    for suffix in _CONTENT_SIDECARS:
        if _sidecar(target, suffix).exists():
            shutil.copyfile(_sidecar(target, suffix), _sidecar(aside, suffix))
    _fsync(aside)
    return aside


def _refused(message: str, english: str) -> DatabaseEnvironmentError:
    return DatabaseEnvironmentError(f"{message}{_UNCHANGED}", f"{english} {_UNCHANGED_EN}")


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_size, status.st_mtime_ns


def _read_state(source: Path) -> tuple[tuple[int, int] | None, ...]:
    files = [source, *(_sidecar(source, suffix) for suffix in _CONTENT_SIDECARS)]
    return tuple(_file_state(path) for path in files)


def _copy_source(source: Path, private: Path) -> None:
    """Copy the bytes of ``source`` and of what SQLite reads with it into ``private``.

    Only bytes are read, so nothing is created beside ``source``. The copy is what SQLite would
    see opening ``source`` at that moment, provided no program changed the files meanwhile: the
    sizes and times are compared before and after, and a copy taken while they changed is
    retried, then refused.
    """
    for _attempt in range(_COPY_ATTEMPTS):
        before = _read_state(source)
        shutil.copyfile(source, private)
        for suffix, state in zip(_CONTENT_SIDECARS, before[1:], strict=True):
            if state is None:
                _sidecar(private, suffix).unlink(missing_ok=True)
            else:
                shutil.copyfile(_sidecar(source, suffix), _sidecar(private, suffix))
        if _read_state(source) == before:
            return
    raise _refused(
        f"备份文件正在被其他程序修改：{source}。请关闭该程序后重试。",
        f"The backup file is being changed by another program: {source}.",
    )


def _check_copy(private: Path, source: Path) -> None:
    """Refuse the private copy unless it is an intact database of this app at a known revision.

    SQLite may recover the copy (apply its -wal, roll back its -journal) while reading it.
    """
    from db.migrate import VERSION_TABLE, known_revisions

    damaged = _refused(
        f"该备份文件已损坏，不能用于恢复：{source}。", f"The backup file is damaged: {source}."
    )
    try:
        with closing(sqlite3.connect(private)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if [row[0] for row in conn.execute("PRAGMA integrity_check")] != ["ok"]:
                raise damaged
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revisions = []
            if VERSION_TABLE in tables:
                revisions = [row[0] for row in conn.execute(f"SELECT * FROM {VERSION_TABLE}")]
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise damaged from exc
        raise _refused(
            f"该文件不是有效的备份：{source}。", f"Not a valid backup: {source}."
        ) from exc
    if not tables >= _OUR_TABLES or not revisions:
        raise NotOurDatabaseError(
            f"该文件不是督导工作台的备份：{source}。{_UNCHANGED}",
            f"Not a Supervision Desk backup: {source}. {_UNCHANGED_EN}",
        )
    known = known_revisions()
    unknown = [revision for revision in revisions if revision not in known]
    if unknown or len(revisions) > 1:
        shown = "、".join(str(revision) for revision in unknown or revisions)
        raise DatabaseTooNewError(
            f"该备份由更新版本的督导工作台创建（数据库版本 {shown}），当前程序无法恢复："
            f"{source}。请安装最新版本的程序后再恢复。{_UNCHANGED}",
            f"The backup was made by a newer version of the app (revision {shown}): {source}. "
            f"{_UNCHANGED_EN}",
        )


def _migrate_copy(private: Path, source: Path) -> None:
    """Bring the private copy to the newest revision and leave it as one self-contained file."""
    from db.engine import Database
    from db.migrate import upgrade

    copy = Database.open(private)
    try:
        upgrade(copy, backup=False)
    except Exception as exc:
        # Whatever the cause (old data a migration did not foresee, a full disk), the current
        # database has not been touched, which is what the clerk needs to know; the cause is
        # chained for the crash report and the log.
        reason = explain(exc)
        detail = reason.message if reason else f"{type(exc).__name__}: {exc}"
        raise _refused(
            f"该备份无法升级到当前版本：{source}（{detail}）。",
            f"The backup cannot be upgraded to this version: {source} ({exc}).",
        ) from exc
    finally:
        copy.dispose()
    with closing(sqlite3.connect(private)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    _fsync(private)


@contextmanager
def _private_folder(near: Path) -> Iterator[Path]:
    """A private temporary folder beside ``near``, so a rename from it into place is atomic."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=".restore-", dir=near.parent))
    except OSError as exc:
        raise _refused(
            f"无法在数据库所在的文件夹中准备恢复：{near.parent}（{exc.strerror or exc}）。",
            f"Cannot prepare the restore in the database folder: {near.parent} ({exc}).",
        ) from exc
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unchanged_with(safety: Path | None) -> tuple[str, str]:
    if safety is None:
        return _UNCHANGED, _UNCHANGED_EN
    return (
        f"当前数据未作改动；恢复前的安全副本已保存到：{safety}",
        f"Nothing was changed; a safety copy was saved to: {safety}",
    )


def _take_exclusive_hold(target: Path, safety: Path | None, *, damaged: bool = False) -> None:
    """Make sure no other connection has the database open, and fold its -wal into the file.

    Leaving WAL mode needs the only connection, so it fails at once while another program (a
    second window, the command line) has the file open; and afterwards no -wal of the old file
    is left to be read as part of the restored one. The -wal and -journal of a ``damaged``
    file that SQLite cannot read are removed instead (its bytes were kept aside first).
    """
    if not target.exists():
        return
    try:
        with closing(sqlite3.connect(target, timeout=0)) as conn:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "busy"
    except sqlite3.DatabaseError:
        if not damaged:
            raise
        for suffix in _CONTENT_SIDECARS:
            _sidecar(target, suffix).unlink(missing_ok=True)
        mode = "delete"
    if mode != "delete":
        zh, en = _unchanged_with(safety)
        raise RestoreFailedError(
            f"数据库正被其他程序打开（例如另一个督导工作台窗口），无法恢复。请关闭后重试。{zh}",
            f"The database is open in another program; close it and try again. {en}",
            safety_copy=safety,
        )


def restore_from(db: Database, backup_file: Path) -> Path | None:
    """Replace the database with ``backup_file``; returns the safety copy taken first, if any.

    The backup is checked and migrated on a private copy first. Every refusal leaves the
    current database as it was: :class:`~db.errors.NotOurDatabaseError` for another program's
    file, :class:`~db.errors.DatabaseTooNewError` for a newer app's backup,
    :class:`~db.errors.RestoreFailedError` (naming the safety copy) when the database could
    not be replaced, and :class:`~db.errors.DatabaseEnvironmentError` otherwise.
    """
    target = _require_sqlite(db)
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise _refused(f"备份文件不存在：{backup_file}。", f"No such backup file: {backup_file}.")
    if target.exists() and backup_file.resolve() == target.resolve():
        raise _refused("不能从数据库文件本身恢复。", "Cannot restore the database from itself.")
    with _private_folder(target) as folder:
        private = folder / "restore.db"
        try:
            _copy_source(backup_file, private)
        except OSError as exc:
            raise _refused(
                f"无法读取备份文件：{backup_file}（{exc.strerror or exc}）。",
                f"Cannot read the backup file: {backup_file} ({exc}).",
            ) from exc
        _check_copy(private, backup_file)
        _migrate_copy(private, backup_file)
        damaged = False
        try:
            try:
                safety = automatic_backup(db, reason="before-restore")
            except DatabaseDamagedError:
                # The damaged file is what a restore is for: keep its bytes aside, not as a
                # backup, and go on.
                damaged = True
                safety = _keep_damaged(target)
        except (OSError, sqlite3.Error) as exc:
            reason = explain(exc)
            raise _refused(
                f"无法保存当前数据的安全副本（{reason.message if reason else exc}），没有恢复。",
                f"Cannot save a safety copy of the current data ({exc}); nothing was restored.",
            ) from exc
        db.dispose()
        _take_exclusive_hold(target, safety, damaged=damaged)
        if target.exists():
            with suppress(OSError):
                shutil.copymode(target, private)
        try:
            os.replace(private, target)
        except OSError as exc:
            zh, en = _unchanged_with(safety)
            raise RestoreFailedError(
                f"无法替换数据库文件：{target}（{exc.strerror or exc}）。{zh}",
                f"Cannot replace the database file: {target} ({exc}). {en}",
                safety_copy=safety,
            ) from exc
    with suppress(OSError):
        _sidecar(target, "-shm").unlink(missing_ok=True)
    _fsync_folder(target.parent)
    return safety
