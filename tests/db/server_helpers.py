"""Database server addresses that are wrong in each way a clerk can get one wrong, for tests of
the messages and of the time a failed connection may take.

The wrong database and the wrong user are asked of the real test server
(``SUPERVISION_TEST_PG_URL``). That server trusts local connections, so a wrong password is
answered by :class:`PasswordRefusingServer`, which speaks PostgreSQL's start-up protocol as far
as refusing the password; :class:`SilentServer` accepts connections and never answers.
"""

from __future__ import annotations

import os
import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest

PG_URL_ENV = "SUPERVISION_TEST_PG_URL"
TIME_LIMIT_S = 10.0
"""A wrong address must be reported within this many seconds."""
PASSWORD = "s3cret-pw"

_SSL_REQUEST = 80877103
_GSSENC_REQUEST = 80877104


def server_url() -> str:
    """The test server's administrative URL (the test is skipped without one)."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set")
    return url


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _receive(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


class _Listener:
    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.port = self.socket.getsockname()[1]

    def close(self) -> None:
        self.socket.close()


class SilentServer(_Listener):
    """Accepts connections (the kernel completes them) and never says a word."""


class PasswordRefusingServer(_Listener):
    """Asks for a password and refuses it, as a server with password authentication does."""

    def __init__(self) -> None:
        super().__init__()
        self.socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _address = self.socket.accept()
            except OSError:
                continue
            with conn, suppress(OSError, ConnectionError):
                conn.settimeout(5)
                self._refuse(conn)

    @staticmethod
    def _refuse(conn: socket.socket) -> None:
        while True:
            (length,) = struct.unpack("!I", _receive(conn, 4))
            body = _receive(conn, length - 4)
            if struct.unpack("!I", body[:4])[0] in (_SSL_REQUEST, _GSSENC_REQUEST):
                conn.sendall(b"N")
                continue
            user = body.split(b"user\x00", 1)[1].split(b"\x00", 1)[0]
            break
        conn.sendall(b"R" + struct.pack("!II", 8, 3))  # AuthenticationCleartextPassword
        _receive(conn, 1)
        (length,) = struct.unpack("!I", _receive(conn, 4))
        _receive(conn, length - 4)
        fields = (
            b"SFATAL\x00VFATAL\x00C28P01\x00"
            b'Mpassword authentication failed for user "' + user + b'"\x00\x00'
        )
        conn.sendall(b"E" + struct.pack("!I", len(fields) + 4) + fields)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        super().close()


@contextmanager
def wrong_address(kind: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """A URL wrong in the way ``kind`` names, and words its message must contain."""
    from sqlalchemy import make_url

    if kind == "unknown host":
        yield "postgresql://clerk:s3cret-pw@nosuchhost.invalid/office", ("nosuchhost.invalid",)
        return
    if kind == "closed port":
        yield f"postgresql://clerk:s3cret-pw@127.0.0.1:{closed_port()}/office", ("拒绝连接",)
        return
    if kind in ("silent server", "wrong password"):
        server: _Listener = SilentServer() if kind == "silent server" else PasswordRefusingServer()
        words = ("超时",) if kind == "silent server" else ("密码不正确", "clerk")
        try:
            yield f"postgresql://clerk:{PASSWORD}@127.0.0.1:{server.port}/office", words
        finally:
            server.close()
        return
    url = make_url(server_url())
    if kind == "wrong database":
        yield (
            url.set(database="no_such_office").render_as_string(hide_password=False),
            ("no_such_office", "数据库名"),
        )
    elif kind == "wrong user":
        yield (
            url.set(username="no_such_clerk").render_as_string(hide_password=False),
            ("no_such_clerk", "用户名"),
        )
    else:
        raise ValueError(kind)


WRONG_ADDRESSES = [
    "unknown host",
    "closed port",
    "silent server",
    "wrong password",
    pytest.param("wrong database", marks=pytest.mark.postgres),
    pytest.param("wrong user", marks=pytest.mark.postgres),
]
