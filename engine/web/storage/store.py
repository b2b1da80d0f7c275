"""The server's storage, SQLite or PostgreSQL behind one SQLAlchemy engine; every method is one transaction.

Decisions can be replaced and removed, but never forgotten: each save and each removal is added to their
history, and the access log is only ever added to. Nothing here updates or deletes either of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, create_engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.triage.decisions import Decision as TriageDecision
from regelkoll.triage.decisions import Decisions, Stallningstagande
from regelkoll.triage.keys import key_parts
from regelkoll.validation_sv import swedish_message
from regelkoll.web.storage import failures, models

SOURCE = "ställningstagande i databasen"  # a stored decision's source, as `SOURCE:id` (follow_up reads the id)
DIALECTS = {"sqlite": sqlite, "postgresql": postgresql}  # the databases the migrations are tested on
CONNECT_TIMEOUT = 10  # seconds: a server that does not answer is reported, not waited for until TCP gives up


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
        return {name: value.isoformat() if isinstance(value, (date, datetime)) else value
                for name, value in asdict(self).items()}


@dataclass(frozen=True, kw_only=True)
class DecisionEvent(StoredDecision):
    """One entry of a decision's history: a version saved (`sparad`) or the version removed (`borttagen`), when
    and by whom (`registrerad`, `registrerad_av`)."""

    handelse: str


DECISION_FIELDS = ("nyckel", "slag", "motivering", "beslutad_av", "beslutad", "giltig_till")


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """`url` is an SQLAlchemy URL (sqlite:///FIL, postgresql+psycopg://…); the schema is brought up to date on
    opening unless `migrate` is false. `clock` gives the times recorded (tests set it). A database that cannot be
    used is a DiagnosticError (RK-W030..RK-W033) naming the URL with its password masked."""

    def __init__(self, url: str, *, migrate: bool = True, clock: Callable[[], datetime] = _now) -> None:
        self.url = failures.shown_url(url)  # as it may be shown: without the password
        self.engine = _engine(url)
        self._clock = clock
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            from regelkoll.web.storage.migrate import upgrade

            try:
                upgrade(self.engine)
            except BaseException:
                self.engine.dispose()
                raise

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction; a database lost on the way is RK-W030, not a traceback."""
        try:
            with self._session.begin() as s:
                yield s
        except (OperationalError, InterfaceError) as exc:
            raise failures.unreachable(self.engine.url, exc) from None

    def _at(self) -> datetime:
        return _aware(self._clock(), "clock").astimezone(timezone.utc)

    # runs
    def record_run(self, run: RunRecord) -> int:
        with self.session() as s:
            row = models.Run(at=self._at(), **run.__dict__)
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
        a key that has one replaces it (the newest position is the one that counts; the one replaced stays in the
        history)."""
        item = _validated(entry)
        values = {name: getattr(item, name) for name in DECISION_FIELDS}
        values.update(registrerad=self._at(), registrerad_av=registered_by)
        # one statement, so that two inspectors saving the same key at once replace, not collide
        upsert = DIALECTS[self.engine.dialect.name].insert(models.Decision).values(**values)
        upsert = upsert.on_conflict_do_update(index_elements=["nyckel"],
                                              set_={k: v for k, v in values.items() if k != "nyckel"})
        with self.session() as s:
            ident = s.execute(upsert.returning(models.Decision.id)).scalar_one()
            s.add(models.DecisionEvent(handelse="sparad", **values))
        return StoredDecision(id=ident, **values)

    def decisions(self, units: set[str] | None = None) -> list[StoredDecision]:
        """Every stored decision, or those about findings of `units`, by key."""
        with self.session() as s:
            rows = s.scalars(select(models.Decision).order_by(models.Decision.nyckel)).all()
            found = [_stored(r) for r in rows]
        return [d for d in found if units is None or key_parts(d.nyckel)[1] in units]

    def delete_decision(self, key: str, deleted_by: str = "okänd") -> bool:
        """Remove the decision about `key` (false if there is none); the history keeps it, with who removed it."""
        if "\x00" in key:
            return False  # no key has one (and PostgreSQL would refuse the query)
        with self.session() as s:
            removed = s.execute(delete(models.Decision).where(models.Decision.nyckel == key)
                                .returning(*(getattr(models.Decision, name) for name in DECISION_FIELDS))).first()
            if removed is None:
                return False
            s.add(models.DecisionEvent(handelse="borttagen", registrerad=self._at(), registrerad_av=deleted_by,
                                       **removed._asdict()))
            return True

    def decision_history(self, key: str | None = None) -> list[DecisionEvent]:
        """What was decided and removed, about `key` or every key, newest first."""
        query = select(models.DecisionEvent).order_by(models.DecisionEvent.id.desc())
        if key is not None:
            query = query.where(models.DecisionEvent.nyckel == key)
        with self.session() as s:
            return [DecisionEvent(**{c.name: getattr(r, c.name) for c in models.DecisionEvent.__table__.columns})
                    for r in s.scalars(query)]

    def triage_decisions(self, units: set[str], as_of: date) -> Decisions:
        """The stored decisions about `units`, sorted for a run on `as_of` (what `--stallningstaganden` reads)."""
        found = Decisions("databasen")
        for d in self.decisions(units):
            found.add(TriageDecision(d.nyckel, d.slag, d.motivering, d.beslutad_av, d.beslutad, d.giltig_till,
                                     f"{SOURCE}:{d.id}"), as_of)
        return found

    # access log
    def log_access(self, entry: AccessEntry) -> None:
        # a NUL typed into a name or purpose (`namn=%00`): PostgreSQL takes no NUL in text, and a look that cannot
        # be logged is refused; the log keeps that a character was there
        fields = {k: v.replace("\x00", NUL_SHOWN) if isinstance(v, str) else v for k, v in entry.__dict__.items()}
        with self.session() as s:
            s.add(models.Access(at=self._at(), **fields))

    def access_log(self, *, facility: str | None = None, since: datetime | None = None,
                   until: datetime | None = None, unmasked: bool | None = None, whole_datasets: bool = False,
                   limit: int | None = 500) -> list[dict[str, Any]]:
        """The access log, newest first: about `facility` only, from `since` (inclusive) until `until`
        (exclusive, so that consecutive periods share no entry), only unmasked looks or only masked ones.

        A look at a whole data set names no facility: `whole_datasets` counts those as looks at `facility` too,
        since they showed every facility's data (which data sets hold the facility, the log cannot say)."""
        if facility is not None and "\x00" in facility:
            return []  # no facility's id has one (and PostgreSQL would refuse the query)
        query = select(models.Access).order_by(models.Access.at.desc(), models.Access.id.desc())
        if facility is not None and whole_datasets:
            query = query.where((models.Access.facility == facility) | models.Access.facility.is_(None))
        elif facility is not None:
            query = query.where(models.Access.facility == facility)
        if since is not None:
            query = query.where(models.Access.at >= _aware(since, "since"))
        if until is not None:
            query = query.where(models.Access.at < _aware(until, "until"))
        if unmasked is not None:
            query = query.where(models.Access.unmasked.is_(unmasked))
        if limit is not None:
            query = query.limit(limit)
        with self.session() as s:
            rows = s.scalars(query).all()
            return [{c.name: getattr(r, c.name) for c in models.Access.__table__.columns} for r in rows]

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: str) -> Engine:
    """The engine for `url`; RK-W033 for an address that is no database URL or names a database not supported."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise failures.unusable(url, "skriv sqlite:///FIL eller postgresql+psycopg://ANVÄNDARE@VÄRD/DATABAS") from None
    if parsed.get_backend_name() not in DIALECTS:
        raise failures.unusable(url, f"databasen '{parsed.get_backend_name()}' stöds inte; Regelkoll sparar i "
                                "SQLite eller PostgreSQL")
    options: dict[str, Any] = {"pool_pre_ping": True}
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        # one database in memory exists per connection: share one connection, or each thread would see its own
        options.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif parsed.get_backend_name() == "sqlite":
        options.update(connect_args={"timeout": 30})  # wait this long for another writer's lock
    elif "connect_timeout" not in parsed.query:
        options.update(connect_args={"connect_timeout": CONNECT_TIMEOUT})
    try:
        return create_engine(parsed, **options)
    except (NoSuchModuleError, ImportError) as exc:
        raise failures.unusable(url, f"drivrutinen saknas: {failures.driver_says(url, exc)}") from None


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} ska ha en tidszon, t.ex. datetime(…, tzinfo=timezone.utc)")
    return value


NUL_SHOWN = "\ufffd"


def _validated(entry: dict[str, Any]) -> Stallningstagande:
    nul = [Diagnostic("ställningstagande", 0, 0, "RK-D003", "innehåller ett nolltecken (NUL)", name)
           for name, value in entry.items() if isinstance(value, str) and "\x00" in value]
    if nul:
        raise DiagnosticError(nul)  # text, not bytes: and PostgreSQL would refuse to store it (a 500)
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
