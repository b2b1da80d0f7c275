"""The tables (SQLAlchemy 2). Their schema is made and changed only by the migrations (storage/migrations)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Run(Base):
    """One check, brief or screening made by the server: what was judged, by which rules, with what result."""

    __tablename__ = "korning"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
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


class Decision(Base):
    """An inspector's position on a finding (engine/triage/decisions.py), by the finding's key."""

    __tablename__ = "stallningstagande"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nyckel: Mapped[str] = mapped_column(String(600), unique=True)
    slag: Mapped[str] = mapped_column(String(40))
    motivering: Mapped[str] = mapped_column(Text)
    beslutad_av: Mapped[str] = mapped_column(String(200))
    beslutad: Mapped[date] = mapped_column(Date)
    giltig_till: Mapped[date] = mapped_column(Date)
    registrerad: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    registrerad_av: Mapped[str] = mapped_column(String(200))


class Access(Base):
    """Who saw which facility's personal data, when, and whether identity numbers were shown unmasked."""

    __tablename__ = "atkomstlogg"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    who: Mapped[str] = mapped_column(String(200))
    client: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))  # kontroll | besok | ansokan | api-kontroll …
    dataset: Mapped[str] = mapped_column(String(200))
    facility: Mapped[str | None] = mapped_column(String(200), nullable=True)
    unmasked: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # the stated purpose, required to unmask
