"""FactBundle: the validated facts of one data set, and what could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from engine.errors import Diagnostic
from engine.facts import FACT_KINDS, Fact, Kontext


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

    Returns (kind, id, message) for each given value that contradicts the facts.
    """
    problems = []
    bundle.index_cache.clear()
    for fact in bundle.of("engagemang"):
        facility = bundle.get("verksamhet", fact.verksamhet)  # type: ignore[attr-defined]
        if facility is None:
            continue
        operator = facility.organisation  # type: ignore[attr-defined]
        if fact.huvudman is not None and fact.huvudman != operator:  # type: ignore[attr-defined]
            problems.append(("engagemang", fact.id, f"huvudman '{fact.huvudman}' stämmer inte med verksamhetens "
                                                    f"organisation '{operator}' (huvudman beräknas, ange den inte)"))
        bundle.facts["engagemang"][fact.id] = fact.model_copy(update={
            "organisation": fact.organisation or operator, "huvudman": operator,  # type: ignore[attr-defined]
            "verksamhetstyp": facility.typ})  # type: ignore[attr-defined]
    return problems
