"""Files attached to a visit, a problem or an archive checklist item, kept in the database.

An attachment's content is stored in the database itself, in ``attachment_blobs``: 1 MB chunks
keyed by the content's SHA-256 digest and their position. So it is in the one-file backup
(SQLite's backup API, or the server's own dump) and comes back with a restore, and every PC on a
PostgreSQL server sees it. Attachments with the same content share its chunks; removing the last
of them removes the chunks, in the same transaction on the office-wide ``attachments`` lock, so
a clerk attaching the same file at that moment cannot be left pointing at nothing.

Only a regular, non-empty file within the office's size limit (the policy's 附件大小上限, 200 MB
unless changed) is accepted — not a
folder, a device (/dev/zero), a pipe or a socket. It is read twice in chunks, never whole: once
for its digest (content already stored is not stored again), then into the database while the
digest is checked again (a file that changed meanwhile is refused). Opening an attachment streams
it out to a file of its own (:func:`open_copy`, or :func:`export_attachment` to a chosen path),
checking the digest on the way. See docs/ATTACHMENTS.md for the measurements behind the design.

Versions before schema 0008 copied attachments into the per-user data folder (``attachments/``
under :func:`db.paths.data_dir`) of the PC that attached them. :func:`adopt_folder_copies` moves
those copies into the database (the app calls it at start-up, and opening such an attachment
adopts it first); the folder itself is never deleted, so a backup from before the upgrade, once
restored and migrated, still finds its files.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import stat
import tempfile
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sqlalchemy import ColumnElement, delete, exists, insert, select

from core.changes import Change, mutates
from core.errors import FieldError, ValidationError
from core.i18n import _, n_
from core.office.settings import load_policy
from core.parsing import clean_text
from db.engine import hold_office_lock
from db.models import Attachment, AttachmentBlob, ChecklistItem, Problem, Visit
from db.paths import data_dir

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

LEGACY_FOLDER = "attachments"
"""The data-folder sub-folder where versions before schema 0008 copied attachments."""
FILE_NAME_MAX = 300
CHUNK_BYTES = 1024 * 1024
OPENED_FOLDER = "SupervisionDesk-attachments"
"""The sub-folder of the system's temporary folder that attachments are opened from."""
OPENED_KEPT_S = 24 * 3600
_LOCK = "attachments"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class AttachmentRow:
    """One attached file: the name the clerk knows, its size (None while its content is still
    only in an older version's data folder) and the day it was added."""

    id: int
    file_name: str
    size: int | None
    added_on: date


def _owner(
    visit_id: int | None, problem_id: int | None, checklist_item_id: int | None
) -> tuple[type[Visit] | type[Problem] | type[ChecklistItem], int]:
    """The one owner named: its model and its id."""
    named = [
        (model, owner_id)
        for model, owner_id in (
            (Visit, visit_id),
            (Problem, problem_id),
            (ChecklistItem, checklist_item_id),
        )
        if owner_id is not None
    ]
    if len(named) != 1:
        raise ValueError("attach to exactly one visit, problem or checklist item")
    return named[0]


def _refusal(message: str) -> ValidationError:
    return ValidationError([FieldError("attachment", _("附件"), message)])


def _size(size: int) -> str:
    """A size for a message, rounded up so a file over a limit never reads as the limit."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            shown = math.ceil(size * 10 / scale) / 10
            return f"{shown:g} {unit}"
    return n_("{n} 字节", size)


def _too_big(name: str, size: int | None, limit: int) -> ValidationError:
    if size is None:
        return _refusal(
            _(
                "“{name}”超过附件大小上限 {limit}，不能添加。请压缩或拆分后再添加。",
                name=name,
                limit=_size(limit),
            )
        )
    return _refusal(
        _(
            "“{name}”有 {size}，超过附件大小上限 {limit}，不能添加。请压缩或拆分后再添加。",
            name=name,
            size=_size(size),
            limit=_size(limit),
        )
    )


def _open_regular(source: Path, limit: int | None) -> IO[bytes]:
    """``source`` opened for reading, refusing anything but a non-empty regular file within
    ``limit`` (None: no limit).

    The file is opened without blocking (a pipe would otherwise wait for a writer) and checked
    through the descriptor, so what is checked is what is read.
    """
    try:
        descriptor = os.open(source, _OPEN_FLAGS)
    except OSError as exc:
        raise _refusal(
            _("无法读取文件“{name}”：{reason}", name=source.name, reason=exc.strerror or exc)
        ) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise _refusal(
                _("“{name}”是文件夹，不能作为附件。请选择文件夹里的文件。", name=source.name)
            )
        if not stat.S_ISREG(info.st_mode):
            raise _refusal(
                _(
                    "“{name}”不是普通文件（而是设备、管道或套接字之类），不能作为附件。"
                    "请选择一个保存在磁盘上的文件。",
                    name=source.name,
                )
            )
        if info.st_size == 0:
            raise _refusal(
                _("“{name}”是空文件（0 字节），没有内容，不能作为附件。", name=source.name)
            )
        if limit is not None and info.st_size > limit:
            raise _too_big(source.name, info.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _chunks(reader: IO[bytes], name: str, limit: int | None) -> Iterable[bytes]:
    """``reader``'s content in chunks from the start, refusing it once it passes ``limit``
    (a file that grew since it was checked)."""
    reader.seek(0)
    read = 0
    while chunk := reader.read(CHUNK_BYTES):
        read += len(chunk)
        if limit is not None and read > limit:
            raise _too_big(name, None, limit)
        yield chunk


def _digest(reader: IO[bytes], name: str, limit: int | None) -> tuple[str, int]:
    """The SHA-256 and size of ``reader``'s content."""
    digest, size = hashlib.sha256(), 0
    for chunk in _chunks(reader, name, limit):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _stored(session: Session, digest: str) -> bool:
    return session.scalar(select(exists().where(AttachmentBlob.digest == digest))) or False


def _store(session: Session, reader: IO[bytes], name: str, limit: int | None) -> tuple[str, int]:
    """Store ``reader``'s content as chunks (unless content with its digest is stored already):
    its (digest, size). Holds the attachments lock to the end of ``session``'s transaction."""
    digest, size = _digest(reader, name, limit)
    hold_office_lock(session, _LOCK)
    if _stored(session, digest):
        return digest, size
    again = hashlib.sha256()
    for position, chunk in enumerate(_chunks(reader, name, limit)):
        again.update(chunk)
        session.execute(insert(AttachmentBlob).values(digest=digest, position=position, data=chunk))
    if again.hexdigest() != digest:
        raise _refusal(
            _("“{name}”在添加时被其他程序修改了，没有添加。请关闭该文件后再添加。", name=name)
        )
    return digest, size


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def add_attachment(
    db: Database,
    source: Path,
    *,
    today: date,
    visit_id: int | None = None,
    problem_id: int | None = None,
    checklist_item_id: int | None = None,
    max_bytes: int | None = None,
) -> int:
    """Store ``source`` in the database and attach it to a visit, a problem or a checklist item
    (exactly one of them); returns the attachment's id.

    Refuses (:class:`ValidationError`, naming the file) anything but a non-empty regular file,
    and a file larger than ``max_bytes`` (by default the policy's 附件大小上限); nothing is
    stored then.
    """
    model, owner_id = _owner(visit_id, problem_id, checklist_item_id)
    source = Path(source)
    name = clean_text(source.name)[-FILE_NAME_MAX:]
    if max_bytes is None:
        max_bytes = load_policy(db).attachment_max_mb * 1024 * 1024
    with _open_regular(source, max_bytes) as reader, db.session() as session:
        if session.get(model, owner_id) is None:
            raise _refusal(_("要添加附件的记录已不存在"))
        try:
            digest, size = _store(session, reader, source.name, max_bytes)
        except OSError as exc:
            raise _refusal(
                _("无法读取文件“{name}”：{reason}", name=source.name, reason=exc.strerror or exc)
            ) from None
        attachment = Attachment(
            visit_id=visit_id,
            problem_id=problem_id,
            checklist_item_id=checklist_item_id,
            file_name=name,
            stored_name="",
            added_on=today,
            digest=digest,
            size=size,
        )
        session.add(attachment)
        session.flush()
        return attachment.id


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def remove_attachment(db: Database, attachment_id: int) -> None:
    """Remove an attachment, and its content unless another attachment has the same."""
    with db.session() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            return
        digest = attachment.digest
        session.delete(attachment)
    remove_unreferenced_blobs(db, [digest] if digest else [])


def session_attachment_digests(session: Session, *where: ColumnElement[bool]) -> set[str]:
    """The content digests of the attachments matching ``where``, collected before their
    owners are deleted so :func:`remove_unreferenced_blobs` can remove the content afterwards."""
    return set(
        session.scalars(select(Attachment.digest).where(*where, Attachment.digest.is_not(None)))
    )


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def remove_unreferenced_blobs(db: Database, digests: Iterable[str]) -> None:
    """Delete the stored content among ``digests`` that no attachment refers to any more.

    Call it once the session that deleted the attachments has committed, so a delete that
    failed keeps its content. Content left behind by a program that stopped in between is
    removed by :func:`adopt_folder_copies` at the next start.
    """
    names = set(digests)
    if not names:
        return
    with db.session() as session:
        hold_office_lock(session, _LOCK)
        _delete_unreferenced(session, AttachmentBlob.digest.in_(names))


def _unreferenced() -> ColumnElement[bool]:
    referenced = select(Attachment.digest).where(Attachment.digest.is_not(None))
    return AttachmentBlob.digest.not_in(referenced)


def _delete_unreferenced(session: Session, *where: ColumnElement[bool]) -> None:
    session.execute(delete(AttachmentBlob).where(*where, _unreferenced()))


def legacy_path(stored_name: str) -> Path:
    """Where a version before schema 0008 copied an attachment on this PC."""
    return data_dir() / LEGACY_FOLDER / stored_name


def _adopt(session: Session, attachment: Attachment) -> bool:
    """Move ``attachment``'s copy from this PC's data folder into the database (the copy
    stays): False when there is no such copy here."""
    path = legacy_path(attachment.stored_name)
    if not attachment.stored_name or not path.is_file():
        return False
    with _open_regular(path, None) as reader:
        attachment.digest, attachment.size = _store(session, reader, attachment.file_name, None)
    return True


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def adopt_folder_copies(db: Database) -> int:
    """Move the attachments an older version copied into this PC's data folder into the
    database, each in its own transaction; returns how many were moved. Attachments whose copy
    is not on this PC (another PC's, or a deleted folder) are left for that PC. Also removes
    content no attachment refers to (left by a program stopped while removing one)."""
    with db.session() as session:
        waiting = list(session.scalars(select(Attachment.id).where(Attachment.digest.is_(None))))
    adopted = 0
    for attachment_id in waiting:
        try:
            with db.session() as session:
                attachment = session.get(Attachment, attachment_id)
                if attachment is not None and attachment.digest is None:
                    adopted += _adopt(session, attachment)
        except (ValidationError, OSError):
            continue  # an unreadable copy stays where it is; opening it says why
    with db.session() as session:
        if session.scalar(select(exists().where(_unreferenced()))):
            hold_office_lock(session, _LOCK)
            _delete_unreferenced(session)
    return adopted


def _content(session: Session, attachment: Attachment) -> tuple[str, int]:
    """``attachment``'s digest and size, adopting an older version's copy first if need be."""
    if attachment.digest is None and not _adopt(session, attachment):
        raise _refusal(
            _(
                "附件“{name}”的内容不在数据库中：它是旧版本保存在某台电脑数据"
                "文件夹里的副本，本机找不到。请在添加它的那台电脑上打开一次本程序。",
                name=attachment.file_name,
            )
        )
    assert attachment.digest is not None and attachment.size is not None
    return attachment.digest, attachment.size


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def export_attachment(db: Database, attachment_id: int, destination: Path) -> Path:
    """Write an attachment's content to ``destination`` (replacing a file there only once the
    whole content is written and its digest checked); returns ``destination``."""
    destination = Path(destination)
    with db.session() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise _refusal(_("这个附件已被删除"))
        digest, size = _content(session, attachment)
        partial = destination.with_name(f".~{uuid.uuid4().hex}.part")
        try:
            _write_content(session, digest, size, partial, attachment.file_name)
            os.replace(partial, destination)
        except OSError as exc:
            raise _refusal(
                _(
                    "无法把附件“{name}”保存到 {path}：{reason}",
                    name=attachment.file_name,
                    path=destination,
                    reason=exc.strerror or exc,
                )
            ) from None
        finally:
            partial.unlink(missing_ok=True)
    return destination


def _write_content(session: Session, digest: str, size: int, path: Path, name: str) -> None:
    """Stream the chunks of ``digest`` into ``path``, checking the size and digest."""
    check, written = hashlib.sha256(), 0
    with path.open("wb") as writer:
        for position in range(math.ceil(size / CHUNK_BYTES)):
            chunk = session.scalar(
                select(AttachmentBlob.data).where(
                    AttachmentBlob.digest == digest, AttachmentBlob.position == position
                )
            )
            if chunk is None:
                break
            check.update(chunk)
            written += len(chunk)
            writer.write(chunk)
    if written != size or check.hexdigest() != digest:
        raise _refusal(
            _("附件“{name}”在数据库中的内容不完整或已损坏，无法打开。请从备份恢复。", name=name)
        )


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def open_copy(db: Database, attachment_id: int, file_name: str) -> Path:
    """Write an attachment to a new folder of the system's temporary folder, under its own
    name (``file_name``), for the system's program to open; returns the file. What was opened
    more than :data:`OPENED_KEPT_S` ago is removed first (its program has long read it, and a
    complaint's scan should not lie about)."""
    base = Path(tempfile.gettempdir()) / OPENED_FOLDER
    base.mkdir(parents=True, exist_ok=True)
    _tidy_opened(base)
    folder = Path(tempfile.mkdtemp(prefix=f"{attachment_id}-", dir=base))
    return export_attachment(db, attachment_id, folder / (Path(file_name).name or "附件"))


def _tidy_opened(base: Path) -> None:
    oldest = time.time() - OPENED_KEPT_S
    for folder in base.iterdir():
        try:
            if folder.is_dir() and folder.stat().st_mtime < oldest:
                shutil.rmtree(folder, ignore_errors=True)  # a file still open stays (Windows)
        except OSError:
            continue


def session_attachment_rows(
    session: Session,
    *,
    visit_id: int | None = None,
    problem_id: int | None = None,
    checklist_item_id: int | None = None,
) -> list[AttachmentRow]:
    """:func:`attachment_rows` inside an open session."""
    _owner(visit_id, problem_id, checklist_item_id)
    query = select(Attachment).order_by(Attachment.added_on, Attachment.id)
    if visit_id is not None:
        query = query.where(Attachment.visit_id == visit_id)
    elif problem_id is not None:
        query = query.where(Attachment.problem_id == problem_id)
    else:
        query = query.where(Attachment.checklist_item_id == checklist_item_id)
    return [AttachmentRow(a.id, a.file_name, a.size, a.added_on) for a in session.scalars(query)]


def attachment_rows(
    db: Database,
    *,
    visit_id: int | None = None,
    problem_id: int | None = None,
    checklist_item_id: int | None = None,
) -> list[AttachmentRow]:
    """The files attached to a visit, a problem or a checklist item, oldest first."""
    with db.session() as session:
        return session_attachment_rows(
            session,
            visit_id=visit_id,
            problem_id=problem_id,
            checklist_item_id=checklist_item_id,
        )
