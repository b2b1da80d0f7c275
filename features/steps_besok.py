"""Steps for the brief before a visit: the scenario's facts, then `regelkoll besok` through the library API."""

from __future__ import annotations

import json
from datetime import date

from pytest_bdd import given, parsers, then, when

from regelkoll import api
from regelkoll.brief.html import render_brief_html
from regelkoll.brief.text import render_brief_text
from regelkoll.facts.assemble import finish
from regelkoll.facts.bundle import Source
from regelkoll.facts.model import Engagemang, Foretradare, Person
from regelkoll.personal_data import mask_text

DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"


def _person(world, name: str, number: str | None = None) -> str:
    pid = f"p-{name.lower()}"
    world["bundle"].facts["person"][pid] = Person(id=pid, namn=name, personnummer=number)
    return pid


@given(parsers.re(r'att "(?P<namn>[^"]+)" med personnumret (?P<pnr>\d{8}-\d{4}) anställdes ' + DATE.format("start")))
def employed_with_number(world, namn, pnr, start):
    pid = _person(world, namn, pnr.replace("-", ""))
    eid = f"e{len(world['bundle'].facts['engagemang']) + 1}"
    world["bundle"].facts["engagemang"][eid] = Engagemang(
        id=eid, person=pid, verksamhet=world["facility"], organisation="org", form="anstallning",
        start=date.fromisoformat(start))


@given(parsers.re(r'att "(?P<namn>[^"]+)" med personnumret (?P<pnr>\d{8}-\d{4}) var (?P<roll>styrelseledamot|vd) '
                  r"hos huvudmannen från " + DATE.format("fran") + " till " + DATE.format("till")))
def officer_with_number(world, namn, pnr, roll, fran, till):
    pid = _person(world, namn, pnr.replace("-", ""))
    world["bundle"].facts["foretradare"][f"f-{pid}"] = Foretradare(
        id=f"f-{pid}", person=pid, organisation="org", roll=roll, fran=date.fromisoformat(fran),
        till=date.fromisoformat(till))


def _brief(world, rulebook, compiled, inspector: str | None, show: bool = False) -> dict:
    bundle = world["bundle"]
    if not world.get("finished"):
        for kind, facts in bundle.facts.items():
            for fact_id in facts:
                bundle.sources.setdefault((kind, fact_id), Source("scenario", 0, 0))
        finish(bundle)
        assert not bundle.diagnostics, [d.render() for d in bundle.diagnostics]
        world["finished"] = True
    return api.brief(rulebook, bundle, world["facility"], as_of=world["as_of"], jobs=0, inspector=inspector,
                     show_personal_data=show, compiled=compiled)


@when(parsers.re(r"underlaget inför besöket tas fram för inspektören med personnumret (?P<pnr>\d{8}-\d{4})"))
def brief_for_inspector(world, rulebook, compiled, pnr):
    world["brief"] = _brief(world, rulebook, compiled, pnr)
    world["inspector"] = pnr
    world["rulebook"], world["compiled"] = rulebook, compiled


@when("underlaget inför besöket tas fram")
def brief_plain(world, rulebook, compiled):
    world["brief"] = _brief(world, rulebook, compiled, None)
    world["result"] = api.check(rulebook, world["bundle"], as_of=world["as_of"], jobs=0, compiled=compiled,
                                facilities=[world["facility"]])


@then(parsers.re(r'flaggas jäv med grunden "(?P<grund>[^"]+)"'))
def conflict_flagged(world, grund):
    hits = [hit["grund"] for hit in world["brief"]["conflict"]["fynd"]]
    assert grund in hits, hits


@then("flaggas inget jäv")
def no_conflict(world):
    conflict = world["brief"]["conflict"]
    assert conflict is not None and conflict["prövad"], conflict
    assert conflict["fynd"] == [], conflict["fynd"]


@then(parsers.re(r"står personnumret (?P<pnr>\d{8}-\d{4}) ingenstans i underlaget, inte ens med personnummer visade"))
def number_never_written(world, pnr):
    shown = _brief(world, world["rulebook"], world["compiled"], pnr, show=True)
    digits = pnr.replace("-", "")
    for text in (json.dumps(shown, ensure_ascii=False), render_brief_text(shown), render_brief_html(shown)):
        assert digits not in text.replace("-", "") and digits[2:] not in text.replace("-", "")


def _requested(world, text: str, name: str) -> None:
    hits = [r for r in world["brief"]["requests"] if text in r["text"]]
    assert hits, [r["text"] for r in world["brief"]["requests"]]
    assert any(name in about for r in hits for about in r["about"]), [r["about"] for r in hits]


@then(parsers.re(r'ska inspektören begära "(?P<text>[^"]+)" för "(?P<namn>[^"]+)"'))
def asks_for(world, text, namn):
    _requested(world, text, namn)


@then(parsers.re(r'ska inspektören fråga "(?P<text>[^"]+)" för "(?P<namn>[^"]+)"'))
def asks_about(world, text, namn):
    _requested(world, text, namn)


@then("har varje bedömning som inte kunde göras en begäran")
def every_undetermined_requested(world):
    undetermined = [f for f in world["result"].findings if f.outcome == "undetermined"]
    assert undetermined, "scenariot ger inget som inte kunde bedömas"
    for finding in undetermined:
        labels = {finding.subject_label, mask_text(finding.subject_label)}  # as shown, or masked
        assert any(finding.rule_id in r["rules"] and labels & set(r["about"])
                   for r in world["brief"]["requests"]), (finding.rule_id, finding.subject_label)
