"""Evaluation in worker processes: parallel, and a crash in durable's C core costs one facility.

Worker processes are forked, so they start with the compiled rules and the
bundle already in memory. When a worker dies (SIGSEGV, abort), the pool
breaks for every facility still pending; those are retried one by one, each in
a fresh process, so the facility that crashes is named and the others finish.

Interrupts are the parent's business. Workers ignore SIGINT (Ctrl-C reaches the
whole process group, and a worker's traceback helps nobody) and take SIGTERM's
default action. The parent's interrupt handler (engine/cli.py) calls `stop_all`,
which kills every worker at once instead of waiting for the queued facilities;
an exception in the parent while workers run does the same. On Linux a worker
also dies when the parent itself is killed (SIGKILL leaves no handler to run).
"""

from __future__ import annotations

import ctypes
import functools
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from regelkoll.diagnostics import EvaluationError
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Kontext
from regelkoll.ledger.findings import Finding
from regelkoll.ledger.judge import CompiledRule
from regelkoll.ledger.result import FacilityError
from regelkoll.ledger.run import evaluate_facility

_STATE: dict = {}
# the pools of this process that may have workers running, for stop_all
_LIVE: set[ProcessPoolExecutor] = set()


_PR_SET_PDEATHSIG = 1

# the message for a unit whose worker died under it, here and on a cluster
CRASHED = "regelmotorn (durable_rules) kraschade under utvärderingen av verksamheten; inga resultat för den"


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the parent dies; elsewhere the parent's handlers must do."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


@dataclass
class UnitJob:
    """Everything a worker needs to evaluate units: handed to a forked pool, or shipped to a cluster.

    `finish` runs in the worker on a unit's findings (for example, rendering its report rows), so that
    the parent only writes; it must be picklable (a module-level function or an instance of a class).
    """

    compiled: list[CompiledRule]
    bundle: FactBundle
    kontext: Kontext
    run_id: str
    finish: Callable[[str, list[Finding]], Any] | None = None

    def __call__(self, facility_id: str) -> tuple[str, Any]:
        """(unit, its findings or what `finish` made of them), or (unit, why it failed) as a str."""
        try:
            findings = evaluate_facility(self.compiled, self.bundle, facility_id, self.kontext, runner(),
                                         self.run_id)
            return facility_id, self.finish(facility_id, findings) if self.finish else findings
        except EvaluationError as exc:
            return facility_id, str(exc)
        except Exception as exc:  # noqa: BLE001 - one facility's failure must not end the run
            return facility_id, f"internt fel ({type(exc).__name__}: {exc})"


@functools.cache
def runner() -> Any:
    """One durable_rules host per process: durable never frees a registered ruleset (about 30 MB per run
    of the county, and at most 131 072 rulesets), so a runner per call would grow without bound in a
    long-lived process such as a web server, a cluster worker or the test suite."""
    from regelkoll.backends.durable.host import DurableRunner

    return DurableRunner()


def _init(job: UnitJob, parent: int) -> None:
    import faulthandler

    # the parent reports an interrupt in one line and stops the workers itself; a fork inherits its handlers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _die_with_parent(parent)
    # a crash is reported as one line by the parent; a C stack dump on the user's terminal helps nobody
    faulthandler.disable()
    _STATE["job"] = job


def _evaluate_one(facility_id: str) -> tuple[str, Any]:
    return _STATE["job"](facility_id)


def _task(facility_id: str) -> tuple[str, Any]:
    # looked up at call time, so that the function run in the forked worker can be replaced in tests
    return _evaluate_one(facility_id)


def _context() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork")


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _kill_workers(pool: ProcessPoolExecutor) -> list:
    # private, but the only handle on the processes: shutdown() alone waits for the running facilities,
    # which can take minutes inside durable_rules' C code that no signal handler interrupts
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError):
            pass  # already gone
    return processes


def _kill(pool: ProcessPoolExecutor) -> None:
    processes = _kill_workers(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


def stop_all() -> None:
    """Kill the workers of every pool at once; for the interrupt handler, which then leaves with os._exit.

    A worker forked a moment ago may not be listed yet; it dies with the parent (`_die_with_parent`).
    """
    for pool in list(_LIVE):
        _kill_workers(pool)


@contextmanager
def _pool(workers: int, init: tuple) -> Iterator[ProcessPoolExecutor]:
    # The workers are forked: the bundle is shared with the parent until a page of it is written. The garbage
    # collector writes to every object it visits, so each worker's first full collection would copy the whole
    # bundle; frozen objects are never visited (gc.freeze's purpose). Unfrozen when the pool is done, so that a
    # long-lived caller's garbage of this run can still be collected.
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init, initargs=init)
    _LIVE.add(pool)
    try:
        yield pool
    except BrokenProcessPool:
        pool.shutdown(wait=True)
        raise
    except BaseException:
        # a bug in the parent (or KeyboardInterrupt in a caller without our handler): stop the workers now,
        # not after the queue
        _kill(pool)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _LIVE.discard(pool)
        gc.unfreeze()


def iter_facilities(job: UnitJob, facility_ids: list[str],
                    jobs: int | None = None) -> Iterator[tuple[str, Any | FacilityError]]:
    """Each unit's result (or its error) as soon as it is its turn, in the order of `facility_ids`.

    A consumer that stops early stops the workers with it (the pool is killed on leaving the generator).
    """
    init = (job, os.getpid())
    done = 0
    try:
        # no more workers than units: each is forked up front, with its share of copied pages
        with _pool(min(jobs or default_jobs(), max(1, len(facility_ids))), init) as pool:
            for fid, result in pool.map(_task, facility_ids, chunksize=1):
                done += 1
                yield fid, outcome(fid, result)
    except BrokenProcessPool:
        pass
    # a worker died: every unit not yet reported is tried again alone, so that the one that crashes is named
    for fid in facility_ids[done:]:
        try:
            with _pool(1, init) as pool:
                result = outcome(*pool.submit(_task, fid).result())
        except BrokenProcessPool:
            result = FacilityError(fid, CRASHED)
        yield fid, result


def outcome(fid: str, result: Any) -> Any | FacilityError:
    """What UnitJob returned for a unit, with a failure (a str) as the unit's FacilityError."""
    return FacilityError(fid, f"utvärderingen misslyckades: {result}") if isinstance(result, str) else result


def evaluate_facilities(compiled: list[CompiledRule], bundle: FactBundle, kontext: Kontext, facility_ids: list[str],
                        run_id: str, jobs: int | None = None) -> tuple[list[Finding], list[FacilityError]]:
    findings: list[Finding] = []
    errors: list[FacilityError] = []
    for _, outcome in iter_facilities(UnitJob(compiled, bundle, kontext, run_id), facility_ids, jobs):
        if isinstance(outcome, FacilityError):
            errors.append(outcome)
        else:
            findings.extend(outcome)
    return findings, errors
