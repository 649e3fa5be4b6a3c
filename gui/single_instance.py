"""One window per database file.

The first start on a SQLite file holds a lock file beside it (``QLockFile``, released when the
program ends, or found stale once that program is gone) and listens on a local socket named
after the file. A second start on the same file finds the lock, asks the first over the socket to
come forward and quits, so two windows never edit one file on top of each other. (Several clerks
on PostgreSQL each run their own program; the server keeps them apart.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

COME_FORWARD = b"show\n"
WAIT_MS = 2000


class SingleInstance(QObject):
    """The claim of this program on one database file; :attr:`first` says whether it holds it."""

    come_forward = Signal()
    """Another start asked this one's window to come to the front."""

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        path = database.resolve()
        self.name = "SupervisionDesk-" + hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:20]
        self._lock = QLockFile(str(path.with_name(path.name + ".lock")))
        self._lock.setStaleLockTime(0)  # never stale by age: only once its program has gone
        self.first = self._lock.tryLock(100)
        self._server: QLocalServer | None = None
        if self.first:
            QLocalServer.removeServer(self.name)  # left behind by a program that crashed
            self._server = QLocalServer(self)
            self._server.newConnection.connect(self._answer)
            self._server.listen(self.name)

    def _answer(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(COME_FORWARD.strip()):
            self.come_forward.emit()
        socket.disconnectFromServer()

    def ask_first_to_come_forward(self) -> bool:
        """Ask the program holding the file to show its window; False if it did not answer."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(COME_FORWARD)
        sent = socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        """Give the file up (at exit)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.first:
            self._lock.unlock()
            self.first = False
