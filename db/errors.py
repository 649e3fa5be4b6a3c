"""Errors of the environment (not bugs) that the user can act on, with Chinese messages.

A locked, read-only, corrupt or full database, a missing folder, a database made by a newer
version of the app: each becomes a :class:`DatabaseEnvironmentError` whose ``message`` says what
happened and what to do. Anything else is a bug and is left to propagate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError


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


_PATTERNS: list[tuple[tuple[str, ...], str, str]] = [
    (
        ("database is locked", "database table is locked"),
        "数据库正被其他程序占用（已锁定）。请关闭其他打开此数据库的程序后重试。",
        "The database is locked by another program.",
    ),
    (
        ("readonly database", "read-only", "permission denied"),
        "数据库文件是只读的，无法保存。请检查文件属性或文件夹权限。",
        "The database file is read-only.",
    ),
    (
        ("file is not a database", "database disk image is malformed", "file is encrypted"),
        "该文件不是有效的数据库文件，或已损坏。请从备份恢复。",
        "The file is not a valid database or is damaged.",
    ),
    (
        ("database or disk is full", "disk full", "no space left"),
        "磁盘空间已满，无法保存。请清理磁盘空间后重试。",
        "The disk is full.",
    ),
    (
        ("unable to open database file",),
        "无法打开数据库文件。请确认文件夹存在且有写入权限。",
        "The database file cannot be opened.",
    ),
    (
        ("could not connect", "connection refused", "password authentication failed"),
        "无法连接到数据库服务器。请检查数据库地址、用户名和密码。",
        "Cannot connect to the database server.",
    ),
]


def explain(exc: BaseException) -> DatabaseEnvironmentError | None:
    """Return a user-facing error for an environment problem, or None if ``exc`` is a bug."""
    if isinstance(exc, DatabaseEnvironmentError):
        return exc
    if not isinstance(exc, DBAPIError | sqlite3.Error | OSError):
        return None
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needles, message, english in _PATTERNS:
        if any(needle in text for needle in needles):
            return DatabaseEnvironmentError(message, english)
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
