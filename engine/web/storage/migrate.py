"""Bring a database's schema up to date. Placeholder until the Alembic migrations land: creates the tables."""

from __future__ import annotations

from sqlalchemy.engine import Engine


def upgrade(engine: Engine) -> None:
    from regelkoll.web.storage.models import Base

    Base.metadata.create_all(engine)
