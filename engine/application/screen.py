"""Screen one application: read it into facts next to the --data set and judge it with the application rules.

The application is its own unit of evaluation, judged by the same engine as a data set, but only with the
rule packs about applications: an application is not a running facility, so no rule about running one
(licence missing, staff not checked) can ever be reported against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from regelkoll.application.read import Application, read_application
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.bundle import FactBundle
from regelkoll.lang.load import Rulebook
from regelkoll.ledger.findings import Finding

# the rule packs that judge applications (rules/ansokan/)
PACK_PREFIX = "ansokan"


@dataclass
class Screening:
    application: Application
    findings: list[Finding]
    as_of: date
    rules: Rulebook
    data_source: str = ""
    data_diagnostics: list[Diagnostic] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    data_names: dict[str, str] = field(default_factory=dict)


def application_rules(book: Rulebook) -> Rulebook:
    """The rule book with only the packs about applications (digest and acts kept from the whole book)."""
    chosen = [r for r in book.rules if r.pack.startswith(PACK_PREFIX)]
    return Rulebook(rules=chosen, acts=book.acts, packs={k: v for k, v in book.packs.items()
                                                          if k.startswith(PACK_PREFIX)})


def supervision_rules(book: Rulebook) -> Rulebook:
    """The rule book without the packs about applications: what `check` and `besok` judge facilities by."""
    chosen = [r for r in book.rules if not r.pack.startswith(PACK_PREFIX)]
    if len(chosen) == len(book.rules):
        return book
    return Rulebook(rules=chosen, acts=book.acts, packs={k: v for k, v in book.packs.items()
                                                          if not k.startswith(PACK_PREFIX)})


def screen(application: str | Path, data: str | Path | None = None, *, as_of: date | None = None,
           rules: Rulebook | None = None) -> Screening:
    """Screen the application file at `application`, with the people and companies of the data set `data`.

    Never raises for bad input: what could not be read is in the screening's diagnostics, and what depends
    on it is undetermined. A rule book that cannot be loaded raises DiagnosticError, as `load_rules` does.
    """
    from regelkoll import api

    book = application_rules(rules if rules is not None else api.load_rules())
    bundle = api.read_facts(data) if data is not None else FactBundle(source="")
    app = read_application(Path(application), bundle)
    day, notices = api.assessment_day(bundle, as_of)
    findings: list[Finding] = []
    if app.readable:
        for unit in api.iter_check(api.compile_rules(book), bundle, as_of=day, jobs=0, only=[app.id]):
            if unit.error is not None:
                app.diagnostics.append(Diagnostic(app.file, 0, 0, "RK-A040", unit.error.message))
            findings += unit.findings
    names = {f.id: f.namn for kind in ("organisation", "verksamhet", "person") for f in bundle.of(kind)}
    return Screening(app, findings, day, book, str(data) if data is not None else "",
                     list(bundle.diagnostics), notices, names)
