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


ROLL_SV = {"personal": "personal", "forestandare": "föreståndare", "familjehemsforalder": "familjehemsförälder",
           "vd": "verkställande direktör", "styrelseledamot": "styrelseledamot", "styrelsesuppleant": "styrelsesuppleant",
           "bolagsman": "bolagsman", "delagare": "delägare", "agare": "ägare", "firmatecknare": "firmatecknare",
           "verklig_huvudman": "verklig huvudman", "extern_vd": "extern verkställande direktör",
           "vice_vd": "vice verkställande direktör", "styrelseordforande": "styrelseordförande",
           "komplementar": "komplementär", "kommanditdelagare": "kommanditdelägare", "innehavare": "innehavare",
           "extern_firmatecknare": "extern firmatecknare", "annan_med_inflytande": "annan med väsentligt inflytande",
           "verksamhetsansvarig": "verksamhetsansvarig"}
BROTT_SV = {"mord_drap": "mord eller dråp", "vald": "våldsbrott", "sexualbrott": "sexualbrott",
            "barnpornografibrott": "barnpornografibrott", "ran": "rån", "narkotikabrott": "narkotikabrott",
            "bedrageri": "bedrägeri", "skattebrott": "skattebrott", "bokforingsbrott": "bokföringsbrott",
            "borgenarsbrott": "borgenärsbrott", "penningtvatt": "penningtvätt", "arbetsmiljobrott": "arbetsmiljöbrott",
            "trafikbrott": "trafikbrott", "ovrigt": "annat brott"}
ANMARKNING_SV = {"skuld_kronofogden": "skuld hos Kronofogden", "betalningsanmarkning": "betalningsanmärkning",
                 "konkurs": "konkurs", "naringsforbud": "näringsförbud", "skattetillagg": "skattetillägg"}
STATUS_SV = {"aktivt": "aktivt", "vilande": "vilande", "aterkallat": "återkallat", "forbud": "förbud",
             "inhibition": "inhibition", "overklagat": "återkallelse överklagad", "upphort": "upphört",
             "aterkallad": "återkallad", "interimistiskt_aterkallad": "interimistiskt återkallad"}
# the 22 professions of PSL 4 kap. 1 § as they are written in Swedish
YRKE_SV = {"apotekare": "apotekare", "arbetsterapeut": "arbetsterapeut", "audionom": "audionom",
           "barnmorska": "barnmorska", "biomedicinsk_analytiker": "biomedicinsk analytiker", "dietist": "dietist",
           "fysioterapeut": "fysioterapeut", "halso_och_sjukvardskurator": "hälso- och sjukvårdskurator",
           "kiropraktor": "kiropraktor", "logoped": "logoped", "lakare": "läkare", "naprapat": "naprapat",
           "optiker": "optiker", "ortopedingenjor": "ortopedingenjör", "psykolog": "psykolog",
           "psykoterapeut": "psykoterapeut", "receptarie": "receptarie", "rontgensjukskoterska": "röntgensjuksköterska",
           "sjukhusfysiker": "sjukhusfysiker", "sjukskoterska": "sjuksköterska", "tandhygienist": "tandhygienist",
           "tandlakare": "tandläkare"}

# Swedish words for coded values, by field name, for messages and labels (codes stay in JSON evidence)
CODES_SV = {"roll": ROLL_SV, "brott": BROTT_SV, "typ": {**TYPE_SV, **ANMARKNING_SV}, "status": STATUS_SV,
            "form": FORM_SV, "verksamhetstyp": {**TYPE_SV, "lss_radgivning": "LSS råd och stöd (9 § 1)",
                                                "socialnamnd": "socialnämnd"}}


def code_sv(field: str, value: Any) -> Any:
    if isinstance(value, str):
        table = CODES_SV.get(field.rsplit(".", 1)[-1])
        if table is not None:
            return table.get(value, value.replace("_", " "))
        if field.rsplit(".", 1)[-1] == "malgrupp":
            return value.replace("_", " ")
    return value


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
    if kind == "foretradare":
        person = facts.get(("person", fact.person))
        org = facts.get(("organisation", fact.organisation))
        who = person.namn if person is not None else fact.person
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
        person = facts.get(("person", fact.person))
        who = person.namn if person is not None else fact.person
        return f"{who}, {ROLL_SV.get(fact.roll, fact.roll)} enligt ansökan"
    if kind == "ansokan":
        what = f" ({code_sv('verksamhetstyp', fact.verksamhetstyp)})" if fact.verksamhetstyp else ""
        return f"Ansökan från {fact.namn}{what}"
    name = getattr(fact, "namn", None)
    return f"{name} ({kind} {fact.id})" if name else f"{kind} {fact.id}"
