"""Evaluate the demo fixtures with every rule compiled with or without the always-true last join test.

Run under valgrind by test_durable_defects: without the sentinel, durable_rules reads
past the end of the join expression array (defect B) whenever the last join test is false.
"""

from __future__ import annotations

import sys
from pathlib import Path

from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.backends.durable.compile import compile_version
from regelkoll.backends.durable.host import DurableRunner
from regelkoll.backends.durable.prepare import session_batch
from regelkoll.facts.scope import facility_facts, facility_ids
from regelkoll.lang.load import load_rulebook

ROOT = Path(__file__).resolve().parent.parent


def main(sentinel: bool) -> None:
    book = load_rulebook(ROOT / "rules")
    bundle = read_bundle(ROOT / "fixtures" / "demo")
    runner = DurableRunner()
    for loaded in book.rules:
        for index in range(len(loaded.rule.versioner)):
            cv = compile_version(loaded, index, sentinel=sentinel)
            for fid in facility_ids(bundle):
                batch, _ = session_batch(cv, facility_facts(bundle, fid), bundle.kontext, f"s:{fid}:{index}")
                runner.run(cv.name, cv.ruleset, batch)
    print("done")


if __name__ == "__main__":
    main("--no-sentinel" not in sys.argv)
