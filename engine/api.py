"""The library API: one way to run a check, for the command line, a notebook, a web server and the tests.

    import regelkoll
    rules = regelkoll.load_rules()                       # the bundled rule packs, or a directory
    facts = regelkoll.read_facts("fixtures/demo")        # a directory or file of YAML/JSON facts
    run = regelkoll.check(rules, facts)                  # every unit, in worker processes
    regelkoll.to_json_bytes(regelkoll.document(run))     # the bytes `regelkoll check --format json` writes

`iter_check` yields the result of one unit (facility, or organisation with officers) at a time, in the
order of `units(facts)`, so that a caller can stream; `check` collects them into a `RunResult`.

Errors in the rules are raised as `DiagnosticError`, never by leaving the process. Errors in the facts are
not raised: a broken record is kept, reported in `facts.diagnostics`, and what depends on it is undetermined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from regelkoll.diagnostics import Diagnostic, DiagnosticError, suggest
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Kontext
from regelkoll.lang import BUNDLED_RULES
from regelkoll.lang.load import Rulebook, load_rulebook
from regelkoll.ledger.findings import Finding
from regelkoll.ledger.judge import CompiledRule
from regelkoll.ledger.result import FacilityError, RunResult, broken_facility_errors, checkable_facilities, facts_digest
from regelkoll.report.document import to_json_bytes  # noqa: F401 - part of the API
from regelkoll.triage.follow_up import FollowUp
from regelkoll.triage.selection import Selection


@dataclass
class UnitResult:
    """The findings of one unit, or why it could not be evaluated (then `findings` is empty)."""

    unit: str
    findings: list[Finding]
    error: FacilityError | None = None
    rendered: Any = None  # what `finish` made of the findings, when a finish step was given


def load_rules(path: str | Path | None = None) -> Rulebook:
    """Load and check every rule pack under `path` (default: the bundled rules); DiagnosticError on errors."""
    from regelkoll.lang.cache import cached_rulebook
    from regelkoll.ledger.run import compile_rulebook

    path = Path(path) if path is not None else BUNDLED_RULES
    if not path.exists():
        raise DiagnosticError([Diagnostic(str(path), 0, 0, "RK-R010", "regelkatalogen finns inte")])
    return cached_rulebook(path, load_rulebook, compile_rulebook)


def compile_rules(rules: Rulebook) -> list[CompiledRule]:
    """The rules as the engine runs them; a rule it cannot run is an RK-C001 at the rule's file and line."""
    from regelkoll.ledger.run import compile_rulebook

    known = [rules.compiled.get(loaded.rule.id) for loaded in rules.rules]
    if rules.rules and all(c is not None and c.loaded is loaded for c, loaded in zip(known, rules.rules)):
        return known  # compiled when the book was cached
    return compile_rulebook(rules)


def read_facts(path: str | Path) -> FactBundle:
    """Read a directory or file of YAML/JSON facts. Never raises for bad data: see `FactBundle.diagnostics`."""
    from regelkoll.adapters.yaml_files import read_bundle

    return read_bundle(Path(path))


def units(facts: FactBundle) -> list[str]:
    """The units a check evaluates: every readable facility, and every organisation with officers."""
    return checkable_facilities(facts)


def selected_units(facts: FactBundle, facilities: Iterable[str]) -> list[str]:
    """The units a check of some facilities reports: each facility and its operator (when the operator is a unit).

    Raises DiagnosticError (RK-E003, with the nearest ids) for an id that names no facility or organisation.
    """
    every = units(facts)
    known = set(every) | {f.id for f in facts.of("verksamhet")} | {f.id for f in facts.of("organisation")} | {
        b.id for b in facts.broken if b.kind in ("verksamhet", "organisation") and b.id}
    chosen: set[str] = set()
    problems = []
    for fid in facilities:
        if fid not in known:
            problems.append(Diagnostic(facts.source, 0, 0, "RK-E003", f"'{fid}' är ingen verksamhet eller "
                                       "huvudman i datamängden", "--facility", suggest(fid, sorted(known))))
            continue
        chosen.add(fid)
        facility = facts.get("verksamhet", fid)
        operator = getattr(facility, "organisation", None)
        if operator in every:
            chosen.add(operator)
    if problems:
        raise DiagnosticError(problems)
    return [unit for unit in every if unit in chosen] + sorted(chosen - set(every))


def assessment_day(facts: FactBundle, as_of: date | None = None) -> tuple[date, list[str]]:
    """The day the law is applied as of, and a notice when it had to fall back on today."""
    if as_of is not None:
        return as_of, []
    if facts.kontext is not None:
        return facts.kontext.per_datum, []
    today = date.today()
    return today, [f"per_datum saknas i datamängden; bedömer per dagens datum {today.isoformat()}"]


def iter_check(rules: Rulebook | list[CompiledRule], facts: FactBundle, *, as_of: date | None = None,
               jobs: int | None = None, only: Iterable[str] | None = None,
               finish: Callable[[str, list[Finding]], Any] | None = None,
               scheduler: str | None = None, pool: Any = None) -> Iterator[UnitResult]:
    """Evaluate unit by unit, yielding each unit's result in order.

    `jobs`: None picks a number of worker processes, n uses n, and 0 evaluates in this process. Workers
    isolate a crash of durable_rules' C core to the unit that caused it; in this process it would end the
    caller. `only` restricts the run to some units (each is still judged against the whole bundle).
    `finish` runs where the unit was evaluated, on its findings; its result is the UnitResult's `rendered`
    (and `findings` is then empty): the report rows are made in the workers, in parallel.
    `scheduler`: the address of a Dask scheduler (the `kluster` extra) to evaluate on instead of `jobs`; it is
    connected to at once, so that DiagnosticError RK-E010 (not reachable) is raised by this call.
    `pool`: worker processes that outlive the call (a long-lived server's, engine/web/pool.py), with a method
    `run(job, units)` yielding `(unit, findings or FacilityError)` in order; used instead of `jobs`.
    """
    from regelkoll.ledger.workers import UnitJob, iter_facilities

    compiled = compile_rules(rules) if isinstance(rules, Rulebook) else rules
    day, _ = assessment_day(facts, as_of)
    job = UnitJob(compiled, facts, Kontext(per_datum=day), "regelkoll", finish)
    wanted = units(facts) if only is None else list(only)
    if pool is not None:
        outcomes = pool.run(job, wanted)
    elif scheduler is not None:
        from regelkoll.ledger.cluster import iter_cluster

        outcomes = iter_cluster(job, wanted, scheduler)
    else:
        outcomes = _in_process(job, wanted) if jobs == 0 else iter_facilities(job, wanted, jobs=jobs)
    return _unit_results(outcomes, finish)


def _unit_results(outcomes: Iterator[tuple[str, Any]], finish: Any) -> Iterator[UnitResult]:
    for unit, outcome in outcomes:
        if isinstance(outcome, FacilityError):
            yield UnitResult(unit, [], outcome)
        elif finish is not None:
            yield UnitResult(unit, [], rendered=outcome)
        else:
            yield UnitResult(unit, outcome)


def _in_process(job, wanted: list[str]) -> Iterator[tuple[str, Any]]:
    from regelkoll.ledger.workers import outcome

    for unit in wanted:
        yield unit, outcome(*job(unit))


@dataclass
class CheckPlan:
    """What a check will do, decided before anything is evaluated."""

    rules: Rulebook  # the supervision rules (no application packs)
    compiled: list[CompiledRule]
    day: date
    notices: list[str]  # said to the user, not part of the report
    evaluated: list[str]  # the units evaluated, sorted
    unreadable: list[FacilityError]  # units that could not be read, reported as errors
    reported: list[str]  # every unit the report covers
    input_errors: list[Diagnostic]
    names: dict[str, str]
    source: str


def plan_check(rules: Rulebook, facts: FactBundle, *, as_of: date | None = None, source: str | None = None,
               compiled: list[CompiledRule] | None = None, facilities: Iterable[str] | None = None,
               selection: Selection | None = None) -> CheckPlan:
    """The units, rules and day of a check (see `check`); DiagnosticError for an unknown facility id, or a
    `selection` of rules (`--rule`, `--skip-rule`) that matches none."""
    rules = select_rules(rules, selection)
    wanted = {loaded.rule.id for loaded in rules.rules}
    compiled = [c for c in compiled if c.rule.id in wanted] if compiled is not None else compile_rules(rules)
    day, notices = assessment_day(facts, as_of)
    checked = sorted(units(facts) if facilities is None else selected_units(facts, facilities))
    unreadable = broken_facility_errors(facts)
    if facilities is not None:
        unreadable = [e for e in unreadable if e.facility_id in checked]
    source = source if source is not None else facts.source
    reported = sorted(set(checked) | {e.facility_id for e in unreadable})
    input_errors = list(facts.diagnostics)
    if not reported:
        # nothing checked is no evidence of compliance: an empty report must not pass with status 0
        input_errors.append(Diagnostic(source, 0, 0, "RK-E002", "datamängden innehåller ingen verksamhet (och "
                                       "ingen huvudman med företrädare) att kontrollera"))
    return CheckPlan(rules, compiled, day, notices, checked, unreadable, reported, input_errors,
                     {f.id: f.namn for kind in ("organisation", "verksamhet") for f in facts.of(kind)}, source)


def select_rules(rules: Rulebook, selection: Selection | None = None) -> Rulebook:
    """The rules a check judges by: the supervision rules (not the application packs), restricted to those a
    selection names (before anything is compiled); DiagnosticError RK-E020/RK-E024 for a selection of none."""
    from regelkoll.application.packs import supervision_rules

    rules = supervision_rules(rules)
    return selection.restrict(rules) if selection is not None else rules


def check(rules: Rulebook, facts: FactBundle, *, as_of: date | None = None, jobs: int | None = None,
          source: str | None = None, compiled: list[CompiledRule] | None = None,
          facilities: Iterable[str] | None = None, scheduler: str | None = None, pool: Any = None) -> RunResult:
    """Every unit checked, collected into one result; `document(result)` turns it into the report.

    `compiled` saves compiling `rules` again when the caller already has (the rules must be the same).
    `facilities` reports only those facilities and their operators, each judged against the whole bundle
    (a representative's role in another company still counts); an unknown id raises DiagnosticError.
    The packs about permit applications are not used: an application is screened by `screen`.
    For a large run, `stream` writes the report as it goes instead of holding every finding.
    `scheduler` evaluates on a Dask cluster, and `pool` on a server's workers, as in `iter_check`.
    """
    plan = plan_check(rules, facts, as_of=as_of, source=source, compiled=compiled, facilities=facilities)
    findings: list[Finding] = []
    failed: list[FacilityError] = []
    for result in iter_check(plan.compiled, facts, as_of=plan.day, jobs=jobs, only=plan.evaluated,
                             scheduler=scheduler, pool=pool):
        findings += result.findings
        if result.error is not None:
            failed.append(result.error)
    return RunResult(plan.day, plan.rules.digest, facts_digest(facts), findings, plan.unreadable + failed,
                     plan.input_errors, plan.reported, rules=plan.rules, names=plan.names, source=plan.source,
                     notices=plan.notices)


def stream(rules: Rulebook, facts: FactBundle, *, fmt: str = "json", ledger: str = "summary",
           show_personal_data: bool = False, as_of: date | None = None, jobs: int | None = None,
           source: str | None = None, compiled: list[CompiledRule] | None = None,
           facilities: Iterable[str] | None = None, plan: CheckPlan | None = None, scheduler: str | None = None,
           selection: Selection | None = None, follow_up: FollowUp | None = None, pool: Any = None):
    """The report of a check as a `ReportStream`: iterate it for the bytes, written unit by unit as the units
    finish (`json`: the bytes of `to_json_bytes(document(check(...)))`; `jsonl`: one object per line). The
    report rows are made in the workers; no more than a unit's findings is held at a time. `fmt="rows"`
    collects the rows for the text and HTML reports (a large run keeps violations and indications only).
    `scheduler` evaluates on a Dask cluster, and `pool` on a server's workers, as in `iter_check`.
    `selection` (engine/triage/selection.py) chooses the rules (unless `plan` was made with them already) and
    the findings shown, and is recorded in the report's `run.selection`; `follow_up` marks the rows with the
    inspector's decisions and a baseline (engine/triage/follow_up.py).
    """
    from regelkoll.report.document import run_header
    from regelkoll.report.stream import ReportStream, RowRenderer, keep_for

    plan = plan or plan_check(rules, facts, as_of=as_of, source=source, compiled=compiled, facilities=facilities,
                              selection=selection)
    only = selection.show if selection is not None and not selection.show.everything else None
    if follow_up is not None:
        # the caller that narrowed the book (the CLI's --rule) names the whole book's rules itself
        follow_up.known_rules = follow_up.known_rules or frozenset(loaded.rule.id for loaded in rules.rules)
        follow_up.known_units = frozenset(units(facts))
    renderer = RowRenderer(plan.rules, plan.names, fmt, ledger, show_personal_data,
                           keep_for(fmt, len(plan.reported)), only, follow_up)
    header = run_header(plan.rules, source=plan.source, as_of=plan.day.isoformat(), rules_digest=plan.rules.digest,
                        facts_digest=facts_digest(facts), show_personal_data=show_personal_data, ledger=ledger)
    if selection is not None and selection.header() != Selection().header():
        header["selection"] = selection.header()
    results = iter_check(plan.compiled, facts, as_of=plan.day, jobs=jobs, only=plan.evaluated, finish=renderer,
                         scheduler=scheduler, pool=pool)
    return ReportStream(results, fmt, header, plan.input_errors, plan.unreadable, plan.reported, show_personal_data,
                        renderer.keep, follow_up)


def document(result: RunResult, *, show_personal_data: bool = False, ledger: str = "summary",
             follow_up: FollowUp | None = None) -> dict[str, Any]:
    """The report document of a run: plain JSON-able data, sorted, personal identity numbers masked.

    `ledger="summary"` (as `regelkoll check`) gives one row per unit and rule for what is not applicable;
    `"full"` one row per finding. `follow_up` marks the rows with decisions and a baseline, as in `stream`."""
    from regelkoll.report.document import build_document

    return build_document(result, result.rules, result.names, source=result.source,
                          show_personal_data=show_personal_data, ledger=ledger, follow_up=follow_up)


def brief(rules: Rulebook, facts: FactBundle, facility: str, *, as_of: date | None = None, jobs: int | None = None,
          inspector: str | None = None, show_personal_data: bool = False, source: str | None = None,
          compiled: list[CompiledRule] | None = None, pool: Any = None,
          follow_up: FollowUp | None = None) -> dict[str, Any]:
    """The inspector's brief before visiting one facility, as a document (`regelkoll besok --format json`).

    The facility is judged against the whole bundle, like `check(..., facilities=[facility])`. `inspector`
    (a 12-digit personnummer or a person's id in the data) adds the check of conflicts of interest; the
    number is never written into the brief. DiagnosticError (RK-E004, RK-E005) for an id that names no
    facility, or an inspector that is neither a valid personnummer nor a person in the data.
    `follow_up` marks the findings with the inspector's decisions (engine/triage), as in `stream`.
    """
    from regelkoll.brief.conflict import find_inspector, inspector_number
    from regelkoll.brief.document import build_brief

    homes = sorted({f.id for f in facts.of("verksamhet")} | {
        b.id for b in facts.broken if b.kind == "verksamhet" and b.id})
    if facility not in homes:
        raise DiagnosticError([_not_a_facility(facts, facility, homes)])
    number, person_id = _inspector(facts, inspector)
    if person_id is not None:
        number = inspector_number(facts, person_id)
    result = check(rules, facts, as_of=as_of, jobs=jobs, source=source, compiled=compiled, facilities=[facility],
                   pool=pool)
    found = find_inspector(facts, number, person_id) if inspector is not None else set()
    if follow_up is not None:
        follow_up.known_rules = follow_up.known_rules or frozenset(loaded.rule.id for loaded in rules.rules)
        follow_up.known_units = frozenset(units(facts))
    return build_brief(result, facts, facility, inspector=found, inspector_number=number,
                       inspector_given=inspector is not None, show_personal_data=show_personal_data,
                       follow_up=follow_up)


def _not_a_facility(facts: FactBundle, facility: str, homes: list[str]) -> Diagnostic:
    if not homes:
        return Diagnostic(facts.source, 0, 0, "RK-E004", "datamängden innehåller ingen verksamhet att besöka",
                          "--facility")
    own = sorted(f.id for f in facts.of("verksamhet") if f.organisation == facility)
    if facts.get("organisation", facility) is not None:
        return Diagnostic(facts.source, 0, 0, "RK-E004", f"'{facility}' är en huvudman, inte en verksamhet",
                          "--facility", f"huvudmannens verksamheter: {', '.join(own)}" if own else
                          "huvudmannen har ingen verksamhet i datamängden")
    return Diagnostic(facts.source, 0, 0, "RK-E004", f"'{facility}' är ingen verksamhet i datamängden",
                      "--facility", suggest(facility, homes))


def _inspector(facts: FactBundle, given: str | None) -> tuple[str | None, str | None]:
    """(personnummer, None) or (None, person id) for `--inspektor`; DiagnosticError RK-E005 otherwise."""
    import re

    from regelkoll.facts.identity import IdentityError, normalise_personnummer
    from regelkoll.personal_data import ascii_digits

    if given is None:
        return None, None
    # a number typed with fullwidth or other scripts' digits is the same number
    text = ascii_digits(given.strip())
    if re.fullmatch(r"[0-9]{6}([0-9]{2})?[-+]?[0-9]{4}", text):
        try:
            return normalise_personnummer(text)[0], None
        except IdentityError as exc:
            message = f"numret {exc}" if str(exc).startswith("är ") else str(exc)
            raise DiagnosticError([Diagnostic(facts.source, 0, 0, "RK-E005", message, "--inspektor")]) from None
    if facts.get("person", text) is None:
        if re.search(r"[0-9]{6}", text):
            # a mistyped number is still someone's: neither echoed nor matched against ids
            raise DiagnosticError([Diagnostic(facts.source, 0, 0, "RK-E005", "värdet är varken ett giltigt "
                                              "personnummer (ÅÅÅÅMMDD-NNNN) eller en person i datamängden",
                                              "--inspektor")])
        people = sorted(p.id for p in facts.of("person"))
        raise DiagnosticError([Diagnostic(facts.source, 0, 0, "RK-E005", f"'{text}' är varken ett personnummer "
                                          "(ÅÅÅÅMMDD-NNNN) eller en person i datamängden", "--inspektor",
                                          suggest(text, people))])
    return None, text


def screen(application: str | Path, data: str | Path | None = None, *, as_of: date | None = None,
           rules: Rulebook | None = None) -> Any:
    """Screen a permit application file (`regelkoll ansokan`) against the people and companies of `data`.

    Returns a `Screening` (engine/application/screen.py); `screening_document` makes its report. Bad input
    is never raised: it is in the screening's diagnostics, and what depends on it is undetermined.
    """
    from regelkoll.application.screen import screen as screen_application

    return screen_application(application, data, as_of=as_of, rules=rules)


def screening_document(screening: Any, *, show_personal_data: bool = False) -> dict[str, Any]:
    """The report document of a screening: plain JSON-able data, personal identity numbers masked."""
    from regelkoll.application.report import build

    return build(screening, show_personal_data=show_personal_data)
