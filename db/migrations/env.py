"""Alembic environment, configured entirely in code by :mod:`db.migrate`.

The caller passes an open connection in ``config.attributes["connection"]``; there is no
alembic.ini and no logging configuration here, so the app's own loggers stay as they are.

On SQLite the connection must come from :func:`db.migrate.upgrade_to`: foreign keys off and one
transaction open, so a batch table rebuild cannot cascade into the rows that refer to the table.
The references are checked here, after the last script and before the caller commits.
"""

from alembic import context

from db.migrate import check_foreign_keys, require_safe_sqlite_connection
from db.models import Base

connection = context.config.attributes["connection"]
is_sqlite = connection.dialect.name == "sqlite"
if is_sqlite:
    require_safe_sqlite_connection(connection)
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=is_sqlite,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
    if is_sqlite:
        check_foreign_keys(connection)
