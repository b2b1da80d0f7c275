"""`check --facility ID`: one facility and its operator, judged against the whole data set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.diagnostics import DiagnosticError

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "fixtures" / "demo"


@pytest.fixture(scope="module")
def demo():
    rules, facts = api.load_rules(), api.read_facts(DEMO)
    compiled = api.compile_rules(rules)
    full = api.check(rules, facts, jobs=0, compiled=compiled)
    return rules, facts, compiled, full


def _rows(findings) -> list[tuple]:
    return sorted((f.facility_id, f.rule_id, f.subject_kind, f.subject_id, f.outcome, tuple(f.missing),
                   tuple((e.kind, e.id, e.source) for e in f.evidence)) for f in findings)


def test_each_facility_alone_gives_exactly_its_findings_from_the_full_run(demo):
    rules, facts, compiled, full = demo
    for facility in facts.of("verksamhet"):
        operator = facility.organisation
        expected = {facility.id} | ({operator} if operator in full.facilities else set())
        alone = api.check(rules, facts, jobs=0, compiled=compiled, facilities=[facility.id])
        assert set(alone.facilities) == expected, facility.id
        assert _rows(alone.findings) == _rows(f for f in full.findings if f.facility_id in expected), facility.id


def test_an_unknown_facility_is_an_error_that_names_the_nearest():
    with pytest.raises(DiagnosticError) as exc:
        api.check(api.load_rules(), api.read_facts(DEMO), jobs=0, facilities=["hvb-talen"])
    (problem,) = exc.value.diagnostics
    assert problem.code == "RK-E003" and "hvb-tallen" in problem.hint


def test_the_command_line_reports_one_facility_and_refuses_an_unknown_one():
    def run(*args):
        return subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(DEMO), *args],
                              capture_output=True, text=True, timeout=300)

    one = run("--facility", "hvb-tallen", "--format", "json")
    assert one.returncode == 1
    import json

    assert json.loads(one.stdout)["run"]["facilities"] == ["hvb-tallen", "org-tallen"]
    bad = run("--facility", "hvb-talen")
    assert bad.returncode == 2 and "RK-E003" in bad.stderr and "hvb-tallen" in bad.stderr and not bad.stdout
