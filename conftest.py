"""Fixtures shared by tests/ and features/: the project rulebook, compiled once, and one engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from regelkoll.backends.durable.host import DurableRunner
from regelkoll.lang.load import load_rulebook
from regelkoll.ledger.run import compile_rulebook

ROOT = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook(ROOT / "rules")


@pytest.fixture(scope="session")
def compiled(rulebook):
    return compile_rulebook(rulebook)


@pytest.fixture(scope="session")
def runner():
    return DurableRunner()
