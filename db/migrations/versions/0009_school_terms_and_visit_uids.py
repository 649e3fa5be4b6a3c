"""school terms by dates and lasting visit UIDs

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

Every visit gets a lasting ``uid`` for calendar files. Existing visits take the UID their .ics
events already had (``visit-<id>``), so phones that imported an earlier file keep matching; new
visits get a random one. The semester months of the policy profile, where the clerk changed
them, become term dates (first day of the first month to the last day of the last month) for
every school year the visits on the calendar touch, and the month settings are removed.
"""

import calendar
import json
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONTH_KEYS = {
    "spring_start": ("policy.spring_start_month", 2),
    "spring_end": ("policy.spring_end_month", 7),
    "autumn_start": ("policy.autumn_start_month", 9),
    "autumn_end": ("policy.autumn_end_month", 1),
}


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=64), nullable=True))
    op.execute("UPDATE visits SET uid = 'visit-' || CAST(id AS VARCHAR(20))")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index("ix_visits_uid", ["uid"], unique=True)
    _month_settings_to_terms()


def _month_settings_to_terms() -> None:
    conn = op.get_bind()
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    keys = [key for key, _ in MONTH_KEYS.values()]
    stored = dict(
        conn.execute(
            sa.select(settings.c.key, settings.c.value).where(settings.c.key.in_(keys))
        ).all()
    )
    if not stored:
        return
    months = {
        name: int(json.loads(stored.get(key, "null")) or default)
        for name, (key, default) in MONTH_KEYS.items()
    }
    span = conn.execute(sa.text("SELECT MIN(visit_date), MAX(visit_date) FROM visits")).one()
    if span[0] is not None:
        first, last = (d if isinstance(d, date) else date.fromisoformat(str(d)[:10]) for d in span)
        for year in range(first.year - 1, last.year + 1):
            for term, start_year, start_month, end_month in (
                ("autumn", year, months["autumn_start"], months["autumn_end"]),
                ("spring", year + 1, months["spring_start"], months["spring_end"]),
            ):
                end_year = start_year if end_month >= start_month else start_year + 1
                value = {
                    "start": date(start_year, start_month, 1).isoformat(),
                    "end": date(
                        end_year, end_month, calendar.monthrange(end_year, end_month)[1]
                    ).isoformat(),
                }
                conn.execute(
                    sa.insert(settings).values(
                        key=f"school_term.{year}.all.{term}", value=json.dumps(value)
                    )
                )
    conn.execute(sa.delete(settings).where(settings.c.key.in_(keys)))


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_uid")
        batch_op.drop_column("uid")
