"""attachments in the database, and row versions on every table a clerk edits

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Attachments' content moves into the database, in ``attachment_blobs`` (1 MB chunks keyed by the
content's SHA-256, shared by attachments with the same content), so it is in every backup and
restore and every PC on a server sees it. ``attachments`` gains the content's ``digest`` and
``size``; existing rows keep them unset here — their copies are in the per-user data folder of
the PC that attached them, which only the app running on that PC can read, so the app adopts
them at start-up (``core.attachments.adopt_folder_copies``) and never deletes the folder.

A version number (as 0007 gave schools, inspectors and visits) goes on the other rows edited in a
dialog: zones, complaints, problems, training records, campaigns, checklist templates and
checklist items. Existing rows start at 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "zones",
    "complaints",
    "problems",
    "training_records",
    "campaigns",
    "checklist_templates",
    "checklist_items",
)


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("digest", "position", name=op.f("pk_attachment_blobs")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("size", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_attachments_digest", ["digest"], unique=False)
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_attachments_digest")
        batch_op.drop_column("size")
        batch_op.drop_column("digest")
    op.drop_table("attachment_blobs")
