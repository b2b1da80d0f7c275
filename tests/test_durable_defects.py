"""One regression test per durable_rules defect shape the compiler works around.

Each test shows the defect on durable_rules itself (so we know the workaround is
still needed) and that the project's compiled output avoids it. Crashes run in
subprocesses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from durable import engine as dr

from regelkoll.backends.durable.compile import compile_version
from regelkoll.backends.durable.host import DurableRunner
from regelkoll.backends.durable.prepare import session_batch
from regelkoll.diagnostics import EvaluationError
from regelkoll.facts.bundle import FactBundle, derive
from regelkoll.facts.model import Engagemang, Kontext, Organisation, Person, Registerutdrag, Verksamhet
from regelkoll.facts.scope import facility_facts
from regelkoll.lang.load import LoadedRule
from regelkoll.lang.model import Rule
from tests.reference import evaluate

ROOT = Path(__file__).resolve().parent.parent


class _Raw(dr.Host):
    def __init__(self):
        self.got = []
        super().__init__()

    def _run(self):
        pass

    def get_action(self, name):
        return lambda c: self.got.append(name)


def _bundle(extract: bool) -> FactBundle:
    bundle = FactBundle()
    bundle.facts["organisation"]["o"] = Organisation(id="o", namn="o", regi="enskild")
    bundle.facts["verksamhet"]["f"] = Verksamhet(id="f", namn="f", organisation="o", typ="hvb", tar_emot_barn=True)
    bundle.facts["person"]["p"] = Person(id="p", namn="p")
    bundle.facts["engagemang"]["e"] = Engagemang(id="e", person="p", verksamhet="f", organisation="o",
                                                 form="anstallning", start=date(2025, 9, 1))
    if extract:
        bundle.facts["registerutdrag"]["x"] = Registerutdrag(
            id="x", person="p", organisation="o", lag="2007:171", omfattar=["belastningsregistret",
                                                                            "misstankeregistret"],
            utfardat=date(2025, 8, 1), uppvisat=date(2025, 8, 5))
    derive(bundle)
    return bundle


def _violations(cv, bundle, runner) -> list:
    batch, _ = session_batch(cv, facility_facts(bundle, "f"), Kontext(per_datum=date(2026, 1, 1)), "t")
    return [m for m in runner.run(cv.name, cv.ruleset, batch) if m.role == "brott"]


def test_defect_c_negated_facts_asserted_after_the_anchor_give_false_violations(rulebook, runner):
    """Defect C: a `$not` is not retracted when the negated fact arrives after the anchor."""
    loaded = rulebook.get("RK-HVB-01")
    unsafe = compile_version(loaded, 3, mirror_negations=False)
    # the negated kind (registerutdrag) sorts after the anchor (engagemang): the defect fires
    assert _violations(unsafe, _bundle(extract=True), runner), "durable_rules no longer shows defect C"
    safe = compile_version(loaded, 3)
    assert _violations(safe, _bundle(extract=True), runner) == []
    assert len(_violations(safe, _bundle(extract=False), runner)) == 1


def test_defect_a_join_test_after_or_is_skipped_and_compiler_emits_no_or(rulebook, runner):
    """Defect A: a join test after a nested `$or` is ignored when the `$or` is true."""
    host = _Raw()
    host.set_rulesets({"defect_a": {
        "r": {"all": [{"e": {"$and": [{"kind": "e"}]}},
                      {"x": {"$and": [{"kind": "x"}, {"$or": [{"$gt": {"v": {"e": "v"}}}, {"$lt": {"v": {"e": "w"}}}]},
                                      {"p": {"e": "p"}}, {"$lte": {"one": {"e": "one"}}}]}}], "run": "r"},
        "o": {"all": [{"o": {"$and": [{"kind": "s"}]}}], "run": "o"}}})
    host.assert_facts("defect_a", [{"kind": "s", "sid": "1"},
                                   {"kind": "e", "p": "anna", "v": 5, "w": 1, "one": 1, "sid": "1"},
                                   {"kind": "x", "p": "bo", "v": 9, "one": 1, "sid": "1"}])
    assert "r" in host.got, "durable_rules no longer shows defect A"
    # RK-HVB-07 has `nagon_av` followed by join tests: compiled without `$or`, it agrees with the reference
    loaded = rulebook.get("RK-HVB-07")
    for index in range(len(loaded.rule.versioner)):
        cv = compile_version(loaded, index)
        assert "$or" not in json.dumps(cv.ruleset)
    bundle = _bundle(extract=False)
    bundle.facts["registerutdrag"]["x"] = Registerutdrag(
        id="x", person="p", organisation="another-employer", lag="2007:171", omfattar=["belastningsregistret"],
        utfardat=date(2025, 8, 1), uppvisat=date(2025, 8, 5))  # kept, but by another employer
    bundle.facts["registerutdrag"]["y"] = Registerutdrag(
        id="y", person="p", organisation="o", lag="2007:171", omfattar=["belastningsregistret"],
        utfardat=date(2025, 8, 1), uppvisat=date(2025, 8, 5), bevarat_till=date(2025, 10, 1))
    derive(bundle)
    cv = compile_version(loaded, 1)
    batch, _ = session_batch(cv, facility_facts(bundle, "f"), Kontext(per_datum=date(2026, 1, 1)), "a")
    assert set(runner.run(cv.name, cv.ruleset, batch)) == set(evaluate(cv, batch))
    assert any(m.role == "brott" for m in evaluate(cv, batch))


def _valgrind(*args: str) -> subprocess.Popen:
    return subprocess.Popen(["valgrind", "-q", sys.executable, "-m", "tests.defect_sentinel", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _errors_of(proc: subprocess.Popen, *, may_crash: bool = False) -> str:
    out, err = proc.communicate(timeout=600)
    # defect B reads past the array; where that memory is unmapped the process dies (SIGSEGV), which is
    # the defect too: only the run that is meant to be safe must finish
    assert "done" in out or may_crash, err[-2000:]
    return err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is needed to see defect B")
def test_defect_b_false_last_join_test_reads_past_the_expression_array():
    """Defect B: without the always-true last join test, durable reads uninitialised memory (and can segfault)."""
    without, with_sentinel = _valgrind("--no-sentinel"), _valgrind()  # in parallel: valgrind is slow
    assert "reduceExpressionSequence" in _errors_of(without, may_crash=True), "durable_rules no longer shows defect B"
    assert "reduceExpressionSequence" not in _errors_of(with_sentinel)


def _churn(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.defect_churn", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONFAULTHANDLER": ""})


@pytest.mark.slow
def test_defect_d_deleting_a_session_where_nothing_fired_crashes_without_the_opening_rule():
    # the crash depends on heap reuse, so try a few session counts; one crash is enough to show the defect
    sizes = ("300", "2000", "5000")
    crashes = [_churn("--no-opener", n).returncode != 0 for n in sizes]
    assert any(crashes), "durable_rules no longer shows defect D"
    for n in sizes:
        fine = _churn(n)
        assert fine.returncode == 0 and "survived" in fine.stdout, fine.stderr[-2000:]


def test_reserved_id_two_kinds_with_the_same_business_id_collide_in_durable():
    """durable identifies facts by `id`: an engagement and an extract both called "e1" would be one fact."""
    host = _Raw()
    host.set_rulesets({"ids": {"o": {"all": [{"o": {"$and": [{"kind": "a"}]}}], "run": "o"},
                               "p": {"all": [{"p": {"$and": [{"kind": "b"}]}}], "run": "p"}}})
    host.assert_fact("ids", {"kind": "a", "id": "e1", "sid": "1"})
    with pytest.raises(dr.MessageObservedException):
        host.assert_fact("ids", {"kind": "a", "id": "e1", "other": 2, "sid": "1"})


def test_business_ids_travel_as_ref_and_engine_ids_are_collision_free(rulebook):
    cv = compile_version(rulebook.get("RK-HVB-01"), 3)
    batch, _ = session_batch(cv, facility_facts(_bundle(True), "f"), Kontext(per_datum=date(2026, 1, 1)), "t")
    assert [r["id"] for r in batch] == [f"n{i}" for i in range(len(batch))]
    assert {r["ref"] for r in batch if "ref" in r} >= {"e", "f", "x"}
    assert '"id"' not in json.dumps(cv.ruleset)  # never joined on
    from regelkoll.backends.durable.prepare import MAX_SESSION_FACTS

    def fnv1a_32(text: str) -> int:  # durable's fnv1Hash32 (state.c): xor, then multiply
        value = 2166136261
        for byte in text.encode():
            value ^= byte
            value = (value * 16777619) & 0xFFFFFFFF
        return value

    assert len({fnv1a_32(f"n{i}") for i in range(MAX_SESSION_FACTS)}) == MAX_SESSION_FACTS


def test_actions_deferred_by_an_unmatched_fact_still_run_synchronously(rulebook):
    """A batch with a fact no rule matches defers every action (MessageNotHandledException); the
    threadless host must flush them before returning, or the results are silently empty."""
    cv = compile_version(rulebook.get("RK-HVB-01"), 3)
    batch, _ = session_batch(cv, facility_facts(_bundle(False), "f"), Kontext(per_datum=date(2026, 1, 1)), "t")
    batch.append({"kind": "nothing_matches_this", "sid": batch[0]["sid"], "ref": "z"})
    matches = DurableRunner().run(cv.name, cv.ruleset, batch)
    assert any(m.role == "brott" for m in matches)


def test_sessions_are_deleted_so_only_one_is_ever_live(rulebook):
    runner = DurableRunner()
    cv = compile_version(rulebook.get("RK-HVB-01"), 3)
    for i in range(1100):  # more than durable's 1024 live sessions per ruleset
        batch, _ = session_batch(cv, facility_facts(_bundle(False), "f"), Kontext(per_datum=date(2026, 1, 1)),
                                 f"live:{i}")
        assert runner.run(cv.name, cv.ruleset, batch)
    with pytest.raises(Exception, match="309"):
        runner._host.get_state(cv.name, "live:0")


def test_changed_rule_content_gets_a_new_ruleset_name(rulebook):
    """durable cannot replace a registered ruleset: names carry a hash of the content."""
    loaded = rulebook.get("RK-HVB-01")
    changed_rule = Rule.model_validate({**loaded.rule.model_dump(), "allvarlighet": "mindre"})
    changed = LoadedRule(changed_rule, loaded.file, loaded.path, loaded.positions, loaded.pack)
    a, b = compile_version(loaded, 3), compile_version(changed, 3)
    assert a.name != b.name
    runner = DurableRunner()
    for cv in (a, b):
        batch, _ = session_batch(cv, facility_facts(_bundle(False), "f"), Kontext(per_datum=date(2026, 1, 1)), "n")
        assert runner.run(cv.name, cv.ruleset, batch)
    host = _Raw()
    host.set_rulesets({"same": {"o": {"all": [{"o": {"$and": [{"kind": "a"}]}}], "run": "o"}}})
    with pytest.raises(Exception, match="already registered"):
        host.set_rulesets({"same": {"o": {"all": [{"o": {"$and": [{"kind": "a"}]}}], "run": "o"}}})


def test_engine_errors_become_evaluation_errors_not_crashes():
    """A hard C error (here 312: arithmetic on a string) must surface as one clear EvaluationError."""
    ruleset = {"opened": {"all": [{"o": {"$and": [{"kind": "__session__"}]}}], "run": "err|opened|0"},
               "r": {"all": [{"a": {"$and": [{"kind": "a"}]}},
                             {"b": {"$and": [{"kind": "b"}, {"$lt": {"v": {"$add": {"$l": {"a": "v"}, "$r": 1}}}}]}}],
                     "run": "err|brott|0"}}
    batch = [{"kind": "__session__", "sid": "e"}, {"kind": "a", "v": "text", "ref": "a", "sid": "e"},
             {"kind": "b", "v": 1, "ref": "b", "sid": "e"}]
    with pytest.raises(EvaluationError, match="312"):
        DurableRunner().run("err_ruleset", ruleset, batch)


def test_the_host_starts_no_background_threads():
    """durable's default Host runs dispatcher and timer threads that run deferred actions about a second
    later, outside our control; ours runs every action inside assert_facts."""
    import threading

    before = threading.active_count()
    DurableRunner()
    assert threading.active_count() == before
    dr.Host()
    assert threading.active_count() == before + 2, "durable_rules' Host no longer starts its threads"
