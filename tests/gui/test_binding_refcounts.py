"""The Qt binding keeps Python's reference counts: a long working day of widget calls must not
wear down the count of ``None`` until Python aborts ("deallocating None"), which PySide6 6.12.0
does on Python 3.11 — one reference lost on every call of a method that returns nothing."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

CALLS = 200


def test_calls_of_methods_returning_nothing_keep_nones_count(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    timer = QTimer()
    calls = (
        lambda: label.setText("督导"),
        label.update,
        lambda: label.setVisible(False),
        timer.stop,
    )
    for call in calls:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            call()
        # A few references may come and go with the interpreter's own work; one per call may not.
        assert sys.getrefcount(None) - before > -CALLS // 2
