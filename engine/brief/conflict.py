"""Conflict of interest (jäv, förvaltningslagen (2017:900) 16 §): where the inspector appears in the data.

The inspector is named by personnummer or by a person's id in the data; an id stands for its person's number,
so every record of the same number counts. The number is used only to find the person and is never part of
the brief. The check errs towards telling: a record that could not be read but points at the inspector is a
hit, a hit that rests on a link by name says so, and the people in view who cannot be ruled out (no
personnummer, or found by name only) are named so that the inspector can see whether it is them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from regelkoll.brief.header import on_day
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.describe import FORM_SV, ROLL_SV
from regelkoll.personal_data import ascii_digits

BASIS = {"forfattning": "2017:900", "citation": "förvaltningslagen (2017:900) 16 §",
         "url": "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
                "forvaltningslag-2017900_sfs-2017-900/#P16"}
# the fields by which a record names a person, per kind the check reads
PERSON_FIELDS = {"engagemang": ("person",), "foretradare": ("person",), "placering": ("kontaktperson",),
                 "behandling": ("utforare",)}
KIND_SV = {"engagemang": "ett engagemang", "foretradare": "ett uppdrag som företrädare",
           "placering": "en placering", "behandling": "en behandling", "verksamhet": "verksamheten"}


def _digits(value: Any) -> str:
    return "".join(ch for ch in ascii_digits(str(value or "")) if ch.isdigit())


def inspector_number(bundle: FactBundle, person_id: str) -> str | None:
    person = bundle.get("person", person_id)
    return getattr(person, "personnummer", None)


def find_inspector(bundle: FactBundle, number: str | None, person_id: str | None) -> set[str]:
    """Every person id that is the inspector: the given one, and every record, readable or not, of the number."""
    ids = {person_id} if person_id else set()
    if number:
        ids |= {p.id for p in bundle.of("person") if p.personnummer == number}
        ids |= {b.id for b in bundle.broken if b.kind == "person" and b.id and _digits(b.raw.get("personnummer")) in
                (number, number[2:])}
    return ids


def _span(start: date | None, end: date | None) -> str:
    if start is None:
        return "tid okänd"
    return f"{start.isoformat()}–{end.isoformat() if end else ''}"


def _where(bundle: FactBundle, facility_id: str) -> tuple[str | None, set[str]]:
    """The operator of the facility (also when its record could not be read) and the operator's facilities."""
    home = bundle.get("verksamhet", facility_id)
    operator = getattr(home, "organisation", None)
    if home is None:
        raw = next((b for b in bundle.broken if b.kind == "verksamhet" and b.id == facility_id), None)
        operator = raw.ref("organisation") if raw is not None else None
    facilities = {f.id for f in bundle.of("verksamhet") if operator and f.organisation == operator} | {facility_id}
    return operator, facilities


def conflicts(bundle: FactBundle, facility_id: str, inspector: set[str], day: date,
              source_of) -> dict[str, Any]:
    operator, facilities = _where(bundle, facility_id)
    names = {f.id: f.namn for f in bundle.of("verksamhet")}
    operator_name = getattr(bundle.get("organisation", operator), "namn", operator) if operator else None
    found: list[dict[str, Any]] = []

    def hit(kind: str, fact: Any, grund: str, start: date | None, end: date | None) -> None:
        link = bundle.links.get((kind, fact.id)) or getattr(fact, "koppling", None)
        found.append({"grund": grund + (f" (kopplad på namn: {link}; bekräfta)" if link else ""),
                      "pagar": on_day(day, start, end), "kalla": source_of(kind, fact)})

    for e in bundle.of("engagemang"):
        if e.person in inspector and (e.verksamhet in facilities or (operator and e.organisation == operator)):
            role = ROLL_SV.get(e.roll, e.roll) if e.roll != "personal" else FORM_SV.get(e.form, e.form)
            for_whom = f" för {operator_name}" if e.verksamhet not in facilities else ""
            hit("engagemang", e, f"{role} vid {names.get(e.verksamhet, e.verksamhet)}{for_whom} {_span(e.start, e.slut)}",
                e.start, e.slut)
    for o in bundle.of("foretradare"):
        if o.person in inspector and operator and o.organisation == operator:
            when = _span(o.fran, o.till) if o.fran else f"enligt uppgift per {o.uppgift_per}"
            hit("foretradare", o, f"{ROLL_SV.get(o.roll, o.roll)} hos huvudmannen {operator_name} {when}",
                o.fran or o.uppgift_per, o.till)
    for p in bundle.of("placering"):
        if p.verksamhet in facilities and p.kontaktperson in inspector:
            hit("placering", p, f"kontaktperson för en placering vid {names.get(p.verksamhet, p.verksamhet)} "
                                f"{_span(p.inskriven, p.utskriven)}", p.inskriven, p.utskriven)
    for b in bundle.of("behandling"):
        if b.verksamhet in facilities and b.utforare in inspector:
            hit("behandling", b, f"utförde en behandling vid {names.get(b.verksamhet, b.verksamhet)} "
                                 f"{b.datum.isoformat()}", b.datum, b.datum)
    found += _unreadable(bundle, inspector, facilities, operator)
    found.sort(key=lambda f: (not f["pagar"], f["grund"], f["kalla"]))
    return {"prövad": True, "identifierad_i_underlaget": bool(inspector), "fynd": found,
            "kan_inte_uteslutas": _not_ruled_out(bundle, facilities, operator, inspector), "lagrum": BASIS}


def _may_be_here(broken, facilities: set[str], operator: str | None) -> bool:
    """Whether an unreadable record may be about this facility or operator: only what it says for sure rules it out."""
    home, owner = broken.ref("verksamhet"), broken.ref("organisation")
    return not ((home and home not in facilities) and (owner and owner != operator))


def _unreadable(bundle: FactBundle, inspector: set[str], facilities: set[str], operator: str | None) -> list[dict]:
    """Records that could not be read but name the inspector and this facility or operator (or neither)."""
    out = []
    for broken in bundle.broken:
        fields = PERSON_FIELDS.get(broken.kind, ())
        if not any(broken.ref(name) in inspector for name in fields):
            continue
        if not _may_be_here(broken, facilities, operator):
            continue
        where = f"{broken.diagnostic.file}:{broken.diagnostic.line}" if broken.diagnostic.line else broken.diagnostic.file
        out.append({"grund": f"{KIND_SV.get(broken.kind, broken.kind)} som inte kunde läsas ({broken.diagnostic.code}: "
                             f"{broken.diagnostic.message}); kontrollera uppgiften", "pagar": None, "kalla": where})
    return out


def _not_ruled_out(bundle: FactBundle, facilities: set[str], operator: str | None, inspector: set[str]) -> list[str]:
    """People in view the check cannot rule out: no readable personnummer, or found by name only."""
    people: dict[str, str] = {}  # person id -> why
    for kind, fields in PERSON_FIELDS.items():
        for fact in bundle.of(kind):
            here = getattr(fact, "verksamhet", None) in facilities or (
                operator and getattr(fact, "organisation", None) == operator)
            if not here:
                continue
            for name in fields:
                pid = getattr(fact, name, None)
                if pid is None or pid in inspector:
                    continue
                person = bundle.get("person", pid)
                if person is None or person.personnummer is None:
                    people.setdefault(pid, "utan personnummer")
                elif bundle.links.get((kind, fact.id)) or getattr(fact, "koppling", None):
                    people.setdefault(pid, "kopplad på namn")
    for broken in bundle.broken:  # a record that could not be read still says who it was about
        if broken.kind not in PERSON_FIELDS:
            continue
        if not _may_be_here(broken, facilities, operator):
            continue
        for name in PERSON_FIELDS[broken.kind]:
            pid = broken.ref(name)
            if pid and pid not in inspector:
                person = bundle.get("person", pid)
                if person is None or person.personnummer is None:
                    people.setdefault(pid, "utan personnummer")
    broken_people = {b.id: b.raw.get("namn") for b in bundle.broken if b.kind == "person" and b.id}
    out = []
    for pid, why in people.items():
        person = bundle.get("person", pid)
        name = person.namn if person is not None else broken_people.get(pid) or pid
        why = "personnumret kunde inte läsas" if person is None and pid in broken_people else why
        out.append(f"{name} ({why})")
    return sorted(out)
