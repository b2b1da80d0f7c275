"""The server's worker processes (engine/web/pool.py): reused across requests, the same findings as in process,
a crash costs one unit and one pool, never the server, and data changed on disk is said, not judged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.facts.model import Kontext
from regelkoll.ledger.result import FacilityError, facts_digest
from regelkoll.ledger.workers import UnitJob
from regelkoll.web.pool import DataRef, WarmPool
from tests.cluster_crash import CrashingJob

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"


@pytest.fixture(scope="module")
def book():
    return api.load_rules()


@pytest.fixture(scope="module")
def demo():
    return api.read_facts(DEMO)


@pytest.fixture(scope="module")
def warm():
    pool = WarmPool(2)
    yield pool
    pool.close()


def _ref(book, path: Path, bundle) -> DataRef:
    return DataRef(str(path), facts_digest(bundle), str(api.BUNDLED_RULES), book.digest)


def _job(book, bundle, cls=UnitJob, **extra) -> UnitJob:
    compiled = api.compile_rules(api.select_rules(book))
    return cls(compiled, bundle, Kontext(per_datum=bundle.kontext.per_datum), "regelkoll", **extra)


def _keys(results) -> list[tuple]:
    out = []
    for unit, result in results:
        if isinstance(result, FacilityError):
            out.append((unit, "fel", result.message))
        else:
            out += sorted((f.facility_id, f.rule_id, f.subject_kind, f.subject_id, f.outcome) for f in result)
    return out


def test_the_workers_judge_as_the_engine_does_in_process_and_are_reused(book, demo, warm):
    units = api.units(demo)
    job = _job(book, demo)
    expected = _keys((u, job(u)[1]) for u in units)
    bound = warm.bind(_ref(book, DEMO, demo))
    first = list(bound.run(job, units))
    second = list(bound.run(job, units[:3]))
    assert [u for u, _ in first] == units  # in order, for a report that is the same bytes every time
    assert _keys(first) == expected
    assert _keys(second) == [k for k in expected if k[0] in units[:3]]
    assert warm.started == 1  # one pool for both requests: the workers were not started again


def test_a_crash_costs_its_unit_and_the_pool_not_the_server(book, demo, warm):
    units = api.units(demo)
    victim = "hvb-granen"
    before = warm.started
    bound = warm.bind(_ref(book, DEMO, demo))
    crashed = dict(bound.run(_job(book, demo, CrashingJob, crash=victim), units))
    assert isinstance(crashed[victim], FacilityError) and "kraschade" in crashed[victim].message
    assert all(not isinstance(r, FacilityError) for u, r in crashed.items() if u != victim)
    normal = _job(book, demo)
    assert _keys((u, crashed[u]) for u in units if u != victim) == _keys(
        (u, normal(u)[1]) for u in units if u != victim)
    again = list(bound.run(normal, units))  # the next request gets a new pool and every unit
    assert warm.started == before + 1
    assert not any(isinstance(r, FacilityError) for _, r in again)


def test_data_changed_on_disk_after_it_was_read_is_said_not_judged(book, demo, warm, tmp_path):
    copy = tmp_path / "demo"
    shutil.copytree(DEMO, copy)
    bundle = api.read_facts(copy)
    ref = _ref(book, copy, bundle)
    facility = copy / "klinik-glans.yaml"
    facility.write_text(facility.read_text(encoding="utf-8").replace("Klinik Glans", "Klinik Glans AB"),
                        encoding="utf-8")
    units = api.units(bundle)[:2]
    results = list(warm.bind(ref).run(_job(book, bundle), units))
    assert [type(r) for _, r in results] == [FacilityError, FacilityError]
    assert all("ändrades" in r.message for _, r in results)
