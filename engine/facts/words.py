"""Swedish words for the fact model: a label for every field and a word for every coded value.

Rules and bundles write ASCII codes (`sjukskoterska`, `nal_fyllnadsmedel`, `utforare`); a report shows the
words an inspector reads. The codes themselves are read from the model's Literal types (`model_codes`), so
that a value added to the model without a word here fails tests/test_report_words.py instead of reaching a
report as a code.
"""

from __future__ import annotations

from functools import lru_cache
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

from regelkoll.facts import model

# the fact kinds as nouns (evidence and summaries name a record by its kind)
KIND_WORDS = {
    "organisation": "huvudman", "verksamhet": "verksamhet", "tillstand": "tillstånd",
    "tillstandsperiod": "tillståndsperiod", "person": "person", "engagemang": "engagemang",
    "registerutdrag": "registerutdrag", "placering": "placering", "belaggning": "beläggning",
    "foretradare": "företrädare", "dom": "dom", "ekonomisk_anmarkning": "ekonomisk anmärkning", "beslut": "beslut",
    "avbrott": "avbrott", "rapportering": "rapportering", "rapportkvartal": "kvartalsrapport",
    "legitimation": "legitimation", "legitimationsperiod": "legitimationsperiod", "specialistbevis": "specialistbevis",
    "sarskilt_forordnande": "särskilt förordnande", "underskoterskebevis": "undersköterskebevis",
    "behandling": "behandling", "journal": "journal", "ansokan": "ansökan", "kretsperson": "kretsperson",
    "kontext": "kontext",
}

FIELD_WORDS = {
    "agande": "ägande", "alder": "ålder", "alder_fran": "ålder från", "alder_till": "ålder till",
    "anmald": "anmäld till IVO", "anmald_ivo": "anmäld till IVO", "ansokan": "ansökan", "antal": "antal",
    "aterupptaget": "återupptaget", "avbrott": "avbrott", "avser": "avser", "avslutat": "avslutat",
    "beskrivning": "beskrivning", "beslut": "beslut", "beslutsdatum": "beslutsdatum", "bevarat_till": "sparas till",
    "bosatt_i_hemmet": "bor i hemmet", "brott": "brott", "datum": "datum", "delegerad": "delegerad",
    "delegeringsbeslut": "delegeringsbeslut", "erbjuden": "erbjuden", "foljande_status": "följande status",
    "forelder_till_mottagaren": "förälder till mottagaren", "forestandare": "föreståndare", "form": "form",
    "fran": "från", "grund": "grund", "huvudman": "huvudman", "id": "id", "information": "information",
    "information_omfattar": "informationen omfattade", "ingrepp": "ingrepp", "injektionsslag": "injektionsslag",
    "injicerat": "injicerat", "innehall": "innehåll", "insats": "insats", "inskriven": "inskriven",
    "kalla": "källa", "klient": "klient", "kommun": "kommun", "kontaktperson": "kontaktperson",
    "koppling": "koppling", "kvartal_nr": "kvartalsrapport nr", "kvartal_slut": "kvartalets slut", "lag": "lag",
    "lakemedel": "receptbelagt läkemedel", "lamplighet_dokumenterad": "lämplighetsbedömning dokumenterad",
    "legitimation": "legitimation", "malgrupp": "målgrupp", "malgrupper": "målgrupper", "namn": "namn",
    "okant": "okänt", "omfattar": "omfattar", "ordination": "ordination", "organisation": "organisation",
    "organisationsform": "organisationsform", "organisationsnummer": "organisationsnummer", "patient": "patient",
    "patient_alder": "patientens ålder", "per_datum": "bedömningsdag", "person": "person",
    "personnummer": "personnummer", "platser": "platser", "regi": "regi",
    "riktar_sig_till_barn": "riktar sig till barn", "roll": "roll", "samtycke": "samtycke", "slag": "slag",
    "slut": "slut", "specialitet": "specialitet", "start": "start", "startdatum": "startdatum", "status": "status",
    "tar_emot_barn": "tar emot barn", "teknik": "teknik", "till": "till", "tillstand": "tillstånd",
    "titel": "titel", "typ": "typ", "uppgift_per": "uppgift per", "upphorde": "upphörde",
    "upprattad": "upprättad", "upprepning": "upprepning", "uppvisat": "uppvisat", "utfardat": "utfärdat",
    "utforare": "utförare", "utovar": "utövar yrke", "utskriven": "utskriven", "verksamhet": "verksamhet",
    "verksamhetstyp": "verksamhetstyp", "verkstallt": "verkställt", "villkor": "villkor",
    "visat_kvarstar": "visat kvarstå", "yrke": "yrke",
}

# the 22 professions of PSL 4 kap. 1 § and undersköterska, as they are written in Swedish
YRKE_WORDS = {
    "apotekare": "apotekare", "arbetsterapeut": "arbetsterapeut", "audionom": "audionom", "barnmorska": "barnmorska",
    "biomedicinsk_analytiker": "biomedicinsk analytiker", "dietist": "dietist", "fysioterapeut": "fysioterapeut",
    "halso_och_sjukvardskurator": "hälso- och sjukvårdskurator", "kiropraktor": "kiropraktor",
    "logoped": "logoped", "lakare": "läkare", "naprapat": "naprapat", "optiker": "optiker",
    "ortopedingenjor": "ortopedingenjör", "psykolog": "psykolog", "psykoterapeut": "psykoterapeut",
    "receptarie": "receptarie", "rontgensjukskoterska": "röntgensjuksköterska", "sjukhusfysiker": "sjukhusfysiker",
    "sjukskoterska": "sjuksköterska", "tandhygienist": "tandhygienist", "tandlakare": "tandläkare",
    "underskoterska": "undersköterska",
}
VERKSAMHETSTYP_WORDS = {
    "hvb": "HVB", "stodboende": "stödboende", "skyddat_boende": "skyddat boende", "sis_hem": "SiS-hem",
    "familjehem": "familjehem", "lss_radgivning": "LSS råd och stöd (9 § 1)",
    "lss_bostad_barn": "LSS bostad för barn (9 § 8)", "lss_bostad_vuxna": "LSS bostad för vuxna (9 § 9)",
    "lss_korttidsvistelse": "LSS korttidsvistelse (9 § 6)", "lss_korttidstillsyn": "LSS korttidstillsyn (9 § 7)",
    "lss_daglig_verksamhet": "LSS daglig verksamhet (9 § 10)", "lss_personlig_assistans": "LSS personlig assistans (9 § 2)",
    "hemtjanst": "hemtjänst", "sarskilt_boende": "särskilt boende", "estetisk_klinik": "estetisk klinik",
    "socialnamnd": "socialnämnd",
}
ROLL_WORDS = {
    "personal": "personal", "forestandare": "föreståndare", "familjehemsforalder": "familjehemsförälder",
    "verksamhetschef": "verksamhetschef", "vd": "verkställande direktör", "styrelseledamot": "styrelseledamot",
    "styrelsesuppleant": "styrelsesuppleant", "bolagsman": "bolagsman", "delagare": "delägare", "agare": "ägare",
    "firmatecknare": "firmatecknare", "verklig_huvudman": "verklig huvudman",
    "extern_vd": "extern verkställande direktör", "vice_vd": "vice verkställande direktör",
    "styrelseordforande": "styrelseordförande", "komplementar": "komplementär",
    "kommanditdelagare": "kommanditdelägare", "innehavare": "innehavare",
    "extern_firmatecknare": "extern firmatecknare", "annan_med_inflytande": "annan med väsentligt inflytande",
    "verksamhetsansvarig": "verksamhetsansvarig",
}
BROTT_WORDS = {
    "mord_drap": "mord eller dråp", "vald": "våldsbrott", "sexualbrott": "sexualbrott",
    "barnpornografibrott": "barnpornografibrott", "ran": "rån", "narkotikabrott": "narkotikabrott",
    "bedrageri": "bedrägeri", "skattebrott": "skattebrott", "bokforingsbrott": "bokföringsbrott",
    "borgenarsbrott": "borgenärsbrott", "penningtvatt": "penningtvätt", "arbetsmiljobrott": "arbetsmiljöbrott",
    "trafikbrott": "trafikbrott", "ovrigt": "annat brott",
}
STATUS_WORDS = {
    "aktivt": "aktivt", "vilande": "vilande", "aterkallat": "återkallat", "forbud": "förbud",
    "inhibition": "inhibition", "overklagat": "återkallelse överklagad", "upphort": "upphört",
    "giltig": "giltig", "provotid": "prövotid", "begransad_forskrivningsratt": "begränsad förskrivningsrätt",
    "interimistiskt_aterkallad": "interimistiskt återkallad", "aterkallad": "återkallad",
}
_TEKNIK = {"nal": "med nål", "ytlig": "ytlig", "nalfri": "nålfri"}
_INJICERAT = {"lakemedel": "läkemedel", "blod": "blod", "fyllnadsmedel": "fyllnadsmedel",
              "tatueringsfarg": "tatueringsfärg", "annat": "annat ämne"}
# injektionsslag is `<teknik>_<injicerat>`: named as the ordinance (2021:367) 2 § describes the kinds
_INJEKTION = {"nal": "nålinjektion", "ytlig": "ytlig injektion", "nalfri": "nålfri injektion"}
_INJEKTIONSSLAG = {f"{t}_{i}": f"{_INJEKTION[t]} av {w}" for t in _TEKNIK for i, w in _INJICERAT.items()}
# what the patient information must cover, förordning (2021:367) 4 § 1–10
_INFORMATIONSPUNKTER = {
    "alternativa_metoder": "alternativa behandlingsmetoder", "kostnad": "kostnaden",
    "forlopp_och_resultat": "förväntat förlopp och resultat", "patientforsakring": "vilken patientförsäkring som gäller",
    "ombehandling": "eventuell ombehandling", "kontaktperson": "kontaktperson vid komplikationer",
    "substanser": "vilka substanser och läkemedel som används", "risker": "väsentliga risker",
    "eftervard": "eftervård", "registrerad_hos_ivo": "att verksamheten är registrerad hos IVO",
}
# what a permit application must give (socialtjänstförordningen 4 kap. 1 och 1 b §§, förordning (1993:1090))
_ANSOKNINGSUPPGIFTER = {
    "verksamhet": "verksamhetens art", "huvudman": "vem som ska driva verksamheten",
    "drift_och_omfattning": "hur verksamheten ska bedrivas och dess omfattning", "malgrupp": "målgrupp",
    "barn_angivet": "om verksamheten tar emot barn", "finansiering": "finansiering", "forestandare": "föreståndare",
    "forestandare_identitet": "föreståndarens identitet", "personal": "personal",
    "personal_erfarenhet": "personalens utbildning och erfarenhet", "kompetensutveckling": "kompetensutveckling",
    "lagefterlevnad": "hur lagar och föreskrifter ska följas", "brukarinflytande": "brukarinflytande",
    "kontaktrutiner": "rutiner för kontakter", "ritningar": "ritningar över lokalerna", "brandskydd": "brandskydd",
    "lagenhetsforteckning": "lägenhetsförteckning", "bolagsordning": "bolagsordning eller stadgar",
    "firmatecknare": "firmatecknare", "personkrets": "personkrets", "underskrift": "underskrift",
}

CODE_WORDS = {
    **YRKE_WORDS, **VERKSAMHETSTYP_WORDS, **ROLL_WORDS, **BROTT_WORDS, **STATUS_WORDS, **_INJICERAT, **_INJEKTIONSSLAG,
    "nal": "med nål", "ytlig": "ytlig", "nalfri": "nålfri",
    "anstallning": "anställning", "uppdrag": "uppdrag", "praktik": "praktik", "volontar": "volontärarbete",
    "belastningsregistret": "belastningsregistret", "misstankeregistret": "misstankeregistret",
    "2007:171": "2007:171", "2010:479": "2010:479", "2013:852": "2013:852",
    "skuld_kronofogden": "skuld hos Kronofogden", "betalningsanmarkning": "betalningsanmärkning",
    "konkurs": "konkurs", "naringsforbud": "näringsförbud", "skattetillagg": "skattetillägg",
    "enskild": "enskild", "offentlig": "offentlig", "ja": "ja", "nej": "nej", "okant": "okänt", "ingen": "ingen",
    "injektion": "injektion", "kirurgi": "kirurgi", "individuell": "individuell ordination",
    "generellt_direktiv": "generellt direktiv", "saknas": "saknas", "sol": "SoL", "lss": "LSS",
    "beslut": "beslut", "avbrott": "avbrott", "ny": "ny verksamhet", "andring": "ändring",
    "direkt": "direkt", "indirekt": "indirekt",
    "aktiebolag": "aktiebolag", "handelsbolag": "handelsbolag", "kommanditbolag": "kommanditbolag",
    "ekonomisk_forening": "ekonomisk förening", "ideell_forening": "ideell förening", "stiftelse": "stiftelse",
    "enskild_firma": "enskild firma",
    **_INFORMATIONSPUNKTER,
    "verksamhet": "verksamhet", "huvudman": "huvudman", "malgrupp": "målgrupp",
}
# a field whose codes name items of a list the statute requires reads them as those items
FIELD_CODE_WORDS = {"innehall": _ANSOKNINGSUPPGIFTER, "information_omfattar": _INFORMATIONSPUNKTER}
# fields of free codes (target groups, specialties): the codes in use have words; others read with spaces
FREE_CODE_FIELDS = frozenset({"malgrupp", "malgrupper", "specialitet"})
FREE_CODE_WORDS = {
    "psykosocial_problematik": "psykosocial problematik", "missbruk": "missbruk",
    "vald_i_nara_relation": "våld i nära relation", "unga_vuxna": "unga vuxna", "barn_och_unga": "barn och unga",
    "allmanmedicin": "allmänmedicin", "dermatologi": "dermatologi", "plastikkirurgi": "plastikkirurgi",
}


def kind_word(kind: str) -> str:
    """A fact kind as a Swedish noun."""
    return KIND_WORDS.get(kind, kind.replace("_", " "))


def field_word(name: str) -> str:
    """A field's Swedish label; `alias.field` and unknown names read without underscores."""
    name = name.rsplit(".", 1)[-1]
    return FIELD_WORDS.get(name, name.replace("_", " "))


def code_word(field: str, value: Any) -> Any:
    """A coded value of field `field` in Swedish words; a list word by word; anything else as it is."""
    name = field.rsplit(".", 1)[-1]
    if isinstance(value, list):
        return [code_word(name, v) for v in value]
    if not isinstance(value, str):
        return value
    own = FIELD_CODE_WORDS.get(name)
    if own is not None and value in own:
        return own[value]
    if name in FREE_CODE_FIELDS:
        return FREE_CODE_WORDS.get(value, value.replace("_", " "))
    if name in _CODED_FIELDS:
        return CODE_WORDS.get(value, value)
    return value


def _literals(annotation: Any) -> set[str]:
    origin = get_origin(annotation)
    if origin is Literal:
        return {v for a in get_args(annotation) for v in (_literals(a) if get_origin(a) is Literal else {a})}
    if origin in (Union, UnionType, list):
        return {v for a in get_args(annotation) if a is not NoneType for v in _literals(a)}
    return set()


_RECORDS = (*model.FACT_KINDS.values(), model.Kontext, model.Statusandring, model.Legitimationsandring)


@lru_cache(maxsize=None)
def model_codes() -> dict[str, frozenset[str]]:
    """Field name -> the codes the model allows in it (over every kind), with the derived `injektionsslag`."""
    out: dict[str, set[str]] = {}
    for record in _RECORDS:
        for name, info in record.model_fields.items():
            found = _literals(info.annotation)
            if found:
                out.setdefault(name, set()).update(found)
    out["injektionsslag"] = {"kirurgi"} | {f"{t}_{i}" for t in _literals(model.Injektionsteknik)
                                           for i in _literals(model.Injicerat)}
    return {name: frozenset(codes) for name, codes in out.items()}


def model_fields() -> frozenset[str]:
    """Every field name of the fact model."""
    return frozenset(name for record in _RECORDS for name in record.model_fields)


_CODED_FIELDS = frozenset(model_codes())
