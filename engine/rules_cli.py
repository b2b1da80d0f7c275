"""`regelkoll rules …`: the commands for rule authors. Registered in cli.py, whose output helpers they use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from regelkoll.lang import BUNDLED_RULES

rules_app = typer.Typer(no_args_is_help=True, help="Verktyg för dem som skriver regler.")

_RULES_HELP = "Katalog med regelpaket."


@rules_app.command("schema")
def rules_schema(output: Optional[Path] = typer.Option(None, "--output", help="Skriv schemat till en fil.")) -> None:
    """Skriv JSON Schema för regelformatet (för autokomplettering i editorer)."""
    from regelkoll import cli
    from regelkoll.lang.schema import schema_text

    cli._check_output(output)
    cli._emit(schema_text().encode("utf-8"), output)


@rules_app.command("lint")
def rules_lint(rules: Path = typer.Option(BUNDLED_RULES, "--rules", help=_RULES_HELP)) -> None:
    """Validera regelpaketen och fakta i deras exempel; fel anges med fil:rad:kolumn."""
    from regelkoll import cli
    from regelkoll.examples import example_diagnostics

    book = cli._load_rules(rules)
    cli._compile(book)
    problems = sorted(d for loaded in book.rules for d in example_diagnostics(loaded))
    if problems:
        cli._fail([d.render() for d in problems])
    count = len(book.rules)
    cli._stdout(f"{count} {'regel' if count == 1 else 'regler'} utan fel.\n".encode("utf-8"))


@rules_app.command("compile")
def rules_compile(
    rule_id: Optional[str] = typer.Option(None, "--rule", help="Bara denna regel."),
    rules: Path = typer.Option(BUNDLED_RULES, "--rules", help=_RULES_HELP),
) -> None:
    """Skriv de kompilerade durable_rules-regeluppsättningarna som JSON."""
    from regelkoll import cli

    book = cli._load_rules(rules)
    out = {}
    for crule in cli._compile(book):
        if rule_id and crule.rule.id != rule_id:
            continue
        out[crule.merged.name] = crule.merged.ruleset
    if rule_id and not out:
        cli._fail([f"--rule: okänd regel {rule_id}"])
    cli._stdout((json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))


@rules_app.command("docs")
def rules_docs(
    output: Optional[Path] = typer.Option(None, "--output", help="Skriv katalogen till en fil."),
    rules: Path = typer.Option(BUNDLED_RULES, "--rules", help=_RULES_HELP),
) -> None:
    """Skriv regelkatalogen (Markdown): regler, versioner, lagrum, undantag och exempel."""
    from regelkoll import cli
    from regelkoll.report.catalogue import render_catalogue

    cli._check_output(output)
    cli._emit(render_catalogue(cli._load_rules(rules)).encode("utf-8"), output)


def _id_hint(word: str, ids: list[str]) -> str:
    from regelkoll.lang.values import value_hint

    hint = value_hint(word.upper(), ids)
    # a hundred ids listed as "tillåtna" would help nobody
    return "inget liknande id; `regelkoll rules docs` listar reglerna" if hint.startswith("tillåtna") else hint


def _chosen(book, patterns: list[str]) -> list:
    """The rules whose ids match one of the patterns (ids or globs such as RK-HVB-*, in any case)."""
    from regelkoll import cli
    from regelkoll.triage.selection import matches, matches_any

    ids = [loaded.rule.id for loaded in book.rules]
    unmatched = [p for p in patterns if not matches_any(p, ids)]
    if unmatched:
        cli._fail([f"--rule: RK-R103: ingen regel matchar '{p}' ({_id_hint(p, ids)})" for p in unmatched])
    return [loaded for loaded in book.rules if not patterns or matches(loaded.rule.id, patterns)]


@rules_app.command("test")
def rules_test(
    rule: Optional[list[str]] = typer.Option(None, "--rule", help="Kör bara denna regels exempel; id eller "
                                             "mönster som RK-HVB-* (kan upprepas)."),
    rules: Path = typer.Option(BUNDLED_RULES, "--rules", help=_RULES_HELP),
) -> None:
    """Kör reglernas inbyggda exempel. Slutstatus: 0 alla godkända, 1 något underkänt, 2 fel i reglerna."""
    from regelkoll import cli
    from regelkoll.examples import coverage_gaps, run_example
    from regelkoll.output import printable

    book = cli._load_rules(rules)
    chosen = _chosen(book, rule or [])
    compiled = {crule.rule.id: crule for crule in cli._compile(book)}
    passed = failed = gaps = 0
    lines = []
    for loaded in chosen:
        results = []
        for index in range(len(loaded.rule.exempel)):
            res = run_example(loaded, index, compiled[loaded.rule.id])
            mark = "ok " if res.ok else "FEL"
            detail = "" if res.ok else f" – väntat {res.expected_word}, fick {res.actual_word or '-'} {res.problem}"
            lines.append(f"{mark} {loaded.rule.id}: {res.name}{detail}".rstrip())
            passed += res.ok
            failed += not res.ok
            results.append(res)
        for gap in coverage_gaps(loaded, results):
            lines.append(f"FEL {loaded.rule.id}: {gap}")
            gaps += 1
    lines.append(f"{len(chosen)} {'regel' if len(chosen) == 1 else 'regler'}, {passed + failed} exempel: "
                 f"{passed} godkända, {failed} underkända"
                 + (f"; {gaps} luckor i exemplens täckning" if gaps else ""))
    cli._stdout("".join(printable(line) + "\n" for line in lines).encode("utf-8"))
    if failed or gaps:
        raise typer.Exit(1)


@rules_app.command("new")
def rules_new(
    source: str = typer.Option(..., "--fran", help="Id på den regel som kopieras."),
    new_id: Optional[str] = typer.Option(None, "--id", help="Den nya regelns id (annars källans id med -NY)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Skriv utkastet till en ny fil (skrivs aldrig "
                                          "över); utan: standard ut."),
    rules: Path = typer.Option(BUNDLED_RULES, "--rules", help=_RULES_HELP),
) -> None:
    """Skriv ett utkast till en ny regel: en kopia av en beprövad regel, med det som ska ändras utmärkt."""
    from regelkoll import cli
    from regelkoll.lang.draft import RULE_ID, default_id, draft

    book = cli._load_rules(rules)
    ids = [loaded.rule.id for loaded in book.rules]
    if source.upper() not in ids:
        cli._fail([f"--fran: RK-R103: ingen regel har id '{source}' ({_id_hint(source, ids)})"])
    new_id = new_id or default_id(source.upper())
    if not RULE_ID.match(new_id):
        cli._fail([f"--id: RK-R104: '{new_id}' har fel form för ett regel-id (versaler, siffror och bindestreck, "
                   "t.ex. RK-HVB-08)"])
    if new_id in ids:
        cli._fail([f"--id: RK-R011: regel-id {new_id} finns redan i {book.get(new_id).file}"])
    if output is not None and (output.exists() or output.is_symlink()):
        cli._fail([f"{output}: RK-R105: filen finns redan; ett utkast skriver aldrig över en fil"])
    cli._check_output(output)
    cli._emit(draft(book, book.get(source.upper()), new_id).encode("utf-8"), output)
