"""Attaching files on both engines: only regular files are accepted — a pipe (FIFO) neither
hangs nor is read, a device such as /dev/zero is refused at once, a folder is refused — a file
over the size limit is refused before anything is read (a sparse file of more than 200 MB
here), and a file is copied in chunks, never read whole into memory. A refusal names the file
(and the limit) in Chinese and stores nothing."""

from __future__ import annotations

import os
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.attachments import add_attachment, attachment_rows
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from db.engine import Database
from db.models import AttachmentBlob, Inspector, School, Visit
from tests.conftest import TODAY
from tests.db.attachment_helpers import opened_bytes, stored_digests

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def visit_id(db: Database) -> int:
    with db.session() as session:
        school = School(name="甲小学", kind="primary")
        inspector = Inspector(name="王军")
        visit = Visit(visit_date=date(2026, 11, 16), school=school, inspector=inspector)
        session.add(visit)
        session.flush()
        return visit.id


MB = 1024 * 1024


def test_the_limit_is_200_mb_unless_the_office_changes_it(db, visit_id, tmp_path):
    assert PolicyProfile().attachment_max_mb == 200
    save_settings(db, office_name="城关督导室", policy=PolicyProfile(attachment_max_mb=1))
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%" * (MB + 1))
    with pytest.raises(ValidationError) as refused:
        add_attachment(db, scan, today=TODAY, visit_id=visit_id)
    assert refused.value.messages() == [
        "“扫描件.pdf”有 1.1 MB，超过附件大小上限 1 MB，不能添加。请压缩或拆分后再添加。"
    ]
    scan.write_bytes(b"%" * MB)
    add_attachment(db, scan, today=TODAY, visit_id=visit_id)
    assert [r.size for r in attachment_rows(db, visit_id=visit_id)] == [MB]


@posix_only
def test_a_fifo_is_refused_without_hanging(db, visit_id, tmp_path):
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    outcome: list[BaseException | int] = []

    def attach() -> None:
        try:
            outcome.append(add_attachment(db, fifo, today=TODAY, visit_id=visit_id))
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=attach, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # the old behaviour: blocked reading the pipe; let it go
        descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(descriptor)
        worker.join(timeout=10)
        pytest.fail("attaching a FIFO hung waiting for a writer")
    (result,) = outcome
    assert isinstance(result, ValidationError), result
    assert result.messages() == [
        "“管道”不是普通文件（而是设备、管道或套接字之类），不能作为附件。"
        "请选择一个保存在磁盘上的文件。"
    ]
    assert attachment_rows(db, visit_id=visit_id) == []
    assert stored_digests(db) == set()


@posix_only
def test_dev_zero_is_refused_at_once(db, visit_id):
    with pytest.raises(ValidationError, match="“zero”不是普通文件"):
        add_attachment(db, Path("/dev/zero"), today=TODAY, visit_id=visit_id)
    assert stored_digests(db) == set()


def test_an_empty_file_is_refused(db, visit_id, tmp_path):
    empty = tmp_path / "空白.docx"
    empty.touch()
    with pytest.raises(ValidationError) as refused:
        add_attachment(db, empty, today=TODAY, visit_id=visit_id)
    assert refused.value.messages() == ["“空白.docx”是空文件（0 字节），没有内容，不能作为附件。"]
    assert attachment_rows(db, visit_id=visit_id) == [] and stored_digests(db) == set()


def test_a_folder_is_refused(db, visit_id, tmp_path):
    folder = tmp_path / "照片"
    folder.mkdir()
    with pytest.raises(ValidationError, match="“照片”是文件夹，不能作为附件"):
        add_attachment(db, folder, today=TODAY, visit_id=visit_id)


def test_a_file_over_the_limit_is_refused_before_it_is_read(db, visit_id, tmp_path, monkeypatch):
    big = tmp_path / "录像.mp4"
    with big.open("wb") as file:
        file.truncate(200 * MB + 1)  # sparse: takes no room on the disk
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    with pytest.raises(ValidationError) as excinfo:
        add_attachment(db, big, today=TODAY, visit_id=visit_id)
    assert excinfo.value.messages() == [
        "“录像.mp4”有 200.1 MB，超过附件大小上限 200 MB，不能添加。请压缩或拆分后再添加。"
    ]
    assert attachment_rows(db, visit_id=visit_id) == []
    assert stored_digests(db) == set()


def test_the_limit_counts_bytes_and_a_file_at_it_is_copied(db, visit_id, tmp_path):
    exact = tmp_path / "a.pdf"
    exact.write_bytes(b"x" * 1024)
    attachment_id = add_attachment(db, exact, today=TODAY, visit_id=visit_id, max_bytes=1024)
    [row] = attachment_rows(db, visit_id=visit_id)
    assert row.id == attachment_id and opened_bytes(db, row.id) == b"x" * 1024
    exact.write_bytes(b"x" * 1025)
    with pytest.raises(ValidationError, match=r"“a\.pdf”有 1.1 KB，超过附件大小上限 1 KB"):
        add_attachment(db, exact, today=TODAY, visit_id=visit_id, max_bytes=1024)


def test_a_file_is_copied_in_chunks_not_read_whole(db, visit_id, tmp_path, monkeypatch):
    import hashlib

    content = os.urandom(3 * 1024 * 1024 + 17)
    source = tmp_path / "扫描件.PDF"
    source.write_bytes(content)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    add_attachment(db, source, today=TODAY, visit_id=visit_id)
    [row] = attachment_rows(db, visit_id=visit_id)
    assert (row.file_name, row.size) == ("扫描件.PDF", len(content))
    assert stored_digests(db) == {hashlib.sha256(content).hexdigest()}
    with db.session() as session:
        chunks = session.scalars(select(func.length(AttachmentBlob.data))).all()
    assert sorted(chunks) == [17, *[1024 * 1024] * 3], "stored in 1 MB chunks"
    monkeypatch.undo()
    assert opened_bytes(db, row.id) == content


def test_attaching_to_a_record_that_is_gone_stores_nothing(db, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("记录")
    with pytest.raises(ValidationError, match="要添加附件的记录已不存在"):
        add_attachment(db, source, today=TODAY, visit_id=999_999)
    assert stored_digests(db) == set()


def test_a_missing_file_is_named(db, visit_id, tmp_path):
    with pytest.raises(ValidationError, match=r"无法读取文件“不存在\.pdf”"):
        add_attachment(db, tmp_path / "不存在.pdf", today=TODAY, visit_id=visit_id)
