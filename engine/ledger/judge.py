"""Evaluate compiled rules for one facility and build its part of the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from regelkoll.backends.durable.compile import CompiledRuleset, CompiledVersion
from regelkoll.backends.durable.host import Match
from regelkoll.backends.durable.prepare import Withheld, session_batch, withheld_facts
from regelkoll.facts.bundle import BrokenFact
from regelkoll.facts.describe import describe, field_value, reference_names
from regelkoll.facts.model import Fact, Kontext
from regelkoll.facts.scope import FacilityFacts
from regelkoll.facts.words import field_word, kind_word
from regelkoll.lang.load import LoadedRule
from regelkoll.lang.model import FieldRef, ParamRef, decisive_date, role_index
from regelkoll.lang.operators import OPERATORS
from regelkoll.ledger.findings import Ask, Evidence, Finding, lacking_items


class Runner(Protocol):
    def run(self, name: str, ruleset: dict[str, Any], batch: list[dict[str, Any]]) -> list[Match]: ...


@dataclass
class CompiledRule:
    loaded: LoadedRule
    merged: CompiledRuleset

    @property
    def rule(self):
        return self.loaded.rule

    @property
    def versions(self) -> list[CompiledVersion]:
        return self.merged.versions


def _fixed_by_subject(compiled: CompiledVersion, facts: dict, subject_field) -> dict[str, Fact]:
    """Aliases whose fact the subject fixes through `id` equality joins (a placement fixes its home,
    the home fixes its operator), with those facts; `subject_field` reads the subject's references."""
    env: dict[str, Fact] = {}

    def field(alias: str, name: str):
        return subject_field(name) if alias == compiled.subject_alias else getattr(env[alias], name, None)

    changed = True
    while changed:
        changed = False
        for name, info in compiled.aliases.items():
            if name in env or name == compiled.subject_alias or info.negated:
                continue
            for own, alias, other in info.joins:
                if own == "id" and (alias == compiled.subject_alias or alias in env):
                    fact = facts.get((info.kind, field(alias, other)))
                    if fact is not None:
                        env[name] = fact
                        changed = True
                        break
    return env


def _determined(subject: Fact, compiled: CompiledVersion, facts: dict) -> dict[str, Fact]:
    """The subject and every fact it fixes."""
    return {compiled.subject_alias: subject,
            **_fixed_by_subject(compiled, facts, lambda name: getattr(subject, name, None))}


def _concerns(w: Withheld, subject: Fact, compiled: CompiledVersion, aliases: set[str],
              env: dict[str, Fact] | None = None) -> bool:
    """Could the withheld fact have changed this subject's outcome (through one of `aliases`)?

    A withheld fact is ruled out when one of its equality joins to the subject, or to a fact the
    subject fixes (its home, its operator), names something else: a licence of another home.
    """
    env = env if env is not None else {compiled.subject_alias: subject}
    for name in aliases:
        info = compiled.aliases[name]
        if info.kind != w.kind:
            continue
        if name in env:
            # a fixed fact is a valid fact with an id; a withheld fact can only *be* it by that id
            if w.fact_id == env[name].id:
                return True
            continue
        known = [(own, alias, other) for own, alias, other in info.joins if alias in env]
        if all(w.raw.get(own) is None or w.raw.get(own) == getattr(env[alias], other, None)
               for own, alias, other in known):
            return True
    return False


# the operators the table lets be decided from a withheld fact alone; any other leaves it undetermined
_DEFINITE = {name: op.holds for name, op in OPERATORS.items() if op.decided_alone}


def _ruled_out(w: Withheld, rule, version, facts: dict) -> bool:
    """True if every pattern of the withheld fact's kind fails on a field the fact does have.

    A home-care facility without `tar_emot_barn` is not an HVB whatever that field says, so the
    registerkontroll rules do not apply to its staff instead of being undetermined. Only equality and
    list tests against literals or parameters are used: they need no other fact.
    """
    fact = facts.get((w.kind, w.fact_id)) if w.fact_id else None
    if fact is None or w.reason:
        return False
    patterns = [p for p in [*rule.tillamplig_nar, *rule.overtradelse_nar, *rule.side_patterns] if p.typ == w.kind]
    return bool(patterns) and all(_fails(p, fact, version) for p in patterns)


def _fails(pattern, fact, version) -> bool:
    for test in pattern.dar:
        value = getattr(fact, test.falt, None)
        operand = test.operand
        if isinstance(operand, ParamRef):
            operand = version.parametrar.get(operand.parameter)
        if value is None or isinstance(value, date) or test.plus is not None or test.operator not in _DEFINITE \
                or isinstance(operand, FieldRef):
            continue  # dates are literal strings in rules; compare only what compares without conversion
        if not _DEFINITE[test.operator](value, operand):
            return True
    return False


_ORDER = {name: op.holds for name, op in OPERATORS.items() if op.ordered}


def _subject_fails(rule, subject: Fact) -> bool:
    """Does a date test between two fields of the subject itself already rule the rule out?

    A treatment whose information was never documented lacks the list of what it covered, but the
    rule on that list applies only to documented information: it is not applicable, not undetermined.
    """
    from regelkoll.legaltime import OPEN_END

    own = next(p for p in rule.tillamplig_nar if p.som == rule.avser)

    def value(name: str):
        found = getattr(subject, name, None)
        return OPEN_END if found is None and subject.open_end(name) else found

    for test in own.dar:
        operand = test.operand
        if test.operator not in _ORDER or not isinstance(operand, FieldRef) or test.plus is not None \
                or operand.plus is not None or operand.falt.split(".")[0] != own.som:
            continue
        left, right = value(test.falt), value(operand.falt.split(".")[1])
        if isinstance(left, date) and isinstance(right, date) and not _ORDER[test.operator](left, right):
            return True
    return False


def _ask_withheld(w: Withheld) -> Ask:
    if w.reason:
        return Ask("rattelse", w.kind, w.fact_id or "", text=w.reason, person=str(w.raw.get("person") or ""))
    return Ask("uppgift", w.kind, w.fact_id or "", tuple(w.missing))


def _describe_withheld(w: Withheld) -> str:
    if w.reason:
        return f"{kind_word(w.kind)} {w.fact_id or '(utan id)'} är ogiltigt: {w.reason}"
    name = w.raw.get("namn") if w.kind in ("verksamhet", "organisation", "person") else None
    return f"{kind_word(w.kind)} {name if isinstance(name, str) else w.fact_id}: uppgift saknas om " \
           f"{', '.join(map(field_word, w.missing))}"


def evaluate_rule(crule: CompiledRule, facility: FacilityFacts, kontext: Kontext, runner: Runner,
                  run_id: str) -> list[Finding]:
    rule = crule.rule
    subject_kind = crule.versions[0].subject_kind
    facts = facility.keyed(kontext)  # messages may name the day of the check (${k.per_datum})
    subjects = [f for k, f in facility.owned if k == subject_kind]
    findings: list[Finding] = []
    by_version: dict[int, list[tuple[Fact, date]]] = {}
    for subject in subjects:
        decisive: date | None = decisive_date(rule, subject, kontext.per_datum)
        base = Finding(rule.id, "not_applicable", facility.facility_id, subject_kind, subject.id,
                       _label(facility, subject_kind, subject, facts),
                       decisive_date=decisive.isoformat() if decisive else None)
        if decisive is None:
            own = next(p for p in rule.tillamplig_nar if p.som == rule.avser)
            if all(_fails(own, subject, version) for version in rule.versioner):
                # a home-care unit without a start date is no clinic whatever the date: nothing to determine
                base.reason = "regelns villkor för tillämplighet är inte uppfyllda"
            else:
                base.outcome = "undetermined"
                base.missing = [f"{kind_word(subject_kind)} {subject.id}: uppgift saknas om "
                                f"{field_word(rule.avgorande_datum)}"]
                base.asks = [Ask("uppgift", subject_kind, subject.id, (rule.avgorande_datum,))]
            findings.append(base)
            continue
        index = next((i for i, v in enumerate(rule.versioner) if v.covers(decisive)), None)
        if index is None:
            base.reason = f"ingen version av regeln gäller för {field_word(rule.avgorande_datum)} {decisive.isoformat()}"
            findings.append(base)
            continue
        by_version.setdefault(index, []).append((subject, decisive))
    if by_version:
        merged = crule.merged
        own = next(p for p in rule.tillamplig_nar if p.som == rule.avser)
        if any(not _fails(own, subject, rule.versioner[index])
               for index, group in by_version.items() for subject, _ in group):
            batch, withheld = session_batch(merged, facility, kontext,
                                            f"{run_id}:{facility.facility_id}:{merged.name}")
            matches = runner.run(merged.name, merged.ruleset, batch)
        else:
            # every subject's own pattern fails a literal test of its version, and every rule of the
            # ruleset (applicability, violation, exemption, doubt) contains that pattern: the session
            # could match nothing, so each subject is judged on no matches, as it would be after one
            withheld, matches = withheld_facts(merged, facility, kontext), []
        for index, group in sorted(by_version.items()):
            alias = crule.versions[index].subject_alias
            by_subject: dict[str, list[Match]] = {}
            for m in matches:
                if m.version == index:
                    ref = dict(m.frame).get(alias)
                    if ref is not None:
                        by_subject.setdefault(ref, []).append(m)
            for subject, decisive in group:
                findings.append(_judge(crule, crule.versions[index], subject, decisive,
                                       by_subject.get(subject.id, []), withheld, facility, facts))
    for broken in facility.broken_owned:
        if broken.kind == subject_kind:
            findings.append(_broken_subject(crule, subject_kind, broken, facility.facility_id, facts))
    return findings


def _label(facility: FacilityFacts, kind: str, fact: Fact, facts: dict) -> str:
    key = (kind, fact.id)
    found = facility.labels.get(key)
    if found is None:
        found = facility.labels[key] = describe(kind, fact, facts)
    return found


def _broken_subject(crule: CompiledRule, kind: str, broken: BrokenFact, facility_id: str, facts: dict) -> Finding:
    """An unreadable subject is undetermined, unless what it points at already rules the rule out
    in every version (an unreadable placement at a municipal home is no unlicensed admission)."""
    finding = Finding(crule.rule.id, "undetermined", facility_id, kind, broken.id or "?",
                      f"{kind} {broken.id or '(utan id)'}", missing=[broken.diagnostic.render(personal_data=True)],
                      asks=[Ask("rattelse", kind, broken.id or "", text=broken.diagnostic.render(personal_data=True),
                                person=str(broken.raw.get("person") or ""))])
    if all(_rules_out(broken, compiled, facts) for compiled in crule.versions):
        finding.outcome, finding.missing, finding.asks = "not_applicable", [], []
        finding.reason = "regelns villkor för tillämplighet är inte uppfyllda (posten är ogiltig men det avgör inte)"
    return finding


def _rules_out(broken: BrokenFact, compiled: CompiledVersion, facts: dict) -> bool:
    """Does a fact the broken subject's references fix fail a literal test of its applicability pattern?"""
    patterns = {p.som: p for p in compiled.rule.tillamplig_nar}
    return any(_fails(patterns[name], fact, compiled.version)
               for name, fact in _fixed_by_subject(compiled, facts, broken.ref).items() if name in patterns)


def _judge(crule: CompiledRule, compiled: CompiledVersion, subject: Fact, decisive: date, matches: list[Match],
           withheld: list[Withheld], facility: FacilityFacts, facts: dict) -> Finding:
    rule = crule.rule
    roles = {m.role for m in matches}
    exempt = sorted({i for r in roles if (i := role_index(r, "undantag")) is not None})
    doubts = sorted({i for r in roles if (i := role_index(r, "obestamt")) is not None})
    finding = Finding(rule.id, "not_applicable", facility.facility_id, compiled.subject_kind, subject.id,
                      _label(facility, compiled.subject_kind, subject, facts), version=compiled.version_index,
                      decisive_date=decisive.isoformat())
    applies_aliases = {p.som for p in rule.tillamplig_nar}
    all_aliases = set(compiled.aliases)
    negated = {a for a, info in compiled.aliases.items() if info.negated}
    # a withheld fact whose known fields already rule out every pattern of its kind cannot matter
    env = _determined(subject, compiled, facts) if withheld else {}  # only read to place withheld facts
    affecting = [w for w in withheld if _concerns(w, subject, compiled, all_aliases, env)
                 and not _ruled_out(w, rule, compiled.version, facts)]
    self_withheld = [w for w in affecting if w.kind == compiled.subject_kind and w.fact_id == subject.id]
    neg_affecting = [w for w in affecting if _concerns(w, subject, compiled, negated, env)]
    applies_affecting = [w for w in affecting if _concerns(w, subject, compiled, applies_aliases, env)]

    if self_withheld and _subject_fails(rule, subject):
        finding.reason = "regelns villkor för tillämplighet är inte uppfyllda"
    elif self_withheld:
        finding.outcome = "undetermined"
        finding.missing = [_describe_withheld(w) for w in self_withheld]
        finding.asks = [_ask_withheld(w) for w in self_withheld]
    elif exempt:
        finding.exempt = True
        finding.exemption = exempt[0]
        finding.reason = rule.undantag[exempt[0]].beskrivning.sv
        finding.evidence = _evidence([m for m in matches if role_index(m.role, "undantag") == exempt[0]],
                                     compiled, facts, facility.provenance, facility.engine_cache)
    elif doubts and "brott" in roles:
        # the data would show a violation, but the rule says it cannot be proved this way
        finding.outcome = "undetermined"
        finding.missing = [rule.bedoms_inte_nar[i].beskrivning.sv for i in doubts]
        finding.asks = [Ask("regel", compiled.subject_kind, subject.id, text=_request(rule.bedoms_inte_nar[i]),
                            detail=rule.bedoms_inte_nar[i].beskrivning.sv) for i in doubts]
        finding.evidence = _evidence([m for m in matches if role_index(m.role, "obestamt") is not None],
                                     compiled, facts, facility.provenance, facility.engine_cache)
    elif "brott" in roles and not neg_affecting:
        finding.outcome = "indication" if rule.slag == "indikator" else "violation"
        violating = [m for m in matches if m.role == "brott"]
        finding.evidence = _evidence(violating, compiled, facts, facility.provenance, facility.engine_cache)
        links = _links(finding, facility, compiled.subject_kind, subject.id)
        if finding.outcome == "violation" and links:
            finding.asks = _link_asks(finding, facility, compiled.subject_kind, subject.id)
            # a person found by name may be someone else: what rests on that link is for the inspector to confirm
            finding.outcome = "indication"
            finding.missing = [f"bygger på en koppling på namn, inte personnummer ({'; '.join(links)}); bekräfta "
                               "att det är samma person"]
        finding.absent = [p.beskrivning or f"{p.typ} ({p.som})" for p in rule.overtradelse_nar if p.saknas]
        finding.variables = _variables(violating[0], compiled, facts)
        finding.lacking = lacking_items(rule, finding.variables)
        finding.absent += finding.lacking
    elif affecting and ("galler" in roles or applies_affecting):
        finding.outcome = "undetermined"
        finding.missing = [_describe_withheld(w) for w in affecting]
        finding.asks = [_ask_withheld(w) for w in affecting]
    elif "galler" in roles:
        finding.outcome = "pass"
        finding.evidence = _evidence([m for m in matches if m.role == "galler"], compiled, facts, facility.provenance,
                                     facility.engine_cache)
        links = _links(finding, facility, compiled.subject_kind, subject.id)
        if links:
            # a pass that holds only if a name match is right is no pass: the breach it hides may be real
            finding.outcome = "undetermined"
            finding.missing = [f"uppfyllt bara om kopplingen på namn stämmer ({'; '.join(links)}); bekräfta att "
                               "det är samma person"]
            finding.asks = _link_asks(finding, facility, compiled.subject_kind, subject.id)
    else:
        finding.reason = "regelns villkor för tillämplighet är inte uppfyllda"
    return finding


def _links(finding: Finding, facility: FacilityFacts, subject_kind: str, subject_id: str) -> list[str]:
    """The name links a finding rests on: of its evidence, and of its subject."""
    own = facility.provenance.get((subject_kind, subject_id), ("", ""))[1]
    return sorted({e.link for e in finding.evidence if e.link} | ({own} if own else set()))


def _link_asks(finding: Finding, facility: FacilityFacts, subject_kind: str, subject_id: str) -> list[Ask]:
    """One confirmation per fact whose person was found by name."""
    own = facility.provenance.get((subject_kind, subject_id), ("", ""))[1]
    linked = {(e.kind, e.id): e.link for e in finding.evidence if e.link}
    if own:
        linked[(subject_kind, subject_id)] = own
    return [Ask("bekraftelse", kind, ref, text=link) for (kind, ref), link in sorted(linked.items())]


def _request(doubt) -> str:
    """The rule's request for the brief, or, where it has none, its description of what is unknown."""
    return doubt.begaran.sv if doubt.begaran is not None else doubt.beskrivning.sv


def _fact_for(alias: str, ref: str, compiled: CompiledVersion, facts: dict):
    kind = compiled.aliases[alias].kind
    return kind, facts.get((kind, ref))


def _shown(kind: str, fact: Fact, compiled: CompiledVersion, cache: dict) -> dict[str, Any]:
    """The fields of a fact the rule reads, as evidence shows them; a fresh dict, converted once per facility."""
    needed = compiled.needed.get(kind, frozenset())
    key = ("evidence", kind, fact.id, needed)
    found = cache.get(key)
    if found is None:
        found = cache[key] = {n: field_value(getattr(fact, n)) for n in sorted(needed | {"id"})}
    return {n: list(v) if isinstance(v, list) else v for n, v in found.items()}


def _evidence(matches: list[Match], compiled: CompiledVersion, facts: dict,
              provenance: dict[tuple[str, str], tuple[str, str]], cache: dict) -> list[Evidence]:
    seen: dict[tuple[str, str], Evidence] = {}
    for match in matches:
        for alias, ref in match.frame:
            kind, fact = _fact_for(alias, ref, compiled, facts)
            if fact is None or kind == "kontext" or (kind, ref) in seen:
                continue
            source, link = provenance.get((kind, ref), ("", ""))
            shown = _shown(kind, fact, compiled, cache)
            seen[(kind, ref)] = Evidence(kind, ref, shown, source, link, reference_names(kind, fact, facts, shown))
    return sorted(seen.values(), key=lambda e: (e.kind, e.id))


def _variables(match: Match, compiled: CompiledVersion, facts: dict) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for alias, ref in match.frame:
        kind, fact = _fact_for(alias, ref, compiled, facts)
        if fact is not None:
            for name, value in fact.model_dump().items():
                out[f"{alias}.{name}"] = field_value(value)
    return out
