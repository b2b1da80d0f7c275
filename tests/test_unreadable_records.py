"""An unreadable record can make findings undetermined, never create a violation or an indication.

Random licensed-care bundles are evaluated, then one record is made unreadable (as the adapter
keeps it: only its identifiers and references survive) and the bundle is evaluated again. Every
violation and indication after must have been there before: losing a licence, a report or a
representative's notice date to a typing error must never turn into an accusation.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelkoll.api import iter_check
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import safe_raw as _safe_raw
from regelkoll.facts.bundle import BrokenFact, FactBundle, derive
from tests.strategies_omsorg import clinics, licensed_care

KINDS = ["tillstand", "placering", "beslut", "avbrott", "rapportering", "foretradare", "engagemang", "dom",
         "ekonomisk_anmarkning", "organisation", "verksamhet", "person", "legitimation", "specialistbevis",
         "behandling", "journal"]


class _Engine:
    """The compiled rulebook and the runner, with a short repr for hypothesis' failure reports."""

    def __init__(self, compiled, runner):
        self.compiled, self.runner = compiled, runner

    def __repr__(self) -> str:
        return "<rulebook and engine>"


@pytest.fixture(scope="module")
def engine(compiled, runner):
    return _Engine(compiled, runner)


def _accusations(engine: _Engine, bundle: FactBundle, as_of: date) -> set[tuple[str, str, str, str]]:
    out = set()
    for result in iter_check(engine.compiled, bundle, as_of=as_of, jobs=0):
        assert result.error is None, result.error  # an engine error must not read as "no accusation"
        for f in result.findings:
            if f.outcome in ("violation", "indication"):
                out.add((result.unit, f.rule_id, f.subject_id, f.outcome))
    return out


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=st.one_of(licensed_care(), clinics()), offset=st.integers(-300, 300), data=st.data())
def test_an_unreadable_record_never_creates_an_accusation(engine, bundle, offset, data):
    as_of = date(2026, 3, 1) + timedelta(days=offset)
    before = _accusations(engine, bundle, as_of)
    candidates = [(kind, fid) for kind in KINDS for fid in sorted(bundle.facts[kind])]
    kind, fid = data.draw(st.sampled_from(candidates))
    fact = bundle.facts[kind].pop(fid)
    bundle.broken.append(BrokenFact(kind, _safe_raw(fact.model_dump()),
                                    Diagnostic("test.yaml", 1, 1, "RK-B010", "ogiltig post", kind)))
    derive(bundle)
    after = _accusations(engine, bundle, as_of)
    assert after <= before, (kind, fid, sorted(after - before))


def _optional_fields(fact) -> list[str]:
    """Fields a bundle may leave out whose absence means "not known" (not "still ongoing")."""
    cls = type(fact)
    return [name for name, info in cls.model_fields.items()
            if not info.is_required() and info.default is None and name not in cls.open_ended
            and getattr(fact, name) is not None and name not in ("huvudman", "verksamhetstyp", "injektionsslag")]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=st.one_of(licensed_care(), clinics()), offset=st.integers(-300, 300), data=st.data())
def test_an_unknown_field_never_creates_an_accusation(engine, bundle, offset, data):
    # a fact missing a field a rule needs is withheld; which subjects it could concern is decided from
    # the fields it does have, and that must never drop it where it could have prevented a violation
    as_of = date(2026, 3, 1) + timedelta(days=offset)
    candidates = [(kind, fid, name) for kind in KINDS for fid in sorted(bundle.facts[kind])
                  for name in _optional_fields(bundle.facts[kind][fid])]
    if not candidates:
        return
    before = _accusations(engine, bundle, as_of)
    kind, fid, name = data.draw(st.sampled_from(candidates))
    bundle.facts[kind][fid] = bundle.facts[kind][fid].model_copy(update={name: None})
    derive(bundle)
    after = _accusations(engine, bundle, as_of)
    assert after <= before, (kind, fid, name, sorted(after - before))
