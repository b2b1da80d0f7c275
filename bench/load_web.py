"""A bounded load test of `regelkoll serve` on localhost: concurrent clients checking the demo county.

    .venv/bin/python bench/load_web.py                     # 20 clients, 30 s each variant, a server of its own
    .venv/bin/python bench/load_web.py --clients 5 --seconds 10 --variant api
    .venv/bin/python bench/load_web.py --url http://127.0.0.1:8000 [--pid PID]   # a server already running

Variants: `api`, every client repeatedly POSTs /api/v1/datamangder/demo/kontroll with {} (the CLI's JSON back);
`blandat`, each client alternates that with GET /?datamangd=demo (the overview page). Each answer must be status
200 and, for the check, the same bytes as the first answer (a server under load that answers differently has
failed, not merely slowed). Requests still in flight at the deadline are waited for and counted.

Memory is the resident set of the server's whole process tree (the server, the forkserver and the engine's
workers), sampled every second: flat means no growth from the first samples to the last. A benchmark, not a test:
it asserts nothing about time; its exit status is 1 when a request failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
CHECK = "/api/v1/datamangder/{name}/kontroll"
TIMEOUT = httpx.Timeout(600.0, connect=30.0)  # under load a check queues behind the others: slow is not failed


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, failure: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
            if failure:
                self.failures.append(failure)


class Memory(threading.Thread):
    """The RSS of a process and its descendants, once a second, while the load runs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.samples: list[tuple[float, int, int]] = []  # (seconds since start, bytes, processes)
        self.cpu: dict[int, float] = {}  # CPU seconds (user + system) of each process of the tree, last seen
        self.stopped = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.stopped.is_set():
            total, count = 0, 0
            try:
                tree = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in tree:
                try:
                    total += process.memory_info().rss
                    times = process.cpu_times()
                    self.cpu[process.pid] = times.user + times.system
                    count += 1
                except psutil.NoSuchProcess:
                    pass
            self.samples.append((time.monotonic() - start, total, count))
            self.stopped.wait(1.0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp: Path, data: Path, jobs: int, cache_mb: int | None = None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    script = Path(sys.executable).with_name("regelkoll")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "regelkoll.cli"]
    command += ["serve", "--port", str(port), "--data", str(data), "--uploads", str(tmp / "uppladdat"),
                "--database", f"sqlite:///{tmp / 'regelkoll.db'}", "--jobs", str(jobs)]
    if cache_mb is not None:
        command += ["--report-cache-mb", str(cache_mb)]
    log = (tmp / "serve.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"regelkoll serve avslutades med status {process.returncode}:\n"
                     + (tmp / "serve.log").read_text(errors="replace"))
        try:
            if httpx.get(url + "/api/v1/datamangder", timeout=5).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    sys.exit("regelkoll serve svarade inte på 120 s")


def stop_server(process: subprocess.Popen) -> None:
    try:
        tree = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        tree = []
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    for child in tree:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def _client(url: str, dataset: str, variant: str, index: int, deadline: float, reference: str,
            outcome: Outcome) -> None:
    check = CHECK.format(name=dataset)
    overview = f"/?datamangd={dataset}"
    turn = index  # in the mixed variant half the clients start with the page, half with the API
    with httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        while time.monotonic() < deadline:
            page = variant == "blandat" and turn % 2 == 0
            turn += 1
            began = time.perf_counter()
            failure = None
            try:
                if page:
                    answer = client.get(overview)
                else:
                    answer = client.post(check, json={})
                seconds = time.perf_counter() - began
                if answer.status_code != 200:
                    failure = f"{answer.request.method} {answer.request.url.path}: {answer.status_code} " \
                              f"{answer.text[:300]}"
                elif not page and hashlib.sha256(answer.content).hexdigest() != reference:
                    failure = f"POST {check}: ett annat svar än det första ({len(answer.content)} byte)"
            except httpx.HTTPError as exc:
                seconds = time.perf_counter() - began
                failure = f"{'GET' if page else 'POST'}: {type(exc).__name__}: {exc}"
            outcome.add("sida" if page else "api", seconds, failure)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)  # nearest rank
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def run_variant(url: str, dataset: str, variant: str, clients: int, seconds: float, reference: str) -> dict:
    outcome = Outcome()
    began = time.monotonic()
    deadline = began + seconds
    threads = [threading.Thread(target=_client, args=(url, dataset, variant, i, deadline, reference, outcome))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    lat = outcome.latencies
    return {"variant": variant, "clients": clients, "seconds": seconds, "wall_s": round(wall, 1),
            "requests": len(lat), "by_kind": outcome.by_kind, "failed": len(outcome.failures),
            "failures": outcome.failures[:20], "throughput_rps": round(len(lat) / wall, 3) if wall else 0,
            "p50_s": round(statistics.median(lat), 2) if lat else None,
            "p95_s": round(_percentile(lat, 95), 2) if lat else None,
            "max_s": round(max(lat), 2) if lat else None}


def cpu_summary(memory: Memory) -> dict:
    """The CPU the server process spent (requests, planning, writing the answers) against its descendants (the
    engine's workers), from the start of the server; a worker that ended counts up to its last sample."""
    server = memory.cpu.get(memory.root.pid, 0.0)
    return {"server_cpu_s": round(server, 1), "children_cpu_s": round(sum(memory.cpu.values()) - server, 1)}


def memory_summary(samples: list[tuple[float, int, int]]) -> dict:
    if not samples:
        return {}
    mib = [b / 2**20 for _, b, _ in samples]
    window = min(60, max(1, len(mib) // 3))  # the first minute against the last (a third of a shorter run)
    return {"samples": len(mib), "start_mib": round(mib[0]), "end_mib": round(mib[-1]), "max_mib": round(max(mib)),
            "window_s": window, "first_window_mean_mib": round(statistics.fmean(mib[:window])),
            "last_window_mean_mib": round(statistics.fmean(mib[-window:])),
            "processes_max": max(n for _, _, n in samples)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0, help="how long each variant sends requests")
    parser.add_argument("--variant", choices=["api", "blandat", "båda"], default="båda")
    parser.add_argument("--url", help="a server already running (its memory is sampled only with --pid)")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id, for its memory")
    parser.add_argument("--data", type=Path, default=ROOT / "fixtures", help="--data of the server started here")
    parser.add_argument("--dataset", default="demo")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs of the server started here (0 = automatic)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--report-cache-mb", type=int, help="--report-cache-mb of the server started here: 0 "
                        "makes every request run the engine (the server's default serves a report made again)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="regelkoll-last-"))
    process = None
    try:
        if args.url:
            url, pid = args.url.rstrip("/"), args.pid
        else:
            process, url = start_server(tmp, args.data, args.jobs, args.report_cache_mb)
            pid = process.pid
        # the first answer is the reference every later one must equal; it also starts the workers, so that
        # memory is sampled from a warm server on
        warm = time.perf_counter()
        first = httpx.post(url + CHECK.format(name=args.dataset), json={}, timeout=TIMEOUT)
        first.raise_for_status()
        reference = hashlib.sha256(first.content).hexdigest()
        warm = time.perf_counter() - warm
        memory = Memory(pid) if pid else None
        if memory:
            memory.start()
        variants = ["api", "blandat"] if args.variant == "båda" else [args.variant]
        results = [run_variant(url, args.dataset, v, args.clients, args.seconds, reference) for v in variants]
        if memory:
            memory.stopped.set()
            memory.join()
        report = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cores": os.cpu_count(),
                  "cores_usable": len(os.sched_getaffinity(0)), "url": url, "dataset": args.dataset,
                  "first_check_s": round(warm, 2), "report_bytes": len(first.content), "variants": results,
                  "memory": memory_summary(memory.samples) if memory else None,
                  "cpu": cpu_summary(memory) if memory else None,
                  "memory_samples_mib": [round(b / 2**20) for _, b, _ in memory.samples] if memory else None}
    finally:
        if process is not None:
            stop_server(process)
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{report['date']}, {report['cores']} kärnor, {url}, datamängd {args.dataset}; första kontrollen "
          f"{report['first_check_s']} s, {report['report_bytes']} byte")
    print("| variant | klienter | s | förfrågningar | per s | p50 s | p95 s | max s | misslyckade |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(r["by_kind"].items()))
        print(f"| {r['variant']} | {r['clients']} | {r['wall_s']} | {r['requests']} ({kinds}) | "
              f"{r['throughput_rps']} | {r['p50_s']} | {r['p95_s']} | {r['max_s']} | {r['failed']} |")
        for failure in r["failures"]:
            print(f"  misslyckad: {failure}")
    if report["memory"]:
        m = report["memory"]
        print(f"minne (RSS, serverns processträd, {m['samples']} prov à 1 s): start {m['start_mib']} MiB, slut "
              f"{m['end_mib']} MiB, max {m['max_mib']} MiB; medel de första {m['window_s']} proven "
              f"{m['first_window_mean_mib']} MiB, de sista {m['last_window_mean_mib']} MiB; högst {m['processes_max']} "
              "processer")
    if report["cpu"]:
        print(f"CPU sedan serverns start: servern {report['cpu']['server_cpu_s']} s, dess underprocesser (motorns "
              f"arbetsprocesser) {report['cpu']['children_cpu_s']} s")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if any(r["failed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
