"""Evaluate one unit: every compiled rule over the facts that belong to it."""

from __future__ import annotations

from regelkoll.backends.durable.compile import compile_rule
from regelkoll.diagnostics import Diagnostic, DiagnosticError, RuleCompileError
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Kontext
from regelkoll.facts.scope import facility_facts
from regelkoll.lang.load import Rulebook
from regelkoll.ledger.findings import Finding
from regelkoll.ledger.judge import CompiledRule, Runner, evaluate_rule


def compile_rulebook(book: Rulebook) -> list[CompiledRule]:
    """Every rule compiled; a rule the engine cannot run is an RK-C001 at its id, and all such are raised."""
    compiled, problems = [], []
    for loaded in book.rules:
        try:
            compiled.append(CompiledRule(loaded, compile_rule(loaded)))
        except RuleCompileError as exc:
            problems.append(Diagnostic(loaded.file, *loaded.where("id"), "RK-C001", str(exc)))
    if problems:
        raise DiagnosticError(problems)
    return compiled


def evaluate_facility(compiled: list[CompiledRule], bundle: FactBundle, facility_id: str, kontext: Kontext,
                      runner: Runner, run_id: str) -> list[Finding]:
    scope = facility_facts(bundle, facility_id)
    out: list[Finding] = []
    for crule in compiled:
        out += evaluate_rule(crule, scope, kontext, runner, run_id)
    return out
