"""A whole run: compile the rulebook, evaluate every facility, collect findings and errors."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from engine.bundle import FactBundle
from engine.compile import compile_rule
from engine.errors import Diagnostic
from engine.evaluate import CompiledRule, Runner, evaluate_rule
from engine.facts import Kontext
from engine.findings import Finding
from engine.loader import Rulebook
from engine.session import facility_facts, facility_ids


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


def compile_rulebook(book: Rulebook) -> list[CompiledRule]:
    return [CompiledRule(loaded, compile_rule(loaded)) for loaded in book.rules]


def facts_digest(bundle: FactBundle) -> str:
    canon = {kind: [f.model_dump(mode="json") for f in bundle.of(kind)] for kind in bundle.facts}
    canon["broken"] = sorted(json.dumps(b.raw, sort_keys=True) for b in bundle.broken)
    return hashlib.sha256(json.dumps(canon, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def evaluate_facility(compiled: list[CompiledRule], bundle: FactBundle, facility_id: str, kontext: Kontext,
                      runner: Runner, run_id: str) -> list[Finding]:
    scope = facility_facts(bundle, facility_id)
    out: list[Finding] = []
    for crule in compiled:
        out += evaluate_rule(crule, scope, kontext, runner, run_id)
    return out


def broken_facility_errors(bundle: FactBundle) -> list[FacilityError]:
    units = set(facility_ids(bundle))
    return [FacilityError(b.id or "?", f"verksamheten kunde inte kontrolleras: {b.diagnostic.render(personal_data=True)}")
            for b in bundle.broken if b.kind == "verksamhet"] + [
        FacilityError(b.id, f"huvudmannen kunde inte kontrolleras: {b.diagnostic.render(personal_data=True)}")
        for b in bundle.broken if b.kind == "organisation" and b.id in units]


def checkable_facilities(bundle: FactBundle) -> list[str]:
    return [fid for fid in facility_ids(bundle)
            if bundle.get("verksamhet", fid) is not None or bundle.get("organisation", fid) is not None]
