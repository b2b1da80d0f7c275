"""Which facts belong in one facility's evaluation session."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.bundle import BrokenFact, FactBundle
from engine.facts import FACT_KINDS, Fact


@dataclass
class FacilityFacts:
    facility_id: str
    owned: list[tuple[str, Fact]] = field(default_factory=list)  # facts of this facility (possible subjects)
    context: list[tuple[str, Fact]] = field(default_factory=list)  # related facts (organisation, extracts …)
    broken: list[BrokenFact] = field(default_factory=list)

    def all(self) -> list[tuple[str, Fact]]:
        return self.owned + self.context


def _owner(kind: str, fact: Fact) -> str | None:
    name = FACT_KINDS[kind].facility_field
    return getattr(fact, name) if name else None


def facility_facts(bundle: FactBundle, facility_id: str) -> FacilityFacts:
    """The facility, what it owns, what those facts point to, and facts about the same people."""
    out = FacilityFacts(facility_id)
    for kind in FACT_KINDS:
        for fact in bundle.of(kind):
            if _owner(kind, fact) == facility_id:
                out.owned.append((kind, fact))
    included = {(k, f.id) for k, f in out.owned}
    targets: set[tuple[str, str]] = set()
    for kind, fact in out.owned:
        for name, target_kind in FACT_KINDS[kind].references.items():
            value = getattr(fact, name)
            if value is not None:
                targets.add((target_kind, value))
    people = {fid for kind, fid in targets if kind == "person"}
    for kind in FACT_KINDS:
        for fact in bundle.of(kind):
            if (kind, fact.id) in included:
                continue
            refs = FACT_KINDS[kind].references
            about_people = refs.get("person") == "person" and getattr(fact, "person", None) in people
            if (kind, fact.id) in targets or about_people:
                out.context.append((kind, fact))
    for broken in bundle.broken:
        cls = FACT_KINDS.get(broken.kind)
        if cls is None:
            continue
        owner = broken.ref(cls.facility_field) if cls.facility_field else None
        if owner == facility_id or broken.ref("person") in people or (owner is None and cls.facility_field):
            out.broken.append(broken)
    return out


def facility_ids(bundle: FactBundle) -> list[str]:
    ids = {f.id for f in bundle.of("verksamhet")}
    ids |= {b.id or "?" for b in bundle.broken if b.kind == "verksamhet"}
    return sorted(ids)
