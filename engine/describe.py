"""Short Swedish labels for facts, used in findings and reports."""

from __future__ import annotations

from datetime import date
from typing import Any

FORM_SV = {"anstallning": "anställning", "uppdrag": "uppdrag", "praktik": "praktik", "volontar": "volontärarbete"}
TYPE_SV = {
    "hvb": "HVB", "stodboende": "stödboende", "skyddat_boende": "skyddat boende", "sis_hem": "SiS-hem",
    "familjehem": "familjehem", "lss_bostad_barn": "LSS bostad för barn (9 § 8)",
    "lss_bostad_vuxna": "LSS bostad för vuxna (9 § 9)", "lss_korttidsvistelse": "LSS korttidsvistelse (9 § 6)",
    "lss_korttidstillsyn": "LSS korttidstillsyn (9 § 7)", "lss_daglig_verksamhet": "LSS daglig verksamhet (9 § 10)",
    "lss_personlig_assistans": "LSS personlig assistans (9 § 2)", "hemtjanst": "hemtjänst",
    "sarskilt_boende": "särskilt boende", "estetisk_klinik": "estetisk klinik",
}


def field_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [field_value(v) for v in value]
    return value


def describe(kind: str, fact: Any, facts: dict) -> str:
    if kind == "engagemang":
        person = facts.get(("person", fact.person))
        who = person.namn if person is not None else fact.person
        end = f"–{fact.slut.isoformat()}" if fact.slut else ""
        return f"{who}, {FORM_SV.get(fact.form, fact.form)} {fact.start.isoformat()}{end}"
    if kind == "verksamhet":
        return f"{fact.namn} ({TYPE_SV.get(fact.typ, fact.typ)})"
    name = getattr(fact, "namn", None)
    return f"{name} ({kind} {fact.id})" if name else f"{kind} {fact.id}"
