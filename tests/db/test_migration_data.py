"""Migrations on databases full of data, on both engines.

Each fixture is the county demo as the app made it at one revision (see
``fixtures/make_fixtures.py``), with every table holding rows. It is upgraded one revision at a
time to the newest, and no step may lose a row or change a value in a column it keeps; a table
gains rows only in a step listed in :data:`FILLS`. The result must match the models. On
PostgreSQL a fresh database is migrated to the fixture's revision and the fixture's rows are
copied into it first.

On SQLite, a made-up future migration that rebuilds every table keeps every row as well; a row
that refers to a missing row stops an upgrade with nothing changed; migrations refuse to run with
foreign keys on, and the connections the app goes on using have them on again. Restoring a
backup from the first revision keeps every row.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Connection,
    MetaData,
    Table,
    bindparam,
    create_engine,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.schema import sort_tables_and_constraints

from db.backup import restore_from
from db.engine import Database
from db.errors import BrokenReferencesError, DatabaseEnvironmentError
from db.migrate import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    alembic_config,
    migration_connection,
    schema_revision,
    upgrade,
    upgrade_to,
)
from db.models import Base
from tests.db.fixtures.make_fixtures import COMMITS, fixture_path, table_counts

REVISIONS = sorted(COMMITS)

FILLS: dict[str, set[str]] = {}
"""Tables that the step to a revision is meant to add rows to (a table it creates may hold
any rows anyway)."""

Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]
"""Each table's columns and rows, in primary-key order."""


def _steps_after(revision: str) -> list[str]:
    scripts = ScriptDirectory.from_config(alembic_config())
    chain = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    return chain[chain.index(revision) + 1 :]


def _unpack(revision: str, folder: Path) -> Path:
    path = folder / f"revision_{revision}.db"
    with gzip.open(fixture_path(revision)) as fixture:
        path.write_bytes(fixture.read())
    return path


def _snapshot(db: Database) -> Snapshot:
    snapshot: Snapshot = {}
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        all_columns = inspector.get_multi_columns()
        all_keys = inspector.get_multi_pk_constraint()
        for (_, table), described in all_columns.items():
            columns = [column["name"] for column in described]
            key = all_keys[(None, table)]["constrained_columns"]
            listed = ", ".join(f'"{column}"' for column in columns)
            order = ", ".join(f'"{column}"' for column in key)
            rows = conn.execute(text(f'SELECT {listed} FROM "{table}" ORDER BY {order}')).all()
            snapshot[table] = (columns, [tuple(row) for row in rows])
    return snapshot


def _kept_values(columns: list[str], rows: list[tuple[Any, ...]], kept: list[str]) -> list[tuple]:
    positions = [columns.index(column) for column in kept]
    return [tuple(row[i] for i in positions) for row in rows]


def _assert_nothing_lost(before: Snapshot, after: Snapshot, step: str) -> None:
    assert set(before) <= set(after), f"{step} dropped {set(before) - set(after)}"
    for table, (columns, rows) in before.items():
        after_columns, after_rows = after[table]
        if table == "alembic_version":
            continue
        if table in FILLS.get(step, set()):
            assert len(after_rows) >= len(rows), f"{step} lost rows of {table}"
            continue
        assert len(after_rows) == len(rows), (
            f"{step}: {table} had {len(rows)} rows and has {len(after_rows)}"
        )
        kept = [column for column in columns if column in after_columns]
        assert _kept_values(after_columns, after_rows, kept) == _kept_values(columns, rows, kept), (
            f"{step} changed values of {table}"
        )


def _sqlite_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return table_counts(conn)
    finally:
        conn.close()


def _copy_rows(source: Path, target: Database) -> None:
    """Copy every row of the SQLite file ``source`` into ``target``, a database at the same
    revision, parents before children; references in a cycle or to the same table are filled
    in once every row is there."""
    source_engine = create_engine(f"sqlite:///{source}")
    try:
        source_tables = MetaData()
        source_tables.reflect(source_engine)
        target_tables = MetaData()
        target_tables.reflect(target.engine)
        tables = target_tables.tables.values()
        # The sort gives up every reference of a table in a cycle; only those that point back
        # into the cycle need to wait.
        cyclic = {
            fk for table, fks in sort_tables_and_constraints(tables) if table is None for fk in fks
        }
        in_cycles = {fk.table for fk in cyclic}
        waiting = {
            fk
            for table in tables
            for fk in table.foreign_key_constraints
            if fk.referred_table is table or (fk in cyclic and fk.referred_table in in_cycles)
        }
        ordered = sort_tables_and_constraints(tables, filter_fn=lambda fk: fk in waiting or None)
        later: dict[Table, list[str]] = {}
        for fk in waiting:
            later.setdefault(fk.table, []).extend(fk.column_keys)
        copied: dict[Table, list[dict[str, Any]]] = {}
        with source_engine.connect() as read, target.engine.begin() as write:
            for table, _ in ordered:
                if table is None or table.name == "alembic_version":
                    continue
                rows = [
                    dict(row._mapping)
                    for row in read.execute(select(source_tables.tables[table.name]))
                ]
                if rows:
                    blank = dict.fromkeys(later.get(table, []))
                    write.execute(insert(table), [{**row, **blank} for row in rows])
                    copied[table] = rows
            for table, columns in later.items():
                _fill_in_later_references(write, table, columns, copied.get(table, []))
            _advance_sequences(write, target_tables)
    finally:
        source_engine.dispose()


def _fill_in_later_references(
    write: Connection, table: Table, columns: list[str], rows: list[dict[str, Any]]
) -> None:
    pending = [row for row in rows if any(row[column] is not None for column in columns)]
    if not pending:
        return
    key = [column.name for column in table.primary_key.columns]
    statement = (
        update(table)
        .where(*(table.c[name] == bindparam(f"key_{name}") for name in key))
        .values({column: bindparam(f"new_{column}") for column in columns})
    )
    write.execute(
        statement,
        [
            {**{f"key_{name}": row[name] for name in key}, **{f"new_{c}": row[c] for c in columns}}
            for row in pending
        ],
    )


def _advance_sequences(write: Connection, tables: MetaData) -> None:
    for table in tables.tables.values():
        if "id" in table.c and table.c.id.primary_key:
            write.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f' (SELECT coalesce(max(id), 0) + 1 FROM "{table.name}"), false)'
                )
            )


@pytest.fixture(params=REVISIONS)
def old_database(
    request: pytest.FixtureRequest, empty_db: Database, tmp_path: Path
) -> Iterator[tuple[str, Database, dict[str, int]]]:
    """(revision, a database at that revision holding its fixture's rows, the fixture's counts)."""
    revision = request.param
    path = _unpack(revision, tmp_path)
    counts = _sqlite_counts(path)
    if empty_db.is_sqlite:
        empty_db.dispose()
        database = Database.open(path)
        yield revision, database, counts
        database.dispose()
    else:
        upgrade_to(empty_db, revision)
        _copy_rows(path, empty_db)
        yield revision, empty_db, counts


def test_every_step_to_the_newest_revision_keeps_every_row(old_database):
    revision, db, fixture_counts = old_database
    assert schema_revision(db) == revision
    assert all(fixture_counts.values()), f"empty tables in the fixture: {fixture_counts}"
    before = _snapshot(db)
    assert {table: len(rows) for table, (_, rows) in before.items()} == fixture_counts
    for step in _steps_after(revision):
        upgrade_to(db, step)
        assert schema_revision(db) == step
        after = _snapshot(db)
        _assert_nothing_lost(before, after, step)
        before = after
    assert schema_revision(db) == HEAD_REVISION
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": db.is_sqlite}
        )
        assert compare_metadata(context, Base.metadata) == []
        if db.is_sqlite:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_row_referring_to_a_missing_row_stops_the_upgrade_and_changes_nothing(tmp_path):
    path = _unpack("0001", tmp_path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO appointments (inspector_id, start_date, end_date, notes)"
            " VALUES (999999, '2024-01-01', '2027-01-01', '')"
        )
    conn.close()
    before = _dump(path)
    db = Database.open(path)
    try:
        with pytest.raises(BrokenReferencesError) as info:
            upgrade(db)
        assert isinstance(info.value, DatabaseEnvironmentError)
        assert "appointments → inspectors" in info.value.message
        assert "未作任何更改" in info.value.message
        assert schema_revision(db) == "0001"
        with db.engine.connect() as conn_after:
            assert conn_after.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()
    assert _dump(path) == before


REBUILD_EVERY_TABLE = """
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    for table in sa.inspect(op.get_bind()).get_table_names():
        if table != "alembic_version":
            with op.batch_alter_table(table, recreate="always"):
                pass


def downgrade():
    pass
"""


def test_a_future_migration_that_rebuilds_every_table_keeps_every_row(tmp_path):
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_rebuild_every_table.py").write_text(
        REBUILD_EVERY_TABLE.format(head=HEAD_REVISION)
    )
    path = _unpack(REVISIONS[-1], tmp_path)
    db = Database.open(path)
    try:
        upgrade_to(db, "head")
        counts = _sqlite_counts(path)
        with migration_connection(db) as conn:
            config = alembic_config(conn)
            config.set_main_option("script_location", str(scripts))
            command.upgrade(config, "9999")
        assert schema_revision(db) == "9999"
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        db.dispose()
    assert _sqlite_counts(path) == {**counts, "alembic_version": 1}


def test_a_sqlite_migration_with_foreign_keys_on_is_refused(tmp_path):
    db = Database.open(tmp_path / "office.db")
    try:
        with db.engine.connect() as conn, pytest.raises(RuntimeError, match="foreign keys"):
            command.upgrade(alembic_config(conn), "head")
        assert schema_revision(db) is None
    finally:
        db.dispose()


def test_restoring_a_backup_from_the_first_revision_keeps_every_row(sqlite_db, tmp_path):
    backup = _unpack("0001", tmp_path)
    counts = _sqlite_counts(backup)
    restore_from(sqlite_db, backup)
    assert schema_revision(sqlite_db) == HEAD_REVISION
    restored = _sqlite_counts(sqlite_db.sqlite_path)
    assert {table: restored[table] for table in counts} == counts
