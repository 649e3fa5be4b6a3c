"""Schema migrations with Alembic, configured in code so they run from a source checkout, an
installed package and a frozen bundle alike.

Start-up must stay fast, so :func:`ensure_schema` first compares the database's revision with
:data:`HEAD_REVISION` using plain SQLAlchemy; Alembic is imported only when they differ. A test
keeps :data:`HEAD_REVISION` equal to the newest migration script. Before upgrading an existing
SQLite file it takes a backup; a database whose revision this app does not know (made by a newer
version) is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from db.errors import DatabaseTooNewError, NotOurDatabaseError, friendly_errors

if TYPE_CHECKING:
    from alembic.config import Config

    from db.engine import Database

HEAD_REVISION = "0006"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config with an absolute script location and, optionally, a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    """Every revision this app's migration scripts know."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def script_head() -> str:
    """The newest revision among the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def schema_revision(db: Database) -> str | None:
    """The database's revision; None for an empty database.

    Raises :class:`NotOurDatabaseError` for a database that holds tables but no revision.
    """
    with friendly_errors(), db.engine.connect() as conn:
        inspector = inspect(conn)
        if inspector.has_table(VERSION_TABLE):
            return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        if inspector.get_table_names():
            raise NotOurDatabaseError(
                f"该数据库不是督导工作台的数据库：{db.describe()}",
                "This database was not made by Supervision Desk.",
            )
        return None


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup taken first, if any."""
    current = schema_revision(db)
    if current == HEAD_REVISION:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            f"此数据库由更新版本的督导工作台创建（数据库版本 {current}），当前程序无法打开。"
            "请安装最新版本的程序。",
            f"The database was made by a newer version of the app (revision {current}).",
        )
    backup_file = None
    if backup and current is not None and db.is_sqlite:
        from db.backup import automatic_backup

        backup_file = automatic_backup(db, reason=f"before-upgrade-from-{current}")
    from alembic import command

    with friendly_errors(), db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return backup_file


def ensure_schema(db: Database) -> Path | None:
    """Fast start-up check: upgrade only when the revision differs from the app's head."""
    if schema_revision(db) == HEAD_REVISION:
        return None
    return upgrade(db)
