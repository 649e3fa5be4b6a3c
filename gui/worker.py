"""One background worker for all database work, so the window never freezes.

A page hands :meth:`DbWorker.submit` a function of no arguments (usually a ``core`` call) and
callbacks; the function runs on the worker's single thread, one job after another, and the
callbacks run afterwards on the GUI thread. A job that changes data names what it changed, and the
worker broadcasts it through :attr:`DbWorker.data_changed`; views refresh from that signal instead
of calling each other.

Failures without an ``on_error`` callback are routed by kind: environment problems (locked,
read-only, full database…) get the friendly dialog, anything else is a bug and goes to the crash
handler.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from core.changes import EVERYTHING as EVERYTHING
from core.changes import Change
from core.errors import ValidationError
from db.errors import explain
from gui import dialogs


class _Relay(QObject):
    """Carries a finished job from the worker thread to the GUI thread (queued signal)."""

    finished = Signal(object, object, object)


class DbWorker(QObject):
    """Runs database jobs one at a time off the GUI thread."""

    data_changed = Signal(frozenset)
    """Emitted after a job succeeded with what it changed: a frozenset of :class:`Change`."""
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        changes: Iterable[Change] = (),
    ) -> None:
        """Queue ``job``; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

        ``changes`` is what the operation declared (:func:`core.changes.changes_of`); it is
        broadcast through :attr:`data_changed` once the job succeeded.
        """
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def run() -> None:
            try:
                result, error = job(), None
            except Exception as exc:
                result, error = None, exc
            self._relay.finished.emit((on_done, on_error, changes), result, error)

        self._pool.start(run)

    def _deliver(self, callbacks: tuple, result: Any, error: BaseException | None) -> None:
        on_done, on_error, changes = callbacks
        self._pending -= 1
        try:
            if error is None:
                if on_done is not None and _alive(on_done):
                    on_done(result)
                if changes:
                    self.data_changed.emit(frozenset(changes))
            elif on_error is None:
                report_failure(error)
            elif _alive(on_error):
                on_error(error)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def wait_for_done(self) -> None:
        """Block until every queued job has run (at exit)."""
        self._pool.waitForDone()


def _alive(callback: Callable[..., None]) -> bool:
    """False for a method of a widget deleted meanwhile (a dialog closed while its job ran),
    which must not be called."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def report_failure(error: BaseException) -> None:
    """Show an environment problem as a friendly dialog, anything else as a crash."""
    friendly = explain(error)
    if friendly is not None:
        dialogs.environment_error(None, friendly)
        return
    from gui.crash import handle_exception

    handle_exception(type(error), error, error.__traceback__)


def refusal_handler(parent: QWidget | None, title: str) -> Callable[[BaseException], None]:
    """An ``on_error`` that shows a refusal as a warning titled ``title`` over ``parent``.

    A :class:`~core.errors.ValidationError` lists its messages one per line; anything else goes
    to :func:`report_failure`.
    """

    def refused(exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            dialogs.warn(parent, title, "\n".join(exc.messages()))
        else:
            report_failure(exc)

    return refused
