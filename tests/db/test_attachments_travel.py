"""Attachments travel with their database: a backup carries them and a restore brings them back,
another PC on the same PostgreSQL database opens them, and files an older version copied into
the data folder are moved into the database on upgrade, never lost."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from core.attachments import (
    OPENED_FOLDER,
    OPENED_KEPT_S,
    add_attachment,
    adopt_folder_copies,
    attachment_rows,
    export_attachment,
    legacy_path,
    open_copy,
)
from core.calendar.visits import delete_visit
from core.errors import ValidationError
from db.backup import backup_to, restore_from
from db.engine import Database
from db.migrate import upgrade
from db.models import Attachment, Inspector, School, Visit
from tests.conftest import TODAY
from tests.db.attachment_helpers import attachment_of_schema_0007, opened_bytes, stored_digests


def _visit(db: Database, day: int = 16) -> int:
    with db.session() as session:
        visit = Visit(
            visit_date=date(2026, 11, day),
            school=School(name=f"甲小学{day}", kind="primary"),
            inspector=Inspector(name=f"王军{day}"),
        )
        session.add(visit)
        session.flush()
        return visit.id


@pytest.fixture(autouse=True)
def temporary_folder(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, private to the test."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_backup_delete_the_visit_restore_and_the_file_opens_with_the_same_bytes(
    sqlite_db, tmp_path
):
    visit_id = _visit(sqlite_db)
    scan = tmp_path / "督导记录扫描.pdf"
    content = os.urandom(2 * 1024 * 1024 + 5)
    scan.write_bytes(content)
    add_attachment(sqlite_db, scan, today=TODAY, visit_id=visit_id)
    scan.unlink()
    saved = backup_to(sqlite_db, tmp_path / "备份.db")

    delete_visit(sqlite_db, visit_id)
    assert stored_digests(sqlite_db) == set()
    restore_from(sqlite_db, saved)

    [row] = attachment_rows(sqlite_db, visit_id=visit_id)
    assert row.file_name == "督导记录扫描.pdf"
    opened = open_copy(sqlite_db, row.id, row.file_name)
    assert opened.name == "督导记录扫描.pdf" and opened.read_bytes() == content


@pytest.mark.postgres
def test_another_pc_on_the_server_opens_the_attachment(postgres_url, tmp_path):
    first_pc = Database.open(postgres_url)
    second_pc = Database.open(postgres_url)
    try:
        upgrade(first_pc, backup=False)
        visit_id = _visit(first_pc)
        photo = tmp_path / "食堂.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + os.urandom(1024 * 1024))
        add_attachment(first_pc, photo, today=TODAY, visit_id=visit_id)
        [row] = attachment_rows(second_pc, visit_id=visit_id)
        assert (row.file_name, row.size) == ("食堂.jpg", photo.stat().st_size)
        assert opened_bytes(second_pc, row.id) == photo.read_bytes()
    finally:
        first_pc.dispose()
        second_pc.dispose()


def _attachment_of_an_older_version(db: Database, stored_name: str) -> int:
    """An attachment a version at schema 0007 made, its copy ``stored_name`` in the data
    folder, upgraded: its id."""
    attachment_id = attachment_of_schema_0007(db, stored_name)
    upgrade(db, backup=False)
    return attachment_id


def test_files_an_older_version_copied_into_the_data_folder_are_moved_into_the_database(
    empty_db, data_home
):
    content = b"%PDF-1.4 " + os.urandom(3 * 1024 * 1024)
    copy = legacy_path("2026/visit-1-0123456789abcdef.pdf")
    copy.parent.mkdir(parents=True)
    copy.write_bytes(content)
    attachment_id = _attachment_of_an_older_version(empty_db, "2026/visit-1-0123456789abcdef.pdf")
    [row] = attachment_rows(empty_db, visit_id=1)
    assert row.size is None, "not in the database yet"

    assert adopt_folder_copies(empty_db) == 1
    assert copy.read_bytes() == content, "the folder is left as it was"
    copy.unlink()
    [row] = attachment_rows(empty_db, visit_id=1)
    assert row.size == len(content)
    assert opened_bytes(empty_db, attachment_id) == content
    assert adopt_folder_copies(empty_db) == 0, "nothing is moved twice"


def test_opening_an_older_versions_attachment_moves_it_in_first(empty_db, data_home):
    copy = legacy_path("2026/visit-1-fedcba9876543210.jpg")
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"\xff\xd8\xff old photo")
    attachment_id = _attachment_of_an_older_version(empty_db, "2026/visit-1-fedcba9876543210.jpg")
    assert opened_bytes(empty_db, attachment_id) == b"\xff\xd8\xff old photo"
    copy.unlink()
    assert opened_bytes(empty_db, attachment_id) == b"\xff\xd8\xff old photo"


def test_an_older_versions_attachment_whose_copy_is_not_on_this_pc_says_where_it_is(
    empty_db, data_home
):
    attachment_id = _attachment_of_an_older_version(empty_db, "2026/visit-1-0000000000000000.doc")
    assert adopt_folder_copies(empty_db) == 0
    with pytest.raises(ValidationError) as refused:
        opened_bytes(empty_db, attachment_id)
    assert refused.value.messages() == [
        "附件“整改报告.pdf”的内容不在数据库中：它是旧版本保存在某台电脑数据文件夹里的副本，"
        "本机找不到。请在添加它的那台电脑上打开一次本程序。"
    ]
    with empty_db.session() as session:
        assert session.scalars(select(Attachment.file_name)).all() == ["整改报告.pdf"]


def test_content_left_by_an_interrupted_removal_is_cleared_at_the_next_start(db, tmp_path):
    visit_id = _visit(db)
    note = tmp_path / "a.txt"
    note.write_text("记录")
    attachment_id = add_attachment(db, note, today=TODAY, visit_id=visit_id)
    with db.session() as session:  # the attachment went, the program stopped before its content
        session.execute(Attachment.__table__.delete().where(Attachment.id == attachment_id))
    assert len(stored_digests(db)) == 1
    adopt_folder_copies(db)
    assert stored_digests(db) == set()


def test_what_was_opened_a_day_ago_is_removed_when_another_file_is_opened(
    db, tmp_path, temporary_folder
):
    visit_id = _visit(db)
    source = tmp_path / "照片.jpg"
    source.write_bytes(b"\xff\xd8\xff photo")
    attachment_id = add_attachment(db, source, today=TODAY, visit_id=visit_id)
    yesterday = open_copy(db, attachment_id, "照片.jpg")
    an_hour_ago = open_copy(db, attachment_id, "照片.jpg")
    day_old = time.time() - OPENED_KEPT_S - 60
    os.utime(yesterday.parent, (day_old, day_old))
    os.utime(an_hour_ago.parent, (time.time() - 3600,) * 2)
    now = open_copy(db, attachment_id, "照片.jpg")
    assert now.parent.parent == temporary_folder / OPENED_FOLDER
    assert not yesterday.exists() and an_hour_ago.exists() and now.exists()


def test_a_saved_copy_replaces_a_file_only_when_complete(db, tmp_path):
    visit_id = _visit(db)
    source = tmp_path / "名单.xlsx"
    source.write_bytes(b"PK roll")
    attachment_id = add_attachment(db, source, today=TODAY, visit_id=visit_id)
    target = tmp_path / "另存" / "名单.xlsx"
    with pytest.raises(ValidationError, match=r"无法把附件“名单\.xlsx”保存到"):
        export_attachment(db, attachment_id, target)
    target.parent.mkdir()
    target.write_bytes(b"old")
    assert export_attachment(db, attachment_id, target).read_bytes() == b"PK roll"
    assert sorted(p.name for p in target.parent.iterdir()) == ["名单.xlsx"]
