"""Engine and session factory.

:class:`Database` wraps one SQLAlchemy engine. The default is a SQLite file in the per-user data
folder; any SQLAlchemy URL works the same way (``postgresql://user:pw@host/db`` for a larger
office). Queries never use SQLite-only SQL.

Every unit of work is one ``with db.session() as s:`` block: committed when the block ends,
rolled back on any error, and environment failures (locked, read-only, full, a server that cannot
be reached…) are re-raised as :class:`~db.errors.DatabaseEnvironmentError` with a Chinese
message. A server that does not answer is given up on after :data:`SERVER_CONNECT_TIMEOUT_S`.
"""

from __future__ import annotations

import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseEnvironmentError, friendly_errors
from db.paths import default_database_path

SQLITE_BUSY_TIMEOUT_MS = 5000
SERVER_CONNECT_TIMEOUT_S = 5
"""How long one attempt to reach a database server may take. A host name with two addresses
(IPv6 and IPv4) makes two attempts, so a server that does not answer is reported within 10 s.
A ``connect_timeout`` in the URL takes precedence."""


def resolve_url(target: str | Path | None) -> URL:
    """Turn ``--db``'s value into a URL: None → the default file, a path → SQLite, else a URL."""
    if target is None:
        return URL.create("sqlite+pysqlite", database=str(default_database_path()))
    text = str(target)
    if "://" in text:
        url = make_url(text)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().absolute()))


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _check_sqlite_file(path: Path, *, is_default: bool) -> None:
    if path.is_dir():
        raise DatabaseEnvironmentError(
            f"数据库路径是一个文件夹，不是文件：{path}", f"The database path is a folder: {path}"
        )
    folder = path.parent
    if not folder.is_dir():
        if not is_default:
            raise DatabaseEnvironmentError(
                f"数据库所在的文件夹不存在：{folder}",
                f"The database folder does not exist: {folder}",
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseEnvironmentError(
                f"无法创建数据文件夹：{folder}（{exc.strerror}）",
                f"Cannot create the data folder: {folder}",
            ) from exc
    # The write bits also reflect Windows' read-only attribute, and hold even for an admin.
    if path.exists() and not path.stat().st_mode & stat.S_IWRITE:
        raise DatabaseEnvironmentError(
            f"数据库文件是只读的，无法保存：{path}。请取消文件的只读属性。",
            f"The database file is read-only: {path}",
        )


class Database:
    """One database: its URL, engine and session factory."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, target: str | Path | None = None) -> Database:
        """Open the database named by ``target`` (see :func:`resolve_url`).

        Raises :class:`DatabaseEnvironmentError` when a SQLite file's folder is missing or the
        file is read-only. Nothing is connected yet: the first session does that.
        """
        url = resolve_url(target)
        if url.get_backend_name() == "sqlite":
            _check_sqlite_file(Path(url.database or ""), is_default=target is None)
            engine = create_engine(url)
            event.listen(engine, "connect", _set_sqlite_pragmas)
        else:
            connect_args = {}
            if "connect_timeout" not in url.query:
                connect_args["connect_timeout"] = SERVER_CONNECT_TIMEOUT_S
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        return cls(url, engine)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The database file, or None for a server database."""
        return Path(self.url.database or "") if self.is_sqlite else None

    def describe(self) -> str:
        """Where the data lives, for the user (password hidden)."""
        path = self.sqlite_path
        return str(path) if path else self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit at the end of the block, roll back on error."""
        session = self._sessions()
        try:
            with friendly_errors():
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        finally:
            session.close()

    def dispose(self) -> None:
        """Close every pooled connection (before a restore or at exit)."""
        self.engine.dispose()


def hold_office_lock(session: Session, name: str) -> None:
    """Make the rest of ``session``'s unit of work the only one named ``name`` in the office.

    Jobs that read the office and write what follows from it (generating a month's plan, an
    import) call this first: a second clerk's same job waits until the first has committed,
    then reads what it saved, so two runs never duplicate or interleave. PostgreSQL takes a
    transaction-level advisory lock; SQLite takes its single write lock at once with an empty
    write (a second writer waits, up to the busy timeout, before it reads anything).
    """
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(name.encode("utf-8"))
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    else:
        session.execute(text("UPDATE settings SET key = key WHERE 1 = 0"))
