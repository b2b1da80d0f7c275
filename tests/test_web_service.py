"""The service behind the pages and the API (engine/web/service.py): the CLI's report, stored decisions applied
as a decisions file would be, every look at a facility's personal data logged, unmasking only with a purpose."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from regelkoll.diagnostics import DiagnosticError
from regelkoll.web.service import Service, Who
from regelkoll.web.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
WHO = Who("Anna Inspektör", "127.0.0.1")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    made = Service(Settings(data=ROOT / "fixtures", uploads=tmp, database_url=f"sqlite:///{tmp}/db.sqlite3",
                            jobs=2))
    yield made
    made.close()


def _cli(*args: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], capture_output=True, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def test_a_decision_stored_on_the_server_does_what_the_same_decisions_file_does(service, tmp_path):
    plain = json.loads(b"".join(service.check("demo", WHO)[0]))
    key = next(row["key"] for row in plain["findings"] if row["outcome"] == "violation")
    entry = {"nyckel": key, "slag": "atgardad", "motivering": "Rättat enligt dnr 3.5-1/2026",
             "beslutad_av": "Anna Inspektör", "beslutad": "2026-10-01", "giltig_till": "2027-03-31"}
    service.store.save_decision(entry, "Anna Inspektör")
    try:
        served = b"".join(service.check("demo", WHO)[0])
        decisions = tmp_path / "stallningstaganden.yaml"
        decisions.write_text("stallningstaganden:\n" + "".join(
            f"  {'-' if i == 0 else ' '} {k}: '{v}'\n" for i, (k, v) in enumerate(entry.items())), encoding="utf-8")
        cli = _cli("check", str(ROOT / "fixtures" / "demo"), "--format", "json", "--stallningstaganden",
                   str(decisions))
    finally:
        service.store.delete_decision(key)
    ours, theirs = json.loads(served), json.loads(cli)
    decided = [row for row in ours["findings"] if row.get("decision")]
    assert [row["key"] for row in decided] == [key]
    strip = ("source",)  # where each decision was written down: the database here, a file there
    assert [{k: v for k, v in row["decision"].items() if k not in strip} for row in decided] == [
        {k: v for k, v in row["decision"].items() if k not in strip} for row in theirs["findings"]
        if row.get("decision")]
    assert ours["findings"] == [{**row, "decision": {**row["decision"], "source": ours_row["decision"]["source"]}}
                                if row.get("decision") else row
                                for row, ours_row in zip(theirs["findings"], ours["findings"])]
    assert {k: v for k, v in ours["run"]["decisions"].items() if k != "file"} == {
        k: v for k, v in theirs["run"]["decisions"].items() if k != "file"}


def test_without_stored_decisions_the_check_is_the_cli_report_byte_for_byte(service):
    assert not service.store.decisions()
    served = b"".join(service.check("demo", WHO)[0])
    assert served == _cli("check", str(ROOT / "fixtures" / "demo"), "--format", "json")


def test_every_look_at_a_facility_is_logged_and_unmasking_needs_a_purpose(service):
    before = len(service.store.access_log())
    service.brief("demo", "klinik-glans", WHO)
    with pytest.raises(DiagnosticError) as refused:
        service.brief("demo", "klinik-glans", WHO, show_personal_data=True, reason="  ")
    assert refused.value.diagnostics[0].code == "RK-W020"
    doc = service.brief("demo", "klinik-glans", WHO, show_personal_data=True, reason="dnr 3.5-77/2026")
    log = service.store.access_log(facility="klinik-glans")
    assert len(service.store.access_log()) == before + 2  # the refused request showed nothing
    assert [(e["who"], e["action"], e["unmasked"], e["reason"]) for e in log[:2]] == [
        ("Anna Inspektör", "besok", True, "dnr 3.5-77/2026"), ("Anna Inspektör", "besok", False, None)]
    assert doc["facility"]["id"] == "klinik-glans"


def test_a_data_set_is_chosen_by_name_never_by_path(service):
    assert "demo" in service.datasets()
    for name in ("../fixtures/demo", "/etc", "demo/../../engine", str(ROOT / "fixtures" / "demo"), ".hidden"):
        with pytest.raises(DiagnosticError) as refused:
            service.path_of(name)
        assert refused.value.diagnostics[0].code == "RK-W010"


def test_a_run_is_recorded_with_its_digests_and_counts(service):
    report, plan, data = service.check("demo", WHO)
    doc = json.loads(b"".join(report))
    counts = {o: sum(1 for r in doc["findings"] if r["outcome"] == o) for o in ("violation", "indication")}
    run_id = service.record("kontroll", "demo", WHO, plan, data, counts, len(doc["errors"]))
    stored = next(r for r in service.store.runs() if r["id"] == run_id)
    assert (stored["rules_digest"], stored["facts_digest"]) == (doc["run"]["rules_digest"],
                                                                doc["run"]["facts_digest"])
    assert stored["violations"] == counts["violation"] > 0
    assert stored["as_of"] == date.fromisoformat(doc["run"]["as_of"])


def test_a_report_made_once_is_served_again_until_a_decision_changes_it(service):
    service.reports.clear()
    first = b"".join(service.check("demo", WHO)[0])
    hits = service.reports.hits
    again, _, _ = service.check("demo", WHO)
    assert b"".join(again) == first and service.reports.hits == hits + 1
    key = next(r["key"] for r in json.loads(first)["findings"] if r["outcome"] == "violation")
    service.store.save_decision({"nyckel": key, "slag": "godtagen_risk", "motivering": "Känd risk",
                                 "beslutad_av": "Anna", "beslutad": "2026-01-01", "giltig_till": "2027-01-01"}, "Anna")
    try:
        decided = b"".join(service.check("demo", WHO)[0])
    finally:
        service.store.delete_decision(key)
    assert service.reports.hits == hits + 1  # a new decision is a new report, not the kept one
    assert json.loads(decided)["run"]["decisions"]["applied"] == 1
    assert b"".join(service.check("demo", WHO)[0]) == first  # the decision withdrawn: as before


def test_a_report_its_reader_left_half_way_is_not_kept(service):
    service.reports.clear()
    stream = iter(service.check("demo", WHO, facilities=["klinik-glans"])[0])
    next(stream)
    stream.close()  # the client went away
    hits = service.reports.hits
    whole = b"".join(service.check("demo", WHO, facilities=["klinik-glans"])[0])
    assert service.reports.hits == hits and json.loads(whole)["findings"]
