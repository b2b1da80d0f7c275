"""Every undetermined finding turned into what the inspector asks for on the visit.

A finding is undetermined because a fact is not recorded, a record could not be read, a person was linked by
name only, or the rule itself says the data cannot decide (then the rule's `begaran` says what would). Each of
these becomes a request; requests that ask for the same thing are one, listing every finding they settle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from regelkoll.brief.labels import DOCUMENT_SV, KIND_SV, fact_label, request_sv
from regelkoll.ledger.findings import Ask, Finding

IDENTITY = "Identitet: personer som kopplats på namn"
CORRECTIONS = "Uppgifter som saknas eller inte kunde användas"


@dataclass
class Request:
    group: str
    text: str
    about: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    grounds: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {"group": self.group, "text": self.text, "about": sorted(self.about), "rules": sorted(self.rules),
                "grounds": sorted(self.grounds), "sources": sorted(self.sources)}


def _phrase(ask: Ask, facts: dict) -> tuple[str, str]:
    """The request and its ground."""
    label = fact_label(ask.kind, ask.id, facts)
    if ask.what == "uppgift":
        return f"{request_sv(ask.kind, ask.fields)}: {label}.", "uppgiften finns inte i underlaget"
    if ask.what == "rattelse":
        if (ask.kind, ask.id) not in facts and ask.person:
            label = f"{KIND_SV.get(ask.kind, ask.kind)} för {fact_label('person', ask.person, facts)}"
        return f"Begär {DOCUMENT_SV.get(ask.kind, 'rättade uppgifter om')} {label}; uppgiften i underlaget kunde inte " \
               "användas.", ask.text
    if ask.what == "bekraftelse":
        return (f"Bekräfta med personnummer att {label} gäller samma person som i de andra uppgifterna.",
                f"personen kopplades på namn, inte personnummer ({ask.text})")
    return ask.text, ask.detail


def _group(ask: Ask, pack_title: str) -> str:
    if ask.what == "bekraftelse":
        return IDENTITY
    if ask.what == "rattelse":
        return CORRECTIONS
    return pack_title


def build_requests(findings: list[Finding], facts: dict, pack_titles: dict[str, str],
                   provenance: dict[tuple[str, str], tuple[str, str]]) -> list[dict[str, Any]]:
    """The requests of the undetermined findings, grouped and deduplicated, in a stable order."""
    requests: dict[str, Request] = {}
    for finding in findings:
        if finding.outcome != "undetermined":
            continue
        asks = finding.asks or [Ask("regel", finding.subject_kind, finding.subject_id, text=text)
                                for text in finding.missing] or [
            Ask("regel", finding.subject_kind, finding.subject_id,
                text="Fråga efter underlag som visar om kravet är uppfyllt; regeln kunde inte bedömas.")]
        for ask in asks:
            text, ground = _phrase(ask, facts)
            group = _group(ask, pack_titles.get(finding.rule_id, ""))
            request = requests.setdefault(text, Request(group, text))
            request.about.add(finding.subject_label or f"{finding.subject_kind} {finding.subject_id}")
            request.rules.add(finding.rule_id)
            if ground:
                request.grounds.add(ground)
            source = provenance.get((ask.kind, ask.id), ("", ""))[0]
            if source:
                request.sources.add(source)
    order = sorted(requests.values(), key=lambda r: (r.group in (IDENTITY, CORRECTIONS), r.group, r.text))
    return [r.to_json() for r in order]
