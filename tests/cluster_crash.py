"""A job that crashes its worker for one unit, as durable_rules' C core can: for tests/test_cluster.py.

A module of its own, because the cluster's worker processes must import it to unpickle the job.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

from regelkoll.ledger.workers import UnitJob


@dataclass
class CrashingJob(UnitJob):
    crash: str = ""

    def __call__(self, facility_id: str):
        if facility_id == self.crash:
            os.kill(os.getpid(), signal.SIGSEGV)
        return super().__call__(facility_id)
