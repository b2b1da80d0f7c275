"""fixtures/kommun (sources in real formats) reports what its README lists, each finding pointing at its file
and line, and importing it first changes nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = "fixtures/kommun"
EXPECTED = yaml.safe_load((ROOT / "fixtures" / "expected" / "kommun.yaml").read_text(encoding="utf-8"))
# Skatteverket's test numbers used by the sources (copied from fixtures/testpersonnummer.json)
TEST_NUMBERS = {"196906112393", "197602252392", "197603242384", "197608182395", "198011272393", "198506222382",
                "198601062394", "198609242394", "198701242383", "198803092397", "198908052395", "199009082398",
                "199104232385", "199107262389", "199211202396", "199305062383", "200203042387",
                "197005632380"}  # the last one is a samordningsnummer


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True,
                          timeout=300)


@lru_cache(maxsize=None)
def _checked(target: str) -> tuple[int, bytes]:
    proc = _run("check", target, "--format", "json")
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    return proc.returncode, proc.stdout


def _doc() -> dict:
    code, out = _checked(DATA)
    assert code == 1
    return json.loads(out)


def _keys(doc: dict, outcome: str) -> set[tuple[str, str, str]]:
    return {(f["facility_id"], f["rule_id"], f["subject"]["id"]) for f in doc["findings"] if f["outcome"] == outcome}


def _expected(section: str) -> set[tuple[str, str, str]]:
    return {(v["verksamhet"], v["regel"], v["subjekt"]) for v in EXPECTED[section]}


def test_kommun_reports_the_documented_findings_and_no_errors():
    doc = _doc()
    assert doc["errors"] == []
    assert _keys(doc, "violation") == _expected("overtradelser")
    assert _keys(doc, "indication") == _expected("att_utreda")
    assert _keys(doc, "undetermined") == _expected("obestamda")
    assert sorted({n["code"] for n in doc["notices"]}) == EXPECTED["upplysningar"]


def test_the_readme_table_lists_every_finding():
    readme = (ROOT / DATA / "README.md").read_text(encoding="utf-8")
    for section in ("overtradelser", "att_utreda", "obestamda"):
        for v in EXPECTED[section]:
            assert re.search(rf"\| {re.escape(v['regel'])} \|[^\n]*`{re.escape(v['subjekt'])}`", readme), v


def test_every_violation_and_indication_names_its_source_file_and_line():
    doc = _doc()
    judged = [f for f in doc["findings"] if f["outcome"] in ("violation", "indication")]
    assert judged
    by_key = {(v["verksamhet"], v["regel"], v["subjekt"]): v["kalla"]
              for v in EXPECTED["overtradelser"] + EXPECTED["att_utreda"]}
    for finding in judged:
        sources = [e["source"] for e in finding["evidence"]]
        assert sources, finding["rule_id"]
        for source in sources:
            assert re.fullmatch(rf"{DATA}/\S+:\d+( /\S+)?", source), source
            assert (ROOT / source.split(":")[0]).is_file(), source
        key = (finding["facility_id"], finding["rule_id"], finding["subject"]["id"])
        assert f"{DATA}/{by_key[key]}" in sources, (key, sources)


def test_the_finding_resting_on_a_name_link_is_an_indication_that_says_so():
    doc = _doc()
    linked = [f for f in doc["findings"] if f["outcome"] in ("violation", "indication", "undetermined")
              and any(e["link"] for e in f["evidence"])]
    # the breach it shows is at most "bör utredas"; what it would let pass cannot be called passed
    outcomes = {(f["rule_id"], f["subject"]["id"], f["outcome"]) for f in linked}
    assert ("RK-HVB-02", "ekorren-lonelista.1006", "indication") in outcomes
    assert {o for _, s, o in outcomes if s == "ekorren-lonelista.1006"} == {"indication", "undetermined"}
    assert {s for _, s, _ in outcomes} == {"ekorren-lonelista.1006"}
    assert all("namn" in m for f in linked for m in f["missing"])
    [finding] = [f for f in linked if f["outcome"] == "indication"]
    links = [e for e in finding["evidence"] if e["link"]]
    assert all("matchad på namn" in e["link"] for e in links)
    assert [e["source"] for e in links] == [f"{DATA}/personal/ekorren_lonelista.csv:7"]
    notices = [n for n in doc["notices"] if n["code"] == "RK-K050"]
    assert len(notices) == 1 and notices[0]["line"] == 7


def test_the_empty_hosp_answer_is_undetermined_not_a_violation():
    doc = _doc()
    karlsson = [f for f in doc["findings"] if f["subject"]["id"] == "silke-paxml.205" and f["rule_id"] == "PS-01"]
    assert [f["outcome"] for f in karlsson] == ["undetermined"]
    assert any(n["code"] == "RK-K034" and n["line"] == 11 for n in doc["notices"])


def test_ten_digit_numbers_and_the_samordningsnummer_are_linked_by_number(tmp_path):
    proc = _run("import", DATA, "--output", str(tmp_path), "--show-personal-data")
    assert proc.returncode == 0, proc.stderr.decode()
    facts = yaml.safe_load((tmp_path / "fakta.yaml").read_text(encoding="utf-8"))
    numbers = {p["personnummer"].replace("-", ""): p for p in facts["person"] if p.get("personnummer")}
    assert set(numbers) == TEST_NUMBERS - {"197608182395"}  # the auditor is no representative: no person
    assert numbers["198506222382"]["namn"] == "Sofia Engström"  # 850622-2382, century from uttagsdatum
    assert numbers["197005632380"]["namn"] == "Amira Haddad"  # samordningsnummer in roster and log alike
    passes = {f["subject"]["id"] for f in _doc()["findings"] if f["outcome"] == "pass" and f["rule_id"] == "RK-HVB-01"}
    assert {"ekorren-lonelista.1002", "ekorren-lonelista.1003"} <= passes


def _without_run_source(raw: bytes) -> bytes:
    doc = json.loads(raw)
    doc["run"].pop("source")
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


def test_importing_then_checking_gives_the_same_document(tmp_path):
    out = tmp_path / "importerad"
    proc = _run("import", DATA, "--output", str(out), "--show-personal-data")
    assert proc.returncode == 0, proc.stderr.decode()
    code, direct = _checked(DATA)
    imported = _run("check", str(out), "--format", "json")
    assert (imported.returncode, code) == (1, 1), imported.stderr.decode()
    assert json.loads(imported.stdout)["run"]["source"] == str(out)
    assert _without_run_source(imported.stdout) == _without_run_source(direct)
    first, second = json.loads(direct), json.loads(imported.stdout)
    assert (first["errors"], first["notices"]) == (second["errors"], second["notices"])


def test_the_text_report_shows_source_lines():
    proc = _run("check", DATA)
    assert proc.returncode == 1, proc.stderr.decode()
    text = proc.stdout.decode("utf-8")
    assert f"källa: {DATA}/personal/ekorren_lonelista.csv:5" in text
    assert f"källa: {DATA}/personal/silke_paxml.xml:27 /paxml/personal/person[3]" in text
    assert f"källa: {DATA}/bolagsverket/varden_funktionarer.csv:5" in text
    assert "matchad på namn" in text
