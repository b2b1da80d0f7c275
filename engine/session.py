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
    engine_cache: dict = field(default_factory=dict)  # converted facts, shared by every rule's session

    def all(self) -> list[tuple[str, Fact]]:
        return self.owned + self.context


def _owner(bundle: FactBundle, kind: str, fact: Fact) -> str | None:
    cls = FACT_KINDS[kind]
    if cls.facility_field:
        return getattr(fact, cls.facility_field)
    if cls.owner_via:
        parent = bundle.get(cls.references[cls.owner_via], getattr(fact, cls.owner_via))
        return _owner(bundle, parent.kind, parent) if parent is not None else None
    return None


@dataclass
class _Index:
    owned: dict[str, list[tuple[str, Fact]]] = field(default_factory=dict)
    about_person: dict[str, list[tuple[str, Fact]]] = field(default_factory=dict)
    of_organisation: dict[str, list[tuple[str, Fact]]] = field(default_factory=dict)


def _index(bundle: FactBundle) -> _Index:
    # built once per bundle: scanning every fact for every facility is quadratic
    # the counts catch facts added or removed after the index was built; derive() clears it on replacement
    fingerprint = tuple(len(facts) for facts in bundle.facts.values())
    cached = bundle.index_cache.get("session")
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    index = _Index()
    for kind in FACT_KINDS:
        cls = FACT_KINDS[kind]
        for fact in bundle.of(kind):
            owner = _owner(bundle, kind, fact)
            if owner is not None:
                index.owned.setdefault(owner, []).append((kind, fact))
            if cls.references.get("person") == "person":
                index.about_person.setdefault(fact.person, []).append((kind, fact))  # type: ignore[attr-defined]
            if cls.follows_organisation:
                index.of_organisation.setdefault(fact.organisation, []).append((kind, fact))  # type: ignore[attr-defined]
    bundle.index_cache["session"] = (fingerprint, index)
    return index


def facility_facts(bundle: FactBundle, facility_id: str) -> FacilityFacts:
    """The facility, what it owns, what those facts point to, and facts about the same people."""
    index = _index(bundle)
    out = FacilityFacts(facility_id)
    out.owned = list(index.owned.get(facility_id, []))
    included = {(k, f.id) for k, f in out.owned}
    targets: set[tuple[str, str]] = set()
    for kind, fact in out.owned:
        for name, target_kind in FACT_KINDS[kind].references.items():
            value = getattr(fact, name)
            if value is not None:
                targets.add((target_kind, value))
    people = sorted(fid for kind, fid in targets if kind == "person")
    context: dict[tuple[str, str], Fact] = {}
    for kind, fact_id in sorted(targets):
        fact = bundle.get(kind, fact_id)
        if fact is not None and (kind, fact_id) not in included:
            context[(kind, fact_id)] = fact
    for person in people:
        for kind, fact in index.about_person.get(person, []):
            if (kind, fact.id) not in included:
                context[(kind, fact.id)] = fact
    # licences of every organisation in view, e.g. one a representative also served (its revocation matters)
    in_view = [f for _, f in out.owned] + list(context.values())
    organisations = sorted({f.organisation for f in in_view if isinstance(getattr(f, "organisation", None), str)}
                           | ({facility_id} if bundle.get("organisation", facility_id) is not None else set()))
    for organisation in organisations:
        for kind, fact in index.of_organisation.get(organisation, []):
            if (kind, fact.id) not in included:
                context[(kind, fact.id)] = fact
    out.context = [(kind, context[(kind, fid)]) for kind, fid in sorted(context)]
    for broken in bundle.broken:
        cls = FACT_KINDS.get(broken.kind)
        if cls is None:
            continue
        owner = broken.ref(cls.facility_field) if cls.facility_field else None
        unlinked = owner is None and (cls.facility_field or broken.ref("person") is None)
        # a broken record we cannot place might concern any facility: never let it vanish
        if owner == facility_id or broken.ref("person") in people or unlinked:
            out.broken.append(broken)
    return out


def facility_ids(bundle: FactBundle) -> list[str]:
    """Units of evaluation: every facility, and every organisation that owns facts (its representatives)."""
    ids = {f.id for f in bundle.of("verksamhet")}
    ids |= {b.id or "?" for b in bundle.broken if b.kind == "verksamhet"}
    index = _index(bundle)
    ids |= {o.id for o in bundle.of("organisation") if index.owned.get(o.id)}
    return sorted(ids)
