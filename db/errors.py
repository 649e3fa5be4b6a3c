"""Errors of the environment (not bugs) that the user can act on, with Chinese messages.

A locked, read-only, corrupt or full database, a missing folder, a database made by a newer
version of the app, a database server that cannot be reached or refuses the login (unknown host,
closed port, timeout, wrong database, user or password): each becomes a
:class:`DatabaseEnvironmentError` whose ``message`` says what happened and what to do. Anything
else is a bug and is left to propagate.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError


class DatabaseEnvironmentError(Exception):
    """A problem with the database's environment, explained for the user."""

    def __init__(self, message: str, english: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.english = english

    def one_line(self) -> str:
        """The message as one line, Chinese then English."""
        return f"{self.message} / {self.english}" if self.english else self.message


class DatabaseTooNewError(DatabaseEnvironmentError):
    """The database was written by a newer version of the app."""


class NotOurDatabaseError(DatabaseEnvironmentError):
    """The file is a database, but not one of this app."""


class DatabaseDamagedError(DatabaseEnvironmentError):
    """The database file is empty (0 bytes) or damaged, so it must not be used as a new office.

    ``path`` is the file; ``backups_folder`` the folder of its automatic backups and
    ``newest_backup`` the newest one that is intact (None when there is none), when known.
    """

    def __init__(
        self,
        message: str,
        english: str = "",
        *,
        path: Path | None = None,
        backups_folder: Path | None = None,
        newest_backup: Path | None = None,
    ) -> None:
        super().__init__(message, english)
        self.path = path
        self.backups_folder = backups_folder
        self.newest_backup = newest_backup


class ServerConnectionError(DatabaseEnvironmentError):
    """A database server (PostgreSQL) could not be reached or refused the login."""


class BrokenReferencesError(DatabaseEnvironmentError):
    """Rows refer to rows that do not exist, so a schema upgrade was cancelled."""


class BackupExistsError(DatabaseEnvironmentError):
    """A backup would replace an existing file, and the caller did not ask to overwrite it."""


class RestoreFailedError(DatabaseEnvironmentError):
    """A restore stopped after the safety copy was taken; the current data is unchanged.

    ``safety_copy`` is that copy (None when there was no data to copy); the message names it.
    """

    def __init__(self, message: str, english: str = "", *, safety_copy: Path | None) -> None:
        super().__init__(message, english)
        self.safety_copy = safety_copy


_PATTERNS: list[tuple[tuple[str, ...], str, str, type[DatabaseEnvironmentError]]] = [
    (
        ("database is locked", "database table is locked"),
        "数据库正被其他程序占用（已锁定）。请关闭其他打开此数据库的程序后重试。",
        "The database is locked by another program.",
        DatabaseEnvironmentError,
    ),
    (
        ("readonly database", "read-only", "permission denied"),
        "数据库文件是只读的，无法保存。请检查文件属性或文件夹权限。",
        "The database file is read-only.",
        DatabaseEnvironmentError,
    ),
    (
        ("file is not a database", "database disk image is malformed", "file is encrypted"),
        "该文件不是有效的数据库文件，或已损坏。请从备份恢复。",
        "The file is not a valid database or is damaged.",
        DatabaseDamagedError,
    ),
    (
        ("database or disk is full", "disk full", "no space left"),
        "磁盘空间已满，无法保存。请清理磁盘空间后重试。",
        "The disk is full.",
        DatabaseEnvironmentError,
    ),
    (
        ("unable to open database file",),
        "无法打开数据库文件。请确认文件夹存在且有写入权限。",
        "The database file cannot be opened.",
        DatabaseEnvironmentError,
    ),
]

_CANNOT_CONNECT = "无法连接到数据库服务器"
_CANNOT_CONNECT_EN = "Cannot connect to the database server"

# What a PostgreSQL server or libpq says when a connection fails, newest wording first; each
# regular expression's first group (if any) is the host, database or user it names.
_SERVER_PATTERNS: list[tuple[str, str, str]] = [
    (
        r'database "([^"]*)" does not exist',
        "：服务器上没有名为“{0}”的数据库。请检查数据库地址中的数据库名。",
        ': there is no database "{0}" on the server. Check the database name in the address.',
    ),
    (
        r'role "([^"]*)" does not exist',
        "：服务器上没有用户“{0}”。请检查数据库地址中的用户名。",
        ': there is no user "{0}" on the server. Check the user name in the address.',
    ),
    (
        r'password authentication failed for user "([^"]*)"',
        "：用户“{0}”的密码不正确。请检查数据库地址中的用户名和密码。",
        ': the password of user "{0}" is wrong. Check the user name and password.',
    ),
    (
        r"no password supplied",
        "：服务器要求密码，但数据库地址中没有密码。请在地址中填写密码。",
        ": the server asks for a password and the address has none.",
    ),
    (
        r"(?:failed to resolve host|could not translate host name) ['\"]?([^'\"\s]*)",
        "：找不到服务器“{0}”。请检查数据库地址中的服务器名称和网络连接。",
        ': the server "{0}" was not found. Check the server name and the network.',
    ),
    (
        r"connection refused",
        "：服务器拒绝连接。请确认服务器已启动，并检查数据库地址中的服务器名称和端口。",
        ": the connection was refused. Check that the server runs, and its name and port.",
    ),
    (
        r"timeout expired|timed out",
        "：连接超时，服务器没有应答。请检查数据库地址、网络连接和防火墙。",
        ": the connection timed out. Check the address, the network and the firewall.",
    ),
    (
        r"no route to host|network is unreachable|host is unreachable",
        "：网络不通。请检查网络连接和数据库地址中的服务器名称。",
        ": the network cannot reach the server. Check the network and the server name.",
    ),
    (
        r"no pg_hba\.conf entry|pg_hba",
        "：服务器不允许这台电脑以该用户登录。请联系数据库管理员。",
        ": the server does not accept this user from this computer.",
    ),
    (
        r"could not connect|connection to server|connection failed|server closed the connection",
        "。请检查数据库地址、用户名和密码，以及服务器是否已启动。",
        ". Check the address, the user name, the password and that the server runs.",
    ),
]


def _explain_server(text: str) -> ServerConnectionError | None:
    """A friendly error for a failed connection to a database server, or None."""
    for pattern, message, english in _SERVER_PATTERNS:
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            names = [group.strip() for group in found.groups()]
            return ServerConnectionError(
                _CANNOT_CONNECT + message.format(*names),
                _CANNOT_CONNECT_EN + english.format(*names),
            )
    return None


def explain(exc: BaseException) -> DatabaseEnvironmentError | None:
    """Return a user-facing error for an environment problem, or None if ``exc`` is a bug."""
    if isinstance(exc, DatabaseEnvironmentError):
        return exc
    if isinstance(exc, StaleDataError):  # two saves of one row at the same moment
        return DatabaseEnvironmentError(
            "这条记录刚刚被他人同时修改，本次没有保存，以免覆盖。请关闭后重新打开再修改。",
            "Someone else saved this record at the same moment; nothing was saved.",
        )
    if not isinstance(exc, DBAPIError | sqlite3.Error | OSError):
        return None
    original = str(getattr(exc, "orig", None) or exc)
    text = original.lower()
    if isinstance(exc, DBAPIError) and not isinstance(exc.orig, sqlite3.Error):
        server = _explain_server(original)
        if server is not None:
            return server
    for needles, message, english, kind in _PATTERNS:
        if any(needle in text for needle in needles):
            return kind(message, english)
    if isinstance(exc, OSError):
        name = f"“{exc.filename}”" if exc.filename else ""
        return DatabaseEnvironmentError(
            f"无法读写文件{name}：{exc.strerror or exc}", f"Cannot access the file: {exc}"
        )
    return None


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Re-raise environment problems inside the block as :class:`DatabaseEnvironmentError`."""
    try:
        yield
    except Exception as exc:
        friendly = explain(exc)
        if friendly is not None and friendly is not exc:
            raise friendly from exc
        raise
