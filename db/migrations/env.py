"""Alembic environment, configured entirely in code by :mod:`db.migrate`.

The caller passes an open connection in ``config.attributes["connection"]``; there is no
alembic.ini and no logging configuration here, so the app's own loggers stay as they are.
"""

from alembic import context

from db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
