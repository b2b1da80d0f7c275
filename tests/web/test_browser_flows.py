"""What a permit officer or an inspector does, click by click, in Debian's chromium against `regelkoll serve`.

The figures the pages show are compared with the API's check of the same data set (the CLI's JSON).
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[2]
PAGE_TIMEOUT_MS = 120_000
COLUMNS = ["Verksamhet", "Typ", "Överträdelser", "Bör utredas", "Kunde inte bedömas"]

# the rows of the overview's table, by column heading, with each row's link to a facility
TABLE = """() => {
  const table = [...document.querySelectorAll('table')].find(t => t.innerText.includes('Överträdelser'));
  if (!table) return null;
  const heads = [...table.querySelectorAll('thead th')].map(h => h.innerText.trim());
  return [...table.querySelectorAll('tbody tr')].map(row => {
    const cells = [...row.querySelectorAll('th, td')];
    const out = {};
    heads.forEach((h, i) => { out[h] = cells[i] ? cells[i].innerText.trim() : ''; });
    const link = row.querySelector('a[href*="/verksamhet/"]');
    out._href = link ? link.getAttribute('href') : null;
    out._name = link ? link.innerText.trim() : null;
    return out;
  });
}"""


def _violations(report: dict) -> Counter:
    return Counter(f["facility_id"] for f in report["findings"] if f["outcome"] == "violation")


def _names(report: dict) -> dict[str, str]:
    return {f["facility_id"]: f["facility_name"] for f in report["findings"]}


def _number(text: str) -> int:
    found = re.search(r"\d+", text.replace("\u00a0", ""))
    return int(found.group()) if found else 0


def _facility_of(href: str) -> tuple[str, dict]:
    parts = urlsplit(href)
    assert parts.path.startswith("/verksamhet/"), href
    return parts.path.removeprefix("/verksamhet/"), parse_qs(parts.query)


def _follow(page, clickable) -> None:
    """Click what leads to another page (a link, a form's button) and wait for that page: it must be no error."""
    assert clickable.count() >= 1, f"{page.url}: {clickable} saknas"
    # the click itself waits for the page it starts, which may run a check: the page's timeout, not an element's
    with page.expect_navigation() as went:
        clickable.click(timeout=PAGE_TIMEOUT_MS)
    answer = went.value
    assert answer is not None and answer.status < 400, (
        f"{page.url}: status {answer.status if answer else '-'}\n{page.locator('body').inner_text()[:2000]}")


def _decision_links(page) -> dict[str, object]:
    """The brief's 'Registrera ställningstagande' links by the finding key they carry."""
    links = page.get_by_role("link", name="Registrera ställningstagande")
    found = {}
    for i in range(links.count()):
        query = parse_qs(urlsplit(links.nth(i).get_attribute("href")).query)
        assert query.get("datamangd") == ["demo"], query
        found[query["nyckel"][0]] = links.nth(i)
    return found


def test_overview_lists_each_facility_with_the_apis_counts(page, accessible, demo_report):
    page.goto("/?datamangd=demo")
    assert page.locator("h1").inner_text().strip() == "Översikt"
    form = page.locator("form[method=get i]", has=page.locator("select[name=datamangd]"))
    assert form.count() >= 1
    assert form.first.get_by_role("button", name="Visa").count() == 1
    for name in ("typ", "allvarlighet", "regel"):
        assert page.locator(f"select[name={name}]").count() == 1, f"filtret {name} saknas"
    rows = page.evaluate(TABLE)
    assert rows, "ingen tabell med kolumnen Överträdelser"
    assert all(column in rows[0] for column in COLUMNS), list(rows[0])
    shown = {}
    for row in rows:
        if row["_href"] is None:  # an operator (huvudman) is a unit of its own, with no brief to open
            unit = re.search(r"\[([^\]]+)\]", row["Verksamhet"]).group(1)
            shown[unit] = _number(row["Överträdelser"])
            continue
        facility, query = _facility_of(row["_href"])
        assert query.get("datamangd") == ["demo"], row["_href"]
        shown[facility] = _number(row["Överträdelser"])
    violations = _violations(demo_report)
    assert set(violations) <= set(shown), "verksamheter med överträdelser saknas i översikten"
    assert shown == {f: violations.get(f, 0) for f in shown}
    accessible(page)


def test_choosing_the_data_set_shows_it(page):
    page.goto("/")
    page.select_option("select[name=datamangd]", "demo")
    _follow(page, page.get_by_role("button", name="Visa"))
    assert parse_qs(urlsplit(page.url).query).get("datamangd") == ["demo"]
    assert page.evaluate(TABLE)


def test_the_facility_with_most_violations_opens_its_brief(page, accessible, demo_report):
    violations = _violations(demo_report)
    worst, count = violations.most_common(1)[0]
    assert count > violations.most_common(2)[1][1], "the demo county's worst facility is no longer alone"
    page.goto("/?datamangd=demo")
    rows = page.evaluate(TABLE)
    top = max(rows, key=lambda row: _number(row["Överträdelser"]))
    assert _facility_of(top["_href"])[0] == worst
    assert _number(top["Överträdelser"]) == count
    _follow(page, page.get_by_role("link", name=top["_name"], exact=True).first)
    page.wait_for_url(re.compile(rf"/verksamhet/{re.escape(worst)}\?"))
    assert _names(demo_report)[worst] in page.locator("h1").inner_text()
    keys = {f["key"] for f in demo_report["findings"] if f["facility_id"] == worst and f["outcome"] == "violation"}
    missing = keys - set(_decision_links(page))
    assert not missing, f"överträdelser utan länk för ställningstagande: {sorted(missing)}"
    accessible(page)


def test_screening_an_application_asks_for_what_is_missing(page, accessible):
    page.goto("/ansokan")
    accessible(page, "ansokan_formular")
    form = page.locator("form", has=page.locator("input[name=fil]"))
    assert (form.get_attribute("enctype") or "").lower() == "multipart/form-data"
    page.set_input_files("input[name=fil]", str(ROOT / "fixtures" / "ansokningar" / "02_ofullstandig.yaml"))
    page.select_option("select[name=datamangd]", "underlag")
    _follow(page, page.get_by_role("button", name="Granska"))
    assert page.locator("h1").inner_text().strip() == "Granskning av ansökan"
    heading = page.get_by_role("heading", name="Begäran om komplettering")
    assert heading.count() == 1
    # fixtures/ansokningar/README.md: the seven requests for completion of this application
    text = page.locator("body").inner_text()
    for rule in ("AN-PA-05", "AN-PA-07", "AN-PA-08", "AN-PA-09", "AN-PA-10", "AN-PA-11", "AN-PA-13"):
        assert rule in text, f"{rule} saknas i begäran om komplettering"
    assert "Stjärnfallets Assistans" in text
    accessible(page, "ansokan_granskning")


def test_a_decision_recorded_from_a_brief_is_shown_on_the_next_run(page, accessible, base_url):
    import httpx

    facility = "hvb-granen"
    reason = f"Godtagen risk i webbtestet {uuid.uuid4().hex[:8]}"
    page.goto(f"/verksamhet/{facility}?datamangd=demo")
    links = _decision_links(page)
    assert links, "besöksunderlaget har ingen länk för att registrera ställningstagande"
    key = sorted(links)[0]
    _follow(page, links[key])
    page.wait_for_url(re.compile(r"/stallningstaganden/ny\?"))
    assert page.locator("input[name=nyckel]").input_value() == key
    for kind in ("godtagen_risk", "atgardad", "felaktiga_uppgifter"):
        assert page.locator(f"input[type=radio][name=slag][value={kind}]").count() == 1
    assert page.locator("textarea[name=motivering]").count() == 1
    assert page.locator("input[type=date][name=beslutad]").count() == 1
    assert page.locator("input[type=date][name=giltig_till]").count() == 1
    accessible(page, "stallningstagande_formular")
    page.check("input[name=slag][value=godtagen_risk]")
    page.fill("textarea[name=motivering]", reason)
    page.fill("input[name=beslutad_av]", "Anna Inspektör")
    # on or before the demo county's day (2026-11-20): a decision taken after the run's day does not apply yet
    page.fill("input[name=beslutad]", "2026-11-01")
    page.fill("input[name=giltig_till]", "2027-06-30")
    _follow(page, page.get_by_role("button", name="Spara ställningstagande"))
    page.wait_for_url(re.compile(rf"/verksamhet/{facility}\?"))
    for _ in range(2):  # as redirected, then the brief run again
        text = page.locator("body").inner_text()
        assert "Ställningstagande:" in text and reason in text
        page.goto(f"/verksamhet/{facility}?datamangd=demo")
    accessible(page, f"verksamhet_{facility}_med_stallningstagande")

    answer = httpx.post(base_url + "/api/v1/datamangder/demo/kontroll", json={}, timeout=120)
    decided = [f for f in answer.json()["findings"] if f["key"] == key]
    assert decided and decided[0].get("decision", {}).get("reason") == reason

    page.goto("/?datamangd=demo")
    main = page.locator("#innehall").inner_text()
    assert re.search(r"ställningstagande", main, re.I), "översikten räknar inte ställningstagandena"
    page.goto("/stallningstaganden")
    assert reason in page.locator("#innehall").inner_text()
    page.goto("/atkomstlogg")
    log = page.locator("table").first.inner_text()
    assert facility in log or "HVB Granen" in log, "åtkomstloggen visar inte vem som såg verksamheten"


def test_uploading_a_data_set_offers_it(page, accessible, tmp_path):
    archive = tmp_path / "demo.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted((ROOT / "fixtures" / "demo").iterdir()):
            out.write(path, path.name)
    page.goto("/datamangder")
    page.set_input_files("input[name=fil]", str(archive))
    _follow(page, page.get_by_role("button", name="Ladda upp"))
    page.goto("/")
    offered = page.locator("select[name=datamangd] option").evaluate_all("os => os.map(o => o.value)")
    assert any(name.startswith("uppladdad-") for name in offered), offered


def test_the_rule_catalogue_links_every_rule_to_its_page(page, accessible):
    from regelkoll import api

    page.goto("/regler")
    hrefs = page.locator("table a[href^='/regler/']").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    linked = {urlsplit(h).path.removeprefix("/regler/") for h in hrefs}
    missing = {r.rule.id for r in api.load_rules().rules} - linked
    assert not missing, f"regler utan sida i katalogen: {sorted(missing)}"
    _follow(page, page.locator("table a[href='/regler/LE-01']").first)
    assert "LE-01" in page.locator("h1").inner_text()
    for heading in ("Versioner", "Lagrum", "Exempel", "Scenarier"):
        assert page.get_by_role("heading", name=heading, exact=True).count() == 1, f"rubriken {heading} saknas"
