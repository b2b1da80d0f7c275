"""Step definitions for aesthetic clinics: legitimations, specialist certificates, titles, treatments."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then

from regelkoll.facts.model import (
    ENSAMRATT,
    Behandling,
    Engagemang,
    Journal,
    Legitimation,
    Legitimationsandring,
    Person,
    SarskiltForordnande,
    Specialistbevis,
    Underskoterskebevis,
)

DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"
FULL = ["alternativa_metoder", "kostnad", "forlopp_och_resultat", "patientforsakring", "ombehandling",
        "kontaktperson", "substanser", "risker", "eftervard", "registrerad_hos_ivo"]
# what a treatment injects when the table does not say: the products the scenarios use
INJICERAT = {"botulinumtoxin": "lakemedel", "hyaluronsyra": "fyllnadsmedel"}
EVENTS = {"återkallades": "aterkallad", "återkallades interimistiskt": "interimistiskt_aterkallad",
          "fick prövotid": "provotid", "fick begränsad förskrivningsrätt": "begransad_forskrivningsratt",
          "blev giltig igen": "giltig"}


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _person(world, name: str) -> str:
    pid = f"p-{name.lower().replace(' ', '-')}"
    world["bundle"].facts["person"].setdefault(pid, Person(id=pid, namn=name))
    return pid


@given(parsers.re(r"verksamheten anmäldes till IVO " + DATE.format("dag")))
def registered(world, dag):
    facts = world["bundle"].facts["verksamhet"]
    facts[world["facility"]] = facts[world["facility"]].model_copy(update={"anmald_ivo": _d(dag)})


@given(parsers.re(r'"(?P<namn>[^"]+)" har legitimation som (?P<yrke>[a-z_]+) från ' + DATE.format("dag")))
def legitimation(world, namn, yrke, dag):
    lid = f"l-{namn.lower()}"
    world["bundle"].facts["legitimation"][lid] = Legitimation(
        id=lid, person=_person(world, namn), yrke=yrke, status=[Legitimationsandring(status="giltig", fran=_d(dag))])


@given(parsers.re(r'legitimationen för "(?P<namn>[^"]+)" (?P<handelse>' + "|".join(sorted(EVENTS, key=len, reverse=True))
                  + r") " + DATE.format("dag")))
def legitimation_event(world, namn, handelse, dag):
    facts = world["bundle"].facts["legitimation"]
    lic = facts[f"l-{namn.lower()}"]
    facts[lic.id] = lic.model_copy(update={"status": [*lic.status, Legitimationsandring(status=EVENTS[handelse],
                                                                                        fran=_d(dag))]})


@given(parsers.re(r'"(?P<namn>[^"]+)" har bevis om specialistkompetens i (?P<spec>[a-z_]+)'))
def specialist(world, namn, spec):
    sid = f"s-{namn.lower()}-{spec}"
    world["bundle"].facts["specialistbevis"][sid] = Specialistbevis(
        id=sid, person=_person(world, namn), specialitet=spec, utfardat=date(2015, 1, 15))


def _engaged(world, namn, dag, praktik, titel="ingen", utovar="ingen"):
    eid = f"e{len(world['bundle'].facts['engagemang']) + 1}"
    world["bundle"].facts["engagemang"][eid] = Engagemang(
        id=eid, person=_person(world, namn), verksamhet=world["facility"],
        form="praktik" if praktik else "anstallning", titel=titel, utovar=utovar, start=_d(dag))


@given(parsers.re(r'"(?P<namn>[^"]+)" arbetar som (?P<titel>[a-z_]+) från ' + DATE.format("dag")
                  + r"(?P<praktik> under praktisk tjänstgöring)?"))
def works_as(world, namn, titel, dag, praktik):
    """Works as: uses the title and, for a profession with an exclusive right, does its work."""
    _engaged(world, namn, dag, praktik, titel=titel, utovar=titel if titel in ENSAMRATT else "ingen")


@given(parsers.re(r'"(?P<namn>[^"]+)" använder titeln (?P<titel>[a-z_]+) från ' + DATE.format("dag")
                  + r"(?P<praktik> under praktik)?"))
def uses_title(world, namn, titel, dag, praktik):
    """Only uses the title: does no work reserved for a profession."""
    _engaged(world, namn, dag, praktik, titel=titel)


@given(parsers.re(r'"(?P<namn>[^"]+)" utövar yrket (?P<yrke>[a-z_]+) utan titel från ' + DATE.format("dag")
                  + r"(?P<praktik> under praktik)?"))
def practises(world, namn, yrke, dag, praktik):
    _engaged(world, namn, dag, praktik, utovar=yrke)


@given(parsers.re(r'"(?P<namn>[^"]+)" fick bevis om rätt att använda yrkestiteln undersköterska '
                  + DATE.format("dag")))
def nurse_assistant_certificate(world, namn, dag):
    bid = f"u-{namn.lower()}"
    world["bundle"].facts["underskoterskebevis"][bid] = Underskoterskebevis(
        id=bid, person=_person(world, namn), utfardat=_d(dag))


@given(parsers.re(r'"(?P<namn>[^"]+)" har särskilt förordnande som (?P<yrke>[a-z_]+) från ' + DATE.format("dag")))
def special_appointment(world, namn, yrke, dag):
    fid = f"sf-{namn.lower()}"
    world["bundle"].facts["sarskilt_forordnande"][fid] = SarskiltForordnande(
        id=fid, person=_person(world, namn), yrke=yrke, fran=_d(dag))


@given("följande behandlingar:")
def treatments(world, datatable):
    header, *rows = datatable
    facts = world["bundle"].facts
    for row in rows:
        cell = {k: v.strip() for k, v in zip(header, row)}
        bid = f"b{len(facts['behandling']) + 1}"
        missing = [m.strip() for m in cell.get("informationen saknar", "").split(",") if m.strip()]
        info = _d(cell.get("information"))
        injection = cell["slag"] == "injektion"
        # an injection is by needle, of the product's usual substance, unless the table says otherwise
        teknik = (cell["teknik"] or None) if "teknik" in cell else "nal"
        injicerat = (cell["injicerat"] or None) if "injicerat" in cell else INJICERAT.get(cell["ingrepp"], "annat")
        facts["behandling"][bid] = Behandling(
            id=bid, verksamhet=world["facility"], utforare=_person(world, cell["utförare"]), slag=cell["slag"],
            ingrepp=cell["ingrepp"], datum=_d(cell["datum"]), patient=cell["patient"],
            patient_alder=int(cell["ålder"]), information=info,
            information_omfattar=[p for p in FULL if p not in missing] if info else None,
            samtycke=_d(cell.get("samtycke")), upprepning=cell.get("upprepning") == "ja",
            lakemedel=cell.get("läkemedel") == "ja", ordination=cell.get("ordination") or None,
            delegerad=cell.get("delegerad") == "ja", delegeringsbeslut=_d(cell.get("delegeringsbeslut")),
            teknik=teknik if injection else None, injicerat=injicerat if injection else None)
        if cell.get("journal", "ja") == "ja":
            jid = f"j-{cell['patient']}"
            facts["journal"][jid] = Journal(id=jid, verksamhet=world["facility"], patient=cell["patient"],
                                            upprattad=_d(cell["datum"]))


OUTCOMES = {"inte tillämplig": "not_applicable", "en överträdelse": "violation", "uppfylld": "pass",
            "inte bedömbar": "undetermined"}


@then(parsers.re(r"är (?P<rule>[A-Z]{2,}(?:-[A-Z0-9]+)+) (?P<utfall>inte tillämplig|en överträdelse|uppfylld|inte bedömbar) "
                 r'för behandlingen av "(?P<patient>[^"]+)" den ' + DATE.format("dag")))
def treatment_outcome(world, rule, utfall, patient, dag):
    """One treatment, when a patient has several."""
    facts = world["bundle"].facts["behandling"]
    found = [f for f in world["findings"] if f.rule_id == rule and f.subject_kind == "behandling"
             and facts[f.subject_id].patient == patient and facts[f.subject_id].datum == _d(dag)]
    assert found, f"{rule} bedömdes inte för {patient} den {dag}"
    assert {f.outcome for f in found} == {OUTCOMES[utfall]}, [(f.outcome, f.missing, f.reason) for f in found]
