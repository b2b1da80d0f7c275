"""The report written as it is made (issue 13): the same bytes as the collected document, whatever the
number of workers; JSON Lines; what is not applicable summarised, never lost."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import regelkoll
from regelkoll.report import stream as stream_module
from regelkoll.report.text import render_text

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"


@pytest.fixture(scope="module")
def demo():
    rules = regelkoll.load_rules()
    facts = regelkoll.read_facts(DEMO)
    return rules, facts, regelkoll.compile_rules(rules)


@pytest.fixture(scope="module")
def collected(demo):
    rules, facts, compiled = demo
    return regelkoll.check(rules, facts, jobs=0, compiled=compiled, source="demo")


def _streamed(demo, **options) -> tuple[bytes, object]:
    rules, facts, compiled = demo
    report = regelkoll.api.stream(rules, facts, compiled=compiled, source="demo", **options)
    return b"".join(report), report


@pytest.mark.parametrize("jobs", [0, 2])
@pytest.mark.parametrize("ledger", ["summary", "full"])
def test_the_streamed_json_is_the_collected_document(demo, collected, jobs, ledger):
    streamed, report = _streamed(demo, fmt="json", ledger=ledger, jobs=jobs)
    assert streamed == regelkoll.to_json_bytes(regelkoll.document(collected, ledger=ledger))
    assert report.counts == json.loads(streamed)["run"]["counts"]


def test_the_summary_keeps_every_finding_that_is_not_merely_not_applicable(demo, collected):
    summary = json.loads(_streamed(demo, fmt="json")[0])
    full = json.loads(_streamed(demo, fmt="json", ledger="full")[0])
    assert summary["run"]["ledger"] == "summary" and full["run"]["ledger"] == "full"
    kept = [row for row in full["findings"] if row["outcome"] != "not_applicable" or row["exemption"]]
    assert [row for row in summary["findings"] if "count" not in row] == kept
    assert any(row["exemption"] for row in kept)  # an exemption is shown as one, never summarised
    # each summary row stands for the rows of its unit and rule, with every reason and how often
    merely = Counter((r["facility_id"], r["rule_id"]) for r in full["findings"]
                     if r["outcome"] == "not_applicable" and not r["exemption"])
    rows = {(r["facility_id"], r["rule_id"]): r for r in summary["findings"] if "count" in r}
    assert {key: row["count"] for key, row in rows.items()} == dict(merely)
    for (fid, rule), row in rows.items():
        reasons = Counter(r["reason"] for r in full["findings"] if r["facility_id"] == fid and r["rule_id"] == rule
                          and r["outcome"] == "not_applicable" and not r["exemption"])
        assert {item["reason"]: item["count"] for item in row["reasons"]} == dict(reasons)
    assert summary["run"]["counts"] == full["run"]["counts"] == json.loads(
        regelkoll.to_json_bytes(regelkoll.document(collected)))["run"]["counts"]
    assert len(summary["findings"]) < len(full["findings"]) / 2


def test_json_lines_hold_the_same_rows_between_a_header_and_a_summary(demo):
    lines, _ = _streamed(demo, fmt="jsonl", jobs=2)
    records = [json.loads(line) for line in lines.decode().splitlines()]
    document = json.loads(_streamed(demo, fmt="json")[0])
    assert records[0]["type"] == "run" and records[-1]["type"] == "summary"
    assert {k: v for k, v in records[0].items() if k != "type"} == {
        k: v for k, v in document["run"].items() if k not in ("facilities", "counts")}
    findings = [{k: v for k, v in r.items() if k != "type"} for r in records if r["type"] == "finding"]
    assert findings == document["findings"]
    assert records[-1]["counts"] == document["run"]["counts"]
    assert records[-1]["facilities"] == document["run"]["facilities"]
    assert [r for r in records if r["type"] == "notice"] == [dict(n, type="notice") for n in document["notices"]]
    assert {r["type"] for r in records} <= {"run", "finding", "error", "notice", "summary"}


def test_an_unreadable_facility_is_an_error_line_before_the_findings(tmp_path, demo):
    rules, _, compiled = demo
    (tmp_path / "kontext.yaml").write_text("kontext:\n  per_datum: 2026-11-20\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "organisation:\n  - id: o1\n    namn: Org\n    regi: enskild\n"
        "verksamhet:\n  - id: v1\n    namn: Hem\n    organisation: o1\n    typ: hvb\n    tar_emot_barn: ja-kanske\n"
        "  - id: v2\n    namn: Hem två\n    organisation: o1\n    typ: hvb\n    tar_emot_barn: false\n",
        encoding="utf-8")
    facts = regelkoll.read_facts(tmp_path)
    report = regelkoll.api.stream(rules, facts, fmt="jsonl", compiled=compiled, jobs=0)
    records = [json.loads(line) for line in b"".join(report).decode().splitlines()]
    kinds = [r["type"] for r in records]
    errors = [r for r in records if r["type"] == "error"]
    assert any(e.get("facility_id") == "v1" for e in errors)
    assert kinds.index("error") < kinds.index("finding")
    assert records[-1]["errors"] == len(errors) and report.facility_errors


def test_text_of_a_large_run_shows_violations_and_indications_and_says_where_the_rest_is(demo, monkeypatch):
    monkeypatch.setattr(stream_module, "LARGE_RUN", 5)
    _, report = _streamed(demo, fmt="rows")
    doc = report.document()
    assert {row["outcome"] for row in doc["findings"]} == {"violation", "indication"}
    assert doc["run"]["counts"]["pass"] > 0  # counted, though not shown
    text = render_text(doc)
    assert "--format jsonl" in text and "Övrigt:" not in text
    monkeypatch.setattr(stream_module, "LARGE_RUN", 10_000)
    _, small = _streamed(demo, fmt="rows")
    assert "--format jsonl" not in render_text(small.document()) and "Övrigt:" in render_text(small.document())


def test_one_worker_and_two_give_the_same_bytes_on_a_generated_bundle(tmp_path, demo):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.generate(tmp_path, facilities=24, staff=6, seed=3)
    rules, _, compiled = demo
    facts = regelkoll.read_facts(tmp_path)
    outputs = {}
    for jobs in (1, 2):
        for fmt in ("json", "jsonl"):
            outputs[(jobs, fmt)] = b"".join(regelkoll.api.stream(rules, facts, fmt=fmt, jobs=jobs, compiled=compiled))
    assert outputs[(1, "json")] == outputs[(2, "json")] and outputs[(1, "jsonl")] == outputs[(2, "jsonl")]
    collected = regelkoll.check(rules, facts, jobs=2, compiled=compiled)
    assert outputs[(1, "json")] == regelkoll.to_json_bytes(regelkoll.document(collected))
    assert json.loads(outputs[(1, "json")])["run"]["counts"]["violation"] > 0
