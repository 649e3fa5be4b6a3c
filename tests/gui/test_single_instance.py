"""One window per database file: a second start on the same SQLite file brings the first window
forward and quits without opening another."""

from __future__ import annotations

import argparse

from gui import app
from gui.single_instance import SingleInstance


def test_the_first_start_holds_the_file_and_a_second_asks_it_to_come_forward(qtbot, tmp_path):
    database = tmp_path / "office.db"
    first = SingleInstance(database)
    second = SingleInstance(database)
    assert first.first and not second.first
    with qtbot.waitSignal(first.come_forward, timeout=5_000):
        assert second.ask_first_to_come_forward()
    first.release()
    third = SingleInstance(database)
    assert third.first, "free again once the first program let go"
    third.release()


def test_another_file_is_not_held(tmp_path):
    one = SingleInstance(tmp_path / "one.db")
    other = SingleInstance(tmp_path / "other.db")
    assert one.first and other.first
    one.release()
    other.release()


def test_a_second_start_says_so_and_opens_no_window(qtbot, tmp_path, data_home, dialog_log):
    database = tmp_path / "office.db"
    first = SingleInstance(database)
    came: list[bool] = []
    first.come_forward.connect(lambda: came.append(True))
    code = app.run(argparse.Namespace(db=str(database), smoke=True))
    assert code == 0
    [notice] = dialog_log.messages("inform")
    assert "已在另一个督导工作台窗口中打开" in notice and str(database) in notice
    qtbot.waitUntil(lambda: came == [True], timeout=5_000)
    first.release()
