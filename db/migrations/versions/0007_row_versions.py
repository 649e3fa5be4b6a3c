"""row versions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

A version number on the rows two clerks may edit at once (schools, inspectors, visits): every
change raises it, and a save made from an older view of the row is refused instead of silently
overwriting the other clerk's change. Existing rows start at 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("schools", "inspectors", "visits")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
