"""The small application form of `/ansokan`, turned into the application file format (fixtures/ansokningar/*.yaml).

Only what the screening uses is asked: the applicant, its circle of owners and management, the activity with its
target group and ages, what the statute requires an application to describe, the manager and the signature. The
file made from it is screened as an uploaded one is; the screening's field paths are mapped back to the form's
fields, so that an error is shown at the field it is about.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, get_args

import yaml

from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.model import Kretsroll, Organisationsform, Verksamhetstyp
from regelkoll.facts.words import CODE_WORDS, ROLL_WORDS, VERKSAMHETSTYP_WORDS
from regelkoll.web.page_common import invalid

PEOPLE = 3  # rows for the circle of owners and management

TEXTS = {  # the activity's descriptions the statute asks for: form field -> field of `verksamhet`
    "drift": "Hur verksamheten ska bedrivas",
    "omfattning": "Omfattning",
    "finansiering": "Finansiering",
    "kompetensutveckling": "Personalens kompetensutveckling",
    "lagefterlevnad": "Hur lagar och föreskrifter ska följas",
    "brukarinflytande": "Brukarnas inflytande",
    "kontaktrutiner": "Rutiner för kontakter (anhöriga, myndigheter)",
}
NUMBERS = {"platser": "Antal platser", "alder_fran": "Ålder från (år)", "alder_till": "Ålder till (år)"}
DATES = {"inkom": "Ansökan inkom", "underskrift_datum": "Underskriven den"}

CHOICES = {
    "avser": [("ny", "nytt tillstånd"), ("andring", "ändring av tillstånd")],
    "sokande_form": [("", "ej angiven")] + [(c, CODE_WORDS.get(c, c)) for c in get_args(Organisationsform)],
    "verksamhet_typ": [("", "välj typ")] + [(c, VERKSAMHETSTYP_WORDS.get(c, c)) for c in get_args(Verksamhetstyp)],
    "roll": [("", "välj roll")] + [(c, ROLL_WORDS.get(c, c)) for c in get_args(Kretsroll)],
    "barn": [("", "ej angivet"), ("ja", "ja"), ("nej", "nej")],
}


def labels() -> dict[str, str]:
    out = {"datamangd": "Underlag", "avser": "Ansökan avser", "sokande_namn": "Sökandens namn",
           "sokande_orgnr": "Organisationsnummer", "sokande_form": "Organisationsform",
           "firmatecknare": "Firmatecknare", "bolagsordning": "Bolagsordningen är bifogad",
           "verksamhet_typ": "Typ av verksamhet", "verksamhet_namn": "Verksamhetens namn", "kommun": "Kommun",
           "barn": "Riktar sig till barn", "ritningar": "Ritningar över lokalerna är bifogade",
           "brandskydd": "Brandskyddet är beskrivet", "forestandare_namn": "Föreståndarens namn",
           "forestandare_personnummer": "Föreståndarens personnummer",
           "forestandare_erfarenhet": "Föreståndarens erfarenhet", "underskrift_namn": "Underskriven av",
           "fil": "Ansökningsfil", **TEXTS, **NUMBERS, **DATES}
    for n in range(1, PEOPLE + 1):
        out.update({f"person_{n}_namn": f"Person {n}: namn", f"person_{n}_personnummer": f"Person {n}: personnummer",
                    f"person_{n}_roll": f"Person {n}: roll"})
    return out


def to_application(values: dict[str, str]) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The application file's content from the form's values (strings), and what in them cannot be used."""
    problems: list[Diagnostic] = []

    def number(name: str) -> int | None:
        text = values.get(name, "").strip()
        if not text:
            return None
        if not re.fullmatch(r"[0-9]{1,4}", text):
            problems.append(invalid(name, f"'{text}' är inget heltal", "skriv siffror, t.ex. 8"))
            return None
        return int(text)

    def day(name: str) -> date | None:
        text = values.get(name, "").strip()
        if not text:
            return None
        try:
            if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
                return date.fromisoformat(text)
        except ValueError:
            pass
        problems.append(invalid(name, f"'{text}' är inget datum", "skriv ÅÅÅÅ-MM-DD"))
        return None

    def text(name: str) -> str | None:
        return values.get(name, "").strip() or None

    for name, options in CHOICES.items():
        fields = [f"person_{n}_roll" for n in range(1, PEOPLE + 1)] if name == "roll" else [name]
        for field in fields:
            if values.get(field, "") not in {value for value, _ in options}:
                problems.append(invalid(field, f"'{values.get(field)}' är inget av valen"))
    applicant = {"organisationsnummer": text("sokande_orgnr"), "namn": text("sokande_namn"),
                 "organisationsform": text("sokande_form"),
                 "firmatecknare": [n.strip() for n in values.get("firmatecknare", "").split(",") if n.strip()],
                 "bolagsordning_bifogad": values.get("bolagsordning") == "1"}
    activity: dict[str, Any] = {"typ": text("verksamhet_typ"), "namn": text("verksamhet_namn"),
                                "kommun": text("kommun")}
    activity.update({name: number(name) for name in NUMBERS})
    activity["riktar_sig_till_barn"] = {"ja": True, "nej": False}.get(values.get("barn", ""))
    activity.update({name: text(name) for name in TEXTS})
    activity["lokaler"] = {"ritningar_bifogade": values.get("ritningar") == "1",
                           "brandskydd_beskrivet": values.get("brandskydd") == "1"}
    people = []
    for n in range(1, PEOPLE + 1):
        person = {"namn": text(f"person_{n}_namn"), "personnummer": text(f"person_{n}_personnummer"),
                  "roll": text(f"person_{n}_roll")}
        if any(person.values()):
            people.append(_kept(person))
    document: dict[str, Any] = {"avser": values.get("avser") or "ny", "inkom": day("inkom"),
                                "sokande": _kept(applicant), "personkrets": people, "verksamhet": _kept(activity)}
    manager = {"namn": text("forestandare_namn"), "personnummer": text("forestandare_personnummer"),
               "erfarenhet": text("forestandare_erfarenhet")}
    if any(manager.values()):
        document["forestandare"] = _kept(manager)
    signed = {"namn": text("underskrift_namn"), "datum": day("underskrift_datum")}
    if any(signed.values()):
        document["underskrift"] = _kept(signed)
    return _kept(document), problems


def _kept(mapping: dict[str, Any]) -> dict[str, Any]:
    """Without the fields left empty: an empty field is one the applicant did not fill in."""
    return {k: v for k, v in mapping.items() if v is not None and v != [] and v != {}}


def to_yaml(document: dict[str, Any]) -> bytes:
    head = "# Ansökan ifylld i Regelkolls formulär\n"
    return (head + yaml.safe_dump(document, allow_unicode=True, sort_keys=False)).encode("utf-8")


def form_field(path: str) -> str:
    """The form field a screening diagnostic's field path is about ("" when none of the form's)."""
    parts = path.split(".")
    if parts[:1] == ["personkrets"] and len(parts) >= 2 and parts[1].isdigit():
        n = int(parts[1]) + 1
        rest = parts[2] if len(parts) > 2 else "namn"
        return f"person_{n}_{rest}" if rest in ("namn", "personnummer", "roll") else f"person_{n}_namn"
    simple = {"sokande.organisationsnummer": "sokande_orgnr", "sokande.namn": "sokande_namn",
              "sokande.organisationsform": "sokande_form", "sokande.firmatecknare": "firmatecknare",
              "verksamhet.typ": "verksamhet_typ", "verksamhet.namn": "verksamhet_namn", "verksamhet.kommun": "kommun",
              "verksamhet.riktar_sig_till_barn": "barn", "forestandare.namn": "forestandare_namn",
              "forestandare.personnummer": "forestandare_personnummer", "forestandare": "forestandare_namn",
              "underskrift.namn": "underskrift_namn", "underskrift.datum": "underskrift_datum", "inkom": "inkom",
              "avser": "avser"}
    if path in simple:
        return simple[path]
    if parts[0] == "verksamhet" and len(parts) == 2 and parts[1] in {**TEXTS, **NUMBERS}:
        return parts[1]
    return ""
