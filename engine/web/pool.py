"""Worker processes that live as long as the server: the engine runs there for every request, never in the server.

The command line forks a pool per run with the bundle already in memory (engine/ledger/workers.py). A server
cannot do that: forking a process that runs threads copies locks other threads may hold, and a pool per request
would pay for starting workers (importing durable_rules, compiling the rules) every time. These workers are
started once, from a clean process (multiprocessing's forkserver), and each keeps the last data sets and rule
books it was asked about, read from disk by itself and checked against the digests the request names. A request
sends only the day, the ids of the rules and how to render a unit: a few kilobytes per chunk of units.

A worker that dies (durable_rules' C core can crash on a hostile input) breaks the pool for the requests using
it: their remaining units are retried one by one, each in a fresh process, so that the crashing unit is named and
the others finish, and the next request gets a new pool. The server process is never the one that crashes.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any

from regelkoll.ledger.result import FacilityError
from regelkoll.ledger.workers import CRASHED, UnitJob, default_jobs, outcome

KEPT = 2  # data sets (and rule books) a worker keeps in memory; a third evicts the oldest
_DATA: OrderedDict[tuple, Any] = OrderedDict()
_BOOKS: OrderedDict[tuple[str, str], Any] = OrderedDict()


@dataclass(frozen=True)
class DataRef:
    """Where a worker reads what the request's parent read, and the digests that prove it is the same."""

    facts: str
    facts_digest: str
    rules: str
    rules_digest: str
    # which reading of the files: the same facts read from files that moved lines have other sources (file:line)
    files: str = ""


def _remember(cache: OrderedDict, key: tuple, load) -> Any:
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = load()
    while len(cache) > KEPT:
        cache.popitem(last=False)
    return value


def _facts(ref: DataRef):
    from regelkoll import api
    from regelkoll.ledger.result import facts_digest

    bundle = api.read_facts(ref.facts)
    if facts_digest(bundle) != ref.facts_digest:
        raise ChangedData("datamängden ändrades på disken under körningen; kör kontrollen igen")
    return bundle


def _book(ref: DataRef) -> dict[str, Any]:
    from regelkoll import api

    book = api.load_rules(ref.rules)
    if book.digest != ref.rules_digest:
        raise ChangedData("regelpaketen ändrades på disken under körningen; starta om servern")
    return {c.rule.id: c for c in api.compile_rules(book)}


class ChangedData(Exception):
    pass


def _evaluate(ref: DataRef, rule_ids: tuple[str, ...], light: UnitJob, unit: str) -> tuple[str, Any]:
    try:
        bundle = _remember(_DATA, (ref.facts, ref.facts_digest, ref.files), lambda: _facts(ref))
        compiled = _remember(_BOOKS, (ref.rules, ref.rules_digest), lambda: _book(ref))
    except ChangedData as exc:
        return unit, str(exc)
    return replace(light, compiled=[compiled[i] for i in rule_ids], bundle=bundle)(unit)


def _evaluate_chunk(ref: DataRef, rule_ids: tuple[str, ...], light: UnitJob, units: list[str]) -> list:
    return [_evaluate(ref, rule_ids, light, unit) for unit in units]


def _worker_init() -> None:
    import faulthandler
    import signal

    # the server stops its workers itself; a crash is reported as one line, not a C stack dump in its log
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()


class WarmPool:
    """The server's worker processes, shared by every request (thread-safe); `bind` one to a data set."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_jobs()
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self.started = 0  # pools started: 1 while no worker has crashed (the tests read it)

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_worker_init)
                self.started += 1
            return self._executor

    def _broken(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def bind(self, ref: DataRef) -> BoundPool:
        return BoundPool(self, ref)

    def alone(self, function, *args, crashed: Any) -> Any:
        """`function(*args)` in a process of its own, for work that runs the engine outside a unit job (the
        screening of an application); DiagnosticError `crashed` when that process dies under it."""
        from regelkoll.diagnostics import DiagnosticError

        try:
            return _in_own_process(function, *args)
        except BrokenProcessPool:
            raise DiagnosticError([crashed]) from None

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class BoundPool:
    """The pool for one request's data: what `api.iter_check(pool=...)` calls."""

    warm: WarmPool
    ref: DataRef

    def run(self, job: UnitJob, units: list[str]) -> Iterator[tuple[str, Any]]:
        rule_ids = tuple(c.rule.id for c in job.compiled)
        light = replace(job, compiled=[], bundle=None)
        chunks = _chunks(units, self.warm.workers)
        executor = self.warm._pool()
        done = 0
        try:
            futures = [executor.submit(_evaluate_chunk, self.ref, rule_ids, light, chunk) for chunk in chunks]
        except (BrokenProcessPool, RuntimeError):
            futures = []
            self.warm._broken(executor)
        try:
            for future in futures:
                for unit, result in future.result():
                    done += 1
                    yield unit, outcome(unit, result)
        except BrokenProcessPool:
            self.warm._broken(executor)
        finally:
            for future in futures:
                future.cancel()  # a client that went away stops its queued chunks
        for unit in units[done:]:
            yield unit, self._alone(rule_ids, light, unit)

    def _alone(self, rule_ids: tuple[str, ...], light: UnitJob, unit: str) -> Any:
        """One unit in a process of its own, after a crash: the unit that crashes is named, the others finish."""
        try:
            [(unit, result)] = _in_own_process(_evaluate_chunk, self.ref, rule_ids, light, [unit])
            return outcome(unit, result)
        except BrokenProcessPool:
            return FacilityError(unit, CRASHED)


def _in_own_process(function, *args) -> Any:
    """`function(*args)` in a fresh worker that serves nothing else; BrokenProcessPool when it dies under it."""
    with ProcessPoolExecutor(1, mp_context=_context(), initializer=_worker_init) as executor:
        return executor.submit(function, *args).result()


def _chunks(units: list[str], workers: int) -> list[list[str]]:
    # a few chunks a worker: each carries the request's renderer once, and units of uneven cost still spread
    size = max(1, len(units) // (workers * 4) or 1)
    return [units[i:i + size] for i in range(0, len(units), size)]


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    # the fork server imports the engine once, and every worker is forked from it with the engine loaded; not
    # the server's __main__ (the default), which for uvicorn or a test runner would start them again
    context.set_forkserver_preload(["regelkoll.web.pool", "regelkoll.api", "regelkoll.backends.durable.host"])
    return context
