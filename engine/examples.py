"""Run the inline examples of rules: each is a tiny bundle with an expected outcome.

This is composition code (it needs an adapter to read the example facts), used
by `regelkoll rules test` and by the test suite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from regelkoll.adapters.yaml_files import add_records
from regelkoll.api import iter_check
from regelkoll.backends.durable.compile import compile_rule
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import finish
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Kontext
from regelkoll.lang.load import LoadedRule
from regelkoll.ledger.findings import OUTCOME_FROM_SV, Finding
from regelkoll.ledger.judge import CompiledRule


@dataclass
class ExampleResult:
    rule_id: str
    name: str
    expected: str
    actual: str
    problem: str = ""
    finding: Finding | None = None

    @property
    def ok(self) -> bool:
        return not self.problem and self.expected == self.actual

    @property
    def expected_word(self) -> str:
        """The outcome as the author wrote it in `forvantat`."""
        return RULE_WORD.get(self.expected, self.expected)

    @property
    def actual_word(self) -> str:
        return RULE_WORD.get(self.actual, self.actual)


# the outcome words a rule's examples use (`forvantat`); an indicator's match is written `overtradelse` too
RULE_WORD = {**{outcome: word for word, outcome in OUTCOME_FROM_SV.items()}, "indication": "overtradelse"}


def example_bundle(loaded: LoadedRule, index: int) -> FactBundle:
    example = loaded.rule.exempel[index]
    bundle = FactBundle()
    add_records(bundle, example.fakta, loaded.positions, loaded.file,
                prefix=(*loaded.path, "exempel", index, "fakta"))
    finish(bundle)
    bundle.kontext = Kontext(per_datum=example.per_datum)
    return bundle


def example_diagnostics(loaded: LoadedRule) -> list[Diagnostic]:
    """What is wrong in the facts of a rule's examples (a misspelt code, a missing field), at its place in the
    rule file: `rules lint` reports it before `rules test` would fail the example for it."""
    return [d for index in range(len(loaded.rule.exempel)) for d in example_bundle(loaded, index).diagnostics]


def run_example(loaded: LoadedRule, index: int, crule: CompiledRule | None = None) -> ExampleResult:
    """Check one example as a data set is checked (the library API, in this process)."""
    example = loaded.rule.exempel[index]
    expected = OUTCOME_FROM_SV[example.forvantat]
    if expected == "violation" and loaded.rule.slag == "indikator":
        expected = "indication"
    result = ExampleResult(loaded.rule.id, example.namn, expected, "")
    bundle = example_bundle(loaded, index)
    if bundle.diagnostics:
        result.problem = "; ".join(d.render() for d in bundle.diagnostics)
        return result
    crule = crule or CompiledRule(loaded, compile_rule(loaded))
    findings: list[Finding] = []
    for unit in iter_check([crule], bundle, jobs=0):
        if unit.error is not None:
            result.problem = unit.error.message
            return result
        findings += unit.findings
    if example.subjekt:
        findings = [f for f in findings if f.subject_id == example.subjekt]
    if len(findings) != 1:
        result.problem = (f"exemplet ger {len(findings)} bedömningar; ange subjekt: med id på det "
                          "faktum exemplet gäller")
        return result
    result.finding = findings[0]
    result.actual = findings[0].outcome
    if example.version_fran is not None:
        index = findings[0].version
        used = loaded.rule.versioner[index].giltig_fran if index is not None else None
        if used != example.version_fran:
            result.problem = (f"bedömdes enligt versionen från {used.isoformat() if used else '(ingen)'}, "
                              f"inte {example.version_fran.isoformat()}")
    return result


def coverage_gaps(loaded: LoadedRule, results: list[ExampleResult]) -> list[str]:
    """What a rule's examples leave unshown: an exemption no example applies, or a version switch
    without an example on its first day and on the day before (pinned with `version_fran`), so that
    dropping an exemption or moving a switch date by one day would pass unnoticed."""
    rule = loaded.rule
    gaps: list[str] = []
    shown = {r.finding.exemption for r in results if r.ok and r.finding is not None and r.finding.exempt}
    for i, exemption in enumerate(rule.undantag):
        if i not in shown:
            gaps.append(f"inget exempel visar undantaget '{exemption.beskrivning.sv[:60]}…'")
    pinned = {(r.finding.version, r.finding.decisive_date) for r, example in zip(results, rule.exempel)
              if r.ok and r.finding is not None and example.version_fran is not None}
    for i, (before, version) in enumerate(zip(rule.versioner, rule.versioner[1:]), start=1):
        first, last = _nearest_decisive_days(loaded, version.giltig_fran)
        if (i, first.isoformat()) not in pinned:
            gaps.append(f"inget exempel med version_fran bedöms {first.isoformat()}, den första dag versionen "
                        "kan avgöra")
        if version.lucka_fore is None and (i - 1, last.isoformat()) not in pinned:
            gaps.append(f"inget exempel med version_fran bedöms {last.isoformat()}, den sista dag före bytet")
    return gaps


def _nearest_decisive_days(loaded: LoadedRule, switch: date) -> tuple[date, date]:
    """The first decisive date on or after a version switch and the last one before it: the switch day
    and the day before, or quarter ends when the rule is decided by a quarter's last day."""
    from regelkoll.facts.model import FACT_KINDS
    from regelkoll.legaltime import quarter_end_after

    rule = loaded.rule
    kind = next(p.typ for p in rule.tillamplig_nar if p.som == rule.avser)
    model = FACT_KINDS.get(kind)
    quarterly = bool(rule.avgorande_plus and rule.avgorande_plus.kvartalsslut) or (
        model is not None and rule.avgorande_datum in model.quarter_end_fields)
    if not quarterly:
        return switch, switch - timedelta(days=1)
    first = quarter_end_after(switch - timedelta(days=1))
    return first, date(first.year, first.month - 2, 1) - timedelta(days=1)
