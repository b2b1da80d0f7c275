"""The command line as users run it: exit codes, formats, determinism, masking, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
BROKEN = ROOT / "tests" / "data" / "broken_bundle"


def regelkoll(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=cwd, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def demo_json() -> dict:
    proc = regelkoll("check", str(DEMO), "--format", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_violations_give_exit_1_and_a_swedish_text_report():
    proc = regelkoll("check", "fixtures/demo")
    assert proc.returncode == 1
    text = proc.stdout.decode()
    assert "Regelkoll – tillsynskontroll per 2026-11-20" in text
    assert "[ALLVARLIG] RK-HVB-01" in text
    # findings cite the provision short; the act's title is given once, in the list of acts at the end
    assert "Lagrum: 1 § första st. lagen (2007:171)" in text
    title = "lagen (2007:171) om registerkontroll av personal vid vissa boenden som tar emot barn"
    assert text.lower().count(title) == 1
    # the inspectorate report's wrong citation never appears (lag 2007:171 has no chapters)
    assert not re.search(r"kap\.[^\n]*lagen \(2007:171\)", text)
    assert proc.stderr == b""
    assert "${" not in text  # every message placeholder is filled, including the day of the check


def test_swedish_messages_name_coded_values_in_words(demo_json):
    by_rule = {f["rule_id"]: f["message"]["sv"] for f in demo_json["findings"] if f["outcome"] == "indication"}
    assert "bokföringsbrott" in by_rule["NP-IND-01"] and "verkställande direktör" in by_rule["NP-IND-01"]
    assert all("${" not in f["message"]["sv"] + f["message"]["en"] for f in demo_json["findings"])


def test_json_contract(demo_json):
    assert set(demo_json) == {"run", "findings", "errors", "notices"}
    run = demo_json["run"]
    assert run["as_of"] == "2026-11-20" and len(run["rules_digest"]) == 64 and len(run["facts_digest"]) == 64
    for finding in demo_json["findings"]:
        assert {"rule_id", "outcome", "severity", "facility_id", "subject", "legal_basis", "evidence",
                "message"} <= set(finding)
        assert finding["outcome"] in ("violation", "indication", "undetermined", "pass", "not_applicable")
        assert set(finding["subject"]) >= {"kind", "id"} and set(finding["message"]) == {"sv", "en"}
        for ref in finding["legal_basis"]:
            assert {"act", "chapter", "section", "paragraph", "point", "citation", "url"} <= set(ref)
    violation = next(f for f in demo_json["findings"] if f["rule_id"] == "RK-HVB-04" and f["outcome"] == "violation")
    assert violation["legal_basis"][0] | {"citation": None} == {
        "act": "2007:171", "chapter": None, "section": "1", "paragraph": 4, "point": None, "wording": "2024:87",
        "unverified": False, "citation": None, "short": "1 § fjärde st. lagen (2007:171)",
        "url": "https://rkrattsbaser.gov.se/sfst?bet=2007:171", "section_url": "https://lagen.nu/2007:171#P1"}
    assert violation["legal_basis"][0]["citation"].startswith("1 § fjärde stycket lagen (2007:171) om registerkontroll")


def test_findings_are_sorted_facility_then_outcome_then_severity(demo_json):
    from regelkoll.lang.model import SEVERITY_RANK
    from regelkoll.ledger.findings import OUTCOME_RANK

    # a summary row of what is not applicable has no subject id of its own
    keys = [(f["facility_id"], OUTCOME_RANK[f["outcome"]], SEVERITY_RANK[f["severity"]], f["rule_id"],
             f["subject"]["id"] or "") for f in demo_json["findings"]]
    assert keys == sorted(keys)


def test_same_inputs_give_the_same_bytes(tmp_path):
    for fmt in ("json", "jsonl", "html", "text"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert regelkoll("check", str(DEMO), "--format", fmt, "--output", str(a)).returncode == 1
        assert regelkoll("check", str(DEMO), "--format", fmt, "--output", str(b), "--jobs", "1").returncode == 1
        assert a.read_bytes() == b.read_bytes()


def test_personal_identity_numbers_are_masked_unless_asked_for(tmp_path):
    numbers = [p["personnummer"] for f in DEMO.glob("*.yaml") for p in (_yaml(f).get("person") or [])]
    assert numbers
    for fmt in ("json", "jsonl", "html", "text"):
        out = regelkoll("check", str(DEMO), "--format", fmt).stdout.decode()
        assert not any(n in out or n.replace("-", "") in out for n in numbers)
    shown = regelkoll("check", str(BROKEN), "--format", "json", "--show-personal-data")
    assert json.loads(shown.stdout)["run"]["personal_data"] == "shown"


def _yaml(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_html_is_self_contained_and_printable(tmp_path):
    out = tmp_path / "r.html"
    assert regelkoll("check", str(DEMO), "--format", "html", "--output", str(out)).returncode == 1
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert "RK-LSS-06" in html and "lagen (2010:479)" in html and "BÖR UTREDAS" in html


def test_a_broken_facility_does_not_stop_the_others():
    proc = regelkoll("check", str(BROKEN), "--format", "json")
    assert proc.returncode == 2  # errors win over violations
    doc = json.loads(proc.stdout)
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr
    assert "b_broken_facility.yaml:2:63: RK-B010: verksamhet.typ: ogiltigt värde 'hvbb'" in stderr
    assert "a_ok.yaml:12:72: RK-B010: engagemang.start: ogiltigt datum" in stderr
    assert "c_not_yaml.yaml:3:1: RK-Y001" in stderr
    assert "19850709-9806" not in stderr and "19850709-****" in stderr
    assert [e["facility_id"] for e in doc["errors"] if e["kind"] == "facility"] == ["hvb-trasig"]
    outcomes = {(f["facility_id"], f["rule_id"], f["subject"]["id"]): f["outcome"] for f in doc["findings"]}
    assert outcomes[("hvb-ok", "RK-HVB-01", "e1")] == "violation"
    assert outcomes[("hvb-ok", "RK-HVB-01", "e2")] == "undetermined"  # nothing lost silently


def test_as_of_overrides_the_bundle_date():
    doc = json.loads(regelkoll("check", str(DEMO), "--format", "json", "--as-of", "2025-01-01").stdout)
    assert doc["run"]["as_of"] == "2025-01-01"
    assert not any(f["outcome"] == "violation" and f["decisive_date"] > "2025-01-01" for f in doc["findings"])


@pytest.mark.parametrize(("args", "message"), [
    (["check", "fixtures/demo", "--as-of", "2025-02-30"], "ogiltigt datum"),
    (["check", "finns/inte"], "RK-B001"),
    (["check", "fixtures/demo", "--rules", "finns/inte"], "RK-R010"),
    (["check", "fixtures/demo", "--format", "pdf"], "pdf"),
])
def test_usage_and_input_errors_exit_2_without_traceback(args, message):
    proc = regelkoll(*args)
    assert proc.returncode == 2
    assert message in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_a_rule_error_stops_the_run_with_file_line_column(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (ROOT / "rules" / "registerkontroll" / "hvb.yaml").read_text(encoding="utf-8")
    (rules / "hvb.yaml").write_text(text.replace("    allvarlighet: mindre", "    allvarlighet: minder"), "utf-8")
    proc = regelkoll("check", str(DEMO), "--rules", str(rules))
    assert proc.returncode == 2
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "allvarlighet: mindre" in l)
    assert f"hvb.yaml:{line}:19: RK-R003: regler.6.allvarlighet: ogiltigt värde" in proc.stderr.decode()


def test_rules_subcommands():
    assert regelkoll("rules", "lint").returncode == 0
    compiled = json.loads(regelkoll("rules", "compile", "--rule", "RK-HVB-01").stdout)
    (ruleset,) = compiled.values()
    assert "opened" in ruleset and {key.split("_")[0] for key in ruleset} == {"opened", "v0", "v1", "v2", "v3"}
    tested = regelkoll("rules", "test")
    assert tested.returncode == 0 and b"FEL" not in tested.stdout


def test_committed_schema_matches_the_rule_model():
    from regelkoll.lang.schema import schema_text

    assert (ROOT / "rules" / "regel.schema.json").read_text(encoding="utf-8") == schema_text()


def test_committed_rule_catalogue_is_current():
    proc = regelkoll("rules", "docs")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert (ROOT / "docs" / "regelkatalog.md").read_text(encoding="utf-8") == text
    for rule_id in ("RK-HVB-01", "RK-HVB-07", "RK-LSS-06"):
        assert f"## {rule_id} – " in text
    assert "[1 § fjärde stycket lagen (2007:171)" in text


def test_a_bug_in_regelkoll_is_one_line_not_a_traceback(monkeypatch, capsys):
    import regelkoll.report.text
    from regelkoll import cli

    def broken(doc):
        raise RuntimeError("trasig rapport")

    monkeypatch.setattr(regelkoll.report.text, "render_text", broken)
    monkeypatch.setattr(sys, "argv", ["regelkoll", "check", str(DEMO), "--jobs", "1"])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "internt fel (RuntimeError: trasig rapport)" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["lint", "compile", "test"])
def test_a_rule_the_engine_cannot_run_is_a_coded_error_in_every_rules_command(tmp_path, command):
    # valid in the rule format, but more patterns than durable_rules can join in one rule
    text = (ROOT / "tests" / "data" / "minimal_rule.yaml").read_text(encoding="utf-8")
    extra = "".join(f"      - som: w{i}\n        typ: verksamhet\n        dar:\n          - {{falt: typ, i: [hvb]}}\n"
                    for i in range(17))
    (tmp_path / "pack.yaml").write_text(text.replace("    overtradelse_nar:", extra + "    overtradelse_nar:"),
                                        encoding="utf-8")
    proc = regelkoll("rules", command, "--rules", str(tmp_path))
    assert proc.returncode == 2
    # at the rule's id in its file, as every other rule error
    assert proc.stderr.decode().splitlines() == [f"{tmp_path / 'pack.yaml'}:8:9: RK-C001: PROV-01: högst 16 mönster "
                                                 "per regel"]
