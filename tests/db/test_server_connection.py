"""A database server address that is wrong in any way (unknown host, closed port, a server that
never answers, wrong password, database or user) gives one clear Chinese/English explanation
within 10 seconds, never a raw driver error, and never shows the password."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from db.engine import SERVER_CONNECT_TIMEOUT_S, Database
from db.errors import DatabaseEnvironmentError, ServerConnectionError, explain
from db.migrate import ensure_schema
from db.models import Zone
from tests.db.server_helpers import PASSWORD, TIME_LIMIT_S, WRONG_ADDRESSES, wrong_address


@pytest.mark.parametrize("kind", WRONG_ADDRESSES)
def test_a_wrong_server_address_is_explained_in_time(kind):
    with wrong_address(kind) as (url, words):
        db = Database.open(url)
        started = time.monotonic()
        try:
            with pytest.raises(DatabaseEnvironmentError) as info:
                ensure_schema(db)
        finally:
            db.dispose()
        elapsed = time.monotonic() - started
    error = info.value
    assert isinstance(error, ServerConnectionError)
    assert elapsed < TIME_LIMIT_S, f"{kind} took {elapsed:.1f} s"
    line = error.one_line()
    assert line.startswith("无法连接到数据库服务器")
    for word in words:
        assert word in error.message
    assert "\n" not in line
    assert PASSWORD not in line
    assert "Cannot connect to the database server" in error.english


@pytest.mark.parametrize("kind", ["closed port", "wrong password"])
def test_a_unit_of_work_on_a_wrong_address_is_explained_too(kind):
    with wrong_address(kind) as (url, words):
        db = Database.open(url)
        try:
            with pytest.raises(ServerConnectionError) as info, db.session() as session:
                session.execute(select(Zone)).all()
        finally:
            db.dispose()
    assert all(word in info.value.message for word in words)


def test_a_server_that_never_answers_is_given_up_on_after_the_timeout():
    with wrong_address("silent server") as (url, _words):
        db = Database.open(url)
        started = time.monotonic()
        try:
            with pytest.raises(ServerConnectionError):
                ensure_schema(db)
        finally:
            db.dispose()
    assert SERVER_CONNECT_TIMEOUT_S - 1 <= time.monotonic() - started < TIME_LIMIT_S


def test_a_timeout_given_in_the_address_is_kept():
    with wrong_address("silent server") as (url, _words):
        db = Database.open(f"{url}?connect_timeout=2")
        started = time.monotonic()
        try:
            with pytest.raises(ServerConnectionError):
                ensure_schema(db)
        finally:
            db.dispose()
    assert time.monotonic() - started < SERVER_CONNECT_TIMEOUT_S - 1


def test_query_errors_on_a_server_are_not_taken_for_connection_failures():
    from sqlalchemy.exc import ProgrammingError

    class _Undefined(Exception):
        pass

    error = ProgrammingError("SELECT", {}, _Undefined('relation "zones" does not exist'))
    assert explain(error) is None
