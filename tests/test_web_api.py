"""The HTTP API (/api/v1): the command line's documents byte for byte, its errors as JSON with its codes, the
API token, the body-size limit, an OpenAPI schema that documents every endpoint and error, and a crash in the
engine that costs one unit of one request, never the server."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from regelkoll.web.app import create_app
from regelkoll.web.service import Service
from regelkoll.web.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
TOKENS = {"hemlig-nyckel-1": "ärendesystemet"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One service for the module (a check takes seconds), behind an open app and one that asks for tokens.
    The data folder is `fixtures`, as `regelkoll serve` run in the checkout names it: the report's source is
    then `fixtures/demo`, as the CLI's run on that path."""
    tmp = tmp_path_factory.mktemp("api")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        settings = Settings(data=Path("fixtures"), uploads=tmp / "uppladdat", database_url=f"sqlite:///{tmp}/db",
                            jobs=2)
        service = Service(settings)
        try:
            open_app = create_app(settings, service)
            guarded = create_app(Settings(**{**settings.__dict__, "api_tokens": TOKENS}), service)
            yield TestClient(open_app), TestClient(guarded), service
        finally:
            service.close()


@pytest.fixture(scope="module")
def client(served):
    return served[0]


def _cli(*args: str, cwd: Path = ROOT) -> bytes:
    done = subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], capture_output=True, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def _codes(response) -> list[str]:
    return [e["code"] for e in response.json()["errors"]]


# --- the command line's documents ---------------------------------------------------------------------------

def test_the_check_of_the_demo_county_is_the_cli_report_byte_for_byte_and_is_recorded(served, client):
    service = served[2]
    runs = len(service.store.runs())
    response = client.post("/api/v1/datamangder/demo/kontroll", json={"format": "json"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.content == _cli("check", "fixtures/demo", "--format", "json")
    doc = response.json()
    recorded = service.store.runs()[0]
    assert len(service.store.runs()) == runs + 1
    assert (recorded["kind"], recorded["dataset"], recorded["who"]) == ("kontroll", "demo", "utan token")
    assert (recorded["violations"], recorded["indications"], recorded["undetermined"]) == (
        doc["run"]["counts"]["violation"], doc["run"]["counts"]["indication"], doc["run"]["counts"]["undetermined"])
    assert recorded["facts_digest"] == doc["run"]["facts_digest"]


def test_json_lines_and_a_narrowed_check_are_the_cli_report_byte_for_byte(client):
    response = client.post("/api/v1/datamangder/demo/kontroll", json={"format": "jsonl"})
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.content == _cli("check", "fixtures/demo", "--format", "jsonl")
    options = {"format": "jsonl", "verksamheter": ["klinik-glans"], "regler": ["PS-*"], "hoppa_over": ["PS-02"],
               "min_allvarlighet": "betydande", "utfall": ["overtradelse", "utreda"]}
    narrowed = client.post("/api/v1/datamangder/demo/kontroll", json=options)
    assert narrowed.content == _cli("check", "fixtures/demo", "--format", "jsonl", "--facility", "klinik-glans",
                                    "--rule", "PS-*", "--skip-rule", "PS-02", "--min-severity", "betydande",
                                    "--outcome", "overtradelse", "--outcome", "utreda")
    assert b'"selection"' in narrowed.content


@pytest.mark.parametrize("options, code, field, status", [
    ({"regler": ["XX-99"]}, "RK-E020", "regler", 422),
    ({"hoppa_over": ["*"]}, "RK-E024", "hoppa_over", 422),
    ({"utfall": ["kanske"]}, "RK-E021", "utfall", 422),
    ({"min_allvarlighet": "lite"}, "RK-E022", "min_allvarlighet", 422),
    ({"verksamheter": ["klinik-glas"]}, "RK-E003", "verksamheter", 404),
    ({"visa_personnummer": True}, "RK-W020", "andamal", 422),
    ({"format": "html"}, "RK-W060", "format", 422),
    ({"verksamheter": "klinik-glans"}, "RK-W060", "verksamheter", 422),
    ({"verksamhet": ["klinik-glans"]}, "RK-W060", "verksamhet", 422),
])
def test_a_bad_option_is_refused_with_the_cli_code_at_the_api_field(client, options, code, field, status):
    response = client.post("/api/v1/datamangder/demo/kontroll", json=options)
    assert response.status_code == status
    errors = response.json()["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [(code, field)]
    assert set(errors[0]) == {"code", "file", "line", "column", "field", "message", "hint"}
    if code == "RK-E003":
        assert "klinik-glans" in errors[0]["hint"]


def test_a_data_set_is_named_never_a_path(client):
    for name in ("saknas", "..%2Fengine", ".git"):
        response = client.post(f"/api/v1/datamangder/{name}/kontroll")
        assert response.status_code == 404 and _codes(response) in (["RK-W010"], ["RK-W061"])
    assert "demo" in client.get("/api/v1/datamangder").json()["datamangder"]


def test_the_brief_is_the_cli_brief_and_unmasking_is_logged_with_its_purpose(served, client):
    response = client.get("/api/v1/datamangder/demo/verksamheter/klinik-glans/besok")
    assert response.status_code == 200
    assert response.content == _cli("besok", "fixtures/demo", "--facility", "klinik-glans", "--format", "json")
    unmasked = client.get("/api/v1/datamangder/demo/verksamheter/klinik-glans/besok",
                          params={"visa_personnummer": "true", "andamal": "dnr 3.5-77/2026"})
    assert unmasked.json()["run"]["personal_data"] == "shown"
    log = client.get("/api/v1/atkomstlogg", params={"verksamhet": "klinik-glans"}).json()["atkomstlogg"]
    assert (log[0]["action"], log[0]["unmasked"], log[0]["reason"]) == ("besok", True, "dnr 3.5-77/2026")
    wrong = client.get("/api/v1/datamangder/demo/verksamheter/klinik-glas/besok")
    assert wrong.status_code == 404 and wrong.json()["errors"][0]["code"] == "RK-E004"
    assert wrong.json()["errors"][0]["field"] == "id"


def test_the_screening_of_an_uploaded_application_is_the_cli_screening(client, tmp_path, monkeypatch):
    import regelkoll.application.screen

    def in_the_server(*args, **kwargs):
        raise AssertionError("granskningen kördes i serverns process")

    # the screening runs the engine where it is called: never in the server, where a crash would end it
    monkeypatch.setattr(regelkoll.application.screen, "screen", in_the_server)
    source = ROOT / "fixtures" / "ansokningar" / "03_domd_styrelseledamot.yaml"
    # the CLI run on a file of the uploaded name, with the data set by the path the server names it
    shutil.copy(source, tmp_path / source.name)
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    expected = _cli("ansokan", source.name, "--data", "fixtures/demo", "--format", "json", cwd=tmp_path)
    response = client.post("/api/v1/ansokan", files={"fil": (source.name, source.read_bytes())},
                           data={"datamangd": "demo"})
    assert response.status_code == 200
    assert response.content == expected
    assert str(ROOT) not in response.text and "uppladdat" not in response.text  # no server path


def test_an_uploaded_archive_is_checked_in_one_request_as_the_cli_checks_the_folder(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for file in sorted(DEMO.rglob("*")):
            if file.is_file():
                z.write(file, file.relative_to(DEMO).as_posix())
    response = client.post("/api/v1/kontroll", files={"fil": ("demo.zip", buffer.getvalue())},
                           data={"verksamheter": ["klinik-glans", "hvb-granen"]})
    assert response.status_code == 200, response.text
    # the same files, under the upload directory: the evidence names them there
    uploaded = [n for n in client.get("/api/v1/datamangder").json()["datamangder"] if n.startswith("uppladdad-")]
    assert len(uploaded) == 1
    where = str(client.app.state.settings.uploads / uploaded[0])
    ours = json.loads(response.text.replace(where, "fixtures/demo"))
    theirs = json.loads(_cli("check", "fixtures/demo", "--format", "json", "--facility", "klinik-glans",
                             "--facility", "hvb-granen"))
    assert ours["findings"] == theirs["findings"] and ours["run"]["counts"] == theirs["run"]["counts"]
    assert ours["run"]["facts_digest"] == theirs["run"]["facts_digest"]
    unknown = client.post("/api/v1/kontroll", files={"fil": ("demo.zip", buffer.getvalue())},
                          data={"verksamhet": "klinik-glans"})
    assert unknown.status_code == 422 and [(e["code"], e["field"]) for e in unknown.json()["errors"]] == [
        ("RK-W060", "verksamhet")]


def test_an_upload_is_listed_once_complete_and_a_hostile_one_never(client):
    good = client.post("/api/v1/datamangder", files={"fil": ("klinik.yaml", (DEMO / "klinik-glans.yaml").read_bytes())})
    assert good.status_code == 201
    name = good.json()["namn"]
    assert name in client.get("/api/v1/datamangder").json()["datamangder"]
    before = client.get("/api/v1/datamangder").json()["datamangder"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("ok.yaml", "verksamheter: []\n")
        z.writestr("../../utanfor.yaml", "x: 1\n")
    hostile = client.post("/api/v1/datamangder", files={"fil": ("x.zip", buffer.getvalue())})
    assert hostile.status_code == 422 and _codes(hostile) == ["RK-W043"]
    assert client.get("/api/v1/datamangder").json()["datamangder"] == before
    named = client.post("/api/v1/datamangder", files={"fil": ("../x.yaml", b"a: 1\n")})
    assert named.status_code == 422 and _codes(named) == ["RK-W045"]


# --- the rule catalogue, decisions, the access log ----------------------------------------------------------

def test_the_rule_catalogue_lists_every_rule_and_cites_its_legal_basis(served, client):
    listed = client.get("/api/v1/regler").json()["regler"]
    assert [r["id"] for r in listed] == sorted(r.rule.id for r in served[2].rules.rules)
    ps01 = next(r for r in listed if r["id"] == "PS-01")
    assert ps01["act"] == "PSL" and ps01["severity"] == "allvarlig" and ps01["versions"]
    rule = client.get("/api/v1/regler/PS-01").json()
    basis = rule["versions"][0]["legal_basis"][0]
    assert basis["short"].endswith("PSL") and basis["section_url"].startswith("https://")
    assert "patientsäkerhetslag" in basis["citation"]
    assert rule["definition"]["id"] == "PS-01" and len(rule["examples"]) >= 2
    assert rule["message"]["sv"] and rule["file"].endswith(".yaml") and not rule["file"].startswith("/")
    for listed_rule in listed:  # every rule's definition can be written out, whatever its parameters' kinds
        assert client.get(f"/api/v1/regler/{listed_rule['id']}").status_code == 200, listed_rule["id"]
    unknown = client.get("/api/v1/regler/PS-1")
    assert unknown.status_code == 404 and _codes(unknown) == ["RK-W052"]
    assert "PS-01" in unknown.json()["errors"][0]["hint"]


def test_a_decision_is_written_applied_to_the_next_check_and_deleted(client):
    report = client.post("/api/v1/datamangder/demo/kontroll",
                         json={"verksamheter": ["klinik-glans"], "regler": ["PS-01"]}).json()
    key = next(row["key"] for row in report["findings"] if row["outcome"] == "violation")
    entry = {"nyckel": key, "slag": "atgardad", "motivering": "Rättat enligt dnr 3.5-1/2026",
             "beslutad_av": "Anna Inspektör", "beslutad": "2026-10-01", "giltig_till": "2027-03-31"}
    stored = client.post("/api/v1/stallningstaganden", json=entry)
    assert stored.status_code == 201 and stored.json()["registrerad_av"] == "utan token"
    try:
        assert [d["nyckel"] for d in client.get("/api/v1/stallningstaganden").json()["stallningstaganden"]] == [key]
        again = client.post("/api/v1/datamangder/demo/kontroll",
                            json={"verksamheter": ["klinik-glans"], "regler": ["PS-01"]}).json()
        decided = [row for row in again["findings"] if row.get("decision")]
        assert [row["key"] for row in decided] == [key] and decided[0]["decision"]["kind"] == "atgardad"
    finally:
        deleted = client.delete(f"/api/v1/stallningstaganden/{key}")
    assert deleted.status_code == 204
    gone = client.delete(f"/api/v1/stallningstaganden/{key}")
    assert gone.status_code == 404 and _codes(gone) == ["RK-W053"]
    bad = client.post("/api/v1/stallningstaganden", json={**entry, "slag": "glömd"})
    assert bad.status_code == 422 and [(e["code"], e["field"]) for e in bad.json()["errors"]] == [
        ("RK-D003", "slag")]
    no_key = client.post("/api/v1/stallningstaganden", json={**entry, "nyckel": "inte en nyckel"})
    assert _codes(no_key) == ["RK-D004"]
    assert client.get("/api/v1/stallningstaganden").json()["stallningstaganden"] == []


def test_the_access_log_is_filtered_by_facility_and_days(client):
    client.get("/api/v1/datamangder/demo/verksamheter/hvb-granen/besok")
    today = date.today()
    for params, found in (({"verksamhet": "hvb-granen"}, True), ({"fran": today.isoformat()}, True),
                          ({"till": (today - timedelta(days=1)).isoformat()}, False),
                          ({"fran": (today + timedelta(days=1)).isoformat()}, False)):
        rows = client.get("/api/v1/atkomstlogg", params=params).json()["atkomstlogg"]
        assert any(r["facility"] == "hvb-granen" for r in rows) is found, params
    wrong = client.get("/api/v1/atkomstlogg", params={"fran": "igår"})
    assert wrong.status_code == 422 and [(e["code"], e["field"]) for e in wrong.json()["errors"]] == [
        ("RK-W060", "query.fran")]


# --- the token, the limits, errors that are never a stack trace ---------------------------------------------

def test_with_tokens_every_endpoint_but_the_schema_needs_one_and_the_client_is_logged(served):
    guarded = served[1]
    missing = guarded.get("/api/v1/datamangder")
    assert missing.status_code == 401 and _codes(missing) == ["RK-W050"]
    assert missing.headers["www-authenticate"].startswith("Bearer")
    for header in ("Bearer", "Bearer ", "Basic hemlig-nyckel-1", "hemlig-nyckel-1", "Bearer hemlig-nyckel-1x"):
        assert _codes(guarded.get("/api/v1/datamangder", headers={"Authorization": header})) == ["RK-W051"], header
    wrong = guarded.get("/api/v1/datamangder", headers={"Authorization": "Bearer hemlig-nyckel-2"})
    assert wrong.status_code == 401 and _codes(wrong) == ["RK-W051"]
    assert 'error="invalid_token"' in wrong.headers["www-authenticate"]
    assert guarded.get("/api/v1/finns-inte").status_code == 401  # nothing is said to a stranger, not even 404
    assert guarded.get("/api/v1/openapi.json").status_code == 200
    # an upload from a stranger is refused before it is read
    uploads = served[2].settings.uploads
    before = sorted(uploads.rglob("*")) if uploads.exists() else []
    refused = guarded.post("/api/v1/datamangder", files={"fil": ("ny.yaml", b"verksamheter: []\n")})
    assert refused.status_code == 401 and (sorted(uploads.rglob("*")) if uploads.exists() else []) == before
    right = {"Authorization": "Bearer hemlig-nyckel-1"}
    assert guarded.get("/api/v1/datamangder", headers=right).status_code == 200
    guarded.get("/api/v1/datamangder/demo/verksamheter/klinik-glans/besok", headers=right)
    log = guarded.get("/api/v1/atkomstlogg", headers=right).json()["atkomstlogg"]
    assert log[0]["who"] == "ärendesystemet"


def test_router_and_parser_refusals_are_error_bodies(client, served):
    unknown = client.get("/api/v1/finns-inte")
    assert unknown.status_code == 404 and _codes(unknown) == ["RK-W061"]
    method = client.delete("/api/v1/regler")
    assert method.status_code == 405 and _codes(method) == ["RK-W062"] and "GET" in method.headers["allow"]
    broken = client.post("/api/v1/datamangder", content=b"--x\r\nskrap",
                         headers={"content-type": "multipart/form-data; boundary=x"})
    assert broken.status_code in (400, 422) and _codes(broken)[0] in ("RK-W063", "RK-W060")
    not_json = client.post("/api/v1/datamangder/demo/kontroll", content=b"{inte json",
                           headers={"content-type": "application/json"})
    assert not_json.status_code == 422 and _codes(not_json) == ["RK-W060"]
    limit = served[2].settings.max_upload_bytes
    big = client.post("/api/v1/datamangder", content=b"x" * 10, headers={"content-length": str(limit + 1),
                                                                       "content-type": "application/octet-stream"})
    assert big.status_code == 413 and _codes(big) == ["RK-W040"]
    page = client.post("/", content=b"x" * 10, headers={"content-length": str(limit + 1)})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")  # a page, for people


def test_an_unexpected_failure_is_rk_w500_without_a_traceback_and_the_server_goes_on(served, monkeypatch):
    app, service = served[0].app, served[2]

    def failing():
        raise RuntimeError("hemlig detalj /srv/regelkoll")

    monkeypatch.setattr(service, "datasets", failing)
    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/api/v1/datamangder")
    assert response.status_code == 500 and _codes(response) == ["RK-W500"]
    assert "Traceback" not in response.text and "hemlig" not in response.text and "RuntimeError" not in response.text
    monkeypatch.undo()
    assert client.get("/api/v1/datamangder").status_code == 200


def test_the_openapi_schema_documents_every_endpoint_and_every_error(client):
    schema = client.get("/api/v1/openapi.json").json()
    expected = {("/api/v1/datamangder", "get"), ("/api/v1/datamangder", "post"),
                ("/api/v1/datamangder/{namn}/kontroll", "post"), ("/api/v1/kontroll", "post"),
                ("/api/v1/datamangder/{namn}/verksamheter/{id}/besok", "get"), ("/api/v1/ansokan", "post"),
                ("/api/v1/regler", "get"), ("/api/v1/regler/{id}", "get"), ("/api/v1/stallningstaganden", "get"),
                ("/api/v1/stallningstaganden", "post"), ("/api/v1/stallningstaganden/{nyckel}", "delete"),
                ("/api/v1/atkomstlogg", "get")}
    operations = {(path, method): op for path, methods in schema["paths"].items() for method, op in methods.items()
                  if path.startswith("/api/")}
    assert set(operations) == expected
    assert set(schema["components"]["schemas"]["ErrorBody"]["properties"]) == {"errors"}
    assert schema["components"]["securitySchemes"]["api_nyckel"]["scheme"] == "bearer"
    for (path, method), op in operations.items():
        assert op["summary"] and op["description"] and op["security"] == [{"api_nyckel": []}], (path, method)
        success = [status for status in op["responses"] if status.startswith("2")]
        assert success, (path, method)
        errors = {status: r for status, r in op["responses"].items() if status[0] in "45"}
        assert {"401", "404", "413", "422", "500"} <= set(errors), (path, method)
        for status, response in errors.items():
            assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}


# --- a crash in the engine ----------------------------------------------------------------------------------

def test_a_worker_crash_costs_one_unit_of_one_request_and_the_pool_is_replaced(served, client, monkeypatch):
    from regelkoll.ledger import workers
    from tests.cluster_crash import CrashingJob

    pool = served[2].pool
    monkeypatch.setattr(workers, "UnitJob", lambda *args, **kw: CrashingJob(*args, crash="hvb-granen", **kw))
    few = {"verksamheter": ["hvb-granen", "klinik-glans", "lss-ekbacken"]}  # each retried alone after the crash
    crashed = client.post("/api/v1/datamangder/demo/kontroll", json=few).json()
    failed = [e for e in crashed["errors"] if e["code"] == "RK-E001"]
    assert [e["facility_id"] for e in failed] == ["hvb-granen"] and "kraschade" in failed[0]["message"]
    judged = {row["facility_id"] for row in crashed["findings"]}
    assert "hvb-granen" not in judged and len(judged) == len(crashed["run"]["facilities"]) - 1
    started = pool.started
    monkeypatch.undo()
    again = client.post("/api/v1/datamangder/demo/kontroll", json=few)
    assert again.status_code == 200 and not [e for e in again.json()["errors"] if e["code"] == "RK-E001"]
    assert pool.started == started + 1  # the broken pool was replaced, in the same server


# --- generated requests (schemathesis, when installed): none may make the server fail ----------------------

def test_no_generated_request_makes_the_api_fail_or_answer_without_an_error_body(served):
    schemathesis = pytest.importorskip("schemathesis")  # the test extra installs it
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", served[0].app).include(path_regex="^/api/")
    schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE,
                                           schemathesis.GenerationMode.NEGATIVE])
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 12

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def answers(case):
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, response.text[:300])
            if response.status_code >= 400:
                body = response.json()
                assert list(body) == ["errors"] and body["errors"], response.text[:300]
                assert all(set(e) == {"code", "file", "line", "column", "field", "message", "hint"}
                           for e in body["errors"])

        answers()
