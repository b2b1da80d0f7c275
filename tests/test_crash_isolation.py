"""A crash in durable_rules' C core costs one facility, not the run; an interrupt ends the whole run at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.lang.load import load_rulebook
from regelkoll.ledger import workers
from regelkoll.ledger.result import checkable_facilities
from regelkoll.ledger.run import compile_rulebook

ROOT = Path(__file__).resolve().parent.parent


def test_a_segfault_in_one_facility_is_reported_and_the_others_complete(monkeypatch):
    book = load_rulebook(ROOT / "rules")
    compiled = compile_rulebook(book)
    bundle = read_bundle(ROOT / "fixtures" / "demo")
    facilities = checkable_facilities(bundle)
    real = workers._evaluate_one

    def crashing(facility_id):
        if facility_id == "hvb-granen":
            os.kill(os.getpid(), signal.SIGSEGV)  # what durable's defects B, D and E do to a process
        return real(facility_id)

    monkeypatch.setattr(workers, "_evaluate_one", crashing)  # forked workers inherit the patch
    findings, errors = workers.evaluate_facilities(compiled, bundle, bundle.kontext, facilities, "t", jobs=2)
    assert [e.facility_id for e in errors] == ["hvb-granen"]
    assert "kraschade" in errors[0].message
    assert {f.facility_id for f in findings} == set(facilities) - {"hvb-granen"}

    monkeypatch.setattr(workers, "_evaluate_one", real)
    again, none = workers.evaluate_facilities(compiled, bundle, bundle.kontext, facilities, "t", jobs=2)
    assert none == []
    survivors = [f for f in again if f.facility_id != "hvb-granen"]
    assert sorted(map(_key, survivors)) == sorted(map(_key, findings))


def _key(f):
    return (f.facility_id, f.rule_id, f.subject_id, f.outcome)


# --- interrupts (issue 9, item 7) ------------------------------------------------------------------
#
# Ctrl-C reaches the whole foreground process group (workers too); SIGTERM from a supervisor reaches the
# parent only; SIGKILL cannot be handled at all. In every case no worker may outlive the run, there is no
# traceback and no partial report, and the status is the conventional 128 + signal number.

def _generated_bundle(tmp: Path) -> Path:
    """A bundle big enough that two workers are still busy a few seconds in (bench's generator)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bundle = tmp / "bundle"
    bundle.mkdir()
    bench.generate(bundle, facilities=60, staff=10, seed=1)
    return bundle


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _group(pgid: int) -> list[int]:
    """Live processes of a process group (zombies have already exited)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _default_signals() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory) -> Path:
    return _generated_bundle(tmp_path_factory.mktemp("signal"))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(("signum", "whole_group", "status"), [
    (signal.SIGINT, True, 130),     # Ctrl-C in a terminal
    (signal.SIGTERM, False, 143),   # kill, systemd, a CI runner's timeout
    (signal.SIGHUP, True, 129),     # the terminal closed
    (signal.SIGKILL, False, -9),    # nothing to handle: the workers must still die with the parent
], ids=["sigint", "sigterm", "sighup", "sigkill"])
def test_an_interrupt_stops_every_worker_at_once_and_leaves_no_report(big_bundle, tmp_path, signum, whole_group,
                                                                      status):
    out = tmp_path / "ut"
    out.mkdir()
    stdout, stderr = tmp_path / "stdout", tmp_path / "stderr"
    with stdout.open("wb") as so, stderr.open("wb") as se:
        # a new session, as a shell gives a job; the signals at their defaults, as an interactive shell leaves
        # them (the suite itself may run under nohup, which ignores SIGHUP, and a run keeps what it inherits)
        proc = subprocess.Popen([sys.executable, "-m", "regelkoll.cli", "check", str(big_bundle), "--jobs", "2",
                                 "--format", "json", "--output", str(out / "rapport.json")],
                                cwd=ROOT, stdout=so, stderr=se, start_new_session=True, preexec_fn=_default_signals)
    try:
        deadline = time.monotonic() + 240
        while len(_children(proc.pid)) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, stderr.read_text()
            time.sleep(0.05)
        time.sleep(1.0)  # the workers are evaluating now
        assert proc.poll() is None
        (os.killpg if whole_group else os.kill)(proc.pid, signum)
        # a bound that detects a hang (a worker left blocked), not a speed requirement
        assert proc.wait(timeout=60) == status
        deadline = time.monotonic() + 10
        while _group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _group(proc.pid) == []
    finally:
        if _group(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    err = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in err and "Error" not in err
    if signum != signal.SIGKILL:
        assert len(err.splitlines()) == 1 and "avbr" in err, err
    assert stdout.read_bytes() == b""
    assert list(out.iterdir()) == []
