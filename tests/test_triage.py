"""Triage of `regelkoll check`: choosing rules (before anything is compiled), what is shown, what fails the run,
`--quiet`, and the follow-up marks reaching every format the same way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.diagnostics import DiagnosticError
from regelkoll.report.document import to_json_bytes
from regelkoll.strict import fold_code as fold
from regelkoll.triage.baseline import read_baseline
from regelkoll.triage.decisions import read_decisions
from regelkoll.triage.follow_up import FollowUp
from regelkoll.triage.selection import Selection, Show, parse_fail_on, parse_outcomes, parse_severity

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"


def regelkoll(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def book():
    return api.load_rules()


@pytest.fixture(scope="module")
def facts():
    return api.read_facts(DEMO)


def test_outcome_words_are_read_in_swedish_or_english_whatever_the_case_and_diacritics():
    assert parse_outcomes(["Överträdelse", "UTREDA", "obedömd", "pass", "ej tillämplig"]) == (
        "violation", "indication", "undetermined", "pass", "not_applicable")
    assert parse_outcomes(["bör utredas", "indication"]) == ("indication",)
    assert parse_outcomes(None) is None
    assert fold("Ej-Tillämplig") == "ej_tillamplig"
    assert parse_severity("Betydande") == "betydande"
    assert parse_fail_on(None) == "violation" and parse_fail_on("Utreda") == "indication"


@pytest.mark.parametrize("call, code", [
    (lambda: parse_outcomes(["brist"]), "RK-E021"),
    (lambda: parse_severity("hög"), "RK-E022"),
    (lambda: parse_fail_on("uppfyllt"), "RK-E023"),
    (lambda: parse_fail_on("obedomd"), "RK-E023"),
])
def test_a_word_that_is_no_choice_is_a_coded_error(call, code):
    with pytest.raises(DiagnosticError) as info:
        call()
    assert [d.code for d in info.value.diagnostics] == [code]


def test_show_filters_by_outcome_and_severity():
    show = Show("betydande", ("violation",))
    assert show.shows("allvarlig", "violation") and show.shows("betydande", "violation")
    assert not show.shows("mindre", "violation") and not show.shows("allvarlig", "indication")
    assert Show().everything and not show.everything


def test_rules_are_chosen_by_id_and_glob_before_anything_is_compiled(book):
    supervision = api.select_rules(book)
    chosen = api.select_rules(book, Selection(rules=("le-*", "PS-01"), skip_rules=("LE-0?",)))
    ids = [loaded.rule.id for loaded in chosen.rules]
    assert ids and set(ids) == {"PS-01", *(f"LE-{n}" for n in range(10, 15))}, ids
    assert {loaded.pack for loaded in chosen.rules} == set(chosen.packs)
    # the compiled rules of the cache are shared: the narrowed book is not compiled again
    assert chosen.compiled is supervision.compiled
    compiled = api.compile_rules(chosen)
    assert [c.rule.id for c in compiled] == ids
    # a part of the book cites as the whole does: each act's title and its short name ("LEKEI") are kept
    assert chosen.acts == book.acts and chosen.abbreviations == book.abbreviations and book.abbreviations


def test_a_narrowed_run_reports_each_finding_as_the_full_run_does(book, facts):
    full = json.loads(to_json_bytes(api.document(api.check(api.select_rules(book), facts, jobs=0,
                                                            facilities=["klinik-glans"]))))
    narrow = json.loads(to_json_bytes(api.document(api.check(
        api.select_rules(book, Selection(rules=("LE-*",))), facts, jobs=0, facilities=["klinik-glans"]))))
    by_key = {f["key"]: f for f in full["findings"]}
    shown = [f for f in narrow["findings"] if f["outcome"] in ("violation", "indication")]
    assert shown and all(f == by_key[f["key"]] for f in shown)


def test_an_unknown_rule_or_a_glob_of_none_is_an_error_with_the_nearest_ids(book):
    with pytest.raises(DiagnosticError) as info:
        api.select_rules(book, Selection(rules=("LE-1", "XX-*"), skip_rules=("PS-99",)))
    found = {(d.code, d.field): d for d in info.value.diagnostics}
    assert set(found) == {("RK-E020", "--rule"), ("RK-E020", "--skip-rule")} and len(info.value.diagnostics) == 3
    assert "LE-1" in info.value.diagnostics[0].hint or "LE-1" in info.value.diagnostics[1].hint
    assert "PS-0" in found[("RK-E020", "--skip-rule")].hint
    # an application rule is no rule of a check
    with pytest.raises(DiagnosticError):
        api.select_rules(book, Selection(rules=("AN-SOK-01",)))


def test_a_selection_of_no_rule_is_an_error(book):
    with pytest.raises(DiagnosticError) as info:
        api.select_rules(book, Selection(rules=("LE-01",), skip_rules=("LE-*",)))
    assert [d.code for d in info.value.diagnostics] == ["RK-E024"]


@pytest.mark.parametrize("args, code", [
    (["--rule", "LE-99"], "RK-E020"),
    (["--outcome", "brist"], "RK-E021"),
    (["--min-severity", "hög"], "RK-E022"),
    (["--fail-on", "allt"], "RK-E023"),
    (["--quiet", "--format", "json"], "RK-E025"),
])
def test_bad_triage_options_stop_the_command_with_their_code(args, code):
    proc = regelkoll("check", str(DEMO), *args)
    assert proc.returncode == 2 and proc.stdout == b""
    assert f": {code}: " in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def _streamed(book, facts, fmt: str, follow_up, selection=None):
    plan = api.plan_check(book, facts, facilities=["klinik-glans"], selection=selection)
    return api.stream(book, facts, fmt=fmt, jobs=0, plan=plan, selection=selection, follow_up=follow_up)


@pytest.fixture()
def follow_up(tmp_path, book, facts):
    """A decision, an expired and an orphaned one, and a baseline of the same run less one finding."""
    plan = api.plan_check(book, facts, facilities=["klinik-glans"])
    report = json.loads(b"".join(api.stream(book, facts, fmt="json", jobs=0, plan=plan)))
    report["findings"] = [row for row in report["findings"] if row["key"] != "LE-01/klinik-glans/behandling/"
                                                                          "b-klinik-glans-22"]
    (tmp_path / "forra.json").write_text(json.dumps(report), encoding="utf-8")
    entries = [("b-klinik-glans-05", "2027-01-01"), ("b-klinik-glans-06", "2026-01-01"), ("b-klinik-glans-99",
                                                                                           "2027-01-01")]
    text = "stallningstaganden:\n" + "".join(
        f"  - nyckel: LE-01/klinik-glans/behandling/{subject}\n    slag: godtagen_risk\n    motivering: Känd\n"
        f"    beslutad_av: Anna Berg\n    beslutad: 2025-12-01\n    giltig_till: {until}\n" for subject, until in entries)
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    return FollowUp(read_decisions(tmp_path / "s.yaml", plan.day), read_baseline(tmp_path / "forra.json"))


def test_the_streamed_report_with_follow_up_is_the_collected_one(book, facts, follow_up):
    selection = Selection(show=Show("betydande", None), fail_on="indication")
    streamed = b"".join(_streamed(book, facts, "json", follow_up, selection))
    collected = _streamed(book, facts, "rows", follow_up, selection)
    assert streamed == to_json_bytes(collected.document())
    doc = json.loads(streamed)
    run = doc["run"]
    assert run["selection"]["min_severity"] == "betydande" and run["selection"]["complete"] is False
    assert run["decisions"]["applied"] == 1 and run["decisions"]["orphaned"] == 1
    assert [n["code"] for n in doc["notices"]] == ["RK-D010", "RK-D011"]
    assert run["open_counts"]["violation"] == run["shown_counts"]["violation"] - 1
    assert run["baseline"]["resolved"] == []
    marks = {row["key"].rsplit("/", 1)[1]: row.get("baseline", {}).get("status") for row in doc["findings"]
             if row["rule_id"] == "LE-01"}
    assert marks["b-klinik-glans-22"] == "new" and marks["b-klinik-glans-05"] == "unchanged"


def test_jsonl_carries_the_same_marks_and_the_late_notices(book, facts, follow_up):
    lines = [json.loads(line) for line in b"".join(_streamed(book, facts, "jsonl", follow_up)).splitlines()]
    decided = [line for line in lines if line["type"] == "finding" and "decision" in line]
    assert [line["key"] for line in decided] == ["LE-01/klinik-glans/behandling/b-klinik-glans-05"]
    assert [line["code"] for line in lines if line["type"] == "notice" and line["code"].startswith("RK-D")] == [
        "RK-D010", "RK-D011"]
    assert lines[-1]["type"] == "summary" and lines[-1]["decisions"]["applied"] == 1


def test_text_and_html_show_the_key_the_decision_and_the_baseline_mark(book, facts, follow_up):
    from regelkoll.report.html import render_html
    from regelkoll.report.text import render_text

    doc = _streamed(book, facts, "rows", follow_up).document()
    text, html = render_text(doc), render_html(doc)
    for shown in (text, html):
        assert "Nyckel: LE-01/klinik-glans/behandling/b-klinik-glans-05" in shown
        assert "godtagen risk" in shown and "Anna Berg 2025-12-01, gäller t.o.m. 2027-01-01" in shown
        assert "[NY]" in shown and "[OFÖRÄNDRAD]" in shown
    assert "SAMMANSTÄLLNING" in text and "Varav ställningstagande" in text and "Varav nya" in text
    quiet = render_text(doc, quiet=True)
    assert "SAMMANSTÄLLNING" in quiet and "Nyckel:" not in quiet and "Underlag" not in quiet


def test_quiet_prints_the_summary_and_only_errors_and_fail_on_indication_fails_on_an_indication():
    proc = regelkoll("check", str(DEMO), "--facility", "fh-hassel", "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode()
    assert "SAMMANSTÄLLNING" in text and "Familjehemmet Hasseln [fh-hassel]" in text and "Underlag" not in text
    assert regelkoll("check", str(DEMO), "--facility", "fh-hassel", "--quiet", "--fail-on", "utreda").returncode == 1
    # shown only: an indication left out by --outcome does not fail the run
    assert regelkoll("check", str(DEMO), "--facility", "fh-hassel", "--quiet", "--fail-on", "utreda",
                     "--outcome", "overtradelse").returncode == 0


@pytest.mark.parametrize("day", ["20261201", "2026W011", "2026-335"])
def test_as_of_is_a_day_written_as_the_help_says_nothing_else(day):
    # Python's date.fromisoformat reads the first two as days; judging on a day nobody wrote must not happen
    proc = regelkoll("check", "fixtures/demo", "--as-of", day)
    assert proc.returncode == 2 and "ÅÅÅÅ-MM-DD" in proc.stderr.decode() and not proc.stdout
