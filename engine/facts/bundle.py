"""FactBundle: the validated facts of one data set, and what could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.model import (
    FACT_KINDS,
    Belaggning,
    Fact,
    Kontext,
    Legitimationsperiod,
    Rapportkvartal,
    Tillstandsperiod,
)
from regelkoll.legaltime import Period, add_period


@dataclass(frozen=True)
class Source:
    """Where a record was read: its first line and column, and where each of its references is written."""

    file: str
    line: int
    column: int = 0
    fields: tuple[tuple[str, int, int], ...] = ()
    where: str = ""  # inside the file: an XML element's path or a JSON pointer

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f" {self.where}" if self.where else "")

    def of(self, name: str) -> tuple[int, int]:
        """The line and column of field `name`, or of the record if the field is not recorded."""
        return next(((line, column) for field, line, column in self.fields if field == name), (self.line, self.column))


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
    source: str = ""  # where the facts were read from, as the user named it
    # facts whose person was found by name, not by number: (kind, id) → how ("matchad på namn … (92 %)")
    links: dict[tuple[str, str], str] = field(default_factory=dict)
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
    _derive_report_quarters(bundle)
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
                    alder_till=licence.alder_till, platser=licence.platser,  # type: ignore[attr-defined]
                    kalla=licence.kalla)  # type: ignore[attr-defined]
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
                status=change.status, fran=change.fran, till=until,
                uppgift_per=legitimation.uppgift_per, kalla=legitimation.kalla)  # type: ignore[attr-defined]
            bundle.facts["legitimationsperiod"][period.id] = period
            if ("legitimation", legitimation.id) in bundle.sources:
                bundle.sources[("legitimationsperiod", period.id)] = bundle.sources[("legitimation", legitimation.id)]
    # an unreadable legitimation might be the valid one: its periods are unknown, not absent
    for broken in [b for b in bundle.broken if b.kind == "legitimation"]:
        # its profession, when known, keeps it from clouding what is known of the person's other professions
        raw = {k: v for k, v in broken.raw.items() if k in ("person", "yrke")}
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


# the three months of 16 kap. 6 f § SoL (2001:453), 34 kap. 1 § SoL (2025:400) and 28 f § LSS
_THREE_MONTHS = Period(manader=3)
_FIRST_QUARTER = Period(manader=3, kvartalsslut=True)
_NEXT_QUARTER = Period(manader=2, kvartalsslut=True)  # from a quarter's last day: the next quarter's last day
# a decision left open in the data is followed for ten years of quarterly reports, not for ever
REPORT_QUARTERS = 40


def _earliest(*days: date | None) -> date | None:
    given = [d for d in days if d is not None]
    return min(given) if given else None


def _derive_report_quarters(bundle: FactBundle) -> None:
    """One `rapportkvartal` per decision (or interruption) and later quarter whose report had to list it.

    The first quarter is the one in which the three months ran out (the rules on the decision itself
    judge it); this adds the second and every later quarter whose last day comes before the duty stopped
    as far as the data shows: the day the decision was carried out (or the interruption resumed), the
    day it ended without being carried out, and for a decision never recorded as carried out the first
    interruption of it (it must have been carried out before). `visat_kvarstar` says whether a recorded
    later end (carried out, resumed, ended) proves that the decision still stood on the quarter's last day.
    An unreadable decision or interruption leaves the quarters unknown, never absent.
    """
    _reset(bundle, "rapportkvartal")
    broken_interruptions: dict[str, Any] = {}
    for broken in bundle.broken:
        if broken.kind == "avbrott" and broken.ref("beslut") is not None:
            broken_interruptions.setdefault(broken.ref("beslut"), broken)
    first_interruption: dict[str, date] = {}
    for interruption in bundle.of("avbrott"):
        bid, day = interruption.beslut, interruption.fran  # type: ignore[attr-defined]
        first_interruption[bid] = min(day, first_interruption.get(bid, day))

    def add(fact_id: str, source: tuple[str, str], beslut: str, avbrott: str | None, grund: str, start: date,
            stop: date | None, known_end: date | None) -> None:
        origin = bundle.get(*source)
        quarter = add_period(start, _FIRST_QUARTER)
        for number in range(2, REPORT_QUARTERS + 2):
            quarter = add_period(quarter, _NEXT_QUARTER)
            if stop is not None and stop <= quarter:
                return
            fact = Rapportkvartal(id=f"{fact_id}.{quarter.isoformat()}", beslut=beslut, avbrott=avbrott,
                                  grund=grund, fran=start, kvartal_slut=quarter, kvartal_nr=number,
                                  visat_kvarstar=known_end is not None and known_end > quarter,
                                  kalla=origin.kalla if origin is not None else None)  # type: ignore[attr-defined]
            bundle.facts["rapportkvartal"][fact.id] = fact
            if source in bundle.sources:
                bundle.sources[("rapportkvartal", fact.id)] = bundle.sources[source]

    for decision in bundle.of("beslut"):
        done, ended = decision.verkstallt, decision.avslutat  # type: ignore[attr-defined]
        if decision.id in broken_interruptions:  # an unreadable interruption may mean it was carried out
            bundle.broken.append(BrokenFact("rapportkvartal", {"id": f"beslut.{decision.id}", "beslut": decision.id},
                                            broken_interruptions[decision.id].diagnostic))
            continue
        if done is not None and done <= add_period(decision.beslutsdatum, _THREE_MONTHS):  # type: ignore[attr-defined]
            continue
        add(f"beslut.{decision.id}", ("beslut", decision.id), decision.id, None, "beslut",
            decision.beslutsdatum, _earliest(done, ended, first_interruption.get(decision.id)),  # type: ignore[attr-defined]
            _earliest(done, ended))
    for interruption in bundle.of("avbrott"):
        decision = bundle.get("beslut", interruption.beslut)  # type: ignore[attr-defined]
        if decision is None:
            continue  # an unreadable decision: its own broken record below covers it
        resumed, ended = interruption.aterupptaget, decision.avslutat  # type: ignore[attr-defined]
        add(f"avbrott.{interruption.id}", ("avbrott", interruption.id), decision.id, interruption.id, "avbrott",
            interruption.fran, _earliest(resumed, ended), _earliest(resumed, ended))  # type: ignore[attr-defined]
    # an unreadable decision, or an unreadable interruption of an unreadable one: its quarters are unknown
    for broken in list(bundle.broken):
        if broken.kind == "beslut":
            bundle.broken.append(BrokenFact("rapportkvartal", {"id": f"beslut.{broken.id or '?'}",
                                                               "beslut": broken.id}, broken.diagnostic))
        elif broken.kind == "avbrott" and bundle.get("beslut", broken.ref("beslut") or "") is None:
            bundle.broken.append(BrokenFact("rapportkvartal", {"id": f"avbrott.{broken.id or '?'}",
                                                               "beslut": broken.ref("beslut")}, broken.diagnostic))
