"""The check report printed on A4 by a real browser (as tests/test_besok_print.py does for the brief): the
summary and contents on page one, a header naming the facility and a footer "sida x av y" on every page, no
heading left at the foot of a page. CI installs Debian's chromium and requires it (REGELKOLL_REQUIRE_BROWSER)."""

from __future__ import annotations

import re

import pytest

from regelkoll import api
from regelkoll.report.html import render_html
from tests.test_besok_print import DEMO, _headings, _lines, print_pages

MARGIN = ("Regelkoll", "Tillsynskontroll per ", "sida ")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    rules, facts = api.load_rules(), api.read_facts(DEMO)
    doc = api.document(api.check(rules, facts, jobs=0))
    page = render_html(doc)
    return doc, page, print_pages(page, tmp_path_factory.mktemp("rapport"))


def test_page_one_holds_the_summary_and_every_page_its_number_and_day(printed):
    doc, _, pages = printed
    first = _lines(pages[0])
    assert "Sammanfattning och innehåll" in first
    assert any(line.startswith("Totalt (") for line in first), first[-5:]
    for number, text in enumerate(pages, start=1):
        assert f"sida {number} av {len(pages)}" in text, number
        assert f"Tillsynskontroll per {doc['run']['as_of']}" in text, number


def test_a_facility_with_violations_names_itself_in_the_header_of_its_pages(printed):
    doc, _, pages = printed
    names = {f["facility_id"]: f["facility_name"] for f in doc["findings"] if f["outcome"] == "violation"}
    seen = set()
    for text in pages:
        for fid, name in names.items():
            if f"{name} [{fid}]" in _lines(text):  # its section's heading: the section starts on this page
                assert _lines(text)[0].startswith(name), (fid, _lines(text)[:2])
                seen.add(fid)
    assert seen == set(names)


def test_no_page_ends_with_a_heading(printed):
    _, page, pages = printed
    headings = {re.sub(r"\s+", " ", h) for h in _headings(page)}
    for number, text in enumerate(pages, start=1):
        body = [line for line in _lines(text) if not line.startswith(MARGIN)]
        assert body[-1] not in headings, f"sidan {number} slutar med rubriken '{body[-1]}'"
