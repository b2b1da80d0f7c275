"""The tables (SQLAlchemy 2). Their schema is made and changed only by the migrations (storage/migrations), and a
test holds the two the same: a column or index added here needs a new revision there."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Boolean, Date, DateTime, Index, Integer, MetaData, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# constraint and index names fixed here, not left to each database, so that a migration can name what it changes
NAMING = {"ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
          "ck": "ck_%(table_name)s_%(constraint_name)s", "pk": "pk_%(table_name)s",
          "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s"}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UtcTime(TypeDecorator):
    """A point in time that reads back as it was written on every database: stored in UTC, read as UTC-aware.

    SQLite keeps no zone (it would hand back a naive time that later compares wrong with an aware one), and
    PostgreSQL hands back the session's zone; both become UTC here. A naive time is refused when written, since
    whether it meant UTC or Swedish time cannot be known."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"tid utan tidszon: {value.isoformat()}")
        value = value.astimezone(timezone.utc)
        # SQLite stores the text of the time: all in UTC without offset, so that text order is time order
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Run(Base):
    """One check, brief or screening made by the server: what was judged, by which rules, with what result."""

    __tablename__ = "korning"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcTime)
    kind: Mapped[str] = mapped_column(String(20))  # kontroll | besok | ansokan
    dataset: Mapped[str] = mapped_column(String(200))
    facility: Mapped[str | None] = mapped_column(String(200), nullable=True)
    as_of: Mapped[date] = mapped_column(Date)
    rules_digest: Mapped[str] = mapped_column(String(64))
    facts_digest: Mapped[str] = mapped_column(String(64))
    who: Mapped[str] = mapped_column(String(200))
    violations: Mapped[int] = mapped_column(Integer)
    indications: Mapped[int] = mapped_column(Integer)
    undetermined: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)


class _DecisionColumns:
    """What a decision says, the same in its current row and in each row of its history."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nyckel: Mapped[str] = mapped_column(String(600))
    slag: Mapped[str] = mapped_column(String(40))
    motivering: Mapped[str] = mapped_column(Text)
    beslutad_av: Mapped[str] = mapped_column(String(200))
    beslutad: Mapped[date] = mapped_column(Date)
    giltig_till: Mapped[date] = mapped_column(Date)
    registrerad: Mapped[datetime] = mapped_column(UtcTime)
    registrerad_av: Mapped[str] = mapped_column(String(200))


class Decision(_DecisionColumns, Base):
    """An inspector's position on a finding (engine/triage/decisions.py) as it stands now, one per finding key.
    Every version it ever had, and its removal, are in DecisionEvent."""

    __tablename__ = "stallningstagande"
    __table_args__ = (Index(None, "nyckel", unique=True),)


class DecisionEvent(_DecisionColumns, Base):
    """The audit trail of decisions, only ever added to: each saved version (`sparad`) as it was saved, and each
    removal (`borttagen`) with the removed version's content; `registrerad_av` is who saved or removed it."""

    __tablename__ = "stallningstagande_historik"
    __table_args__ = (Index(None, "nyckel"),)

    handelse: Mapped[str] = mapped_column(String(20))  # sparad | borttagen


class Access(Base):
    """Who saw which facility's personal data, when, and whether identity numbers were shown unmasked. Only ever
    added to; read by facility and time (the questions the agency must answer)."""

    __tablename__ = "atkomstlogg"
    __table_args__ = (Index(None, "facility", "at"), Index(None, "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcTime)
    who: Mapped[str] = mapped_column(String(200))
    client: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))  # kontroll | besok | ansokan | api-kontroll …
    dataset: Mapped[str] = mapped_column(String(200))
    facility: Mapped[str | None] = mapped_column(String(200), nullable=True)
    unmasked: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # the stated purpose, required to unmask
