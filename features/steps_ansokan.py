"""Steps for screening permit applications (features/ansokan.feature).

Two ways in: an application file of fixtures/ansokningar screened as `regelkoll ansokan` screens it (the
library API, with the fixtures' data set), or a small application written as facts in the scenario.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytest_bdd import given, parsers, then, when

from features.scenario import check_scenario
from regelkoll import api
from regelkoll.facts.model import (
    Ansokan,
    Dom,
    EkonomiskAnmarkning,
    Foretradare,
    Kretsperson,
    Legitimation,
    Legitimationsandring,
    Organisation,
    Person,
    Statusandring,
    Tillstand,
    Verksamhet,
)
from regelkoll.report.citation import cite

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "ansokningar"
ALL_ITEMS = ["verksamhet", "huvudman", "drift_och_omfattning", "malgrupp", "barn_angivet", "finansiering",
             "forestandare", "forestandare_identitet", "personal", "personal_erfarenhet", "kompetensutveckling",
             "lagefterlevnad", "brukarinflytande", "kontaktrutiner", "ritningar", "brandskydd",
             "lagenhetsforteckning", "bolagsordning", "firmatecknare", "personkrets", "underskrift"]
APP = "ans-1"


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.replace(" och ", ", ").split(",") if part.strip()]


@given(parsers.re(r'ansökan "(?P<fil>[^"]+)" med underlaget'))
def application_file(world, fil):
    world["ansokan_fil"] = FIXTURES / fil


@given(parsers.re(r'ansökan "(?P<fil>[^"]+)" med underlaget, bedömd per (?P<dag>\d{4}-\d{2}-\d{2})'))
def application_file_on(world, fil, dag):
    world["ansokan_fil"] = FIXTURES / fil
    world["ansokan_dag"] = date.fromisoformat(dag)


@given(parsers.re(r"en ansökan om (?P<typ>\w+) från en enskild firma som lämnar alla uppgifter utom (?P<uppgifter>.+)"))
def sole_trader_without(world, typ, uppgifter):
    missing = _ids(uppgifter)
    assert set(missing) <= set(ALL_ITEMS), missing
    world["bundle"].facts["ansokan"][APP] = Ansokan(
        id=APP, namn="Eva Ek", avser="ny", verksamhetstyp=typ, organisationsform="enskild_firma",
        innehall=[item for item in ALL_ITEMS if item not in missing])


@given(parsers.re(r"en ansökan om (?P<typ>\w+) som lämnar alla uppgifter utom (?P<uppgift>\w+)"))
def application_without(world, typ, uppgift):
    assert uppgift in ALL_ITEMS, uppgift
    world["bundle"].facts["ansokan"][APP] = Ansokan(
        id=APP, namn="Sökande AB", avser="ny", verksamhetstyp=typ, organisationsform="aktiebolag",
        innehall=[item for item in ALL_ITEMS if item != uppgift])


@given(parsers.re(r"en ansökan om (?P<typ>\w+) för åldrarna (?P<fran>\d+)–(?P<till>\d+) år som "
                  r"(?P<barn>riktar|inte riktar) sig till barn"))
def application_ages(world, typ, fran, till, barn):
    world["bundle"].facts["ansokan"][APP] = Ansokan(
        id=APP, namn="Sökande AB", avser="ny", verksamhetstyp=typ, alder_fran=int(fran), alder_till=int(till),
        riktar_sig_till_barn=(barn == "riktar"), innehall=list(ALL_ITEMS))


@given(parsers.re(r"en ansökan om (?P<typ>\w+) utan åldrar som (?P<barn>riktar|inte riktar) sig till barn"))
def application_no_ages(world, typ, barn):
    world["bundle"].facts["ansokan"][APP] = Ansokan(
        id=APP, namn="Sökande AB", avser="ny", verksamhetstyp=typ, riktar_sig_till_barn=(barn == "riktar"),
        innehall=list(ALL_ITEMS))


@given(parsers.re(r'en ansökan om (?P<typ>\w+) där "(?P<namn>[^"]+)" är (?P<roll>\w+)'))
def application_with_person(world, typ, namn, roll):
    world["bundle"].facts["ansokan"][APP] = Ansokan(id=APP, namn="Sökande AB", avser="ny", verksamhetstyp=typ,
                                                    innehall=list(ALL_ITEMS))
    _circle(world, namn, roll, typ)


@given(parsers.re(r'"(?P<namn>[^"]+)" är föreslagen föreståndare'))
def proposed_manager(world, namn):
    facts = world["bundle"].facts["ansokan"]
    facts[APP] = facts[APP].model_copy(update={"forestandare": _person(world, namn)})


@given(parsers.re(r'"(?P<namn>[^"]+)" dömdes (?P<dag>\d{4}-\d{2}-\d{2}) för (?P<brott>\w+)'))
def convicted(world, namn, dag, brott):
    did = f"d{len(world['bundle'].facts['dom']) + 1}"
    world["bundle"].facts["dom"][did] = Dom(id=did, person=_person(world, namn), datum=date.fromisoformat(dag),
                                            brott=brott)


@given(parsers.re(r'"(?P<namn>[^"]+)" fick en ekonomisk anmärkning \((?P<typ>\w+)\) (?P<dag>\d{4}-\d{2}-\d{2})'))
def economic_remark(world, namn, typ, dag):
    aid = f"a{len(world['bundle'].facts['ekonomisk_anmarkning']) + 1}"
    world["bundle"].facts["ekonomisk_anmarkning"][aid] = EkonomiskAnmarkning(
        id=aid, person=_person(world, namn), typ=typ, datum=date.fromisoformat(dag))


@given(parsers.re(r'"(?P<namn>[^"]+)":s legitimation som (?P<yrke>\w+) återkallades (?P<dag>\d{4}-\d{2}-\d{2})'))
def licence_revoked(world, namn, yrke, dag):
    lid = f"l{len(world['bundle'].facts['legitimation']) + 1}"
    world["bundle"].facts["legitimation"][lid] = Legitimation(
        id=lid, person=_person(world, namn), yrke=yrke,
        status=[Legitimationsandring(status="giltig", fran=date(2005, 6, 1)),
                Legitimationsandring(status="aterkallad", fran=date.fromisoformat(dag))])


@given(parsers.re(r'"(?P<namn>[^"]+)" var (?P<roll>\w+) (?P<fran>\d{4}-\d{2}-\d{2})–(?P<till>\d{4}-\d{2}-\d{2}) i ett '
                  r'bolag vars tillstånd återkallades (?P<dag>\d{4}-\d{2}-\d{2})'))
def role_in_revoked_company(world, namn, roll, fran, till, dag):
    facts = world["bundle"].facts
    facts["organisation"]["org-annat"] = Organisation(id="org-annat", namn="Annat Bolag AB", regi="enskild")
    facts["verksamhet"]["hvb-annat"] = Verksamhet(id="hvb-annat", namn="HVB Annat", organisation="org-annat",
                                                  typ="hvb")
    facts["tillstand"]["t-annat"] = Tillstand(
        id="t-annat", organisation="org-annat", verksamhet="hvb-annat", verksamhetstyp="hvb",
        beslutsdatum=date(2018, 1, 1), status=[Statusandring(status="aktivt", fran=date(2018, 1, 1)),
                                               Statusandring(status="aterkallat", fran=date.fromisoformat(dag))])
    fid = f"f{len(facts['foretradare']) + 1}"
    facts["foretradare"][fid] = Foretradare(id=fid, person=_person(world, namn), organisation="org-annat", roll=roll,
                                            fran=date.fromisoformat(fran), till=date.fromisoformat(till))


@given(parsers.re(r"sökandens eget tillstånd för (?P<typ>\w+) återkallades (?P<dag>\d{4}-\d{2}-\d{2})"))
def applicants_licence_revoked(world, typ, dag):
    facts = world["bundle"].facts
    facts["organisation"]["org-sok"] = Organisation(id="org-sok", namn="Sökande AB", regi="enskild")
    facts["verksamhet"]["v-sok"] = Verksamhet(id="v-sok", namn="Sökandens verksamhet", organisation="org-sok", typ=typ)
    facts["tillstand"]["t-sok"] = Tillstand(
        id="t-sok", organisation="org-sok", verksamhet="v-sok", verksamhetstyp=typ,
        beslutsdatum=date(2018, 1, 1), status=[Statusandring(status="aktivt", fran=date(2018, 1, 1)),
                                               Statusandring(status="aterkallat", fran=date.fromisoformat(dag))])
    facts["ansokan"][APP] = facts["ansokan"][APP].model_copy(update={"organisation": "org-sok"})


def _person(world, name: str) -> str:
    pid = f"p-{name.lower()}"
    world["bundle"].facts["person"].setdefault(pid, Person(id=pid, namn=name))
    return pid


def _circle(world, name: str, roll: str, typ: str) -> None:
    kid = f"k{len(world['bundle'].facts['kretsperson']) + 1}"
    world["bundle"].facts["kretsperson"][kid] = Kretsperson(id=kid, ansokan=APP, person=_person(world, name),
                                                           roll=roll, verksamhetstyp=typ)


@when("ansökan granskas")
def screened(world, compiled):
    if "ansokan_fil" in world:
        screening = api.screen(world["ansokan_fil"], FIXTURES / "underlag", as_of=world.get("ansokan_dag"))
        world["doc"] = api.screening_document(screening)
        world["findings"] = screening.findings
    else:
        world["findings"] = check_scenario(world, [c for c in compiled if c.rule.id.startswith("AN-")])
        world["doc"] = None


def _outcomes(world, rule_id: str, outcome: str) -> list:
    return [f for f in world["findings"] if f.rule_id == rule_id and f.outcome == outcome]


@then(parsers.re(r"begärs komplettering enligt (?P<regler>[A-Z0-9, -]+?(?: och [A-Z0-9-]+)?)(?: med lagrum \"(?P<lagrum>[^\"]+)\")?$"))
def completion_requested(world, rulebook, regler, lagrum):
    wanted = _ids(regler)
    found = sorted({f.rule_id for f in world["findings"] if f.outcome == "violation"
                    and not f.rule_id.startswith(("AN-TILL-", "AN-ALDER-", "AN-BARN-"))})
    assert found == sorted(wanted)
    if lagrum:
        [finding] = _outcomes(world, wanted[0], "violation")
        version = rulebook.get(wanted[0]).rule.versioner[finding.version]
        assert lagrum in [cite(ref, rulebook.acts) for ref in version.lagrum]


@then(parsers.re(r"kunde fullständigheten inte bedömas enligt (?P<regel>[A-Z0-9-]+)"))
def completeness_not_assessed(world, regel):
    assert world["doc"]["komplettering"] == []
    [item] = [u for u in world["doc"]["kunde_inte_bedomas"] if regel in u["regler"]]
    assert any("ingen version av regeln gäller" in why for why in item["varfor"]), item


@then("begärs ingen komplettering")
def nothing_to_complete(world):
    if world["doc"] is None:  # an application written as facts: no completion rule is broken or left open
        found = [(f.rule_id, f.outcome) for f in world["findings"] if f.outcome in ("violation", "undetermined")
                 and (f.rule_id.startswith(("AN-SOL-", "AN-LSS-", "AN-PA-", "AN-ALLM-")) or f.rule_id == "AN-FOR-01")]
        assert found == [], found
        return
    assert world["doc"]["komplettering"] == []


@then(parsers.re(r'bör "(?P<namn>[^"]+)" utredas enligt (?P<regel>[A-Z0-9-]+)'))
def to_investigate(world, namn, regel):
    found = _outcomes(world, regel, "indication")
    assert found and all(f.subject_label.startswith(namn) for f in found), [f.subject_label for f in found]


@then(parsers.re(r'bör "(?P<namn>[^"]+)" inte utredas'))
def not_to_investigate(world, namn):
    assert not [f for f in world["findings"] if f.outcome == "indication" and f.subject_label.startswith(namn)]


@then(parsers.re(r'prövas inte lämpligheten hos "(?P<namn>[^"]+)"'))
def not_assessed_at_all(world, namn):
    """Neither indicated nor left undetermined: the suitability test does not apply to this person at all."""
    assert not [f for f in world["findings"] if f.outcome in ("indication", "undetermined")
                and f.subject_label.startswith(namn)]


@then("bör ingen person utredas")
def nobody_to_investigate(world):
    assert not [f for f in world["findings"] if f.outcome == "indication"]


@then(parsers.re(r"är verksamheten (?P<svar>tillståndspliktig|inte tillståndspliktig enligt AN-TILL-01)"))
def licence_duty(world, svar):
    assert world["doc"]["tillstandsplikt"]["tillstandspliktig"] == ("ja" if svar == "tillståndspliktig" else "nej")


@then(parsers.re(r"stämmer målgruppen inte med verksamhetstypen enligt (?P<regel>[A-Z0-9-]+)"))
def incoherent(world, regel):
    assert _outcomes(world, regel, "violation")


@then(parsers.re(r"stämmer målgruppen väl med verksamhetstypen enligt (?P<regel>[A-Z0-9-]+)"))
def coherent(world, regel):
    assert _outcomes(world, regel, "pass")


@then(parsers.re(r"rapporteras inget fynd om verksamhet utan tillstånd"))
def no_unlicensed_finding(world):
    assert all(f.rule_id.startswith("AN-") for f in world["findings"])


@then(parsers.re(r"är slutstatus (?P<status>\d)"))
def exit_status(world, status):
    assert world["doc"]["run"]["status"] == int(status)
