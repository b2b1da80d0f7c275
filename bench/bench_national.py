"""Benchmark at national size: loading, the full check on one and on every core, and one facility, side by side.

    python bench/bench_national.py --facilities 10000 [--seed 1] [--data DIR] [--repeat-one 10]
        [--format json] [--extra-args "--ledger full"] [--markdown]

Each measurement is a subprocess: (a) load and validate only (`regelkoll.read_facts`), (b) the full check
with one worker, (c) with one worker per core, (d) one facility of the national bundle (median of
`--repeat-one` runs; it still reads the whole bundle) and (d') one facility of the small demo county, which
is what "one facility within half a second including Python's start" is about. Reported: wall time, CPU
time (user + sys of the process and every descendant it waited for), peak memory of the process tree (the
sum of the proportional set sizes, PSS, of the process and its descendants, sampled every 50 ms: forked
workers share the parent's pages until they write them, and a sum of resident sets would count a shared
page once per process) and the size of the output. Measured, never asserted: the figures depend on the machine and on what else runs on it.

The bundle holds deliberately invalid records (bench/national_data.py), so `check` reports input errors and
exits 2 although it wrote its report: that counts as success when every line on stderr is such a record's
diagnostic (RK-B010). Any other failure prints stderr and stops the benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import national_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
DEMO_FACILITY = "hvb-granen"
LOAD = ("import sys; from regelkoll.api import read_facts; b = read_facts(sys.argv[1]); "
        "print(f'{sum(len(v) for v in b.facts.values())} fakta, {len(b.broken)} trasiga, "
        "{len(b.diagnostics)} diagnoser')")
_DELIBERATE = re.compile(r"^\S+:\d+:\d+: RK-B010: ")


@dataclass
class Run:
    name: str
    wall: float
    cpu: float
    peak_mb: float
    output_bytes: int
    status: int
    said: str = ""  # the first line on stdout: the load's fact, broken-record and diagnostic counts


def _pss(proc: psutil.Process) -> int:
    """Proportional set size in bytes: from smaps_rollup where Linux has it (cheap: psutil's full smaps walk
    of a 2 GB process took a third of a core at 20 samples a second), else psutil's, else the resident set."""
    try:
        with open(f"/proc/{proc.pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return proc.memory_full_info().pss
    except (psutil.AccessDenied, AttributeError):
        return proc.memory_info().rss


class _PeakSampler(threading.Thread):
    """The largest sum of PSS over a process and its descendants, sampled every 50 ms, less often as a long run
    goes on (every 0.5 s after a minute: memory that grows with a national bundle does not spike in 50 ms)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        started = time.monotonic()
        while not self.done.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for proc in procs:
                try:
                    total += _pss(proc)
                except psutil.NoSuchProcess:
                    pass
            self.peak = max(self.peak, total)
            self.done.wait(0.05 if time.monotonic() - started < 60 else 0.5)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(name: str, argv: list[str], output: Path | None = None) -> Run:
    """Run `argv` once; success is exit status 0 or 1, or 2 with only deliberately invalid records on stderr."""
    if output is not None and output.exists():
        output.unlink()
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = _PeakSampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    cpu = _children_cpu() - cpu_before  # the child's own and every descendant it reaped
    lines = stderr.decode(errors="replace").splitlines()
    deliberate = proc.returncode == 2 and output is not None and output.is_file() and lines and all(
        _DELIBERATE.match(line) for line in lines)
    if proc.returncode not in (0, 1) and not deliberate:
        sys.stderr.write(f"{name}: {shlex.join(argv)} gav slutstatus {proc.returncode}\n")
        sys.stderr.write(stderr.decode(errors="replace"))
        raise SystemExit(1)
    size = output.stat().st_size if output is not None and output.is_file() else len(stdout)
    said = stdout.decode(errors="replace").strip().partition("\n")[0]
    return Run(name, wall, cpu, sampler.peak / 2**20, size, proc.returncode, said)


def _median_run(name: str, runs: list[Run]) -> Run:
    return Run(name, statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               max(r.peak_mb for r in runs), runs[0].output_bytes, runs[0].status)


def _regelkoll() -> list[str]:
    """The command a user types: the console script beside this Python, else the module."""
    script = Path(sys.executable).parent / "regelkoll"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "regelkoll.cli"]


def first_facility(bundle: Path, kind: str = "hvb") -> str:
    """The first facility of `kind` in the bundle (by file name), else the first facility."""
    files = sorted(bundle.glob("v*.yaml"))
    for file in files:
        head = file.read_text(encoding="utf-8")[:400]
        if f'typ: "{kind}"' in head:
            return file.stem
    if not files:
        raise SystemExit(f"{bundle}: ingen verksamhetsfil (v*.yaml)")
    return files[0].stem


def run_all(bundle: Path, work: Path, fmt: str, extra: list[str], repeat_one: int, jobs: int,
            skip: frozenset[str] = frozenset()) -> list[Run]:
    cli = _regelkoll()
    facility = first_facility(bundle)
    runs = [] if "a" in skip else [measure("a: läs och validera", [sys.executable, "-c", LOAD, str(bundle)])]
    for name, n in (("b: check --jobs 1", 1), (f"c: check --jobs {jobs}", jobs)):
        if name[0] in skip:
            continue
        out = work / f"check-{n}.{fmt}"
        runs.append(measure(name, [*cli, "check", str(bundle), "--format", fmt, "--output", str(out),
                                   "--jobs", str(n), *extra], out))
    for name, data, fid in ((f"d: en verksamhet ({facility})", bundle, facility),
                            (f"d': en verksamhet i demo ({DEMO_FACILITY})", DEMO, DEMO_FACILITY)):
        if name.split(":")[0] in skip:
            continue
        out = work / f"one-{fid}.{fmt}"
        argv = [*cli, "check", str(data), "--facility", fid, "--format", fmt, "--output", str(out), *extra]
        runs.append(_median_run(f"{name}, median av {repeat_one}",
                                [measure(name, argv, out) for _ in range(repeat_one)]))
    return runs


def _commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip() or "okänd"


def ratios(runs: list[Run]) -> dict[str, float]:
    step = {r.name.split(":")[0]: r for r in runs}
    load, one, many = step.get("a"), step.get("b"), step.get("c")
    nan = float("nan")
    check = one or many  # CPU of the check with one worker, else with all (a little more: the pool's overhead)
    return {"check_cpu_per_load_cpu": check.cpu / load.cpu if load and check and load.cpu else nan,
            "wall_1_per_wall_n": one.wall / many.wall if one and many and many.wall else nan}


def text_report(header: dict, runs: list[Run]) -> str:
    lines = [" ".join(f"{k}={v}" for k, v in header.items())]
    for r in runs:
        lines.append(f"{r.name}: wall {r.wall:.2f} s, CPU {r.cpu:.2f} s, topp {r.peak_mb:.0f} MB, "
                     f"utdata {r.output_bytes} byte, slutstatus {r.status}"
                     + (f" ({r.said})" if r.said else ""))
    q = ratios(runs)
    lines.append(f"check-CPU / läs-CPU = {q['check_cpu_per_load_cpu']:.1f}; "
                 f"wall 1 arbetare / wall {header['nproc']} = {q['wall_1_per_wall_n']:.2f}")
    return "\n".join(lines)


def markdown_report(header: dict, runs: list[Run]) -> str:
    q = ratios(runs)
    lines = [f"{header['facilities']} verksamheter ({header['records']} poster, seed {header['seed']}), "
             f"nproc {header['nproc']}, commit {header['commit']}, format {header['format']}"
             + (f", `{header['extra_args']}`" if header["extra_args"] else "") + ":", "",
             "| mätning | wall (s) | CPU (s) | toppminne (MB) | utdata (byte) | slutstatus |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {r.name} | {r.wall:.2f} | {r.cpu:.2f} | {r.peak_mb:.0f} | {r.output_bytes} | {r.status} |"
              for r in runs]
    load = next((r for r in runs if r.name.startswith("a:")), None)
    lines += ["", f"Läsningen: {load.said}." if load and load.said else "",
              f"check-CPU / läs-CPU = {q['check_cpu_per_load_cpu']:.1f}; "
              f"wall 1 arbetare / wall {header['nproc']} arbetare = {q['wall_1_per_wall_n']:.2f}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, help="bundle directory: reused if it holds one, else generated there "
                                                   "and kept")
    parser.add_argument("--repeat-one", type=int, default=10)
    parser.add_argument("--format", default="json", help="the check's report format")
    parser.add_argument("--extra-args", default="", help="more options for check, e.g. \"--ledger full\"")
    parser.add_argument("--markdown", action="store_true", help="print a table for bench/RESULTS.md")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--skip", default="", help="steps not run, e.g. \"b,d\" (a, b, c, d, d')")
    args = parser.parse_args(argv)
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bundle = args.data if args.data is not None else work / "bundle"
        started = time.perf_counter()
        facilities = args.facilities
        if (bundle / "00_kontext.yaml").is_file():
            counts, generated = None, None
            facilities = len(list(bundle.glob("v*.yaml")))
        else:
            counts = national_data.generate(bundle, args.facilities, args.seed)
            generated = time.perf_counter() - started
        records = sum(v for k, v in counts.items() if k != "ogiltiga") if counts else "?"
        header = {"facilities": facilities, "records": records, "seed": args.seed, "nproc": jobs,
                  "commit": _commit(), "format": args.format, "extra_args": args.extra_args,
                  "generate_s": round(generated, 2) if generated is not None else None}
        runs = run_all(bundle, work, args.format, shlex.split(args.extra_args), args.repeat_one, jobs,
                       frozenset(x.strip() for x in args.skip.split(",") if x.strip()))
    if args.json:
        print(json.dumps({"header": header, "runs": [asdict(r) for r in runs], "ratios": ratios(runs)},
                         ensure_ascii=False, indent=1))
    elif args.markdown:
        print(markdown_report(header, runs))
    else:
        print(text_report(header, runs))


if __name__ == "__main__":
    main()
