"""problem tiers and actions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The four tiers of the plans: the codes of problems stay (一般问题 is now called 一般性问题,
严重问题 严重违规或重大问题); a 一般性问题 already reported to the office takes the tier that
reported it — 重点问题 when the policy's number of follow-ups had found it still open by then,
else 难点问题 (the clerk reported it by hand, for the other departments it needs).

``problem_actions`` holds the steps after escalation: 督办通知, 约谈, 通报, 问责 and reports up to
the district or city level.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_FOLLOW_UPS = 2


def _follow_ups_before_escalation(conn: sa.Connection) -> int:
    stored = conn.execute(
        sa.text("SELECT value FROM settings WHERE key = 'policy.followups_before_escalation'")
    ).scalar()
    try:
        return int(stored) if stored is not None else DEFAULT_FOLLOW_UPS
    except ValueError:
        return DEFAULT_FOLLOW_UPS


def upgrade() -> None:
    op.create_table(
        "problem_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("previous_deadline", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("officials", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["problem_id"], ["problems.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_problem_actions_problem", "problem_actions", ["problem_id"])
    conn = op.get_bind()
    needed = _follow_ups_before_escalation(conn)
    reported = conn.execute(
        sa.text(
            "SELECT p.id, (SELECT count(*) FROM follow_ups f WHERE f.problem_id = p.id"
            " AND f.day <= p.escalated_on AND f.outcome <> 'fixed') FROM problems p"
            " WHERE p.category = 'general' AND p.escalated_on IS NOT NULL"
        )
    ).all()
    for problem_id, follow_ups in reported:
        tier = "key" if follow_ups >= needed else "difficult"
        conn.execute(
            sa.text("UPDATE problems SET category = :tier WHERE id = :id"),
            {"tier": tier, "id": problem_id},
        )


def downgrade() -> None:
    op.drop_index("ix_problem_actions_problem", table_name="problem_actions")
    op.drop_table("problem_actions")
