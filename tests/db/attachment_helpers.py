"""Reading attachments back as a clerk would: the bytes that opening one gives, and which
contents the database still holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select

from core.attachments import export_attachment
from db.engine import Database
from db.models import AttachmentBlob


def opened_bytes(db: Database, attachment_id: int) -> bytes:
    """The bytes a clerk gets on opening the attachment (written out to a file, read back)."""
    with tempfile.TemporaryDirectory() as folder:
        return export_attachment(db, attachment_id, Path(folder) / "opened").read_bytes()


def stored_digests(db: Database) -> set[str]:
    """The contents the database holds, by digest."""
    with db.session() as session:
        return set(session.scalars(select(AttachmentBlob.digest).distinct()))
