"""Swedish input in a fact bundle: `ja`/`nej` are truth values, codes match whatever their case and diacritics.

Every boolean and every coded field is enumerated from the fact model, so a field added later is covered
without a word here. What is accepted is the same word (case, diacritics, a space or `-` for `_`); nothing
is guessed, and a value that matches no code is refused at its position with the nearest code suggested.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import get_args, get_origin

import pytest
from pydantic import ValidationError

from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.facts.model import FACT_KINDS, Legitimationsandring, Statusandring
from regelkoll.strict import fold_code, swedish_field

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
MODELS = (*FACT_KINDS.values(), Statusandring, Legitimationsandring)


def _fields(kind: str) -> list[tuple[type, str, object]]:
    return [(model, name, detail) for model in MODELS for name in model.model_fields
            for found, detail in [swedish_field(model, name)] if found == kind]


BOOLEAN_FIELDS = [(model, name) for model, name, _ in _fields("bool")]
CODED_FIELDS = [(model, name, tuple(codes.values())) for model, name, codes in _fields("code")]


def _errors_at(model: type, name: str, value: object) -> list[dict]:
    """The errors of a record holding only `name`: the other fields' `missing` errors say nothing of it."""
    try:
        model.model_validate({name: value})
    except ValidationError as exc:
        return [e for e in exc.errors(include_url=False) if e["loc"][:1] == (name,)]
    return []


def test_the_model_has_the_fields_this_file_enumerates():
    names = {(m.__name__, n) for m, n in BOOLEAN_FIELDS}
    assert {("Verksamhet", "tar_emot_barn"), ("Engagemang", "bosatt_i_hemmet"), ("Behandling", "upprepning"),
            ("Ansokan", "riktar_sig_till_barn")} <= names
    coded = {(m.__name__, n) for m, n, _ in CODED_FIELDS}
    assert {("Verksamhet", "typ"), ("Engagemang", "form"), ("Engagemang", "titel"), ("Statusandring", "status"),
            ("Registerutdrag", "omfattar"), ("Behandling", "information_omfattar")} <= coded


@pytest.mark.parametrize("model,name", BOOLEAN_FIELDS, ids=lambda v: getattr(v, "__name__", v))
@pytest.mark.parametrize("written,meaning", [("ja", True), ("Ja", True), ("JA", True), ("nej", False),
                                             ("Nej", False), ("NEJ", False), (True, True), (False, False)])
def test_ja_and_nej_are_truth_values_in_every_boolean_field(model, name, written, meaning):
    assert _errors_at(model, name, written) == []


@pytest.mark.parametrize("model,name", BOOLEAN_FIELDS, ids=lambda v: getattr(v, "__name__", v))
@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "y", "n", "j", "1", "0", 1, 0, "true", "True",
                                     "FALSE", "sant", "jaa", "ja!", "ｊａ", None, [], 1.0])
def test_every_other_truth_value_is_refused_in_every_boolean_field(model, name, written):
    if written is None and model.model_fields[name].annotation != bool:
        assert _errors_at(model, name, written) == []  # an optional field may be left empty
        return
    errors = _errors_at(model, name, written)
    assert len(errors) == 1 and "true eller false (eller ja eller nej)" in errors[0]["msg"]


def _variants(code: str) -> list[str]:
    """The same code as a person may write it: in capitals, capitalised with Swedish letters, in words."""
    swedish = code.replace("a", "ä").replace("o", "ö").replace("e", "é")
    words = code.replace("_", " ")
    out = [code.upper(), swedish.capitalize(), swedish.upper(), words.capitalize(), code.replace("_", "-"),
           f"  {code.upper()} ", "a\u030a".join(code.split("a"))]  # å written as a + combining ring (NFD)
    return [v for v in out if v != code]


@pytest.mark.parametrize("model,name,codes", CODED_FIELDS, ids=lambda v: getattr(v, "__name__", None)
                         or (v if isinstance(v, str) else "koder"))
def test_every_coded_field_takes_its_codes_whatever_their_case_and_diacritics(model, name, codes):
    annotation = model.model_fields[name].annotation
    as_list = get_origin(annotation) is list or any(get_origin(a) is list for a in get_args(annotation))
    for code in codes:
        for variant in _variants(code):
            assert fold_code(variant) == code, variant
            written = [variant] if as_list else variant
            assert _errors_at(model, name, written) == [], (code, variant)


def test_the_codes_of_the_model_stay_apart_when_folded():
    # every code is written as folding writes it, so two codes can never fold into one and folding never
    # turns one code into another
    for model, name, codes in CODED_FIELDS:
        assert all(fold_code(code) == code for code in codes), (model.__name__, name)
        assert len({fold_code(code) for code in codes}) == len(codes)
    every = {code for _, _, codes in CODED_FIELDS for code in codes}
    assert len({fold_code(code) for code in every}) == len(every)


@pytest.mark.parametrize("written", ["\u212airopraktor", "ＨＶＢ", "\u041dvb", "hv b", "h_v_b", "hvb.", "skyddat  boende",
                                     "skyddat__boende"])
def test_only_case_diacritics_and_separators_are_set_aside(written):
    # a sign that only looks like a letter (kelvin, full-width, Cyrillic), a doubled separator or one inside a
    # word is not the same word: refused, never read as the code it resembles
    from regelkoll.facts.model import Legitimation, Verksamhet
    model, name = (Legitimation, "yrke") if "iropraktor" in written else (Verksamhet, "typ")
    assert [e["type"] for e in _errors_at(model, name, written)] == ["literal_error"]


def _bundle(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder


_FACILITY = """\
kontext: {per_datum: '2026-01-01'}
organisation:
- {id: org-a, namn: Org A, regi: enskild}
verksamhet:
- id: hvb-a
  namn: HVB A
  organisation: org-a
  typ: %s
  tar_emot_barn: %s
"""


def test_a_bundle_reads_the_model_value_not_the_spelling(tmp_path):
    bundle = read_bundle(_bundle(tmp_path, _FACILITY % ("HVB", "Ja")))
    assert bundle.diagnostics == []
    facility = bundle.get("verksamhet", "hvb-a")
    assert (facility.typ, facility.tar_emot_barn) == ("hvb", True)


def test_a_json_bundle_takes_ja_and_nej_as_text(tmp_path):
    data = {"kontext": {"per_datum": "2026-01-01"}, "organisation": [{"id": "org-a", "namn": "A", "regi": "Enskild"}],
            "verksamhet": [{"id": "hvb-a", "namn": "HVB A", "organisation": "org-a", "typ": "Hvb",
                            "tar_emot_barn": "nej"}]}
    bundle = read_bundle(_bundle(tmp_path, json.dumps(data, indent=1), "data.json"))
    assert bundle.diagnostics == []
    assert bundle.get("verksamhet", "hvb-a").tar_emot_barn is False
    assert bundle.get("organisation", "org-a").regi == "enskild"


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "y", "1", "0", "'true'", "True", "FALSE", "sant"])
def test_a_refused_truth_value_is_reported_at_its_position(tmp_path, written):
    bundle = read_bundle(_bundle(tmp_path, _FACILITY % ("hvb", written)))
    [error] = bundle.diagnostics
    assert (error.code, error.line, error.column, error.field) == ("RK-B010", 9, 18, "verksamhet.tar_emot_barn")
    assert "ska vara true eller false" in error.message and "ja eller nej" in error.message
    assert bundle.get("verksamhet", "hvb-a") is None
    assert [b.id for b in bundle.broken] == ["hvb-a"]


@pytest.mark.parametrize("written,hint", [("hvbb", "menade du 'hvb'?"), ("HBV", "menade du 'hvb'?"),
                                          ("lss_bostad_barnn", "menade du 'lss_bostad_barn'?"),
                                          ("Skyddat bodende", "menade du 'skyddat_boende'?"),
                                          ("inget-liknande", "")])
def test_a_misspelt_code_is_refused_with_the_nearest_code(tmp_path, written, hint):
    bundle = read_bundle(_bundle(tmp_path, _FACILITY % (written, "true")))
    [error] = bundle.diagnostics
    assert (error.code, error.line, error.column, error.field) == ("RK-B010", 8, 8, "verksamhet.typ")
    assert error.message.startswith(f"ogiltigt värde {written!r}; tillåtna: 'hvb', ")
    assert error.hint == hint
    assert bundle.get("verksamhet", "hvb-a") is None


def test_a_misspelt_code_in_a_list_is_reported_at_its_item(tmp_path):
    text = _FACILITY % ("hvb", "true") + """\
person:
- {id: p-a, namn: Anna A}
registerutdrag:
- id: u-a
  person: p-a
  organisation: org-a
  lag: '2007:171'
  omfattar:
  - Belastningsregistret
  - misstankeregistre
  utfardat: '2025-01-01'
"""
    bundle = read_bundle(_bundle(tmp_path, text))
    [error] = bundle.diagnostics
    assert (error.line, error.column, error.field) == (19, 5, "registerutdrag.omfattar.1")
    assert error.hint == "menade du 'misstankeregistret'?"


@pytest.mark.parametrize("written,field", [("utförare", "utforare"), ("Utförare", "utforare"), ("Datum", "datum"),
                                           ("patient_ålder", "patient_alder")])
def test_an_unknown_field_a_diacritic_away_suggests_the_field(tmp_path, written, field):
    # field names are not folded (the issue asks for values only): the user is told the name instead
    text = _FACILITY % ("estetisk_klinik", "false") + f"""\
behandling:
- id: b-1
  verksamhet: hvb-a
  {written}: p-a
"""
    bundle = read_bundle(_bundle(tmp_path, text))
    unknown = [d for d in bundle.diagnostics if d.message == "okänt fält"]
    assert [(d.line, d.column, d.hint) for d in unknown] == [(13, 3, f"menade du '{field}'?")]


# --- the demo county written the Swedish way gives the same report ---------------------------------------------

def _names(kind: str) -> set[str]:
    return {name for _, name, *_ in _fields(kind)}


def _scalar_text(model: type, name: str) -> bool:
    annotation = model.model_fields[name].annotation
    return swedish_field(model, name)[0] != "code" and get_origin(annotation) is not list and not any(
        get_origin(a) is list for a in get_args(annotation))


# a name that is a code in one kind and free text in another is left alone: only codes are respelt
_CODED_NAMES = _names("code") - {name for model in MODELS for name in model.model_fields if _scalar_text(model, name)}
_SCALAR = re.compile(r"^(\s*(?:- )?)([a-z_]+): ([a-z0-9_]+)$")
_ITEM = re.compile(r"^(\s*- )([a-z0-9_]+)$")
_LIST_KEY = re.compile(r"^\s*(?:- )?([a-z_]+):$")


def _swedish(text: str) -> tuple[str, int]:
    """The text with every code in another of its spellings and every truth value as ja/nej; positions kept."""
    out, changed, list_key = [], 0, None
    for number, line in enumerate(text.splitlines()):
        scalar, item, key = _SCALAR.match(line), _ITEM.match(line), _LIST_KEY.match(line)
        if key:
            list_key = key.group(1)
        elif scalar and scalar.group(3) in ("true", "false"):
            line = f"{scalar.group(1)}{scalar.group(2)}: {'Ja' if scalar.group(3) == 'true' else 'NEJ'}"
        elif scalar and scalar.group(2) in _CODED_NAMES:
            variants = _variants(scalar.group(3))
            line = f"{scalar.group(1)}{scalar.group(2)}: {variants[number % len(variants)].strip() if variants else scalar.group(3)}"
        elif item and list_key in _CODED_NAMES:
            line = f"{item.group(1)}{_variants(item.group(2))[1]}"
        if not item and not key:
            list_key = None if not line.startswith(" ") else list_key
        changed += line != text.splitlines()[number]
        out.append(line)
    return "\n".join(out) + "\n", changed


def _check_json(folder: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(folder), "--format", "json"],
                          cwd=ROOT, capture_output=True, timeout=600)
    assert proc.returncode == 1, proc.stderr.decode()
    return json.loads(proc.stdout.decode().replace(str(folder), "DATA"))


def test_the_demo_written_the_swedish_way_gives_the_same_report(tmp_path):
    plain, swedish = tmp_path / "plain", tmp_path / "swedish"
    shutil.copytree(DEMO, plain)
    shutil.copytree(DEMO, swedish)
    changed = 0
    for file in sorted(swedish.glob("*.yaml")):
        text, count = _swedish(file.read_text(encoding="utf-8"))
        file.write_text(text, encoding="utf-8")
        changed += count
    written = "".join(f.read_text(encoding="utf-8") for f in swedish.glob("*.yaml"))
    assert changed > 500 and re.search(r"typ: (Hvb|HVB)\n", written)
    assert re.search(r"form: (Änställning|ÄNSTÄLLNING)", written) and "tar_emot_barn: Ja" in written
    expected, got = _check_json(plain), _check_json(swedish)
    for report in (expected, got):  # a digest of the files as written may differ; nothing else may
        report["run"] = {k: v for k, v in report["run"].items() if "digest" not in k or k == "rules_digest"}
    assert got == expected
