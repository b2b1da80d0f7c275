"""The brief printed on A4 by a real browser: page numbers on every page, no heading left at the foot of one.

Needs Debian's `chromium`; CI installs it and sets REGELKOLL_REQUIRE_BROWSER=1, so that there a missing
browser fails instead of skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.brief.html import render_brief_html

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "fixtures" / "demo"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")

if BROWSER is None:
    if os.environ.get("REGELKOLL_REQUIRE_BROWSER"):
        raise RuntimeError("chromium saknas men REGELKOLL_REQUIRE_BROWSER är satt")
    pytest.skip("chromium finns inte (apt-get install chromium)", allow_module_level=True)

pdfium = pytest.importorskip("pypdfium2")


def print_pages(html: str, tmp_path: Path) -> list[str]:
    page = tmp_path / "besok.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "besok.pdf"
    subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profil'}", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    document = pdfium.PdfDocument(str(pdf))
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r", "\n").splitlines() if line.strip()]


def _headings(html: str) -> set[str]:
    return {re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)}


@pytest.fixture(scope="module")
def demo():
    rules, facts = api.load_rules(), api.read_facts(DEMO)
    return rules, facts, api.compile_rules(rules)


@pytest.mark.parametrize("facility", ["hvb-granen", "klinik-glans", "sn-lillby"])
def test_every_page_has_its_number_and_no_page_ends_with_a_heading(demo, facility, tmp_path):
    rules, facts, compiled = demo
    brief = api.brief(rules, facts, facility, jobs=0, compiled=compiled, inspector="p-015")
    html = render_brief_html(brief)
    pages = print_pages(html, tmp_path)
    assert len(pages) >= 2
    headings = _headings(html)
    name = facts.get("verksamhet", facility).namn
    for number, text in enumerate(pages, start=1):
        lines = _lines(text)
        assert f"sida {number} av {len(pages)}" in text, (number, lines[:3])
        assert f"Inför besök: {name}" in text
        body = [line for line in lines if not line.startswith(("Inför besök:", "Regelkoll", "sida "))]
        assert body[-1] not in headings, f"sidan {number} slutar med rubriken '{body[-1]}'"


def test_a_name_with_quotes_and_markup_is_printed_as_written_in_the_page_header(demo, tmp_path):
    rules, facts, compiled = demo
    odd = 'Hem "Björk" </style> & {x}'
    facts.facts["verksamhet"]["hvb-tallen"] = facts.get("verksamhet", "hvb-tallen").model_copy(update={"namn": odd})
    brief = api.brief(rules, facts, "hvb-tallen", jobs=0, compiled=compiled)
    pages = print_pages(render_brief_html(brief), tmp_path)
    assert all(f"Inför besök: {odd}" in text for text in pages)
