"""Step definitions for aesthetic clinics: legitimations, specialist certificates, titles, treatments."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers

from engine.facts import (Behandling, Engagemang, Journal, Legitimation, Legitimationsandring, Person,
                          Specialistbevis)

DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"
FULL = ["alternativa_metoder", "kostnad", "forlopp_och_resultat", "patientforsakring", "ombehandling",
        "kontaktperson", "substanser", "risker", "eftervard", "registrerad_hos_ivo"]
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


@given(parsers.re(r'"(?P<namn>[^"]+)" arbetar som (?P<titel>[a-z_]+) från ' + DATE.format("dag")
                  + r"(?P<praktik> under praktisk tjänstgöring)?"))
def works_as(world, namn, titel, dag, praktik):
    eid = f"e{len(world['bundle'].facts['engagemang']) + 1}"
    world["bundle"].facts["engagemang"][eid] = Engagemang(
        id=eid, person=_person(world, namn), verksamhet=world["facility"],
        form="praktik" if praktik else "anstallning", titel=titel, start=_d(dag))


@given("följande behandlingar:")
def treatments(world, datatable):
    header, *rows = datatable
    facts = world["bundle"].facts
    for row in rows:
        cell = {k: v.strip() for k, v in zip(header, row)}
        bid = f"b{len(facts['behandling']) + 1}"
        missing = [m.strip() for m in cell.get("informationen saknar", "").split(",") if m.strip()]
        info = _d(cell.get("information"))
        facts["behandling"][bid] = Behandling(
            id=bid, verksamhet=world["facility"], utforare=_person(world, cell["utförare"]), slag=cell["slag"],
            ingrepp=cell["ingrepp"], datum=_d(cell["datum"]), patient=cell["patient"],
            patient_alder=int(cell["ålder"]), information=info,
            information_omfattar=[p for p in FULL if p not in missing] if info else None,
            samtycke=_d(cell.get("samtycke")), upprepning=cell.get("upprepning") == "ja",
            lakemedel=cell.get("läkemedel") == "ja", ordination=cell.get("ordination") or None,
            delegerad=cell.get("delegerad") == "ja", delegeringsbeslut=_d(cell.get("delegeringsbeslut")))
        if cell.get("journal", "ja") == "ja":
            jid = f"j-{cell['patient']}"
            facts["journal"][jid] = Journal(id=jid, verksamhet=world["facility"], patient=cell["patient"],
                                            upprattad=_d(cell["datum"]))
