"""`regelkoll serve` starts on the machine's own address by default and refuses to put personal data on the
network without an API token."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _serve(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "regelkoll.cli", "serve", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, **kw)


def test_a_network_address_without_a_token_is_refused(tmp_path):
    env = {"REGELKOLL_API_TOKENS": ""}
    proc = _serve("--host", "0.0.0.0", "--uploads", str(tmp_path), env=env)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "RK-W001" in err.decode() and "REGELKOLL_API_TOKENS" in err.decode()
    assert not any(tmp_path.iterdir())  # nothing was set up


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_checkout_serves_the_demo_county_on_localhost(tmp_path):
    port = _free_port()
    proc = _serve("--port", str(port), "--uploads", str(tmp_path), "--jobs", "1",
                  env={"REGELKOLL_DATABASE_URL": ""}, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/datamangder", timeout=5) as answer:
                    body = answer.read().decode()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "servern svarade inte"
                time.sleep(0.5)
        assert '"demo"' in body  # --data defaults to the checkout's fixtures
        assert (tmp_path / "regelkoll.sqlite3").is_file()  # the database defaults to the upload directory
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    # shut down as a supervisor's SIGTERM asks (uvicorn finishes, then the conventional 128 + 15), and the
    # engine's worker processes and their fork server went with it
    assert proc.returncode == 143, proc.stderr.read().decode()
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid):
        assert time.monotonic() < deadline, "arbetsprocesser lever kvar efter servern"
        time.sleep(0.2)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def test_a_network_address_needs_the_api_token_and_the_login_in_front_of_the_pages(tmp_path):
    proc = _serve("--host", "0.0.0.0", "--uploads", str(tmp_path), env={"REGELKOLL_API_TOKENS": "a=hemlig"})
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "RK-W001" in err.decode() and "--user-header" in err.decode()


def test_behind_a_login_a_page_asked_for_past_it_shows_nothing(tmp_path):
    from fastapi.testclient import TestClient

    from regelkoll.web.app import create_app
    from regelkoll.web.settings import Settings

    settings = Settings(data=ROOT / "fixtures", uploads=tmp_path, database_url=f"sqlite:///{tmp_path}/db",
                        user_header="X-Remote-User", api_tokens={"hemlig": "ärendesystemet"})
    with TestClient(create_app(settings)) as client:
        refused = client.get("/verksamhet/klinik-glans?datamangd=demo")
        assert refused.status_code == 401 and "RK-W004" in refused.text and "Klinik Glans" not in refused.text
        shown = client.get("/regler", headers={"X-Remote-User": "anna.inspektor"})
        assert shown.status_code == 200
        # the API answers to its token, not to the proxy's header; two Authorization headers are one too many
        assert client.get("/api/v1/regler", headers={"X-Remote-User": "Anna"}).status_code == 401
        assert client.get("/api/v1/regler", headers={"Authorization": "Bearer hemlig"}).status_code == 200
        twice = client.get("/api/v1/regler", headers=[("Authorization", "Bearer x"),
                                                      ("Authorization", "Bearer hemlig")])
        assert twice.status_code == 401 and twice.json()["errors"][0]["code"] == "RK-W051"
