"""Decisions and a baseline in the collected path (`api.document`, `api.brief`) do what they do in a streamed
report: a web page or notebook that collects a run sees the same marks as `regelkoll check --stallningstaganden`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.triage.decisions import Decision, Decisions
from regelkoll.triage.follow_up import FollowUp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo():
    return api.load_rules(), api.read_facts(ROOT / "fixtures" / "demo")


def _follow_up(day: date, keys: list[str]) -> FollowUp:
    decisions = Decisions("test.yaml")
    decisions.add(Decision(keys[0], "godtagen_risk", "Känd och accepterad", "Anna", date(2026, 1, 1),
                           date(2027, 1, 1), "test.yaml:2"), day)
    decisions.add(Decision(keys[1], "atgardad", "Rättad", "Anna", date(2025, 1, 1), date(2025, 6, 1),
                           "test.yaml:9"), day)  # expired on the run's day
    decisions.add(Decision("LE-01/klinik-glans/behandling/finns-inte", "atgardad", "Fel nyckel", "Anna",
                           date(2026, 1, 1), date(2027, 1, 1), "test.yaml:16"), day)  # matches nothing
    return FollowUp(decisions=decisions)


def test_the_collected_document_is_marked_as_the_streamed_report_is(demo):
    rules, facts = demo
    day, _ = api.assessment_day(facts)
    result = api.check(rules, facts, jobs=2)
    plain = api.document(result)
    keys = [row["key"] for row in plain["findings"] if row["outcome"] == "violation"][:2]
    collected = api.document(result, follow_up=_follow_up(day, keys))
    streamed = json.loads(b"".join(api.stream(rules, facts, jobs=2, follow_up=_follow_up(day, keys))))
    assert [r.get("decision") for r in collected["findings"]] == [r.get("decision") for r in streamed["findings"]]
    assert [r["key"] for r in collected["findings"] if r.get("decision")] == keys[:1]
    assert collected["run"]["decisions"] == streamed["run"]["decisions"]
    assert collected["run"]["decisions"]["orphaned"] == 1 and collected["run"]["decisions"]["expired"] == 1
    assert sorted(n["code"] for n in collected["notices"] if n["code"].startswith("RK-D")) == sorted(
        n["code"] for n in streamed["notices"] if n["code"].startswith("RK-D")) == ["RK-D010", "RK-D011"]


def test_the_brief_shows_the_decision_on_its_finding(demo):
    rules, facts = demo
    day, _ = api.assessment_day(facts)
    plain = api.brief(rules, facts, "klinik-glans", jobs=2)
    key = plain["violations"][0]["key"]
    other = next(r["key"] for r in api.document(api.check(rules, facts, jobs=2))["findings"]
                 if r["outcome"] == "violation" and "/klinik-glans/" not in r["key"])
    decisions = Decisions("test.yaml")
    for at, k in enumerate((key, other)):
        decisions.add(Decision(k, "godtagen_risk", "Känd", "Anna", date(2026, 1, 1), date(2027, 1, 1),
                               f"test.yaml:{at + 2}"), day)
    marked = api.brief(rules, facts, "klinik-glans", jobs=2, follow_up=FollowUp(decisions=decisions))
    assert [v["key"] for v in marked["violations"] if v.get("decision")] == [key]
    assert marked["violations"][0]["decision"]["kind"] == "godtagen_risk"
    # a decision about another facility's finding is outside this brief, not orphaned
    assert (marked["run"]["decisions"]["outside_run"], marked["run"]["decisions"]["orphaned"]) == (1, 0)
