"""fixtures/ansokningar: screening each application gives what its README and fixtures/expected/ansokningar.yaml
list, and never a finding about running without a licence (an application is no running facility)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "ansokningar"
EXPECTED = yaml.safe_load((ROOT / "fixtures" / "expected" / "ansokningar.yaml").read_text(encoding="utf-8"))
APPLICATIONS = sorted(EXPECTED["ansokningar"])


@lru_cache(maxsize=None)
def _screened(name: str) -> tuple[int, dict, str]:
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "ansokan", f"fixtures/ansokningar/{name}",
                           "--data", EXPECTED["underlag"], "--format", "json"], cwd=ROOT, capture_output=True,
                          timeout=300)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    return proc.returncode, json.loads(proc.stdout), proc.stderr.decode()


def test_every_application_file_has_expected_findings():
    assert sorted(p.name for p in FIXTURES.glob("*.yaml")) == APPLICATIONS
    assert len(APPLICATIONS) >= 4


@pytest.mark.parametrize("name", APPLICATIONS)
def test_screening_gives_the_documented_findings(name):
    code, doc, _ = _screened(name)
    want = EXPECTED["ansokningar"][name]
    assert doc["run"]["as_of"] == EXPECTED["per_datum"]
    assert code == want["slutstatus"] == doc["run"]["status"]
    assert doc["tillstandsplikt"]["tillstandspliktig"] == want["tillstandspliktig"]
    assert [i["regel"] for i in doc["komplettering"]] == want["komplettering"]
    assert [i["regel"] for i in doc["tillstandsplikt"]["fynd"]] == want["tillstandsplikt"]
    assert [i["regel"] for i in doc["malgrupp_och_alder"]] == want["malgrupp_och_alder"]
    assert [{"regel": f["rule_id"], "subjekt": f["subject"]["id"]} for f in doc["findings"]
            if f["outcome"] == "indication"] == want["bor_utredas"]
    assert [{"subjekt": u["subjekt"], "regler": u["regler"]} for u in doc["kunde_inte_bedomas"]] \
        == want["kunde_inte_bedomas"]
    assert sorted({e["code"] for e in doc["errors"]}) == want["fel"]
    assert sorted({n["code"] for n in doc["notices"]}) == want["upplysningar"]


@pytest.mark.parametrize("name", APPLICATIONS)
def test_no_application_is_reported_as_running_without_a_licence(name):
    _, doc, _ = _screened(name)
    assert {f["rule_id"] for f in doc["findings"]} <= {r for r in doc["run"]["rules"] if r.startswith("AN-")}
    assert all(not f["rule_id"].startswith("TS-") for f in doc["findings"])
    text = json.dumps(doc, ensure_ascii=False)
    assert "utan tillstånd" not in text and "utan gällande tillstånd" not in text


def test_every_indication_names_its_grounds_and_sources():
    for name in APPLICATIONS:
        _, doc, _ = _screened(name)
        for item in doc["bor_utredas"]:
            assert item["lagrum"] and item["meddelande"].endswith("bör utredas.")
            sources = [e["kalla"] for e in item["bevis"] if e["typ"] not in ("kontext", "kretsperson", "ansokan")]
            assert sources and all(re.match(r"fixtures/ansokningar/underlag/\w+\.yaml:\d+", s) for s in sources)


def test_the_readme_table_lists_every_finding():
    table = {}
    for line in (FIXTURES / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `(\d\d_\w+\.yaml)` \|", line)
        if match:
            table[match.group(1)] = set(re.findall(r"AN-[A-Z]+-\d+", line.replace("AN-LAMP-01–04", "AN-LAMP-01 "
                                                                                   "AN-LAMP-02 AN-LAMP-03 "
                                                                                   "AN-LAMP-04")))
    assert sorted(table) == APPLICATIONS
    for name, want in EXPECTED["ansokningar"].items():
        rules = set(want["komplettering"] + want["tillstandsplikt"] + want["malgrupp_och_alder"])
        rules |= {i["regel"] for i in want["bor_utredas"]}
        rules |= {r for u in want["kunde_inte_bedomas"] for r in u["regler"]}
        assert table[name] == rules, name


def test_the_fixtures_use_only_skatteverkets_test_numbers():
    pool = set(json.loads((ROOT / "fixtures" / "testpersonnummer.json").read_text(encoding="utf-8"))["personnummer"])
    numbers = set()
    for path in [*FIXTURES.glob("*.yaml"), *(FIXTURES / "underlag").glob("*.yaml")]:
        numbers |= {m.replace("-", "") for m in re.findall(r"\b\d{8}-\d{4}\b", path.read_text(encoding="utf-8"))}
    assert numbers and numbers <= pool
