"""Where the sources leave a doubt, a home is not accused: cases found by a review of the adapters.

Each starts from the real-format county `fixtures/kommun` and adds what a supplier plausibly sends.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regelkoll import api

ROOT = Path(__file__).resolve().parents[1]
KOMMUN = ROOT / "fixtures" / "kommun"
LOG = "registerkontroll/ekorren_registerkontroller.csv"


def _county(tmp_path: Path) -> Path:
    root = tmp_path / "kommun"
    shutil.copytree(KOMMUN, root)
    return root


def _append(path: Path, lines: str) -> None:
    text = path.read_bytes().decode("cp1252")
    newline = "\r\n" if "\r\n" in text else "\n"
    path.write_bytes((text.rstrip("\r\n") + newline + lines.replace("\n", newline)).encode("cp1252"))


def _outcomes(root: Path, subject: str, prefix: str = "RK-HVB") -> set[str]:
    result = api.check(api.load_rules(), api.read_facts(root))
    return {f.outcome for f in result.findings if f.subject_id == subject and f.rule_id.startswith(prefix)}


def test_a_log_row_naming_the_person_without_a_number_leaves_their_extract_undetermined(tmp_path):
    root = _county(tmp_path)
    assert "violation" in _outcomes(root, "ekorren-lonelista.1004")  # Elin Sundqvist: absent from the log
    _append(root / LOG, ";Elin Sundqvist;HVB_2007_171;båda;2026-02-10;2026-02-20;;utan_anteckning;ej_tillämpligt\n")
    outcomes = _outcomes(root, "ekorren-lonelista.1004")
    assert "violation" not in outcomes and "undetermined" in outcomes


def test_a_roster_row_that_could_be_two_people_is_not_accused(tmp_path):
    root = _county(tmp_path)
    (root / "personal" / "extra.csv").write_bytes(
        "Anstnr;Personnummer;Förnamn;Efternamn;Födelsedatum;Befattning;Anställningsform;Anställningsdatum\n"
        "3001;;Alex;Nord;2000-07-04;Behandlingsassistent;Tillsvidare;2026-05-04\n".encode("cp1252"))
    with (root / "kallor.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write("  - {fil: personal/extra.csv, adapter: personal_csv, verksamhet: hvb-ekorren, "
                       "uttagsdatum: 2026-11-16}\n")
    _append(root / LOG, "200007042385;Alex Nord;HVB_2007_171;båda;2026-04-01;2026-04-20;;utan_anteckning;ja\n"
                        "200007042393;Alex Nord;HVB_2007_171;båda;2026-04-01;2026-04-20;;utan_anteckning;ja\n")
    outcomes = _outcomes(root, "extra.3001")
    assert "violation" not in outcomes and "undetermined" in outcomes


@pytest.mark.parametrize("log_facility, expected", [("hvb-ekorren", "undetermined"), (None, "violation")])
def test_a_homes_log_covers_that_home_when_the_manifest_says_so(tmp_path, log_facility, expected):
    root = _county(tmp_path)
    (root / "hvb-tallen.yaml").write_text(
        "verksamhet:\n  - {id: hvb-tallen, namn: HVB Tallen, organisation: org-varden, typ: hvb, tar_emot_barn: true,"
        " startdatum: 2021-05-03}\n", encoding="utf-8")
    (root / "personal" / "tallen.csv").write_bytes(
        "Anstnr;Personnummer;Förnamn;Efternamn;Befattning;Anställningsform;Anställningsdatum\n"
        "2001;19831206-2386;Karin;Ek;Behandlingsassistent;Tillsvidare;2026-05-04\n".encode("cp1252"))
    manifest = (root / "kallor.yaml").read_text(encoding="utf-8")
    if log_facility:
        manifest = manifest.replace("    adapter: registerkontroll\n",
                                    f"    adapter: registerkontroll\n    verksamhet: {log_facility}\n")
    manifest += "  - {fil: personal/tallen.csv, adapter: personal_csv, verksamhet: hvb-tallen, uttagsdatum: 2026-11-16}\n"
    (root / "kallor.yaml").write_text(manifest, encoding="utf-8")
    assert expected in _outcomes(root, "tallen.2001")
    # the log's own home is judged either way
    assert "violation" in _outcomes(root, "ekorren-lonelista.1004")


def test_an_agency_worker_without_the_agency_named_is_not_taken_for_the_homes_employee(tmp_path):
    root = _county(tmp_path)
    (root / "personal" / "bemanning.csv").write_bytes(
        "Anstnr;Personnummer;Förnamn;Efternamn;Befattning;Anställningsform;Anställningsdatum\n"
        "3001;19831206-2386;Karin;Ek;Behandlingsassistent;Inhyrd;2026-05-04\n".encode("cp1252"))
    with (root / "kallor.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write("  - {fil: personal/bemanning.csv, adapter: personal_csv, verksamhet: hvb-ekorren, "
                       "uttagsdatum: 2026-11-16}\n")
    bundle = api.read_facts(root)
    assert any(d.code == "RK-K022" and d.file.endswith("bemanning.csv") for d in bundle.diagnostics)
    outcomes = _outcomes(root, "bemanning.3001")
    assert "violation" not in outcomes and "undetermined" in outcomes
