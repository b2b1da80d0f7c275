"""`regelkoll ansokan`: screen a permit application. Registered in cli.py; the command's body lives here."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def ansokan(
    application: Optional[Path] = typer.Argument(None, help="Ansökningsfilen (YAML eller JSON)."),
    data: Optional[Path] = typer.Option(None, "--data", help="Underlag: en datamängd (YAML/JSON-fakta och/eller "
                                        "källor med kallor.yaml) med personer, domar, anmärkningar, företrädare, "
                                        "tillstånd och legitimationer."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Bedömningsdag ÅÅÅÅ-MM-DD (annars underlagets "
                                                             "kontext.per_datum, annars i dag)."),
    fmt: str = typer.Option("text", "--format", help="text, json eller html."),
    output: Optional[Path] = typer.Option(None, "--output", help="Skriv rapporten till en fil."),
    show_personal_data: bool = typer.Option(False, "--show-personal-data", help="Visa personnummer omaskerade."),
    schema: bool = typer.Option(False, "--schema", help="Skriv JSON Schema för ansökningsfilen och avsluta."),
) -> None:
    """Granska en ansökan om tillstånd (SoL/LSS). Slutstatus: 0 komplett och inget att utreda; 1 komplettering
    begärs, något bör utredas, verksamheten kräver inget tillstånd, målgruppen stämmer inte eller något kunde
    inte bedömas; 2 fel i ansökan eller underlaget."""
    from regelkoll import api, cli
    from regelkoll.application.model import schema_text

    if schema:
        cli._check_output(output)
        cli._emit(schema_text().encode("utf-8"), output)
        return
    if application is None:
        cli._fail(["ange en ansökningsfil (eller --schema)"])
    if fmt not in ("text", "json", "html"):
        cli._fail([f"--format: okänt format '{fmt}' (text, json eller html)"])
    cli._check_output(output)
    day = cli._parse_date(as_of, "--as-of")
    from regelkoll.application.report import render_html, render_text
    from regelkoll.report.document import to_pretty_json_bytes

    book = cli._load_rules(cli.PROJECT_RULES)
    screening = api.screen(application, data, as_of=day, rules=book)
    for notice in screening.notices:
        cli._err(notice)
    doc = api.screening_document(screening, show_personal_data=show_personal_data)
    if fmt == "json":
        payload = to_pretty_json_bytes(doc)
    else:
        payload = (render_html(doc) if fmt == "html" else render_text(doc)).encode("utf-8")
    cli._deliver(payload, output, [d.render(personal_data=show_personal_data) for d in
                                   sorted(screening.application.diagnostics) + sorted(screening.data_diagnostics)],
                 show_personal_data)
    raise typer.Exit(doc["run"]["status"])
