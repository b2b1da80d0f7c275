"""Every page in Debian's chromium: the shared layout, and axe-core with no serious or critical violation.

Each page is screenshotted (tests/web/screenshots/) with axe's whole result beside it.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import pytest

MENU = [("Översikt", "/"), ("Ladda upp datamängd", "/datamangder"), ("Ansökan", "/ansokan"), ("Regler", "/regler"),
        ("Ställningstaganden", "/stallningstaganden"), ("Åtkomstlogg", "/atkomstlogg")]

# {nyckel}: a violation of Klinik Glans in the demo county, as the API reports it
PAGES = ["/", "/verksamhet/klinik-glans?datamangd=demo", "/stallningstaganden/ny?{nyckel}",
         "/stallningstaganden", "/ansokan", "/regler", "/regler/LE-01", "/datamangder", "/atkomstlogg"]


def _url(template: str, demo_report: dict | None) -> str:
    if "{nyckel}" not in template:
        return template
    key = sorted(f["key"] for f in demo_report["findings"]
                 if f["facility_id"] == "klinik-glans" and f["outcome"] == "violation")[0]
    return template.format(nyckel=urlencode({"datamangd": "demo", "nyckel": key}))


def _open(page, template: str, request) -> None:
    report = request.getfixturevalue("demo_report") if "{nyckel}" in template else None
    response = page.goto(_url(template, report))
    assert response is not None and response.status == 200, (
        f"{page.url}: status {response.status if response else '-'}")


@pytest.mark.parametrize("template", PAGES)
def test_page_has_no_serious_accessibility_violation(page, accessible, template, request):
    _open(page, template, request)
    assert page.get_attribute("html", "lang") == "sv"
    accessible(page)


@pytest.mark.parametrize("template", PAGES)
def test_page_has_the_shared_layout(page, template, request):
    _open(page, template, request)
    assert page.get_attribute("html", "lang") == "sv"
    assert page.locator("h1").count() == 1, "en enda h1 per sida"
    # the skip link comes first: the first Tab from the address bar lands on it, and its target exists
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#innehall"
    assert page.locator("#innehall").count() == 1
    nav = page.locator('nav[aria-label="Huvudmeny"]')
    assert nav.count() == 1
    for text, path in MENU:
        link = nav.get_by_role("link", name=text, exact=True)
        assert link.count() == 1, f"menyn saknar länken {text}"
        assert urlsplit(link.get_attribute("href")).path == path, f"{text} ska leda till {path}"


# the pages a mistyped address or a refused request leads to are pages people read too
ERROR_PAGES = [("/finns-inte", 404), ("/?datamangd=finns-inte", 404), ("/verksamhet/finns-inte?datamangd=demo", 404),
               ("/regler/LE-99", 404)]


@pytest.mark.parametrize("path, status", ERROR_PAGES)
def test_error_pages_are_swedish_and_accessible(page, accessible, path, status):
    response = page.goto(path)
    assert response is not None and response.status == status
    assert page.get_attribute("html", "lang") == "sv"
    assert page.locator("h1").count() == 1
    assert "RK-" in page.locator("#innehall").inner_text()  # the code to quote when asking for help
    assert page.locator('nav[aria-label="Huvudmeny"]').count() == 1
    accessible(page)
