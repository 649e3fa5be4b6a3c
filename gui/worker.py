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

import gc
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.changes import Change
from core.errors import ValidationError
from core.jobs import Cancelled, reporting_to
from db.errors import explain
from gui import dialogs

PROGRESS_DELAY_MS = 400
"""A long job's progress dialog appears only if the job runs longer than this."""
SWITCH_INTERVAL_S = 0.0002
"""How long the GUI thread may wait for the interpreter while a job runs Python.

Painting a table calls back into Python for every cell (``index()``, ``multiData()``…), and
each call must take the interpreter lock from the worker. At Python's default of 5 ms a wait,
a job keying ten years of records froze the window for 0.4–0.5 s while the view painted the
new rows (0.5 ms: 70–90 ms; 0.2 ms: 40–70 ms). Without a job running nothing waits, and the
interval costs nothing.
"""


class _Relay(QObject):
    """Carries a finished job, and a long job's progress, from the worker thread to the GUI
    thread (queued signals)."""

    finished = Signal(object, object, object)
    progressed = Signal(object, int, int, str)


class _GuiThreadCollector(QObject):
    """Python's cyclic garbage collection, on the GUI thread only, between jobs.

    Left automatic, a collection may start on the worker thread and finalise Qt objects there
    (a closed dialog's wrapper, its connected lambdas), which crashes the program. So automatic
    collection is off while the application runs, and a timer on the GUI thread collects each
    generation as soon as its threshold asks for it. While a job runs the collection waits (up
    to :attr:`LONGEST_WAIT_S`): the rows a job reads are young objects (ten years of records
    take 30–50 ms to collect), and collecting them while the window paints the rows, which
    itself waits for the worker, added the two into one freeze.
    """

    INTERVAL_MS = 500
    LONGEST_WAIT_S = 2.0

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        gc.disable()
        self.due_since: float | None = None
        """When a collection became due that waits for a job to end."""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(self.INTERVAL_MS)
        app.aboutToQuit.connect(self.stop)

    def collect(self) -> None:
        """Collect the oldest generation whose count passed its threshold, unless a job runs
        and the collection has not waited :attr:`LONGEST_WAIT_S` yet."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = next((g for g in (2, 1, 0) if counts[g] > thresholds[g]), None)
        if due is None:
            return
        now = time.monotonic()
        if self.due_since is None:
            self.due_since = now
        if now - self.due_since < self.LONGEST_WAIT_S and any(w.busy for w in _WORKERS):
            return
        gc.collect(due)
        self.due_since = None

    def stop(self) -> None:
        """Back to automatic collection once the event loop has ended."""
        self.timer.stop()
        gc.enable()


def collect_on_the_gui_thread() -> None:
    """Install :class:`_GuiThreadCollector` once for the running application."""
    app = QCoreApplication.instance()
    if app is not None and app.findChild(_GuiThreadCollector) is None:
        _GuiThreadCollector(app)


class _LongJob:
    """A long job's cancellable progress dialog, shown only after :data:`PROGRESS_DELAY_MS`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(
            title, QCoreApplication.translate("DbWorker", "Cancel"), 0, 0, parent
        )
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        # Shown by our own timer: QProgressDialog's would show it at its first value.
        self.dialog.setMinimumDuration(2**31 - 1)
        self.dialog.hide()
        self.timer = QTimer(self.dialog)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dialog.show)
        self.timer.start(PROGRESS_DELAY_MS)

    def report(self, done: int, total: int, what: str) -> None:
        """Worker thread: stop the job if the clerk cancelled it."""
        if self.cancelled.is_set():
            raise Cancelled

    def show(self, done: int, total: int, what: str) -> None:
        """GUI thread: show how far the job has got (a busy bar while the total is unknown)."""
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if what:
            self.dialog.setLabelText(what)

    def close(self) -> None:
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancelled.set)
        self.dialog.close()
        self.dialog.deleteLater()


_WORKERS: weakref.WeakSet[DbWorker] = weakref.WeakSet()
"""Every worker alive, for the collector to see whether a job runs."""


class DbWorker(QObject):
    """Runs database jobs one at a time off the GUI thread."""

    data_changed = Signal(frozenset)
    """Emitted after a job succeeded with what it changed: a frozenset of :class:`Change`."""
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_on_the_gui_thread()
        _WORKERS.add(self)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._relay.progressed.connect(self._progressed)
        self._keys: set[str] = set()

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
        *,
        long: str | None = None,
        parent: QWidget | None = None,
        key: str | None = None,
    ) -> bool:
        """Queue ``job``; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

        ``changes`` is what the operation declared (:func:`core.changes.changes_of`); it is
        broadcast through :attr:`data_changed` once the job succeeded. A job that may take a
        while at county scale gives ``long``, the title of a progress dialog over ``parent``
        that appears after :data:`PROGRESS_DELAY_MS` and can cancel it (the job reports through
        :func:`core.jobs.progress`); a cancelled job calls neither callback. A job with a
        ``key`` already queued or running is not queued again: returns False.
        """
        if key is not None:
            if key in self._keys:
                return False
            self._keys.add(key)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        tracker = _LongJob(long, parent) if long is not None else None
        relay = self._relay

        def report(done: int, total: int, what: str) -> None:
            assert tracker is not None
            tracker.report(done, total, what)
            relay.progressed.emit(tracker, done, total, what)

        def run() -> None:
            try:
                if tracker is None:
                    result, error = job(), None
                else:
                    with reporting_to(report):
                        result, error = job(), None
            except Exception as exc:
                result, error = None, exc
            relay.finished.emit((on_done, on_error, changes, tracker, key), result, error)

        self._pool.start(run)
        return True

    def _progressed(self, tracker: _LongJob, done: int, total: int, what: str) -> None:
        tracker.show(done, total, what)

    def _deliver(self, callbacks: tuple, result: Any, error: BaseException | None) -> None:
        on_done, on_error, changes, tracker, key = callbacks
        self._pending -= 1
        self._keys.discard(key)
        if tracker is not None:
            tracker.close()
        try:
            if isinstance(error, Cancelled):
                return
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
