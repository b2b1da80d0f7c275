"""Evaluation on a Dask cluster: the same contract as workers.iter_facilities, when one machine is not enough.

The job (the compiled rules and the whole bundle) is shipped to every worker once; the units go out in
batches, a bounded number at a time, so the parent's memory does not grow with the country, and come back
in the order of `facility_ids`. The workers must run the same version of Regelkoll and its rules.

A worker that dies mid-batch (durable_rules' C core can segfault) is restarted by its nanny; the scheduler
tries the batch again elsewhere and gives up with KilledWorker after a few deaths. The batch's units are then
tried one at a time, with nothing else of this run in flight, so that the unit that crashes is named (as in
workers.py) and an innocent unit that happened to share the dying worker is not.

Dask is an optional extra (`pip install 'regelkoll[kluster]'`), imported only here and only when used.
"""

from __future__ import annotations

import math
import uuid
from collections import deque
from collections.abc import Iterator
from typing import Any

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.ledger.result import FacilityError
from regelkoll.ledger.workers import CRASHED, UnitJob, outcome

try:
    import distributed
    from distributed import WorkerPlugin
except ImportError:  # the base install: iter_cluster says how to get the extra (RK-E011)
    distributed = None
    WorkerPlugin = object

# a batch is big enough to amortise a task's round trip (a few ms), small enough to spread a county evenly
_MAX_BATCH = 32
# batches in flight per worker thread: one running, one queued so the thread never waits on the parent
_AHEAD = 2


class _Shipped(WorkerPlugin):
    """The job, on every worker. A plugin rather than scattered data: the scheduler keeps one pickled copy and
    installs it again on a worker its nanny restarts, where scattered data is gone for good once the workers
    holding it have died (as they do, one after another, when a unit crashes each worker it is retried on)."""

    def __init__(self, job: UnitJob):
        self.job = job


def _run_batch(name: str, units: list[str]) -> list[tuple[str, Any]]:
    """On a worker: each unit's (unit, result or error str), as UnitJob gives them."""
    job = distributed.get_worker().plugins[name].job
    return [job(unit) for unit in units]


def _connect(address: str) -> Any:
    """A client of the scheduler at `address`; RK-E011 without the extra, RK-E010 when the scheduler cannot be
    reached (within dask's connect timeout, `distributed.comm.timeouts.connect`, 30 s unless configured)."""
    if distributed is None:
        raise DiagnosticError([Diagnostic(address, 0, 0, "RK-E011", "körning på ett kluster kräver tillägget "
                                          "kluster, som inte är installerat", "--scheduler",
                                          "installera det med pip install 'regelkoll[kluster]'")])
    from distributed.comm import parse_address
    from distributed.comm.registry import get_backend

    try:
        # checked first: a Client refused its address is left half made, and hangs for a minute at exit;
        # and a Client of no address would start a cluster of its own on this machine
        scheme, location = parse_address(address)
        try:
            get_backend(scheme)
        except ValueError:
            raise ValueError(f"okänt adresschema '{scheme}'") from None
        if not location:
            raise ValueError("adressen saknar värd och port")
        return distributed.Client(address, set_as_default=False)
    except ValueError as exc:
        reason = str(exc)
    except (OSError, TimeoutError):
        # dask's own text is English and names the address again; it tries until its timeout whatever the cause
        import dask

        reason = f"inget svar inom {dask.config.get('distributed.comm.timeouts.connect')}"
    raise DiagnosticError([_unreachable(address, reason)])


def _unreachable(address: str, reason: str) -> Diagnostic:
    return Diagnostic(address or "--scheduler", 0, 0, "RK-E010", f"klustrets schemaläggare '{address}' går inte "
                      f"att nå ({reason})", "--scheduler", "kontrollera adressen och att `dask scheduler` körs där")


def iter_cluster(job: UnitJob, facility_ids: list[str], address: str, *,
                 batch: int | None = None) -> Iterator[tuple[str, Any | FacilityError]]:
    """Each unit's result (or its error) in the order of `facility_ids`, evaluated on the cluster at `address`.

    `batch`: units per task (default: enough tasks for four per worker thread, at most 32 units each).
    DiagnosticError RK-E010 when the scheduler cannot be reached (raised by this call, which connects at once;
    and while iterating, when the connection is lost), RK-E011 when dask is not installed.
    """
    return _outcomes(_connect(address), job, facility_ids, address, batch)


def _outcomes(client: Any, job: UnitJob, facility_ids: list[str], address: str,
              batch: int | None) -> Iterator[tuple[str, Any | FacilityError]]:
    name = f"regelkoll-{uuid.uuid4().hex}"
    try:
        client.register_plugin(_Shipped(job), name=name)
        threads = max(1, sum(client.nthreads().values()))
        size = batch or max(1, min(_MAX_BATCH, math.ceil(len(facility_ids) / (4 * threads))))
        queue = deque(facility_ids[i:i + size] for i in range(0, len(facility_ids), size))
        flight: deque = deque()

        def submit(units: list[str]) -> Any:
            return client.submit(_run_batch, name, units, pure=False)

        while queue or flight:
            while queue and len(flight) < _AHEAD * threads:
                units = queue.popleft()
                flight.append((units, submit(units)))
            units, future = flight.popleft()
            try:
                results = _result(future, address)
            except distributed.KilledWorker:
                # the others are stopped and sent again afterwards, so that each unit of this batch runs alone
                waiting = [units for units, _ in flight]
                client.cancel([future for _, future in flight])
                flight.clear()
                queue.extendleft(reversed(waiting))
                for unit in units:
                    yield unit, _alone(submit([unit]), unit, address)
                continue
            for unit, result in results:
                yield unit, outcome(unit, result)
    finally:
        # leaving early (an error, a consumer that stops) must not leave this run's tasks or job on the cluster
        try:
            client.unregister_worker_plugin(name)
        except Exception:  # noqa: BLE001 - never registered, or the scheduler is gone: nothing left to remove
            pass
        client.close()


def _result(future: Any, address: str) -> list[tuple[str, Any]]:
    try:
        return future.result()
    except distributed.client.FutureCancelledError:
        # the client gave up reconnecting to a scheduler that went away: no unit after this one is known
        raise DiagnosticError([_unreachable(address, "förbindelsen bröts under körningen")]) from None


def _alone(future: Any, unit: str, address: str) -> Any | FacilityError:
    try:
        [(_, result)] = _result(future, address)
    except distributed.KilledWorker:
        return FacilityError(unit, CRASHED)
    return outcome(unit, result)
