"""Property-based fuzz test of the loader (issue 9): random mutations of the demo county, fixed seed.

Each case is the demo county with two mutations from `tests/mutations.py`; the first
mutations of the cases cycle through every kind of mutation, so this short run
touches all of them. Every case is checked with
`regelkoll check DIR --format json --jobs 1`; some also in the text format and some
twice. The properties (see `tests/mutations.py`): exit status 0/1/2, no traceback,
no internal error, JSON that parses, every facility whose id can be read from the
input named in the report, no unmasked personal identity number, no raw control
characters in the text report, the same bytes twice. The long campaign is
`python bench/fuzz_loader.py --mutations 500 --seed N`.

The cases run two at a time in a module fixture (25 runs of the CLI); each
test then judges one case, and a failing one prints its mutations, the command and
the output lines that break the property. To reproduce a case by hand:
`python -c "from pathlib import Path; from tests.test_fuzz_loader import PLAN, _case; _case(*PLAN[i]).write(Path('/tmp/x'))"`.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.mutations import KIND_BY_NAME, KINDS, Outcome, evaluate, make_case

SEED = 20261120
COUNT = 20  # two mutations each: 40 draws cover the 39 kinds; 25 CLI runs in all
PER_CASE = 2


def _plan() -> list[tuple[int, list[str]]]:
    import random

    order = [k.name for k in KINDS]
    random.Random(SEED).shuffle(order)
    plan = []
    for i in range(COUNT):
        forced = sorted((order[(PER_CASE * i + j) % len(order)] for j in range(PER_CASE)),
                        key=lambda name: KIND_BY_NAME[name].phase)
        plan.append((i, forced))
    return plan


PLAN = _plan()


def _case(i: int, forced: list[str]):
    return make_case(SEED, i, first=forced)


def _text(i: int) -> bool:
    return i % 7 == 0  # three cases also in the text format


def _repeat(i: int) -> bool:
    return i % 9 == 4  # two cases twice


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[int, Outcome]:
    base = tmp_path_factory.mktemp("fuzz-loader")

    def run(item):
        i, forced = item
        return i, evaluate(_case(i, forced), base / f"case-{i:02d}", text=_text(i), repeat=_repeat(i), timeout=120)

    with ThreadPoolExecutor(max(1, min(2, os.cpu_count() or 1))) as pool:
        return dict(pool.map(run, PLAN))


@pytest.mark.slow
@pytest.mark.parametrize("index", [i for i, _ in PLAN], ids=[f"{i:02d}-{'+'.join(f)}" for i, f in PLAN])
def test_mutated_demo_keeps_every_property(index: int, outcomes: dict[int, Outcome]):
    outcome = outcomes[index]
    if outcome.failures:
        pytest.fail(outcome.report(), pytrace=False)
