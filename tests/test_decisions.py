"""The decisions file (`--stallningstaganden`) and the baseline (`--baseline`): every malformed input is a coded
error at its place, never read silently wrong; and what they do to a report's rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from regelkoll.diagnostics import DiagnosticError
from regelkoll.triage.baseline import read_baseline
from regelkoll.triage.decisions import read_decisions
from regelkoll.triage.follow_up import FollowUp

DAY = date(2026, 11, 20)
KEY = "LE-01/klinik-glans/behandling/b-klinik-glans-05"
ENTRY = f"""\
  - nyckel: {KEY}
    slag: atgardad
    motivering: Utföraren har legitimation
    beslutad_av: Anna Berg
    beslutad: 2026-10-01
    giltig_till: 2027-03-31
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stallningstaganden.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path) -> list:
    with pytest.raises(DiagnosticError) as info:
        read_decisions(path, DAY)
    return info.value.diagnostics


def test_a_valid_file_is_read_with_the_line_of_each_entry(tmp_path):
    found = read_decisions(_write(tmp_path, "stallningstaganden:\n" + ENTRY), DAY)
    decision = found.active[KEY]
    assert (decision.kind, decision.decided_by, decision.valid_until) == ("atgardad", "Anna Berg", date(2027, 3, 31))
    assert decision.source.endswith("stallningstaganden.yaml:2")
    assert found.expired == []


@pytest.mark.parametrize("until, active", [("2026-11-20", True), ("2026-11-19", False)])
def test_a_decision_applies_through_its_last_day(tmp_path, until, active):
    found = read_decisions(_write(tmp_path, "stallningstaganden:\n" + ENTRY.replace("2027-03-31", until)), DAY)
    assert (KEY in found.active) is active
    assert len(found.expired) == (0 if active else 1)


@pytest.mark.parametrize("change, code, line, field", [
    (("    slag: atgardad\n", "    slag: fixat\n"), "RK-D003", 3, "stallningstaganden.0.slag"),
    (("    motivering: Utföraren har legitimation\n", ""), "RK-D003", 2, "stallningstaganden.0.motivering"),
    (("    beslutad: 2026-10-01\n", "    beslutad: 20261001\n"), "RK-D003", 6, "stallningstaganden.0.beslutad"),
    (("    beslutad: 2026-10-01\n", "    beslutad: 1 oktober\n"), "RK-D003", 6, "stallningstaganden.0.beslutad"),
    (("    giltig_till: 2027-03-31\n", "    giltig_till: 2026-09-01\n"), "RK-D003", 7,
     "stallningstaganden.0.giltig_till"),
    (("    slag: atgardad\n", "    slag: atgardad\n    orsak: x\n"), "RK-D003", 4, "stallningstaganden.0.orsak"),
    ((f"nyckel: {KEY}", "nyckel: LE-01 klinik-glans"), "RK-D004", 2, "stallningstaganden.0.nyckel"),
    (("    beslutad_av: Anna Berg\n", '    beslutad_av: "  "\n'), "RK-D003", 5, "stallningstaganden.0.beslutad_av"),
])
def test_a_malformed_entry_is_an_error_at_its_field(tmp_path, change, code, line, field):
    path = _write(tmp_path, "stallningstaganden:\n" + ENTRY.replace(*change))
    [error] = _errors(path)
    assert (error.code, error.line, error.field) == (code, line, field), error.render()
    assert error.file == str(path)


def test_a_key_given_twice_is_an_error_at_the_second(tmp_path):
    [error] = _errors(_write(tmp_path, "stallningstaganden:\n" + ENTRY + ENTRY))
    assert (error.code, error.line) == ("RK-D005", 8)
    assert "rad 2" in error.message


@pytest.mark.parametrize("text", ["- nyckel: x\n", "stallningstaganden: ja\n", "stallningstaganden: []\nbeslut: []\n"])
def test_a_file_of_the_wrong_shape_is_refused(tmp_path, text):
    assert [e.code for e in _errors(_write(tmp_path, text))] == ["RK-D002"]


def test_a_file_that_cannot_be_read_says_why_and_that_nothing_was_checked(tmp_path):
    codes = [e.code for e in _errors(_write(tmp_path, "stallningstaganden:\n  - nyckel: [\n"))]
    assert codes[-1] == "RK-D001" and codes[0].startswith("RK-Y")
    assert [e.code for e in _errors(tmp_path / "finns-inte.yaml")][-1] == "RK-D001"


def test_every_error_of_the_file_is_reported_at_once(tmp_path):
    text = "stallningstaganden:\n" + ENTRY.replace("atgardad", "fixat") + ENTRY.replace("2026-10-01", "igår")
    assert [e.line for e in _errors(_write(tmp_path, text))] == [3, 12]


def _row(key: str = KEY, outcome: str = "violation", severity: str = "allvarlig") -> dict:
    rule, facility, kind, subject = key.split("/", 3)
    return {"key": key, "rule_id": rule, "facility_id": facility, "facility_name": facility, "outcome": outcome,
            "severity": severity, "title": {"sv": "Titel"}, "subject": {"kind": kind, "id": subject, "label": ""}}


def _baseline(tmp_path: Path, rows: list[dict], **run) -> Path:
    header = {"tool": "regelkoll", "as_of": "2026-11-20", "rules": [{"id": "LE-01"}], "facilities": ["klinik-glans"],
              "rules_digest": "r", "source": "fixtures/demo", "facts_digest": "f", **run}
    path = tmp_path / "forra.json"
    path.write_text(json.dumps({"findings": rows, "run": header, "errors": [], "notices": []}), encoding="utf-8")
    return path


def test_decisions_apply_to_findings_that_ask_for_attention_only(tmp_path):
    follow_up = FollowUp(decisions=read_decisions(_write(tmp_path, "stallningstaganden:\n" + ENTRY), DAY))
    violation, passed = _row(), _row(outcome="pass")
    assert follow_up.annotate(violation, KEY) and violation["decision"]["kind_sv"] == "åtgärdad"
    assert not follow_up.annotate(passed, KEY) and "decision" not in passed
    # the finding passes now: the decision matched nothing, and says so at its line
    notices, extra = follow_up.finish(set(), {"LE-01"}, {"klinik-glans"}, {})
    assert [(n.code, n.line) for n in notices] == [("RK-D011", 2)]
    assert extra["decisions"]["orphaned"] == 1
    # a key one letter off a finding of the run is suggested
    notices, _ = follow_up.finish({KEY[:-1] + "6"}, {"LE-01"}, {"klinik-glans"}, {})
    assert notices[0].hint.endswith(f"menade du '{KEY[:-1] + '6'}'?")
    # about a unit of the data set this run did not check: neither used nor orphaned
    follow_up.known_units = frozenset({"klinik-glans", "klinik-ljus"})
    notices, extra = follow_up.finish(set(), {"LE-01"}, {"klinik-ljus"}, {})
    assert notices == [] and extra["decisions"]["outside_run"] == 1
    # about a rule or unit that exists nowhere (a misspelt id, in any case): orphaned, said at its line
    for rules, units in (({"LE-02"}, {"klinik-glans"}), ({"LE-01"}, {"klinik-ljus"})):
        follow_up.known_rules, follow_up.known_units = frozenset(rules), frozenset(units)
        notices, extra = follow_up.finish(set(), rules, units, {})
        assert [n.code for n in notices] == ["RK-D011"] and extra["decisions"]["orphaned"] == 1


def test_a_decision_taken_after_the_day_judged_does_not_apply_and_is_said(tmp_path):
    text = "stallningstaganden:\n" + ENTRY.replace("beslutad: 2026-10-01", "beslutad: 2026-12-01")
    follow_up = FollowUp(decisions=read_decisions(_write(tmp_path, text), DAY))
    violation = _row()
    assert not follow_up.annotate(violation, KEY) and "decision" not in violation
    notices, extra = follow_up.finish({KEY}, {"LE-01"}, {"klinik-glans"}, {})
    assert [(n.code, n.line, n.field) for n in notices] == [("RK-D012", 2, "beslutad")]
    assert extra["decisions"]["pending"] == 1 and extra["decisions"]["applied"] == 0


def test_a_baseline_marks_new_unchanged_changed_and_outside_and_lists_what_was_resolved(tmp_path):
    gone = "LE-01/klinik-glans/behandling/b-klinik-glans-01"
    other = "LE-01/klinik-glans/behandling/b-klinik-glans-06"
    baseline = read_baseline(_baseline(tmp_path, [_row(), _row(gone), _row(other, "undetermined"),
                                                  _row("LE-01/klinik-glans/behandling/b-3", "pass")]))
    follow_up = FollowUp(baseline=baseline)
    rows = {name: row for name, row in (("unchanged", _row()), ("changed", _row(other)),
                                        ("new", _row("LE-01/klinik-glans/behandling/b-9")),
                                        ("outside", _row("LE-02/klinik-glans/behandling/b-9")),
                                        ("outside unit", _row("LE-01/klinik-ljus/behandling/b-9")))}
    for row in rows.values():
        follow_up.annotate(row, row["key"])
    assert {name: row["baseline"]["status"] for name, row in rows.items()} == {
        "unchanged": "unchanged", "changed": "changed", "new": "new", "outside": "outside",
        "outside unit": "outside"}
    assert rows["changed"]["baseline"]["previous_outcome"] == "undetermined"
    seen = {KEY, other}
    _, extra = follow_up.finish(seen, {"LE-01"}, {"klinik-glans"}, baseline.run)
    assert [item["key"] for item in extra["baseline"]["resolved"]] == [gone]
    # a rule not checked now, or a unit that could not be checked, resolves nothing
    assert follow_up.finish(seen, {"LE-02"}, {"klinik-glans"}, baseline.run)[1]["baseline"]["resolved"] == []
    assert follow_up.finish(seen, {"LE-01"}, set(), baseline.run)[1]["baseline"]["resolved"] == []


def test_a_baseline_made_otherwise_still_works_but_is_said(tmp_path):
    baseline = read_baseline(_baseline(tmp_path, [_row()], as_of="2026-05-01"))
    notices = baseline.differences({"as_of": "2026-11-20", "rules_digest": "r", "source": "/var/demo",
                                    "facts_digest": "f"})
    assert [n.code for n in notices] == ["RK-D030"] and "2026-05-01" in notices[0].message
    assert baseline.differences(dict(baseline.run)) == []


@pytest.mark.parametrize("text, code", [
    ("{not json", "RK-D020"),
    ('{"type": "run", "tool": "regelkoll"}\n{"type": "summary"}\n', "RK-D021"),
    ('{"acts": [], "type": "run", "tool": "regelkoll"}\n{"type": "summary"}\n', "RK-D021"),  # as jsonl writes it
    ('{"findings": [], "run": {"tool": "regelkoll", "rules": [], "facilities": [], "as_of": "2026-13-45"}}', "RK-D021"),
    ('{"findings": []}', "RK-D021"),
    ('[1, 2]', "RK-D021"),
    ('{"findings": [{"rule_id": "LE-01"}], "run": {"tool": "regelkoll", "rules": [], "facilities": []}}', "RK-D021"),
    ('{"findings": [{"rule_id": "LE-01", "facility_id": "x", "outcome": "fel", "subject": {"kind": "a", "id": "b"}}],'
     ' "run": {"tool": "regelkoll", "rules": [], "facilities": []}}', "RK-D021"),
])
def test_a_malformed_baseline_is_a_coded_error(tmp_path, text, code):
    path = tmp_path / "forra.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DiagnosticError) as info:
        read_baseline(path)
    assert [d.code for d in info.value.diagnostics] == [code]


def test_a_missing_baseline_is_a_coded_error(tmp_path):
    with pytest.raises(DiagnosticError) as info:
        read_baseline(tmp_path / "finns-inte.json")
    assert info.value.diagnostics[0].code == "RK-D020"


def test_the_readme_example_file_reads_as_the_readme_says():
    path = Path(__file__).resolve().parent.parent / "fixtures" / "uppfoljning" / "stallningstaganden.yaml"
    found = read_decisions(path, DAY)
    assert sorted(found.active) == [KEY, "LE-01/klinik-glans/behandling/b-klinik-glans-98"]
    assert [d.key for d in found.expired] == ["LE-01/klinik-glans/behandling/b-klinik-glans-06"]
