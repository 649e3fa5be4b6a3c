"""Files attached to a visit, a problem or an archive checklist item.

An attachment is copied into the data folder (``attachments/``) under a name of its own, so the
original may move or vanish; removing an attachment removes the copy (unless another attachment
shares the same copy). Every attachment belongs to exactly one owner.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

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


def add_attachment(
    db: Database,
    source: Path,
    *,
    today: date,
    visit_id: int | None = None,
    problem_id: int | None = None,
    checklist_item_id: int | None = None,
) -> int:
    """Copy ``source`` into the data folder and attach it to a visit, a problem or a checklist
    item (exactly one of them); returns the attachment's id."""
    prefix, model, owner_id = _owner(visit_id, problem_id, checklist_item_id)
    name = clean_text(source.name)[-FILE_NAME_MAX:]
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise ValidationError(
            [FieldError("attachment", "附件", f"无法读取文件“{source.name}”：{exc.strerror}")]
        ) from None
    digest = hashlib.sha256(content).hexdigest()[:16]
    stored = f"{today:%Y}/{prefix}-{owner_id}-{digest}{source.suffix.lower()[:10]}"
    target = attachment_path(stored)
    target.parent.mkdir(parents=True, exist_ok=True)
    with db.session() as session:
        if session.get(model, owner_id) is None:
            raise ValidationError([FieldError("attachment", "附件", "要添加附件的记录已不存在")])
        shutil.copyfile(source, target)
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
