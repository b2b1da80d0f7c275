"""Conflict of interest (jäv, förvaltningslagen (2017:900) 16 §): where the inspector appears in the data.

The inspector is named by personnummer or by a person's id in the data. The number is used only to find
the person and is never part of the brief: the findings name roles, facilities and dates, not the inspector.
A person in the data without a personnummer cannot be ruled out; they are listed by name so that the
inspector can see whether it is them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.describe import FORM_SV, ROLL_SV

BASIS = {"forfattning": "2017:900", "citation": "förvaltningslagen (2017:900) 16 §",
         "url": "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
                "forvaltningslag-2017900_sfs-2017-900/#P16"}


def _span(start: date | None, end: date | None) -> str:
    if start is None:
        return "tid okänd"
    return f"{start.isoformat()}–{end.isoformat() if end else ''}"


def _current(day: date, start: date | None, end: date | None) -> bool:
    return start is not None and start <= day and (end is None or day <= end)


def find_inspector(bundle: FactBundle, personnummer: str | None, person_id: str | None) -> list[str]:
    """The ids of the person records that are the inspector."""
    if person_id is not None:
        return [person_id] if bundle.get("person", person_id) is not None else []
    return sorted(p.id for p in bundle.of("person") if p.personnummer == personnummer)


def conflicts(bundle: FactBundle, facility_id: str, inspector: list[str], day: date,
              sources: dict[tuple[str, str], str]) -> dict[str, Any]:
    home = bundle.get("verksamhet", facility_id)
    operator = getattr(home, "organisation", None)
    facilities = {f.id for f in bundle.of("verksamhet") if f.organisation == operator} | {facility_id}
    names = {f.id: f.namn for f in bundle.of("verksamhet")}
    operator_name = getattr(bundle.get("organisation", operator), "namn", operator) if operator else None
    found: list[dict[str, Any]] = []
    me = set(inspector)
    for e in bundle.of("engagemang"):
        if e.person in me and (e.verksamhet in facilities or e.organisation == operator):
            where = names.get(e.verksamhet, e.verksamhet)
            role = ROLL_SV.get(e.roll, e.roll) if e.roll != "personal" else FORM_SV.get(e.form, e.form)
            found.append({"grund": f"{role} vid {where} {_span(e.start, e.slut)}",
                          "pagar": _current(day, e.start, e.slut), "kalla": sources.get(("engagemang", e.id), "")})
    for o in bundle.of("foretradare"):
        if o.person in me and o.organisation == operator:
            start = o.fran or o.uppgift_per
            found.append({"grund": f"{ROLL_SV.get(o.roll, o.roll)} hos huvudmannen {operator_name} "
                                   f"{_span(o.fran, o.till) if o.fran else 'enligt uppgift per ' + str(o.uppgift_per)}",
                          "pagar": _current(day, start, o.till), "kalla": sources.get(("foretradare", o.id), "")})
    for p in bundle.of("placering"):
        if p.verksamhet in facilities and (p.klient in me or p.kontaktperson in me):
            what = "placerad" if p.klient in me else "kontaktperson för en placering"
            found.append({"grund": f"{what} vid {names.get(p.verksamhet, p.verksamhet)} {_span(p.inskriven, p.utskriven)}",
                          "pagar": _current(day, p.inskriven, p.utskriven), "kalla": sources.get(("placering", p.id), "")})
    for b in bundle.of("behandling"):
        if b.verksamhet in facilities and b.utforare in me:
            found.append({"grund": f"utförde en behandling vid {names.get(b.verksamhet, b.verksamhet)} "
                                   f"{b.datum.isoformat()}", "pagar": False, "kalla": sources.get(("behandling", b.id), "")})
    found.sort(key=lambda f: (not f["pagar"], f["grund"], f["kalla"]))
    involved = _people_in_view(bundle, facilities, operator)
    unidentified = sorted({bundle.get("person", pid).namn for pid in involved
                           if bundle.get("person", pid) is not None and bundle.get("person", pid).personnummer is None})
    return {"prövad": True, "identifierad_i_underlaget": bool(inspector), "fynd": found,
            "utan_personnummer": unidentified, "lagrum": BASIS}


def _people_in_view(bundle: FactBundle, facilities: set[str], operator: str | None) -> set[str]:
    people = {e.person for e in bundle.of("engagemang") if e.verksamhet in facilities or e.organisation == operator}
    people |= {o.person for o in bundle.of("foretradare") if o.organisation == operator}
    people |= {b.utforare for b in bundle.of("behandling") if b.verksamhet in facilities}
    people |= {p.kontaktperson for p in bundle.of("placering") if p.verksamhet in facilities and p.kontaktperson}
    return people
