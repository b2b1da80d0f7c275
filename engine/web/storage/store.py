"""The server's storage, SQLite or PostgreSQL behind one SQLAlchemy engine; every method is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from pydantic import ValidationError
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.triage.decisions import Decision as TriageDecision
from regelkoll.triage.decisions import Decisions, Stallningstagande
from regelkoll.triage.keys import key_parts
from regelkoll.validation_sv import swedish_message
from regelkoll.web.storage import models

SOURCE = "ställningstagande i databasen"  # a stored decision's source, as `SOURCE:id` (follow_up reads the id)


@dataclass(frozen=True)
class RunRecord:
    kind: str
    dataset: str
    facility: str | None
    as_of: date
    rules_digest: str
    facts_digest: str
    who: str
    violations: int = 0
    indications: int = 0
    undetermined: int = 0
    errors: int = 0


@dataclass(frozen=True)
class AccessEntry:
    who: str
    client: str
    action: str
    dataset: str
    facility: str | None
    unmasked: bool
    reason: str | None = None


@dataclass(frozen=True)
class StoredDecision:
    id: int
    nyckel: str
    slag: str
    motivering: str
    beslutad_av: str
    beslutad: date
    giltig_till: date
    registrerad: datetime
    registrerad_av: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "nyckel": self.nyckel, "slag": self.slag, "motivering": self.motivering,
                "beslutad_av": self.beslutad_av, "beslutad": self.beslutad.isoformat(),
                "giltig_till": self.giltig_till.isoformat(), "registrerad": self.registrerad.isoformat(),
                "registrerad_av": self.registrerad_av}


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = create_engine(url, future=True, pool_pre_ping=True)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            from regelkoll.web.storage.migrate import upgrade

            upgrade(self.engine)

    def session(self) -> Session:
        return self._session.begin()

    # runs
    def record_run(self, run: RunRecord) -> int:
        with self.session() as s:
            row = models.Run(at=_now(), **run.__dict__)
            s.add(row)
            s.flush()
            return row.id

    def runs(self, limit: int = 50) -> list[dict[str, Any]]:
        with self.session() as s:
            rows = s.scalars(select(models.Run).order_by(models.Run.id.desc()).limit(limit)).all()
            return [{c.name: getattr(r, c.name) for c in models.Run.__table__.columns} for r in rows]

    # decisions
    def save_decision(self, entry: dict[str, Any], registered_by: str) -> StoredDecision:
        """Validate a decision as the decisions file is validated (RK-D003, RK-D004) and store it; a decision about
        a key that has one replaces it (the newest position is the one that counts)."""
        item = _validated(entry)
        with self.session() as s:
            row = s.scalars(select(models.Decision).where(models.Decision.nyckel == item.nyckel)).one_or_none()
            if row is None:
                row = models.Decision(nyckel=item.nyckel)
                s.add(row)
            row.slag, row.motivering, row.beslutad_av = item.slag, item.motivering, item.beslutad_av
            row.beslutad, row.giltig_till = item.beslutad, item.giltig_till
            row.registrerad, row.registrerad_av = _now(), registered_by
            s.flush()
            return _stored(row)

    def decisions(self, units: set[str] | None = None) -> list[StoredDecision]:
        """Every stored decision, or those about findings of `units`, by key."""
        with self.session() as s:
            rows = s.scalars(select(models.Decision).order_by(models.Decision.nyckel)).all()
            found = [_stored(r) for r in rows]
        return [d for d in found if units is None or key_parts(d.nyckel)[1] in units]

    def delete_decision(self, key: str) -> bool:
        with self.session() as s:
            row = s.scalars(select(models.Decision).where(models.Decision.nyckel == key)).one_or_none()
            if row is None:
                return False
            s.delete(row)
            return True

    def triage_decisions(self, units: set[str], as_of: date) -> Decisions:
        """The stored decisions about `units`, sorted for a run on `as_of` (what `--stallningstaganden` reads)."""
        found = Decisions("databasen")
        for d in self.decisions(units):
            found.add(TriageDecision(d.nyckel, d.slag, d.motivering, d.beslutad_av, d.beslutad, d.giltig_till,
                                     f"{SOURCE}:{d.id}"), as_of)
        return found

    # access log
    def log_access(self, entry: AccessEntry) -> None:
        with self.session() as s:
            s.add(models.Access(at=_now(), **entry.__dict__))

    def access_log(self, *, facility: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        with self.session() as s:
            query = select(models.Access).order_by(models.Access.id.desc()).limit(limit)
            if facility is not None:
                query = query.where(models.Access.facility == facility)
            rows = s.scalars(query).all()
            return [{c.name: getattr(r, c.name) for c in models.Access.__table__.columns} for r in rows]

    def close(self) -> None:
        self.engine.dispose()


def _validated(entry: dict[str, Any]) -> Stallningstagande:
    try:
        item = Stallningstagande.model_validate(entry)
    except ValidationError as exc:
        raise DiagnosticError([Diagnostic("ställningstagande", 0, 0, "RK-D003", swedish_message(err),
                                          ".".join(map(str, err["loc"]))) for err in exc.errors(include_url=False)])
    if key_parts(item.nyckel) is None:
        raise DiagnosticError([Diagnostic("ställningstagande", 0, 0, "RK-D004", f"'{item.nyckel}' är ingen "
                                          "fyndnyckel", "nyckel", "skriv REGEL/VERKSAMHET/SUBJEKTSLAG/SUBJEKT-ID, "
                                          "som rapportens 'Nyckel:'")])
    if item.giltig_till < item.beslutad:
        raise DiagnosticError([Diagnostic("ställningstagande", 0, 0, "RK-D003", "giltig_till ligger före beslutad "
                                          f"({item.beslutad.isoformat()})", "giltig_till")])
    return item


def _stored(row: models.Decision) -> StoredDecision:
    return StoredDecision(row.id, row.nyckel, row.slag, row.motivering, row.beslutad_av, row.beslutad,
                          row.giltig_till, row.registrerad, row.registrerad_av)
