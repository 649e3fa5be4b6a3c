"""recusals and training records; inspector status from terms

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

An inspector's status is now derived from their terms, so the stored ``active`` flag goes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("course", sa.String(length=200), nullable=False),
        sa.Column("organizer", sa.String(length=200), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("certificate", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "end_date >= start_date", name=op.f("ck_training_records_training_ends_after_start")
        ),
        sa.CheckConstraint("hours >= 0", name=op.f("ck_training_records_hours_not_negative")),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_training_records_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
    )
    with op.batch_alter_table("training_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_training_records_inspector_start", ["inspector_id", "start_date"], unique=False
        )

    op.create_table(
        "recusals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_recusals_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
            name=op.f("fk_recusals_school_id_schools"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recusals")),
        sa.UniqueConstraint("inspector_id", "school_id", name="uq_recusals_pair"),
    )
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.drop_column("active")


def downgrade() -> None:
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )

    op.drop_table("recusals")
    with op.batch_alter_table("training_records", schema=None) as batch_op:
        batch_op.drop_index("ix_training_records_inspector_start")

    op.drop_table("training_records")
