"""Benchmark `regelkoll check`: generate N facilities, time the check, report facts/s and peak memory.

    python bench/bench_check.py --facilities 500 [--staff 20] [--jobs 0] [--seed 1]

Measured, never asserted: speed depends on the machine. Peak memory is the
largest resident set of the check process and its worker processes (ru_maxrss
of the children), read after the run.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["hvb", "stodboende", "skyddat_boende", "lss_korttidsvistelse", "lss_bostad_barn", "hemtjanst"]


def generate(out: Path, facilities: int, staff: int, seed: int) -> int:
    rng = random.Random(seed)
    facts = 1
    (out / "kontext.yaml").write_text(yaml.safe_dump({"kontext": {"per_datum": "2026-11-20"}}), encoding="utf-8")
    for f in range(facilities):
        org = f"o{f}"
        typ = rng.choice(TYPES)
        law = "2010:479" if typ.startswith("lss") else "2007:171"
        doc = {"organisation": [{"id": org, "namn": f"Org {f}", "regi": "enskild"}],
               "verksamhet": [{"id": f"f{f}", "namn": f"Verksamhet {f}", "organisation": org, "typ": typ,
                               "tar_emot_barn": rng.random() < 0.9}],
               "person": [], "engagemang": [], "registerutdrag": []}
        for s in range(staff):
            pid = f"p{f}-{s}"
            start = date(2023, 1, 1) + timedelta(days=rng.randint(0, 1400))
            doc["person"].append({"id": pid, "namn": f"Person {f}-{s}"})
            doc["engagemang"].append({"id": f"e{f}-{s}", "person": pid, "verksamhet": f"f{f}",
                                      "form": rng.choice(["anstallning", "uppdrag", "praktik", "volontar"]),
                                      "start": start.isoformat()})
            if rng.random() < 0.9:
                issued = start - timedelta(days=rng.randint(-20, 260))
                doc["registerutdrag"].append({
                    "id": f"x{f}-{s}", "person": pid, "organisation": org,
                    "lag": law if rng.random() < 0.9 else "2013:852",
                    "omfattar": rng.choice([["belastningsregistret"], ["belastningsregistret", "misstankeregistret"]]),
                    "utfardat": issued.isoformat(), "uppvisat": (issued + timedelta(days=rng.randint(0, 30))).isoformat()})
        _licensed_care(doc, rng, f, org, typ)
        facts += sum(len(v) for v in doc.values())
        (out / f"f{f}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return facts


def _licensed_care(doc: dict, rng: random.Random, f: int, org: str, typ: str) -> None:
    """A licence with a status history, placements (for homes) and the operator's representatives."""
    granted = date(2018, 1, 1) + timedelta(days=rng.randint(0, 2000))
    status = [{"status": "aktivt", "fran": granted.isoformat()}]
    if rng.random() < 0.2:
        status.append({"status": rng.choice(["aterkallat", "forbud", "vilande"]),
                       "fran": (granted + timedelta(days=rng.randint(100, 1500))).isoformat()})
    doc["verksamhet"][0]["startdatum"] = granted.isoformat()
    doc["tillstand"] = [{"id": f"t{f}", "organisation": org, "verksamhet": f"f{f}", "verksamhetstyp": typ,
                         "beslutsdatum": granted.isoformat(), "malgrupper": ["psykosocial_problematik", "missbruk"],
                         "alder_fran": 13, "alder_till": 17, "platser": rng.randint(4, 8), "status": status}]
    doc["placering"] = []
    if typ in ("hvb", "stodboende", "skyddat_boende"):
        for p in range(rng.randint(5, 15)):
            admitted = date(2024, 1, 1) + timedelta(days=rng.randint(0, 1000))
            doc["placering"].append({
                "id": f"pl{f}-{p}", "verksamhet": f"f{f}", "klient": f"K{f}-{p}", "alder": rng.randint(12, 19),
                "malgrupp": rng.choice(["psykosocial_problematik", "missbruk", "unga_vuxna"]),
                "inskriven": admitted.isoformat(),
                "utskriven": (admitted + timedelta(days=rng.randint(30, 400))).isoformat(),
                "lamplighet_dokumenterad": (admitted + timedelta(days=rng.randint(-3, 2))).isoformat()})
    doc["foretradare"] = [{"id": f"fr{f}-{r}", "person": f"p{f}-{r}", "organisation": org,
                           "roll": rng.choice(["vd", "styrelseledamot", "agare"]),
                           "fran": (granted + timedelta(days=rng.randint(0, 1500))).isoformat(),
                           **({"anmald": (granted + timedelta(days=rng.randint(0, 1550))).isoformat()}
                              if rng.random() < 0.8 else {})} for r in range(3)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=200)
    parser.add_argument("--staff", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "bundle"
        bundle.mkdir()
        facts = generate(bundle, args.facilities, args.staff, args.seed)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(bundle), "--format", "json",
                               "--output", str(Path(tmp) / "out.json"), "--jobs", str(args.jobs)],
                              cwd=ROOT, capture_output=True)
        elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr.decode())
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{args.facilities} facilities, {facts} facts: {elapsed:.2f} s, {facts / elapsed:,.0f} facts/s "
          f"(whole command, incl. start-up, reading YAML and writing JSON), peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
