"""A crash in durable_rules' C core costs one facility, not the run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from adapters.bundle import read_bundle
from engine import workers
from engine.loader import load_rulebook
from engine.run import checkable_facilities, compile_rulebook

ROOT = Path(__file__).resolve().parent.parent


def test_a_segfault_in_one_facility_is_reported_and_the_others_complete(monkeypatch):
    book = load_rulebook(ROOT / "rules")
    compiled = compile_rulebook(book)
    bundle = read_bundle(ROOT / "fixtures" / "demo")
    facilities = checkable_facilities(bundle)
    real = workers._evaluate_one

    def crashing(facility_id):
        if facility_id == "hvb-granen":
            os.kill(os.getpid(), signal.SIGSEGV)  # what durable's defects B, D and E do to a process
        return real(facility_id)

    monkeypatch.setattr(workers, "_evaluate_one", crashing)  # forked workers inherit the patch
    findings, errors = workers.evaluate_facilities(compiled, bundle, bundle.kontext, facilities, "t", jobs=2)
    assert [e.facility_id for e in errors] == ["hvb-granen"]
    assert "kraschade" in errors[0].message
    assert {f.facility_id for f in findings} == set(facilities) - {"hvb-granen"}

    monkeypatch.setattr(workers, "_evaluate_one", real)
    again, none = workers.evaluate_facilities(compiled, bundle, bundle.kontext, facilities, "t", jobs=2)
    assert none == []
    survivors = [f for f in again if f.facility_id != "hvb-granen"]
    assert sorted(map(_key, survivors)) == sorted(map(_key, findings))


def _key(f):
    return (f.facility_id, f.rule_id, f.subject_id, f.outcome)
