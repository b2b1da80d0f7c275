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
import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

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


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the parent dies; elsewhere the parent's handlers must do."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _init(compiled: list[CompiledRule], bundle: FactBundle, kontext: Kontext, run_id: str, parent: int) -> None:
    import faulthandler

    from regelkoll.backends.durable.host import DurableRunner

    # the parent reports an interrupt in one line and stops the workers itself; a fork inherits its handlers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _die_with_parent(parent)
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


def iter_facilities(compiled: list[CompiledRule], bundle: FactBundle, kontext: Kontext, facility_ids: list[str],
                    run_id: str, jobs: int | None = None) -> Iterator[tuple[str, list[Finding] | FacilityError]]:
    """Each unit's findings (or its error) as soon as it is its turn, in the order of `facility_ids`.

    A consumer that stops early stops the workers with it (the pool is killed on leaving the generator).
    """
    init = (compiled, bundle, kontext, run_id, os.getpid())
    done = 0
    try:
        with _pool(jobs or default_jobs(), init) as pool:
            for fid, result in pool.map(_task, facility_ids, chunksize=1):
                done += 1
                yield fid, _outcome(fid, result)
    except BrokenProcessPool:
        pass
    # a worker died: every unit not yet reported is tried again alone, so that the one that crashes is named
    for fid in facility_ids[done:]:
        try:
            with _pool(1, init) as pool:
                outcome = _outcome(*pool.submit(_task, fid).result())
        except BrokenProcessPool:
            outcome = FacilityError(fid, "regelmotorn (durable_rules) kraschade under utvärderingen av "
                                         "verksamheten; inga resultat för den")
        yield fid, outcome


def _outcome(fid: str, result: list[Finding] | str) -> list[Finding] | FacilityError:
    return FacilityError(fid, f"utvärderingen misslyckades: {result}") if isinstance(result, str) else result


def evaluate_facilities(compiled: list[CompiledRule], bundle: FactBundle, kontext: Kontext, facility_ids: list[str],
                        run_id: str, jobs: int | None = None) -> tuple[list[Finding], list[FacilityError]]:
    findings: list[Finding] = []
    errors: list[FacilityError] = []
    for _, outcome in iter_facilities(compiled, bundle, kontext, facility_ids, run_id, jobs):
        if isinstance(outcome, FacilityError):
            errors.append(outcome)
        else:
            findings.extend(outcome)
    return findings, errors
