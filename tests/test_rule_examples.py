"""Every inline example in every rule file runs as its own test."""

from __future__ import annotations

from pathlib import Path

import pytest

from regelkoll.examples import coverage_gaps, run_example
from regelkoll.lang.load import load_rulebook

BOOK = load_rulebook(Path(__file__).resolve().parent.parent / "rules")
CASES = [(loaded, i) for loaded in BOOK.rules for i in range(len(loaded.rule.exempel))]


@pytest.mark.parametrize(("loaded", "index"), CASES,
                         ids=[f"{l.rule.id}: {l.rule.exempel[i].namn}" for l, i in CASES])
def test_example(loaded, index):
    result = run_example(loaded, index)
    assert not result.problem, result.problem
    assert result.actual == result.expected, (
        f"{loaded.file}: {loaded.rule.id} exempel '{result.name}': väntat {result.expected}, fick {result.actual}")


def test_every_rule_has_the_required_parts():
    for loaded in BOOK.rules:
        rule = loaded.rule
        assert rule.titel.sv and rule.meddelande.sv and rule.meddelande.en
        for version in rule.versioner:
            assert version.lagrum and all(ref.url.startswith("https://") for ref in version.lagrum)
        outcomes = {e.forvantat for e in rule.exempel}
        assert "overtradelse" in outcomes and len(outcomes) > 1


@pytest.mark.parametrize("loaded", BOOK.rules, ids=[l.rule.id for l in BOOK.rules])
def test_every_exemption_and_every_version_switch_is_shown_by_an_example(loaded):
    # an exemption dropped from a rule, or a switch date moved by a day, must make an example fail
    results = [run_example(loaded, i) for i in range(len(loaded.rule.exempel))]
    assert coverage_gaps(loaded, results) == []


def test_every_reason_a_rule_cannot_decide_says_what_the_inspector_asks_for():
    # the brief before a visit turns each undetermined finding into a request: the rule must name it
    lacking = [(loaded.rule.id, doubt.beskrivning.sv[:60]) for loaded in BOOK.rules
               for doubt in loaded.rule.bedoms_inte_nar if doubt.begaran is None]
    assert lacking == []
