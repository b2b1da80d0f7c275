"""One unit's rows of the report: its findings as JSON-able dicts, sorted, masked, `not_applicable` summarised.

Built per unit so that a national run can render them where the unit was evaluated (a worker) and write
them as they come, never holding the whole report. `build_document` uses the same rows, so the streamed
report and the document of a collected run are the same bytes.

The summary: a rule that does not apply to 40 employees of a home-care unit says so in one row per unit
and rule, with the count and each distinct reason; `--ledger full` keeps one row per subject. A finding
that is not applicable because an exemption applies is never summarised: it is shown as an exemption.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

from regelkoll.facts.words import kind_word
from regelkoll.lang.load import Rulebook
from regelkoll.lang.model import SEVERITY_RANK
from regelkoll.ledger.findings import OUTCOME_RANK, OUTCOME_SV, Finding
from regelkoll.personal_data import mask_all
from regelkoll.triage.keys import finding_key

# six decimal digits in a row, in any script (as personal_data tests before it looks closer)
_SIX_DIGITS = re.compile(r"\d{6}")

Ledger = Literal["summary", "full"]
LEDGERS = ("summary", "full")


def row_sort_key(item: dict[str, Any]) -> tuple:
    return (item["facility_id"], OUTCOME_RANK[item["outcome"]], SEVERITY_RANK[item["severity"]], item["rule_id"],
            item["subject"]["kind"], item["subject"]["id"] or "")


def _summarised(finding: Finding) -> bool:
    return finding.outcome == "not_applicable" and not finding.exempt


def unit_rows(findings: Iterable[Finding], book: Rulebook, facility_names: dict[str, str], *,
              show_personal_data: bool, ledger: Ledger = "summary", mask: bool = True) -> list[dict[str, Any]]:
    """The rows of one unit's findings (or of any findings: rows sort by unit first), masked unless asked.

    `mask=False` leaves the masking of text to the caller (`encoded_row`); fields named `personnummer` are
    masked here whenever personal data is not to be shown."""
    from regelkoll.report.document import finding_json

    rows: list[dict[str, Any]] = []
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        if ledger == "summary" and _summarised(finding):
            groups.setdefault((finding.facility_id, finding.rule_id, finding.subject_kind), []).append(finding)
        else:
            rows.append(finding_json(finding, book, facility_names, show_personal_data))
    rows += [_summary_row(group, book, facility_names) for group in groups.values()]
    rows.sort(key=row_sort_key)
    return rows if show_personal_data or not mask else [mask_all(row) for row in rows]


def encoded_row(row: dict[str, Any], show_personal_data: bool) -> bytes:
    """One row as a line of the JSON report, masked unless asked: the same bytes as encoding the masked row.

    Only a text with six digits in a row can hold a personnummer, and encoding never makes or breaks such a
    run, so a line without one is the masked row's line already; most rows are, and walking every string of
    them cost a fifth of a national run."""
    from regelkoll.report.document import json_line

    line = json_line(row)
    if show_personal_data or not _SIX_DIGITS.search(line.decode("utf-8")):
        return line
    return json_line(mask_all(row))


def _summary_row(group: list[Finding], book: Rulebook, facility_names: dict[str, str]) -> dict[str, Any]:
    first = group[0]
    rule = book.get(first.rule_id).rule
    reasons = Counter(f.reason for f in group)
    listed = [{"reason": reason, "count": count} for reason, count in sorted(reasons.items())]
    said = "; ".join(f"{item['reason']} ({item['count']})" for item in listed)
    kind = kind_word(first.subject_kind)
    return {
        "key": finding_key(first.rule_id, first.facility_id, first.subject_kind, None),
        "rule_id": first.rule_id,
        "rule_version": None,
        "outcome": "not_applicable",
        "outcome_sv": OUTCOME_SV["not_applicable"],
        "kind": rule.slag,
        "severity": rule.allvarlighet,
        "title": rule.titel.model_dump(),
        "facility_id": first.facility_id,
        "facility_name": facility_names.get(first.facility_id, first.facility_id),
        "subject": {"kind": first.subject_kind, "id": None, "label": f"{len(group)} st. {kind}"},
        "count": len(group),
        "reasons": listed,
        "decisive_date": None,
        "legal_basis": [],
        "exemption": None,
        "evidence": [],
        "absent": [],
        "missing": [],
        "reason": said,
        "message": {"sv": f"Ej tillämplig för {len(group)} st. {kind}: {said}",
                    "en": f"Not applicable to {len(group)} subjects ({first.subject_kind})."},
    }


def row_count(row: dict[str, Any]) -> int:
    """How many findings a row stands for: a summary row stands for `count`."""
    return row.get("count", 1)
