"""The report document: plain JSON-able data, sorted, personal identity numbers masked.

Masking happens once, on the finished document, so that a number typed anywhere (a name, a note,
an error that quotes the input, a path) is caught whichever field carries it; the fields named
`personnummer` are masked whole even when they do not have a personnummer's shape.
"""

from __future__ import annotations

import json
import re
from typing import Any

from regelkoll.codes import is_notice
from regelkoll.facts.identity import mask
from regelkoll.facts.words import code_word, field_word, kind_word
from regelkoll.lang.load import MessageTemplate, Rulebook
from regelkoll.ledger.findings import OUTCOME_RANK, OUTCOME_SV, Finding
from regelkoll.ledger.result import RunResult
from regelkoll.legaltime import Period
from regelkoll.output import BEYOND_C0
from regelkoll.personal_data import mask_all
from regelkoll.report.citation import act_table, cite_short, to_json
from regelkoll.triage.keys import finding_key
from regelkoll.version import package_version

SENSITIVE_FIELDS = ("personnummer",)


def _mask_value(name: str, value: Any, show: bool) -> Any:
    if show or not isinstance(value, str):
        return value
    if name.rsplit(".", 1)[-1] in SENSITIVE_FIELDS:
        return mask(value)
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        items = [str(v) for v in value]
        return " och ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " och " + items[-1]
    return str(value)


def _message(finding: Finding, book: Rulebook, show: bool) -> dict[str, str]:
    rule = book.get(finding.rule_id).rule
    if finding.outcome in ("violation", "indication") and finding.version is not None:
        version_ = rule.versioner[finding.version]
        values = {k: _text(_mask_value(k, v, show)) for k, v in finding.variables.items()}
        values["subjekt"] = finding.subject_label
        values["lagrum"] = cite_short(version_.lagrum[0], book.acts, book.abbreviations)  # the title is listed once
        values["saknas"] = _text(finding.lacking) if finding.lacking else "–"
        for name, param in version_.parametrar.items():
            values[f"parameter.{name}"] = param.swedish() if isinstance(param, Period) else _text(param)
        swedish = dict(values)  # coded values (roles, crimes, statuses) in Swedish words
        swedish.update({k: _text(code_word(k, _mask_value(k, v, show))) for k, v in finding.variables.items()})
        return {"sv": MessageTemplate(rule.meddelande.sv).safe_substitute(swedish),
                "en": MessageTemplate(rule.meddelande.en).safe_substitute(values)}
    if finding.outcome == "undetermined":
        return {"sv": "Kunde inte bedömas: " + "; ".join(finding.missing),
                "en": "Could not be assessed: " + "; ".join(finding.missing)}
    if finding.outcome == "pass":
        return {"sv": "Kravet är uppfyllt.", "en": "The requirement is met."}
    return {"sv": f"Ej tillämplig: {finding.reason}", "en": "Not applicable."}


# fields naming a unit of the run: a unit's own record may be out of its scope (an organisation's unit)
_UNIT_FIELDS = {"verksamhet": "verksamhet", "organisation": "organisation", "huvudman": "organisation"}


def _evidence_json(evidence, show: bool, facility_names: dict[str, str]) -> dict[str, Any]:
    """A piece of evidence: its raw `fields` and ids, and beside them how a reader reads it (`label`: the
    fact, named where it is a person or facility; `text`: its fields in Swedish words, with names for ids)."""
    fields = {k: _mask_value(k, v, show) for k, v in evidence.fields.items()}
    names = dict(evidence.names)
    units = {**{k: fields.get(k) for k in _UNIT_FIELDS},
             **({"id": evidence.id} if evidence.kind in _UNIT_FIELDS.values() else {})}
    names.update({k: facility_names[ref] for k, ref in units.items()
                  if k not in names and isinstance(ref, str) and ref in facility_names})
    text = "; ".join(f"{field_word(k)} {names[k] if k in names else _text(code_word(k, v))}"
                     for k, v in fields.items() if k != "id" and v is not None)
    return {**evidence.to_json(), "fields": fields, "names": names, "label": f"{kind_word(evidence.kind)} {names.get('id', evidence.id)}",
            "text": text}


def finding_json(finding: Finding, book: Rulebook, facility_names: dict[str, str], show: bool) -> dict[str, Any]:
    rule = book.get(finding.rule_id).rule
    version_ = rule.versioner[finding.version] if finding.version is not None else None
    basis = [to_json(r, book.acts, book.abbreviations) for r in version_.lagrum] if version_ else []
    exemption = []
    if version_ and finding.exempt:
        refs = rule.undantag[finding.exemption].lagrum or version_.undantag_lagrum
        exemption = [to_json(r, book.acts, book.abbreviations) for r in refs]
    return {
        "key": finding_key(finding.rule_id, finding.facility_id, finding.subject_kind, finding.subject_id),
        "rule_id": finding.rule_id,
        "rule_version": version_.giltig_fran.isoformat() if version_ else None,
        "outcome": finding.outcome,
        "outcome_sv": OUTCOME_SV[finding.outcome],
        "kind": rule.slag,
        "severity": rule.allvarlighet,
        "title": rule.titel.model_dump(),
        "facility_id": finding.facility_id,
        "facility_name": facility_names.get(finding.facility_id, finding.facility_id),
        "subject": {"kind": finding.subject_kind, "id": finding.subject_id, "label": finding.subject_label},
        "decisive_date": finding.decisive_date,
        "legal_basis": basis,
        "exemption": {"applies": finding.exempt, "reason": finding.reason, "legal_basis": exemption}
        if finding.exempt else None,
        "evidence": [_evidence_json(e, show, facility_names) for e in finding.evidence],
        "absent": finding.absent,
        "missing": finding.missing,
        "reason": finding.reason,
        "message": _message(finding, book, show),
    }


def outcome_counts(findings) -> dict[str, int]:
    counts = {name: 0 for name in OUTCOME_RANK}
    for finding in findings:
        counts[finding.outcome] += 1
    return counts


def error_rows(input_errors, facility_errors) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The report's errors (input, then units that could not be checked) and notices, sorted; not masked."""
    errors = [{"kind": "input", **d.to_json(personal_data=True)} for d in sorted(input_errors)
              if not is_notice(d.code)]
    notices = [{"kind": "input", **d.to_json(personal_data=True)} for d in sorted(input_errors) if is_notice(d.code)]
    errors += [facility_error_row(e) for e in sorted(facility_errors, key=lambda e: e.facility_id)]
    return errors, notices


def facility_error_row(error) -> dict[str, Any]:
    return {"kind": "facility", "file": "", "line": 0, "column": 0, "code": "RK-E001", "field": "",
            "message": error.message, "hint": "", "facility_id": error.facility_id}


def run_header(book: Rulebook, *, source: str, as_of: str, rules_digest: str, facts_digest: str,
               show_personal_data: bool, ledger: str) -> dict[str, Any]:
    """What a run was: tool, rules, data and day; the facilities and counts are added when it has ended."""
    return {
        "tool": "regelkoll",
        "tool_version": package_version("regelkoll"),
        "engine": f"durable_rules {package_version('durable_rules')}",
        "source": source,
        "as_of": as_of,
        "rules_digest": rules_digest,
        "facts_digest": facts_digest,
        "rules": [{"id": r.rule.id, "versions": [v.giltig_fran.isoformat() for v in r.rule.versioner]}
                  for r in book.rules],
        "personal_data": "shown" if show_personal_data else "masked",
        "ledger": ledger,
        "acts": act_table(book),  # each act's full title once; findings cite it by its short name
    }


def masked(value: Any, show_personal_data: bool) -> Any:
    return value if show_personal_data else mask_all(value, keep=_NOT_TEXT)


def build_document(result: RunResult, book: Rulebook, facility_names: dict[str, str], *, source: str,
                   show_personal_data: bool = False, ledger: str = "full", follow_up: Any = None) -> dict[str, Any]:
    """The report document of a collected run. `follow_up` (engine/triage/follow_up.py) marks the rows with the
    inspector's decisions and a baseline, and adds what is known once every unit is in, as a streamed report does."""
    from regelkoll.report.rows import unit_rows
    from regelkoll.triage.keys import PROBLEMS

    run = run_header(book, source=source, as_of=result.as_of.isoformat(), rules_digest=result.rules_digest,
                     facts_digest=result.facts_digest, show_personal_data=show_personal_data, ledger=ledger)
    rows = unit_rows(result.findings, book, facility_names, show_personal_data=show_personal_data, ledger=ledger)
    input_errors = list(result.input_errors)
    extra: dict[str, Any] = {}
    if follow_up is not None:
        for row in rows:
            follow_up.annotate(row, row["key"])
        seen = {row["key"] for row in rows if row["outcome"] in PROBLEMS}
        units = set(result.facilities) - {e.facility_id for e in result.facility_errors}
        late, extra = follow_up.finish(seen, {r["id"] for r in run["rules"]}, units, run)
        input_errors += late
    errors, notices = error_rows(input_errors, result.facility_errors)
    run.update(facilities=result.facilities, counts=outcome_counts(result.findings), **extra)
    return {
        "run": masked(run, show_personal_data),
        "findings": rows,
        "errors": masked(errors, show_personal_data),
        "notices": masked(notices, show_personal_data),
    }


# hex digests may hold a run of digits shaped like a personnummer by chance
_NOT_TEXT = frozenset({"rules_digest", "facts_digest"})


# json escapes the C0 controls itself; these it leaves raw, and a terminal acts on them when the report is shown
_RAW_CONTROLS = re.compile(f"[{BEYOND_C0}]")


def json_line(value: Any) -> bytes:
    """One value as one line of deterministic JSON, UTF-8."""
    return _line(value).encode("utf-8")


def _line(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_pretty_json_bytes(document: Any) -> bytes:
    """Deterministic, indented JSON for the smaller documents (a brief, a screening)."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2)
    return (_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n").encode("utf-8")


def to_json_bytes(document: dict[str, Any]) -> bytes:
    """Deterministic JSON with one finding per line: diffable, and fast (the C encoder needs indent=None).

    Each line is encoded on its own: one big str of Swedish text (with "–" and "§") would take
    2–4 bytes a character, several times over while it is joined. The findings come first, so that a
    run can be written as it goes (`report.stream`), with the same bytes.
    """
    from regelkoll.report.stream import json_chunks

    return b"".join(json_chunks(map(json_line, document["findings"]),
                                lambda: (document["errors"], document["notices"], document["run"])))
