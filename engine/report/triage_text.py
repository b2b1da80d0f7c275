"""The parts of the text report about triage and follow-up: the selection, decisions, baseline marks, what was
resolved since the baseline, and the closing summary table. Shared with the HTML report, which shows the same."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from regelkoll.ledger.findings import OUTCOME_SV

_OUTCOME_WORD = {"violation": "överträdelser", "indication": "bör utredas", "undetermined": "kunde inte bedömas",
                 "pass": "uppfyllda", "not_applicable": "ej tillämpliga"}
_SEVERITY = {"allvarlig": "allvarlig", "betydande": "betydande eller allvarligare", "mindre": "alla"}


def selection_lines(run: dict[str, Any]) -> list[str]:
    """What the report leaves out, said first, so that a filtered report is not read as a full one."""
    selection = run.get("selection")
    lines = []
    if selection and not selection["complete"]:
        said = []
        if selection["rules"]:
            said.append("regler " + ", ".join(selection["rules"]))
        if selection["skip_rules"]:
            said.append("utom " + ", ".join(selection["skip_rules"]))
        if selection["min_severity"]:
            said.append("allvarlighet " + _SEVERITY[selection["min_severity"]])
        if selection["outcomes"] is not None:
            said.append("utfall " + ", ".join(OUTCOME_SV[o] for o in selection["outcomes"]))
        shown = run.get("shown_counts", {})
        lines.append("URVAL – rapporten är inte fullständig: " + "; ".join(said) + ". Visas: "
                     + ", ".join(f"{shown.get(o, 0)} {_OUTCOME_WORD[o]}" for o in _OUTCOME_WORD) + ".")
    if selection and selection["fail_on"] != "violation":
        lines.append(f"Slutstatus 1 vid: {OUTCOME_SV[selection['fail_on']]} eller värre utan ställningstagande.")
    decisions = run.get("decisions")
    if decisions:
        lines.append(f"Ställningstaganden: {decisions['file']} – {decisions['applied']} tillämpade, "
                     f"{decisions['expired']} utgångna, {decisions['orphaned']} utan motsvarande fynd"
                     + (f", {decisions['pending']} fattade efter bedömningsdagen" if decisions.get("pending") else "")
                     + (f", {decisions['outside_run']} om regler eller verksamheter utanför körningen"
                        if decisions["outside_run"] else "") + ".")
    baseline = run.get("baseline")
    if baseline:
        lines.append(f"Baslinje: {baseline['file']} (per {baseline['as_of']}) – {len(baseline['resolved'])} "
                     "fynd åtgärdade sedan dess.")
    return lines


def mark_label(item: dict[str, Any]) -> str:
    """The baseline's word for a finding, as a label before its rule: ` [NY]`."""
    mark = item.get("baseline")
    if not mark:
        return ""
    if mark["status"] == "changed":
        return f" [ÄNDRAT UTFALL, tidigare {OUTCOME_SV[mark['previous_outcome']]}]"
    return f" [{mark['status_sv'].upper()}]"


def finding_notes(item: dict[str, Any]) -> list[str]:
    """The finding's key, and the inspector's position on it when there is one."""
    lines = [f"    Nyckel: {item['key']}"]
    decision = item.get("decision")
    if decision:
        lines.append(f"    STÄLLNINGSTAGANDE: {decision['kind_sv']} ({decision['decided_by']} {decision['decided']}, "
                     f"gäller t.o.m. {decision['valid_until']}): {decision['reason']} – räknas inte i slutstatusen")
    return lines


def undetermined_detail(item: dict[str, Any]) -> str:
    """What an undetermined finding lacks, with its baseline mark and ställningstagande: these are listed one line
    per subject and lack, not as findings of their own."""
    detail = "; ".join(item["missing"]) + mark_label(item)
    decision = item.get("decision")
    if decision:
        detail += (f" – ställningstagande: {decision['kind_sv']} ({decision['decided_by']} {decision['decided']}, "
                   f"gäller t.o.m. {decision['valid_until']}): {decision['reason']}")
    return detail


def resolved_lines(run: dict[str, Any]) -> list[str]:
    baseline = run.get("baseline")
    if not baseline or not baseline["resolved"]:
        return []
    lines = ["", f"ÅTGÄRDAT SEDAN BASLINJEN ({baseline['file']}, per {baseline['as_of']}):"]
    for item in baseline["resolved"]:
        lines.append(f"  - {item['facility_name']} [{item['facility_id']}]: {item['rule_id']} {item['title']} – "
                     f"{item['subject']['label'] or item['subject']['id']} (var {OUTCOME_SV[item['outcome']]})")
        lines.append(f"    Nyckel: {item['key']}")
    return lines


_COLUMNS = (("violation", "Överträdelser"), ("indication", "Bör utredas"), ("undetermined", "Ej bedömda"))


def summary_data(doc: dict[str, Any]) -> tuple[list[str], list[list[str]], list[str]]:
    """Per unit, the shown findings that ask for attention; with decisions, how many of them have one; with a
    baseline, how many are new. Units with nothing to show are left out; the totals count every unit.
    Returns the column headings, the rows (unit first) and the totals."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, str] = {}
    for item in doc["findings"]:
        if item["outcome"] not in dict(_COLUMNS):
            continue
        counts = rows[item["facility_id"]]
        names[item["facility_id"]] = item["facility_name"]
        counts[item["outcome"]] += 1
        counts["decided"] += "decision" in item
        counts["new"] += item.get("baseline", {}).get("status") == "new"
    columns = list(_COLUMNS)
    if doc["run"].get("decisions"):
        columns.append(("decided", "Varav ställningstagande"))
    if doc["run"].get("baseline"):
        columns.append(("new", "Varav nya"))
    table = [[f"{names[fid]} [{fid}]", *(str(rows[fid][key]) for key, _ in columns)] for fid in sorted(rows)]
    if len(table) > _MOST_ROWS:
        # a national run: the units with the most violations, the rest in one line
        table.sort(key=lambda row: (-int(row[1]), -int(row[2]), row[0]))
        rest = len(table) - _MOST_ROWS
        table = table[:_MOST_ROWS] + [[f"… och {rest} verksamheter till", *("" for _ in columns)]]
    totals = ["Totalt", *(str(sum(rows[fid][key] for fid in rows)) for key, _ in columns)]
    return ["Verksamhet", *(name for _, name in columns)], table, totals


_MOST_ROWS = 40


def summary_table(doc: dict[str, Any]) -> list[str]:
    """The summary table as the text report's closing lines."""
    heading, table, totals = summary_data(doc)
    width = max(len(row[0]) for row in [heading, *table, totals])
    widths = [max(len(h), 3) for h in heading[1:]]

    def line(cells: list[str]) -> str:
        return "  " + cells[0].ljust(width) + "".join("  " + c.rjust(w) for c, w in zip(cells[1:], widths))

    return ["", "SAMMANSTÄLLNING (visade fynd som kräver uppmärksamhet)", line(heading),
            *(line(row) for row in table), line(totals)]
