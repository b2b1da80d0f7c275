"""The HOSP adapters: what a saved register answer says about a person's legitimation, and what it cannot say.

The one promise every test here keeps: an answer that cannot speak for a person (empty, about someone else,
unreadable, undated, an unknown code) makes that person's legitimation unknown, so the rules are undetermined
for them and never find the legitimation missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.adapters import hosp_credentials, hosp_ivo
from regelkoll.adapters.collect import Collected
from regelkoll.adapters.hosp_common import profession, restriction_status
from regelkoll.adapters.manifest import Kalla, SourceFile
from regelkoll.facts.model import YRKEN

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "sources" / "hosp"
DAY = date(2026, 11, 20)
SARA = "197608182395"  # Skatteverket's test personnummer (fixtures/testpersonnummer.json)


def _read(name: str, adapter: str = "hosp_legitimation", uttagsdatum: date | None = DAY) -> Collected:
    path = DATA / name
    module = hosp_credentials if adapter == "hosp_legitimation" else hosp_ivo
    out = Collected()
    module.read(SourceFile(path, name, Kalla(fil=name, adapter=adapter, uttagsdatum=uttagsdatum), 1), out)
    return out


def _codes(out: Collected) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in out.diagnostics]


def _legitimations(out: Collected) -> dict[tuple[str | None, str], dict]:
    return {(out.mentions[raw["person"].index].number, raw["yrke"]): raw
            for kind, raw, _ in out.records if kind == "legitimation"}


def _unknown(out: Collected, kind: str = "legitimation") -> list[tuple[str | None, str]]:
    return [(out.mentions[u.person.index].number, u.diagnostic.code) for u in out.unknown if u.kind == kind]


# --- code tables --------------------------------------------------------------------------------------------


def test_code_tables_map_every_hosp_profession_to_the_model():
    codes = ("AP AT AU BA BM DT FT KP LG LK NA OP OT PS PT RC RS SF SG SJ TH TL").split()
    assert len(codes) == 22
    for code in codes:
        assert profession(code) in YRKEN, code
    assert profession("SG") == "fysioterapeut" and profession("lk") == "lakare"
    assert profession("KU") is None  # no verified code for hälso- och sjukvårdskurator: unknown, not guessed
    assert [restriction_status(c) for c in ("001", "002", "003", "009")] == [
        "aterkallad", "provotid", "begransad_forskrivningsratt", None]


def test_code_tables_and_schemas_are_package_data():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"regelkoll.adapters" = ["data/*.csv", "xsd/*.xsd"]' in text
    assert (ROOT / "adapters" / "data" / "hosp_legitimerade_yrken.csv").is_file()
    assert len(list((ROOT / "adapters" / "xsd").glob("hosp_*.xsd"))) == 5


# --- route A: GetHospCredentialsForPerson -------------------------------------------------------------------


def test_route_a_response_gives_undated_statuses_as_of_the_snapshot_day():
    out = _read("a_lakare_provotid.xml")
    found = _legitimations(out)
    # 002 prövotid wins over 003 begränsad förskrivningsrätt; the contract has no dates, so no `fran`
    assert found[(SARA, "lakare")]["status"] == [{"status": "provotid"}]
    assert found[(SARA, "sjukskoterska")]["status"] == [{"status": "giltig"}]
    assert {raw["uppgift_per"] for raw in found.values()} == {DAY}
    assert ("legitimation", 0) in out.covered
    # an undated specialist certificate is no evidence of a date: unknown, with the speciality kept
    assert _codes(out) == [("RK-K038", 12)]
    assert [u.raw for u in out.unknown if u.kind == "specialistbevis"] == [{"specialitet": "klinisk_fysiologi"}]


def test_children_in_the_responder_namespace_fail_validation_and_leave_the_person_unknown():
    out = _read("a_responder_ns_only.xml")
    assert _codes(out) == [("RK-K032", 4), ("RK-K032", 5)]
    assert out.records == []
    assert _unknown(out) == [(SARA, "RK-K032")]


def test_soap_1_2_envelope_is_unwrapped():
    out = _read("a_soap12.xml")
    assert _codes(out) == []
    assert _legitimations(out)[(SARA, "sjukskoterska")]["status"] == [{"status": "giltig"}]


def test_batch_reads_each_answer_and_keeps_what_it_cannot_tell_unknown():
    out = _read("a_batch.xml", uttagsdatum=None)  # the batch's lastUpdate is the snapshot day
    found = _legitimations(out)
    assert found[("197001782395", "apotekare")]["status"] == [{"status": "giltig"}]  # the rest is still read
    assert found[("197001782395", "apotekare")]["uppgift_per"] == DAY
    assert set(found) == {("197001782395", "apotekare")}
    # revoked as of the snapshot but not since when: as a fact it would read as revoked on every day before
    assert _codes(out) == [("RK-K041", 6), ("RK-K034", 11), ("RK-K034", 13), ("RK-K035", 16), ("RK-K039", 22),
                           ("RK-K037", 24), ("RK-K037", 27), ("RK-K042", 28)]
    assert _unknown(out) == [(SARA, "RK-K041"), ("198305312392", "RK-K034"), ("199002222397", "RK-K034"),
                             ("198402202397", "RK-K035"), ("197001782395", "RK-K037"), ("197001782395", "RK-K037"),
                             ("197001782395", "RK-K042")]
    assert out.unknown[0].raw == {"yrke": "sjukskoterska", "status": "aterkallad"}
    # the answer about someone else was attributed to nobody
    assert not any(m.number == "198606012388" for m in out.mentions)
    message = next(d.message for d in out.diagnostics if d.code == "RK-K034")
    assert "betyder inte att personen saknar legitimation" in message and "198305312392" not in message


def test_a_response_about_another_person_than_the_file_name_is_not_used():
    out = _read("198305312392.xml")
    assert _codes(out) == [("RK-K035", 3)]
    assert out.records == [] and _unknown(out) == [("198305312392", "RK-K035")]
    assert all(m.number != SARA for m in out.mentions)


def test_empty_response_named_by_file_is_unknown_not_absent():
    out = _read("197608182395.xml")
    assert _codes(out) == [("RK-K034", 2)]
    assert out.records == [] and _unknown(out) == [(SARA, "RK-K034")]
    assert out.covered == set()


def test_without_a_snapshot_day_the_answer_speaks_for_no_day():
    out = _read("a_soap12.xml", uttagsdatum=None)
    assert _codes(out) == [("RK-K036", 5)]
    assert out.records == [] and _unknown(out) == [(SARA, "RK-K036")]


def test_unreadable_last_update_falls_back_to_the_manifest(tmp_path):
    text = (DATA / "a_batch.xml").read_text(encoding="utf-8").replace("2026-11-20T06:00:00", "i går")
    (tmp_path / "b.xml").write_text(text, encoding="utf-8")
    out = Collected()
    hosp_credentials.read(SourceFile(tmp_path / "b.xml", "b.xml", Kalla(fil="b.xml", adapter="hosp_legitimation",
                                                                        uttagsdatum=date(2026, 11, 1)), 1), out)
    assert _codes(out)[0] == ("RK-K043", 2)
    assert {raw["uppgift_per"] for raw in _legitimations(out).values()} == {date(2026, 11, 1)}


def test_iso_8859_1_response_is_read():
    out = _read("a_latin1.xml")
    assert _codes(out) == []
    assert list(_legitimations(out)) == [(SARA, "rontgensjukskoterska")]


@pytest.mark.parametrize(("name", "code", "line"), [("xxe.xml", "RK-K030", 2), ("bomb.xml", "RK-K030", 2),
                                                    ("malformed.xml", "RK-K031", 4), ("not_hosp.xml", "RK-K033", 2)])
@pytest.mark.parametrize("adapter", ["hosp_legitimation", "hosp_ivo"])
def test_hostile_and_broken_files_are_refused_with_a_code(name, code, line, adapter):
    out = _read(name, adapter)
    assert _codes(out) == [(code, line)]
    assert out.records == [] and out.mentions == []


# --- route B: GetHospPersonForIVO ---------------------------------------------------------------------------


def test_route_b_gives_a_dated_history_names_and_certificates():
    out = _read("b_personer.xml", "hosp_ivo")
    found = _legitimations(out)
    assert found[(SARA, "sjukskoterska")]["status"] == [
        {"status": "giltig", "fran": date(2015, 6, 1)}, {"status": "provotid", "fran": date(2020, 3, 1)},
        {"status": "giltig", "fran": date(2023, 3, 1)}, {"status": "aterkallad", "fran": date(2025, 3, 1)}]
    assert found[("198305312392", "lakare")]["status"] == [{"status": "giltig", "fran": date(2010, 1, 15)}]
    certificates = [raw for kind, raw, _ in out.records if kind == "specialistbevis"]
    assert [(c["specialitet"], c["utfardat"]) for c in certificates] == [("plastikkirurgi", date(2016, 1, 10))]
    assert [(m.namn, m.number, m.birth, m.source) for m in out.mentions] == [
        ("Sara Maria Nilsson", SARA, date(1976, 8, 18), "HOSP"),
        ("Maria Thi Nguyen", "198305312392", date(1983, 5, 31), "HOSP"),
        ("(skyddad identitet)", "197611052395", date(1976, 11, 5), "HOSP")]
    assert _codes(out) == [("RK-K038", 52), ("RK-K044", 58)]
    # a protected identity lists no licence: that is no evidence of none
    assert _unknown(out) == [("197611052395", "RK-K044")]
    assert ("legitimation", 2) not in out.covered and ("specialistbevis", 0) in out.covered


def test_route_b_batch_dates_what_it_can_and_nothing_else():
    out = _read("b_batch.xml", "hosp_ivo")
    found = _legitimations(out)
    # prövotid 2023-06-01–2024-06-30 outranks the open begränsad förskrivningsrätt from 2021-01-01
    assert found[("199002222397", "lakare")]["status"] == [
        {"status": "giltig", "fran": date(2013, 1, 1)},
        {"status": "begransad_forskrivningsratt", "fran": date(2021, 1, 1)},
        {"status": "provotid", "fran": date(2023, 6, 1)},
        {"status": "begransad_forskrivningsratt", "fran": date(2024, 7, 1)}]
    assert list(found) == [("199002222397", "lakare")]
    assert _codes(out) == [("RK-K034", 4), ("RK-K041", 17), ("RK-K037", 18), ("RK-K037", 19), ("RK-K041", 20),
                           ("RK-K035", 27)]
    assert _unknown(out) == [("198305312392", "RK-K034"), ("199002222397", "RK-K041"), ("199002222397", "RK-K037"),
                             ("199002222397", "RK-K037"), ("199002222397", "RK-K041"), ("198402202397", "RK-K035")]
    assert not any(m.number == "198606012388" for m in out.mentions)


@pytest.mark.parametrize(("name", "line"), [("b_wrong_ns.xml", 3), ("b_iso_date.xml", 7)])
def test_route_b_answer_that_breaks_the_schema_leaves_its_people_unknown(name, line):
    out = _read(name, "hosp_ivo")
    assert _codes(out) == [("RK-K032", line)]
    assert out.records == []
    assert _unknown(out) == [(SARA, "RK-K032")] and _unknown(out, "specialistbevis") == [(SARA, "RK-K032")]


# --- end to end: what the rules make of it ------------------------------------------------------------------

CLINIC = """\
kontext:
  per_datum: '2026-11-01'
organisation:
- {id: org-glans, namn: Glans Estetik AB, organisationsnummer: "556016-0680", regi: enskild}
verksamhet:
- {id: klinik-glans, namn: Klinik Glans, organisation: org-glans, typ: estetisk_klinik, startdatum: '2022-03-01',
   anmald_ivo: '2022-01-10'}
person:
- {id: p-sara, namn: Sara Nilsson, personnummer: "19760818-2395"}
engagemang:
- {id: e-1, person: p-sara, verksamhet: klinik-glans, form: anstallning, titel: sjukskoterska, start: '2025-01-07'}
"""


@pytest.fixture(scope="module")
def psl_rules(tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    shutil.copy(ROOT / "rules" / "halso_och_sjukvard" / "psl.yaml", rules / "psl.yaml")
    return api.load_rules(rules)


def _data_set(tmp_path: Path, source: str, adapter: str, extra: str = "") -> Path:
    (tmp_path / "klinik.yaml").write_text(CLINIC, encoding="utf-8")
    shutil.copy(DATA / source, tmp_path / source)
    (tmp_path / "kallor.yaml").write_text(f"kallor:\n  - fil: {source}\n    adapter: {adapter}\n{extra}",
                                          encoding="utf-8")
    return tmp_path


def _ps01(rules, data: Path, as_of: date | None = None) -> str:
    result = api.check(rules, api.read_facts(data), as_of=as_of, jobs=0)
    return next(f.outcome for f in result.findings if f.rule_id == "PS-01" and f.subject_id == "e-1")


def test_empty_response_makes_ps01_undetermined_not_violated(psl_rules, tmp_path):
    data = _data_set(tmp_path, "197608182395.xml", "hosp_legitimation", "    uttagsdatum: 2026-11-20\n")
    assert _ps01(psl_rules, data) == "undetermined"


def test_route_b_revocation_is_a_violation_only_after_its_date(psl_rules, tmp_path):
    data = _data_set(tmp_path, "b_personer.xml", "hosp_ivo", "    uttagsdatum: 2026-11-20\n")
    assert _ps01(psl_rules, data) == "violation"  # revoked from 2025-03-01
    assert _ps01(psl_rules, data, as_of=date(2025, 2, 1)) == "pass"


@pytest.mark.parametrize("source", ["a_batch.xml", "a_soap12.xml"])
def test_route_a_without_dates_is_never_a_violation(psl_rules, tmp_path, source):
    # revoked (a_batch) or valid (a_soap12) as of the snapshot: either way not on a given earlier day
    data = _data_set(tmp_path, source, "hosp_legitimation", "    uttagsdatum: 2026-11-20\n")
    assert _ps01(psl_rules, data) == "undetermined"


def test_check_on_a_hostile_hosp_file_reports_codes_without_a_traceback(tmp_path):
    data = _data_set(tmp_path, "bomb.xml", "hosp_ivo")
    shutil.copy(DATA / "a_batch.xml", data / "a_batch.xml")
    with (data / "kallor.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - fil: a_batch.xml\n    adapter: hosp_legitimation\n")
    run = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(data)], capture_output=True,
                         text=True, timeout=300)
    assert "Traceback" not in run.stderr + run.stdout
    assert "RK-K030" in run.stderr and "RK-K034" in run.stderr
    assert "198305312392" not in run.stderr + run.stdout  # personnummer masked
    assert run.returncode == 2


def test_route_b_probation_counts_as_a_valid_licence_on_its_dates(psl_rules, tmp_path):
    # no personId: the file name says whom it was asked about, and the answer is taken as about them
    data = _data_set(tmp_path, "199002222397.xml", "hosp_ivo", "    uttagsdatum: 2026-11-20\n")
    (data / "klinik.yaml").write_text(
        CLINIC.replace('p-sara, namn: Sara Nilsson, personnummer: "19760818-2395"',
                       'p-sara, namn: Test Testsson, personnummer: "19900222-2397"')
        .replace("titel: sjukskoterska, start: '2025-01-07'", "titel: lakare, start: '2012-06-01'"), encoding="utf-8")
    assert _ps01(psl_rules, data, as_of=date(2024, 1, 15)) == "pass"  # on probation: still a licence
    (licence,) = api.read_facts(data).of("legitimation")
    assert [(c.status, c.fran) for c in licence.status] == [  # type: ignore[attr-defined]
        ("giltig", date(2013, 1, 1)), ("provotid", date(2023, 6, 1)), ("giltig", date(2024, 7, 1))]
    assert licence.person == "p-sara"  # type: ignore[attr-defined]
