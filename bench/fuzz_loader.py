"""Long fuzz campaign of the loader: random mutations of the demo county, every property checked.

    python bench/fuzz_loader.py --mutations 500 --seed N [--jobs K] [--keep DIR] [--summary FILE]

Each case is the demo bundle with 1–3 mutations (`tests/mutations.py`), checked with
`regelkoll check DIR --format json --jobs 1`; every fifth case is also checked in the text
format and every seventh twice (same bytes), and every eleventh with `--jobs 2` (same bytes
as `--jobs 1`). K cases run at a time (default: the number of CPUs). The summary gives the
exit statuses, the failures per property and every failing case with its mutations, the
command and the relevant output lines; it is printed and written to --summary (default
/tmp/fuzz_loader_summary.md, plus a .json next to it). With --keep, every failing bundle is
kept in DIR/<case id>/ so that it can be checked again by hand. Exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.mutations import ROOT, Failure, Outcome, evaluate, make_case, run_check  # noqa: E402


def one(seed: int, index: int, work: Path, keep: Path | None, timeout: float, root: Path) -> Outcome:
    case = make_case(seed, index)
    directory = work / case.id
    outcome = evaluate(case, directory, text=index % 5 == 0, repeat=index % 7 == 0, timeout=timeout, root=root)
    if index % 11 == 0 and not outcome.json_run.timed_out:
        two = run_check(directory, "json", jobs=2, timeout=timeout, root=root)
        if two.stdout != outcome.json_run.stdout or two.returncode != outcome.json_run.returncode:
            outcome.failures.append(Failure("same_bytes_any_jobs", "--jobs 2 differs from --jobs 1",
                                            [f"exit {outcome.json_run.returncode} vs {two.returncode}, "
                                             f"{len(outcome.json_run.stdout)} vs {len(two.stdout)} bytes"]))
    if outcome.failures and keep is not None:
        target = keep / case.id
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(directory, target)
        (keep / f"{case.id}.txt").write_text(outcome.report() + "\n", encoding="utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    return outcome


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mutations", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first case index (to resume or split a campaign)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="cases checked at a time")
    ap.add_argument("--timeout", type=float, default=180, help="seconds per run before it counts as a hang")
    ap.add_argument("--keep", type=Path, help="keep failing bundles here")
    ap.add_argument("--summary", type=Path, default=Path("/tmp/fuzz_loader_summary.md"))
    ap.add_argument("--root", type=Path, default=ROOT,
                    help="the Regelkoll tree to check with (default this one, through the installed regelkoll); "
                         "e.g. a snapshot `git archive COMMIT | tar -x -C DIR`, run with its own engine/ as the package `regelkoll`")
    args = ap.parse_args()
    args.root = args.root.resolve()

    if args.root == ROOT:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "engine", "adapters", "rules"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
    else:
        label = args.root / ".fuzz_commit"  # written by whoever made the snapshot
        commit = (label.read_text().strip() if label.exists() else "unknown") + f" (snapshot {args.root})"
        dirty = ""
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="fuzz-loader-") as tmp, ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(one, args.seed, i, Path(tmp), args.keep, args.timeout, args.root)
                   for i in range(args.start, args.start + args.mutations)]
        for n, fut in enumerate(as_completed(futures), 1):
            o = fut.result()
            outcomes.append(o)
            mark = "FAIL " + ",".join(sorted({f.prop for f in o.failures})) if o.failures else "ok"
            print(f"[{n}/{len(futures)}] {o.case.id}: exit {o.json_run.returncode} {o.json_run.seconds:.1f}s {mark}",
                  file=sys.stderr, flush=True)
    outcomes.sort(key=lambda o: o.case.index)
    elapsed = time.monotonic() - started

    statuses = Counter("timeout" if o.json_run.timed_out else str(o.json_run.returncode) for o in outcomes)
    by_prop = Counter(f.prop for o in outcomes for f in o.failures)
    cases_by_prop: dict[str, list[str]] = {}
    for o in outcomes:
        for prop in sorted({f.prop for f in o.failures}):
            cases_by_prop.setdefault(prop, []).append(o.case.id)
    by_kind: Counter = Counter()
    for o in outcomes:
        if o.failures:
            by_kind.update(set(o.case.kinds))
    failing = [o for o in outcomes if o.failures]
    slowest = sorted(outcomes, key=lambda o: -o.json_run.seconds)[:5]

    lines = [
        "# Fuzz campaign of the loader",
        "",
        f"- commit {commit}{' (engine/adapters/rules modified in the working tree)' if dirty else ''}, "
        f"seed {args.seed}, cases {args.start}..{args.start + args.mutations - 1}, {args.jobs} at a time, "
        f"{elapsed:.0f} s",
        f"- exit statuses (JSON run): {dict(sorted(statuses.items()))}",
        f"- cases with a failure: {len(failing)} of {len(outcomes)}",
        "- failures by property: " + (", ".join(f"{p} {c}" for p, c in by_prop.most_common()) or "none"),
        "- mutation kinds in failing cases: " + (", ".join(f"{k} {c}" for k, c in by_kind.most_common()) or "none"),
        "- slowest runs: " + ", ".join(f"{o.case.id} {o.json_run.seconds:.1f}s" for o in slowest),
        "",
    ]
    for prop, ids in sorted(cases_by_prop.items()):
        lines.append(f"## {prop} ({len(ids)})")
        lines.append("")
        lines.append(", ".join(ids))
        lines.append("")
    lines.append("## Failing cases")
    lines.append("")
    for o in failing:
        lines.append("```")
        lines.append(o.report())
        lines.append("```")
    text = "\n".join(lines) + "\n"
    print(text)
    args.summary.parent.mkdir(parents=True, exist_ok=True)
    args.summary.write_text(text, encoding="utf-8")
    args.summary.with_suffix(".json").write_text(json.dumps({
        "commit": commit, "dirty": bool(dirty), "seed": args.seed, "start": args.start, "mutations": args.mutations,
        "seconds": round(elapsed), "exit_statuses": statuses, "failures_by_property": by_prop,
        "cases": [{"id": o.case.id, "steps": o.case.steps, "exit": o.json_run.returncode,
                   "seconds": round(o.json_run.seconds, 2),
                   "failures": [{"property": f.prop, "message": f.message, "lines": f.lines[:12]} for f in o.failures]}
                  for o in outcomes],
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
