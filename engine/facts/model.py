"""The fact model: typed, validated records that adapters produce and rules read.

Field names are Swedish (they are what rule authors write); every kind has an
`id` unique within its kind. Dates are real dates here and become integers
only inside the compiled engine (engine/prepare.py).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, ConfigDict, Field, field_validator, model_validator

from regelkoll.personal_data import refuse_personnummer
from regelkoll.strict import StrictModel, SwedishInput



def _not_only_dots(value: str) -> str:
    # '.' and '..' name the folder itself and the one above it in every path and link: a facility so named
    # could be listed but never opened (a browser rewrites /verksamhet/.. to /)
    if value.strip(".") == "":
        raise ValueError("ett id får inte bestå av bara punkter ('.' och '..' betyder kataloger i sökvägar och "
                         "länkar)")
    return value


# ids and codes are printed unmasked everywhere, so a personnummer is refused in them
Ident = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[\w.:\-]+$"), AfterValidator(refuse_personnummer),
                  AfterValidator(_not_only_dots)]

VERKSAMHETSTYPER = (
    "hvb",  # hem för vård eller boende
    "stodboende",
    "skyddat_boende",
    "sis_hem",
    "familjehem",
    "lss_radgivning",  # 9 § 1 LSS: advice and personal support; needs no licence (23 § covers 9 § 2–10)
    "lss_bostad_barn",  # 9 § 8 LSS
    "lss_bostad_vuxna",  # 9 § 9 LSS
    "lss_korttidsvistelse",  # 9 § 6 LSS
    "lss_korttidstillsyn",  # 9 § 7 LSS
    "lss_daglig_verksamhet",  # 9 § 10 LSS
    "lss_personlig_assistans",  # 9 § 2 LSS
    "hemtjanst",
    "sarskilt_boende",
    "estetisk_klinik",
    "socialnamnd",  # the municipal board deciding on support under SoL and LSS
)
Verksamhetstyp = Literal[VERKSAMHETSTYPER]  # type: ignore[valid-type]
Engagemangsform = Literal["anstallning", "uppdrag", "praktik", "volontar"]
Register = Literal["belastningsregistret", "misstankeregistret"]
Utdragslag = Literal["2007:171", "2010:479", "2013:852"]
# a derived fact's id is its source's id with a number, a date or a target group appended
DerivedId = Annotated[str, Field(min_length=1, max_length=400)]
Kod = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[a-z0-9_]+$"), AfterValidator(refuse_personnummer)]
Tillstandsstatus = Literal["aktivt", "vilande", "aterkallat", "forbud", "inhibition", "overklagat", "upphort"]
Roll = Literal["personal", "forestandare", "familjehemsforalder", "verksamhetschef"]
Foretradarroll = Literal["vd", "styrelseledamot", "styrelsesuppleant", "bolagsman", "delagare", "agare",
                         "firmatecknare", "verklig_huvudman"]
Brott = Literal["mord_drap", "vald", "sexualbrott", "barnpornografibrott", "ran", "narkotikabrott", "bedrageri",
                "skattebrott", "bokforingsbrott", "borgenarsbrott", "penningtvatt", "arbetsmiljobrott",
                "trafikbrott", "ovrigt"]
YRKEN = ("apotekare", "arbetsterapeut", "audionom", "barnmorska", "biomedicinsk_analytiker", "dietist",
         "fysioterapeut", "halso_och_sjukvardskurator", "kiropraktor", "logoped", "lakare", "naprapat", "optiker",
         "ortopedingenjor", "psykolog", "psykoterapeut", "receptarie", "rontgensjukskoterska", "sjukhusfysiker",
         "sjukskoterska", "tandhygienist", "tandlakare")  # the 22 professions of PSL 4 kap. 1 §
Yrke = Literal[YRKEN]  # type: ignore[valid-type]
ENSAMRATT = ("apotekare", "barnmorska", "lakare", "receptarie", "tandlakare")  # PSL 4 kap. 4 §
# the titles an engagement may record: the 22 of 4 kap. 1 § and undersköterska (4 kap. 5 a §, from 2023-07-01)
Titel = Literal[(*YRKEN, "underskoterska", "ingen")]  # type: ignore[valid-type]
Injektionsteknik = Literal["nal", "ytlig", "nalfri"]  # förordning (2021:367) 2 §
Injicerat = Literal["lakemedel", "blod", "fyllnadsmedel", "tatueringsfarg", "annat"]
Legitimationsstatus = Literal["giltig", "provotid", "begransad_forskrivningsratt", "interimistiskt_aterkallad",
                              "aterkallad"]
Informationspunkt = Literal["alternativa_metoder", "kostnad", "forlopp_och_resultat", "patientforsakring",
                            "ombehandling", "kontaktperson", "substanser", "risker", "eftervard",
                            "registrerad_hos_ivo"]  # förordning (2021:367) 4 § 1–10
Anmarkning = Literal["skuld_kronofogden", "betalningsanmarkning", "konkurs", "naringsforbud", "skattetillagg"]


# where a record came from: shown in the evidence, never read by a rule
PROVENANCE_FIELDS = frozenset({"kalla", "koppling"})


class Fact(SwedishInput):
    """Base of every fact kind."""

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)

    kind: ClassVar[str]
    # Reference fields: field name -> kind it points to.
    references: ClassVar[dict[str, str]] = {}
    # Optional date fields where "not given" means "still ongoing / still kept".
    open_ended: ClassVar[frozenset[str]] = frozenset()
    # The field that links a fact to the facility (or organisation) it belongs to, if any.
    facility_field: ClassVar[str | None] = None
    # Or: the reference field whose fact's owner this fact shares (a report belongs where its decision does).
    owner_via: ClassVar[str | None] = None
    # Computed from other facts by facts.bundle.derive; a bundle may not give it.
    derived_only: ClassVar[bool] = False
    # Also evaluated with any unit whose facts name this fact's organisation (a licence revoked elsewhere).
    follows_organisation: ClassVar[bool] = False
    # (earlier, later) date fields: when both are given, the later may not come first.
    date_order: ClassVar[tuple[tuple[str, str], ...]] = ()
    # Date fields that always hold a quarter's last day (a rule decided by one cannot be decided on other days).
    quarter_end_fields: ClassVar[frozenset[str]] = frozenset()
    # Kinds added after data sets were first digested: with no facts, they leave a data set's digest as it was.
    digest_if_empty: ClassVar[bool] = True
    # Its unit sees the licences of every organisation in view (as an organisation's unit does).
    sees_organisations: ClassVar[bool] = False

    id: Ident
    kalla: str | None = Field(default=None, max_length=1000)
    """Where the record was first read (file:line and element path), written by `regelkoll import` so that a
    normalised data set still points at the source row; left out in hand-written files."""
    koppling: str | None = Field(default=None, max_length=1000)
    """How the record's person was found when not by number (written by `regelkoll import`)."""
    okant: list[str] = Field(default_factory=list)
    """Open-ended fields the source cannot tell: left out, such a field means "has not happened" (not reported,
    still kept); named here it means "not known", and every rule that needs it is undetermined for the record.
    Bolagsverket's officers, for one, say nothing of whether a change was reported to IVO."""

    def open_end(self, name: str) -> bool:
        """Does field `name`, left out, mean "has not happened" (and not "not known")?"""
        return name in type(self).open_ended and name not in self.okant

    @model_validator(mode="after")
    def _unknown_fields(self) -> "Fact":
        for name in self.okant:
            if name not in type(self).open_ended:
                allowed = ", ".join(sorted(type(self).open_ended)) or "inga"
                raise ValueError(f"okant kan bara nämna fält som får utelämnas ({allowed}), inte '{name}'")
            if getattr(self, name) is not None:
                raise ValueError(f"'{name}' står i okant men har ett värde")
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Fact":
        for earlier, later in self.date_order:
            first, then = getattr(self, earlier), getattr(self, later)
            if first is not None and then is not None and then < first:
                raise ValueError(f"{later} ligger före {earlier}")
        return self


class Kontext(StrictModel):
    """The evaluation context: the date the data is judged at."""

    kind: ClassVar[str] = "kontext"

    per_datum: date


class Organisation(Fact):
    """A legal person running one or more facilities (huvudman)."""

    kind: ClassVar[str] = "organisation"
    namn: str
    organisationsnummer: str | None = Field(default=None, pattern=r"^\d{6}-\d{4}$")
    regi: Literal["enskild", "offentlig"]


class Verksamhet(Fact):
    """A facility or activity under supervision (boende, klinik, hemtjänst …)."""

    kind: ClassVar[str] = "verksamhet"
    references: ClassVar[dict[str, str]] = {"organisation": "organisation"}
    facility_field: ClassVar[str | None] = "id"

    namn: str
    organisation: Ident
    typ: Verksamhetstyp  # type: ignore[valid-type]
    tar_emot_barn: bool | None = None
    kommun: str | None = None
    startdatum: date | None = None
    """The day the activity began."""
    upphorde: date | None = None
    """The first day the activity is no longer run; left out while it goes on."""
    anmald_ivo: date | None = None
    """The day the activity was reported to IVO's register (PSL 2 kap. 1 §); left out if it was not."""
    open_ended: ClassVar[frozenset[str]] = frozenset({"upphorde", "anmald_ivo"})


def _history_in_order(changes: list) -> None:
    days = [change.fran for change in changes]
    if days != sorted(days) or len(set(days)) != len(days):
        raise ValueError("status ska stå i datumordning, högst en ändring per dag")


class Statusandring(SwedishInput):
    """From `fran` on, the licence has this status (until the next change)."""

    status: Tillstandsstatus  # type: ignore[valid-type]
    fran: date


class Tillstand(Fact):
    """A licence (tillstånd) from IVO for a facility: its scope and its status over time.

    Rules read it through the derived `tillstandsperiod` facts, one per status period and target group.
    """

    kind: ClassVar[str] = "tillstand"
    references: ClassVar[dict[str, str]] = {"organisation": "organisation", "verksamhet": "verksamhet"}
    facility_field: ClassVar[str | None] = "verksamhet"

    organisation: Ident
    verksamhet: Ident
    beslutsdatum: date
    verksamhetstyp: Verksamhetstyp  # type: ignore[valid-type]
    malgrupper: list[str] = Field(default_factory=list)
    """Licensed target groups as codes (e.g. psykosocial_problematik); empty if the licence names none."""
    alder_fran: int | None = Field(default=None, ge=0, le=120)
    alder_till: int | None = Field(default=None, ge=0, le=120)
    platser: int | None = Field(default=None, ge=0)
    villkor: list[str] = Field(default_factory=list)
    status: list[Statusandring] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Tillstand":
        _history_in_order(self.status)
        if self.alder_fran is not None and self.alder_till is not None and self.alder_till < self.alder_fran:
            raise ValueError("alder_till är lägre än alder_fran")
        for code in self.malgrupper:
            if not code or not all(c.islower() or c.isdigit() or c == "_" for c in code):
                raise ValueError(f"målgruppen '{code}' ska vara en kod med a-z, 0-9 och _")
            refuse_personnummer(code)
        return self


class Tillstandsperiod(Fact):
    """Derived: one status period of a licence, for one of its target groups."""

    kind: ClassVar[str] = "tillstandsperiod"
    references: ClassVar[dict[str, str]] = {
        "tillstand": "tillstand", "organisation": "organisation", "verksamhet": "verksamhet"}
    facility_field: ClassVar[str | None] = "verksamhet"
    open_ended: ClassVar[frozenset[str]] = frozenset({"till"})
    derived_only: ClassVar[bool] = True
    id: DerivedId
    follows_organisation: ClassVar[bool] = True

    tillstand: Ident
    organisation: Ident
    verksamhet: Ident
    verksamhetstyp: Verksamhetstyp  # type: ignore[valid-type]
    status: Tillstandsstatus  # type: ignore[valid-type]
    fran: date
    till: date | None = None
    foljande_status: Literal[Tillstandsstatus, "ingen"] = "ingen"  # type: ignore[valid-type]
    """The status after this period (`ingen` if it still lasts): a revocation later stayed or undone is not final."""
    malgrupp: str | None = None
    alder_fran: int | None = None
    alder_till: int | None = None
    platser: int | None = None


class Placering(Fact):
    """A resident placed at a home: admission, discharge and the admission's suitability assessment."""

    kind: ClassVar[str] = "placering"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("inskriven", "utskriven"),)
    references: ClassVar[dict[str, str]] = {"verksamhet": "verksamhet", "kontaktperson": "person"}
    facility_field: ClassVar[str | None] = "verksamhet"
    open_ended: ClassVar[frozenset[str]] = frozenset({"utskriven", "lamplighet_dokumenterad"})

    verksamhet: Ident
    klient: Ident
    """A case code, never a personnummer."""
    alder: int = Field(ge=0, le=120)
    """Age in whole years on the day of admission."""
    malgrupp: Kod
    inskriven: date
    utskriven: date | None = None
    lamplighet_dokumenterad: date | None = None
    """The day the suitability assessment for this admission was documented; left out if none is documented."""
    kontaktperson: Ident | None = None
    """The person named as the placement's contact (a relative or the social worker), when recorded; the brief's
    check of conflicts of interest looks for the inspector here."""


class Belaggning(Fact):
    """Derived: how many residents a home had on a day when someone was admitted."""

    kind: ClassVar[str] = "belaggning"
    references: ClassVar[dict[str, str]] = {"verksamhet": "verksamhet"}
    facility_field: ClassVar[str | None] = "verksamhet"
    derived_only: ClassVar[bool] = True
    id: DerivedId

    verksamhet: Ident
    datum: date
    antal: int = Field(ge=0)


class Person(Fact):
    """A natural person: staff, representative or patient."""

    kind: ClassVar[str] = "person"
    namn: str
    personnummer: str | None = Field(default=None, pattern=r"^\d{12}$")


class Engagemang(Fact):
    """Someone working at a facility: employment, assignment, placement or volunteer work."""

    kind: ClassVar[str] = "engagemang"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("start", "slut"), ("erbjuden", "start"))
    references: ClassVar[dict[str, str]] = {
        "person": "person", "verksamhet": "verksamhet", "organisation": "organisation"}
    # an unrecorded offer day compares as the far future: it never proves an offer within a window,
    # and a rule can ask whether it is recorded (`erbjuden efter start` holds only when it is not)
    open_ended: ClassVar[frozenset[str]] = frozenset({"slut", "erbjuden"})
    facility_field: ClassVar[str | None] = "verksamhet"

    person: Ident
    verksamhet: Ident
    organisation: Ident | None = None
    """The employer; left out, the facility's organisation (an agency worker's employer is the agency)."""
    huvudman: Ident | None = None
    """The organisation running the facility: derived from the facility, never given in a bundle."""
    verksamhetstyp: Verksamhetstyp | None = None  # type: ignore[valid-type]
    """The facility's kind: derived from the facility, never given in a bundle."""
    form: Engagemangsform
    roll: Roll = "personal"  # type: ignore[valid-type]
    start: date
    slut: date | None = None
    erbjuden: date | None = None
    """The day the engagement was offered (the rehire exemptions count to the offer); left out if not recorded."""
    bosatt_i_hemmet: bool | None = None
    """For a foster parent: whether they live in the family home."""
    forelder_till_mottagaren: Literal["ja", "nej", "okant"] = "okant"
    """Whether the person is a parent doing the work for their own child (lag 2010:479 1 § tredje stycket);
    `okant` when the data does not say."""
    titel: Titel = "ingen"  # type: ignore[valid-type]
    """The professional title the person uses in the work (a protected title of PSL 4 kap. 1 § or
    `underskoterska`), or `ingen`. Using a title is judged apart from what the person does (`utovar`)."""
    utovar: Literal[(*ENSAMRATT, "ingen")] = "ingen"  # type: ignore[valid-type]
    """The profession with an exclusive right (PSL 4 kap. 4 §) whose work the engagement is, e.g. a post as
    läkare, whatever title the person uses; `ingen` if none."""


class Registerutdrag(Fact):
    """An extract from the police registers shown to (or obtained by) an organisation."""

    kind: ClassVar[str] = "registerutdrag"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("utfardat", "uppvisat"),)
    references: ClassVar[dict[str, str]] = {"person": "person", "organisation": "organisation"}
    open_ended: ClassVar[frozenset[str]] = frozenset({"bevarat_till"})

    person: Ident
    organisation: Ident
    lag: Utdragslag  # type: ignore[valid-type]
    omfattar: list[Register] = Field(min_length=1)  # type: ignore[valid-type]
    utfardat: date
    uppvisat: date | None = None
    bevarat_till: date | None = None

    @model_validator(mode="after")
    def _registers_once(self) -> "Registerutdrag":
        if len(set(self.omfattar)) != len(self.omfattar):
            raise ValueError("samma register står två gånger")
        return self


class Foretradare(Fact):
    """A representative or key person of an organisation (VD, board member, owner …) and IVO's notice of it."""

    kind: ClassVar[str] = "foretradare"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("fran", "till"),)
    references: ClassVar[dict[str, str]] = {"person": "person", "organisation": "organisation"}
    facility_field: ClassVar[str | None] = "organisation"
    open_ended: ClassVar[frozenset[str]] = frozenset({"till", "anmald"})

    person: Ident
    organisation: Ident
    roll: Foretradarroll  # type: ignore[valid-type]
    fran: date | None = None
    """The first day in the role; left out only when the source does not say (an officer list as of one day):
    every rule that needs the day is then undetermined for the role."""
    till: date | None = None
    uppgift_per: date | None = None
    """The day the source speaks for, when it gives no dates of its own (Bolagsverket's officers as of a day)."""
    anmald: date | None = None
    """The day the change was reported to IVO; left out if it was not reported."""


class Dom(Fact):
    """A criminal conviction of a person, as it appears in the data."""

    kind: ClassVar[str] = "dom"
    references: ClassVar[dict[str, str]] = {"person": "person"}

    person: Ident
    datum: date
    brott: Brott  # type: ignore[valid-type]
    beskrivning: str | None = None


class EkonomiskAnmarkning(Fact):
    """A sign of economic mismanagement: debt at Kronofogden, bankruptcy, trading ban …"""

    kind: ClassVar[str] = "ekonomisk_anmarkning"
    references: ClassVar[dict[str, str]] = {"person": "person"}

    person: Ident
    typ: Anmarkning  # type: ignore[valid-type]
    datum: date
    beskrivning: str | None = None


class Beslut(Fact):
    """A municipal decision granting support under SoL or LSS, and when it was carried out."""

    kind: ClassVar[str] = "beslut"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("beslutsdatum", "verkstallt"), ("beslutsdatum", "avslutat"))
    references: ClassVar[dict[str, str]] = {"verksamhet": "verksamhet"}
    facility_field: ClassVar[str | None] = "verksamhet"
    open_ended: ClassVar[frozenset[str]] = frozenset({"verkstallt", "avslutat"})

    verksamhet: Ident
    """The board (verksamhet of typ socialnamnd) that made the decision."""
    lag: Literal["sol", "lss"]
    insats: str = Field(min_length=1)
    beslutsdatum: date
    verkstallt: date | None = None
    """The day the support began; left out while it has not."""
    avslutat: date | None = None
    """The first day the decision no longer applied although it was never carried out (the person declined,
    moved or died, or the decision was revoked); left out if the data does not record such an end."""


class Avbrott(Fact):
    """An interruption of support already given under a decision."""

    kind: ClassVar[str] = "avbrott"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("fran", "aterupptaget"),)
    references: ClassVar[dict[str, str]] = {"beslut": "beslut"}
    owner_via: ClassVar[str | None] = "beslut"
    open_ended: ClassVar[frozenset[str]] = frozenset({"aterupptaget"})

    beslut: Ident
    fran: date
    aterupptaget: date | None = None


class Rapportering(Fact):
    """A decision reported to IVO in the quarterly report that ends on `kvartal_slut`."""

    kind: ClassVar[str] = "rapportering"
    references: ClassVar[dict[str, str]] = {"beslut": "beslut"}
    owner_via: ClassVar[str | None] = "beslut"
    quarter_end_fields: ClassVar[frozenset[str]] = frozenset({"kvartal_slut"})

    beslut: Ident
    kvartal_slut: date

    @model_validator(mode="after")
    def _quarter_end(self) -> "Rapportering":
        d = self.kvartal_slut
        if (d.month, d.day) not in ((3, 31), (6, 30), (9, 30), (12, 31)):
            raise ValueError("kvartal_slut ska vara ett kvartals sista dag (31 mars, 30 juni, 30 sept., 31 dec.)")
        return self


class Rapportkvartal(Fact):
    """Derived: a later quarter (the second or after) whose report to IVO had to list a decision not carried out.

    One per decision (or interruption) and quarter end after the first report's quarter, while the data
    does not show that the decision was carried out (or resumed) or had ended by that quarter's end.
    """

    kind: ClassVar[str] = "rapportkvartal"
    references: ClassVar[dict[str, str]] = {"beslut": "beslut", "avbrott": "avbrott"}
    owner_via: ClassVar[str | None] = "beslut"
    quarter_end_fields: ClassVar[frozenset[str]] = frozenset({"kvartal_slut"})
    derived_only: ClassVar[bool] = True
    id: DerivedId

    beslut: Ident
    avbrott: str | None = None
    """The interruption the duty comes from; left out for a decision never carried out."""
    grund: Literal["beslut", "avbrott"]
    """`beslut`: not carried out within three months of the decision; `avbrott`: not resumed within three months."""
    fran: date
    """The day the three months were counted from: the decision's date, or the day the support was interrupted."""
    kvartal_slut: date
    """The last day of the quarter whose report had to list the decision."""
    kvartal_nr: int = Field(ge=2)
    """Which report this is: 2 for the quarter after the one in which the three months first ran out, and so on."""
    visat_kvarstar: bool
    """The data shows that the decision still stood, not carried out (or not resumed), at the quarter's end:
    it was carried out, resumed or ended only after that day."""


class Legitimationsandring(SwedishInput):
    """From `fran` on, the legitimation has this status (until the next change)."""

    status: Legitimationsstatus  # type: ignore[valid-type]
    fran: date | None = None
    """Left out only when the source does not say since when (a HOSP answer without dates): every rule
    that needs the day is then undetermined for it."""


class Legitimation(Fact):
    """A legitimation under PSL 4 kap. 1 § and its status over time (from the register of health staff)."""

    kind: ClassVar[str] = "legitimation"
    references: ClassVar[dict[str, str]] = {"person": "person"}

    person: Ident
    yrke: Yrke  # type: ignore[valid-type]
    status: list[Legitimationsandring] = Field(min_length=1)
    uppgift_per: date | None = None
    """The day of the register snapshot the status comes from, when the source gives no dates of its own."""

    @model_validator(mode="after")
    def _in_order(self) -> "Legitimation":
        if any(change.fran is None for change in self.status):
            if len(self.status) > 1:
                raise ValueError("en status utan fran-datum kan bara stå ensam")
            return self
        _history_in_order(self.status)
        return self


class Legitimationsperiod(Fact):
    """Derived: one status period of a legitimation."""

    kind: ClassVar[str] = "legitimationsperiod"
    references: ClassVar[dict[str, str]] = {"legitimation": "legitimation", "person": "person"}
    open_ended: ClassVar[frozenset[str]] = frozenset({"till"})
    derived_only: ClassVar[bool] = True
    id: DerivedId

    legitimation: Ident
    person: Ident
    yrke: Yrke  # type: ignore[valid-type]
    status: Legitimationsstatus  # type: ignore[valid-type]
    fran: date | None = None
    """Left out when the source does not say since when: rules that need it are undetermined."""
    till: date | None = None
    uppgift_per: date | None = None


class Specialistbevis(Fact):
    """A certificate of specialist competence (bevis om specialistkompetens, PSL 4 kap. 8 §)."""

    kind: ClassVar[str] = "specialistbevis"
    references: ClassVar[dict[str, str]] = {"person": "person"}

    person: Ident
    specialitet: Kod
    utfardat: date


class SarskiltForordnande(Fact):
    """A special appointment to practise a profession without legitimation (särskilt förordnande, PSL 4 kap.)."""

    kind: ClassVar[str] = "sarskilt_forordnande"
    date_order: ClassVar[tuple[tuple[str, str], ...]] = (("fran", "till"),)
    references: ClassVar[dict[str, str]] = {"person": "person"}
    open_ended: ClassVar[frozenset[str]] = frozenset({"till"})

    person: Ident
    yrke: Yrke  # type: ignore[valid-type]
    fran: date
    till: date | None = None
    """The last day it is valid; left out if it has no end."""


class Underskoterskebevis(Fact):
    """A certificate of the right to use the title undersköterska (bevis, PSL 4 kap. 5 a §); it cannot be revoked."""

    kind: ClassVar[str] = "underskoterskebevis"
    references: ClassVar[dict[str, str]] = {"person": "person"}
    FORSTA_DAG: ClassVar[date] = date(2023, 7, 1)

    person: Ident
    utfardat: date
    """The day Socialstyrelsen issued it (issued from 2023-07-01, when 4 kap. 5 a § came into force)."""

    @field_validator("utfardat")
    @classmethod
    def _issued_since_the_law(cls, value: date) -> date:
        if value < cls.FORSTA_DAG:
            raise ValueError("ligger före 2023-07-01; bevis om rätt att använda yrkestiteln undersköterska "
                             "utfärdas först från den dagen (patientsäkerhetslagen 4 kap. 5 a §)")
        return value


class Behandling(Fact):
    """An aesthetic injection or surgical procedure at a clinic (lag 2021:363)."""

    kind: ClassVar[str] = "behandling"
    references: ClassVar[dict[str, str]] = {"verksamhet": "verksamhet", "utforare": "person"}
    facility_field: ClassVar[str | None] = "verksamhet"
    open_ended: ClassVar[frozenset[str]] = frozenset({"information", "samtycke", "delegeringsbeslut"})

    verksamhet: Ident
    utforare: Ident
    """The person who did it."""
    slag: Literal["injektion", "kirurgi"]
    ingrepp: str = Field(min_length=1)
    """The product or procedure, e.g. botulinumtoxin, hyaluronsyra, ögonlocksplastik."""
    datum: date
    patient: Ident
    """A patient code, never a personnummer."""
    patient_alder: int = Field(ge=0, le=130)
    """The patient's age in whole years on the day."""
    information: date | None = None
    """The day the oral and written information was given and documented; left out if not documented."""
    information_omfattar: list[Informationspunkt] | None = None  # type: ignore[valid-type]
    """The items of förordning (2021:367) 4 § the documented information covered; left out if not recorded."""
    samtycke: date | None = None
    """The day consent was given; left out if none is documented."""
    upprepning: bool = False
    """The clinic's note that this repeats a same-type injection within six months. The exemption from the time
    to reflect is judged from the earlier treatment in the data; the note alone cannot show it."""
    lakemedel: bool = False
    """The injection is a prescription medicine (e.g. botulinumtoxin) and needs an individual prescription."""
    ordination: Literal["individuell", "generellt_direktiv", "saknas"] | None = None
    """How a prescription medicine was prescribed: an individual prescription, a general directive, or none."""
    delegerad: bool = False
    """Done by delegation from a legitimated person."""
    delegeringsbeslut: date | None = None
    """The day of the written delegation decision; left out if none."""
    teknik: Injektionsteknik | None = None  # type: ignore[valid-type]
    """For an injection: `nal` (with a needle, not only superficially), `ytlig` (superficially into skin or
    mucosa with a needle or another piercing tool) or `nalfri` (needle-free); left out if not recorded."""
    injicerat: Injicerat | None = None  # type: ignore[valid-type]
    """For an injection, what was injected: `lakemedel` (a medicine), `blod`, `fyllnadsmedel` (a filler for skin
    or mucosa), `tatueringsfarg` or `annat`; left out if not recorded."""
    injektionsslag: str | None = None
    """Derived, never given: `<teknik>_<injicerat>` for an injection with both recorded (e.g. `ytlig_annat`),
    `kirurgi` for surgery, empty otherwise. Rules compare it with the ordinance's list of excluded kinds."""

    @model_validator(mode="after")
    def _injection_kind(self) -> "Behandling":
        if self.slag == "kirurgi":
            given = [name for name in ("teknik", "injicerat") if getattr(self, name) is not None]
            if given:
                raise ValueError(f"{', '.join(given)} gäller bara injektioner, inte kirurgi")
            derived = "kirurgi"
        else:
            derived = f"{self.teknik}_{self.injicerat}" if self.teknik and self.injicerat else None
        if self.lakemedel and self.injicerat not in (None, "lakemedel"):
            raise ValueError(f"lakemedel är sant men injicerat är '{self.injicerat}' (ett receptbelagt läkemedel "
                             "är ett läkemedel)")
        if self.injektionsslag is not None and self.injektionsslag != derived:
            raise ValueError("injektionsslag beräknas från slag, teknik och injicerat; ange det inte")
        object.__setattr__(self, "injektionsslag", derived)
        return self


class Journal(Fact):
    """A patient record kept at the clinic (patientdatalagen 3 kap.)."""

    kind: ClassVar[str] = "journal"
    references: ClassVar[dict[str, str]] = {"verksamhet": "verksamhet"}
    facility_field: ClassVar[str | None] = "verksamhet"

    verksamhet: Ident
    patient: Ident
    upprattad: date


# what a permit application gives of what the statute says it must contain (socialtjänstförordningen 4 kap.
# 1 och 1 b §§, förordning (1993:1090) 7, 8 och 8 a §§); engine/application/facts.py decides each from the file
Ansokningsuppgift = Literal["verksamhet", "huvudman", "drift_och_omfattning", "malgrupp", "barn_angivet",
                            "finansiering", "forestandare", "forestandare_identitet", "personal",
                            "personal_erfarenhet", "kompetensutveckling", "lagefterlevnad", "brukarinflytande",
                            "kontaktrutiner", "ritningar", "brandskydd", "lagenhetsforteckning", "bolagsordning",
                            "firmatecknare", "personkrets", "underskrift"]
Organisationsform = Literal["aktiebolag", "handelsbolag", "kommanditbolag", "ekonomisk_forening", "ideell_forening",
                            "stiftelse", "enskild_firma"]
# IVO's circle of owners and management (ivo.se "Mer om lämplighetsprövningen"); the föreståndare is not in it
Kretsroll = Literal["agare", "vd", "extern_vd", "vice_vd", "styrelseledamot", "styrelseordforande",
                    "styrelsesuppleant", "bolagsman", "komplementar", "kommanditdelagare", "innehavare",
                    "extern_firmatecknare", "annan_med_inflytande"]


class Ansokan(Fact):
    """A permit application (ansökan om tillstånd) as screened: its own unit, never a facility that runs.

    Made from an application file by engine/application (never given in a data set): what the statute
    asks of it is the list `innehall`, the rest is what rules on licence duty and coherence read.
    """

    kind: ClassVar[str] = "ansokan"
    references: ClassVar[dict[str, str]] = {"forestandare": "person", "organisation": "organisation"}
    facility_field: ClassVar[str | None] = "id"
    digest_if_empty: ClassVar[bool] = False
    sees_organisations: ClassVar[bool] = True

    namn: str
    """The applicant's name, or the file's when the application names none."""
    organisation: Ident | None = None
    """The applicant as an organisation: the data set's, when its organisationsnummer is there (its licence
    history then counts), else one made of the application."""
    organisationsnummer: str | None = Field(default=None, pattern=r"^\d{6}-\d{4}$")
    organisationsform: Organisationsform | None = None  # type: ignore[valid-type]
    avser: Literal["ny", "andring"]
    verksamhetstyp: Verksamhetstyp | None = None  # type: ignore[valid-type]
    alder_fran: int | None = Field(default=None, ge=0, le=120)
    alder_till: int | None = Field(default=None, ge=0, le=120)
    platser: int | None = Field(default=None, ge=0)
    riktar_sig_till_barn: bool | None = None
    forestandare: Ident | None = None
    """The proposed föreståndare (verksamhetsansvarig for personal assistance) as a person; not in the circle."""
    innehall: list[Ansokningsuppgift] = Field(default_factory=list)  # type: ignore[valid-type]
    """What the application gives of the statute's list; an item left out is one to ask the applicant for."""


class Kretsperson(Fact):
    """A person in an application's circle of owners and management, whose suitability IVO assesses."""

    kind: ClassVar[str] = "kretsperson"
    references: ClassVar[dict[str, str]] = {"ansokan": "ansokan", "person": "person"}
    facility_field: ClassVar[str | None] = "ansokan"
    digest_if_empty: ClassVar[bool] = False

    ansokan: Ident
    person: Ident
    roll: Kretsroll  # type: ignore[valid-type]
    agande: Literal["direkt", "indirekt"] | None = None
    """For an owner: directly, or through another company (a parent company)."""
    verksamhetstyp: Verksamhetstyp | None = None  # type: ignore[valid-type]
    """The kind of activity the application is for (copied from it), so that the circle is assessed only where
    the law assesses it: activity that needs a licence. Known even when another part of the application is not."""


FACT_KINDS: dict[str, type[Fact]] = {
    cls.kind: cls for cls in (Organisation, Verksamhet, Tillstand, Tillstandsperiod, Person, Engagemang,
                              Registerutdrag, Placering, Belaggning, Foretradare, Dom, EkonomiskAnmarkning,
                              Beslut, Avbrott, Rapportering, Rapportkvartal, Legitimation, Legitimationsperiod, Specialistbevis,
                              SarskiltForordnande, Underskoterskebevis, Behandling, Journal, Ansokan, Kretsperson)
}


def _field_type(annotation: object) -> str:
    from types import NoneType, UnionType
    from typing import Union, get_args, get_origin

    if get_origin(annotation) in (Union, UnionType):
        (annotation,) = [a for a in get_args(annotation) if a is not NoneType]
    if annotation is date:
        return "date"
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return "list" if get_origin(item) is Literal else "struktur"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    return "text"


@lru_cache(maxsize=None)
def field_types(kind: str) -> dict[str, str]:
    """Field name -> date | list | bool | int | text | struktur (not readable by rules), for validation and compilation."""
    model = Kontext if kind == "kontext" else FACT_KINDS[kind]
    return {name: "struktur" if name in PROVENANCE_FIELDS else _field_type(info.annotation)
            for name, info in model.model_fields.items()}


@lru_cache(maxsize=None)
def list_values(kind: str, field: str) -> tuple[str, ...]:
    """The allowed values of a list-of-enum field (flattened to booleans for the engine)."""
    from types import NoneType, UnionType
    from typing import Union, get_args, get_origin

    annotation = FACT_KINDS[kind].model_fields[field].annotation
    if get_origin(annotation) in (Union, UnionType):  # an optional list: left out means not recorded
        (annotation,) = [a for a in get_args(annotation) if a is not NoneType]
    (item,) = get_args(annotation)
    return tuple(get_args(item))


ALL_KINDS = (*FACT_KINDS, "kontext")
