"""The national benchmark's bundle generator and its runner (bench/national_data.py, bench/bench_national.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from regelkoll.api import read_facts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import national_data  # noqa: E402

FACILITIES = 40


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("national") / "bundle"
    return out, national_data.generate(out, FACILITIES, seed=7)


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first, second, other = (national_data.generate(tmp_path / name, 20, seed=seed)
                            for name, seed in (("a", 3), ("b", 3), ("c", 4)))
    assert first == second
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_one_file_per_organisation_or_facility_and_a_kontext(bundle: tuple[Path, dict[str, int]]) -> None:
    path, counts = bundle
    names = [p.name for p in path.iterdir()]
    assert "00_kontext.yaml" in names
    assert sum(name.startswith("v") for name in names) == counts["verksamhet"] == FACILITIES
    assert sum(name[0] in "ok" for name in names) == counts["organisation"]


def test_loads_with_only_the_deliberate_diagnostics(bundle: tuple[Path, dict[str, int]]) -> None:
    path, counts = bundle
    facts = read_facts(path)
    assert [d.code for d in facts.diagnostics] == ["RK-B010"] * counts.get("ogiltiga", 0)
    for kind in ("person", "registerutdrag", "engagemang", "placering", "tillstand", "foretradare", "behandling"):
        broken = sum(b.kind == kind for b in facts.broken)
        assert len(facts.facts[kind]) + broken == counts[kind], kind
    assert facts.kontext is not None and facts.kontext.per_datum == national_data.PER_DATUM


def test_invalid_records_keep_their_facility_or_organisation(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(national_data, "INVALID_SHARE", 0.05)
    counts = national_data.generate(tmp_path, 10, seed=2)
    facts = read_facts(tmp_path)
    given = [b for b in facts.broken if b.kind in national_data.BREAKAGE]
    assert len(given) == counts["ogiltiga"] == len(facts.diagnostics) > 10
    assert {b.kind for b in given} >= {"engagemang", "registerutdrag", "placering"}
    for broken in given:
        assert broken.ref("verksamhet") or broken.ref("organisation"), broken.raw


def test_proportions_hold_roughly(bundle: tuple[Path, dict[str, int]]) -> None:
    path, counts = bundle
    assert 18 <= counts["person"] / FACILITIES <= 35  # about 25 at national size
    assert 1.0 <= counts["registerutdrag"] / counts["person"] <= 1.5  # about 1.2
    assert counts["organisation"] < FACILITIES  # some run several facilities
    facts = read_facts(path)
    kinds = Counter(f.typ for f in facts.of("verksamhet"))
    assert len(kinds) >= 6 and kinds["hvb"] >= 2
    places = Counter(e.person for e in facts.of("engagemang"))
    assert any(n > 1 for n in places.values())  # someone works at two facilities
    licences = facts.of("tillstand")
    assert licences and all(t.status[0].status == "aktivt" for t in licences)
    placements = facts.of("placering")
    undocumented = sum(p.lamplighet_dokumenterad is None for p in placements)
    assert 0 < undocumented < len(placements) / 4


def test_bench_runs_end_to_end_and_prints_every_figure(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_national.py"), "--facilities", "2",
                           "--repeat-one", "1", "--data", str(tmp_path / "data"), "--json",
                           "--extra-args", "--rules rules/beslut"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    names = [r["name"] for r in result["runs"]]
    assert [n.split(":")[0] for n in names] == ["a", "b", "c", "d", "d'"]
    for run in result["runs"]:
        assert run["wall"] > 0 and run["cpu"] > 0 and run["peak_mb"] > 10 and run["output_bytes"] > 0, run
    assert set(result["ratios"]) == {"check_cpu_per_load_cpu", "wall_1_per_wall_n"}
    assert result["header"]["nproc"] >= 1 and result["header"]["commit"]
    assert (tmp_path / "data" / "00_kontext.yaml").is_file()  # --data keeps the bundle


def test_markdown_table_names_nproc_and_commit() -> None:
    import bench_national

    runs = [bench_national.Run(name, 2.0, 4.0 if name != "a" else 1.0, 100.0, 10, 0) for name in "abcd"]
    header = {"facilities": 3, "records": 99, "seed": 1, "nproc": 2, "commit": "abc1234", "format": "json",
              "extra_args": ""}
    table = bench_national.markdown_report(header, runs)
    assert "nproc 2" in table and "commit abc1234" in table
    assert table.count("\n| ") == 1 + len(runs)  # header row, then one row per measurement
    assert "check-CPU / läs-CPU = 4.0" in table and "= 1.00" in table
