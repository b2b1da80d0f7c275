"""The `regelkoll` command line."""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from regelkoll.diagnostics import DiagnosticError
from regelkoll.lang import BUNDLED_RULES as PROJECT_RULES
from regelkoll.output import OutputError, check_target, discard_partial_outputs, printable, write_chunks, write_file
from regelkoll.personal_data import mask_text

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Regelkoll: kontrollerar tillsynsdata mot lagkrav skrivna som YAML-regler.")


def _show_version(value: bool) -> None:
    if value:
        from regelkoll.api import load_rules
        from regelkoll.version import version_lines

        typer.echo("\n".join(version_lines(PROJECT_RULES, load_rules)))
        raise typer.Exit(0)


@app.callback()
def _options(version: bool = typer.Option(False, "--version", is_eager=True, callback=_show_version,
                                          help="Visa versionen av Regelkoll, reglerna och motorn.")) -> None:
    """Regelkoll: kontrollerar tillsynsdata mot lagkrav skrivna som YAML-regler."""


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


class Ledger(str, Enum):
    summary = "summary"
    full = "full"


def _err(line: str, *, personal_data: bool = False) -> None:
    """Every line for stderr. Names, paths and values in it come from the data: control characters are shown
    as escapes, and numbers shaped like a personnummer are masked as in the report unless asked for."""
    typer.echo(printable(line if personal_data else mask_text(line)), err=True)


def _fail(lines: list[str], code: int = 2) -> None:
    for line in lines:
        _err(line)
    raise typer.Exit(code)


def _stdout(data: bytes | Iterable[bytes]) -> None:
    """Write to stdout whole; a reader that has gone (`| head`) ends the run quietly with SIGPIPE's status."""
    sys.stdout.flush()
    try:
        write_chunks(sys.stdout.fileno(), data, "standard ut")
    except BrokenPipeError:
        # whatever is still buffered must not fail again at exit with a message about a closed pipe
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise typer.Exit(128 + signal.SIGPIPE) from None


def _check_output(output: Path | None) -> None:
    if output is not None:
        try:
            check_target(output)
        except OutputError as exc:
            _fail([exc.render()])


def _load_rules(rules: Path):
    from regelkoll.api import load_rules

    try:
        return load_rules(rules)
    except DiagnosticError as exc:
        _fail([d.render() for d in sorted(exc.diagnostics)])


def _compile(book):
    """The compiled rulebook, or RK-C001 at each rule and status 2: a rule the engine cannot run is never a traceback."""
    from regelkoll.api import compile_rules

    try:
        return compile_rules(book)
    except DiagnosticError as exc:
        _fail([d.render() for d in sorted(exc.diagnostics)])


def _emit(data: bytes, output: Path | None) -> None:
    try:
        if output:
            write_file(output, data)
        else:
            _stdout(data)
    except OutputError as exc:
        _fail([exc.render()])


def _parse_date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        # Python also reads 20261201 and 2026W011 (a week) as days: only the form the help names is a day here
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        _fail([f"{option}: ogiltigt datum '{text}' (skriv ÅÅÅÅ-MM-DD)"])
    return None


def _prepare(path: Path, as_of: str | None, rules: Path, output: Path | None, choose=None):
    """What every command that judges a data set needs first: the rules, the facts, the day, the compiled rules.
    `choose` narrows the rule book before it is compiled (`check --rule`)."""
    from regelkoll import api

    # a report that cannot be written must not cost a whole evaluation first
    _check_output(output)
    override = _parse_date(as_of, "--as-of")
    book = _load_rules(rules)
    if choose is not None:
        try:
            book = choose(book)
        except DiagnosticError as exc:
            _fail([d.render() for d in exc.diagnostics])
    bundle = api.read_facts(path)
    day, notices = api.assessment_day(bundle, override)
    for notice in notices:
        _err(notice)
    return book, bundle, day, _compile(book)


@app.command()
def check(
    path: Path = typer.Argument(..., metavar="DATAMÄNGD", help="Datamängd: en katalog eller fil med YAML/JSON-fakta."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Bedömningsdag ÅÅÅÅ-MM-DD (annars datamängdens "
                                                             "kontext.per_datum, annars i dag)."),
    rules: Path = typer.Option(PROJECT_RULES, "--rules", help="Katalog med regelpaket."),
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", help="text, json, jsonl (en rad per fynd, för "
                                    "stora körningar) eller html."),
    ledger: Ledger = typer.Option(Ledger.summary, "--ledger", help="summary: det som inte är tillämpligt "
                                  "sammanfattas per verksamhet och regel; full: en rad per bedömning (json, jsonl)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Skriv rapporten till en fil."),
    show_personal_data: bool = typer.Option(False, "--show-personal-data", help="Visa personnummer omaskerade."),
    jobs: int = typer.Option(0, "--jobs", min=0, help="Antal arbetsprocesser (0 = automatiskt)."),
    facility: Optional[list[str]] = typer.Option(None, "--facility", help="Rapportera bara denna verksamhet och "
                                                 "dess huvudman (kan upprepas); bedöms mot hela datamängden."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADRESS", help="Utvärdera på ett "
                                            "Dask-kluster, t.ex. tcp://värd:8786 (tillägget regelkoll\\[kluster])."),
    rule: Optional[list[str]] = typer.Option(None, "--rule", metavar="ID", help="Kontrollera bara dessa regler "
                                             "(id eller mönster som LE-*; kan upprepas)."),
    skip_rule: Optional[list[str]] = typer.Option(None, "--skip-rule", metavar="ID", help="Hoppa över dessa regler "
                                                  "(id eller mönster; kan upprepas)."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", metavar="GRAD", help="Visa bara fynd av "
                                               "regler med minst denna allvarlighet: allvarlig, betydande, mindre."),
    outcome: Optional[list[str]] = typer.Option(None, "--outcome", metavar="UTFALL", help="Visa bara dessa utfall "
                                                "(overtradelse, utreda, obedomd, uppfyllt, ej_tillamplig; kan "
                                                "upprepas). Allt bedöms ändå."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="UTFALL", help="Slutstatus 1 vid ett visat fynd "
                                          "utan ställningstagande av detta utfall eller värre: overtradelse "
                                          "(standard) eller utreda."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Textrapporten bara med resultatraden och "
                               "sammanställningen; på standard fel bara fel, inga upplysningar."),
    stallningstaganden: Optional[Path] = typer.Option(None, "--stallningstaganden", metavar="FIL", help="Inspektörens "
                                                      "ställningstaganden till fynd (YAML, se README)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FÖREGÅENDE.json", help="Jämför med en "
                                            "tidigare rapport (check --format json): nya, oförändrade, åtgärdade."),
) -> None:
    """Kontrollera en datamängd mot reglerna. Slutstatus: 0 inga överträdelser, 1 överträdelser, 2 fel."""
    from regelkoll import api

    selection = _selection(rule, skip_rule, min_severity, outcome, fail_on, quiet, fmt)
    every_rule: set[str] = set()  # a decision about a rule --rule left out is outside the run, not orphaned

    def choose(full):
        every_rule.update(loaded.rule.id for loaded in api.select_rules(full).rules)
        return api.select_rules(full, selection)

    book, bundle, day, compiled = _prepare(path, as_of, rules, output, choose=choose)
    follow_up = _follow_up(stallningstaganden, baseline, day)
    if follow_up is not None:
        follow_up.known_rules = frozenset(every_rule)
    try:
        plan = api.plan_check(book, bundle, as_of=day, source=str(path), compiled=compiled,
                              facilities=facility or None)
        streamed = fmt in (CheckFormat.json, CheckFormat.jsonl)
        report = api.stream(book, bundle, fmt=fmt.value if streamed else "rows", ledger=ledger.value,
                            show_personal_data=show_personal_data, jobs=jobs or None, plan=plan, scheduler=scheduler,
                            selection=selection, follow_up=follow_up)
    except DiagnosticError as exc:
        _fail([d.render() for d in exc.diagnostics])
    if streamed:
        payload = report  # written as the units finish
    else:
        doc = report.document()
        if fmt is CheckFormat.html:
            from regelkoll.report.html import render_html

            payload = render_html(doc).encode("utf-8")
        else:
            from regelkoll.report.text import render_text

            payload = (render_text(doc, quiet=True) if quiet else render_text(doc)).encode("utf-8")
    from regelkoll.codes import is_notice

    def problems() -> list[str]:
        return [d.render(personal_data=show_personal_data) for d in report.input_errors
                if not (quiet and is_notice(d.code))] + [
            f"verksamhet {e.facility_id}: RK-E001: {e.message}" for e in report.facility_errors]

    _deliver(payload, output, problems, show_personal_data)
    if report.facility_errors or any(not is_notice(d.code) for d in report.input_errors):
        raise typer.Exit(2)
    raise typer.Exit(1 if _failing(report.open, selection.fail_on) else 0)


def _selection(rule, skip_rule, min_severity, outcome, fail_on, quiet: bool, fmt: CheckFormat):
    """The triage options of `check`, checked before anything is read (RK-E020..RK-E025)."""
    from regelkoll.diagnostics import Diagnostic
    from regelkoll.triage.selection import Selection, Show, parse_fail_on, parse_outcomes, parse_severity

    problems = []
    parsed = {}
    for name, parse, value in (("severity", parse_severity, min_severity), ("outcomes", parse_outcomes, outcome),
                               ("fail_on", parse_fail_on, fail_on)):
        try:
            parsed[name] = parse(value)
        except DiagnosticError as exc:
            problems += exc.diagnostics
    if quiet and fmt is not CheckFormat.text:
        problems.append(Diagnostic("kommandoraden", 0, 0, "RK-E025", f"--quiet gäller textrapporten, inte "
                                   f"--format {fmt.value}", "--quiet", "--quiet väljer ur textrapporten; json, "
                                   "jsonl och html ger alltid hela rapporten, med samma slutstatus"))
    if problems:
        _fail([d.render() for d in problems])
    return Selection(tuple(rule or ()), tuple(skip_rule or ()), Show(parsed["severity"], parsed["outcomes"]),
                     parsed["fail_on"], quiet)


def _follow_up(decisions: Path | None, baseline: Path | None, day: date):
    """The decisions file and baseline, read before anything is evaluated: a file read wrong stops the run."""
    if decisions is None and baseline is None:
        return None
    from regelkoll.triage.baseline import read_baseline
    from regelkoll.triage.decisions import read_decisions
    from regelkoll.triage.follow_up import FollowUp

    follow_up, problems = FollowUp(), []
    for name, read in (("decisions", lambda: read_decisions(decisions, day)),
                       ("baseline", lambda: read_baseline(baseline))):
        if (decisions if name == "decisions" else baseline) is None:
            continue
        try:
            setattr(follow_up, name, read())
        except DiagnosticError as exc:
            problems += [d.render() for d in exc.diagnostics]
    if problems:
        _fail(problems)
    return follow_up


def _failing(open_counts: dict[str, int], fail_on: str) -> bool:
    """Whether a shown finding without a decision has the outcome `--fail-on` names, or a worse one."""
    from regelkoll.ledger.findings import OUTCOME_RANK

    return any(open_counts[name] for name in ("violation", "indication")
               if OUTCOME_RANK[name] <= OUTCOME_RANK[fail_on])


def _deliver(payload: bytes | Iterable[bytes], output: Path | None, problems: list[str] | Callable[[], list[str]],
             personal_data: bool) -> None:
    """Write the report, then say on stderr what could not be read; a report that could not be written is said
    last, so that it is the line a user sees, and ends the run with status 2. `problems` may be a function,
    for a report made as it is written: what failed is known when it has been."""
    failure = None
    try:
        if output:
            write_file(output, payload)
        else:
            _stdout(payload)
    except OutputError as exc:
        failure = exc
    for line in problems() if callable(problems) else problems:
        _err(line, personal_data=personal_data)
    if failure:
        _fail([failure.render()])


def _render(doc: dict, fmt: Format, text, html) -> bytes:
    from regelkoll.report.document import to_pretty_json_bytes

    if fmt is Format.json:
        return to_pretty_json_bytes(doc)
    return (html(doc) if fmt is Format.html else text(doc)).encode("utf-8")


@app.command()
def besok(
    path: Path = typer.Argument(..., metavar="DATAMÄNGD", help="Datamängd: en katalog eller fil med YAML/JSON-fakta eller kallor.yaml."),
    facility: str = typer.Option(..., "--facility", help="Verksamheten som ska besökas (id)."),
    inspector: Optional[str] = typer.Option(None, "--inspektor", help="Inspektörens personnummer (ÅÅÅÅMMDD-NNNN) "
                                            "eller person-id: visar var inspektören förekommer (jäv)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Bedömningsdag ÅÅÅÅ-MM-DD (annars datamängdens "
                                                             "kontext.per_datum, annars i dag)."),
    rules: Path = typer.Option(PROJECT_RULES, "--rules", help="Katalog med regelpaket."),
    fmt: Format = typer.Option(Format.text, "--format", help="text, json eller html (utskriftsbar, A4)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Skriv underlaget till en fil."),
    show_personal_data: bool = typer.Option(False, "--show-personal-data", help="Visa personnummer omaskerade "
                                            "(inspektörens eget visas aldrig)."),
    jobs: int = typer.Option(0, "--jobs", min=0, help="Antal arbetsprocesser (0 = automatiskt)."),
) -> None:
    """Underlag inför besök på en verksamhet: brister, att utreda, att begära in, jäv. Slutstatus som check."""
    from regelkoll import api
    from regelkoll.brief.html import render_brief_html
    from regelkoll.brief.text import render_brief_text

    book, bundle, day, compiled = _prepare(path, as_of, rules, output)
    try:
        doc = api.brief(book, bundle, facility, as_of=day, jobs=jobs or None, inspector=inspector,
                        show_personal_data=show_personal_data, source=str(path), compiled=compiled)
    except DiagnosticError as exc:
        _fail([d.render() for d in exc.diagnostics])
    _deliver(_render(doc, fmt, render_brief_text, render_brief_html), output,
             [_error_line(err) for err in doc["errors"]], show_personal_data)
    if doc["errors"]:
        raise typer.Exit(2)
    raise typer.Exit(1 if doc["summary"]["overtradelser"]["totalt"] else 0)


def _error_line(err: dict) -> str:
    from regelkoll.report.text import _diagnostic_line

    if err["kind"] == "facility":
        return f"verksamhet {err['facility_id']}: {err['code']}: {err['message']}"
    return _diagnostic_line(err)


@app.command("import")
def import_sources(
    path: Path = typer.Argument(..., metavar="DATAMÄNGD", help="Datamängd med kallor.yaml (och YAML/JSON-fakta)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Katalog (fakta.yaml skrivs i den) eller "
                                                                 ".yaml-fil; utan: standard ut."),
    show_personal_data: bool = typer.Option(False, "--show-personal-data", help="Ta med personnummer."),
) -> None:
    """Skriv vad adaptrarna läste ur källorna som en datamängd (YAML). Slutstatus 2 om något inte kunde läsas."""
    from regelkoll import api
    from regelkoll.codes import is_notice
    from regelkoll.facts.export import export_bundle

    if output is not None and path.is_dir() and (output.resolve() == path.resolve()
                                                 or path.resolve() in output.resolve().parents):
        _fail([f"{output}: RK-O001: utdata inne i datamängden skulle läsas som en del av den nästa gång"])
    if output is not None and output.suffix.lower() not in (".yaml", ".yml"):
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail([f"{output}: RK-O002: katalogen kan inte skapas ({exc.strerror})"])
        output = output / "fakta.yaml"
    _check_output(output)
    bundle = api.read_facts(path)
    text = export_bundle(bundle, personal_data=show_personal_data, source=str(path))
    _emit(text.encode("utf-8"), output)
    for diagnostic in bundle.diagnostics:
        _err(diagnostic.render(personal_data=show_personal_data), personal_data=show_personal_data)
    raise typer.Exit(2 if any(not is_notice(d.code) for d in bundle.diagnostics) else 0)


@app.command("codes")
def codes(output: Optional[Path] = typer.Option(None, "--output", help="Skriv förteckningen till en fil.")) -> None:
    """Skriv förteckningen över felkoderna (Markdown), som i README:s avsnitt "Error codes"."""
    from regelkoll.report.codes_doc import render_codes

    _check_output(output)
    _emit(render_codes().encode("utf-8"), output)


# `regelkoll ansokan`: permit application screening, in its own package (engine/application/command.py)
from regelkoll.application.command import ansokan as _ansokan  # noqa: E402

app.command("ansokan")(_ansokan)

# `regelkoll rules …`: the rule authors' commands (engine/rules_cli.py)
from regelkoll.rules_cli import rules_app  # noqa: E402

app.add_typer(rules_app, name="rules")

# `regelkoll serve`: the web pages and the API (engine/serve_cli.py, engine/web/)
from regelkoll.serve_cli import serve as _serve  # noqa: E402

app.command("serve")(_serve)


_INTERRUPT_TEXT = {signal.SIGINT: "avbruten (Ctrl-C)", signal.SIGTERM: "avbruten (SIGTERM)",
                   signal.SIGHUP: "avbruten (SIGHUP, terminalen stängdes)"}


def _handle_interrupts() -> dict[int, object]:
    """Make SIGINT, SIGTERM and SIGHUP end the run at once; return the handlers they replace.

    The handler does the whole clean-up itself and leaves with os._exit instead of
    raising: an exception raised from a signal handler can land in a finaliser or a
    fork hook, where Python prints it as "Exception ignored" and carries on with the
    run as if nothing had happened.
    """
    owner = os.getpid()

    def handler(signum: int, frame: object) -> None:
        if os.getpid() != owner:
            # a worker forked before its initializer could reset this handler: the parent stops the run
            if signum != signal.SIGINT:
                os._exit(128 + signum)
            return
        workers = sys.modules.get("regelkoll.ledger.workers")  # not imported yet: no worker can be running
        if workers is not None:
            workers.stop_all()
        discard_partial_outputs()
        try:
            os.write(2, f"regelkoll: {_INTERRUPT_TEXT[signum]}\n".encode("utf-8"))
        except OSError:
            pass
        os._exit(128 + signum)

    previous = {}
    for signum in _INTERRUPT_TEXT:
        if signal.getsignal(signum) is signal.SIG_IGN:
            continue  # started in the background or under nohup: the caller chose to ignore it
        previous[signum] = signal.signal(signum, handler)
    return previous


def main() -> None:
    """Entry point: a bug in Regelkoll itself is one clear line, not a traceback (REGELKOLL_DEBUG=1 shows it).

    An interrupt is one line too, with the conventional status 128 + the signal's number.
    """
    from regelkoll.cli_sv import click_errors, make_swedish, usage_error

    previous = _handle_interrupts()
    make_swedish(app)
    try:
        # usage errors come back here to be told in Swedish (cli_sv.py), not printed by typer in English
        status = app(standalone_mode=False, prog_name="regelkoll")
        raise SystemExit(status if isinstance(status, int) else 0)
    except SystemExit:
        raise
    except click_errors.NoArgsIsHelpError:
        raise SystemExit(2) from None  # the help has been shown
    except click_errors.UsageError as exc:
        for line in usage_error(exc):
            _err(line)
        raise SystemExit(2) from None
    except typer.Abort:
        _err("regelkoll: avbrutet")
        raise SystemExit(1) from None
    except DiagnosticError as exc:
        # raised while the report is written (a cluster's scheduler lost mid-run): the run failed, no bug
        for diagnostic in exc.diagnostics:
            _err(diagnostic.render())
        raise SystemExit(2) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
        if os.environ.get("REGELKOLL_DEBUG"):
            raise
        _err(f"regelkoll: internt fel ({type(exc).__name__}: {exc}); kör med REGELKOLL_DEBUG=1 för "
             "detaljer och rapportera felet")
        raise SystemExit(2) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    main()
