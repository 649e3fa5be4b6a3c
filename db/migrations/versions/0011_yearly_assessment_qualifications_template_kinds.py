"""yearly assessment, qualifications, template school kinds

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

Inspectors' yearly assessments (年度考核: year, date, result, by whom, notes), two qualification
fields on the inspector (学历 and years of 教育教学或管理经历, unknown for the inspectors already
entered), and the school kinds a checklist template is for. The shipped templates already loaded
get the kinds they were applied to until now: the kindergarten list to kindergartens, the school
list to every other school, 六个至少 and 双减 to the schools of compulsory education.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHIPPED_KINDS = {
    "kindergarten-archive": "kindergarten",
    "school-archive": "primary,junior,nine_year,senior,complete_secondary,special,vocational,"
    "teaching_point",
    "six-minimum": "primary,junior,nine_year,complete_secondary,teaching_point",
    "double-reduction": "primary,junior,nine_year,complete_secondary,teaching_point",
}


def upgrade() -> None:
    op.create_table(
        "yearly_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("assessor", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
            name=op.f("fk_yearly_assessments_inspector_id_inspectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yearly_assessments")),
        sa.UniqueConstraint("inspector_id", "year", name="uq_yearly_assessments_year"),
    )
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("education", sa.String(length=20), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("experience_years", sa.Integer(), nullable=True))
    with op.batch_alter_table("checklist_templates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("school_kinds", sa.String(length=300), server_default="", nullable=False)
        )
    templates = sa.table("checklist_templates", sa.column("builtin"), sa.column("school_kinds"))
    for key, kinds in SHIPPED_KINDS.items():
        op.execute(templates.update().where(templates.c.builtin == key).values(school_kinds=kinds))


def downgrade() -> None:
    with op.batch_alter_table("checklist_templates", schema=None) as batch_op:
        batch_op.drop_column("school_kinds")
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.drop_column("experience_years")
        batch_op.drop_column("education")
    op.drop_table("yearly_assessments")
