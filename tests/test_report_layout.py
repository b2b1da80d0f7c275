"""The readable report: short citations that resolve to one list of acts, section links, and the HTML's
summary and contents (printing is checked in tests/test_report_print.py)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from regelkoll import api
from regelkoll.brief.html import render_brief_html
from regelkoll.brief.text import render_brief_text
from regelkoll.lang.model import Lagrum
from regelkoll.report.citation import act_table, cite, cite_short, section_url, short_name
from regelkoll.report.html import render_html
from regelkoll.report.text import render_text

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "fixtures" / "demo"
SEVERITIES = ("allvarlig", "betydande", "mindre")

ACTS = {"2010:659": "patientsäkerhetslagen (2010:659)",
        "2007:171": "lagen (2007:171) om registerkontroll av personal vid vissa boenden som tar emot barn",
        "2001:453": "socialtjänstlagen (2001:453)", "2025:400": "socialtjänstlagen (2025:400)",
        "HSLF-FS 2017:37": "Socialstyrelsens föreskrifter och allmänna råd (HSLF-FS 2017:37) om ordination och "
                           "hantering av läkemedel i hälso- och sjukvården"}
ABBREVIATIONS = {"2010:659": "PSL", "2001:453": "SoL", "2025:400": "SoL"}


def ref(act: str, paragraf: str, kapitel: str | None = None, **more) -> Lagrum:
    return Lagrum(forfattning=act, paragraf=paragraf, kapitel=kapitel,
                  url=f"https://rkrattsbaser.gov.se/sfst?bet={act}", **more)


@pytest.mark.parametrize(("lagrum", "short"), [
    (ref("2010:659", "5", "4"), "4 kap. 5 § PSL"),
    (ref("2007:171", "1", stycke=1), "1 § första st. lagen (2007:171)"),
    # two acts share "SoL": each is told apart by its number
    (ref("2001:453", "6", "16", stycke=1, punkt=4), "16 kap. 6 § första st. 4 p. SoL (2001:453)"),
    (ref("HSLF-FS 2017:37", "2", "6"), "6 kap. 2 § HSLF-FS 2017:37"),
])
def test_short_citation_names_the_act_by_its_abbreviation_or_number(lagrum, short):
    assert cite_short(lagrum, ACTS, ABBREVIATIONS) == short
    assert cite(lagrum, ACTS).endswith(ACTS[lagrum.forfattning])  # the full form is unchanged


def test_section_links_follow_lagen_nu_anchors_and_fall_back_to_the_act():
    assert section_url(ref("2010:659", "5", "4")) == "https://lagen.nu/2010:659#K4P5"
    assert section_url(ref("2021:363", "8", stycke=2)) == "https://lagen.nu/2021:363#P8"
    assert section_url(ref("2025:400", "6 f", "26 a")) == "https://lagen.nu/2025:400#K26aP6f"
    regulation = Lagrum(forfattning="HSLF-FS 2017:37", kapitel="6", paragraf="2",
                        url="https://www.socialstyrelsen.se/foreskrifter/")
    assert section_url(regulation) == "https://www.socialstyrelsen.se/foreskrifter/"


def test_every_act_of_the_rule_packs_has_a_short_name_of_its_own():
    book = api.load_rules()
    table = act_table(book)
    shorts = Counter(row["short"] for row in table)
    assert [s for s, n in shorts.items() if n > 1] == []
    assert {row["act"] for row in table} <= set(book.acts)
    assert short_name("2010:659", book.acts, book.abbreviations) == "PSL"


@pytest.fixture(scope="module")
def demo():
    rules, facts = api.load_rules(), api.read_facts(DEMO)
    compiled = api.compile_rules(rules)
    doc = api.document(api.check(rules, facts, jobs=0, compiled=compiled))
    return rules, facts, compiled, doc


def _cited(findings):
    return [r for f in findings if f["outcome"] in ("violation", "indication") for r in f["legal_basis"]]


def test_text_report_gives_each_act_title_once_and_short_citations_resolve_to_the_list(demo):
    doc = demo[3]
    text = render_text(doc)
    listed = {row["act"]: row for row in doc["run"]["acts"]}
    refs = _cited(doc["findings"])
    assert refs
    for act in {r["act"] for r in refs}:
        assert text.lower().count(listed[act]["title"].lower()) == 1, act
    for r in refs:
        assert r["short"].endswith(" " + listed[r["act"]]["short"]), r["short"]
        assert f"  {listed[r['act']]['short']} " in text.split("FÖRFATTNINGAR")[1]


def test_html_summary_counts_each_facility_by_severity_and_links_to_its_section(demo):
    doc = demo[3]
    page = lxml_html.fromstring(render_html(doc))
    rows = page.xpath('//nav[@class="contents"]//table[@class="summary"]/tbody/tr')
    by_facility: dict[str, list] = {}
    for f in doc["findings"]:
        by_facility.setdefault(f["facility_id"], []).append(f)
    assert len(rows) == len(by_facility) + 1  # and the total
    ids = set(page.xpath("//@id"))
    for row in rows[:-1]:
        link = row.xpath(".//a")[0]
        anchor = link.get("href").removeprefix("#")
        assert anchor in ids
        section = page.xpath(f'//section[@id="{anchor}"]')[0]
        fid = re.search(r"\[(.+)\]$", section.xpath(".//h2")[0].text_content()).group(1)
        items = by_facility[fid]
        expected = [sum(1 for i in items if i["outcome"] == "violation" and i["severity"] == s) for s in SEVERITIES]
        expected += [sum(1 for i in items if i["outcome"] == o) for o in ("indication", "undetermined")]
        assert [int(td.text_content()) for td in row.xpath("./td[@class]")] == expected, fid
    total = [int(td.text_content()) for td in rows[-1].xpath("./td")]
    counts = doc["run"]["counts"]
    assert sum(total[:3]) == counts["violation"] and total[3:] == [counts["indication"], counts["undetermined"]]
    for href in page.xpath('//nav[@class="contents"]//a/@href'):
        assert href.removeprefix("#") in ids


def test_html_cites_short_with_section_links_and_lists_each_act_once(demo):
    doc = demo[3]
    page = render_html(doc)
    tree = lxml_html.fromstring(page)
    listed = {row["act"]: row for row in doc["run"]["acts"]}
    for r in _cited(doc["findings"]):
        assert f'href="{r["section_url"]}"' in page
    acts_table = tree.xpath('//section[@id="forfattningar"]//table/tbody/tr')
    cited = {r["act"] for r in _cited(doc["findings"])}
    assert [row.xpath("./td")[0].text_content() for row in acts_table] == [
        listed[a]["short"] for a in sorted(cited, key=[row["act"] for row in doc["run"]["acts"]].index)]
    text = tree.text_content().lower()
    for act in cited:
        assert text.count(listed[act]["title"].lower()) == 1, act


def test_html_pages_have_headers_and_footers_and_facilities_with_violations_their_own_pages(demo):
    doc = demo[3]
    page = render_html(doc)
    assert '"sida " counter(page) " av " counter(pages)' in page
    named = re.findall(r'<section class="facility" id="[^"]+" style="page: (f\d+)">', page)
    assert named and all(f"@page {name} {{ @top-left {{ content:" in page for name in named)
    with_violations = {f["facility_id"] for f in doc["findings"] if f["outcome"] == "violation"}
    assert len(named) == len(with_violations)


def test_the_brief_lists_its_acts_once_in_text_and_html(demo):
    rules, facts, compiled, _ = demo
    brief = api.brief(rules, facts, "klinik-glans", jobs=0, compiled=compiled)
    listed = {row["act"]: row for row in brief["run"]["acts"]}
    cited = {r["act"] for r in _cited(brief["violations"] + brief["indications"])}
    text = render_brief_text(brief).lower()
    page = lxml_html.fromstring(render_brief_html(brief)).text_content().lower()
    for act in cited:
        assert text.count(listed[act]["title"].lower()) == 1 and page.count(listed[act]["title"].lower()) == 1
    assert "Lagrum: 8 § andra st. LEKEI" in render_brief_text(brief)


def test_the_application_screening_cites_short_and_lists_its_acts(tmp_path):
    from regelkoll.application.report import render_html as screening_html
    from regelkoll.application.report import render_text as screening_text

    screening = api.screen(ROOT / "fixtures" / "ansokningar" / "02_ofullstandig.yaml",
                           ROOT / "fixtures" / "ansokningar" / "underlag")
    doc = api.screening_document(screening)
    item = doc["komplettering"][0]
    assert item["lagrum_kort"][0].endswith("förordningen (1993:1090)")
    assert [a["act"] for a in doc["forfattningar"]] == ["1993:1090"]
    text = screening_text(doc)
    title = "förordningen (1993:1090) om stöd och service till vissa funktionshindrade"
    assert text.lower().count(title) == 1 and "Lagrum: 8 § första st. 5 p. förordningen (1993:1090)" in text
    page = screening_html(doc)
    assert '"sida " counter(page) " av " counter(pages)' in page and page.lower().count(title) == 1
