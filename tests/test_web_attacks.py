"""`regelkoll serve` attacked as a careless data supplier, a curious colleague and a hostile uploader would.

One app for the module over a small data set of its own (one facility whose name carries markup and a personal
identity number), so that each check takes a second, not the demo county's four.
"""

from __future__ import annotations

import io
import re
import shutil
import tarfile
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from regelkoll.web.app import create_app
from regelkoll.web.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
NUMBER = "19990115-2380"  # the demo's Simone Johansson; also written into the facility's name below
UNMASKED = re.compile(r"(?<!\d)(?:19|20)?990115-?2380(?!\d)")
HOSTILE_NAME = f'HVB <script>alert(1)</script> "><img src=x onerror=alert(2)> {NUMBER}'
KEY = "TS-SOL-02/hvb-tallen/verksamhet/hvb-tallen"


def _small(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(DEMO / "00_kontext.yaml", folder)
    (folder / "01_organisationer.yaml").write_text(
        "organisation:\n- id: org-tallen\n  namn: Tallens Behandlingshem AB\n  organisationsnummer: 556000-0001\n"
        "  regi: enskild\n", encoding="utf-8")
    text = (DEMO / "hvb-tallen.yaml").read_text(encoding="utf-8")
    (folder / "hvb-tallen.yaml").write_text(text.replace("namn: HVB Tallen", f"namn: '{HOSTILE_NAME}'"),
                                            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("attacks")
    data = tmp / "data"
    for name in ("liten", "tvilling-a", "tvilling-b", "andras"):
        _small(data / name)
    settings = Settings(data=data, uploads=tmp / "uploads", database_url=f"sqlite:///{tmp}/db", jobs=1)
    with TestClient(create_app(settings)) as client:
        yield client, data


@pytest.fixture(scope="module")
def client(env):
    return env[0]


def token(client, url: str) -> str:
    return lxml.html.fromstring(client.get(url).text).xpath("//input[@name='csrf']/@value")[0]


def looks(client, facility: str) -> list[dict]:
    return [row for row in client.get("/api/v1/atkomstlogg").json()["atkomstlogg"] if row["facility"] == facility]


def test_a_brief_refused_for_a_facility_that_does_not_exist_is_not_logged_as_a_look(client):
    assert client.get("/verksamhet/finns-inte", params={"datamangd": "liten"}).status_code == 404
    assert client.get("/api/v1/datamangder/liten/verksamheter/finns-inte/besok").status_code == 404
    assert looks(client, "finns-inte") == []
    # nothing was shown; a brief that was shown is logged
    assert client.get("/verksamhet/hvb-tallen", params={"datamangd": "liten"}).status_code == 200
    assert [row["action"] for row in looks(client, "hvb-tallen")] == ["besok"]


def test_an_archive_of_a_folder_made_with_tar_dot_is_taken(client):
    # `tar -czf data.tar.gz -C folder .` names the folder itself `./` and each file `./name`
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as t:
        t.add(DEMO / "00_kontext.yaml", arcname="./00_kontext.yaml")
        t.add(DEMO, arcname=".", recursive=False)
        t.add(DEMO / "hvb-tallen.yaml", arcname="./hvb-tallen.yaml")
    answer = client.post("/api/v1/datamangder", files={"fil": ("data.tar.gz", buffer.getvalue())})
    assert answer.status_code == 201, answer.text
    # and a member that does climb out is still refused
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as t:
        t.add(DEMO / "00_kontext.yaml", arcname="../00_kontext.yaml")
    answer = client.post("/api/v1/datamangder", files={"fil": ("ut.tar.gz", buffer.getvalue())})
    assert answer.status_code == 422 and answer.json()["errors"][0]["code"] == "RK-W043"


def test_the_overview_masks_a_number_in_a_facility_name_and_escapes_its_markup(client):
    html = client.get("/", params={"datamangd": "liten"}).text
    assert "19990115-****" in html  # the facility is listed, by its masked name
    assert not UNMASKED.search(html)
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_a_decision_that_names_a_person_by_number_is_masked_on_every_page_that_does_not_unmask(client):
    answer = client.post("/api/v1/stallningstaganden", json={
        "nyckel": KEY, "slag": "godtagen_risk", "motivering": f"ärende om {NUMBER} <b>fet</b>",
        "beslutad_av": f"Eva {NUMBER}", "beslutad": "2026-01-01", "giltig_till": "2027-12-31"})
    assert answer.status_code == 201, answer.text
    for url in ("/verksamhet/hvb-tallen?datamangd=liten", "/stallningstaganden",
                f"/stallningstaganden/ny?datamangd=liten&nyckel={KEY}"):
        html = client.get(url).text
        assert "990115-****" in html, url
        assert not UNMASKED.search(html), url
        assert "<b>fet</b>" not in html, url
    # the brief unmasked, with a purpose, shows the decision as it was written
    html = client.get("/verksamhet/hvb-tallen", params={"datamangd": "liten", "visa_personnummer": "1",
                                                        "andamal": "Dnr 3.1-2026/17"}).text
    assert f"ärende om {NUMBER}" in html


def test_the_access_log_page_masks_a_number_typed_as_the_purpose(client):
    answer = client.get("/verksamhet/hvb-tallen", params={"datamangd": "liten", "visa_personnummer": "1",
                                                          "andamal": f"utredning av {NUMBER}"})
    assert answer.status_code == 200
    html = client.get("/atkomstlogg").text
    assert "utredning av 19990115-****" in html
    assert not UNMASKED.search(html)


def test_the_api_masks_numbers_people_typed_unless_asked_with_a_purpose_which_is_logged(client):
    client.post("/api/v1/stallningstaganden", json={
        "nyckel": KEY, "slag": "atgardad", "motivering": f"ärende om {NUMBER}", "beslutad_av": "Eva",
        "beslutad": "2026-01-01", "giltig_till": "2027-12-31"})
    client.get("/verksamhet/hvb-tallen", params={"datamangd": "liten", "visa_personnummer": "1",
                                                "andamal": f"utredning av {NUMBER}"})
    for url, action in (("/api/v1/stallningstaganden", "api-stallningstaganden"),
                        ("/api/v1/atkomstlogg", "api-atkomstlogg")):
        masked = client.get(url)
        assert masked.status_code == 200 and "19990115-****" in masked.text, url
        assert not UNMASKED.search(masked.text), url
        refused = client.get(url, params={"visa_personnummer": "true"})
        assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "RK-W020", url
        shown = client.get(url, params={"visa_personnummer": "true", "andamal": "Dnr 3.1-2026/18"})
        assert shown.status_code == 200 and NUMBER in shown.text, url
        latest = client.get("/api/v1/atkomstlogg").json()["atkomstlogg"][0]
        assert (latest["action"], latest["unmasked"], latest["reason"]) == (action, True, "Dnr 3.1-2026/18"), url


@pytest.mark.parametrize("url", ["/datamangder", "/ansokan", "/stallningstaganden"])
def test_a_form_the_server_cannot_read_is_answered_with_a_swedish_page(client, url):
    answer = client.post(url, content=b"inte multipart", headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert "RK-W063" in answer.text and "formuläret kan inte läsas" in answer.text
    # an address that is not an API route is still a page, with Swedish words
    answer = client.put("/")
    assert answer.status_code == 405 and "RK-W062" in answer.text


def test_a_server_on_the_loopback_address_answers_only_to_its_own_names(client):
    from regelkoll.web.hosts import LOOPBACK_NAMES

    settings = client.app.state.settings
    guarded = Settings(data=settings.data, uploads=settings.uploads, database_url=settings.database_url,
                       allowed_hosts=(*LOOPBACK_NAMES, "127.0.0.1"))
    with TestClient(create_app(guarded, client.app.state.service), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/regler").status_code == 200
        for host in ("localhost:8000", "[::1]:8000", "127.0.0.1"):
            assert c.get("/regler", headers={"Host": host}).status_code == 200, host
        # another site's name resolved to 127.0.0.1 (DNS rebinding) reads no brief and no API answer
        rebound = c.get("/verksamhet/hvb-tallen", params={"datamangd": "liten"}, headers={"Host": "evil.example"})
        assert rebound.status_code == 400 and "RK-W063" in rebound.text and "Tallen" not in rebound.text
        api = c.get("/api/v1/atkomstlogg", headers={"Host": "evil.example:8000"})
        assert api.status_code == 400 and api.json()["errors"][0]["code"] == "RK-W063"


def test_serve_on_loopback_names_the_hosts_it_answers_to(monkeypatch, tmp_path):
    import uvicorn

    from regelkoll import serve_cli
    from regelkoll.web import service

    seen = {}
    monkeypatch.setattr(uvicorn.Server, "run", lambda server, sockets=None: seen.update(
        settings=server.config.app.state.settings))
    monkeypatch.setattr(service.Service, "__init__", lambda self, settings: None)
    monkeypatch.setattr(service.Service, "close", lambda self: None, raising=False)
    serve_cli.serve(data=tmp_path, host="127.0.0.1", port=0, uploads=tmp_path / "up", database=None, rules=None,
                    jobs=0, user_header=None, report_cache_mb=64)
    assert {"127.0.0.1", "localhost"} <= set(seen["settings"].allowed_hosts)
    monkeypatch.setenv("REGELKOLL_API_TOKENS", "a=hemlig")
    serve_cli.serve(data=tmp_path, host="0.0.0.0", port=0, uploads=tmp_path / "up", database=None, rules=None,
                    jobs=0, user_header="X-Remote-User", report_cache_mb=64)
    assert seen["settings"].allowed_hosts == ()


@pytest.mark.parametrize("key, said", [("FINNS-EJ/hvb-tallen/verksamhet/hvb-tallen", "regeln 'FINNS-EJ'"),
                                       ("TS-SOL-02/hvb-talen/verksamhet/hvb-talen", "'hvb-talen' är ingen")])
def test_a_decision_about_a_rule_or_unit_that_does_not_exist_is_refused_at_the_key(client, key, said):
    form = {"csrf": token(client, "/stallningstaganden/ny?datamangd=liten"), "nyckel": key, "slag": "atgardad",
            "motivering": "åtgärdat", "beslutad_av": "Eva", "beslutad": "2026-01-01", "giltig_till": "2026-12-31",
            "datamangd": "liten"}
    answer = client.post("/stallningstaganden", data=form, follow_redirects=False)
    assert answer.status_code == 422, answer.headers.get("location")
    shown = lxml.html.fromstring(answer.text).text_content()
    assert "RK-W073" in shown and said in shown
    assert all(d["nyckel"] != key for d in client.get("/api/v1/stallningstaganden").json()["stallningstaganden"])


def test_a_broken_file_added_to_a_data_set_is_reported_by_the_next_check(env):
    client, data = env
    first = client.post("/api/v1/datamangder/andras/kontroll").json()
    assert not [e for e in first["errors"] if e["code"] == "RK-Y001"]
    # the same facts and one more file that cannot be read: the facts' digest is unchanged
    (data / "andras" / "trasig.yaml").write_text("kontext: [ofullständig\n", encoding="utf-8")
    again = client.post("/api/v1/datamangder/andras/kontroll").json()
    assert [e["file"].rsplit("/", 1)[-1] for e in again["errors"] if e["code"] == "RK-Y001"] == ["trasig.yaml"]
    html = client.get("/", params={"datamangd": "andras"}).text
    assert "RK-Y001" in html and "trasig.yaml" in html


def test_two_data_sets_with_the_same_facts_each_get_their_own_report(env):
    client, data = env
    a = client.post("/api/v1/datamangder/tvilling-a/kontroll").json()
    b = client.post("/api/v1/datamangder/tvilling-b/kontroll").json()
    assert a["run"]["source"].endswith("tvilling-a") and b["run"]["source"].endswith("tvilling-b")
    sources = re.findall(r"tvilling-[ab]", str(b["findings"]))
    assert sources and set(sources) == {"tvilling-b"}


@pytest.mark.parametrize("content", [b"hej: 1\n", b"\xff\xfe\x00\x01", b"- a\n- b\n"],
                         ids=["yaml", "binar", "lista"])
def test_an_uploaded_application_that_is_not_one_is_a_page_of_codes_not_a_failure(client, content):
    form = {"csrf": token(client, "/ansokan"), "datamangd": "liten"}
    answer = client.post("/ansokan", data=form, files={"fil": ("inte-en-ansokan.yaml", content)})
    assert answer.status_code < 500, answer.text[-2000:]
    shown = lxml.html.fromstring(answer.text).text_content()
    assert "RK-W500" not in shown and re.search(r"RK-[A-Z]\d{3}", shown)
    assert "inte-en-ansokan.yaml" in shown


def test_serve_says_a_port_in_use_and_folders_it_cannot_use_as_errors_before_it_starts(monkeypatch, tmp_path):
    import socket

    from regelkoll import serve_cli
    from regelkoll.diagnostics import DiagnosticError

    monkeypatch.delenv("REGELKOLL_API_TOKENS", raising=False)
    options = {"host": "127.0.0.1", "database": None, "rules": None, "jobs": 0, "user_header": None}
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    a_file = tmp_path / "fil"
    a_file.write_text("x", encoding="utf-8")
    try:
        for kwargs, code, field in (
                ({"port": taken.getsockname()[1], "data": tmp_path, "uploads": tmp_path / "up"}, "RK-W002", "--port"),
                ({"port": 8123, "data": tmp_path / "finns-inte", "uploads": tmp_path / "up"}, "RK-W003", "--data"),
                ({"port": 8123, "data": tmp_path, "uploads": a_file}, "RK-W003", "--uploads")):
            with pytest.raises(DiagnosticError) as raised:
                serve_cli.serve(**options, **kwargs)
            assert [(d.code, d.field) for d in raised.value.diagnostics] == [(code, field)], kwargs
    finally:
        taken.close()


# the store on SQLite and on PostgreSQL (REGELKOLL_TEST_POSTGRES_URL), as tests/test_web_storage.py runs it
from tests.test_web_storage import database_url, postgres_database, postgres_server  # noqa: E402, F401


def test_a_nul_typed_into_a_name_purpose_or_decision_is_no_database_failure(database_url):  # noqa: F811
    from regelkoll.diagnostics import DiagnosticError
    from regelkoll.web.storage import AccessEntry, Store

    store = Store(database_url)
    try:
        # PostgreSQL takes no NUL in text: the look was a 500 (`/verksamhet/x?namn=%00`), so nothing was shown
        store.log_access(AccessEntry("Eva\x00", "127.0.0.1", "besok", "liten", "hvb-tallen", True, "Dnr\x001"))
        (row,) = store.access_log(facility="hvb-tallen")
        assert "\x00" not in row["who"] + row["reason"] and row["who"].startswith("Eva")
        assert store.access_log(facility="hvb\x00tallen") == []
        with pytest.raises(DiagnosticError) as refused:
            store.save_decision({"nyckel": KEY, "slag": "atgardad", "motivering": "klart\x00", "beslutad_av": "Eva",
                                 "beslutad": "2026-01-01", "giltig_till": "2026-12-31"}, "Eva")
        assert [(d.code, d.field) for d in refused.value.diagnostics] == [("RK-D003", "motivering")]
        assert store.decisions() == [] and store.delete_decision(KEY + "\x00") is False
    finally:
        store.close()


def test_a_nul_in_a_page_or_api_request_is_answered_not_failed(client):
    assert client.get("/verksamhet/hvb-tallen", params={"datamangd": "liten", "namn": "Eva\x00"}).status_code == 200
    assert client.get("/api/v1/atkomstlogg", params={"verksamhet": "a\x00"}).json() == {"atkomstlogg": []}
    answer = client.post("/api/v1/stallningstaganden", json={
        "nyckel": KEY, "slag": "atgardad", "motivering": "x\x00", "beslutad_av": "Eva", "beslutad": "2026-01-01",
        "giltig_till": "2026-12-31"})
    assert answer.status_code == 422 and answer.json()["errors"][0]["code"] == "RK-D003"
