"""Swedish words for what a request asks about: the facts and their fields as an inspector names them."""

from __future__ import annotations

from typing import Any

from regelkoll.facts.describe import YRKE_SV, describe

# what a missing field is, as a thing to ask for; the key is (kind, field)
FIELD_SV = {
    ("registerutdrag", "uppvisat"): "vilken dag registerutdraget visades upp för arbetsgivaren",
    ("registerutdrag", "utfardat"): "vilken dag registerutdraget utfärdades",
    ("registerutdrag", "bevarat_till"): "hur länge registerutdraget sparas",
    ("registerutdrag", "omfattar"): "vilka register utdraget omfattar",
    ("engagemang", "start"): "vilken dag personen började",
    ("engagemang", "slut"): "om och när engagemanget upphörde",
    ("engagemang", "erbjuden"): "vilken dag engagemanget erbjöds",
    ("engagemang", "forelder_till_mottagaren"): "om personen är förälder till barnet som får insatsen",
    ("engagemang", "bosatt_i_hemmet"): "om personen bor i hemmet",
    ("engagemang", "titel"): "vilken yrkestitel personen använder",
    ("legitimationsperiod", "fran"): "ett utdrag ur HOSP som visar från vilken dag legitimationen har sin status",
    ("legitimation", "status"): "ett aktuellt utdrag ur HOSP om legitimationen",
    ("placering", "utskriven"): "om och när den placerade skrevs ut",
    ("placering", "lamplighet_dokumenterad"): "dokumentationen av lämplighetsbedömningen före inskrivningen",
    ("placering", "inskriven"): "vilken dag den placerade skrevs in",
    ("beslut", "verkstallt"): "om och när beslutet verkställdes",
    ("beslut", "avslutat"): "om och när beslutet upphörde",
    ("avbrott", "aterupptaget"): "om och när insatsen återupptogs",
    ("verksamhet", "startdatum"): "vilken dag verksamheten startade",
    ("verksamhet", "upphorde"): "om och när verksamheten upphörde",
    ("verksamhet", "anmald_ivo"): "vilken dag verksamheten anmäldes till IVO:s register",
    ("verksamhet", "tar_emot_barn"): "om verksamheten tar emot barn",
    ("foretradare", "fran"): "sedan vilken dag personen har rollen",
    ("foretradare", "till"): "om och när personen lämnade rollen",
    ("foretradare", "anmald"): "vilken dag personen anmäldes till IVO",
    ("behandling", "information"): "vilken dag informationen gavs och dokumenterades",
    ("behandling", "information_omfattar"): "vad den dokumenterade informationen omfattade",
    ("behandling", "samtycke"): "vilken dag samtycket gavs",
    ("behandling", "delegeringsbeslut"): "det skriftliga delegeringsbeslutet",
    ("behandling", "teknik"): "hur injektionen gavs (med nål, ytligt eller nålfritt)",
    ("behandling", "injicerat"): "vad som injicerades",
    ("behandling", "ordination"): "hur läkemedlet ordinerades",
    ("tillstandsperiod", "till"): "om och när tillståndets status ändrades",
    ("person", "personnummer"): "personnumret",
}

KIND_SV = {
    "registerutdrag": "registerutdraget", "engagemang": "engagemanget", "legitimation": "legitimationen",
    "legitimationsperiod": "legitimationen", "placering": "placeringen", "beslut": "beslutet",
    "avbrott": "avbrottet", "verksamhet": "verksamheten", "foretradare": "uppdraget", "behandling": "behandlingen",
    "tillstand": "tillståndet", "tillstandsperiod": "tillståndet", "person": "personen", "journal": "journalen",
    "organisation": "huvudmannen", "dom": "domen", "ekonomisk_anmarkning": "anmärkningen",
    "specialistbevis": "specialistbeviset", "sarskilt_forordnande": "förordnandet",
    "underskoterskebevis": "beviset", "rapportering": "rapporten", "rapportkvartal": "kvartalsrapporten",
    "belaggning": "beläggningen",
}


# what to ask for when a record of this kind could not be used
DOCUMENT_SV = {
    "legitimation": "ett aktuellt utdrag ur HOSP (Socialstyrelsens register över legitimerad hälso- och sjukvårdspersonal) "
                    "om",
    "legitimationsperiod": "ett aktuellt utdrag ur HOSP (Socialstyrelsens register över legitimerad hälso- och "
                           "sjukvårdspersonal) om",
    "registerutdrag": "registerutdraget eller arbetsgivarens anteckning om kontrollen:",
    "engagemang": "anställningsavtalet eller uppdragsavtalet:",
    "foretradare": "ett registreringsbevis från Bolagsverket som visar",
    "tillstand": "tillståndsbeslutet:",
}



QUESTION_WORDS = ("om ", "vilken ", "vilka ", "vad ", "hur ", "sedan ", "när ")


def field_sv(kind: str, name: str) -> str:
    return FIELD_SV.get((kind, name)) or f"uppgiften '{name.replace('_', ' ')}' i {KIND_SV.get(kind, kind)}"


def request_sv(kind: str, names: tuple[str, ...]) -> str:
    """'Fråga vilken dag …' for what is asked, 'Begär …' for a document or a recorded value."""
    wanted = [field_sv(kind, name) for name in names]
    questions = [w for w in wanted if w.startswith(QUESTION_WORDS)]
    things = [w for w in wanted if not w.startswith(QUESTION_WORDS)]
    parts = ([f"Fråga {' och '.join(questions)}"] if questions else []) + (
        [f"{'begär' if questions else 'Begär'} {' och '.join(things)}"] if things else [])
    return "; ".join(parts)


def _person(facts: dict, person_id: str) -> str:
    person = facts.get(("person", person_id))
    if person is not None:
        return person.namn
    return facts.get(("person-namn", person_id)) or f"person {person_id}"


def fact_label(kind: str, fact_id: str, facts: dict) -> str:
    """A fact named as a person reads it; a fact not in view keeps its kind and id."""
    fact = facts.get((kind, fact_id))
    if fact is None and kind == "person":
        return _person(facts, fact_id)
    if fact is None:
        return f"{KIND_SV.get(kind, kind)} {fact_id or '(utan id)'}".strip()
    if kind == "registerutdrag":
        return f"registerutdraget för {_person(facts, fact.person)} utfärdat {fact.utfardat.isoformat()} ({fact.id})"
    if kind in ("legitimation", "legitimationsperiod"):
        return f"legitimationen som {YRKE_SV.get(fact.yrke, fact.yrke)} för {_person(facts, fact.person)}"
    if kind == "behandling":
        return (f"behandlingen {fact.datum.isoformat()} ({fact.ingrepp}) av {_person(facts, fact.utforare)}, "
                f"patient {fact.patient}")
    if kind == "person":
        return fact.namn
    return describe(kind, fact, facts)


def subject_label(item: dict[str, Any]) -> str:
    return item["subject"]["label"] or f"{item['subject']['kind']} {item['subject']['id']}"
