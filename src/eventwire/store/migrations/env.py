"""Alembic environment for eventwire's store.

eventwire runs migrations itself (``eventwire.store.migrate.upgrade``) and
passes an open connection in ``config.attributes["connection"]``; there is no
alembic.ini. The connection is already inside a transaction, so the whole
upgrade commits or rolls back as one.
"""

from __future__ import annotations

from alembic import context

from eventwire.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
