"""Shared fixtures: offscreen Qt, a private data folder per test, a fresh database per test.

The ``db`` fixture runs each test on SQLite and, when ``SUPERVISION_TEST_PG_URL`` names a
PostgreSQL server (an administrative URL; CI starts one), on a fresh PostgreSQL database too.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# Set once, before anything imports Qt, so no test depends on the order tests run in.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from core import i18n
from db.engine import Database
from db.migrate import upgrade

PG_URL_ENV = "SUPERVISION_TEST_PG_URL"
TODAY = date(2026, 11, 2)
"""The fixed 'today' of tests that depend on the date."""


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private per-user data folder (database, settings, backups) for every test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SUPERVISION_DESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def chinese_messages() -> Iterator[None]:
    """Core's messages in Chinese for every test, whatever a test before it chose."""
    i18n.set_language(i18n.CHINESE)
    yield
    i18n.set_language(i18n.CHINESE)


@pytest.fixture
def english() -> Iterator[None]:
    """Core's messages in English for one test."""
    i18n.set_language(i18n.ENGLISH)
    yield
    i18n.set_language(i18n.CHINESE)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a throwaway database on the server named by ``SUPERVISION_TEST_PG_URL``."""
    from sqlalchemy import create_engine, make_url, text

    admin_url = os.environ.get(PG_URL_ENV)
    if not admin_url:
        pytest.skip(f"{PG_URL_ENV} is not set")
    admin = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh database with no tables, on each engine."""
    if request.param == "sqlite":
        database = Database.open(tmp_path / "test.db")
    else:
        database = Database.open(request.getfixturevalue("postgres_url"))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite file (for what only a file database offers: backup, restore)."""
    database = Database.open(tmp_path / "office.db")
    upgrade(database, backup=False)
    yield database
    database.dispose()


@pytest.fixture
def db(empty_db: Database) -> Database:
    """A fresh database at the newest schema, on each engine."""
    upgrade(empty_db, backup=False)
    return empty_db


@pytest.fixture
def demo_db(db: Database) -> Database:
    """The office demo, as of :data:`TODAY`."""
    from core.demo.office import create_demo

    create_demo(db, "office", TODAY)
    return db


def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process without the interpreter's final garbage collection.

    After a long run of Qt windows on PostgreSQL, the final collection at interpreter exit can
    abort in a C extension ("bool_dealloc") although every test passed and every report is
    written; the app itself exits cleanly (``--smoke`` on both engines). Exiting here keeps the
    exit status the tests earned.
    """
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    status = getattr(config, "_supervision_exit_status", None)
    if status is not None:
        os._exit(status)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config._supervision_exit_status = int(exitstatus)  # type: ignore[attr-defined]
