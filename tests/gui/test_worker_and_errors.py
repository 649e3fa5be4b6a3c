"""Database work off the GUI thread, long jobs with a progress dialog that can cancel them, and
how failures reach the user: environment problems as a friendly Chinese dialog, bugs as a crash
report file."""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from core.changes import Change
from core.jobs import progress
from db.errors import DatabaseEnvironmentError
from db.paths import data_dir
from gui import crash
from gui.worker import DbWorker, _GuiThreadCollector


def test_jobs_run_off_the_gui_thread_in_order_and_the_window_keeps_working(qtbot):
    worker = DbWorker()
    gui_thread = threading.get_ident()
    ran_on, results, ticked_while_working = [], [], []
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def slow(n):
        """Works until the GUI thread's timer has fired at least once (or 2 s pass)."""
        ran_on.append(threading.get_ident())
        seen = len(ticks)
        deadline = time.monotonic() + 2
        while len(ticks) == seen and time.monotonic() < deadline:
            time.sleep(0.01)
        ticked_while_working.append(len(ticks) > seen)
        return n

    for n in range(3):
        worker.submit(lambda n=n: slow(n), on_done=results.append)
    assert worker.busy
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    timer.stop()
    assert results == [0, 1, 2]
    assert gui_thread not in ran_on
    assert ticked_while_working == [True, True, True], (
        "the event loop kept running while the jobs worked"
    )


def test_a_job_that_changes_data_tells_the_views(qtbot):
    worker = DbWorker()
    with qtbot.waitSignal(worker.data_changed, timeout=5_000) as signal:
        worker.submit(lambda: None, changes=frozenset({"schools"}))
    assert signal.args == [frozenset({"schools"})]


def test_a_failed_job_does_not_announce_a_change(qtbot, dialog_log):
    worker = DbWorker()
    changed = []
    worker.data_changed.connect(changed.append)

    def locked():
        raise DatabaseEnvironmentError("数据库正被其他程序占用（已锁定）。", "locked")

    worker.submit(locked, changes=frozenset({"schools"}))
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    assert changed == []
    assert dialog_log.messages("environment") == ["数据库正被其他程序占用（已锁定）。"]


def test_a_bug_in_a_job_writes_a_crash_report(qtbot, dialog_log):
    worker = DbWorker()

    def broken():
        raise ZeroDivisionError("division by zero")

    worker.submit(broken)
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    reports = list((data_dir() / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    content = reports[0].read_text(encoding="utf-8")
    assert "ZeroDivisionError" in content
    assert "Supervision Desk" in content
    assert str(reports[0]) in dialog_log.messages("critical")[0]
    assert "已经保存的数据不受影响" in dialog_log.messages("critical")[0]


def test_crash_handler_is_installed_as_the_excepthook(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    crash.install()
    assert sys.excepthook is crash.handle_exception


def test_the_interface_font_draws_chinese(qapp):
    assert any("WenQuanYi" in family for family in QFontDatabase.families()), (
        "the bundled CJK font is registered"
    )
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "督导工作台学校园")


def _steps(count: int, pause: float, seen: list[int]) -> str:
    for n in range(count):
        time.sleep(pause)
        progress(n + 1, count, f"第 {n + 1} 步")
        seen.append(n)
    return "done"


def test_a_long_job_shows_its_progress_late_and_can_be_cancelled(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    worker = DbWorker()
    seen: list[int] = []
    done, changed = [], []
    worker.data_changed.connect(changed.append)
    worker.submit(
        lambda: _steps(100, 0.02, seen),
        on_done=done.append,
        changes={Change.VISITS},
        long="生成报表",
        parent=window,
    )

    def dialog() -> QProgressDialog | None:
        found = window.findChildren(QProgressDialog)
        return found[0] if found and found[0].isVisible() else None

    qtbot.wait(150)
    assert dialog() is None, "no dialog for work that may end within 0.4 s"
    qtbot.waitUntil(lambda: dialog() is not None, timeout=3_000)
    qtbot.waitUntil(lambda: dialog().value() > 0, timeout=3_000)
    assert dialog().maximum() == 100 and "步" in dialog().labelText()
    [cancel] = dialog().findChildren(QPushButton)
    assert cancel.text() == "取消"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    assert len(seen) < 100, "the job stopped at the next step"
    assert done == [] and changed == [], "a cancelled job reports nothing and changes nothing"
    assert dialog() is None


def test_a_quick_long_job_never_shows_a_dialog_and_delivers(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    worker = DbWorker()
    done: list[str] = []
    worker.submit(lambda: _steps(3, 0.01, []), on_done=done.append, long="导入", parent=window)
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    assert done == ["done"]
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


def test_the_same_job_is_not_queued_twice(qtbot):
    worker = DbWorker()
    results: list[int] = []
    assert worker.submit(lambda: time.sleep(0.3) or 1, on_done=results.append, key="print")
    assert not worker.submit(lambda: 2, on_done=results.append, key="print")
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    assert worker.submit(lambda: 3, on_done=results.append, key="print"), "free again once done"
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    assert results == [1, 3]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, qapp):
    worker = DbWorker()
    DbWorker()
    assert not gc.isenabled(), "no collection may start on the worker thread"
    assert len(qapp.findChildren(_GuiThreadCollector)) == 1

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    collected: list[int] = []
    for _ in range(gc.get_threshold()[0] + 10):
        Cycle()
    thread_of_collection: list[int] = []
    gc.callbacks.append(lambda phase, _info: thread_of_collection.append(threading.get_ident()))
    try:
        worker.submit(lambda: [Cycle() for _ in range(1000)] and None, on_done=collected.append)
        qtbot.waitUntil(lambda: bool(thread_of_collection), timeout=5_000)
    finally:
        gc.callbacks.pop()
    assert set(thread_of_collection) == {threading.get_ident()}


def test_a_collection_waits_while_a_job_runs_and_comes_once_it_ends(qtbot, qapp):
    """Ten years of rows read by a job are collected after the job, not while the window paints
    them (and waits for the worker meanwhile)."""
    worker = DbWorker()
    (collector,) = qapp.findChildren(_GuiThreadCollector)
    release = threading.Event()
    collections: list[float] = []
    worker.submit(lambda: release.wait(5))

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    garbage = [Cycle() for _ in range(gc.get_threshold()[0] + 10)]
    del garbage
    gc.callbacks.append(lambda phase, _info: phase == "start" and collections.append(1))
    try:
        qtbot.wait(2 * _GuiThreadCollector.INTERVAL_MS + 100)
        assert collections == [], "no collection while the job runs"
        release.set()
        qtbot.waitUntil(lambda: bool(collections), timeout=2 * _GuiThreadCollector.INTERVAL_MS)
    finally:
        gc.callbacks.pop()
    assert collector.due_since is None


def test_a_collection_waits_for_a_long_job_no_longer_than_its_limit(qtbot, qapp, monkeypatch):
    monkeypatch.setattr(_GuiThreadCollector, "LONGEST_WAIT_S", 0.2)
    worker = DbWorker()
    release = threading.Event()
    collections: list[int] = []
    worker.submit(lambda: release.wait(5))

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    garbage = [Cycle() for _ in range(gc.get_threshold()[0] + 10)]
    del garbage
    gc.callbacks.append(lambda phase, _info: phase == "start" and collections.append(1))
    try:
        qtbot.waitUntil(lambda: bool(collections), timeout=3 * _GuiThreadCollector.INTERVAL_MS)
        assert worker.busy, "collected while the job still ran"
    finally:
        gc.callbacks.pop()
        release.set()
        qtbot.waitUntil(lambda: not worker.busy)
