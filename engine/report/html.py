"""A self-contained, printable HTML page rendered from the report document."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from regelkoll.output import printable
from regelkoll.report.text import SEVERITY_SV, _value, facility_order, grouped, large_run_note, outcome_tally


def _visible(value: Any) -> Any:
    # Jinja escapes markup; control characters are not markup, and an HTML page may not hold most of them.
    # Markup is the template's own output (a macro's), already made of escaped values.
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def render_html(doc: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("regelkoll.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, keep_trailing_newline=True, finalize=_visible)
    env.filters["value"] = _value
    facilities = [
        (fid, items,
         grouped([i for i in items if i["outcome"] == "undetermined"], lambda i: "; ".join(i["missing"])),
         grouped([i for i in items if i["exemption"]], lambda i: i["exemption"]["reason"]))
        for fid, items in facility_order(doc["findings"])]
    return env.get_template("report.html.j2").render(doc=doc, facilities=facilities, severity_sv=SEVERITY_SV,
                                                      outcome_tally=outcome_tally, large_run_note=large_run_note)
