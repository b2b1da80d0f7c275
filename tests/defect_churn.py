"""Run many sessions of a compiled project rule in which no rule of the rule's own fires.

Used in a subprocess by test_durable_defects: `--no-opener` strips the per-session
opening rule, which makes durable_rules free an uninitialised pointer (defect D).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from regelkoll.backends.durable.compile import SESSION_KIND, compile_version
from regelkoll.backends.durable.host import DurableRunner
from regelkoll.backends.durable.prepare import session_batch
from regelkoll.facts.bundle import FactBundle, derive
from regelkoll.facts.model import Engagemang, Kontext, Organisation, Person, Verksamhet
from regelkoll.facts.scope import facility_facts
from regelkoll.lang.load import load_rulebook


def main(no_opener: bool, sessions: int) -> None:
    book = load_rulebook(Path(__file__).resolve().parent.parent / "rules")
    cv = compile_version(book.get("RK-HVB-01"), 3)
    ruleset = dict(cv.ruleset)
    if no_opener:
        del ruleset["opened"]
    bundle = FactBundle()
    bundle.facts["organisation"]["o"] = Organisation(id="o", namn="o", regi="enskild")
    # home care: the registerkontroll rule never applies, so no action of the rule runs
    bundle.facts["verksamhet"]["f"] = Verksamhet(id="f", namn="f", organisation="o", typ="hemtjanst")
    bundle.facts["person"]["p"] = Person(id="p", namn="p")
    bundle.facts["engagemang"]["e"] = Engagemang(id="e", person="p", verksamhet="f", form="anstallning",
                                                 organisation="o", start=date(2025, 9, 1))
    derive(bundle)
    runner = DurableRunner()
    scope = facility_facts(bundle, "f")
    for i in range(sessions):
        batch, _ = session_batch(cv, scope, Kontext(per_datum=date(2026, 1, 1)), f"churn:{i}")
        if no_opener:
            batch = [r for r in batch if r["kind"] != SESSION_KIND]
        runner.run(cv.name + ("_no_opener" if no_opener else ""), ruleset, batch)
    print("survived")


if __name__ == "__main__":
    main("--no-opener" in sys.argv, int(sys.argv[-1]))
