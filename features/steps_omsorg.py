"""Step definitions for licences, placements, managers, family homes, representatives and municipal decisions.

The sentences name things the way an inspector does (a home by its name, a placement by its case
code, a representative by name, a decision by its support); the steps turn them into facts.
"""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then, when

from features.scenario import check_scenario
from regelkoll.facts.model import (
    Avbrott,
    Beslut,
    Dom,
    EkonomiskAnmarkning,
    Engagemang,
    Foretradare,
    Organisation,
    Placering,
    Rapportering,
    Statusandring,
    Tillstand,
    Verksamhet,
)
from regelkoll.report.citation import cite

DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"
RULE = r"(?P<rule>(?!RK-)[A-Z]{2,}(?:-[A-Z0-9]+)+)"
STATUS = {"återkallades": "aterkallat", "förbjöds": "forbud", "stoppades av domstol (inhibition)": "inhibition",
          "blev vilande": "vilande", "överklagades": "overklagat", "blev aktivt igen": "aktivt"}


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _put(world, kind: str, fact) -> None:
    world["bundle"].facts[kind][fact.id] = fact


def _next_id(world, kind: str, prefix: str) -> str:
    return f"{prefix}{len(world['bundle'].facts[kind]) + 1}"


def _person(world, name: str) -> str:
    from regelkoll.facts.model import Person

    pid = f"p-{name.lower().replace(' ', '-')}"
    world["bundle"].facts["person"].setdefault(pid, Person(id=pid, namn=name))
    return pid


def _org_of_name(world, name: str) -> str:
    oid = f"o-{name.lower().replace(' ', '-')}"
    world["bundle"].facts["organisation"].setdefault(oid, Organisation(id=oid, namn=name, regi="enskild"))
    return oid


@given("att huvudmannen är en kommun")
def municipal(world):
    org = world["bundle"].facts["organisation"]["org"]
    world["bundle"].facts["organisation"]["org"] = org.model_copy(update={"regi": "offentlig", "namn": "Kommunen"})


@given(parsers.re(r'verksamheten "(?P<namn>[^"]+)" av typen (?P<typ>[a-z_]+)(?: som startade ' + DATE.format("start")
                  + r")?(?: och upphörde " + DATE.format("slut") + ")?"))
def facility(world, namn, typ, start, slut):
    fid = f"f-{namn.lower().replace(' ', '-')}"
    _put(world, "verksamhet", Verksamhet(id=fid, namn=namn, organisation="org", typ=typ, tar_emot_barn=True,
                                         startdatum=_d(start), upphorde=_d(slut)))
    world["facility"] = fid


@given(parsers.re(r"verksamheten fick tillstånd för (?P<typ>[a-z_]+) " + DATE.format("dag")
                  + r"(?: för målgruppen (?P<grupper>[a-z_, ]+))?(?:, åldrarna (?P<fran>\d+)–(?P<till>\d+))?"
                  + r"(?: och (?P<platser>\d+) platser)?"))
def licence(world, typ, dag, grupper, fran, till, platser):
    tid = _next_id(world, "tillstand", "t")
    facility = world["bundle"].facts["verksamhet"][world["facility"]]
    _put(world, "tillstand", Tillstand(
        id=tid, organisation=facility.organisation, verksamhet=facility.id, verksamhetstyp=typ,
        beslutsdatum=_d(dag), malgrupper=[g.strip() for g in grupper.split(",")] if grupper else [],
        alder_fran=int(fran) if fran else None, alder_till=int(till) if till else None,
        platser=int(platser) if platser else None, status=[Statusandring(status="aktivt", fran=_d(dag))]))
    world["licence"] = tid


@given(parsers.re(r"tillståndet (?P<handelse>" + "|".join(map(lambda s: s.replace("(", r"\(").replace(")", r"\)"),
                                                                STATUS)) + r") " + DATE.format("dag")))
def licence_status(world, handelse, dag):
    facts = world["bundle"].facts["tillstand"]
    lic = facts[world["licence"]]
    facts[lic.id] = lic.model_copy(update={"status": [*lic.status, Statusandring(status=STATUS[handelse],
                                                                                  fran=_d(dag))]})


@given("följande placeringar:")
def placements(world, datatable):
    header, *rows = datatable
    for row in rows:
        cell = dict(zip(header, row))
        pid = _next_id(world, "placering", "pl")
        _put(world, "placering", Placering(
            id=pid, verksamhet=world["facility"], klient=cell["klient"], alder=int(cell["ålder"]),
            malgrupp=cell["målgrupp"], inskriven=_d(cell["inskriven"]), utskriven=_d(cell.get("utskriven")),
            lamplighet_dokumenterad=_d(cell.get("prövning dokumenterad"))))


@given(parsers.re(r'"(?P<namn>[^"]+)" är (?P<roll>föreståndare|anställd|familjehemsförälder|verksamhetschef) från '
                  + DATE.format("start")
                  + r"(?: till " + DATE.format("slut") + r")?(?: och (?P<bor>bor|bor inte) i hemmet)?"))
def engaged(world, namn, roll, start, slut, bor):
    eid = _next_id(world, "engagemang", "e")
    roles = {"föreståndare": "forestandare", "anställd": "personal", "familjehemsförälder": "familjehemsforalder",
             "verksamhetschef": "verksamhetschef"}
    _put(world, "engagemang", Engagemang(
        id=eid, person=_person(world, namn), verksamhet=world["facility"],
        form="uppdrag" if roll == "familjehemsförälder" else "anstallning", roll=roles[roll],
        start=_d(start), slut=_d(slut), bosatt_i_hemmet=None if bor is None else bor == "bor"))


@given(parsers.re(r'"(?P<namn>[^"]+)" blev (?P<roll>vd|styrelseledamot|ägare|firmatecknare) hos huvudmannen '
                  + DATE.format("fran")
                  + r" och (?:anmäldes till IVO " + DATE.format("anmald") + r"|(?P<inte>anmäldes inte))"))
def representative(world, namn, roll, fran, anmald, inte):
    fid = _next_id(world, "foretradare", "fr")
    _put(world, "foretradare", Foretradare(
        id=fid, person=_person(world, namn), organisation="org", roll=roll.replace("ä", "a"), fran=_d(fran),
        anmald=_d(anmald)))


@given(parsers.re(r'"(?P<namn>[^"]+)" var (?P<roll>vd|styrelseledamot) hos huvudmannen från ' + DATE.format("fran")
                  + " till " + DATE.format("till")))
def former_representative(world, namn, roll, fran, till):
    fid = _next_id(world, "foretradare", "fr")
    _put(world, "foretradare", Foretradare(id=fid, person=_person(world, namn), organisation="org", roll=roll,
                                           fran=_d(fran), till=_d(till), anmald=_d(fran)))


@given(parsers.re(r'"(?P<namn>[^"]+)" var styrelseledamot i "(?P<bolag>[^"]+)" från ' + DATE.format("fran")
                  + " till " + DATE.format("till")))
def board_elsewhere(world, namn, bolag, fran, till):
    fid = _next_id(world, "foretradare", "fr")
    _put(world, "foretradare", Foretradare(id=fid, person=_person(world, namn), organisation=_org_of_name(world, bolag),
                                           roll="styrelseledamot", fran=_d(fran), till=_d(till), anmald=_d(fran)))


@given(parsers.re(r'tillståndet för "(?P<bolag>[^"]+)" återkallades ' + DATE.format("dag")))
def revoked_elsewhere(world, bolag, dag):
    oid = _org_of_name(world, bolag)
    vid = f"{oid}-hvb"
    _put(world, "verksamhet", Verksamhet(id=vid, namn=f"HVB hos {bolag}", organisation=oid, typ="hvb",
                                         startdatum=date(2015, 1, 1), upphorde=_d(dag)))
    _put(world, "tillstand", Tillstand(
        id=f"t-{oid}", organisation=oid, verksamhet=vid, verksamhetstyp="hvb", beslutsdatum=date(2015, 1, 1),
        status=[Statusandring(status="aktivt", fran=date(2015, 1, 1)), Statusandring(status="aterkallat",
                                                                                    fran=_d(dag))]))


@given(parsers.re(r'"(?P<namn>[^"]+)" dömdes ' + DATE.format("dag") + r" för (?P<brott>[a-z_]+)"))
def conviction(world, namn, dag, brott):
    _put(world, "dom", Dom(id=_next_id(world, "dom", "d"), person=_person(world, namn), datum=_d(dag), brott=brott))


@given(parsers.re(r'"(?P<namn>[^"]+)" fick en ekonomisk anmärkning \((?P<typ>[a-z_]+)\) ' + DATE.format("dag")))
def remark(world, namn, typ, dag):
    _put(world, "ekonomisk_anmarkning", EkonomiskAnmarkning(
        id=_next_id(world, "ekonomisk_anmarkning", "a"), person=_person(world, namn), typ=typ, datum=_d(dag)))


@given(parsers.re(r'nämnden beslutade om "(?P<insats>[^"]+)" enligt (?P<lag>SoL|LSS) ' + DATE.format("dag")))
def decision(world, insats, lag, dag):
    bid = _next_id(world, "beslut", "b")
    _put(world, "beslut", Beslut(id=bid, verksamhet=world["facility"], lag=lag.lower(), insats=insats,
                                 beslutsdatum=_d(dag)))
    world["decision"] = bid


@given(parsers.re(r"beslutet verkställdes " + DATE.format("dag")))
def executed(world, dag):
    facts = world["bundle"].facts["beslut"]
    facts[world["decision"]] = facts[world["decision"]].model_copy(update={"verkstallt": _d(dag)})


@given(parsers.re(r"verkställigheten avbröts " + DATE.format("fran") + r"(?: och återupptogs "
                  + DATE.format("ater") + ")?"))
def interrupted(world, fran, ater):
    _put(world, "avbrott", Avbrott(id=_next_id(world, "avbrott", "av"), beslut=world["decision"], fran=_d(fran),
                                   aterupptaget=_d(ater)))


@given(parsers.re(r"beslutet rapporterades till IVO för kvartalet som slutade " + DATE.format("dag")))
def reported(world, dag):
    _put(world, "rapportering", Rapportering(id=_next_id(world, "rapportering", "r"), beslut=world["decision"],
                                             kvartal_slut=_d(dag)))


@when("reglerna bedöms")
def evaluate_all(world, compiled):
    world["findings"] += check_scenario(world, compiled)


def _label(world, finding) -> set[str]:
    """The names an inspector would use for a finding's subject."""
    facts = world["bundle"].facts
    kind, sid = finding.subject_kind, finding.subject_id
    if kind == "verksamhet":
        return {facts["verksamhet"][sid].namn}
    if kind == "placering":
        return {facts["placering"][sid].klient}
    if kind == "foretradare":
        return {facts["person"][facts["foretradare"][sid].person].namn}
    if kind == "beslut":
        return {facts["beslut"][sid].insats}
    if kind == "avbrott":
        return {"avbrottet i " + facts["beslut"][facts["avbrott"][sid].beslut].insats}
    if kind == "belaggning":
        return {"beläggningen " + facts["belaggning"][sid].datum.isoformat()}
    if kind == "behandling":
        return {facts["behandling"][sid].patient}
    if kind == "engagemang":
        return {facts["person"][facts["engagemang"][sid].person].namn}
    return {sid}


RANK = ("violation", "indication", "undetermined", "pass", "not_applicable")


def _overall(findings: list) -> str:
    """One person can be the subject several times (two roles): the weightiest outcome speaks for them."""
    return min((f.outcome for f in findings), key=RANK.index)


def _about(world, rule: str, name: str) -> list:
    found = [f for f in world["findings"] if f.rule_id == rule and name in _label(world, f)]
    assert found, f"{rule} bedömdes inte för {name}: {sorted({f.rule_id for f in world['findings']})}"
    return found


@then(parsers.re(r"rapporteras överträdelse av " + RULE + r' för "(?P<namn>[^"]+)" med lagrum "(?P<ref>[^"]+)"'))
def violation_with_basis(world, rulebook, rule, namn, ref):
    hits = [f for f in _about(world, rule, namn) if f.outcome == "violation"]
    assert hits, [(f.outcome, f.missing, f.reason) for f in _about(world, rule, namn)]
    citations = [cite(r, rulebook.acts) for r in rulebook.get(rule).rule.versioner[hits[0].version].lagrum]
    assert any(c.startswith(ref) for c in citations), citations


@then(parsers.re(r"bör " + RULE + r' utredas för "(?P<namn>[^"]+)" med lagrum "(?P<ref>[^"]+)"'))
def indication_with_basis(world, rulebook, rule, namn, ref):
    hits = [f for f in _about(world, rule, namn) if f.outcome == "indication"]
    assert _overall(_about(world, rule, namn)) == "indication", [(f.outcome, f.missing) for f in _about(world, rule, namn)]
    assert rulebook.get(rule).rule.slag == "indikator"
    citations = [cite(r, rulebook.acts) for r in rulebook.get(rule).rule.versioner[hits[0].version].lagrum]
    assert any(c.startswith(ref) for c in citations), citations


OUTCOMES = {"inte tillämplig": "not_applicable", "en överträdelse": "violation", "uppfylld": "pass",
            "inte bedömbar": "undetermined"}


@then(parsers.re(r"är " + RULE + r" (?P<utfall>inte tillämplig|en överträdelse|uppfylld|inte bedömbar) för "
                 r'"(?P<namn>[^"]+)"'))
def outcome(world, rule, utfall, namn):
    found = _about(world, rule, namn)
    assert _overall(found) == OUTCOMES[utfall], [(f.outcome, f.missing, f.reason) for f in found]


@then(parsers.re(r"undantas (?P<namn>\"[^\"]+\") från " + RULE + r" eftersom ett förbud gäller"))
def deferred_to_ban(world, namn, rule):
    hits = _about(world, rule, namn.strip('"'))
    assert all(f.outcome == "not_applicable" and f.exempt and "förbud" in f.reason for f in hits), hits


@then(parsers.re(r'finns ingen överträdelse för "(?P<namn>[^"]+)"'))
def no_violation(world, namn):
    about = [f for f in world["findings"] if namn in _label(world, f)]
    assert about, f"inget bedömdes för {namn}"  # a misspelt name must not pass silently
    found = [f.rule_id for f in about if f.outcome == "violation"]
    assert found == [], found


@then(parsers.re(r"är lagrummet för " + RULE + r' för "(?P<namn>[^"]+)" overifierat'))
def unverified_basis(world, rulebook, rule, namn):
    hits = [f for f in _about(world, rule, namn) if f.outcome == "violation"]
    assert hits and all(r.overifierad for r in rulebook.get(rule).rule.versioner[hits[0].version].lagrum)


@then(parsers.re(r"har " + RULE + r' för "(?P<namn>[^"]+)" lydelsen (?P<lydelse>äldre|\d{4}:\d+)'))
def wording(world, rulebook, rule, namn, lydelse):
    hits = [f for f in _about(world, rule, namn) if f.outcome == "violation"]
    assert hits
    first = rulebook.get(rule).rule.versioner[hits[0].version].lagrum[0]
    assert first.lydelse == (None if lydelse == "äldre" else lydelse), first
