"""Steps for decisions not carried out, judged quarter by quarter (features/beslut.feature).

The shared steps (a decision, its execution, interruptions, one report) live in steps_omsorg.py;
these add an ended decision, several reports at once, and outcomes for one quarter's report.
"""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then

from features.steps_omsorg import DATE, OUTCOMES, RULE, _d, _overall, _put
from regelkoll.facts.model import Rapportering
from regelkoll.report.citation import cite

QUARTER = DATE.format("kvartal")


@given(parsers.re(r"beslutet upphörde utan att ha verkställts " + DATE.format("dag")))
def ended(world, dag):
    facts = world["bundle"].facts["beslut"]
    facts[world["decision"]] = facts[world["decision"]].model_copy(update={"avslutat": _d(dag)})


@given(parsers.re(r"beslutet rapporterades till IVO för kvartalen som slutade (?P<dagar>[0-9, -]+)"))
def reported_many(world, dagar):
    for day in (d.strip() for d in dagar.split(",")):
        rid = f"r{len(world['bundle'].facts['rapportering']) + 1}"
        _put(world, "rapportering", Rapportering(id=rid, beslut=world["decision"], kvartal_slut=_d(day)))


def _decisions(world, name: str) -> set[str]:
    facts = world["bundle"].facts
    found = {b.id for b in facts["beslut"].values() if b.insats == name}
    if name.startswith("avbrottet i "):
        found = {a.id for a in facts["avbrott"].values() if facts["beslut"][a.beslut].insats == name[12:]}
    assert found, f"inget beslut eller avbrott heter {name}"  # a misspelt name must not pass silently
    return found


def _quarter(world, rule: str, name: str, kvartal: str) -> list:
    """The findings of `rule` about one decision's (or interruption's) report for one quarter."""
    facts = world["bundle"].facts
    wanted, day = _decisions(world, name), date.fromisoformat(kvartal)
    out = []
    for f in world["findings"]:
        if f.rule_id != rule or f.subject_kind != "rapportkvartal":
            continue
        fact = facts["rapportkvartal"].get(f.subject_id)
        if fact is not None and fact.kvartal_slut == day and (fact.avbrott or fact.beslut) in wanted:
            out.append(f)
    return out


@then(parsers.re(r"är " + RULE + r" (?P<utfall>inte tillämplig|en överträdelse|uppfylld|inte bedömbar) för "
                 r'"(?P<namn>[^"]+)" för kvartalet som slutade ' + QUARTER))
def quarter_outcome(world, rule, utfall, namn, kvartal):
    found = _quarter(world, rule, namn, kvartal)
    if not found and utfall == "inte tillämplig":
        return  # no report was due for that quarter: the decision was carried out or had ended by then
    assert found, f"{rule} bedömdes inte för {namn} kvartalet {kvartal}"
    assert _overall(found) == OUTCOMES[utfall], [(f.outcome, f.missing, f.reason) for f in found]


@then(parsers.re(r"bedöms " + RULE + r' inte för "(?P<namn>[^"]+)" för kvartalet som slutade ' + QUARTER))
def quarter_not_judged(world, rule, namn, kvartal):
    found = _quarter(world, rule, namn, kvartal)
    assert found == [], [(f.outcome, f.missing, f.reason) for f in found]


@then(parsers.re(r"rapporteras överträdelse av " + RULE + r' för "(?P<namn>[^"]+)" för kvartalet som slutade '
                 + QUARTER + r' med lagrum "(?P<ref>[^"]+)"'))
def quarter_violation(world, rulebook, rule, namn, kvartal, ref):
    found = _quarter(world, rule, namn, kvartal)
    hits = [f for f in found if f.outcome == "violation"]
    assert hits, [(f.outcome, f.missing, f.reason) for f in found]
    citations = [cite(r, rulebook.acts) for r in rulebook.get(rule).rule.versioner[hits[0].version].lagrum]
    assert any(c.startswith(ref) for c in citations), citations
