"""Reading attachments back as a clerk would: the bytes that opening one gives, and which
contents the database still holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select, text

from core.attachments import export_attachment
from db.engine import Database
from db.migrate import upgrade_to
from db.models import AttachmentBlob


def opened_bytes(db: Database, attachment_id: int) -> bytes:
    """The bytes a clerk gets on opening the attachment (written out to a file, read back)."""
    with tempfile.TemporaryDirectory() as folder:
        return export_attachment(db, attachment_id, Path(folder) / "opened").read_bytes()


def stored_digests(db: Database) -> set[str]:
    """The contents the database holds, by digest."""
    with db.session() as session:
        return set(session.scalars(select(AttachmentBlob.digest).distinct()))


def attachment_of_schema_0007(db: Database, stored_name: str) -> int:
    """Bring ``db`` to schema 0007 with one visit and one attachment, whose copy an older
    version kept in the data folder as ``stored_name``: the attachment's id."""
    upgrade_to(db, "0007")
    with db.engine.begin() as connection:
        for statement in (
            "INSERT INTO schools (id, name, kind, is_private, enrolment, principal, address,"
            " phone, active) VALUES (1, '甲小学', 'primary', false, 0, '', '', '', true)",
            "INSERT INTO inspectors (id, name, gender, unit, post, employment, phone,"
            " photo_path, certificate_no, notes) VALUES (1, '王军', '', '', '', 'part_time',"
            " '', '', '', '')",
            "INSERT INTO visits (id, visit_date, school_id, inspector_id, kind, status, topic,"
            " note, generated) VALUES (1, '2026-11-16', 1, 1, 'routine', 'done', '', '', false)",
            "INSERT INTO attachments (id, visit_id, file_name, stored_name, added_on)"
            f" VALUES (1, 1, '整改报告.pdf', '{stored_name}', '2026-11-16')",
        ):
            connection.execute(text(statement))
    return 1
