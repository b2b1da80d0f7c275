"""`rules lint` rejects a misspelt literal wherever a rule can write one, at file:line:column, with the nearest
allowed value: a rule that compares a coded field with a value the fact model never holds is valid in form and
silently never applies (tests/data/minimal_rule.yaml with one thing changed per case)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from regelkoll.diagnostics import DiagnosticError
from regelkoll.lang.load import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal_rule.yaml").read_text(encoding="utf-8")

# pieces added to the minimal rule; `{}` marks the misspelt literal
EXEMPTION = """    undantag:
      beskrivning: {sv: Föreståndaren, en: The manager}
      lagrum: [{forfattning: "2007:171", paragraf: "1", url: "https://rkrattsbaser.gov.se/sfst?bet=2007:171"}]
      monster:
        som: f
        typ: engagemang
        dar:
          - {falt: id, lika_med: {falt: e.id}}
          - {falt: roll, lika_med: XX}
"""
DOUBT = """    bedoms_inte_nar:
      beskrivning: {sv: Okänt, en: Unknown}
      begaran: {sv: Fråga, en: Ask}
      dar:
        - {falt: forelder_till_mottagaren, inte_lika_med: XX}
"""
CONDITION = """    overtradelse_dar:
      beskrivning: en anställning
      dar:
        - {falt: form, inte_i: [uppdrag, XX]}
"""


def _lint(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    try:
        load_rulebook(tmp_path)
    except DiagnosticError as exc:
        return [d.render().replace(str(tmp_path / "pack.yaml"), "pack.yaml") for d in sorted(exc.diagnostics)]
    return []


def _where(text: str, needle: str, nth: int = 0) -> str:
    """line:column of the nth occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def _insert_before(key: str, piece: str) -> str:
    return MINIMAL.replace(f"    {key}:\n", piece + f"    {key}:\n", 1)


def test_the_minimal_rule_lints_clean(tmp_path):
    assert _lint(tmp_path, MINIMAL) == []


# (what the literal is, the rule text, the misspelling, where it is reported, the expected message and hint)
CASES = {
    "lika_med in an applicability pattern": (
        MINIMAL.replace("{falt: typ, i: [hvb]}", "{falt: typ, i: [hvb]}\n          - {falt: typ, lika_med: hbv}"),
        "hbv", "RK-R100", "tillamplig_nar.0.dar.1.lika_med: 'hbv' är inget värde som verksamhet.typ kan ha "
                          "(menade du 'hvb'?)"),
    "a list of i": (
        MINIMAL.replace("i: [hvb]", "i: [hvb, lss_bostad_barnn]"),
        "lss_bostad_barnn", "RK-R100", "tillamplig_nar.0.dar.0.i.1: 'lss_bostad_barnn' är inget värde som "
                                       "verksamhet.typ kan ha (menade du 'lss_bostad_barn'?)"),
    "inte_i in overtradelse_dar": (
        _insert_before("versioner", CONDITION).replace("XX", "anstalning"),
        "anstalning", "RK-R100", "overtradelse_dar.dar.0.inte_i.1: 'anstalning' är inget värde som "
                                 "engagemang.form kan ha (menade du 'anstallning'?)"),
    "an exemption's pattern": (
        _insert_before("versioner", EXEMPTION).replace("XX", "förestandare"),
        "förestandare", "RK-R100", "undantag.monster.dar.1.lika_med: 'förestandare' är inget värde som "
                                   "engagemang.roll kan ha (menade du 'forestandare'?)"),
    "inte_lika_med in bedoms_inte_nar": (
        _insert_before("versioner", DOUBT).replace("XX", "okänt"),
        "okänt", "RK-R100", "bedoms_inte_nar.dar.0.inte_lika_med: 'okänt' är inget värde som "
                            "engagemang.forelder_till_mottagaren kan ha (menade du 'okant'?)"),
    "a pattern of overtradelse_nar": (
        MINIMAL.replace("{falt: person, lika_med: {falt: e.person}}",
                        "{falt: person, lika_med: {falt: e.person}}\n          - {falt: lag, lika_med: \"2007:117\"}"),
        '"2007:117"', "RK-R100", "overtradelse_nar.0.dar.1.lika_med: '2007:117' är inget värde som "
                                 "registerutdrag.lag kan ha (menade du '2007:171'?)"),
    "a value derived from two codes": (
        MINIMAL.replace("{falt: typ, i: [hvb]}\n      - som: e\n        typ: engagemang",
                        "{falt: typ, i: [hvb]}\n      - som: b\n        typ: behandling\n        dar:\n"
                        "          - {falt: injektionsslag, i: [ytlig_anat]}\n      - som: e\n        typ: engagemang"),
        "ytlig_anat", "RK-R100", "tillamplig_nar.1.dar.0.i.0: 'ytlig_anat' är inget värde som "
                                 "behandling.injektionsslag kan ha (menade du 'ytlig_annat'?)"),
    "a version parameter": (
        MINIMAL.replace("i: [hvb]", "i: {parameter: typer}").replace(
            "    meddelande:", "        parametrar: {typer: [hvb, stodbonde]}\n    meddelande:"),
        "stodbonde", "RK-R101", "versioner.0.parametrar.typer.1: parametern 'typer' jämförs med "
                                "verksamhet.typ, som inte kan ha värdet 'stodbonde' (menade du 'stodboende'?)"),
    "innehaller on a list field": (
        MINIMAL.replace("{falt: person, lika_med: {falt: e.person}}",
                        "{falt: person, lika_med: {falt: e.person}}\n"
                        "          - {falt: omfattar, innehaller: belastningsregister}"),
        "belastningsregister", "RK-R053", "overtradelse_nar.0.dar.1.innehaller: 'belastningsregister' är "
                                          "inget tillåtet värde (menade du 'belastningsregistret'?)"),
    "saknar on a list field": (
        MINIMAL.replace("{falt: person, lika_med: {falt: e.person}}",
                        "{falt: person, lika_med: {falt: e.person}}\n"
                        "          - {falt: omfattar, saknar: misstanke_registret}"),
        "misstanke_registret", "RK-R053", "overtradelse_nar.0.dar.1.saknar: 'misstanke_registret' är inget "
                                          "tillåtet värde (menade du 'misstankeregistret'?)"),
    "a fact kind": (
        MINIMAL.replace("typ: registerutdrag", "typ: registerutdrg"),
        "registerutdrg", "RK-R043", "overtradelse_nar.0.typ: okänd faktatyp 'registerutdrg' "
                                    "(menade du 'registerutdrag'?)"),
    "a field name": (
        MINIMAL.replace("{falt: typ, i: [hvb]}", "{falt: tyyp, i: [hvb]}"),
        "tyyp", "RK-R050", "tillamplig_nar.0.dar.0.falt: fältet 'tyyp' finns inte i verksamhet "
                           "(menade du 'typ'?)"),
    "a field of another pattern": (
        MINIMAL.replace("{falt: e.person}", "{falt: e.persn}"),
        "e.persn", "RK-R062", "overtradelse_nar.0.dar.0.lika_med.falt: fältet 'persn' finns inte i "
                              "engagemang (menade du 'person'?)"),
    "the decisive date": (
        MINIMAL.replace("avgorande_datum: start", "avgorande_datum: strat"),
        "strat", "RK-R025", "avgorande_datum: avgorande_datum: 'strat' är inget datumfält i engagemang "
                            "(menade du 'start'?)"),
    "the subject alias": (
        MINIMAL.replace("    avser: e\n", "    avser: ee\n"),
        "ee", "RK-R023", "avser: avser: 'ee' är inget alias i tillamplig_nar (menade du 'e'?)"),
    "a rule-model word (allvarlighet)": (
        MINIMAL.replace("allvarlighet: allvarlig", "allvarlighet: allvarlg"),
        "allvarlg", "RK-R003", "regler.0.allvarlighet: ogiltigt värde 'allvarlg'; tillåtna: 'allvarlig', "
                               "'betydande' eller 'mindre' (menade du 'allvarlig'?)"),
    "an example's outcome word": (
        MINIMAL.replace("forvantat: uppfyllt", "forvantat: uppfylt"),
        "uppfylt", "RK-R003", "regler.0.exempel.1.forvantat: ogiltigt värde 'uppfylt'; tillåtna: 'overtradelse', "
                              "'uppfyllt', 'ej_tillamplig' eller 'obestamt' (menade du 'uppfyllt'?)"),
    "an example's subject": (
        MINIMAL.replace("        forvantat: uppfyllt", "        subjekt: e2\n        forvantat: uppfyllt"),
        "e2", "RK-R102", "exempel.1.subjekt: subjekt: 'e2' är inget engagemang-id i exemplets fakta "
                         "(exemplets engagemang: e1)"),
    "a parameter name": (
        MINIMAL.replace("i: [hvb]", "i: {parameter: tyyper}").replace(
            "    meddelande:", "        parametrar: {typer: [hvb]}\n    meddelande:"),
        "tyyper", "RK-R064", "tillamplig_nar.0.dar.0.i.parameter: parametern 'tyyper' saknas i version 1 "
                             "(menade du 'typer'?)"),
    "an act in a lagrum": (
        MINIMAL.replace('{forfattning: "2007:171"', '{forfattning: "2007:117"'),
        '"2007:117"', "RK-R012", "versioner.0.lagrum.0.forfattning: författningen 2007:117 saknas under "
                                 "forfattningar i regelpaketet (menade du '2007:171'?)"),
    "a key of a period": (
        MINIMAL.replace("{falt: person, lika_med: {falt: e.person}}",
                        "{falt: person, lika_med: {falt: e.person}}\n"
                        "          - {falt: utfardat, plus: {manadr: 6}, fore: {falt: e.start}}"),
        "manadr", "RK-R001", "regler.0.overtradelse_nar.0.dar.1.plus.manadr: okänd nyckel (menade du 'manader'?)"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_misspelt_literal_is_rejected_where_it_is_written_with_the_nearest_value(tmp_path, case):
    text, misspelt, code, message = CASES[case]
    assert text != MINIMAL
    errors = _lint(tmp_path, text)
    expected = f"pack.yaml:{_where(text, misspelt)}: {code}: {message}"
    if code == "RK-R001":  # pydantic also tries the other shape `plus` may take, {parameter: namn}
        assert expected in errors
    else:
        assert errors == [expected]


def test_a_free_text_field_takes_any_value(tmp_path):
    # names and ids are not codes: nothing to check them against
    text = MINIMAL.replace("{falt: typ, i: [hvb]}", "{falt: typ, i: [hvb]}\n          - {falt: namn, inte_lika_med: x}")
    assert _lint(tmp_path, text) == []


def test_a_parameter_used_twice_is_reported_once(tmp_path):
    text = MINIMAL.replace("i: [hvb]", "i: {parameter: typer}").replace(
        "{falt: verksamhet, lika_med: {falt: v.id}}",
        "{falt: verksamhet, lika_med: {falt: v.id}}\n          - {falt: verksamhetstyp, i: {parameter: typer}}").replace(
        "    meddelande:", "        parametrar: {typer: [hvb, stodbonde]}\n    meddelande:")
    assert [e.split(": ")[1] for e in _lint(tmp_path, text)] == ["RK-R101"]


def test_rules_lint_checks_the_facts_of_the_examples(tmp_path):
    # a misspelt code in an example's facts: reported by lint, at its place, before `rules test` fails on it
    text = MINIMAL.replace("verksamhet: [{id: f, namn: F, organisation: o, typ: hvb}]\n          person: [{id: p, "
                           "namn: P}]\n          engagemang: [{id: e1, person: p, verksamhet: f, form: anstallning, "
                           "start: 2025-01-01}]\n        forvantat: overtradelse",
                           "verksamhet: [{id: f, namn: F, organisation: o, typ: hvbb}]\n          person: [{id: p, "
                           "namn: P}]\n          engagemang: [{id: e1, person: p, verksamhet: f, form: anstallning, "
                           "start: 2025-01-01}]\n        forvantat: overtradelse", 1)
    assert text != MINIMAL
    assert _lint(tmp_path, text) == []  # the rule itself is sound
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "rules", "lint", "--rules", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"{tmp_path / 'pack.yaml'}:{_where(text, 'hvbb')}: RK-B")
    assert "'hvbb'" in line and "Traceback" not in proc.stderr


def test_a_misspelt_key_in_a_shape_that_may_take_several_forms_is_told_once(tmp_path):
    # `plus` takes a period or {parameter: namn}, `i` a list or {parameter: namn}, `lika_med` a value, a field or
    # a parameter: only the form that was meant is judged, not "ska vara true eller false" for each other form
    period = MINIMAL.replace("{falt: person, lika_med: {falt: e.person}}",
                             "{falt: utfardat, plus: {manadr: 6}, fore: {falt: e.start}}")
    assert _lint(tmp_path, period) == [f"pack.yaml:{_where(period, 'manadr')}: RK-R001: regler.0.overtradelse_nar.0."
                                       "dar.0.plus.manadr: okänd nyckel (menade du 'manader'?)"]
    listed = MINIMAL.replace("i: [hvb]", "i: [hvb, [hvb]]")
    assert _lint(tmp_path, listed) == [f"pack.yaml:{_where(listed, '[hvb]]')}: RK-R003: regler.0.tillamplig_nar.0.dar."
                                       "0.i.1: ska vara ett enkelt värde: en text, ett heltal eller true/false"]
    operand = MINIMAL.replace("lika_med: {falt: e.person}", "lika_med: [e.person]")
    assert _lint(tmp_path, operand) == [
        f"pack.yaml:{_where(operand, '[e.person]')}: RK-R003: regler.0.overtradelse_nar.0.dar.0.lika_med: ska vara "
        "ett enkelt värde (text, heltal, true/false), {falt: alias.falt} eller {parameter: namn}"]
    key = MINIMAL.replace("{falt: person, lika_med", "{falt: person, lika_mde")
    assert _lint(tmp_path, key) == [f"pack.yaml:{_where(key, 'lika_mde')}: RK-R001: regler.0.overtradelse_nar.0.dar.0."
                                    "lika_mde: okänd nyckel (menade du 'lika_med'?)"]


def test_a_misspelt_value_reused_through_a_yaml_alias_is_one_error_at_its_place(tmp_path):
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    pack = rules / "registerkontroll" / "lss.yaml"
    text = pack.read_text(encoding="utf-8")
    written = "{falt: verksamhetstyp, lika_med: lss_personlig_assistans}"
    assert "&" in text and written in text
    pack.write_text(text.replace(written, written.replace("assistans}", "asistans}"), 1), encoding="utf-8")
    with pytest.raises(DiagnosticError) as info:
        load_rulebook(rules)
    assert [d.code for d in info.value.diagnostics] == ["RK-R100"], [d.render() for d in info.value.diagnostics]
