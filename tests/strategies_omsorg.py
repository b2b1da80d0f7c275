"""Hypothesis strategies for licensed care: licences over time, placements, representatives, decisions.

Dates cluster around the law's switch (2025-07-01), the inferred 2026-01-01 version and the
thresholds the rules count (one month, three months, seven months, ten years).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from regelkoll.facts.bundle import FactBundle, derive
from regelkoll.facts.model import (
    Avbrott,
    Beslut,
    Dom,
    EkonomiskAnmarkning,
    Engagemang,
    Foretradare,
    Organisation,
    Person,
    Placering,
    Rapportering,
    Statusandring,
    Tillstand,
    Verksamhet,
)

UNIT_TYPES = ["hvb", "hvb", "stodboende", "skyddat_boende", "hemtjanst", "lss_personlig_assistans", "familjehem",
              "socialnamnd"]
STATUSES = ["forbud", "aktivt", "aterkallat", "forbud", "vilande", "inhibition", "overklagat", "upphort"]
GROUPS = ["psykosocial_problematik", "missbruk", "unga_vuxna"]
ANCHORS = [date(2024, 4, 1), date(2025, 3, 10), date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1),
           date(2026, 6, 1), date(2026, 11, 20), date(2016, 1, 1)]


@st.composite
def day(draw, anchors=ANCHORS):
    return draw(st.sampled_from(anchors)) + timedelta(days=draw(st.integers(-45, 45)))


@st.composite
def after(draw, start: date):
    months = draw(st.sampled_from([0, 1, 3, 4, 7]))
    return start + relativedelta(months=months) + timedelta(days=draw(st.integers(0, 3)))


@st.composite
def later(draw, start: date):
    """A day 0 to 16 months after `start`, near the three-month and quarter thresholds of reporting."""
    months = draw(st.sampled_from([0, 1, 3, 4, 6, 7, 9, 10, 13, 16]))
    return max(start, start + relativedelta(months=months) + timedelta(days=draw(st.integers(-2, 3))))


def quarter_end(d: date) -> date:
    month = ((d.month - 1) // 3 + 1) * 3
    return (date(d.year, month, 1) + relativedelta(months=1)) - timedelta(days=1)


@st.composite
def licence(draw, lid: str, org: str, facility: str, typ: str) -> Tillstand:
    start = draw(day())
    changes = [Statusandring(status="aktivt", fran=start)]
    for _ in range(draw(st.integers(1, 2))):
        # near the same anchors as placements and the day of the check, so that they interleave
        nxt = max(draw(day()), changes[-1].fran + timedelta(days=1))
        changes.append(Statusandring(status=draw(st.sampled_from(STATUSES)), fran=nxt))
    low = draw(st.sampled_from([13, 16, 12, None]))
    high = None if low is None else low + draw(st.integers(0, 6))
    return Tillstand(id=lid, organisation=org, verksamhet=facility, verksamhetstyp=typ, beslutsdatum=start,
                     malgrupper=draw(st.lists(st.sampled_from(GROUPS), unique=True, max_size=2)),
                     alder_fran=low, alder_till=high, platser=draw(st.one_of(st.none(), st.integers(1, 4))),
                     status=changes)


@st.composite
def licensed_care(draw) -> FactBundle:
    bundle = FactBundle()
    facts = bundle.facts
    facts["organisation"]["o1"] = Organisation(id="o1", namn="o1",
                                               regi=draw(st.sampled_from(["enskild", "enskild", "offentlig"])))
    facts["organisation"]["o2"] = Organisation(id="o2", namn="o2", regi="enskild")
    typ = draw(st.sampled_from(UNIT_TYPES))
    start = draw(st.one_of(st.none(), day()))
    ended = draw(st.one_of(st.none(), after(start))) if start else None
    facts["verksamhet"]["f1"] = Verksamhet(id="f1", namn="f1", organisation="o1", typ=typ, startdatum=start,
                                           upphorde=ended)
    facts["verksamhet"]["f2"] = Verksamhet(id="f2", namn="f2", organisation="o2", typ="hvb", startdatum=date(2015, 1, 1))
    for i in range(draw(st.integers(0, 2))):
        lic = draw(licence(f"t{i}", "o1", "f1", draw(st.sampled_from([typ, typ, "hvb"]))))
        facts["tillstand"][lic.id] = lic
    other = draw(licence("t-o2", "o2", "f2", "hvb"))
    facts["tillstand"][other.id] = other
    # an assistance company and a family home next to f1, so every unit kind is drawn in every example
    facts["verksamhet"]["f3"] = Verksamhet(id="f3", namn="f3", organisation="o1", typ="lss_personlig_assistans",
                                           startdatum=draw(st.one_of(day(), st.none())))
    if draw(st.booleans()):
        lic = draw(licence("t-f3", "o1", "f3", "lss_personlig_assistans"))
        facts["tillstand"][lic.id] = lic
    facts["verksamhet"]["f4"] = Verksamhet(id="f4", namn="f4", organisation="o1", typ="familjehem")
    for i in range(draw(st.integers(0, 6))):
        admitted = draw(day())
        facts["placering"][f"pl{i}"] = Placering(
            id=f"pl{i}", verksamhet="f1", klient=f"K{i}", alder=draw(st.integers(10, 22)),
            malgrupp=draw(st.sampled_from(GROUPS)), inskriven=admitted,
            utskriven=draw(st.one_of(st.none(), after(admitted))),
            lamplighet_dokumenterad=draw(st.one_of(st.none(), st.integers(-3, 3).map(
                lambda d, a=admitted: a + timedelta(days=d)))))
    people = [f"p{i}" for i in range(3)]
    for pid in people:
        facts["person"][pid] = Person(id=pid, namn=pid)
    for i in range(draw(st.integers(0, 4))):
        begun = draw(day())
        facts["engagemang"][f"e{i}"] = Engagemang(
            id=f"e{i}", person=draw(st.sampled_from(people)), verksamhet=draw(st.sampled_from(["f1", "f4"])),
            form=draw(st.sampled_from(["anstallning", "uppdrag"])),
            roll=draw(st.sampled_from(["personal", "forestandare", "familjehemsforalder"])), start=begun,
            slut=draw(st.one_of(st.none(), after(begun))), bosatt_i_hemmet=draw(st.sampled_from([None, True, False])))
    for i in range(draw(st.integers(0, 4))):
        begun = draw(day())
        facts["foretradare"][f"fr{i}"] = Foretradare(
            # the first two are one person in both companies: a role where a licence may have been revoked
            id=f"fr{i}", person="p0" if i < 2 else draw(st.sampled_from(people)),
            organisation=("o2", "o1")[i] if i < 2 else draw(st.sampled_from(["o1", "o1", "o2"])),
            roll=draw(st.sampled_from(["vd", "styrelseledamot", "agare"])), fran=begun,
            till=draw(st.one_of(st.none(), after(begun))),
            anmald=draw(st.one_of(st.none(), st.integers(0, 45).map(lambda d, b=begun: b + timedelta(days=d)))))
    crimes = ["bokforingsbrott", "trafikbrott", "vald"]
    for i in range(draw(st.integers(0, 2))):
        facts["dom"][f"d{i}"] = Dom(id=f"d{i}", person=draw(st.sampled_from(people)),
                                    datum=draw(day(ANCHORS + [date(2016, 11, 20)])), brott=draw(st.sampled_from(crimes)))
    for i in range(draw(st.integers(0, 3))):
        facts["ekonomisk_anmarkning"][f"a{i}"] = EkonomiskAnmarkning(
            id=f"a{i}", person=draw(st.sampled_from(people)), typ=draw(st.sampled_from(["konkurs", "skuld_kronofogden"])),
            datum=draw(day(ANCHORS + [date(2021, 11, 20)])))
    for i in range(draw(st.integers(0, 3))):
        decided = draw(day())
        bid = f"b{i}"
        facts["beslut"][bid] = Beslut(id=bid, verksamhet="f1", lag=draw(st.sampled_from(["sol", "lss"])), insats="x",
                                      beslutsdatum=decided, verkstallt=draw(st.one_of(st.none(), later(decided))),
                                      avslutat=draw(st.one_of(st.none(), st.none(), later(decided))))
        starts = [decided]
        for j in range(draw(st.integers(0, 1))):
            stopped = draw(day())
            starts.append(stopped)
            facts["avbrott"][f"{bid}-a{j}"] = Avbrott(id=f"{bid}-a{j}", beslut=bid, fran=stopped,
                                                      aterupptaget=draw(st.one_of(st.none(), later(stopped))))
        # reports for the first quarter and later ones, so that every later quarter is met reported and not
        for j in range(draw(st.integers(0, 4))):
            facts["rapportering"][f"{bid}-r{j}"] = Rapportering(
                id=f"{bid}-r{j}", beslut=bid, kvartal_slut=quarter_end(draw(later(draw(st.sampled_from(starts))))))
    derive(bundle)
    return bundle


CLINIC_ANCHORS = [date(2021, 7, 1), date(2025, 6, 1), date(2025, 9, 15), date(2026, 1, 1), date(2026, 6, 1)]
PROFESSIONS = ["sjukskoterska", "lakare", "tandlakare", "tandhygienist", "barnmorska"]
LEGITIMATION_STATUSES = ["aterkallad", "giltig", "provotid", "begransad_forskrivningsratt",
                         "interimistiskt_aterkallad"]
INFORMATION = ["alternativa_metoder", "kostnad", "forlopp_och_resultat", "patientforsakring", "ombehandling",
               "kontaktperson", "substanser", "risker", "eftervard", "registrerad_hos_ivo"]


@st.composite
def clinics(draw) -> FactBundle:
    """Aesthetic clinics: legitimations over time, certificates, titles, treatments around every threshold."""
    from regelkoll.facts.model import (
        Behandling,
        Journal,
        Legitimation,
        Legitimationsandring,
        SarskiltForordnande,
        Specialistbevis,
        Underskoterskebevis,
    )

    bundle = FactBundle()
    facts = bundle.facts
    facts["organisation"]["o1"] = Organisation(id="o1", namn="o1", regi="enskild")
    start = draw(day(CLINIC_ANCHORS))
    registered = draw(st.one_of(st.none(), st.integers(-70, 10).map(lambda d, s=start: s + timedelta(days=d))))
    facts["verksamhet"]["c1"] = Verksamhet(id="c1", namn="c1", organisation="o1",
                                           typ=draw(st.sampled_from(["estetisk_klinik", "estetisk_klinik", "hvb"])),
                                           startdatum=start, anmald_ivo=registered)
    people = [f"p{i}" for i in range(3)]
    for pid in people:
        facts["person"][pid] = Person(id=pid, namn=pid)
        if draw(st.integers(0, 4)):
            first = draw(day(CLINIC_ANCHORS + [date(2015, 1, 1)]))
            changes = [Legitimationsandring(status="giltig", fran=first)]
            for _ in range(draw(st.integers(0, 2))):
                changes.append(Legitimationsandring(status=draw(st.sampled_from(LEGITIMATION_STATUSES)),
                                                    fran=max(draw(day(CLINIC_ANCHORS)), changes[-1].fran + timedelta(days=1))))
            facts["legitimation"][f"l-{pid}"] = Legitimation(id=f"l-{pid}", person=pid,
                                                              yrke=draw(st.sampled_from(PROFESSIONS)), status=changes)
        if draw(st.booleans()):
            facts["specialistbevis"][f"s-{pid}"] = Specialistbevis(
                id=f"s-{pid}", person=pid, specialitet=draw(st.sampled_from(["plastikkirurgi", "allmanmedicin"])),
                utfardat=draw(day(CLINIC_ANCHORS)))
        if draw(st.booleans()):
            facts["underskoterskebevis"][f"u-{pid}"] = Underskoterskebevis(
                id=f"u-{pid}", person=pid, utfardat=max(date(2023, 7, 1), draw(day(CLINIC_ANCHORS))))
        if not draw(st.integers(0, 3)):
            appointed = draw(day(CLINIC_ANCHORS))
            facts["sarskilt_forordnande"][f"sf-{pid}"] = SarskiltForordnande(
                id=f"sf-{pid}", person=pid, yrke=draw(st.sampled_from(PROFESSIONS)), fran=appointed,
                till=draw(st.one_of(st.none(), after(appointed))))
        if draw(st.booleans()):
            begun = draw(day(CLINIC_ANCHORS))
            facts["engagemang"][f"e-{pid}"] = Engagemang(
                id=f"e-{pid}", person=pid, verksamhet="c1", form=draw(st.sampled_from(["anstallning", "praktik"])),
                roll=draw(st.sampled_from(["personal", "verksamhetschef"])),
                titel=draw(st.sampled_from(PROFESSIONS + ["ingen", "underskoterska", "psykolog"])),
                utovar=draw(st.sampled_from(["ingen", "lakare", "tandlakare", "barnmorska"])), start=begun,
                slut=draw(st.one_of(st.none(), after(begun))))
    earlier: list[date] = []
    for i in range(draw(st.integers(0, 5))):
        # a repeat lands around six calendar months after an earlier treatment (the exemption's edge)
        treated = draw(day(CLINIC_ANCHORS)) if not earlier or draw(st.booleans()) else (
            draw(st.sampled_from(earlier)) + relativedelta(months=6) + timedelta(days=draw(st.integers(-1, 1))))
        earlier.append(treated)
        info = draw(st.one_of(st.none(), st.integers(0, 9).map(lambda d, t=treated: t - timedelta(days=d))))
        consent = draw(st.one_of(st.none(), st.integers(0, 9).map(lambda d, t=treated: t - timedelta(days=d))))
        patient = f"P{draw(st.integers(0, 3))}"
        slag = draw(st.sampled_from(["injektion", "kirurgi"]))
        injicerat = draw(st.sampled_from([None, "lakemedel", "blod", "fyllnadsmedel", "tatueringsfarg", "annat"]))
        facts["behandling"][f"b{i}"] = Behandling(
            id=f"b{i}", verksamhet="c1", utforare=draw(st.sampled_from(people)),
            slag=slag, ingrepp=draw(st.sampled_from(["x", "y"])), datum=treated, patient=patient,
            patient_alder=draw(st.sampled_from([17, 18, 34])), information=info,
            information_omfattar=draw(st.sampled_from([INFORMATION, INFORMATION[:-1], [], None])), samtycke=consent,
            upprepning=draw(st.booleans()), lakemedel=injicerat == "lakemedel" and draw(st.booleans()),
            ordination=draw(st.sampled_from([None, "individuell", "generellt_direktiv", "saknas"])),
            delegerad=draw(st.booleans()),
            delegeringsbeslut=draw(st.one_of(st.none(), day(CLINIC_ANCHORS))),
            teknik=draw(st.sampled_from([None, "nal", "ytlig", "nalfri"])) if slag == "injektion" else None,
            injicerat=injicerat if slag == "injektion" else None)
        if draw(st.booleans()):
            facts["journal"][f"j-{patient}"] = Journal(id=f"j-{patient}", verksamhet="c1", patient=patient,
                                                       upprattad=treated)
    derive(bundle)
    return bundle
