"""Steps for triage and follow-up (features/uppfoljning.feature): `regelkoll check` run as a user runs it, on the
demo data set, with a decisions file and a baseline written by the steps."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pytest_bdd import given, parsers, then, when

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"
KEY = r'"(?P<nyckel>[^"]+)"'


def _check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(DEMO), *args], cwd=ROOT,
                          capture_output=True, timeout=300)


@pytest.fixture
def uppfoljning(tmp_path):
    return {"dir": tmp_path, "args": [], "decisions": [], "baseline": None, "proc": None, "report": None}


@given(parsers.re(r'kontrollen gäller verksamheten "(?P<verksamhet>[^"]+)"(?: och bara reglerna "(?P<regler>[^"]+)")?'))
def scope(uppfoljning, verksamhet, regler):
    uppfoljning["args"] += ["--facility", verksamhet]
    if regler:
        uppfoljning["args"] += ["--rule", regler]


@given(parsers.re(r'reglerna "(?P<regler>[^"]+)" hoppas över'))
def skipped(uppfoljning, regler):
    uppfoljning["args"] += ["--skip-rule", regler]


@given(parsers.re(r'bara fynd av allvarlighet "(?P<grad>[^"]+)" och högre visas'))
def min_severity(uppfoljning, grad):
    uppfoljning["args"] += ["--min-severity", grad]


@given("slutstatusen bestäms som standard")
def default_fail_on():
    pass


@given(parsers.re(r'körningen fälls av "(?P<utfall>[^"]+)"'))
def fail_on(uppfoljning, utfall):
    uppfoljning["args"] += ["--fail-on", utfall]


@given(parsers.re(r'ställningstagandet "(?P<slag>[a-z_]+)" om ' + KEY + " som gäller till " + DATE.format("dag")))
def decision(uppfoljning, slag, nyckel, dag):
    uppfoljning["decisions"].append({"nyckel": nyckel, "slag": slag, "motivering": "Bedömt vid besöket",
                                     "beslutad_av": "Anna Berg", "beslutad": "2026-01-15", "giltig_till": dag})


def _report(*args: str) -> dict:
    proc = _check("--format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


@given(parsers.re(r"förra rapporten, där fyndet " + KEY + r' saknades och "(?P<gammal>[^"]+)" var en överträdelse'))
def edited_baseline(uppfoljning, nyckel, gammal):
    report = _report(*uppfoljning["args"])
    rows = report["findings"]
    dropped = [row for row in rows if row["key"] == nyckel]
    assert dropped, f"fyndet {nyckel} finns inte"  # a misspelt key must not pass silently
    template = next(row for row in rows if row["outcome"] == "violation" and row["key"] != nyckel)
    rule, facility, kind, subject = gammal.split("/", 3)
    assert not [row for row in rows if row["key"] == gammal and row["outcome"] == "violation"]
    old = {**template, "key": gammal, "rule_id": rule, "facility_id": facility,
           "subject": {"kind": kind, "id": subject, "label": f"{kind} {subject}"}}
    report["findings"] = [row for row in rows if row["key"] != nyckel] + [old]
    _write_baseline(uppfoljning, report)


@given(parsers.re(r"förra rapporten gjordes per " + DATE.format("dag")))
def earlier_baseline(uppfoljning, dag):
    _write_baseline(uppfoljning, _report(*uppfoljning["args"], "--as-of", dag))


def _write_baseline(uppfoljning, report: dict) -> None:
    path = uppfoljning["dir"] / "forra.json"
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    uppfoljning["baseline"] = path


@when("kontrollen körs")
def run(uppfoljning):
    args = list(uppfoljning["args"])
    if uppfoljning["decisions"]:
        path = uppfoljning["dir"] / "stallningstaganden.yaml"
        path.write_text(yaml.safe_dump({"stallningstaganden": uppfoljning["decisions"]}, allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")
        args += ["--stallningstaganden", str(path)]
    if uppfoljning["baseline"] is not None:
        args += ["--baseline", str(uppfoljning["baseline"])]
    out = uppfoljning["dir"] / "rapport.json"
    uppfoljning["proc"] = proc = _check("--format", "json", "--output", str(out), *args)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    uppfoljning["report"] = json.loads(out.read_text(encoding="utf-8"))


def _finding(uppfoljning, nyckel: str) -> dict:
    found = [row for row in uppfoljning["report"]["findings"] if row["key"] == nyckel]
    assert len(found) == 1, f"{len(found)} fynd har nyckeln {nyckel}"
    return found[0]


@then(parsers.re(r"är slutstatusen (?P<status>\d)"))
def exit_status(uppfoljning, status):
    assert uppfoljning["proc"].returncode == int(status), uppfoljning["proc"].stderr.decode()


@then(parsers.re(r"visas fyndet " + KEY + r' med ställningstagandet "(?P<slag>[^"]+)"'))
def decided(uppfoljning, nyckel, slag):
    assert _finding(uppfoljning, nyckel)["decision"]["kind_sv"] == slag


@then(parsers.re(r"(?P<visas>visas|visas inte) fyndet " + KEY + " med ställningstagande$"))
def decided_or_not(uppfoljning, visas, nyckel):
    assert ("decision" in _finding(uppfoljning, nyckel)) == (visas == "visas")


@then(parsers.re(r"räknas (?P<alla>\d+) överträdelser i körningen men (?P<oppna>\d+) utan ställningstagande"))
def counted(uppfoljning, alla, oppna):
    run = uppfoljning["report"]["run"]
    assert (run["counts"]["violation"], run["open_counts"]["violation"]) == (int(alla), int(oppna))


@then(parsers.re(r"(?P<ges>ges|ges inte) upplysningen (?P<kod>RK-D\d{3})"))
def notice(uppfoljning, ges, kod):
    codes = [n["code"] for n in uppfoljning["report"]["notices"]]
    assert (kod in codes) == (ges == "ges"), codes
    assert (kod in uppfoljning["proc"].stderr.decode()) == (ges == "ges")


@then(parsers.re(r"är fyndet " + KEY + r" (?P<status>nytt|oförändrat)"))
def marked(uppfoljning, nyckel, status):
    expected = {"nytt": "new", "oförändrat": "unchanged"}[status]
    assert _finding(uppfoljning, nyckel)["baseline"]["status"] == expected


@then(parsers.re(r"är fyndet " + KEY + " åtgärdat sedan förra rapporten"))
def resolved(uppfoljning, nyckel):
    assert nyckel in [item["key"] for item in uppfoljning["report"]["run"]["baseline"]["resolved"]]
    assert not [row for row in uppfoljning["report"]["findings"] if row["key"] == nyckel
                and row["outcome"] in ("violation", "indication", "undetermined")]


@then("är inget fynd åtgärdat sedan förra rapporten")
def nothing_resolved(uppfoljning):
    assert uppfoljning["report"]["run"]["baseline"]["resolved"] == []


@then(parsers.re(r'kontrollerades regler som börjar på "(?P<prefix>[^"]+)" men inte "(?P<utom>[^"]+)"'))
def rules_checked(uppfoljning, prefix, utom):
    ids = [rule["id"] for rule in uppfoljning["report"]["run"]["rules"]]
    assert ids and all(i.startswith(prefix) for i in ids) and utom not in ids, ids
    assert {row["rule_id"] for row in uppfoljning["report"]["findings"]} <= set(ids)


@then("visar rapporten att den inte är fullständig")
def incomplete(uppfoljning):
    assert uppfoljning["report"]["run"]["selection"]["complete"] is False


@then(parsers.re(r'visas bara fynd av allvarlighet "(?P<grad>[^"]+)"'))
def only_severity(uppfoljning, grad):
    rows = uppfoljning["report"]["findings"]
    assert rows and {row["severity"] for row in rows} == {grad}


@then("är antalet bedömda fynd detsamma som utan urval")
def same_counts(uppfoljning):
    args = [a for a in uppfoljning["args"]]
    at = args.index("--min-severity")
    del args[at:at + 2]
    assert uppfoljning["report"]["run"]["counts"] == _report(*args)["run"]["counts"]
