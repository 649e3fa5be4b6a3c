"""initial schema: zones, schools, inspectors, terms, assignments, settings

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inspectors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("post", sa.String(length=100), nullable=False),
        sa.Column("employment", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("photo_path", sa.String(length=500), nullable=False),
        sa.Column("certificate_no", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspectors")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zones")),
        sa.UniqueConstraint("name", name=op.f("uq_zones_name")),
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("assessment", sa.String(length=20), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "end_date >= start_date", name=op.f("ck_appointments_term_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_appointments_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_appointments_inspector_start", ["inspector_id", "start_date"], unique=False
        )

    op.create_table(
        "schools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.Column("enrolment", sa.Integer(), nullable=False),
        sa.Column("principal", sa.String(length=100), nullable=False),
        sa.Column("principal_term_end", sa.Date(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("parent_school_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.CheckConstraint("enrolment >= 0", name=op.f("ck_schools_enrolment_not_negative")),
        sa.ForeignKeyConstraint(
            ["parent_school_id"],
            ["schools.id"],
            name=op.f("fk_schools_parent_school_id_schools"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zones.id"], name=op.f("fk_schools_zone_id_zones"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schools")),
        sa.UniqueConstraint("name", name=op.f("uq_schools_name")),
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_assignments_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
            name=op.f("fk_assignments_school_id_schools"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index("ix_assignments_inspector", ["inspector_id"], unique=False)
        batch_op.create_index(
            "ix_assignments_school_start", ["school_id", "start_date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_school_start")
        batch_op.drop_index("ix_assignments_inspector")

    op.drop_table("assignments")
    op.drop_table("schools")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index("ix_appointments_inspector_start")

    op.drop_table("appointments")
    op.drop_table("zones")
    op.drop_table("settings")
    op.drop_table("inspectors")
