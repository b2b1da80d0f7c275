"""Alembic's entry point, run by storage/migrate.py with the connection it has locked (never a URL of its own)."""

from __future__ import annotations

from alembic import context

from regelkoll.web.storage.migrate import VERSION_TABLE
from regelkoll.web.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, version_table=VERSION_TABLE,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
