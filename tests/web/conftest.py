"""The pages in a real browser: one `regelkoll serve` and one Debian chromium for the whole session.

The server is started as a user starts it (the console script, a free port, its own upload folder and SQLite
database), so that what is tested is what is served. The browser is Debian's chromium driven by Playwright, never
a downloaded one (none can be downloaded here), and the accessibility rules are axe-core from npm (`npm ci`).
Without either the tests skip, except in CI, which sets REGELKOLL_REQUIRE_BROWSER=1 so that they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("REGELKOLL_SCREENSHOTS") or Path(__file__).resolve().parent / "screenshots")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# a page that runs the demo check waits for the engine: seconds on an idle machine, more on a shared one; an
# element on a page already loaded is there or not (the pages are rendered on the server): no long wait for it
PAGE_TIMEOUT_MS = 120_000
ELEMENT_TIMEOUT_MS = 10_000

# the data sets the server offers: the demo county, and the material applications are screened against
# (fixtures/ansokningar/README.md), linked under names a user can choose, not their paths
DATASETS = {"demo": ROOT / "fixtures" / "demo", "underlag": ROOT / "fixtures" / "ansokningar" / "underlag"}

_server_log: Path | None = None


def missing(what: str) -> None:
    """Skip for want of a browser part; in CI (REGELKOLL_REQUIRE_BROWSER=1) fail, so the tests cannot vanish."""
    if os.environ.get("REGELKOLL_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} saknas men REGELKOLL_REQUIRE_BROWSER=1 är satt", pytrace=False)
    pytest.skip(f"{what} saknas")


def chromium_path() -> str | None:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).is_file() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    import httpx

    try:
        return httpx.get(url, timeout=5).status_code < 500
    except httpx.HTTPError:
        return False


class Server:
    """`regelkoll serve` in a subprocess; stderr goes to a file, shown with any failing test."""

    def __init__(self, tmp: Path, data: Path | None = None) -> None:
        self.tmp = tmp
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "serve.log"
        self.data = data or _data_folder(tmp)
        command = [*_regelkoll(), "serve", "--port", str(self.port), "--data", str(self.data),
                   "--uploads", str(tmp / "uppladdat"), "--database", f"sqlite:///{tmp / 'regelkoll.db'}"]
        with self.log.open("wb") as err:
            self.process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=err, stderr=err)

    def wait(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"regelkoll serve avslutades med status {self.process.returncode}:\n"
                                   f"{self.stderr()}")
            if _answers(self.url + "/api/v1/datamangder"):
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"regelkoll serve svarade inte på {seconds} s:\n{self.stderr()}")

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        """SIGTERM (uvicorn shuts down and the service closes its workers), then kill whatever is left of it."""
        import psutil

        try:
            tree = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            tree = []
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for child in tree:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass


def _regelkoll() -> list[str]:
    script = Path(sys.executable).with_name("regelkoll")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "regelkoll.cli"]


def _data_folder(tmp: Path) -> Path:
    folder = tmp / "data"
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in DATASETS.items():
        (folder / name).symlink_to(target, target_is_directory=True)
    return folder


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    global _server_log
    started = Server(tmp_path_factory.mktemp("serve"))
    _server_log = started.log
    try:
        started.wait()
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return server.url


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        missing("chromium (apt-get install chromium)")
    if not AXE.is_file():
        missing("axe-core (npm ci i projektets rot)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, base_url):
    # bypass_csp: axe is injected as an inline script, which a strict Content-Security-Policy would refuse
    context = browser.new_context(base_url=base_url, locale="sv-SE", bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ELEMENT_TIMEOUT_MS)
    context.set_default_navigation_timeout(PAGE_TIMEOUT_MS)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    # what the server said is where a failing page's cause usually is: shown with the failure, not re-run for
    if report.failed and _server_log is not None and _server_log.exists() and "tests/web/" in item.nodeid:
        text = _server_log.read_text(encoding="utf-8", errors="replace")
        report.sections.append(("regelkoll serve (stderr)", text[-20_000:] or "(tomt)"))


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = ("critical", "serious")


def _shot_name(page) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(page.url)
    name = (parts.path.strip("/") or "oversikt") + (f"_{parts.query}" if parts.query else "")
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:150]


def screenshot(page, name: str | None = None) -> Path:
    """A full-page screenshot for people to look at (tests/web/screenshots/, or REGELKOLL_SCREENSHOTS)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name or _shot_name(page)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _violation(v: dict) -> str:
    lines = [f"- {v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})"]
    for node in v["nodes"][:10]:
        target = " ".join(json.dumps(t, ensure_ascii=False) if not isinstance(t, str) else t for t in node["target"])
        summary = " ".join((node.get("failureSummary") or "").split())
        lines.append(f"    {target}: {summary[:300]}")
    if len(v["nodes"]) > 10:
        lines.append(f"    … och {len(v['nodes']) - 10} element till")
    return "\n".join(lines)


def assert_accessible(page, name: str | None = None) -> dict:
    """axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA or best practice.

    The screenshot and axe's whole result (every impact) are saved beside each other; the failure message
    names each violation's rule, impact, help and the elements' selectors, enough to fix it without re-running.
    """
    name = name or _shot_name(page)
    shot = screenshot(page, name)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: tags, resultTypes: ['violations']})", AXE_TAGS)
    (SCREENSHOTS / f"{name}.axe.json").write_text(
        json.dumps(result["violations"], ensure_ascii=False, indent=1), encoding="utf-8")
    blocking = sorted((v for v in result["violations"] if v.get("impact") in BLOCKING),
                      key=lambda v: (BLOCKING.index(v["impact"]), v["id"]))
    assert not blocking, (f"axe-core: {len(blocking)} allvarliga eller kritiska brister på {page.url} "
                          f"(skärmbild {shot}):\n" + "\n".join(_violation(v) for v in blocking))
    return result


@pytest.fixture
def accessible():
    """`accessible(page)`: screenshot the page and assert axe-core finds no serious or critical violation."""
    return assert_accessible


@pytest.fixture(scope="session")
def demo_report(server) -> dict:
    """The API's check of the demo county, as the pages' figures are compared with it (the CLI's JSON)."""
    import httpx

    answer = httpx.post(server.url + "/api/v1/datamangder/demo/kontroll", json={}, timeout=PAGE_TIMEOUT_MS / 1000)
    assert answer.status_code == 200, answer.text[:2000]
    return answer.json()
