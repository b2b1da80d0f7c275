"""The Swedish pages (engine/web/pages.py and page_*.py) through FastAPI's TestClient, one app for the module.

The overview is held to the command line: its counts are those of `regelkoll check fixtures/demo --format json`,
computed here from that report, never written down.
"""

from __future__ import annotations

import io
import json
import re
import stat
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from fastapi.testclient import TestClient

from regelkoll import api
from regelkoll.web.app import create_app
from regelkoll.web.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
MENU = {"/": "Översikt", "/datamangder": "Ladda upp datamängd", "/ansokan": "Ansökan", "/regler": "Regler",
        "/stallningstaganden": "Ställningstaganden", "/atkomstlogg": "Åtkomstlogg"}
UNMASKED = re.compile(r"\b(19|20)[0-9]{6}-[0-9]{4}\b")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    app = create_app(Settings(data=ROOT / "fixtures", uploads=tmp / "uploads", database_url=f"sqlite:///{tmp}/db"))
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def cli_report():
    """The findings of `regelkoll check fixtures/demo --format json`, as the command writes them."""
    done = subprocess.run([str(Path(sys.executable).parent / "regelkoll"), "check", str(DEMO), "--format", "json"],
                          capture_output=True, cwd=ROOT, timeout=600)
    assert done.returncode == 1, done.stderr.decode()  # the demo county has violations
    return json.loads(done.stdout)


def page(response):
    return lxml.html.fromstring(response.text)


def text(node) -> str:
    return " ".join(node.text_content().split())


def token(client, url: str) -> str:
    return page(client.get(url)).xpath("//input[@name='csrf']/@value")[0]


def overview_counts(tree) -> dict[str, tuple[int, int, int]]:
    """Per unit id: violations, to be investigated, not assessable, as the overview's table shows them."""
    out = {}
    for row in tree.xpath("//table[contains(@class,'overview')]/tbody/tr"):
        unit = row.xpath(".//th//span[@class='id']/text()")[0].strip("[]")
        cells = [int(text(td)) for td in row.xpath("./td[contains(@class,'num')]")]
        out[unit] = tuple(cells)
    return out


def json_counts(findings, keep=lambda row: True) -> dict[str, tuple[int, int, int]]:
    by = Counter((row["facility_id"], row["outcome"]) for row in findings if keep(row))
    units = {row["facility_id"] for row in findings}
    return {u: (by[u, "violation"], by[u, "indication"], by[u, "undetermined"]) for u in units}


@pytest.mark.parametrize("url, heading", [
    ("/", "Översikt"), ("/datamangder", "Ladda upp datamängd"), ("/ansokan", "Granska en ansökan om tillstånd"),
    ("/regler", "Regler"), ("/regler/PS-01", "PS-01: "), ("/stallningstaganden", "Ställningstaganden"),
    ("/stallningstaganden/ny?datamangd=demo&nyckel=PS-01/klinik-glans/engagemang/x", "Registrera ställningstagande"),
    ("/atkomstlogg", "Åtkomstlogg"), ("/verksamhet/hvb-granen?datamangd=demo", "Inför besök: HVB Granen"),
])
def test_every_page_has_the_frame(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    tree = page(response)
    assert tree.get("lang") == "sv"
    h1 = tree.xpath("//h1")
    assert len(h1) == 1 and text(h1[0]).startswith(heading)
    assert tree.xpath("//a[@class='skip']/@href") == ["#innehall"]
    assert tree.xpath("//main/@id") == ["innehall"]
    nav = tree.xpath("//nav[@aria-label='Huvudmeny']")[0]
    assert {a.get("href"): text(a) for a in nav.xpath(".//a")} == MENU
    for control in tree.xpath("//input[not(@type='hidden') and not(@type='submit')] | //select | //textarea"):
        assert tree.xpath(f"//label[@for='{control.get('id')}']"), f"{url}: {control.get('name')} has no label"
    for table in tree.xpath("//table"):
        assert table.xpath("./caption"), f"{url}: a table without caption"
    assert "no-store" in response.headers["cache-control"]
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_the_overview_counts_what_the_cli_reports(client, cli_report):
    tree = page(client.get("/?datamangd=demo"))
    shown = overview_counts(tree)
    assert shown == json_counts(cli_report["findings"])
    violations = [v for v, _, _ in shown.values()]
    assert violations == sorted(violations, reverse=True)  # most first
    totals = [int(text(td)) for td in tree.xpath("//table[contains(@class,'overview')]/tfoot//td[@class='num']")]
    assert totals[0] == sum(1 for row in cli_report["findings"] if row["outcome"] == "violation")
    first = tree.xpath("//table[contains(@class,'overview')]/tbody/tr[1]//a")[0]
    unit = tree.xpath("//table[contains(@class,'overview')]/tbody/tr[1]//span[@class='id']/text()")[0].strip("[]")
    assert first.get("href") == f"/verksamhet/{unit}?datamangd=demo"
    assert text(first) == next(r["facility_name"] for r in cli_report["findings"] if r["facility_id"] == unit)
    assert "Filtrerad översikt" not in text(tree)


def test_filters_narrow_the_counts_and_say_so(client, cli_report):
    findings = cli_report["findings"]
    tree = page(client.get("/?datamangd=demo&allvarlighet=allvarlig"))
    assert "Filtrerad översikt – inte hela bilden" in text(tree)
    want = json_counts(findings, lambda row: row["severity"] == "allvarlig")
    got = overview_counts(tree)
    assert {u: c for u, c in got.items() if any(c)} == {u: c for u, c in want.items() if any(c)}
    assert sum(c[0] for c in got.values()) < sum(c[0] for c in json_counts(findings).values())

    rule = "RK-HVB-06"
    got = overview_counts(page(client.get(f"/?datamangd=demo&regel={rule}")))
    want = json_counts(findings, lambda row: row["rule_id"] == rule)
    assert {u: c for u, c in got.items() if any(c)} == {u: c for u, c in want.items() if any(c)}

    tree = page(client.get("/?datamangd=demo&typ=hvb"))
    kinds = {text(row.xpath("./td[1]")[0]) for row in tree.xpath("//table[contains(@class,'overview')]/tbody/tr")}
    assert kinds == {"HVB"}
    assert "bara verksamheter av typen HVB" in text(tree)


def test_a_filter_that_names_nothing_is_shown_at_its_field(client):
    response = client.get("/?datamangd=demo&typ=rymdstation")
    assert response.status_code == 422
    tree = page(response)
    select = tree.xpath("//select[@name='typ']")[0]
    assert select.get("aria-invalid") == "true"
    error = tree.xpath(f"//*[@id='{select.get('aria-describedby')}']")[0]
    assert "RK-W073" in text(error)


def test_a_post_without_its_token_is_refused(client):
    form = {"nyckel": "PS-01/klinik-glans/engagemang/x", "datamangd": "demo", "slag": "atgardad",
            "motivering": "m", "beslutad_av": "A", "beslutad": "2026-11-01", "giltig_till": "2027-01-01"}
    response = client.post("/stallningstaganden", data=form)
    assert response.status_code == 403 and "RK-W070" in response.text
    response = client.post("/stallningstaganden", data={**form, "csrf": "0" * 64})
    assert response.status_code == 403 and "RK-W070" in response.text
    good = token(client, "/stallningstaganden/ny?datamangd=demo")
    response = client.post("/stallningstaganden", data={**form, "csrf": good}, headers={"origin": "https://evil.example"})
    assert response.status_code == 403 and "RK-W070" in response.text
    assert not any(d["nyckel"] == form["nyckel"] for d in client.app.state.service.store.decisions())
    cookie = client.get("/").headers.get("set-cookie") or ""
    assert cookie == "" or ("HttpOnly" in cookie and "samesite=strict" in cookie.lower())


def test_a_decision_is_recorded_and_shown_on_the_next_brief(client):
    brief = page(client.get("/verksamhet/hvb-granen?datamangd=demo"))
    link = brief.xpath("//a[starts-with(normalize-space(.), 'Registrera ställningstagande')]/@href")[0]
    key = parse_qs(urlsplit(link).query)["nyckel"][0]
    form = page(client.get(link))
    values = {"csrf": form.xpath("//input[@name='csrf']/@value")[0], "nyckel": key, "datamangd": "demo",
              "slag": "godtagen_risk", "motivering": "Utdraget visades vid besöket, dnr 3.5-99/2026",
              "beslutad_av": "Anna Inspektör", "beslutad": "2026-11-01", "giltig_till": "2027-03-31"}
    wrong = client.post("/stallningstaganden", data={**values, "giltig_till": "2026-01-01"}, follow_redirects=False)
    assert wrong.status_code == 422
    field = page(wrong).xpath("//input[@name='giltig_till']")[0]
    assert field.get("aria-invalid") == "true" and "RK-D003" in text(page(wrong))
    saved = client.post("/stallningstaganden", data=values, follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/verksamhet/{key.split('/')[1]}?datamangd=demo"
    after = page(client.get(saved.headers["location"]))
    notes = [text(p) for p in after.xpath("//p[contains(@class,'decision')]")]
    assert any(n.startswith("Ställningstagande: godtagen risk") and "dnr 3.5-99/2026" in n and "Anna Inspektör" in n
               and "2027-03-31" in n for n in notes), notes
    listed = text(page(client.get("/stallningstaganden")))
    assert key in listed and "Anna Inspektör" in listed


def test_a_decision_taken_after_the_data_s_day_is_shown_as_not_applying(client):
    brief = page(client.get("/verksamhet/klinik-glans?datamangd=demo"))
    link = brief.xpath("//a[starts-with(normalize-space(.), 'Registrera ställningstagande')]/@href")[-1]
    key = parse_qs(urlsplit(link).query)["nyckel"][0]
    as_of = api.assessment_day(api.read_facts(DEMO))[0]
    values = {"csrf": token(client, link), "nyckel": key, "datamangd": "demo", "slag": "atgardad",
              "motivering": "Åtgärdat efter besöket", "beslutad_av": "Bo Berg",
              "beslutad": (as_of + timedelta(days=5)).isoformat(), "giltig_till": "2027-06-30"}
    assert client.post("/stallningstaganden", data=values, follow_redirects=False).status_code == 303
    notes = [text(p) for p in page(client.get("/verksamhet/klinik-glans?datamangd=demo")).xpath(
        "//p[contains(@class,'decision')]")]
    assert any(n.startswith("Ställningstagande: åtgärdad – gäller inte för detta underlag") and "efter "
               "bedömningsdagen" in n for n in notes), notes


def test_a_decision_without_a_kind_is_asked_for_again(client):
    values = {"csrf": token(client, "/stallningstaganden/ny?datamangd=demo"), "nyckel": "PS-01/a/b/c",
              "datamangd": "demo", "motivering": "x", "beslutad_av": "A", "beslutad": "2026-11-01",
              "giltig_till": "2027-01-01"}
    response = client.post("/stallningstaganden", data=values)
    assert response.status_code == 422
    tree = page(response)
    assert tree.xpath("//fieldset[@aria-invalid='true']") and "RK-D003" in text(tree)


def test_unmasking_asks_for_a_purpose_and_is_logged(client):
    url = "/verksamhet/hvb-granen?datamangd=demo&visa_personnummer=1&namn=Ola+Granskare"
    refused = client.get(url)
    assert refused.status_code == 422
    tree = page(refused)
    purpose = tree.xpath("//input[@name='andamal']")[0]
    assert purpose.get("aria-invalid") == "true"
    assert "RK-W020" in text(tree.xpath(f"//*[@id='{purpose.get('aria-describedby')}']")[0])
    assert not UNMASKED.search(refused.text)
    shown = client.get(url + "&andamal=dnr+8.1-77%2F2026")
    assert shown.status_code == 200 and UNMASKED.search(shown.text)
    assert "personnummer omaskerade med ändamålet" in text(page(shown))
    log = client.app.state.service.store.access_log(facility="hvb-granen")
    assert log[0]["unmasked"] and log[0]["reason"] == "dnr 8.1-77/2026" and log[0]["who"] == "Ola Granskare"
    assert "dnr 8.1-77/2026" in text(page(client.get("/atkomstlogg?verksamhet=hvb-granen")))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, (2026, 11, 20, 0, 0, 0))
            info.external_attr = (stat.S_IFREG | 0o644) << 16  # a regular file, as `zip` writes it
            z.writestr(info, content)
    return buffer.getvalue()


def test_a_zipped_data_set_is_uploaded_and_checked(client, cli_report):
    archive = _zip({p.name: p.read_bytes() for p in sorted(DEMO.iterdir()) if p.is_file()})
    response = client.post("/datamangder", data={"csrf": token(client, "/datamangder")},
                           files={"fil": ("demo.zip", archive, "application/zip")}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/?datamangd=uppladdad-")
    shown = overview_counts(page(client.get(response.headers["location"])))
    assert shown == json_counts(cli_report["findings"])


def test_an_archive_that_climbs_out_is_refused_at_the_field(client):
    archive = _zip({"../x.yaml": b"kontext: {per_datum: '2026-01-01'}\n"})
    before = client.app.state.service.datasets()
    response = client.post("/datamangder", data={"csrf": token(client, "/datamangder")},
                           files={"fil": ("ond.zip", archive, "application/zip")}, follow_redirects=False)
    assert response.status_code == 422
    tree = page(response)
    field = tree.xpath("//input[@name='fil']")[0]
    assert field.get("aria-invalid") == "true"
    described = " ".join(text(tree.xpath(f"//*[@id='{i}']")[0]) for i in field.get("aria-describedby").split())
    assert "RK-W043" in described and "lämnar arkivet" in described
    assert client.app.state.service.datasets() == before


def test_an_incomplete_application_gets_requests_for_completion(client):
    path = ROOT / "fixtures" / "ansokningar" / "02_ofullstandig.yaml"
    expected = api.screening_document(api.screen(path, rules=client.app.state.service.rules))["komplettering"]
    assert expected
    response = client.post("/ansokan", data={"csrf": token(client, "/ansokan"), "datamangd": ""},
                           files={"fil": (path.name, path.read_bytes(), "application/x-yaml")})
    assert response.status_code == 200
    tree = page(response)
    assert text(tree.xpath("//h1")[0]) == "Granskning av ansökan"
    section = tree.xpath("//section[h2[normalize-space(.)='Begäran om komplettering']]")[0]
    listed = section.xpath(".//li//a/text()")
    assert listed == [item["regel"] for item in expected]
    assert "ansokningar/" not in text(tree.xpath("//p[@class='meta']")[0])  # no server path


def test_an_application_filled_in_on_the_page_is_screened(client):
    values = {"csrf": token(client, "/ansokan"), "datamangd": "", "avser": "ny", "sokande_namn": "Nya Omsorg AB",
              "sokande_orgnr": "556016-0680", "sokande_form": "aktiebolag", "verksamhet_typ": "hvb",
              "alder_fran": "13", "alder_till": "17", "barn": "ja", "person_1_namn": "Lars Ek",
              "person_1_personnummer": "19690611-2393", "person_1_roll": "styrelseledamot",
              "person_2_roll": "", "person_3_roll": ""}
    response = client.post("/ansokan/formular", data=values)
    assert response.status_code == 200, response.text[:2000]
    tree = page(response)
    section = tree.xpath("//section[h2[normalize-space(.)='Begäran om komplettering']]")[0]
    assert section.xpath(".//li")  # a hand-filled application this short lacks most of what the statute asks
    assert not UNMASKED.search(response.text)
    bad = client.post("/ansokan/formular", data={**values, "platser": "åtta"})
    assert bad.status_code == 422
    field = page(bad).xpath("//input[@name='platser']")[0]
    assert field.get("aria-invalid") == "true" and "RK-W073" in bad.text


def test_a_rule_page_has_versions_legal_basis_examples_and_scenarios(client):
    tree = page(client.get("/regler/PS-01"))
    assert [text(h) for h in tree.xpath("//h2")][1:5] == ["Versioner", "Lagrum", "Exempel", "Scenarier"]
    assert tree.xpath("//section[h2='Lagrum']//a[starts-with(@href, 'https://')]")
    scenarios = tree.xpath("//section[h2='Scenarier']//pre/text()")
    assert scenarios and all("PS-01" in s for s in scenarios)
    catalogue = page(client.get("/regler"))
    assert len(catalogue.xpath("//table/tbody/tr")) == len(client.app.state.service.rules.rules)
    missing = client.get("/regler/PS-1")
    assert missing.status_code == 404 and "RK-W072" in missing.text and "PS-01" in missing.text


def test_errors_are_swedish_pages(client):
    for url, code in (("/finns-inte", "RK-W071"), ("/verksamhet/ingen?datamangd=demo", "RK-E004"),
                      ("/?datamangd=ingen", "RK-W010"), ("/verksamhet/hvb-granen?datamangd=../demo", "RK-W010")):
        response = client.get(url)
        assert response.status_code == 404, url
        tree = page(response)
        assert tree.get("lang") == "sv" and len(tree.xpath("//h1")) == 1 and code in text(tree), url
    assert client.get("/api/v1/finns-inte").headers["content-type"].startswith("application/json")


def test_an_installed_server_says_where_the_scenarios_are(client, monkeypatch, tmp_path):
    from regelkoll.web import page_scenarios

    monkeypatch.setattr(page_scenarios, "FEATURES", tmp_path / "features")  # a wheel has no features/ folder
    section = page(client.get("/regler/PS-01")).xpath("//section[h2='Scenarier']")[0]
    assert not section.xpath(".//pre") and "features/*.feature" in text(section) and "PS-01" in text(section)


def test_an_upload_larger_than_the_server_takes_is_refused_before_it_is_read(client, tmp_path):
    settings = Settings(data=ROOT / "fixtures", uploads=tmp_path, database_url="sqlite://", max_upload_bytes=1024)
    with TestClient(create_app(settings, service=client.app.state.service)) as small:
        response = small.post("/datamangder", data={"csrf": token(small, "/datamangder")},
                              files={"fil": ("stor.yaml", b"#" * 200_000, "application/x-yaml")})
    # refused by the size limit before the page's handler runs (engine/web/limits.py): a Swedish error page
    assert response.status_code == 413
    assert "RK-W040" in response.text and page(response).xpath("//html/@lang") == ["sv"]
    assert not any(tmp_path.iterdir())
