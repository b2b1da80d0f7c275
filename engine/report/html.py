"""A self-contained, printable HTML page rendered from the report document.

Page one holds the summary, a table of each facility's violations by severity and of what should be
investigated or could not be assessed; it is also the contents: each name links to its section. Printed,
every page has a header (the facility, or the report's title) and the day, and a footer "sida x av y": CSS
page-margin boxes (Chromium prints them since version 131). Chromium does not take running headers
(`string-set`, `position: running()`), so a facility with violations is put on pages of its own name
(`page: fN`), whose header names it; it therefore starts on a new page. The other facilities follow one another
on pages headed "Regelkoll". A heading is kept with the block that
follows it by wrapping both in one block that may not break.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from regelkoll.lang.model import SEVERITY_RANK
from regelkoll.output import printable
from regelkoll.report.citation import acts_cited, capitalised
from regelkoll.report.text import SEVERITY_SV, _value, facility_order, grouped, large_run_note, outcome_tally
from regelkoll.report.triage_text import mark_label, selection_lines, undetermined_detail

SEVERITIES = tuple(SEVERITY_RANK)  # most severe first
# a page name and its @page rule per facility; past this many the header names the report (a national run's CSS
# would otherwise hold thousands of page rules)
NAMED_PAGES = 400


def _visible(value: Any) -> Any:
    # Jinja escapes markup; control characters are not markup, and an HTML page may not hold most of them.
    # Markup is the template's own output (a macro's), already made of escaped values. A line break is white
    # space in HTML (and a line in <pre>): kept, where a terminal's report shows it as \n.
    if isinstance(value, str) and not isinstance(value, Markup):
        return "\n".join(printable(line) for line in value.split("\n"))
    return value


def css_string(value: str) -> Markup:
    """A CSS string literal for any text: every character but letters, digits and spaces as a hex escape, so
    that nothing from the data can end the string, the rule or the <style> element."""
    out = []
    for ch in printable(str(value)):
        # the space after an escape ends it and is not shown, so a space that follows survives
        out.append(ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x} ")
    return Markup('"' + "".join(out) + '"')


def running_title(text: str, limit: int = 70) -> str:
    """Text for a page header, which has one line: cut at `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _has_violations(items: list[dict[str, Any]]) -> bool:
    # only these get pages of their own: one indication alone on a new page left most of a sheet blank
    return any(i["outcome"] == "violation" for i in items)


def _counts(items: list[dict[str, Any]]) -> dict[str, int]:
    tally = outcome_tally(items)
    counts = {s: sum(1 for i in items if i["outcome"] == "violation" and i["severity"] == s) for s in SEVERITIES}
    counts.update(indication=tally["indication"], undetermined=tally["undetermined"])
    return counts


def _blocks(items: list[dict[str, Any]], shown_all: bool) -> list[dict[str, Any]]:
    """A facility's section as blocks in order; a block's `lead` is a heading printed on the same page as it."""
    violations = [i for i in items if i["outcome"] == "violation"]
    blocks: list[dict[str, Any]] = [{"kind": "finding", "item": i, "css": i["severity"],
                                     "label": SEVERITY_SV[i["severity"]]} for i in violations]
    indications = [{"kind": "finding", "item": i, "css": "indication", "label": "BÖR UTREDAS"}
                   for i in items if i["outcome"] == "indication"]
    if indications:
        indications[0]["lead"] = ("Bör utredas", "indikatorer, inte konstaterade överträdelser")
    blocks += indications
    unknown = [{"kind": "unknown", "label": label, "detail": detail, "rules": rules} for label, detail, rules
               in grouped([i for i in items if i["outcome"] == "undetermined"], undetermined_detail)]
    blocks += unknown
    blocks += [{"kind": "exempt", "label": label, "reason": reason, "rules": rules} for label, reason, rules
               in grouped([i for i in items if i["exemption"]], lambda i: i["exemption"]["reason"])]
    if not violations:  # said on the same page as what follows it
        blocks[:1] = [{**blocks[0], "none": True}] if blocks else [{"kind": "none", "none": True}]
    if shown_all:  # the closing line stays with the block before it, not alone at the top of a page
        blocks[-1]["tally"] = outcome_tally(items)
    return blocks


def render_html(doc: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("regelkoll.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, keep_trailing_newline=True, finalize=_visible)
    env.filters["value"] = _value
    env.filters["css_string"] = css_string
    env.filters["running_title"] = running_title
    env.filters["capitalised"] = capitalised
    shown_all = not doc["run"].get("shown_outcomes")
    ordered = facility_order(doc["findings"])
    named = sum(1 for _, items in ordered if _has_violations(items))
    facilities = []
    for n, (fid, items) in enumerate(ordered, start=1):
        counts = _counts(items)
        own_pages = named <= NAMED_PAGES and _has_violations(items)
        facilities.append({"id": fid, "name": items[0]["facility_name"], "anchor": f"v-{n}",
                           "page": f"f{n}" if own_pages else None, "counts": counts,
                           "blocks": _blocks(items, shown_all)})
    totals = {key: sum(f["counts"][key] for f in facilities) for key in (*SEVERITIES, "indication", "undetermined")}
    title = f"Regelkoll – tillsynskontroll per {doc['run']['as_of']}"
    return env.get_template("report.html.j2").render(
        doc=doc, title=title, facilities=facilities, totals=totals, severities=SEVERITIES,
        acts=acts_cited(doc["findings"], doc["run"].get("acts", [])), large_run_note=large_run_note,
        follow_up=selection_lines(doc["run"]), mark_label=mark_label)
