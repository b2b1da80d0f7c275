"""Step definitions for the Swedish feature files: a lawyer's sentences become a small fact bundle."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_bdd import given, parsers, then, when

from features.scenario import check_scenario
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Engagemang, Organisation, Person, Registerutdrag, Verksamhet
from regelkoll.report.citation import cite

TYPES = {"HVB": "hvb", "stödboende": "stodboende", "skyddat boende": "skyddat_boende",
         "korttidshem enligt LSS": "lss_korttidsvistelse", "LSS-bostad för barn": "lss_bostad_barn",
         "assistansanordnare enligt LSS": "lss_personlig_assistans"}
FORMS = {"anställdes": "anstallning", "fick ett uppdrag": "uppdrag", "började praktik": "praktik",
         "började som volontär": "volontar"}
REGISTERS = {"belastningsregistret": ["belastningsregistret"], "misstankeregistret": ["misstankeregistret"],
             "belastningsregistret och misstankeregistret": ["belastningsregistret", "misstankeregistret"]}
DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"


@pytest.fixture
def world():
    bundle = FactBundle()
    bundle.facts["organisation"]["org"] = Organisation(id="org", namn="Huvudmannen AB", regi="enskild")
    return {"bundle": bundle, "facility": None, "as_of": date(2026, 11, 20), "findings": [], "last_extract": None,
            "checked": set()}


def _person(world, name: str) -> str:
    pid = f"p-{name.lower()}"
    world["bundle"].facts["person"].setdefault(pid, Person(id=pid, namn=name))
    return pid


@given(parsers.re(r'(?:ett|en) (?P<typ>HVB|stödboende|skyddat boende|korttidshem enligt LSS|LSS-bostad för barn|'
                  r'assistansanordnare enligt LSS) '
                  r'"(?P<namn>[^"]+)" som (?P<barn>tar|inte tar) emot barn'))
def facility(world, typ, namn, barn):
    fid = f"f-{namn.lower()}"
    world["bundle"].facts["verksamhet"][fid] = Verksamhet(id=fid, namn=namn, organisation="org", typ=TYPES[typ],
                                                         tar_emot_barn=(barn == "tar"))
    world["facility"] = fid


@given(parsers.re(r"bedömningsdagen är " + DATE.format("dag")))
def as_of(world, dag):
    world["as_of"] = date.fromisoformat(dag)


def _engage(world, name: str, form: str, start: str, end: str | None = None, employer: str = "org",
            parent: str = "okant") -> None:
    eid = f"e{len(world['bundle'].facts['engagemang']) + 1}"
    world["bundle"].facts["engagemang"][eid] = Engagemang(
        id=eid, person=_person(world, name), verksamhet=world["facility"], organisation=employer, form=form,
        start=date.fromisoformat(start), slut=date.fromisoformat(end) if end else None,
        forelder_till_mottagaren=parent)


@given(parsers.re(r'att "(?P<namn>[^"]+)" (?P<form>anställdes|fick ett uppdrag|började praktik|började som volontär) '
                  + DATE.format("start")))
def engagement(world, namn, form, start):
    _engage(world, namn, FORMS[form], start)


@given(parsers.re(r'att "(?P<namn>[^"]+)" anställdes ' + DATE.format("start")
                  + r" för insatser åt (?P<vem>sitt eget barn|ett barn som inte är hennes eller hans)"))
def engagement_parent(world, namn, start, vem):
    _engage(world, namn, "anstallning", start, parent="ja" if vem == "sitt eget barn" else "nej")


@given(parsers.re(r'"(?P<namn>[^"]+)" erbjöds den nya anställningen ' + DATE.format("dag")))
def offered(world, namn, dag):
    facts = world["bundle"].facts["engagemang"]
    latest = max((e for e in facts.values() if e.person == f"p-{namn.lower()}"), key=lambda e: e.start)
    facts[latest.id] = latest.model_copy(update={"erbjuden": date.fromisoformat(dag)})


@given(parsers.re(r'att "(?P<namn>[^"]+)" var (?P<roll>anställd|volontär) från ' + DATE.format("start") + " till "
                  + DATE.format("slut")))
def earlier_engagement(world, namn, roll, start, slut):
    _engage(world, namn, "anstallning" if roll == "anställd" else "volontar", start, slut)


@given(parsers.re(r'att "(?P<namn>[^"]+)" hyrdes in från ett bemanningsföretag ' + DATE.format("start")))
def agency_engagement(world, namn, start):
    world["bundle"].facts["organisation"].setdefault(
        "bemanning", Organisation(id="bemanning", namn="Bemanning AB", regi="enskild"))
    _engage(world, namn, "uppdrag", start, employer="bemanning")


def _extract(world, name: str, lag: str, registers: str, issued: str, shown: str | None) -> None:
    xid = f"x{len(world['bundle'].facts['registerutdrag']) + 1}"
    world["bundle"].facts["registerutdrag"][xid] = Registerutdrag(
        id=xid, person=_person(world, name), organisation="org", lag=lag, omfattar=REGISTERS[registers],
        utfardat=date.fromisoformat(issued), uppvisat=date.fromisoformat(shown) if shown else None)
    world["last_extract"] = xid


@given(parsers.re(r'"(?P<namn>[^"]+)" visade upp ett utdrag enligt lag (?P<lag>\d{4}:\d+) ur (?P<reg>.+), utfärdat '
                  + DATE.format("utf") + " och uppvisat " + DATE.format("upp")))
def extract(world, namn, lag, reg, utf, upp):
    _extract(world, namn, lag, reg, utf, upp)


@given(parsers.re(r'"(?P<namn>[^"]+)" fick ett utdrag enligt lag (?P<lag>\d{4}:\d+) ur (?P<reg>.+), utfärdat '
                  + DATE.format("utf") + ", utan uppgift om när det visades upp"))
def extract_unknown_shown(world, namn, lag, reg, utf):
    _extract(world, namn, lag, reg, utf, None)


@given(parsers.re(r"utdraget gallrades " + DATE.format("dag")))
def discarded(world, dag):
    facts = world["bundle"].facts["registerutdrag"]
    xid = world["last_extract"]
    facts[xid] = facts[xid].model_copy(update={"bevarat_till": date.fromisoformat(dag)})


@when("registerkontrollen bedöms")
def evaluate(world, compiled):
    world["findings"] += check_scenario(world, compiled)


def _about(world, name: str) -> list:
    pid = f"p-{name.lower()}"
    mine = {e.id for e in world["bundle"].of("engagemang") if e.person == pid}
    found = [f for f in world["findings"] if f.subject_kind == "engagemang" and f.subject_id in mine]
    # a misspelt name must fail the step, not pass it because nothing was found to be wrong
    assert found, f'ingen bedömning gäller "{name}"; kända namn: {sorted(p.namn for p in world["bundle"].of("person"))}'
    return found


@then(parsers.re(r'rapporteras överträdelse av (?P<rule>RK-[A-Z]+-\d+) för "(?P<namn>[^"]+)" med lagrum "(?P<ref>[^"]+)"'))
def violation_with_basis(world, rulebook, rule, namn, ref):
    hits = [f for f in _about(world, namn) if f.rule_id == rule and f.outcome == "violation"]
    assert hits, f"ingen överträdelse av {rule} för {namn}: {[(f.rule_id, f.outcome) for f in _about(world, namn)]}"
    version = rulebook.get(rule).rule.versioner[hits[0].version]
    citations = [cite(r, rulebook.acts) for r in version.lagrum]
    assert any(c.startswith(ref) for c in citations), citations
    world["checked"].add(rule)


@then(parsers.re(r'rapporteras överträdelse av (?P<rule>RK-[A-Z]+-\d+) för "(?P<namn>[^"]+)" i lydelse enligt SFS '
                 r"(?P<sfs>\d{4}:\d+)"))
def violation_with_wording(world, rulebook, rule, namn, sfs):
    hits = [f for f in _about(world, namn) if f.rule_id == rule and f.outcome == "violation"]
    assert hits
    assert {r.lydelse for r in rulebook.get(rule).rule.versioner[hits[0].version].lagrum} == {sfs}


@then(parsers.re(r'rapporteras ingen överträdelse för "(?P<namn>[^"]+)"'))
def no_violation(world, namn):
    found = [(f.rule_id, f.subject_id) for f in _about(world, namn) if f.outcome == "violation"]
    assert found == [], found


@then(parsers.re(r'rapporteras ingen annan överträdelse för "(?P<namn>[^"]+)"'))
def no_other_violation(world, namn):
    others = [f.rule_id for f in _about(world, namn) if f.outcome == "violation" and f.rule_id not in world["checked"]]
    assert others == [], others


OUTCOMES = {"inte tillämpligt": "not_applicable", "en överträdelse": "violation", "uppfyllt": "pass"}


@then(parsers.re(r'är (?P<rule>RK-[A-Z]+-\d+) (?P<utfall>inte tillämpligt|en överträdelse|uppfyllt) för '
                 r'"(?P<namn>[^"]+)"'))
def outcome(world, rule, utfall, namn):
    outcomes = {f.outcome for f in _about(world, namn) if f.rule_id == rule}
    assert outcomes == {OUTCOMES[utfall]}, outcomes


@then(parsers.re(r'bör (?P<rule>RK-[A-Z]+-\d+) utredas för "(?P<namn>[^"]+)"'))
def indication(world, rule, namn):
    assert {f.outcome for f in _about(world, namn) if f.rule_id == rule} >= {"indication"}


@then(parsers.re(r'bör (?P<rule>RK-[A-Z]+-\d+) inte utredas för "(?P<namn>[^"]+)"'))
def no_indication(world, rule, namn):
    outcomes = {f.outcome for f in _about(world, namn) if f.rule_id == rule}
    assert outcomes and "indication" not in outcomes, outcomes


@then(parsers.re(r'kan (?P<rule>RK-[A-Z]+-\d+) inte bedömas för "(?P<namn>[^"]+)"'))
def undetermined(world, rule, namn):
    # a person may be the subject several times (an earlier engagement): none may be a violation
    hits = [f for f in _about(world, namn) if f.rule_id == rule]
    assert any(f.outcome == "undetermined" and f.missing for f in hits), hits
    assert not any(f.outcome == "violation" for f in hits), hits


@then(parsers.re(r'gäller undantaget för återanställning för "(?P<namn>[^"]+)"'))
def exemption(world, namn):
    latest = max((e for e in world["bundle"].of("engagemang") if e.person == f"p-{namn.lower()}"),
                 key=lambda e: e.start)
    mine = [f for f in world["findings"] if f.subject_id == latest.id]
    assert [f for f in mine if f.exempt], "inget undantag tillämpades"
    assert not [f for f in mine if f.outcome == "violation"]


# the steps for licensed care live in their own module; their step fixtures are registered here by name
# only, so that the module's helpers never shadow this file's
import features.steps_ansokan as _ansokan  # noqa: E402
import features.steps_beslut as _beslut  # noqa: E402
import features.steps_besok as _besok  # noqa: E402
import features.steps_omsorg as _omsorg  # noqa: E402
import features.steps_uppfoljning as _uppfoljning  # noqa: E402
import features.steps_vard as _vard  # noqa: E402

for _module in (_omsorg, _vard, _beslut, _besok, _ansokan, _uppfoljning):
    globals().update({name: value for name, value in vars(_module).items() if name.startswith("pytestbdd_")})


@then(parsers.re(r'misslyckas steget "rapporteras ingen överträdelse" för "(?P<namn>[^"]+)"'))
def misspelt_name_fails(world, namn):
    with pytest.raises(AssertionError, match="ingen bedömning gäller"):
        no_violation(world, namn)
uppfoljning = _uppfoljning.uppfoljning  # the follow-up scenarios' own state (a decisions file, a baseline)
