"""Rule files with mistakes are rejected with file:line:column, a code and (where possible) a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from regelkoll.diagnostics import DiagnosticError
from regelkoll.lang.load import load_rulebook

BASE = (Path(__file__).parent / "data" / "minimal_rule.yaml").read_text(encoding="utf-8")


def _load(tmp_path: Path, text: str):
    path = tmp_path / "regel.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rulebook(path)


def _errors(tmp_path: Path, old: str, new: str) -> list[str]:
    assert old in BASE, old
    with pytest.raises(DiagnosticError) as info:
        _load(tmp_path, BASE.replace(old, new, 1))
    return [d.render() for d in info.value.diagnostics]


def _line_of(text: str) -> int:
    return next(i for i, line in enumerate(BASE.splitlines(), 1) if text in line)


def test_the_base_file_is_valid(tmp_path):
    book = _load(tmp_path, BASE)
    assert [r.rule.id for r in book.rules] == ["PROV-01"]


def test_misspelt_key_names_file_line_column_and_suggests_the_right_key(tmp_path):
    errors = _errors(tmp_path, "    allvarlighet: allvarlig", "    allvarlihet: allvarlig")
    line = _line_of("allvarlighet: allvarlig")
    assert any(e.startswith(f"{tmp_path / 'regel.yaml'}:{line}:5: RK-R001") and "menade du 'allvarlighet'" in e
               for e in errors), errors


def test_bad_date_names_its_position(tmp_path):
    errors = _errors(tmp_path, "giltig_fran: 2007-07-01", "giltig_fran: 2007-13-01")
    line = _line_of("giltig_fran: 2007-07-01")
    assert any(f":{line}:22: RK-R003: regler.0.versioner.0.giltig_fran: ogiltigt datum" in e for e in errors), errors


def test_unknown_field_in_a_condition_suggests_the_fact_field(tmp_path):
    errors = _errors(tmp_path, "{falt: person, lika_med: {falt: e.person}}",
                     "{falt: persn, lika_med: {falt: e.person}}")
    assert any("RK-R050" in e and "'persn' finns inte i registerutdrag" in e and "menade du 'person'" in e
               for e in errors), errors


def test_unknown_fact_kind(tmp_path):
    errors = _errors(tmp_path, "typ: registerutdrag", "typ: registerutdrg")
    assert any("RK-R043" in e and "menade du 'registerutdrag'" in e for e in errors), errors


def test_unquoted_sfs_number_is_not_silently_turned_into_a_number(tmp_path):
    errors = _errors(tmp_path, '{forfattning: "2007:171"', "{forfattning: 2007:17")
    assert any("forfattning" in e for e in errors), errors


def test_duplicate_key(tmp_path):
    errors = _errors(tmp_path, "    allvarlighet: allvarlig\n", "    allvarlighet: allvarlig\n    allvarlighet: mindre\n")
    assert any("RK-Y003" in e and "två gånger" in e for e in errors), errors


def test_yaml_syntax_error_has_a_position(tmp_path):
    errors = _errors(tmp_path, "    avser: e\n", "    avser: [e\n")
    assert any("RK-Y001" in e for e in errors), errors


def test_reserved_alias(tmp_path):
    errors = _errors(tmp_path, "      - som: x\n", "      - som: s\n")
    assert any("RK-R040" in e for e in errors), errors


def test_reference_to_a_later_alias(tmp_path):
    errors = _errors(tmp_path, "{falt: verksamhet, lika_med: {falt: v.id}}", "{falt: verksamhet, lika_med: {falt: x.id}}")
    assert any("RK-R060" in e for e in errors), errors


def test_unknown_parameter(tmp_path):
    errors = _errors(tmp_path, "{falt: typ, i: [hvb]}", "{falt: typ, i: {parameter: boendetyper}}")
    assert any("RK-R064" in e for e in errors), errors


def test_overlapping_versions(tmp_path):
    second = ("      - giltig_fran: 2020-01-01\n        lagrum:\n"
              '          - {forfattning: "2007:171", paragraf: "1", url: "https://rkrattsbaser.gov.se/sfst?bet=2007:171"}\n')
    errors = _errors(tmp_path, "    meddelande:\n", second + "    meddelande:\n")
    assert any("RK-R030" in e for e in errors), errors


def test_message_template_with_unknown_name(tmp_path):
    errors = _errors(tmp_path, "(${e.start})", "(${e.startdatum})")
    assert any("RK-R071" in e for e in errors), errors


def test_rule_needs_a_violating_and_a_compliant_example(tmp_path):
    errors = _errors(tmp_path, "        forvantat: uppfyllt", "        forvantat: overtradelse")
    assert any("RK-R026" in e for e in errors), errors


def test_cited_act_must_be_declared(tmp_path):
    errors = _errors(tmp_path, '  "2007:171":\n    namn:', '  "2010:479":\n    namn:')
    assert any("RK-R012" in e for e in errors), errors


def test_type_mismatch_between_compared_fields(tmp_path):
    errors = _errors(tmp_path, "{falt: person, lika_med: {falt: e.person}}", "{falt: person, lika_med: {falt: e.start}}")
    assert any("RK-R063" in e for e in errors), errors


def test_every_error_in_a_file_is_reported_not_just_the_first(tmp_path):
    text = BASE.replace("typ: registerutdrag", "typ: registerutdrg").replace("(${e.start})", "(${e.nope})")
    with pytest.raises(DiagnosticError) as info:
        _load(tmp_path, text)
    codes = {d.code for d in info.value.diagnostics}
    assert {"RK-R043", "RK-R071"} <= codes


_TWO_VERSIONS = ("      - giltig_fran: 2007-07-01\n        giltig_till: {till}\n        lagrum:\n"
                 '          - {{forfattning: "2007:171", paragraf: "1", url: "https://rkrattsbaser.gov.se/sfst?bet=2007:171"}}\n'
                 "      - giltig_fran: 2016-01-01\n{lucka}        lagrum:\n"
                 '          - {{forfattning: "2007:171", paragraf: "1", url: "https://rkrattsbaser.gov.se/sfst?bet=2007:171"}}\n')
_ONE_VERSION = ("      - giltig_fran: 2007-07-01\n        lagrum:\n"
                '          - {forfattning: "2007:171", paragraf: "1", stycke: 1, url: "https://rkrattsbaser.gov.se/sfst?bet=2007:171"}\n')


def test_an_undeclared_gap_between_versions_is_rejected_with_its_days(tmp_path):
    # a switch date typed one day late leaves a day that no version judges: the rule silently skips it
    errors = _errors(tmp_path, _ONE_VERSION, _TWO_VERSIONS.format(till="2015-12-30", lucka=""))
    assert any("RK-R032" in e and "2015-12-30 till 2016-01-01" in e for e in errors), errors


def test_a_declared_gap_is_accepted_and_adjoining_versions_need_no_declaration(tmp_path):
    _load(tmp_path, BASE.replace(_ONE_VERSION, _TWO_VERSIONS.format(
        till="2014-12-31", lucka="        lucka_fore: Lagen var upphävd under 2015.\n"), 1))
    _load(tmp_path, BASE.replace(_ONE_VERSION, _TWO_VERSIONS.format(till="2015-12-31", lucka=""), 1))


def test_a_gap_declared_where_there_is_none_is_rejected(tmp_path):
    errors = _errors(tmp_path, _ONE_VERSION, _TWO_VERSIONS.format(
        till="2015-12-31", lucka="        lucka_fore: Inget glapp.\n"))
    assert any("RK-R033" in e for e in errors), errors


_EXEMPTION = ('    undantag:\n'
              '      - beskrivning: {{sv: Undantag, en: Exemption}}\n'
              '        monster:\n'
              '          som: {alias}\n'
              '          typ: engagemang\n'
              '          dar:\n'
              '            - {{falt: person, lika_med: {{falt: {ref}.person}}}}\n')


def _with_exemptions(*exemptions: tuple[str, str]) -> str:
    text = _EXEMPTION.format(alias=exemptions[0][0], ref=exemptions[0][1])
    for alias, ref in exemptions[1:]:
        text += _EXEMPTION.format(alias=alias, ref=ref).removeprefix("    undantag:\n")
    return BASE.replace("    versioner:\n", text + "    versioner:\n", 1).replace(
        "        lagrum:\n",
        "        undantag_lagrum:\n          - {forfattning: \"2007:171\", paragraf: \"2\", url: "
        "\"https://rkrattsbaser.gov.se/sfst?bet=2007:171\"}\n        lagrum:\n", 1)


def test_two_exemptions_may_not_share_an_alias(tmp_path):
    # the compiler keys what it knows of an alias by name: a shared one hides a withheld fact's kind
    with pytest.raises(DiagnosticError) as info:
        _load(tmp_path, _with_exemptions(("z", "e"), ("z", "e")))
    assert any(d.code == "RK-R041" for d in info.value.diagnostics), info.value.diagnostics


def test_an_exemption_may_not_refer_to_a_violation_pattern(tmp_path):
    # exemptions are matched next to the applicability patterns only; `x` does not exist there
    with pytest.raises(DiagnosticError) as info:
        _load(tmp_path, _with_exemptions(("z", "x")))
    assert any(d.code == "RK-R060" for d in info.value.diagnostics), info.value.diagnostics


def test_distinct_exemptions_load(tmp_path):
    book = _load(tmp_path, _with_exemptions(("z", "e"), ("y", "e")))
    assert len(book.rules[0].rule.undantag) == 2


def test_an_error_in_a_single_exemption_names_the_field_as_written(tmp_path):
    text = _with_exemptions(("z", "e")).replace("      - beskrivning: {sv: Undantag, en: Exemption}\n        monster:\n"
                                                "          som: z\n", "      beskrivning: {sv: Undantag, en: Exemption}\n"
                                                "      monster:\n        som: z\n        typo: 1\n", 1)
    text = text.replace("          typ: engagemang\n          dar:\n            - {falt: person, lika_med: {falt: e.person}}\n",
                        "        typ: engagemang\n        dar:\n          - {falt: person, lika_med: {falt: e.person}}\n", 1)
    with pytest.raises(DiagnosticError) as info:
        _load(tmp_path, text)
    fields = [d.field for d in info.value.diagnostics if d.code == "RK-R001"]
    assert fields == ["regler.0.undantag.monster.typo"], info.value.diagnostics


@pytest.mark.parametrize("old,new,expected", [
    ('paragraf: "1", stycke: 1', 'paragraf: "1", stycke: "1"', "ska vara ett heltal"),
    ('paragraf: "1", stycke: 1', 'paragraf: "1", stycke: 0', "får inte vara mindre än 1"),
    ("      - giltig_fran: 2007-07-01", "      - giltig_fran: 2007-07-01T00:00:00", "utan klockslag"),
    ("      - giltig_fran: 2007-07-01", "      - giltig_fran: 20070701", "ska vara ett datum"),
    ("    allvarlighet: allvarlig", "    allvarlighet: yes", "tillåtna"),
])
def test_rule_file_values_are_read_strictly_and_reported_in_swedish(tmp_path, old, new, expected):
    errors = _errors(tmp_path, old, new)
    assert any(expected in e for e in errors), errors
    assert not any("Input should" in e or "Value error" in e for e in errors), errors
