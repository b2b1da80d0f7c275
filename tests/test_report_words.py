"""Reports speak Swedish words and names: no coded value, field key or id of a named person or facility.

The codes are read from the fact model (engine/facts/words.py `model_codes`), so a value added there
without a word fails here, and so does a report that prints one. Ids are allowed only where a report keeps
them on purpose: after a facility's name (`Klinik Glans [klinik-glans]`) and, in HTML, the small print.
"""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from regelkoll import api
from regelkoll.brief.html import render_brief_html
from regelkoll.brief.text import render_brief_text
from regelkoll.facts.words import (
    CODE_WORDS, FIELD_CODE_WORDS, FIELD_WORDS, KIND_WORDS, code_word, model_codes, model_fields)
from regelkoll.report.html import render_html
from regelkoll.report.text import render_text

DEMO = "fixtures/demo"


def test_every_code_of_the_model_has_a_swedish_word():
    lacking = sorted((field, code) for field, codes in model_codes().items() for code in codes
                     if code not in CODE_WORDS and code not in FIELD_CODE_WORDS.get(field, {}))
    assert not lacking, lacking


def test_every_field_of_the_model_has_a_swedish_label():
    assert not sorted(model_fields() - set(FIELD_WORDS))


def test_the_words_are_swedish_not_the_codes_again():
    assert code_word("titel", "sjukskoterska") == "sjuksköterska"
    assert code_word("form", "anstallning") == "anställning"
    assert code_word("injektionsslag", "nal_fyllnadsmedel") == "nålinjektion av fyllnadsmedel"
    assert code_word("typ", "estetisk_klinik") == "estetisk klinik"
    assert code_word("information_omfattar", ["kostnad"]) == ["kostnaden"]
    assert code_word("ingrepp", "botulinumtoxin") == "botulinumtoxin"  # free text is not a code


# a code is raw where its word differs, unless it is itself a word of the registry's Swedish (`huvudman`,
# `kostnad`, `individuell` in "individuell ordination"): such a token reads the same in a sentence
_SWEDISH = {token for words in (CODE_WORDS, FIELD_WORDS, *FIELD_CODE_WORDS.values()) for word in words.values()
            for token in re.findall(r"[\w:]+", word)}
RAW_CODES = {code for field, codes in model_codes().items() for code in codes
             if code_word(field, code) != code and code not in _SWEDISH}
TOKEN = re.compile(r"[\w.:/-]+")


def _offenders(text: str, ids: set[str]) -> list[str]:
    found = set()
    for raw in TOKEN.findall(text):
        token = raw.rstrip(".:,;")
        if token in RAW_CODES or token in ids or token in FIELD_KEYS:
            found.add(token)
    return sorted(found)


# field keys and fact kinds whose Swedish differs (`utforare`, `fran`, `foretradare`)
FIELD_KEYS = {name for words in (FIELD_WORDS, KIND_WORDS) for name, label in words.items()
              if label != name and name not in _SWEDISH}


@pytest.fixture(scope="module")
def demo():
    rules = api.load_rules()
    facts = api.read_facts(DEMO)
    result = api.check(rules, facts, jobs=1)
    named = {f.id for kind in ("person", "verksamhet", "organisation") for f in facts.of(kind) if f.namn}
    return rules, facts, result, named


def _text_outside_headings(text: str, facility_ids: set[str]) -> str:
    # a facility's name is followed by its id in brackets (its heading, the closing summary table): the id a user
    # types after --facility
    return re.sub(r"(?<=\S) \[(" + "|".join(map(re.escape, facility_ids)) + r")\]", "", text)


def _html_outside_small_print(page: str) -> str:
    tree = lxml_html.fromstring(page)
    for kind in ("small", "id"):  # "id": the summary table's id after each name
        for small in tree.xpath(f'//*[contains(concat(" ", normalize-space(@class), " "), " {kind} ")]'):
            small.drop_tree()
    for node in tree.xpath("//style|//script|//head"):
        node.drop_tree()
    return tree.text_content()


def test_the_text_report_names_people_and_facilities_and_has_no_codes(demo):
    _, _, result, named = demo
    doc = api.document(result)
    text = _text_outside_headings(render_text(doc), set(result.facilities))
    assert not _offenders(text, named)
    assert "utförare Johanna Westin (19900629-****)" in text


def test_the_html_report_keeps_ids_in_small_print_only(demo):
    _, _, result, named = demo
    page = render_html(api.document(result))
    assert not _offenders(_html_outside_small_print(page), named)
    assert "p-085" in page  # kept, in small print


@pytest.mark.parametrize("facility", ["klinik-glans", "hvb-bjorken"])
def test_the_brief_names_people_and_facilities_and_has_no_codes(demo, facility):
    rules, facts, _, named = demo
    doc = api.brief(rules, facts, facility, jobs=1)
    own = re.compile(r"\[" + re.escape(facility) + r"\]")  # the brief's heading keeps the facility's id
    assert not _offenders(own.sub("", render_brief_text(doc)), named)
    assert not _offenders(own.sub("", _html_outside_small_print(render_brief_html(doc))), named)


def test_a_person_identified_in_a_report_shows_the_personnummer_only_when_asked(demo):
    _, _, result, _ = demo
    masked, shown = render_text(api.document(result)), render_text(api.document(result, show_personal_data=True))
    assert "Johanna Westin (19900629-****)" in masked and "2388" not in masked
    assert "Johanna Westin (19900629-2388)" in shown
    shown_html = render_html(api.document(result, show_personal_data=True))
    assert "19900629-2388" in shown_html and "19900629-2388" not in render_html(api.document(result))


def test_a_completeness_finding_names_what_was_missing(demo):
    _, _, result, _ = demo
    (finding,) = [f for f in api.document(result)["findings"]
                  if f["rule_id"] == "LE-11" and f["outcome"] == "violation"]
    assert "den saknade kostnaden och att verksamheten är registrerad hos IVO" in finding["message"]["sv"]
    assert {"kostnaden", "att verksamheten är registrerad hos IVO"} <= set(finding["absent"])
    assert "omfattade: alternativa" not in finding["message"]["sv"]


def test_the_json_reports_readable_strings_have_no_codes_and_keep_the_raw_fields(demo):
    _, _, result, named = demo
    findings = api.document(result, ledger="full")["findings"]
    readable = [s for f in findings for s in (f["message"]["sv"], f["subject"]["label"] or "", f["reason"],
                                                *f["absent"], *f["missing"],
                                                *(e[k] for e in f["evidence"] for k in ("label", "text")))]
    assert not _offenders("\n".join(readable), named)
    evidence = next(e for f in findings for e in f["evidence"] if e["id"] == "b-klinik-glans-05")
    assert evidence["fields"]["utforare"] == "p-085" and evidence["fields"]["injektionsslag"] == "nal_fyllnadsmedel"
    assert evidence["names"]["utforare"] == "Johanna Westin (19900629-****)"
