"""Which facts belong in one facility's evaluation session."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from regelkoll.facts.bundle import BrokenFact, FactBundle
from regelkoll.facts.model import FACT_KINDS, Fact


@dataclass
class FacilityFacts:
    facility_id: str
    owned: list[tuple[str, Fact]] = field(default_factory=list)  # facts of this facility (possible subjects)
    context: list[tuple[str, Fact]] = field(default_factory=list)  # related facts (organisation, extracts …)
    broken: list[BrokenFact] = field(default_factory=list)  # every unreadable record that may concern the unit
    broken_owned: list[BrokenFact] = field(default_factory=list)  # ... of them, those that belong to it
    engine_cache: dict = field(default_factory=dict)  # converted facts, shared by every rule's session
    # (kind, id) → (where it was read, how its person was linked if not by number), for the evidence
    provenance: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    # built on first use and read by every rule of the facility
    _keyed: dict | None = field(default=None, repr=False, compare=False)
    labels: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)

    def all(self) -> list[tuple[str, Fact]]:
        return self.owned + self.context

    def keyed(self, kontext) -> dict:
        """Every fact by (kind, id), and the context of the check under ("kontext", "kontext")."""
        if self._keyed is None or self._keyed.get(("kontext", "kontext")) is not kontext:
            self._keyed = {(k, f.id): f for k, f in self.all()}
            self._keyed[("kontext", "kontext")] = kontext  # messages may name the day of the check
        return self._keyed


def _owner(bundle: FactBundle, kind: str, ref: Callable[[str], str | None]) -> str | None:
    """The unit a record belongs to, by its facility field or through its parent (valid or broken)."""
    cls = FACT_KINDS[kind]
    if cls.facility_field:
        return ref(cls.facility_field)
    if cls.owner_via:
        parent_kind, parent_id = cls.references[cls.owner_via], ref(cls.owner_via)
        if parent_id is None:
            return None
        parent = bundle.get(parent_kind, parent_id)
        if parent is not None:
            return _owner(bundle, parent_kind, lambda name: getattr(parent, name, None))
        broken = _broken_keys(bundle).get((parent_kind, parent_id))
        if broken is not None:  # a report about an unreadable decision still belongs to the decision's board
            return _owner(bundle, parent_kind, broken.ref)
    return None


def _broken_keys(bundle: FactBundle) -> dict[tuple[str, str], BrokenFact]:
    return {(b.kind, b.id): b for b in bundle.broken if b.id}


def broken_owner(bundle: FactBundle, broken: BrokenFact) -> str | None:
    return _owner(bundle, broken.kind, broken.ref) if broken.kind in FACT_KINDS else None


@dataclass
class _Index:
    owned: dict[str, list[tuple[str, Fact]]] = field(default_factory=dict)
    about_person: dict[str, list[tuple[str, Fact]]] = field(default_factory=dict)
    of_organisation: dict[str, list[tuple[str, Fact]]] = field(default_factory=dict)


def _index(bundle: FactBundle) -> _Index:
    # built once per bundle: scanning every fact for every facility is quadratic
    # the counts catch facts added or removed after the index was built; derive() clears it on replacement
    fingerprint = (*(len(facts) for facts in bundle.facts.values()), len(bundle.broken))
    cached = bundle.index_cache.get("session")
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    index = _Index()
    for kind in FACT_KINDS:
        cls = FACT_KINDS[kind]
        for fact in bundle.of(kind):
            owner = _owner(bundle, kind, lambda name, f=fact: getattr(f, name, None))
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
    # an organisation's unit sees the licences of every organisation in view, e.g. of a company a
    # representative also served (its revocation matters); a facility's own licences are owned by it
    in_view = [f for _, f in out.owned] + list(context.values())
    seeing = ["organisation", *(kind for kind, cls in FACT_KINDS.items() if cls.sees_organisations)]
    is_organisation = any(bundle.get(kind, facility_id) is not None for kind in seeing) or any(
        b.kind in seeing and b.id == facility_id for b in bundle.broken)
    organisations = sorted({f.organisation for f in in_view if isinstance(getattr(f, "organisation", None), str)}
                           | {facility_id}) if is_organisation else []
    for organisation in organisations:
        for kind, fact in index.of_organisation.get(organisation, []):
            if (kind, fact.id) not in included:
                context[(kind, fact.id)] = fact
    out.context = [(kind, context[(kind, fid)]) for kind, fid in sorted(context)]
    for kind, fact in out.all():
        source = getattr(fact, "kalla", None) or str(bundle.sources.get((kind, fact.id), ""))
        link = getattr(fact, "koppling", None) or bundle.links.get((kind, fact.id), "")
        if source or link:
            out.provenance[(kind, fact.id)] = (source, link)
    home = bundle.get("verksamhet", facility_id)
    operator = getattr(home, "organisation", None)
    for broken in bundle.broken:
        cls = FACT_KINDS.get(broken.kind)
        if cls is None:
            continue
        owner = broken_owner(bundle, broken)
        placeable = cls.facility_field or cls.owner_via
        unlinked = owner is None and (placeable or broken.ref("person") is None)
        # an unreadable licence of an organisation in view matters as much as a readable one
        follows = cls.follows_organisation and broken.ref("organisation") in organisations
        # a record at a sister facility whose person cannot be read may be this person's earlier
        # engagement with the same operator (a rehire exemption): it must not vanish either
        owner_home = bundle.get("verksamhet", owner) if owner is not None else None
        sister = operator is not None and getattr(owner_home, "organisation", None) == operator
        nameless = "person" in cls.references and broken.ref("person") is None and sister
        # a broken record we cannot place might concern any facility: never let it vanish
        if owner == facility_id or broken.ref("person") in people or unlinked or follows or nameless:
            out.broken.append(broken)
        if owner == facility_id:
            out.broken_owned.append(broken)
    return out


def facility_ids(bundle: FactBundle) -> list[str]:
    """Units of evaluation: every facility, and every organisation that owns records (its representatives).

    An organisation counts even if it or its only representative could not be read, so that the
    problem is reported for it instead of the organisation silently missing from the report.
    """
    ids = {f.id for f in bundle.of("verksamhet")} | {f.id for f in bundle.of("ansokan")}
    ids |= {b.id or "?" for b in bundle.broken if b.kind == "verksamhet"}
    owners = set(_index(bundle).owned) | {broken_owner(bundle, b) for b in bundle.broken}
    organisations = {o.id for o in bundle.of("organisation")} | {b.id for b in bundle.broken
                                                                 if b.kind == "organisation" and b.id}
    return sorted(ids | (organisations & owners))
