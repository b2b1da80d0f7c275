"""Evaluation in worker processes: parallel, and a crash in durable's C core costs one facility.

Worker processes are forked, so they start with the compiled rules and the
bundle already in memory. When a worker dies (SIGSEGV, abort), the pool
breaks for every facility still pending; those are retried one by one, each in
a fresh process, so the facility that crashes is named and the others finish.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from engine.bundle import FactBundle
from engine.errors import EvaluationError
from engine.evaluate import CompiledRule
from engine.facts import Kontext
from engine.findings import Finding
from engine.run import FacilityError, evaluate_facility

_STATE: dict = {}


def _init(compiled: list[CompiledRule], bundle: FactBundle, kontext: Kontext, run_id: str) -> None:
    import faulthandler

    from engine.drhost import DurableRunner

    # a crash is reported as one line by the parent; a C stack dump on the user's terminal helps nobody
    faulthandler.disable()
    _STATE.update(compiled=compiled, bundle=bundle, kontext=kontext, run_id=run_id, runner=DurableRunner())


def _evaluate_one(facility_id: str) -> tuple[str, list[Finding] | str]:
    try:
        return facility_id, evaluate_facility(_STATE["compiled"], _STATE["bundle"], facility_id, _STATE["kontext"],
                                              _STATE["runner"], _STATE["run_id"])
    except EvaluationError as exc:
        return facility_id, str(exc)
    except Exception as exc:  # noqa: BLE001 - one facility's failure must not end the run
        return facility_id, f"internt fel ({type(exc).__name__}: {exc})"


def _task(facility_id: str) -> tuple[str, list[Finding] | str]:
    # looked up at call time, so that the function run in the forked worker can be replaced in tests
    return _evaluate_one(facility_id)


def _context() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork")


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def evaluate_facilities(compiled: list[CompiledRule], bundle: FactBundle, kontext: Kontext, facility_ids: list[str],
                        run_id: str, jobs: int | None = None) -> tuple[list[Finding], list[FacilityError]]:
    findings: list[Finding] = []
    errors: list[FacilityError] = []
    done: set[str] = set()

    def collect(fid: str, result: list[Finding] | str) -> None:
        done.add(fid)
        if isinstance(result, str):
            errors.append(FacilityError(fid, f"utvärderingen misslyckades: {result}"))
        else:
            findings.extend(result)

    init = (compiled, bundle, kontext, run_id)
    jobs = jobs or default_jobs()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init, initargs=init) as pool:
            for fid, result in pool.map(_task, facility_ids, chunksize=1):
                collect(fid, result)
    except BrokenProcessPool:
        pass
    for fid in facility_ids:
        if fid in done:
            continue
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=_init, initargs=init) as pool:
                collect(*pool.submit(_task, fid).result())
        except BrokenProcessPool:
            done.add(fid)
            errors.append(FacilityError(fid, "regelmotorn (durable_rules) kraschade under utvärderingen av "
                                             "verksamheten; inga resultat för den"))
    return findings, errors
