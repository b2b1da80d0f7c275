"""Bolagsverket's officers (adapters/bolagsverket.py): a Företagsinformation v4 answer and the CSV of the same
content become representatives of the right company only, with their place; nothing is dropped in silence."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

from regelkoll import api
from regelkoll.adapters import bolagsverket
from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import Kalla, SourceFile
from regelkoll.adapters.yaml_files import read_bundle

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "sources" / "bolagsverket"
# Skatteverket's test personnummer (they belong to no real person)
ANNA, LARS, PER, EVA, HOLM, SARA, KIM = ("198107242383", "198007082392", "197602252392", "198011292383",
                                         "198103222397", "198206142393", "198305312392")
KNOWN = {"556036-0793": "org-kajen", "556016-0680": "org-solrosen"}
DAY = date(2026, 11, 2)


def _read(name: str, adapter: str = "bolagsverket", **spec) -> Collected:
    out = Collected(organisations_by_number=dict(KNOWN))
    spec.setdefault("uttagsdatum", DAY)
    source = SourceFile(DATA / name, str(DATA / name), Kalla(fil=name, adapter=adapter, **spec), 3)
    bolagsverket.read(source, out)
    return out


def _roles(out: Collected) -> dict[tuple[str | None, str], tuple[dict, object]]:
    return {(out.mentions[raw["person"].index].number, raw["roll"]): (raw, place)
            for kind, raw, place in out.records if kind == "foretradare"}


def _line_of(name: str, text: str) -> int:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_officers_in_ivos_circle_become_representatives_with_their_line_and_json_pointer():
    out = _read("foretagsinformation_v4.json")
    roles = _roles(out)
    assert set(roles) == {(ANNA, "styrelseledamot"), (LARS, "vd"), (PER, "styrelsesuppleant"),
                          (PER, "firmatecknare")}  # LE and OF of one person are one board seat
    raw, place = roles[(LARS, "vd")]
    assert raw["organisation"] == "org-kajen"
    assert place.where == "/0/funktionarer/1" and place.line == _line_of("foretagsinformation_v4.json", '"Lars"')
    # the answer has no dates: the role holds on the extract day, since when is not said
    assert raw["uppgift_per"] == DAY and "fran" not in raw and "till" not in raw
    assert all(m.source == "Bolagsverket" for m in out.mentions)


def test_what_is_no_representative_is_reported_once_per_file_and_no_one_is_named_for_it():
    out = _read("foretagsinformation_v4.json")
    codes = {d.code: d for d in out.diagnostics}
    assert "REV Revisor (1)" in codes["RK-K063"].message and "DELG" in codes["RK-K063"].message
    assert "VVD" in codes["RK-K064"].message  # vice VD is not silently made a VD
    assert codes["RK-K065"].line == _line_of("foretagsinformation_v4.json", "Revisionsbyrån")
    assert "Likvidation" in codes["RK-K066"].message
    named = {m.number for m in out.mentions}
    assert EVA not in named and None not in named  # the vice VD and the revisor Olof Dahl (no identity)
    assert not any(raw["roll"] == "vd" and out.mentions[raw["person"].index].number == EVA
                   for _, raw, _ in out.records)


def test_null_fields_unknown_codes_and_an_unknown_company_keep_the_officer_broken_never_moved():
    out = _read("foretagsinformation_v4.json")
    lost = {out.mentions[raw["person"].index].number: (raw, d.code) for _, raw, d in out.unreadable}
    assert lost[HOLM][1] == "RK-K062"  # funktionarsroller: null
    assert lost[SARA][1] == "RK-K069"  # role code XYZ
    assert lost[KIM][1] == "RK-K061"  # 556088-4214 is no organisation of the data set
    assert "organisation" not in lost[KIM][0]  # never attached to another company
    assert all(raw["organisation"] == "org-kajen" for n, (raw, _) in lost.items() if n != KIM)
    assert not any(raw["organisation"] != "org-kajen" for _, raw, _ in out.records)


def test_the_manifest_maps_an_organisation_number_the_yaml_files_do_not_have():
    out = _read("foretagsinformation_v4.json", organisationer={"5560884214": "org-bemanning"})
    assert ("198305312392", "vd") in _roles(out)
    assert _roles(out)[(KIM, "vd")][0]["organisation"] == "org-bemanning"


def test_vdm_wrapped_fields_are_read_and_an_unavailable_officer_list_is_undetermined():
    out = _read("vdm_inslagen.json")
    assert set(_roles(out)) == {(LARS, "vd")}
    assert _roles(out)[(LARS, "vd")][1].where == "/organisationer/0/funktionarer/0"
    [(kind, raw, diagnostic)] = out.unreadable
    assert (kind, raw["organisation"], diagnostic.code) == ("foretradare", "org-solrosen", "RK-K068")
    assert "Uppgiften kunde inte hämtas" in diagnostic.message


def test_a_malformed_json_file_is_refused_with_its_line_and_its_company_is_undetermined():
    out = _read("trasig.json", organisation="org-kajen")
    assert [(d.code, d.line) for d in out.diagnostics] == [("RK-Y001", 8)]
    assert out.records == [] and [raw["organisation"] for _, raw, _ in out.unreadable] == ["org-kajen"]


def test_without_uttagsdatum_the_roles_have_no_day_and_it_is_said():
    out = _read("foretagsinformation_v4.json", uttagsdatum=None)
    assert "RK-K067" in {d.code for d in out.diagnostics}
    assert all("uppgift_per" not in raw and "fran" not in raw for _, raw, _ in out.records)


def test_csv_in_windows_1252_with_synonyms_and_klartext_roles_keeps_its_dates():
    out = _read("funktionarer_cp1252.csv", adapter="bolagsverket_csv")
    roles = _roles(out)
    assert set(roles) == {(ANNA, "styrelseledamot"), (LARS, "vd"), (PER, "styrelsesuppleant")}
    assert roles[(ANNA, "styrelseledamot")][0]["fran"] == date(2024, 5, 14)
    assert roles[(LARS, "vd")][0]["fran"] == date(2025, 9, 15)  # 15/09/2025: the column proves day first
    assert roles[(PER, "styrelsesuppleant")][0]["till"] == date(2025, 6, 30)
    assert "uppgift_per" not in roles[(LARS, "vd")][0]  # dated rows speak for themselves
    assert roles[(LARS, "vd")][1].line == 3
    codes = sorted((d.line, d.code) for d in out.diagnostics)
    assert (6, "RK-K069") in codes and (7, "RK-K061") in codes and (8, "RK-K014") in codes and (0, "RK-K063") in codes
    assert any("Kassör" in d.message for d in out.diagnostics)  # decoded as Windows-1252
    lost = {out.mentions[raw["person"].index].number: d.code for _, raw, d in out.unreadable}
    assert lost == {SARA: "RK-K069", KIM: "RK-K061", HOLM: "RK-K014"}


def test_the_role_table_is_shipped_as_package_data():
    table = bolagsverket.rollkoder()
    circle = {code for code, role in table.items() if role.kod == code and role.i_kretsen}
    assert circle == {"LE", "SU", "OF", "VOF", "VLE", "VD", "EVD", "VVD", "EVVD", "SVD", "EFT", "BO", "KP", "KD", "IN"}
    assert {table[c].roll for c in ("VVD", "EVVD", "SVD")} == {None}
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    assert "data/*.csv" in package_data["regelkoll.adapters"]


# --- end to end ------------------------------------------------------------------------------------------------

FACTS = """\
kontext: {per_datum: "2026-11-20"}
organisation:
  - {id: org-kajen, namn: Kajen Stöd och Boende AB, organisationsnummer: "556036-0793", regi: enskild}
verksamhet:
  - {id: hvb-kajen, namn: HVB Kajen, organisation: org-kajen, typ: hvb, tar_emot_barn: true, startdatum: "2020-02-01"}
tillstand:
  - id: t-kajen
    organisation: org-kajen
    verksamhet: hvb-kajen
    verksamhetstyp: hvb
    beslutsdatum: "2020-01-08"
    status: [{status: aktivt, fran: "2020-01-08"}]
"""


def test_read_bundle_and_the_rules_judge_an_undated_officer_as_undetermined_and_a_dated_one(tmp_path):
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    shutil.copy(DATA / "foretagsinformation_v4.json", tmp_path / "bv.json")
    (tmp_path / "bv.csv").write_text("orgnr;personnummer;fornamn;efternamn;rollkod;fran;till\n"
                                     f"556036-0793;{SARA};Sara;Vik;VD;2026-09-01;\n", encoding="utf-8")
    (tmp_path / "kallor.yaml").write_text("kallor:\n"
                                          "  - {fil: bv.json, adapter: bolagsverket, uttagsdatum: 2026-11-02}\n"
                                          "  - {fil: bv.csv, adapter: bolagsverket_csv}\n", encoding="utf-8")
    facts = read_bundle(tmp_path)
    people = {p.id: p.namn for p in facts.of("person")}
    officers = {(people[f.person], f.roll): f for f in facts.of("foretradare")}
    assert officers[("Lars Nilsson", "vd")].fran is None and officers[("Lars Nilsson", "vd")].uppgift_per == DAY
    assert officers[("Sara Vik", "vd")].fran == date(2026, 9, 1)
    assert not [d for d in facts.diagnostics if d.code == "RK-B010"]  # every record the adapter made is valid
    result = api.check(api.load_rules(), facts)
    outcomes: dict[str, set[str]] = {}
    for finding in result.findings:
        officer = facts.get("foretradare", finding.subject_id) if finding.subject_kind == "foretradare" else None
        if officer is not None:
            outcomes.setdefault(people[officer.person], set()).add(finding.outcome)
    assert "violation" not in outcomes["Lars Nilsson"]  # no day, no accusation
    assert "undetermined" in outcomes["Lars Nilsson"]
    # Bolagsverket cannot say whether IVO was told of the new VD: no accusation on its word alone
    assert "violation" not in outcomes["Sara Vik"] and "undetermined" in outcomes["Sara Vik"]


def test_an_officer_file_with_ivos_report_dates_is_judged(tmp_path):
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "bv.csv").write_text("orgnr;personnummer;fornamn;efternamn;rollkod;fran;till;Anmäld till IVO\n"
                                     f"556036-0793;{SARA};Sara;Vik;VD;2026-09-01;;\n", encoding="utf-8")
    (tmp_path / "kallor.yaml").write_text("kallor:\n  - {fil: bv.csv, adapter: bolagsverket_csv}\n",
                                          encoding="utf-8")
    facts = read_bundle(tmp_path)
    (officer,) = facts.of("foretradare")
    assert officer.anmald is None and officer.okant == []
    result = api.check(api.load_rules(), facts)
    outcomes = {f.outcome for f in result.findings if f.subject_id == officer.id}
    assert "violation" in outcomes  # VD since 2026-09-01 and, by IVO's records, not reported


def test_the_cli_reads_the_sources_without_a_traceback(tmp_path):
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    for name in ("foretagsinformation_v4.json", "vdm_inslagen.json", "trasig.json", "funktionarer_cp1252.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "kallor.yaml").write_text(
        "kallor:\n  - {fil: foretagsinformation_v4.json, adapter: bolagsverket}\n"
        "  - {fil: vdm_inslagen.json, adapter: bolagsverket, uttagsdatum: 2026-11-02}\n"
        "  - {fil: trasig.json, adapter: bolagsverket, organisation: org-kajen}\n"
        "  - {fil: funktionarer_cp1252.csv, adapter: bolagsverket_csv}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(tmp_path)], capture_output=True,
                          timeout=300)
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr and proc.returncode == 2, stderr
    for code in ("RK-K061", "RK-K063", "RK-K064", "RK-K067", "RK-Y001"):
        assert code in stderr
    assert LARS not in stderr + proc.stdout.decode("utf-8")
