"""durable_rules must agree exactly with the plain-Python reference on random facilities."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelkoll.backends.durable.prepare import session_batch
from regelkoll.facts.model import Kontext
from regelkoll.facts.scope import facility_facts
from regelkoll.lang.model import role_name
from tests.reference import ReferenceRunner
from tests.strategies import facilities
from tests.strategies_omsorg import clinics, licensed_care

FACILITIES_PER_RUN = 250


def _differences(compiled, runner, bundle, fid, as_of):
    reference = ReferenceRunner({cr.merged.name: cr.merged for cr in compiled})
    scope = facility_facts(bundle, fid)
    kontext = Kontext(per_datum=as_of)
    diffs, total = [], 0
    for crule in compiled:
        merged = crule.merged
        batch, _ = session_batch(merged, scope, kontext, f"diff:{fid}:{merged.name}")
        engine = set(runner.run(merged.name, merged.ruleset, batch))
        expected = set(reference.run(merged.name, merged.ruleset, batch))
        total += len(expected)
        if engine != expected:
            diffs.append((crule.rule.id, sorted(engine - expected), sorted(expected - engine)))
    return diffs, total


@settings(max_examples=FACILITIES_PER_RUN, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=facilities(), offset=st.integers(-400, 400))
def test_engine_equals_reference_on_random_facilities(compiled, runner, case, offset):
    bundle, fid = case
    diffs, _ = _differences(compiled, runner, bundle, fid, date(2026, 1, 1) + timedelta(days=offset))
    assert diffs == []


def _every_unit_agrees(compiled, runner, bundle, offset: int) -> None:
    from regelkoll.facts.scope import facility_ids

    as_of = date(2026, 3, 1) + timedelta(days=offset)
    for unit in facility_ids(bundle):
        diffs, _ = _differences(compiled, runner, bundle, unit, as_of)
        assert diffs == [], unit


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=licensed_care(), offset=st.integers(-500, 300))
def test_engine_equals_reference_on_random_licensed_care(compiled, runner, bundle, offset):
    """Licences over time, occupancy, placements, representatives (per organisation) and decisions."""
    _every_unit_agrees(compiled, runner, bundle, offset)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=clinics(), offset=st.integers(-400, 300))
def test_engine_equals_reference_on_random_clinics(compiled, runner, bundle, offset):
    """Legitimations over time, specialist certificates, titles, treatments and patient records."""
    _every_unit_agrees(compiled, runner, bundle, offset)


def _corpus():
    """The demo county and every rule's inline examples: built by hand to reach every rule."""
    from pathlib import Path

    from regelkoll.adapters.yaml_files import read_bundle
    from regelkoll.examples import example_bundle
    from regelkoll.facts.scope import facility_ids
    from regelkoll.lang.load import load_rulebook

    root = Path(__file__).resolve().parent.parent
    demo = read_bundle(root / "fixtures" / "demo")
    yield from ((demo, fid, demo.kontext.per_datum) for fid in facility_ids(demo))
    for loaded in load_rulebook(root / "rules").rules:
        for index in range(len(loaded.rule.exempel)):
            bundle = example_bundle(loaded, index)
            yield from ((bundle, fid, bundle.kontext.per_datum) for fid in facility_ids(bundle))


def test_engine_equals_reference_on_the_fixtures_and_examples_which_reach_every_rule(compiled, runner):
    reference = ReferenceRunner({cr.merged.name: cr.merged for cr in compiled})
    seen: set[tuple[str, str]] = set()
    for bundle, fid, as_of in _corpus():
        diffs, _ = _differences(compiled, runner, bundle, fid, as_of)
        assert diffs == [], fid
        scope = facility_facts(bundle, fid)
        for crule in compiled:
            merged = crule.merged
            batch, _ = session_batch(merged, scope, Kontext(per_datum=as_of), "cover")
            seen.update((crule.rule.id, m.role) for m in reference.run(merged.name, merged.ruleset, batch))
    wanted = {(c.rule.id, role) for c in compiled for role in ("galler", "brott")}
    wanted |= {(c.rule.id, role_name("undantag", i)) for c in compiled for i in range(len(c.rule.undantag))}
    wanted |= {(c.rule.id, role_name("obestamt", i)) for c in compiled for i in range(len(c.rule.bedoms_inte_nar))}
    assert wanted - seen == set()
