"""The inspector's positions on findings (`--stallningstaganden FIL`), kept apart from the fact bundle.

The file is called *ställningstaganden* (positions taken), not *beslut*: in the fact bundle `beslut` is a
municipal decision about a person's care, which rules judge. A ställningstagande is the inspector's own record
that a finding has been considered: the risk is accepted, the fault has been put right, or the data was wrong.

    stallningstaganden:
      - nyckel: LE-01/klinik-glans/behandling/b-klinik-glans-05
        slag: atgardad
        motivering: Utföraren har legitimation sedan 2026-09-01; se dnr 3.5-1234/2026
        beslutad_av: Anna Inspektör
        beslutad: 2026-10-01
        giltig_till: 2027-03-31

Every field is required. A position applies through `giltig_till` (inclusive) against the run's as-of day;
after that it is expired, no longer applies and is reported (RK-D010). A fault anywhere in the file stops the
run before anything is evaluated (RK-D001..RK-D005 at file:line): a file read wrong would silence findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, ValidationError

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.triage.keys import key_parts
from regelkoll.validation_sv import swedish_message
from regelkoll.yamlsafe import YamlError, load_file

FILE_NAME = "stallningstaganden.yaml"
TOP = "stallningstaganden"
KINDS_SV = {"godtagen_risk": "godtagen risk", "atgardad": "åtgärdad", "felaktiga_uppgifter": "felaktiga uppgifter"}
def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("får inte vara tom")  # who decided and why must be said, not left as spaces
    return value


Text = Annotated[StrictStr, Field(min_length=1, max_length=2000), AfterValidator(_not_blank)]


def _iso_day(value: Any) -> Any:
    # pydantic would take 20261001 for a count of seconds since 1970: only ÅÅÅÅ-MM-DD is a day here
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        raise ValueError("ogiltigt datum (skriv ÅÅÅÅ-MM-DD)")
    if not isinstance(value, (str, date)):
        raise ValueError("ska vara ett datum (ÅÅÅÅ-MM-DD)")
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]


class Stallningstagande(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)

    nyckel: Text
    slag: Literal["godtagen_risk", "atgardad", "felaktiga_uppgifter"]
    motivering: Text
    beslutad_av: Text
    beslutad: Day
    giltig_till: Day


@dataclass(frozen=True)
class Decision:
    key: str
    kind: str
    reason: str
    decided_by: str
    decided: date
    valid_until: date
    source: str  # file:line of the entry

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "kind_sv": KINDS_SV[self.kind], "reason": self.reason,
                "decided_by": self.decided_by, "decided": self.decided.isoformat(),
                "valid_until": self.valid_until.isoformat(), "source": self.source}


@dataclass
class Decisions:
    file: str
    active: dict[str, Decision] = field(default_factory=dict)  # by finding key
    expired: list[Decision] = field(default_factory=list)
    pending: list[Decision] = field(default_factory=list)  # decided after the as-of day: not yet taken then

    def add(self, decision: Decision, as_of: date) -> None:
        """Sort a decision by whether it applies on `as_of`: expired after `giltig_till`, pending before `beslutad`."""
        if decision.valid_until < as_of:
            self.expired.append(decision)
        elif decision.decided > as_of:
            self.pending.append(decision)
        else:
            self.active[decision.key] = decision

    def header(self) -> dict[str, Any]:
        return {"file": self.file, "active": len(self.active), "expired": len(self.expired),
                "pending": len(self.pending)}


def read_decisions(path: Path, as_of: date) -> Decisions:
    """The positions of the file at `path`, sorted into those that apply on `as_of` and those expired.

    DiagnosticError for any fault: the file cannot be read (RK-D001), is not a mapping with a list
    `stallningstaganden` (RK-D002), an entry is invalid (RK-D003, at its field), a key is not a finding key
    (RK-D004) or is given twice (RK-D005)."""
    name = str(path)
    try:
        data, positions = load_file(path, name)
    except YamlError as exc:
        raise DiagnosticError([exc.diagnostic, Diagnostic(name, exc.diagnostic.line, exc.diagnostic.column,
                                                          "RK-D001", "ställningstagandena kan inte läsas; "
                                                          "ingenting kontrollerades")]) from None
    problems = [p.diagnostic for p in positions.problems]
    if not isinstance(data, dict) or not isinstance(data.get(TOP), list) or set(data) != {TOP}:
        where = positions.locate(())
        extra = sorted(str(k) for k in data if k != TOP) if isinstance(data, dict) else []
        raise DiagnosticError(problems + [Diagnostic(
            name, where.line, where.column, "RK-D002", "filen ska vara en mappning med en lista "
            f"'{TOP}' (och inget annat)", ", ".join(extra), f"okända nycklar: {', '.join(extra)}" if extra else "")])
    found = Decisions(name)
    lines: dict[str, int] = {}
    for index, entry in enumerate(data[TOP]):
        loc = (TOP, index)
        line = positions.locate(loc).line
        try:
            item = Stallningstagande.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                at = loc + tuple(err["loc"])
                where = positions.locate(at, key=err["type"] == "extra_forbidden")
                field_name = ".".join(map(str, at))
                problems.append(Diagnostic(name, where.line, where.column, "RK-D003", swedish_message(err),
                                           field_name))
            continue
        at = positions.locate(loc + ("nyckel",))
        if key_parts(item.nyckel) is None:
            problems.append(Diagnostic(name, at.line, at.column, "RK-D004", f"'{item.nyckel}' är ingen fyndnyckel",
                                       f"{TOP}.{index}.nyckel", "skriv REGEL/VERKSAMHET/SUBJEKTSLAG/SUBJEKT-ID, "
                                       "som rapportens 'Nyckel:'"))
            continue
        if item.nyckel in lines:
            problems.append(Diagnostic(name, at.line, at.column, "RK-D005", f"nyckeln '{item.nyckel}' har redan "
                                       f"ett ställningstagande på rad {lines[item.nyckel]}", f"{TOP}.{index}.nyckel"))
            continue
        if item.giltig_till < item.beslutad:
            at = positions.locate(loc + ("giltig_till",))
            problems.append(Diagnostic(name, at.line, at.column, "RK-D003", "giltig_till ligger före beslutad "
                                       f"({item.beslutad.isoformat()})", f"{TOP}.{index}.giltig_till"))
            continue
        lines[item.nyckel] = line
        found.add(Decision(item.nyckel, item.slag, item.motivering, item.beslutad_av, item.beslutad,
                           item.giltig_till, f"{name}:{line}"), as_of)
    if problems:
        raise DiagnosticError(problems)
    return found
