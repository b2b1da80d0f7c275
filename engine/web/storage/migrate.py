"""Bring a database's schema up to date with the Alembic revisions shipped in the package (migrations/).

Every server runs this at start. Two servers starting at once on one database must not both create the tables,
so the whole upgrade is one transaction under a lock: PostgreSQL's advisory lock, or SQLite's write lock taken
at BEGIN. The second server then finds the schema current and does nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from regelkoll.web.storage import failures

LOCATION = Path(__file__).with_name("migrations")
VERSION_TABLE = "regelkoll_schemaversion"  # not Alembic's default name: the database may be shared
ADVISORY_LOCK = 0x52454B4C  # "REKL": one key for every Regelkoll server on a PostgreSQL database
# Alembic runs a migration through module-level state (`alembic.context`): one upgrade at a time per process
_ONE_AT_A_TIME = threading.Lock()


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(LOCATION).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(connection: Connection) -> list[str]:
    """The revisions the database is at (none before the first upgrade)."""
    return list(MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Create or update the tables; DiagnosticError RK-W030 if the database cannot be reached, RK-W031 if it
    refuses the change, RK-W032 if its schema is newer than this Regelkoll knows."""
    try:
        connection = engine.connect()
    except DBAPIError as exc:
        raise failures.unreachable(engine.url, exc) from None
    with _ONE_AT_A_TIME, connection:
        try:
            _lock(connection)
            script = ScriptDirectory.from_config(config())
            found = current(connection)
            known = {revision.revision for revision in script.walk_revisions()}
            unknown = [revision for revision in found if revision not in known]
            if unknown:
                raise failures.newer_schema(engine.url, unknown, script.get_current_head())
            command.upgrade(config(connection), "head")
            connection.commit()
        except SQLAlchemyError as exc:
            if isinstance(exc, DBAPIError) and exc.connection_invalidated:
                raise failures.unreachable(engine.url, exc) from None
            raise failures.not_migrated(engine.url, exc) from None


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    elif connection.dialect.name == "sqlite":
        # pysqlite begins no transaction before DDL or SELECT: take the write lock now, for the whole upgrade
        connection.exec_driver_sql("BEGIN IMMEDIATE")
