"""Files attached to a visit, a problem or an archive checklist item.

An attachment is copied into the data folder (``attachments/``) under a name of its own, so the
original may move or vanish; removing an attachment removes the copy (unless another attachment
shares the same copy). Every attachment belongs to exactly one owner.

Only a regular file of at most :data:`ATTACHMENT_MAX_BYTES` is accepted — not a folder, a device
(/dev/zero), a pipe or a socket — and it is copied in chunks while its digest is computed, so a
big file is never held in memory and a pipe never blocks the copy.
"""

from __future__ import annotations

import hashlib
import math
import os
import stat
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.errors import FieldError, ValidationError
from core.parsing import clean_text
from db.models import Attachment, ChecklistItem, Problem, Visit
from db.paths import data_dir

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from db.engine import Database

ATTACHMENT_DIR = "attachments"
FILE_NAME_MAX = 300
ATTACHMENT_MAX_BYTES = 200 * 1024 * 1024
"""The largest file that can be attached (200 MB): scans and photos fit, whole videos do not."""
CHUNK_BYTES = 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class AttachmentRow:
    """One attached file: the name the clerk knows and where the copy is."""

    id: int
    file_name: str
    path: Path
    added_on: date


def attachment_path(stored_name: str) -> Path:
    """Where an attachment's copy lives in the data folder."""
    return data_dir() / ATTACHMENT_DIR / stored_name


def _owner(
    visit_id: int | None, problem_id: int | None, checklist_item_id: int | None
) -> tuple[str, type[Visit] | type[Problem] | type[ChecklistItem], int]:
    """The one owner named: its prefix for stored names, its model and its id."""
    named = [
        (prefix, model, owner_id)
        for prefix, model, owner_id in (
            ("visit", Visit, visit_id),
            ("problem", Problem, problem_id),
            ("item", ChecklistItem, checklist_item_id),
        )
        if owner_id is not None
    ]
    if len(named) != 1:
        raise ValueError("attach to exactly one visit, problem or checklist item")
    return named[0]


def _refusal(message: str) -> ValidationError:
    return ValidationError([FieldError("attachment", "附件", message)])


def _size(size: int) -> str:
    """A size for a message, rounded up so a file over a limit never reads as the limit."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            shown = math.ceil(size * 10 / scale) / 10
            return f"{shown:g} {unit}"
    return f"{size} 字节"


def _open_regular(source: Path, limit: int) -> int:
    """A file descriptor of ``source``, refusing anything but a regular file within ``limit``.

    The file is opened without blocking (a pipe would otherwise wait for a writer) and checked
    through the descriptor, so what is checked is what is read.
    """
    try:
        descriptor = os.open(source, _OPEN_FLAGS)
    except OSError as exc:
        raise _refusal(f"无法读取文件“{source.name}”：{exc.strerror or exc}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise _refusal(f"“{source.name}”是文件夹，不能作为附件。请选择文件夹里的文件。")
        if not stat.S_ISREG(info.st_mode):
            raise _refusal(
                f"“{source.name}”不是普通文件（而是设备、管道或套接字之类），不能作为附件。"
                "请选择一个保存在磁盘上的文件。"
            )
        if info.st_size > limit:
            raise _refusal(
                f"“{source.name}”有 {_size(info.st_size)}，超过附件大小上限"
                f" {_size(limit)}，不能添加。请压缩或拆分后再添加。"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _copy(source: Path, folder: Path, limit: int) -> tuple[Path, str]:
    """Copy ``source`` in chunks into a new file in ``folder``: (the copy, its digest)."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = _open_regular(source, limit)
    temporary = folder / f"~{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    copied = 0
    try:
        with os.fdopen(descriptor, "rb") as reader, temporary.open("wb") as writer:
            while chunk := reader.read(CHUNK_BYTES):
                copied += len(chunk)
                if copied > limit:  # the file grew while it was copied
                    raise _refusal(
                        f"“{source.name}”超过附件大小上限 {_size(limit)}，不能添加。"
                        "请压缩或拆分后再添加。"
                    )
                digest.update(chunk)
                writer.write(chunk)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _refusal(f"无法复制文件“{source.name}”：{exc.strerror or exc}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary, digest.hexdigest()


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def add_attachment(
    db: Database,
    source: Path,
    *,
    today: date,
    visit_id: int | None = None,
    problem_id: int | None = None,
    checklist_item_id: int | None = None,
    max_bytes: int = ATTACHMENT_MAX_BYTES,
) -> int:
    """Copy ``source`` into the data folder and attach it to a visit, a problem or a checklist
    item (exactly one of them); returns the attachment's id.

    Refuses (:class:`ValidationError`, naming the file) anything but a regular file, and a file
    larger than ``max_bytes``.
    """
    prefix, model, owner_id = _owner(visit_id, problem_id, checklist_item_id)
    source = Path(source)
    name = clean_text(source.name)[-FILE_NAME_MAX:]
    folder = attachment_path(f"{today:%Y}")
    temporary, digest = _copy(source, folder, max_bytes)
    try:
        stored = f"{today:%Y}/{prefix}-{owner_id}-{digest[:16]}{source.suffix.lower()[:10]}"
        with db.session() as session:
            if session.get(model, owner_id) is None:
                raise _refusal("要添加附件的记录已不存在")
            os.replace(temporary, attachment_path(stored))
            attachment = Attachment(
                visit_id=visit_id,
                problem_id=problem_id,
                checklist_item_id=checklist_item_id,
                file_name=name,
                stored_name=stored,
                added_on=today,
            )
            session.add(attachment)
            session.flush()
            return attachment.id
    finally:
        temporary.unlink(missing_ok=True)


@mutates(Change.VISITS, Change.PROBLEMS, Change.CAMPAIGNS)
def remove_attachment(db: Database, attachment_id: int) -> None:
    """Remove an attachment and its copy (unless another attachment shares the same copy)."""
    with db.session() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            return
        stored = attachment.stored_name
        session.delete(attachment)
    remove_unreferenced_copies(db, [stored])


def session_stored_names(session: Session, *where: ColumnElement[bool]) -> set[str]:
    """The stored names of the attachments matching ``where``, collected before their owners
    are deleted so :func:`remove_unreferenced_copies` can remove the copies afterwards."""
    return set(session.scalars(select(Attachment.stored_name).where(*where)))


def remove_unreferenced_copies(db: Database, stored_names: Iterable[str]) -> None:
    """Delete the copies among ``stored_names`` that no attachment refers to any more.

    Call it once the session that deleted the attachments has committed, so a delete that
    failed keeps its files; a copy that is already gone is fine.
    """
    names = set(stored_names)
    if not names:
        return
    with db.session() as session:
        kept = session_stored_names(session, Attachment.stored_name.in_(names))
    for name in names - kept:
        attachment_path(name).unlink(missing_ok=True)


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
    return [
        AttachmentRow(a.id, a.file_name, attachment_path(a.stored_name), a.added_on)
        for a in session.scalars(query)
    ]


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
