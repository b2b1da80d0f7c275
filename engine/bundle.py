"""FactBundle: the validated facts of one data set, and what could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from engine.errors import Diagnostic
from engine.facts import FACT_KINDS, Belaggning, Fact, Kontext, Legitimationsperiod, Tillstandsperiod


@dataclass(frozen=True)
class Source:
    file: str
    line: int


@dataclass
class BrokenFact:
    """A record that failed validation. Kept so that what depends on it is reported as undetermined."""

    kind: str
    raw: dict[str, Any]
    diagnostic: Diagnostic

    @property
    def id(self) -> str | None:
        value = self.raw.get("id")
        return value if isinstance(value, str) else None

    def ref(self, name: str) -> str | None:
        value = self.raw.get(name)
        return value if isinstance(value, str) else None


@dataclass
class FactBundle:
    facts: dict[str, dict[str, Fact]] = field(default_factory=lambda: {k: {} for k in FACT_KINDS})
    broken: list[BrokenFact] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    kontext: Kontext | None = None
    # derived lookups (engine/session.py builds them once per bundle); not part of the data
    index_cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def of(self, kind: str) -> list[Fact]:
        return [self.facts[kind][k] for k in sorted(self.facts[kind])]

    def get(self, kind: str, fact_id: str) -> Fact | None:
        return self.facts[kind].get(fact_id)

    def as_of(self, override: date | None) -> date:
        if override is not None:
            return override
        if self.kontext is not None:
            return self.kontext.per_datum
        raise ValueError("per_datum saknas: ange --as-of eller kontext.per_datum i datamängden")


def derive(bundle: FactBundle) -> list[tuple[str, str, str]]:
    """Fill in what follows from other facts: an engagement's employer (default) and the facility's operator.

    Returns (kind, id, code, field, message) for each given value that contradicts the facts.
    """
    problems: list[tuple[str, str, str, str, str]] = []
    bundle.index_cache.clear()
    _derive_licence_periods(bundle)
    _derive_legitimation_periods(bundle)
    problems += _derive_occupancy(bundle)
    for fact in bundle.of("engagemang"):
        facility = bundle.get("verksamhet", fact.verksamhet)  # type: ignore[attr-defined]
        if facility is None:
            continue
        operator = facility.organisation  # type: ignore[attr-defined]
        if fact.huvudman is not None and fact.huvudman != operator:  # type: ignore[attr-defined]
            problems.append(("engagemang", fact.id, "RK-B031", "engagemang.huvudman",
                             f"huvudman '{fact.huvudman}' stämmer inte med verksamhetens "  # type: ignore[attr-defined]
                             f"organisation '{operator}' (huvudman beräknas, ange den inte)"))
        bundle.facts["engagemang"][fact.id] = fact.model_copy(update={
            "organisation": fact.organisation or operator, "huvudman": operator,  # type: ignore[attr-defined]
            "verksamhetstyp": facility.typ})  # type: ignore[attr-defined]
    return problems


def _periods(changes: list) -> list[tuple[int, Any, date | None, str]]:
    """A status history as periods: (number, change, last day or None while it lasts, the status after)."""
    out = []
    for i, change in enumerate(changes):
        later = changes[i + 1] if i + 1 < len(changes) else None
        out.append((i + 1, change, later.fran - timedelta(days=1) if later else None,
                    later.status if later else "ingen"))
    return out


def _reset(bundle: FactBundle, kind: str) -> None:
    bundle.facts[kind] = {}
    bundle.broken[:] = [b for b in bundle.broken if b.kind != kind]


def _derive_licence_periods(bundle: FactBundle) -> None:
    """One `tillstandsperiod` per status period and target group, so that rules need no nested lists."""
    _reset(bundle, "tillstandsperiod")
    for licence in bundle.of("tillstand"):
        groups = licence.malgrupper or [None]  # type: ignore[attr-defined]
        for number, change, until, following in _periods(licence.status):  # type: ignore[attr-defined]
            for group in groups:
                period = Tillstandsperiod(
                    id=f"{licence.id}.{number}" + (f".{group}" if group else ""), tillstand=licence.id,
                    organisation=licence.organisation, verksamhet=licence.verksamhet,  # type: ignore[attr-defined]
                    verksamhetstyp=licence.verksamhetstyp, status=change.status,  # type: ignore[attr-defined]
                    fran=change.fran, till=until, foljande_status=following, malgrupp=group, alder_fran=licence.alder_fran,  # type: ignore[attr-defined]
                    alder_till=licence.alder_till, platser=licence.platser)  # type: ignore[attr-defined]
                bundle.facts["tillstandsperiod"][period.id] = period
                if ("tillstand", licence.id) in bundle.sources:
                    bundle.sources[("tillstandsperiod", period.id)] = bundle.sources[("tillstand", licence.id)]
    # an unreadable licence might be the one that covers a date: its periods are unknown, not absent
    for broken in [b for b in bundle.broken if b.kind == "tillstand"]:
        raw = {k: v for k, v in broken.raw.items() if k in ("verksamhet", "organisation")}
        bundle.broken.append(BrokenFact("tillstandsperiod", {"id": broken.id or "?", "tillstand": broken.id, **raw},
                                        broken.diagnostic))


def _derive_legitimation_periods(bundle: FactBundle) -> None:
    """One `legitimationsperiod` per status period of a legitimation."""
    _reset(bundle, "legitimationsperiod")
    for legitimation in bundle.of("legitimation"):
        for number, change, until, _ in _periods(legitimation.status):  # type: ignore[attr-defined]
            period = Legitimationsperiod(
                id=f"{legitimation.id}.{number}", legitimation=legitimation.id,
                person=legitimation.person, yrke=legitimation.yrke,  # type: ignore[attr-defined]
                status=change.status, fran=change.fran, till=until)
            bundle.facts["legitimationsperiod"][period.id] = period
            if ("legitimation", legitimation.id) in bundle.sources:
                bundle.sources[("legitimationsperiod", period.id)] = bundle.sources[("legitimation", legitimation.id)]
    # an unreadable legitimation might be the valid one: its periods are unknown, not absent
    for broken in [b for b in bundle.broken if b.kind == "legitimation"]:
        raw = {k: v for k, v in broken.raw.items() if k == "person"}
        bundle.broken.append(BrokenFact("legitimationsperiod",
                                        {"id": broken.id or "?", "legitimation": broken.id, **raw}, broken.diagnostic))


def _derive_occupancy(bundle: FactBundle) -> list[tuple[str, str, str, str, str]]:
    """The number of residents on every day the count or the licensed places can change.

    Between two such days nothing changes, so checking them finds every over-full day: the count
    rises only on an admission day, and the places change only when a licence's status changes.
    A resident counts from the day of admission up to, not including, the day of discharge: someone
    leaving on the day another arrives does not make the home over-full. A resident is counted once
    however many placement records overlap (two records of one stay are reported, not counted twice).
    A home with a placement that could not be read, or a placement we cannot place at any home,
    gets no counts: its occupancy days are broken records, so they are reported as undetermined.
    """
    _reset(bundle, "belaggning")
    problems = []
    by_home: dict[str, list[Fact]] = {}
    for placement in bundle.of("placering"):
        by_home.setdefault(placement.verksamhet, []).append(placement)  # type: ignore[attr-defined]
    licence_days: dict[str, set[date]] = {}
    for period in bundle.of("tillstandsperiod"):
        licence_days.setdefault(period.verksamhet, set()).add(period.fran)  # type: ignore[attr-defined]
    unreadable = [b for b in bundle.broken if b.kind == "placering"]
    unknown_home = [b for b in unreadable if b.ref("verksamhet") is None]
    for home, placements in sorted(by_home.items()):
        days = {p.inskriven for p in placements} | licence_days.get(home, set())  # type: ignore[attr-defined]
        doubt = [b for b in unreadable if b.ref("verksamhet") == home] + unknown_home
        for day in sorted(days):
            present = [p for p in placements if p.inskriven <= day  # type: ignore[attr-defined]
                       and (p.utskriven is None or p.utskriven > day)]  # type: ignore[attr-defined]
            clients = {p.klient for p in present}  # type: ignore[attr-defined]
            if not present:
                continue
            fact_id = f"{home}.{day.isoformat()}"
            if doubt:
                bundle.broken.append(BrokenFact("belaggning", {"id": fact_id, "verksamhet": home},
                                                doubt[0].diagnostic))
                continue
            if len(clients) < len(present):
                twice = sorted(p.id for p in present if sum(q.klient == p.klient for q in present) > 1)
                problems.append(("placering", twice[0], "RK-B034", "placering.klient",
                                 f"klienten har flera placeringar samtidigt på samma boende den {day.isoformat()} "
                                 f"({', '.join(twice)}); klienten räknas en gång"))
            fact = Belaggning(id=fact_id, verksamhet=home, datum=day, antal=len(clients))
            bundle.facts["belaggning"][fact.id] = fact
    # an unreadable placement at a home with no readable one still leaves that home's count unknown
    for broken in unreadable:
        home = broken.ref("verksamhet")
        if home is not None and home not in by_home:
            bundle.broken.append(BrokenFact("belaggning", {"id": broken.id or "?", "verksamhet": home},
                                            broken.diagnostic))
    return sorted(set(problems))
