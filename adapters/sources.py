"""Read the sources a manifest names, resolve who is who, and hand the records to the fact assembler.

What a source cannot tell is kept as unknown, never as absent. A person known only from the sources
(a roster row) is checked against the registers only where a source speaks for them: without a HOSP
answer for the person their legitimation is unknown, without the employer's register-check log
their extracts are unknown, and no source says anything of the undersköterska certificate. The rules
that need those facts are then undetermined for the person, instead of finding them missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from regelkoll.adapters.collect import Collected, PersonRef
from regelkoll.adapters.manifest import ADAPTERS, SourceFile
from regelkoll.adapters.resolve import Resolution, resolve, similar
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import Assembler
from regelkoll.facts.bundle import FactBundle
from regelkoll.yamlsafe import oserror_sv

# the kinds about a person that rules look for and find missing, and what would have to speak for them
_REGISTER_KINDS = {
    "legitimation": "ingen uppgift från HOSP om personen; legitimationen kan inte avgöras",
    "specialistbevis": "ingen uppgift från HOSP (GetHospPersonForIVO) om personens specialistbevis",
    "underskoterskebevis": "ingen källa säger om personen har bevis om rätt att använda titeln undersköterska",
}


def read_sources(bundle: FactBundle, sources: list[SourceFile]) -> Collected:
    """Read every source into `bundle` (before `finish`); returns what the adapters collected, for `import`."""
    collected = Collected()
    collected.organisations_by_number = {o.organisationsnummer: o.id for o in bundle.of("organisation")  # type: ignore[attr-defined]
                                         if o.organisationsnummer}  # type: ignore[attr-defined]
    for source in sources:
        module = importlib.import_module(f"regelkoll.adapters.{ADAPTERS[source.spec.adapter][0]}")
        try:
            module.read(source, collected)
        except OSError as exc:
            collected.diagnostics.append(Diagnostic(source.display, 0, 0, "RK-K002", f"källfilen kan inte läsas: "
                                                    f"{oserror_sv(exc)}"))
    resolution = resolve(collected.mentions, bundle)
    _assemble(bundle, collected, resolution)
    return collected


def _substitute(raw: dict[str, Any], resolution: Resolution) -> tuple[dict[str, Any], list[int]]:
    out, linked = {}, []
    for key, value in raw.items():
        if isinstance(value, PersonRef):
            out[key] = resolution.ids[value.index]
            if value.index in resolution.links:
                linked.append(value.index)
        else:
            out[key] = value
    return out, linked


def _assemble(bundle: FactBundle, collected: Collected, resolution: Resolution) -> None:
    assembler = Assembler(bundle)
    for first, record in resolution.new_people:
        assembler.add("person", record, collected.mentions[first].place)
    for kind, raw, place in collected.records:
        record, linked = _substitute(raw, resolution)
        assembler.add(kind, record, place)
        fact_id = record.get("id")
        if linked and isinstance(fact_id, str) and bundle.get(kind, fact_id) is not None:
            bundle.links[(kind, fact_id)] = "; ".join(resolution.links[i].text() for i in linked)
    for kind, raw, diagnostic in collected.unreadable:
        record, _ = _substitute(raw, resolution)
        assembler.unreadable(kind, record, diagnostic, report=False)
    for unknown in collected.unknown:
        person = resolution.ids[unknown.person.index]
        assembler.unreadable(unknown.kind, {"person": person, **unknown.raw}, unknown.diagnostic, report=False)
    bundle.diagnostics += collected.diagnostics + resolution.diagnostics
    _mark_unknown(bundle, collected, resolution, assembler)


def _mark_unknown(bundle: FactBundle, collected: Collected, resolution: Resolution, assembler: Assembler) -> None:
    covered = {(kind, resolution.ids[i]) for kind, i in collected.covered}
    first_place = {}
    for i, person in enumerate(resolution.ids):
        first_place.setdefault(person, collected.mentions[i].place)
    given = {(b.kind, b.ref("person")) for b in bundle.broken}
    for kind in (*_REGISTER_KINDS, "registerutdrag"):
        given |= {(kind, f.person) for f in bundle.of(kind)}  # type: ignore[attr-defined]
    employers = _employers(bundle)
    for person in sorted(resolution.from_sources):
        place = first_place[person]
        line, column = place.at()
        for kind, why in _REGISTER_KINDS.items():
            if (kind, person) in covered or (kind, person) in given:
                continue
            assembler.unreadable(kind, {"person": person}, Diagnostic(place.file, line, column, "RK-K053", why),
                                 report=False)
        unidentified = person in resolution.unidentified
        if ("registerutdrag", person) in given and not unidentified:
            continue
        for organisation, facility in sorted(employers.get(person, ()), key=str):
            if unidentified:
                # who this is cannot be told, so neither can which extract in a log is theirs
                why = "personen kan inte identifieras; vilket registerutdrag som är personens kan inte avgöras"
            elif (organisation, None) in collected.covered_registers \
                    or (organisation, facility) in collected.covered_registers:
                continue
            else:
                why = (f"ingen logg över registerkontroller för organisationen '{organisation}' (verksamheten "
                       f"'{facility}') i datamängden; personens registerutdrag kan inte avgöras")
            assembler.unreadable("registerutdrag", {"person": person, "organisation": organisation}, Diagnostic(
                place.file, line, column, "RK-K054", why), report=False)
    _unknown_by_name(bundle, resolution, assembler, employers)


def _unknown_by_name(bundle: FactBundle, resolution: Resolution, assembler: Assembler,
                     employers: dict[str, set[tuple[str, str]]]) -> None:
    """An extract logged for someone no one can identify may be any employee of that name: theirs are unknown."""
    nameless = [(fact, bundle.get("person", fact.person)) for fact in bundle.of("registerutdrag")  # type: ignore[attr-defined]
                if fact.person in resolution.unidentified]  # type: ignore[attr-defined]
    if not nameless:
        return
    staff: dict[str, set[str]] = {}
    for person, places in employers.items():
        for organisation, _ in places:
            staff.setdefault(organisation, set()).add(person)
    for extract, owner in nameless:
        if owner is None:
            continue
        source = bundle.sources.get(("registerutdrag", extract.id))
        for candidate in sorted(staff.get(extract.organisation, ())):  # type: ignore[attr-defined]
            person = bundle.get("person", candidate)
            if candidate == owner.id or person is None or not similar(person.namn, owner.namn):  # type: ignore[attr-defined]
                continue
            assembler.unreadable("registerutdrag", {"person": candidate, "organisation": extract.organisation},  # type: ignore[attr-defined]
                                 Diagnostic(source.file if source else "", source.line if source else 0, 0, "RK-K054",
                                            f"registerkontrollens rad för {owner.namn} kan inte knytas till någon "  # type: ignore[attr-defined]
                                            "identifierad person och kan vara den här personens"), report=False)


def _employers(bundle: FactBundle) -> dict[str, set[tuple[str, str]]]:
    """Person → (employer, facility) of each of their engagements, in one pass over the engagements."""
    out: dict[str, set[tuple[str, str]]] = {}
    for engagement in bundle.facts["engagemang"].values():
        employer = engagement.organisation  # type: ignore[attr-defined]
        if employer is None:
            facility = bundle.get("verksamhet", engagement.verksamhet)  # type: ignore[attr-defined]
            employer = getattr(facility, "organisation", None)
        if employer is not None:
            out.setdefault(engagement.person, set()).add((employer, engagement.verksamhet))  # type: ignore[attr-defined]
    return out
