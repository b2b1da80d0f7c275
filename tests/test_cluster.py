"""`--scheduler`: the same run on a Dask cluster (two local worker processes) gives the same bytes as the local run;
a unit that crashes its worker is named and the others finish; a scheduler that cannot be reached is one line."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import regelkoll
from regelkoll.diagnostics import DiagnosticError
from regelkoll.ledger import cluster
from regelkoll.ledger.result import FacilityError
from regelkoll.ledger.workers import CRASHED
from tests.cluster_crash import CrashingJob

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scheduler():
    import dask

    # a unit that kills its worker is given up after two deaths instead of four: the same path, sooner
    # LocalCluster writes its workers' settings into this process's environment (PYTHONHASHSEED,
    # MALLOC_TRIM_THRESHOLD_, ...), where every later test's subprocess would inherit them: restored after
    saved = dict(os.environ)
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                          dashboard_address=":0") as local:
                yield local.scheduler_address
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def rules():
    return regelkoll.load_rules()


@pytest.fixture(scope="module")
def compiled(rules):
    return regelkoll.api.compile_rules(rules)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path_factory.mktemp("bundle")
    bench.generate(out, facilities=30, staff=3, seed=3)
    return out


@pytest.mark.parametrize("data", ["demo", "generated"])
def test_the_cluster_gives_the_bytes_of_the_local_run(scheduler, rules, compiled, generated, data):
    facts = regelkoll.read_facts(ROOT / "fixtures" / "demo" if data == "demo" else generated)

    def report(**how) -> bytes:
        return regelkoll.to_json_bytes(regelkoll.document(regelkoll.check(rules, facts, compiled=compiled, **how)))

    on_cluster = report(scheduler=scheduler)
    assert b'"violation"' in on_cluster
    assert on_cluster == report(jobs=1)
    assert on_cluster == report(jobs=2)


def test_a_unit_that_crashes_its_worker_is_named_and_the_others_finish_in_order(scheduler, compiled, generated):
    facts = regelkoll.read_facts(generated)
    wanted = regelkoll.api.units(facts)[:12]
    crash = wanted[5]
    # batches of four: the crash takes down the second batch, whose other units are then tried alone
    outcomes = list(cluster.iter_cluster(CrashingJob(compiled, facts, facts.kontext, "regelkoll", crash=crash),
                                         wanted, scheduler, batch=4))
    assert [unit for unit, _ in outcomes] == wanted
    assert [(unit, o.message) for unit, o in outcomes if isinstance(o, FacilityError)] == [(crash, CRASHED)]
    others = [unit for unit in wanted if unit != crash]
    here = {r.unit: r.findings for r in regelkoll.api.iter_check(compiled, facts, jobs=0, only=others)}
    assert all(here.values())
    assert {unit: o for unit, o in outcomes if unit != crash} == here


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True,
                          timeout=300, env={**os.environ, **env})


def test_the_command_line_on_a_cluster_writes_the_same_report(scheduler, generated):
    # one facility (judged against the whole bundle) keeps the two runs short; the wiring is the same
    local = _cli("check", str(generated), "--format", "json", "--facility", "f3")
    remote = _cli("check", str(generated), "--format", "json", "--facility", "f3", "--scheduler", scheduler)
    assert local.returncode == remote.returncode == 1, remote.stderr.decode()
    assert remote.stdout == local.stdout
    assert b"Traceback" not in remote.stderr


def test_a_scheduler_that_cannot_be_reached_is_one_line_and_status_2():
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    done = _cli("check", "fixtures/demo", "--scheduler", address, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert f"{address}: RK-E010: --scheduler: klustrets schemaläggare '{address}' går inte att nå" in stderr
    assert "Traceback" not in stderr and done.stdout == b""
    assert len(stderr.splitlines()) == 1


@pytest.mark.parametrize("address", ["nonsense://host:8786", "tcp://", ""])
def test_an_address_that_is_not_one_is_refused_before_connecting(rules, address):
    # a Client of no address would start a local cluster; one of an unknown scheme hangs for a minute at exit
    facts = regelkoll.read_facts(ROOT / "fixtures" / "demo")
    with pytest.raises(DiagnosticError) as raised:
        regelkoll.check(rules, facts, scheduler=address)
    [problem] = raised.value.diagnostics
    assert problem.code == "RK-E010" and f"'{address}' går inte att nå (" in problem.message


def test_without_the_extra_the_scheduler_option_says_how_to_install_it(monkeypatch, rules):
    monkeypatch.setattr(cluster, "distributed", None)
    facts = regelkoll.read_facts(ROOT / "fixtures" / "demo")
    with pytest.raises(DiagnosticError) as raised:
        regelkoll.check(rules, facts, scheduler="tcp://127.0.0.1:8786")
    [problem] = raised.value.diagnostics
    assert problem.code == "RK-E011" and "pip install 'regelkoll[kluster]'" in problem.render()
