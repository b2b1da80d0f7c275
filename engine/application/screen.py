"""Screen one application: read it into facts next to the --data set and judge it with the application rules.

The application is its own unit of evaluation, judged by the same engine as a data set, but only with the
rule packs about applications: an application is not a running facility, so no rule about running one
(licence missing, staff not checked) can ever be reported against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from regelkoll.application.packs import PACK_PREFIX, application_rules, supervision_rules  # noqa: F401
from regelkoll.application.read import Application, read_application
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.bundle import FactBundle
from regelkoll.lang.load import Rulebook
from regelkoll.ledger.findings import Finding


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
    inkom = app.document.inkom if app.document is not None else None
    if inkom is not None and inkom > day:
        app.diagnostics.append(Diagnostic(app.file, app.inkom_line, 0, "RK-A042",
                                          f"ansökan inkom {inkom.isoformat()}, efter bedömningsdagen "
                                          f"{day.isoformat()}; den granskas som den dagen"))
    findings: list[Finding] = []
    if app.readable:
        for unit in api.iter_check(api.compile_rules(book), bundle, as_of=day, jobs=0, only=[app.id]):
            if unit.error is not None:
                app.diagnostics.append(Diagnostic(app.file, 0, 0, "RK-A040", unit.error.message))
            findings += unit.findings
    findings = [_uncovered_is_open(f, book, bundle) for f in findings]
    names = {f.id: f.namn for kind in ("organisation", "verksamhet", "person") for f in bundle.of(kind)}
    return Screening(app, findings, day, book, str(data) if data is not None else "",
                     list(bundle.diagnostics), notices, names)


# the reason the engine gives when no version of a rule covers the decisive date (ledger/judge.py)
_NO_VERSION = "ingen version av regeln gäller"


def _uncovered_is_open(finding: Finding, book: Rulebook, bundle: FactBundle) -> Finding:
    """A requirement (not an indicator) that has no version for the day is not assessable, never met.

    The engine calls a rule without a version for the decisive date not applicable; for a screening that would
    read as "komplett" when Regelkoll simply has no reading of the provision for that day. Unless the
    application's own fields rule the rule out whatever its version (another kind of activity), it is reported
    as not assessable, with the reason. An indicator without a version stays not applicable: there the lack of
    a version means the law asked nothing then (AN-SOK-02 before 2026).
    """
    from regelkoll.ledger.judge import _fails

    if finding.outcome != "not_applicable" or finding.version is not None or not finding.reason.startswith(_NO_VERSION):
        return finding
    rule = book.get(finding.rule_id).rule
    subject = bundle.facts.get(finding.subject_kind, {}).get(finding.subject_id)
    if rule.slag == "indikator" or subject is None:
        return finding
    own = next(p for p in rule.tillamplig_nar if p.som == rule.avser)
    if all(_fails(own, subject, version) for version in rule.versioner):
        return finding  # e.g. an SoL rule for an LSS application: not applicable whatever the day
    first = min(v.giltig_fran for v in rule.versioner)
    span = f"Regelkoll bedömer regeln från {first.isoformat()}" if finding.decisive_date and \
        finding.decisive_date < first.isoformat() else "ingen version täcker dagen"
    finding.outcome = "undetermined"
    finding.missing = [f"{finding.reason} ({span}); kunde inte bedömas – inte detsamma som uppfyllt"]
    return finding
