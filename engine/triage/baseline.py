"""The comparison with an earlier report (`--baseline FÖREGÅENDE.json`, a `check --format json` report).

Findings are compared by their key (`keys`), and only those that ask for attention (violation, indication,
undetermined). Each such finding of this run is marked:
- `new` (ny): the baseline covered its unit and rule and had no such finding;
- `unchanged` (oförändrad): the baseline had it, with the same outcome;
- `changed` (ändrat utfall): the baseline had it with another outcome (`previous_outcome`);
- `outside` (utanför baslinjen): the baseline did not cover its unit or rule, or did not show its outcome or
  severity (a filtered baseline): it cannot say whether the finding is new.
A finding of the baseline that this run does not have any more is `resolved` (åtgärdat sedan baslinjen), but
only where this run judged its unit and rule: a rule left out now, or a unit that could not be checked, resolves
nothing. A baseline of other rules, another as-of day or another data set still works; the report says so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.ledger.findings import OUTCOME_RANK
from regelkoll.triage.keys import PROBLEMS, finding_key
from regelkoll.triage.selection import Show

STATUS_SV = {"new": "ny", "unchanged": "oförändrad", "changed": "ändrat utfall", "outside": "utanför baslinjen"}


@dataclass
class Baseline:
    file: str
    run: dict[str, Any]
    rules: frozenset[str]
    facilities: frozenset[str]
    show: Show
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)  # the problem findings, by key

    def mark(self, row: dict[str, Any], key: str) -> dict[str, Any] | None:
        if row["outcome"] not in PROBLEMS:
            return None
        before = self.findings.get(key)
        if before is not None:
            if before["outcome"] == row["outcome"]:
                return {"status": "unchanged", "status_sv": STATUS_SV["unchanged"]}
            return {"status": "changed", "status_sv": STATUS_SV["changed"], "previous_outcome": before["outcome"]}
        covered = (row["rule_id"] in self.rules and row["facility_id"] in self.facilities
                   and self.show.shows(row["severity"], row["outcome"]))
        status = "new" if covered else "outside"
        return {"status": status, "status_sv": STATUS_SV[status]}

    def resolved(self, seen: set[str], rules: set[str], units: set[str]) -> list[dict[str, Any]]:
        """The baseline's findings this run no longer has, where this run judged their rule and unit."""
        return [item for key, item in sorted(self.findings.items())
                if key not in seen and item["rule_id"] in rules and item["facility_id"] in units]

    def differences(self, header: dict[str, Any]) -> list[Diagnostic]:
        """Notices (RK-D030) for each way the baseline was made otherwise than this run."""
        said = []
        for name, text in (("rules_digest", "andra regler (eller ett annat urval av regler)"),
                           ("as_of", "en annan bedömningsdag"), ("facts_digest", "andra uppgifter")):
            # the data is compared by its digest, not its path: the same data set read from elsewhere is the same
            before, now = self.run.get(name), header.get(name)
            if before != now:
                shown = f" ({before} mot nu {now})" if name == "as_of" else ""
                said.append(f"{text}{shown}")
        if _shown(self.run) != (None, ()) and _shown(self.run) != _shown(header):
            said.append("ett annat urval av vad som visas (--outcome, --min-severity)")
        if not said:
            return []
        return [Diagnostic(self.file, 0, 0, "RK-D030", "baslinjen gjordes med " + "; ".join(said)
                           + ": jämförelsen gäller ändå, men ett fynd kan vara nytt eller åtgärdat för att "
                           "reglerna eller uppgifterna ändrats", "--baseline")]

    def header(self) -> dict[str, Any]:
        return {"file": self.file, "as_of": self.run.get("as_of"), "rules_digest": self.run.get("rules_digest"),
                "source": self.run.get("source")}


def _shown(run: dict[str, Any]) -> tuple:
    selection = run.get("selection") or {}
    return selection.get("min_severity"), tuple(selection.get("outcomes") or ())


def _bad(file: str, message: str, hint: str = "") -> DiagnosticError:
    return DiagnosticError([Diagnostic(file, 0, 0, "RK-D021", message, "--baseline", hint)])


def read_baseline(path: Path) -> Baseline:
    """The report at `path`; DiagnosticError RK-D020 when it cannot be read as JSON, RK-D021 when it is not the
    JSON report of `regelkoll check`."""
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise DiagnosticError([Diagnostic(name, 0, 0, "RK-D020", f"baslinjen kan inte läsas ({exc.strerror})",
                                          "--baseline")]) from None
    except UnicodeDecodeError:
        raise DiagnosticError([Diagnostic(name, 0, 0, "RK-D020", "baslinjen är inte UTF-8", "--baseline")]) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if _first_line_type(text) == "run":
            raise _bad(name, "baslinjen är en jsonl-rapport", "använd en rapport från check --format json") from None
        raise DiagnosticError([Diagnostic(name, exc.lineno, exc.colno, "RK-D020", "baslinjen är inte giltig JSON",
                                          "--baseline")]) from None
    return _baseline(name, doc)


def _is_not_a_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return True
    return False


def _first_line_type(text: str) -> Any:
    try:
        first = json.loads(text.lstrip().partition("\n")[0])
    except json.JSONDecodeError:
        return None
    return first.get("type") if isinstance(first, dict) else None


def _baseline(name: str, doc: Any) -> Baseline:
    run = doc.get("run") if isinstance(doc, dict) else None
    if not isinstance(run, dict) or run.get("tool") != "regelkoll" or not isinstance(doc.get("findings"), list):
        raise _bad(name, "baslinjen är ingen rapport från regelkoll check", "använd en rapport från "
                   "check --format json")
    if not isinstance(run.get("rules"), list) or not isinstance(run.get("facilities"), list):
        raise _bad(name, "baslinjens run saknar rules eller facilities")
    if not isinstance(run.get("as_of"), str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", run["as_of"]) \
            or _is_not_a_day(run["as_of"]):
        raise _bad(name, f"baslinjens bedömningsdag {run.get('as_of')!r} är inget datum ÅÅÅÅ-MM-DD")
    selection = run.get("selection") or {}
    try:
        show = Show(selection.get("min_severity"), tuple(selection["outcomes"]) if selection.get("outcomes")
                    else None)
        rules = frozenset(r["id"] for r in run["rules"])
        facilities = frozenset(run["facilities"])
    except (TypeError, KeyError, AttributeError):
        raise _bad(name, "baslinjens run har fel form") from None
    baseline = Baseline(name, run, rules, facilities, show)
    for index, row in enumerate(doc["findings"]):
        try:
            outcome = row["outcome"]
            if outcome not in OUTCOME_RANK:
                raise KeyError(outcome)
            if outcome not in PROBLEMS:
                continue
            key = finding_key(row["rule_id"], row["facility_id"], row["subject"]["kind"], row["subject"]["id"])
            baseline.findings[key] = {
                "key": key, "rule_id": row["rule_id"], "facility_id": row["facility_id"],
                "facility_name": row.get("facility_name", row["facility_id"]), "outcome": outcome,
                "severity": row.get("severity"), "title": (row.get("title") or {}).get("sv", ""),
                "subject": {"kind": row["subject"]["kind"], "id": row["subject"]["id"],
                            "label": row["subject"].get("label", "")}}
        except (TypeError, KeyError, AttributeError):
            raise _bad(name, f"fynd nr {index + 1} i baslinjen har fel form", "rule_id, facility_id, subject och "
                       "outcome behövs") from None
    return baseline
