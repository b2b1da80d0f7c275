"""Evaluate one unit: every compiled rule over the facts that belong to it."""

from __future__ import annotations

from regelkoll.backends.durable.compile import compile_rule
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Kontext
from regelkoll.facts.scope import facility_facts
from regelkoll.lang.load import Rulebook
from regelkoll.ledger.findings import Finding
from regelkoll.ledger.judge import CompiledRule, Runner, evaluate_rule


def compile_rulebook(book: Rulebook) -> list[CompiledRule]:
    return [CompiledRule(loaded, compile_rule(loaded)) for loaded in book.rules]


def evaluate_facility(compiled: list[CompiledRule], bundle: FactBundle, facility_id: str, kontext: Kontext,
                      runner: Runner, run_id: str) -> list[Finding]:
    scope = facility_facts(bundle, facility_id)
    out: list[Finding] = []
    for crule in compiled:
        out += evaluate_rule(crule, scope, kontext, runner, run_id)
    return out
