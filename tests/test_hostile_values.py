"""Hostile values in a fact bundle: nothing is read as something else, nothing becomes a pass.

Each case writes one value into one field of the demo county, reads the bundle, and asserts the
coded error at the field's own line, that the record is kept as unreadable (not reinterpreted), and
that the rule that judged the original value does not pass on the damaged one.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.backends.durable.host import DurableRunner
from regelkoll.facts.model import Kontext
from regelkoll.lang.load import load_rulebook
from regelkoll.ledger.run import compile_rulebook, evaluate_facility

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
AS_OF = date(2026, 11, 20)


@pytest.fixture(scope="module")
def compiled():
    return compile_rulebook(load_rulebook(ROOT / "rules"))


@pytest.fixture(scope="module")
def runner():
    return DurableRunner()


def _damage(tmp_path: Path, file: str, record_id: str, field: str, value: str) -> tuple[Path, int]:
    """Copy the demo and set `field` of the record `record_id` to the YAML text `value`; return the line."""
    bundle = tmp_path / "demo"
    shutil.copytree(DEMO, bundle)
    lines = (bundle / file).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {record_id}")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("- ") or not lines[i].startswith(" "):
            indent = "  "
            lines.insert(i, f"{indent}{field}: {value}")
            break
        if re.match(rf"\s+{field}:", lines[i]):
            lines[i] = re.sub(rf"({field}:).*", rf"\1 {value}", lines[i])
            break
    else:
        raise AssertionError("record not found")
    (bundle / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return bundle, i + 1


def _outcomes(compiled, runner, bundle, facility: str) -> dict[tuple[str, str], str]:
    findings = evaluate_facility(compiled, bundle, facility, Kontext(per_datum=AS_OF), runner, "test")
    return {(f.rule_id, f.subject_id): f.outcome for f in findings}


DATES = ["0", "20250307", "2025-03-07T10:00:00", "'2025-03-07 10:00'", "2025-02-30", "'7/3/2025'", "true",
         "[2025-03-07]", "{år: 2025}", "2025-03-07.5"]


@pytest.mark.parametrize("value", DATES)
def test_a_suitability_day_that_is_not_an_iso_date_is_never_read_as_one(tmp_path, compiled, runner, value):
    # the admission's missing suitability assessment (IN-SOL-01) must not turn into a documented one
    bundle_dir, line = _damage(tmp_path, "hvb-solrosen.yaml", "pl-hvb-solrosen-02", "lamplighet_dokumenterad", value)
    bundle = read_bundle(bundle_dir)
    errors = [d for d in bundle.diagnostics if d.field == "placering.lamplighet_dokumenterad"]
    assert [(Path(d.file).name, d.line, d.code) for d in errors] == [("hvb-solrosen.yaml", line, "RK-B010")]
    assert "datum" in errors[0].message
    assert bundle.get("placering", "pl-hvb-solrosen-02") is None
    assert [b.id for b in bundle.broken if b.kind == "placering"] == ["pl-hvb-solrosen-02"]
    outcomes = _outcomes(compiled, runner, bundle, "hvb-solrosen")
    assert outcomes.get(("IN-SOL-01", "pl-hvb-solrosen-02")) in (None, "undetermined", "violation")
    assert outcomes[("IN-SOL-01", "pl-hvb-solrosen-05")] == "violation"  # the rest of the home is still checked


@pytest.mark.parametrize("value", ["0", "1970-01-01T00:00:00", "yes", "''"])
def test_a_registration_day_that_is_not_an_iso_date_breaks_the_clinic_and_is_not_a_registration(
        tmp_path, compiled, runner, value):
    bundle_dir, line = _damage(tmp_path, "klinik-lyster.yaml", "klinik-lyster", "anmald_ivo", value)
    bundle = read_bundle(bundle_dir)
    errors = [(Path(d.file).name, d.line, d.code, d.field) for d in bundle.diagnostics]
    assert ("klinik-lyster.yaml", line, "RK-B010", "verksamhet.anmald_ivo") in errors
    assert bundle.get("verksamhet", "klinik-lyster") is None
    assert "klinik-lyster" in {b.id for b in bundle.broken if b.kind == "verksamhet"}


@pytest.mark.parametrize("field,value,word", [
    ("alder", "'14'", "tal"), ("alder", "14.0", "tal"), ("alder", "true", "tal"),
    ("alder", "0x0E", "tal"), ("klient", "1002", "text"),
])
def test_numbers_and_texts_are_not_converted(tmp_path, field, value, word):
    bundle_dir, line = _damage(tmp_path, "hvb-solrosen.yaml", "pl-hvb-solrosen-02", field, value)
    bundle = read_bundle(bundle_dir)
    errors = [d for d in bundle.diagnostics if d.field == f"placering.{field}"]
    assert [(d.line, d.code) for d in errors] == [(line, "RK-B010")]
    assert word in errors[0].message
    assert bundle.get("placering", "pl-hvb-solrosen-02") is None


@pytest.mark.parametrize("value", ["yes", "no", "on", "off", "y", "n", "0", "1", "'true'", "True", "jaa", "sant"])
def test_only_true_and_false_are_truth_values(tmp_path, value):
    bundle_dir, line = _damage(tmp_path, "hvb-solrosen.yaml", "hvb-solrosen", "tar_emot_barn", value)
    bundle = read_bundle(bundle_dir)
    errors = [d for d in bundle.diagnostics if d.field == "verksamhet.tar_emot_barn"]
    assert [(d.line, d.code) for d in errors] == [(line, "RK-B010")]
    assert "true eller false" in errors[0].message
    assert bundle.get("verksamhet", "hvb-solrosen") is None


def test_a_date_at_the_end_of_the_calendar_is_read_and_judged(tmp_path, compiled, runner):
    # 9999-12-01 on one extract once overflowed the legal-time arithmetic for every facility of the person
    bundle_dir = tmp_path / "demo"
    shutil.copytree(DEMO, bundle_dir)
    text = (bundle_dir / "hvb-granen.yaml").read_text(encoding="utf-8")
    text = text.replace("utfardat: '2023-03-01'\n  uppvisat: '2023-03-20'",
                        "utfardat: '9999-12-01'\n  uppvisat: '9999-12-02'")
    (bundle_dir / "hvb-granen.yaml").write_text(text, encoding="utf-8")
    bundle = read_bundle(bundle_dir)
    assert bundle.get("registerutdrag", "u-hvb-granen-01-1").utfardat == date(9999, 12, 1)
    outcomes = _outcomes(compiled, runner, bundle, "hvb-granen")
    assert outcomes  # judged, not an internal error


@pytest.mark.parametrize("facility,record_id", [
    ("hvb-tallen", "t-hvb-tallen"), ("hvb-tallen", "hvb-tallen"), ("sn-lillby", "b-01"),
    ("sn-lillby", "a-b-06-1"), ("klinik-glans", "leg-lina")])
def test_an_id_of_the_longest_allowed_length_is_read_and_judged(tmp_path, compiled, runner, facility, record_id):
    # the ids Regelkoll derives from it (licence periods, occupancy days, report quarters) are longer still
    bundle_dir = tmp_path / "demo"
    shutil.copytree(DEMO, bundle_dir)
    long_id = (record_id + "-" + "x" * 200)[:200]
    for file in bundle_dir.glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(rf"(?<![\w.:-]){re.escape(record_id)}(?![\w.:-])", long_id, text), encoding="utf-8")
    bundle = read_bundle(bundle_dir)
    assert not [d for d in bundle.diagnostics if "id" in d.field], bundle.diagnostics
    assert _outcomes(compiled, runner, bundle, long_id if record_id == facility else facility)


@pytest.mark.parametrize("ident", [".", "..", "..."])
def test_an_id_of_only_dots_is_refused_at_its_position(tmp_path, ident):
    # '.' and '..' are folders in every path and link: a facility so named could be listed, never opened
    (tmp_path / "data.yaml").write_text(
        "verksamhet:\n"
        f"- id: '{ident}'\n"
        "  namn: Punkten\n"
        "  typ: hvb\n"
        "  organisation: org-a\n", encoding="utf-8")
    bundle = read_bundle(tmp_path)
    found = [d for d in bundle.diagnostics if d.code == "RK-B010" and d.field == "verksamhet.id"]
    assert [(d.line, "bara punkter" in d.message) for d in found] == [(2, True)]
    assert bundle.get("verksamhet", ident) is None
