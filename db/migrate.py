"""Schema migrations with Alembic, configured in code so they run from a source checkout, an
installed package and a frozen bundle alike.

Start-up must stay fast, so :func:`ensure_schema` first compares the database's revision with
:data:`HEAD_REVISION` using plain SQLAlchemy; Alembic is imported only when they differ. A test
keeps :data:`HEAD_REVISION` equal to the newest migration script. Before upgrading an existing
SQLite file it takes a backup; a database whose revision this app does not know (made by a newer
version) is refused.

Every migration runs through :func:`upgrade_to`, as one transaction. On SQLite that transaction
runs with foreign keys off: a batch table rebuild ("move and copy") drops the old table, and with
foreign keys on, dropping a parent table deletes or nulls every row that refers to it. The
references are checked with ``PRAGMA foreign_key_check`` before the commit instead; any broken
reference rolls the whole upgrade back. ``env.py`` refuses to run on a SQLite connection that is
not set up this way, so no migration script can forget it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from db.errors import (
    BrokenReferencesError,
    DatabaseTooNewError,
    NotOurDatabaseError,
    friendly_errors,
)

if TYPE_CHECKING:
    from alembic.config import Config

    from db.engine import Database

HEAD_REVISION = "0011"
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
    upgrade_to(db, "head")
    return backup_file


def upgrade_to(db: Database, revision: str) -> None:
    """Run the migration scripts up to ``revision`` as one transaction, with no backup.

    :func:`upgrade` is the app's way in; this is also what tests and the fixture generator use
    to bring a database to an older revision. Raises :class:`BrokenReferencesError`, with
    nothing changed, when a SQLite database would hold rows that refer to missing rows.
    """
    from alembic import command

    with friendly_errors(), migration_connection(db) as conn:
        command.upgrade(alembic_config(conn), revision)


@contextmanager
def migration_connection(db: Database) -> Iterator[Connection]:
    """A connection for Alembic, inside one transaction that commits when the block ends.

    On SQLite foreign keys are off until the block ends, and ``env.py`` checks the references
    before the commit. Anything raised in the block rolls everything back.
    """
    if not db.is_sqlite:
        with db.engine.begin() as conn:
            yield conn
        return
    with db.engine.connect() as conn:
        # Python's sqlite3 module opens a transaction only before INSERT, UPDATE or DELETE, so
        # the pragma takes effect here, and without an explicit BEGIN the DDL before a script's
        # first INSERT would be committed statement by statement.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            _restore_foreign_keys(conn)


def _restore_foreign_keys(conn: Connection) -> None:
    """Turn foreign keys back on before the connection returns to the pool, or discard it."""
    try:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        restored = conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        conn.commit()
    except Exception:
        restored = False
    if not restored:
        conn.invalidate()


def require_safe_sqlite_connection(conn: Connection) -> None:
    """Refuse to migrate SQLite unless foreign keys are off and one transaction is open.

    Called by ``env.py``; :func:`migration_connection` provides such a connection.
    """
    foreign_keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    in_transaction = conn.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    if foreign_keys or not in_transaction:
        raise RuntimeError(
            "SQLite migrations must run on db.migrate.migration_connection (as upgrade_to does): "
            "with foreign keys on, a table rebuild deletes the rows that refer to the table"
        )


def check_foreign_keys(conn: Connection) -> None:
    """Raise :class:`BrokenReferencesError` if any row refers to a row that does not exist.

    Run by ``env.py`` after the SQLite migrations, before their transaction commits.
    """
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if not broken:
        return
    by_reference = Counter((row[0], row[2]) for row in broken)
    where = "，".join(
        f"{table} → {parent}：{count} 行" for (table, parent), count in sorted(by_reference.items())
    )
    where_en = ", ".join(
        f"{table} → {parent}: {count}" for (table, parent), count in sorted(by_reference.items())
    )
    raise BrokenReferencesError(
        f"数据库中有 {len(broken)} 条记录引用了不存在的记录（{where}），升级已取消，"
        "数据库未作任何更改。请从备份恢复，或联系技术支持。",
        f"Upgrade cancelled, nothing changed: {len(broken)} rows refer to rows that do not "
        f"exist ({where_en}).",
    )


def ensure_schema(db: Database) -> Path | None:
    """Fast start-up check: upgrade only when the revision differs from the app's head."""
    if schema_revision(db) == HEAD_REVISION:
        return None
    return upgrade(db)
