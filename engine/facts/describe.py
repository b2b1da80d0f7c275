"""Short Swedish labels for facts, used in findings and reports."""

from __future__ import annotations

from datetime import date
from typing import Any

from regelkoll.facts.model import YRKEN
from regelkoll.facts.words import (
    BROTT_WORDS,
    CODE_WORDS,
    ROLL_WORDS,
    STATUS_WORDS,
    VERKSAMHETSTYP_WORDS,
    YRKE_WORDS,
    code_word,
)

# views of the one registry of words (engine/facts/words.py), by the names the brief and the screening use
FORM_SV = {c: CODE_WORDS[c] for c in ("anstallning", "uppdrag", "praktik", "volontar")}
TYPE_SV = VERKSAMHETSTYP_WORDS
ROLL_SV = ROLL_WORDS
BROTT_SV = BROTT_WORDS
STATUS_SV = STATUS_WORDS
YRKE_SV = {code: YRKE_WORDS[code] for code in YRKEN}  # the 22 professions, without undersköterska


def code_sv(field: str, value: Any) -> Any:
    return code_word(field, value)


def field_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [field_value(v) for v in value]
    return value


def describe(kind: str, fact: Any, facts: dict) -> str:
    if kind == "engagemang":
        who = person_name(facts, fact.person)
        end = f"–{fact.slut.isoformat()}" if fact.slut else ""
        return f"{who}, {FORM_SV.get(fact.form, fact.form)} {fact.start.isoformat()}{end}"
    if kind == "verksamhet":
        return f"{fact.namn} ({TYPE_SV.get(fact.typ, fact.typ)})"
    if kind == "foretradare":
        org = facts.get(("organisation", fact.organisation))
        who = person_name(facts, fact.person)
        where = org.namn if org is not None else fact.organisation
        since = f"från {fact.fran.isoformat()}" if fact.fran else f"enligt uppgift per {fact.uppgift_per or '?'}"
        return f"{who}, {ROLL_SV.get(fact.roll, fact.roll)} hos {where} {since}"
    if kind == "placering":
        return f"{fact.klient}, inskriven {fact.inskriven.isoformat()}"
    if kind == "belaggning":
        return f"beläggningen {fact.datum.isoformat()} ({fact.antal} inskrivna)"
    if kind == "beslut":
        return f"beslut {fact.beslutsdatum.isoformat()} om {fact.insats} ({fact.lag.upper()})"
    if kind == "avbrott":
        decision = facts.get(("beslut", fact.beslut))
        what = f" i {decision.insats}" if decision is not None else ""
        return f"avbrott{what} från {fact.fran.isoformat()}"
    if kind == "rapportkvartal":
        decision = facts.get(("beslut", fact.beslut))
        what = f"beslut {decision.beslutsdatum.isoformat()} om {decision.insats}" if decision is not None else fact.beslut
        cause = "avbrott i " if fact.grund == "avbrott" else ""
        return f"{cause}{what}, kvartalsrapporten för kvartalet som slutade {fact.kvartal_slut.isoformat()}"
    if kind == "kretsperson":
        who = person_name(facts, fact.person)
        return f"{who}, {ROLL_SV.get(fact.roll, fact.roll)} enligt ansökan"
    if kind == "ansokan":
        what = f" ({code_sv('verksamhetstyp', fact.verksamhetstyp)})" if fact.verksamhetstyp else ""
        return f"Ansökan från {fact.namn}{what}"
    if kind == "behandling":
        return f"behandling {fact.datum.isoformat()} ({fact.id})"
    if kind == "person":
        return person_name(facts, fact.id)
    if kind == "organisation":
        return f"{fact.namn} (huvudman)"
    name = getattr(fact, "namn", None)
    return f"{name} ({kind} {fact.id})" if name else f"{kind} {fact.id}"


def person_name(facts: dict, person_id: str) -> str:
    """A person as a report identifies them: the name and the personnummer (masked on the way out unless
    personal data is to be shown), or the id when the data has no such person."""
    person = facts.get(("person", person_id))
    if person is None:
        return person_id
    return f"{person.namn} ({person.personnummer[:8]}-{person.personnummer[8:]})" if person.personnummer \
        else person.namn


# fields that name an organisation without being declared a reference (derived, never given)
_ORGANISATION_FIELDS = {"huvudman": "organisation"}
_NAMED = ("person", "verksamhet", "organisation", "ansokan")


def reference_names(kind: str, fact: Any, facts: dict, shown: Any) -> dict[str, str]:
    """The names of the people and facilities a fact's `shown` fields point at, and its own if it is one."""
    out: dict[str, str] = {}
    targets = {**_ORGANISATION_FIELDS, **type(fact).references, **({"id": kind} if kind in _NAMED else {})}
    for name, target in targets.items():
        ref = getattr(fact, name, None)
        if name not in shown or target not in _NAMED or not isinstance(ref, str):
            continue
        if target == "person":
            if ("person", ref) in facts:
                out[name] = person_name(facts, ref)
        elif (found := facts.get((target, ref))) is not None:
            out[name] = found.namn
    return out
