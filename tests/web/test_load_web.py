"""bench/load_web.py still runs: a moment of the mixed load against the session's server, every answer right.

A benchmark, not a test of speed: nothing here is timed. The figures are in bench/RESULTS.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_load_test_reports_every_request_and_the_servers_memory(server, tmp_path):
    out = tmp_path / "last.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "load_web.py"), "--url", server.url,
                          "--pid", str(server.process.pid), "--clients", "2", "--seconds", "1",
                          "--variant", "blandat", "--json", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    (variant,) = report["variants"]
    assert variant["failed"] == 0 and variant["requests"] == sum(variant["by_kind"].values()) >= 2
    assert set(variant["by_kind"]) == {"api", "sida"}  # the two clients start on different kinds of request
    assert report["memory"]["samples"] >= 1 and report["memory"]["max_mib"] > 0
    assert "| blandat | 2 |" in run.stdout
