"""What one staff roster row means, whichever format it came in (CSV or PAXml).

Both roster adapters hand a `RosterRow` of texts as written to `emit`, so that an anställningsform, a
befattning or a date means the same in either format. Nothing is guessed: an employment form, a unit or
an employer that is not known makes that row's engagement broken with a coded problem, so the rules that
need it are undetermined for the person instead of judging a made-up engagement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import Kalla
from regelkoll.adapters.values import ValueProblem, display_name, fold, parse_date, parse_fraction, slug
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import Place
from regelkoll.facts.describe import YRKE_SV
from regelkoll.facts.model import ENSAMRATT
from regelkoll.personal_data import mask_text, refuse_personnummer

# anställningsform as rosters write it (folded) → the model's Engagemangsform. Exact after folding, never by
# substring: an unknown text is reported, not read as the nearest form.
_FORMS = {
    "anstallning": ("tillsvidare", "tillsvidareanstallning", "tillsvidareanstalld", "provanstallning",
                    "provanstalld", "visstid", "visstidsanstallning", "visstidsanstalld", "sarskildvisstid",
                    "sarskildvisstidsanstallning", "allmanvisstidsanstallning", "vikariat", "vikarie",
                    "timanstalld", "timanstallning", "behovsanstalld", "behovsanstallning", "sasong",
                    "sasongsanstallning", "sasongsanstalld", "intermittent", "intermittentanstallning",
                    "intermittentanstalld", "inhyrd", "inhyrdbemanning", "bemanning", "bemanningspersonal",
                    "anstallning", "anstalld"),
    "uppdrag": ("uppdrag", "uppdragstagare", "konsult", "konsultuppdrag"),
    "praktik": ("praktik", "praktikant"),
    "volontar": ("volontar", "volontararbete"),
}
FORMS = {text: form for form, texts in _FORMS.items() for text in texts}
AGENCY_FORMS = frozenset({"inhyrd", "inhyrdbemanning", "bemanning", "bemanningspersonal"})

ROLES = {"forestandare": "forestandare", "verksamhetschef": "verksamhetschef",
         "familjehemsforalder": "familjehemsforalder"}

# the protected titles (PSL 4 kap. 1 § and 4 kap. 5 a §) as a befattning writes them, folded
TITLES = {fold(name): code for code, name in YRKE_SV.items()}
# "leg. sjuksköterska", "legitimerad sjuksköterska": the same title, said to be licensed
TITLES |= {prefix + folded: code for folded, code in list(TITLES.items()) for prefix in ("leg", "legitimerad")}
TITLES[fold("undersköterska")] = "underskoterska"


def form_of(text: str) -> str | None:
    return FORMS.get(fold(text))


def role_of(befattning: str) -> str:
    return ROLES.get(fold(befattning), "personal")


def title_of(befattning: str) -> str:
    """The protected title a befattning names exactly: `läkarsekreterare` is no läkare."""
    return TITLES.get(fold(befattning), "ingen") if befattning.strip() else "ingen"


def practises(titel: str) -> str:
    """A post titled with a profession that has an exclusive right is work as that profession."""
    return titel if titel in ENSAMRATT else "ingen"


def lookup(table: dict[str, str], value: str) -> str | None:
    """A manifest table's value for `value` as written, else case- and diacritic-insensitively."""
    if value in table:
        return table[value]
    folded = fold(value)
    matches = {target for key, target in table.items() if fold(key) == folded}
    return matches.pop() if len(matches) == 1 else None


def id_part(key: str) -> str | None:
    """An employee number as part of an id, or None when it cannot be one (a personnummer used as anstnr)."""
    part = slug(key)
    if not key.strip() or part == "x":
        return None
    try:
        refuse_personnummer(key)
        refuse_personnummer(part)
    except ValueError:
        return None
    return part


@dataclass
class RosterRow:
    place: Place
    record_id: str
    personnummer: str = ""
    fornamn: str = ""
    efternamn: str = ""
    namn: str = ""
    fodelsedatum: str = ""
    anstallningsdatum: str = ""
    slutdatum: str = ""
    anstallningsform: str = ""
    befattning: str = ""
    sysselsattningsgrad: str = ""
    enhet: str = ""
    arbetsgivare: str = ""
    # field → how the source names it (an XML element), for messages; the field itself when absent
    labels: dict[str, str] = field(default_factory=dict)
    # field → where it is written, when that is not `place` (an XML child element's own line)
    places: dict[str, Place] = field(default_factory=dict)

    def label(self, name: str) -> str:
        return self.labels.get(name, name)


def emit(out: Collected, spec: Kalla, row: RosterRow, source: str, orders: dict[str, str | None]) -> None:
    """One engagement (and the person it names) from a roster row; broken with every problem when any field is."""
    problems: list[Diagnostic] = []

    def bad(name: str, code: str, message: str) -> None:
        # a value echoed in a message may be a personnummer in the wrong column
        problems.append(out.problem(row.places.get(name, row.place), code, mask_text(message), row.label(name),
                                    path=(name,)))

    def day(name: str) -> date | None:
        text = getattr(row, name)
        if not text:
            return None
        try:
            return parse_date(text, slashed=orders.get(name))
        except ValueProblem as exc:
            bad(name, exc.code, f"{row.label(name)}: {exc.message}")
            return None

    birth_problems = len(problems)
    born = day("fodelsedatum")
    # an unreadable birth date only weakens name matching: reported, the engagement is still read
    del problems[birth_problems:]
    name = display_name(row.fornamn, row.efternamn, None if (row.fornamn or row.efternamn) else row.namn or None)
    person = None
    if name or row.personnummer:
        person = out.person(row.place, name, row.personnummer or None, birth=born, extract_day=spec.uttagsdatum,
                            employee=True, source=source, field=row.label("personnummer"))
    else:
        bad("personnummer", "RK-K024", "raden har varken personnummer eller namn; engagemanget kan inte knytas "
            "till någon person")

    start = day("anstallningsdatum")
    if not row.anstallningsdatum:
        bad("anstallningsdatum", "RK-K021", "anställningsdatum saknas; engagemanget kan inte bedömas utan startdag")
    slut = day("slutdatum")

    form = form_of(row.anstallningsform)
    if form is None:
        given = row.anstallningsform
        what = f"okänd anställningsform '{given}'" if given else "anställningsform saknas"
        bad("anstallningsform", "RK-K020", f"{what}; skriv t.ex. tillsvidare, visstid, vikariat, timanställd, "
            "uppdrag, praktik eller volontär")

    verksamhet = spec.verksamhet
    if row.enhet and spec.enheter:
        verksamhet = lookup(spec.enheter, row.enhet)
        if verksamhet is None:
            bad("enhet", "RK-K023", f"enheten '{row.enhet}' finns inte under enheter i kallor.yaml")
    elif verksamhet is None:
        bad("enhet", "RK-K023", "raden hör inte till någon verksamhet: ange verksamhet (eller enheter för "
            "enhetskolumnen) för källan i kallor.yaml")

    organisation = spec.organisation
    if row.arbetsgivare:
        organisation = lookup(spec.organisationer, row.arbetsgivare) or out.organisations_by_number.get(
            row.arbetsgivare.strip())
        if organisation is None:
            bad("arbetsgivare", "RK-K022", f"arbetsgivaren '{row.arbetsgivare}' finns inte under organisationer i "
                "kallor.yaml; arbetsgivaren gissas inte")

    if organisation is None and fold(row.anstallningsform) in AGENCY_FORMS:
        # an agency worker's employer is the agency: without it neither who must check them nor whose log
        # covers them is known, and the operator is not guessed
        bad("arbetsgivare", "RK-K022", f"anställningsformen '{row.anstallningsform}' betyder inhyrd personal men "
            "bemanningsföretaget anges inte (kolumnen Arbetsgivare eller organisation i kallor.yaml); arbetsgivaren "
            "gissas inte")

    if row.sysselsattningsgrad:
        try:
            parse_fraction(row.sysselsattningsgrad)
        except ValueProblem as exc:  # no fact field holds it: reported, the engagement is still read
            out.problem(row.places.get("sysselsattningsgrad", row.place), exc.code,
                        mask_text(f"{row.label('sysselsattningsgrad')}: {exc.message}"),
                        row.label("sysselsattningsgrad"), path=("sysselsattningsgrad",))

    titel = title_of(row.befattning)
    raw: dict[str, Any] = {"id": row.record_id, "person": person, "verksamhet": verksamhet,
                           "organisation": organisation, "form": form, "roll": role_of(row.befattning),
                           "titel": titel, "utovar": practises(titel), "start": start, "slut": slut}
    raw = {key: value for key, value in raw.items() if value is not None}
    if problems:
        out.lost("engagemang", raw, problems[0])
    else:
        out.add("engagemang", raw, row.place)
