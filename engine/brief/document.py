"""The brief as a document: plain JSON-able data, deterministic, personal identity numbers masked.

The inspector's own number is never in it: it is not copied in, and should a field of the data carry it
(the inspector is an employee whose record is evidence), it is masked even when personal data is shown.
"""

from __future__ import annotations

from typing import Any

from regelkoll.brief.conflict import conflicts
from regelkoll.brief.header import facility_header
from regelkoll.brief.requests import build_requests
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.scope import facility_facts
from regelkoll.lang.model import SEVERITY_RANK
from regelkoll.ledger.result import RunResult
from regelkoll.personal_data import mask_all, mask_one
from regelkoll.report.document import _NOT_TEXT, build_document

SEVERITIES = tuple(SEVERITY_RANK)  # most severe first


def build_brief(result: RunResult, bundle: FactBundle, facility_id: str, *, inspector: set[str] | None = None,
                inspector_number: str | None = None, inspector_given: bool = False,
                show_personal_data: bool = False, follow_up: Any = None) -> dict[str, Any]:
    book = result.rules
    report = build_document(result, book, result.names, source=result.source, show_personal_data=True,
                            follow_up=follow_up)
    scope = facility_facts(bundle, facility_id)
    facts = {(k, f.id): f for k, f in scope.all()}
    units = {facility_id} | {u for u in result.facilities}
    provenance = dict(scope.provenance)
    for unit in sorted(units - {facility_id}):
        other = facility_facts(bundle, unit)
        provenance.update(other.provenance)
        facts.update({(k, f.id): f for k, f in other.all()})
    # a person whose own record could not be read is still named in requests by the name it gave
    facts.update({("person-namn", b.id): b.raw["namn"] for b in bundle.broken
                  if b.kind == "person" and b.id and isinstance(b.raw.get("namn"), str)})
    findings = report["findings"]
    violations = [f for f in findings if f["outcome"] == "violation"]
    violations.sort(key=lambda f: (SEVERITY_RANK[f["severity"]], f["rule_id"], f["facility_id"], f["subject"]["id"]))
    indications = [f for f in findings if f["outcome"] == "indication"]
    pack_titles = {r.rule.id: book.packs[r.pack].titel.sv if r.pack in book.packs else r.pack for r in book.rules}
    requests = build_requests(sorted(result.findings, key=lambda f: f.sort_key()), facts, pack_titles, provenance)
    summary = {
        "overtradelser": {s: sum(1 for f in violations if f["severity"] == s) for s in SEVERITIES},
        "bor_utredas": len(indications),
        "kunde_inte_bedomas": sum(1 for f in findings if f["outcome"] == "undetermined"),
        "att_begara": len(requests),
        "uppfyllda": sum(1 for f in findings if f["outcome"] == "pass"),
    }
    summary["overtradelser"]["totalt"] = len(violations)

    def source_of(kind: str, fact: Any) -> str:
        return getattr(fact, "kalla", None) or str(bundle.sources.get((kind, fact.id), ""))
    brief = {
        "run": {**report["run"], "kind": "besok", "facility": facility_id,
                "personal_data": "shown" if show_personal_data else "masked"},
        "facility": facility_header(bundle, scope, facility_id, result.as_of),
        "summary": summary,
        "violations": violations,
        "indications": indications,
        "requests": requests,
        "conflict": conflicts(bundle, facility_id, inspector or set(), result.as_of, source_of)
        if inspector_given else None,
        "errors": report["errors"],
        "notices": report["notices"],
    }
    if inspector_number:
        brief = mask_one(brief, inspector_number)
    return brief if show_personal_data else mask_all(brief, keep=_NOT_TEXT)
