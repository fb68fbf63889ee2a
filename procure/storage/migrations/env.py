"""Alembic environment: migrations run only through :mod:`procure.storage.migrate`.

The caller passes its own open connection (already inside a transaction), so a
failed upgrade rolls back as a whole and leaves the database as it was.
"""

from __future__ import annotations

from alembic import context

from procure.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Procure's migrations run only through procure.storage.migrate")
context.configure(connection=connection, target_metadata=metadata, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
