"""The check of one bundle by an earlier commit and by this checkout, alternated in one run (ratios, not timings).

    python bench/compare_commits.py --old 85162c6 --facilities 200 [--rounds 2] [--format json]

The earlier commit is checked out in a temporary worktree and imported in place of this one (a
`regelkoll` package shim on PYTHONPATH, which comes before the editable install), so both use the same
Python and the same durable_rules. Each run: `check BUNDLE --jobs 1`, its wall and CPU time, peak memory
of the process tree (sum of PSS) and report size, printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_national  # noqa: E402
import national_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _shim(old: str, work: Path) -> Path:
    tree = work / "tree"
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), old], cwd=ROOT, check=True)
    (tree / "engine" / "adapters").symlink_to("../adapters")  # the package maps adapters/ as regelkoll.adapters
    shim = work / "shim"
    shim.mkdir()
    (shim / "regelkoll").symlink_to(tree / "engine")
    return shim


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="the earlier commit")
    parser.add_argument("--facilities", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--format", default="json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bundle = work / "bundle"
        national_data.generate(bundle, args.facilities, args.seed)
        shim = _shim(args.old, work)
        try:
            print("| | wall (s) | CPU (s) | peak memory (MB) | report (bytes) |\n| --- | ---: | ---: | ---: | ---: |")
            for round_ in range(args.rounds):
                for label, path in ((f"before ({args.old})", str(shim)), ("after (this checkout)", None)):
                    env = dict(os.environ)
                    env.pop("PYTHONPATH", None)
                    if path:
                        env["PYTHONPATH"] = path
                    os.environ.clear()
                    os.environ.update(env)
                    out = work / f"out-{round_}-{bool(path)}.{args.format}"
                    run = bench_national.measure(label, [sys.executable, "-m", "regelkoll.cli", "check", str(bundle),
                                                         "--format", args.format, "--jobs", "1", "--output", str(out)],
                                                 out)
                    print(f"| {label} | {run.wall:.1f} | {run.cpu:.1f} | {run.peak_mb:.0f} | {run.output_bytes} |",
                          flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(work / "tree")], cwd=ROOT)


if __name__ == "__main__":
    main()
