"""Starting on a 0-byte or damaged database: the clerk is told, shown the backups folder, and
offered to restore one of the backups (listed newest first with dates and sizes) or to open
another database, right there; the app then opens on the restored data. A wrong server address
gets the friendly dialog, never the crash dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from db.backup import automatic_backup, list_backups
from db.engine import Database
from db.errors import DatabaseDamagedError
from db.migrate import upgrade
from db.models import Zone
from db.paths import backups_dir_for
from gui import dialogs
from gui.app import start_database


def _zones(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(session.scalars(select(Zone.name)))


def _office(path: Path, *zones: str) -> Database:
    db = Database.open(path)
    upgrade(db, backup=False)
    with db.session() as session:
        session.add_all(Zone(name=name) for name in zones)
    return db


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, Path]:
    """An office file emptied to 0 bytes after its daily backup; returns (file, backup)."""
    path = tmp_path / "office.db"
    db = _office(path, "城关责任区", "龙泉片责任区")
    backup = automatic_backup(db, "daily")
    assert backup is not None
    db.dispose()
    path.write_bytes(b"")
    return path, backup


class Script:
    """Answers the damaged-database dialog and the backup list in turn, and records them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *choices: str) -> None:
        self.choices = list(choices)
        self.errors: list[DatabaseDamagedError] = []
        self.offered: list[tuple[list, Path | None]] = []
        self.backup: Path | None = None
        self.other: Path | None = None
        self.environment: list[str] = []
        monkeypatch.setattr(dialogs, "damaged_database", self._damaged)
        monkeypatch.setattr(dialogs, "choose_backup", self._choose)
        monkeypatch.setattr(dialogs, "open_file", lambda *_a: self.other)
        monkeypatch.setattr(
            dialogs, "environment_error", lambda _p, error: self.environment.append(error.message)
        )

    def _damaged(self, _parent, error: DatabaseDamagedError) -> str:
        self.errors.append(error)
        return self.choices.pop(0) if self.choices else dialogs.QUIT

    def _choose(self, _parent, backups, folder):
        self.offered.append((backups, folder))
        return self.backup if self.backup is not None else backups[0].path


def test_a_zero_byte_database_offers_its_backups_and_opens_on_the_restored_data(
    broken, monkeypatch
):
    path, backup = broken
    script = Script(monkeypatch, dialogs.RESTORE_BACKUP)

    db = start_database(str(path))

    assert db is not None
    try:
        assert _zones(db) == ["城关责任区", "龙泉片责任区"]
        assert db.sqlite_path == path
    finally:
        db.dispose()
    (error,) = script.errors
    assert "0 字节" in error.message
    assert error.backups_folder == backups_dir_for(path)
    assert error.newest_backup == backup
    ((backups, folder),) = script.offered
    assert [b.path for b in backups] == [backup]
    assert folder == backups_dir_for(path)


def test_the_clerk_can_open_another_database_instead(broken, monkeypatch, tmp_path):
    path, _backup = broken
    other = tmp_path / "other.db"
    _office(other, "青山片责任区").dispose()
    script = Script(monkeypatch, dialogs.OPEN_OTHER_DATABASE)
    script.other = other

    db = start_database(str(path))

    assert db is not None
    try:
        assert db.sqlite_path == other
        assert _zones(db) == ["青山片责任区"]
    finally:
        db.dispose()
    assert path.read_bytes() == b"", "the damaged file is left as it was"


def test_quitting_changes_nothing_and_takes_no_backup(broken, monkeypatch):
    path, backup = broken
    script = Script(monkeypatch, dialogs.QUIT)
    assert start_database(str(path)) is None
    assert len(script.errors) == 1
    assert path.read_bytes() == b""
    assert [p.name for p in backups_dir_for(path).iterdir()] == [backup.name]


def test_a_refused_restore_is_explained_and_the_choice_offered_again(broken, monkeypatch, tmp_path):
    path, _backup = broken
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a backup" * 100)
    script = Script(monkeypatch, dialogs.RESTORE_BACKUP, dialogs.QUIT)
    script.backup = junk
    assert start_database(str(path)) is None
    assert len(script.errors) == 2
    assert "不是有效的备份" in script.environment[0]
    assert path.read_bytes() == b""


def test_a_smoke_start_shows_no_dialog(broken, monkeypatch):
    path, _backup = broken
    script = Script(monkeypatch, dialogs.RESTORE_BACKUP)
    assert start_database(str(path), smoke=True) is None
    assert script.errors == []


def test_a_wrong_server_address_gets_the_friendly_dialog(monkeypatch):
    from tests.db.server_helpers import wrong_address

    script = Script(monkeypatch)
    with wrong_address("closed port") as (url, words):
        assert start_database(url) is None
    (message,) = script.environment
    assert all(word in message for word in words)


# --- The dialogs themselves ----------------------------------------------------------------


def _click_later(text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        clicked = [b for b in box.buttons() if b.text() == text]
        assert clicked, [b.text() for b in box.buttons()]
        clicked[0].click()

    QTimer.singleShot(50, click)


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("从备份恢复…", dialogs.RESTORE_BACKUP),
        ("打开其他数据库…", dialogs.OPEN_OTHER_DATABASE),
        ("退出", dialogs.QUIT),
    ],
)
def test_the_damaged_database_dialog_offers_restore_and_another_database(
    qapp, tmp_path, button, choice
):
    error = DatabaseDamagedError(
        "数据库文件是空的（0 字节）", path=tmp_path / "x.db", backups_folder=tmp_path / "backups"
    )
    seen: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + "\n" + box.informativeText())

    QTimer.singleShot(20, look)
    _click_later(button)
    assert dialogs.damaged_database(None, error) == choice
    assert str(tmp_path / "backups") in seen[0]
    assert "备份文件夹" in seen[0]


def test_the_backup_list_is_newest_first_with_dates_kinds_and_sizes(qtbot, broken, monkeypatch):
    path, newest = broken
    older = newest.with_name("auto-20260131-180500-000000-before-upgrade-from-0005.db")
    older.write_bytes(newest.read_bytes())
    backups = list_backups(Database.open(path))
    chooser = dialogs.BackupChooser(backups, backups_dir_for(path))
    qtbot.addWidget(chooser)
    table = chooser.table
    assert table.topLevelItemCount() == 2
    first, second = table.topLevelItem(0), table.topLevelItem(1)
    assert first.text(0) == f"{backups[0].taken:%Y-%m-%d %H:%M}"
    assert first.text(1) == "每日备份"
    assert second.text(0) == "2026-01-31 18:05"
    assert second.text(1) == "升级前"
    assert first.text(2) and any(ch.isdigit() for ch in first.text(2))
    assert table.headerItem().text(2) == "大小"
    assert table.currentItem() is first and chooser.restore_button.isEnabled()

    table.setCurrentItem(second)
    chooser.restore_button.click()
    assert chooser.chosen == older

    other = dialogs.BackupChooser([], backups_dir_for(path))
    qtbot.addWidget(other)
    assert not other.restore_button.isEnabled()
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: Path("/media/usb/copy.db"))
    other.other_button.click()
    assert other.chosen == Path("/media/usb/copy.db")
    assert other.result() == dialogs.QDialog.DialogCode.Accepted
