"""Plain-text report in Swedish: per facility, most severe first, with citation and evidence.

Names, messages and evidence come from the data. Every line passes through
`printable` as the report is joined, so a control character in them is shown
as an escape and cannot steer the terminal or start a line of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from regelkoll.output import printable
from regelkoll.report.citation import acts_cited, capitalised
from regelkoll.report.triage_text import (
    finding_notes,
    mark_label,
    resolved_lines,
    selection_lines,
    summary_table,
    undetermined_detail,
)

SEVERITY_SV = {"allvarlig": "ALLVARLIG", "betydande": "BETYDANDE", "mindre": "MINDRE"}


def _basis(item: dict[str, Any]) -> str:
    """The provisions in their short form; the report's list of acts (`acts_lines`) gives each act's title."""
    parts = []
    for ref in item["legal_basis"]:
        text = ref["short"]
        if ref["wording"]:
            text += f" (lydelse SFS {ref['wording']})"
        if ref["unverified"]:
            text += " [lydelsen ej verifierad]"
        parts.append(text)
    return "; ".join(parts)


def _value(value: Any) -> str:
    """A field value as an inspector reads it: ja/nej, lists joined with 'och'."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        return " och ".join(map(str, value))
    return str(value)


def _evidence(item: dict[str, Any]) -> list[str]:
    lines = []
    for ev in item["evidence"]:
        lines.append(f"      - {ev['label']}: {ev['text']}")
        if ev.get("source"):
            lines.append(f"        källa: {ev['source']}")
        if ev.get("link"):
            lines.append(f"        person {ev['link']}")
    for text in item["absent"]:
        lines.append(f"      - saknas: {text}")
    return lines


def _finding(item: dict[str, Any], label: str) -> list[str]:
    caveats = [f"    OBS: {text}" for text in item["missing"]] if item["outcome"] == "indication" else []
    return [f"  [{label}]{mark_label(item)} {item['rule_id']} {item['title']['sv']}", f"    {item['message']['sv']}",
            *caveats, *finding_notes(item), f"    Lagrum: {_basis(item)}", "    Underlag:", *_evidence(item)]


def grouped(items: list[dict[str, Any]], detail) -> list[tuple[str, str, list[str]]]:
    """One line per subject and detail, listing the rules it concerns."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in items:
        groups[(item["subject"]["label"], detail(item))].append(item["rule_id"])
    return [(label, text, sorted(rules)) for (label, text), rules in sorted(groups.items())]


def facility_order(findings: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Facilities with the most serious violations first, then by id."""
    by_facility: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in findings:
        by_facility[item["facility_id"]].append(item)
    rank = {"allvarlig": 0, "betydande": 1, "mindre": 2}

    def key(fid: str) -> tuple:
        sev = [rank[i["severity"]] for i in by_facility[fid] if i["outcome"] == "violation"]
        return (min(sev, default=9), -len(sev), fid)

    return [(fid, by_facility[fid]) for fid in sorted(by_facility, key=key)]


def outcome_tally(items: list[dict[str, Any]]) -> Counter:
    """Findings by outcome; a summary row of what is not applicable counts for as many as it stands for."""
    tally: Counter = Counter()
    for item in items:
        tally[item["outcome"]] += item.get("count", 1)
    return tally


def large_run_note(run: dict[str, Any]) -> str:
    return (f"Stor körning ({len(run['facilities'])} verksamheter och huvudmän): här visas bara överträdelser och det "
            "som bör utredas. Allt, även det som inte kunde bedömas: --format json eller --format jsonl.")


def acts_lines(run: dict[str, Any], findings: list[dict[str, Any]]) -> list[str]:
    """The report's list of acts: each act its findings cite, once, with its full title and link."""
    rows = acts_cited(findings, run.get("acts", []))
    if not rows:
        return []
    width = max(len(row["short"]) for row in rows)
    out = ["", "FÖRFATTNINGAR (lagrummen ovan hänvisar hit)"]
    for row in rows:
        out += [f"  {row['short']:<{width}}  {capitalised(row['title'])}", f"  {'':<{width}}  {row['url']}"]
    return out


def _diagnostic_line(err: dict[str, Any]) -> str:
    where = err["file"] + (f":{err['line']}" if err["line"] else "") + (f":{err['column']}" if err["column"] else "")
    field = f"{err['field']}: " if err["field"] else ""
    hint = f" ({err['hint']})" if err["hint"] else ""
    return f"{where}: {err['code']}: {field}{err['message']}{hint}"


def render_text(doc: dict[str, Any], *, quiet: bool = False) -> str:
    """The report; `quiet`: only its first lines (result, selection) and the closing summary table."""
    run = doc["run"]
    counts = run["counts"]
    out = [
        f"Regelkoll – tillsynskontroll per {run['as_of']}",
        f"Data: {run['source']}  ·  verksamheter och huvudmän: {len(run['facilities'])}  ·  regler: {len(run['rules'])}",
        f"Resultat: {counts['violation']} överträdelser, {counts['indication']} att utreda, "
        f"{counts['undetermined']} kunde inte bedömas, "
        f"{counts['pass']} uppfyllda, {counts['not_applicable']} ej tillämpliga, {len(doc['errors'])} fel",
    ]
    out += selection_lines(run)
    if quiet:
        return "\n".join(map(printable, out + summary_table(doc))) + "\n"
    if run["personal_data"] == "masked":
        out.append("Personnummer är maskerade (visa med --show-personal-data).")
    if run.get("shown_outcomes"):
        out.append(large_run_note(run))
    if doc.get("notices"):
        out += ["", "UPPLYSNINGAR – så här lästes och användes uppgifterna:"]
        out += [f"  i {_diagnostic_line(note)}" for note in doc["notices"]]
    if doc["errors"]:
        out += ["", "FEL – följande kunde inte läsas eller kontrolleras:"]
        for err in doc["errors"]:
            if err["kind"] == "facility":
                out.append(f"  ! verksamhet {err['facility_id']}: {err['message']}")
            else:
                out.append(f"  ! {_diagnostic_line(err)}")
    for fid, items in facility_order(doc["findings"]):
        out += ["", f"== {items[0]['facility_name']} [{fid}] =="]
        violations = [i for i in items if i["outcome"] == "violation"]
        if not violations:
            out.append("  Inga överträdelser.")
        for item in violations:
            out += _finding(item, SEVERITY_SV[item["severity"]])
        indications = [i for i in items if i["outcome"] == "indication"]
        if indications:
            out.append("  Bör utredas (indikatorer, inte konstaterade överträdelser):")
        for item in indications:
            out += _finding(item, "BÖR UTREDAS")
        unknown = grouped([i for i in items if i["outcome"] == "undetermined"], undetermined_detail)
        if unknown:
            out.append("  Kunde inte bedömas:")
            for label, detail, rules in unknown:
                out.append(f"    ? {label} ({', '.join(rules)}): {detail}")
        for label, reason, rules in grouped([i for i in items if i["exemption"]], lambda i: i["exemption"]["reason"]):
            out.append(f"  Undantag – {label} ({', '.join(rules)}): {reason}")
        if not run.get("shown_outcomes"):
            tally = outcome_tally(items)
            out.append(f"  Övrigt: {tally['pass']} uppfyllda, {tally['not_applicable']} ej tillämpliga bedömningar.")
    out += resolved_lines(run) + acts_lines(run, doc["findings"]) + summary_table(doc)
    # the one place every string of the report passes: a newline inside a name is shown, never obeyed
    return "\n".join(map(printable, out)) + "\n"
