"""Running a scenario: the one way the step files check the facts a scenario wrote."""

from __future__ import annotations

from regelkoll.api import iter_check
from regelkoll.facts.assemble import finish
from regelkoll.facts.bundle import Source


def check_scenario(world, compiled) -> list:
    """The scenario's facts go the way a data set goes: assembled as the adapters' records are (people
    recorded twice merged, references resolved, periods derived), then checked through the library API."""
    bundle = world["bundle"]
    for kind, facts in bundle.facts.items():
        for fact_id in facts:
            bundle.sources.setdefault((kind, fact_id), Source("scenario", 0, 0))
    finish(bundle)
    # a scenario whose facts do not hold together, or a unit the engine could not evaluate, would read as
    # "nothing wrong found": both fail the scenario instead
    assert not bundle.diagnostics, [d.render() for d in bundle.diagnostics]
    findings = []
    for unit in iter_check(compiled, bundle, as_of=world["as_of"], jobs=0):
        assert unit.error is None, unit.error
        findings += unit.findings
    return findings
