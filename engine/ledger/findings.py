"""The findings ledger: one outcome per facility × applicable rule × subject."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from regelkoll.facts.words import code_word

# `indication`: an indicator rule (slag: indikator) matched; "bör utredas", never a breach
OutcomeName = Literal["violation", "indication", "undetermined", "pass", "not_applicable"]
OUTCOME_RANK = {"violation": 0, "indication": 1, "undetermined": 2, "pass": 3, "not_applicable": 4}
OUTCOME_SV = {"violation": "överträdelse", "indication": "bör utredas", "undetermined": "kunde inte bedömas",
              "pass": "uppfyllt", "not_applicable": "ej tillämplig"}
# the rule format's Swedish outcome names
OUTCOME_FROM_SV = {"overtradelse": "violation", "obestamt": "undetermined", "uppfyllt": "pass",
                   "ej_tillamplig": "not_applicable"}


@dataclass
class Evidence:
    kind: str
    id: str
    fields: dict[str, Any]
    source: str = ""  # where the fact was read: file:line, with the element path or JSON pointer
    link: str = ""  # how its person was found when not by number ("matchad på namn och födelsedatum (92 %)")
    # the names of the people and facilities its id fields point at ("id": its own, for a person or facility)
    names: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "fields": self.fields, "source": self.source, "link": self.link,
                "names": self.names}


@dataclass(frozen=True)
class Ask:
    """What would settle an undetermined finding: one entry of the inspector's list of requests.

    `what`: `uppgift` (fields of a fact are not recorded), `rattelse` (the record could not be read; `text`
    says why), `bekraftelse` (a person was linked by name; `text` is how) or `regel` (the rule says why the
    data cannot decide; `text` is its request, `detail` its reason).
    """

    what: Literal["uppgift", "rattelse", "bekraftelse", "regel"]
    kind: str = ""
    id: str = ""
    fields: tuple[str, ...] = ()
    text: str = ""
    detail: str = ""
    person: str = ""  # the person a record is about, when the record itself could not be read


@dataclass
class Finding:
    rule_id: str
    outcome: OutcomeName
    facility_id: str
    subject_kind: str
    subject_id: str
    subject_label: str = ""
    version: int | None = None  # index into the rule's versions; None when no version applies
    decisive_date: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)  # what the rule found missing (negated patterns)
    missing: list[str] = field(default_factory=list)  # facts the rule needed but could not read
    asks: list[Ask] = field(default_factory=list)  # the same, as what to ask for (the brief's requests)
    reason: str = ""
    exempt: bool = False
    exemption: int = 0  # which of the rule's exemptions applied
    variables: dict[str, Any] = field(default_factory=dict)
    lacking: list[str] = field(default_factory=list)  # the items a list lacked, in words (`lacking_items`)

    def sort_key(self) -> tuple:
        return (self.facility_id, OUTCOME_RANK[self.outcome], self.rule_id, self.subject_kind, self.subject_id)


def lacking_items(rule: Any, variables: dict[str, Any]) -> list[str]:
    """What a completeness rule found missing, in Swedish words: each `saknar` test of the violation that
    holds on the violating facts (LE-11's ten points of information, an application's required contents).

    A rule of that shape names what a list must contain; the finding then says which of those items the
    list lacked, never only what it had. `variables` are the violating match's fields (`alias.field`)."""
    tests = []
    if rule.overtradelse_dar is not None:
        tests += [(rule.avser, t) for t in (*rule.overtradelse_dar.dar, *rule.overtradelse_dar.nagon_av)]
    tests += [(p.som, t) for p in rule.overtradelse_nar if not p.saknas for t in (*p.dar, *p.nagon_av)]
    out: list[str] = []
    for alias, test in tests:
        values = variables.get(f"{alias}.{test.falt}")
        if test.operator == "saknar" and isinstance(values, list) and test.saknar not in values:
            word = code_word(test.falt, test.saknar)
            if word not in out:
                out.append(word)
    return out
