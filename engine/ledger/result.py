"""What a run produced: findings, the errors of units that could not be checked, and digests of its inputs.

Kept apart from the evaluation so that reports can read a run without importing the engine that made it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import FACT_KINDS
from regelkoll.facts.scope import facility_ids
from regelkoll.ledger.findings import Finding


@dataclass
class FacilityError:
    facility_id: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"facility_id": self.facility_id, "message": self.message}


@dataclass
class RunResult:
    as_of: date
    rules_digest: str
    facts_digest: str
    findings: list[Finding] = field(default_factory=list)
    facility_errors: list[FacilityError] = field(default_factory=list)
    input_errors: list[Diagnostic] = field(default_factory=list)
    facilities: list[str] = field(default_factory=list)
    # what the report needs besides the findings: the rule book, the units' names, where the facts came from
    rules: Any = None
    names: dict[str, str] = field(default_factory=dict)
    source: str = ""
    notices: list[str] = field(default_factory=list)  # said to the user, not part of the report


def facts_digest(bundle: FactBundle) -> str:
    """The digest of what the facts say: the SHA-256 of one canonical JSON text of them, fed to the hash a
    record at a time (a national bundle as one text would take gigabytes)."""
    digest = hashlib.sha256()
    # where a record was read is not what it says: a data set and its import have the same digest
    kinds = [kind for kind in bundle.facts if bundle.facts[kind] or FACT_KINDS[kind].digest_if_empty]
    sections = {kind: (json.dumps(f.model_dump(mode="json", exclude={"kalla", "koppling"}), sort_keys=True,
                                  ensure_ascii=False) for f in bundle.of(kind)) for kind in kinds}
    sections["broken"] = (json.dumps(text, ensure_ascii=False)
                          for text in sorted(json.dumps(b.raw, sort_keys=True) for b in bundle.broken))
    digest.update(b"{")
    for i, name in enumerate(sorted(sections)):
        digest.update(((", " if i else "") + json.dumps(name, ensure_ascii=False) + ": [").encode())
        for j, item in enumerate(sections[name]):
            digest.update(((", " if j else "") + item).encode())
        digest.update(b"]")
    digest.update(b"}")
    return digest.hexdigest()


def broken_facility_errors(bundle: FactBundle) -> list[FacilityError]:
    units = set(facility_ids(bundle))
    return [FacilityError(b.id or "?", f"verksamheten kunde inte kontrolleras: {b.diagnostic.render(personal_data=True)}")
            for b in bundle.broken if b.kind == "verksamhet"] + [
        FacilityError(b.id, f"huvudmannen kunde inte kontrolleras: {b.diagnostic.render(personal_data=True)}")
        for b in bundle.broken if b.kind == "organisation" and b.id in units]


def checkable_facilities(bundle: FactBundle) -> list[str]:
    return [fid for fid in facility_ids(bundle)
            if bundle.get("verksamhet", fid) is not None or bundle.get("organisation", fid) is not None
            or bundle.get("ansokan", fid) is not None]
