"""Turn facts into the flat, integer-dated dicts a compiled ruleset expects.

durable_rules has no dates and allows arithmetic only on the right-hand side,
so every calendar threshold a rule version needs (issued + 6 months, start +
2 years) is computed here, from the rule's own parameters, and the engine only
compares integers. A fact that lacks a field the ruleset reads is withheld
rather than asserted: a missing field gives hard errors or random matches
inside durable (field guide §1.10, defect H).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from regelkoll.backends.durable.compile import (
    MIRROR_SUFFIX,
    SENTINEL_FIELD,
    SESSION_KIND,
    SUBJECT_FIELD,
    CompiledRuleset,
    CompiledVersion,
    SelfComparison,
    derived_field,
    engine_field,
    flag_field,
    membership_field,
)
from regelkoll.diagnostics import EvaluationError
from regelkoll.facts.model import FACT_KINDS, Fact, Kontext, field_types, list_values
from regelkoll.facts.scope import FacilityFacts
from regelkoll.lang.operators import OPERATORS
from regelkoll.legaltime import OPEN_END, add_period

MAX_SESSION_FACTS = 300_000


@dataclass(frozen=True)
class Withheld:
    kind: str
    fact_id: str | None
    missing: tuple[str, ...]
    raw: dict[str, Any]  # reference fields, for deciding which subjects it could concern
    reason: str = ""


Compiled = CompiledVersion | CompiledRuleset


def _base_fact(kind: str, fact: Fact | Kontext, subject: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, SENTINEL_FIELD: 1, SUBJECT_FIELD: 1 if subject else 0}
    types = field_types(kind)
    open_ended = getattr(type(fact), "open_ended", frozenset())
    values = fact.model_dump()
    if kind == "kontext":
        out["ref"] = "kontext"
    for name, value in values.items():
        if value is None:
            if name not in open_ended:
                continue
            value = OPEN_END
        if types[name] == "date":
            out[engine_field(name)] = value.toordinal()
        elif types[name] == "struktur":
            continue  # read by facts.bundle.derive, never by a rule
        elif types[name] == "list":
            for option in list_values(kind, name):
                out[flag_field(name, option)] = option in value
        else:
            out[engine_field(name)] = value
    return out


def _conversions(kind: str, compiled: Compiled) -> frozenset:
    """What the compiled rules derive from a fact of `kind`: the key under which its conversion is shared
    by every ruleset that derives the same (a frozenset keeps its hash, so the lookup stays cheap)."""
    plans = compiled.__dict__.setdefault("_conversion_keys", {})
    key = plans.get(kind)
    if key is None:
        key = plans[kind] = frozenset(
            [("d", d) for d in compiled.derived if d[0] == kind]
            + [("c", c) for c in compiled.comparisons if c.kind == kind]
            + [("m", m) for m in compiled.memberships if m[0] == kind])
    return key


def engine_fact(kind: str, fact: Fact | Kontext, compiled: Compiled, subject: bool,
                cache: dict | None = None) -> dict[str, Any]:
    """The fact as the engine sees it: integer dates, flags for lists, `ref` for id, derived thresholds.

    With a cache, a fact is converted once per facility for all rulesets that derive the same from it;
    the result is shared, so callers copy it before changing it.
    """
    fact_id = getattr(fact, "id", None)
    full_key = ("engine", kind, fact_id, subject, _conversions(kind, compiled)) if fact_id is not None else None
    if cache is not None and full_key is not None:
        found = cache.get(full_key)
        if found is not None:
            return found
    key = (kind, fact_id, subject)
    base = cache.get(key) if cache is not None else None
    if base is None:
        base = _base_fact(kind, fact, subject)
        if cache is not None:
            cache[key] = base
    out = dict(base)
    open_ended = getattr(type(fact), "open_ended", frozenset())
    for derived_kind, name, period in compiled.derived:
        if derived_kind == kind:
            value = getattr(fact, name)
            if value is None and name in open_ended:
                value = OPEN_END
            if isinstance(value, date):
                out[derived_field(name, period)] = _period_end(value, period).toordinal()
    for cmp in compiled.comparisons:
        if cmp.kind == kind:
            out[cmp.field] = compare(cmp, fact, open_ended)
    for member_kind, name, values in compiled.memberships:
        if member_kind == kind and engine_field(name) in out:
            out[membership_field(name, values)] = out[engine_field(name)] in values
    if cache is not None and full_key is not None:
        cache[full_key] = out
    return out


# add_period is pure and the same few periods are added to the same dates for every rule and facility
_PERIOD_ENDS: dict[tuple[date, Any], date] = {}


def _period_end(value: date, period) -> date:
    key = (value, period)
    found = _PERIOD_ENDS.get(key)
    if found is None:
        if len(_PERIOD_ENDS) > 200_000:
            _PERIOD_ENDS.clear()
        found = _PERIOD_ENDS[key] = add_period(value, period)
    return found


_OPS = {name: op.holds for name, op in OPERATORS.items() if op.shape == "compare"}


def compare(cmp: SelfComparison, fact: Fact | Kontext, open_ended: frozenset[str]) -> bool:
    def side(name: str, plus):
        value = getattr(fact, name)
        if value is None and name in open_ended:
            value = OPEN_END
        return _period_end(value, plus) if plus is not None and value is not None else value

    left, right = side(cmp.left, cmp.left_plus), side(cmp.right, cmp.right_plus)
    return left is not None and right is not None and _OPS[cmp.op](left, right)


def missing_fields(kind: str, fact: Fact | Kontext, compiled: Compiled) -> tuple[str, ...]:
    needed = compiled.needed.get(kind, frozenset())
    open_end = getattr(fact, "open_end", lambda name: False)  # the context has no open-ended fields
    return tuple(sorted(n for n in needed if getattr(fact, n) is None and not open_end(n)))


def _raw_refs(fact: Fact) -> dict[str, Any]:
    """The readable single values of a withheld fact: an equality join on any of them (the same patient,
    not only the same person) can show that the fact cannot concern a subject."""
    return {name: value for name, value in fact.model_dump().items()
            if name == "id" or name in FACT_KINDS[fact.kind].references
            or (value is not None and isinstance(value, (str, int, bool, date)))}


def _withheld(kind: str, fact: Fact | Kontext, compiled: Compiled, cache: dict | None) -> Withheld | None:
    """The fact as withheld from the session for lacking a field the ruleset reads, or None."""
    fact_id = getattr(fact, "id", None)
    key = ("withheld", kind, fact_id, compiled.needed.get(kind, frozenset()))
    if cache is not None and fact_id is not None and key in cache:
        return cache[key]
    missing = missing_fields(kind, fact, compiled)
    found = Withheld(kind, fact_id, missing, _raw_refs(fact)) if missing else None  # type: ignore[arg-type]
    if cache is not None and fact_id is not None:
        cache[key] = found
    return found


def _read_by(compiled: Compiled, facility: FacilityFacts, kontext: Kontext):
    """Each fact the ruleset reads, with what withholds it (None if it can be asserted), in batch order."""
    used = compiled.positive_kinds | compiled.negated_kinds
    cache = facility.engine_cache
    candidates: list[tuple[str, Fact | Kontext]] = [("kontext", kontext)] + facility.all()
    for kind, fact in candidates:
        if kind in used:
            yield kind, fact, _withheld(kind, fact, compiled, cache)


def _broken_withheld(compiled: Compiled, facility: FacilityFacts) -> list[Withheld]:
    used = compiled.positive_kinds | compiled.negated_kinds
    return [Withheld(broken.kind, broken.id, ("*",), dict(broken.raw), broken.diagnostic.render(personal_data=True))
            for broken in facility.broken if broken.kind in used]


def withheld_facts(compiled: Compiled, facility: FacilityFacts, kontext: Kontext) -> list[Withheld]:
    """What session_batch would withhold, without converting anything for the engine."""
    return [held for _, _, held in _read_by(compiled, facility, kontext) if held is not None] \
        + _broken_withheld(compiled, facility)


def session_batch(compiled: Compiled, facility: FacilityFacts, kontext: Kontext,
                  sid: str) -> tuple[list[dict[str, Any]], list[Withheld]]:
    """One assert batch: opener, mirror facts for negations, then positive facts."""
    mirrors: list[dict[str, Any]] = []
    positives: list[dict[str, Any]] = []
    withheld: list[Withheld] = []
    cache = facility.engine_cache
    owned = cache.get("owned")
    if owned is None:
        owned = cache["owned"] = {(k, f.id) for k, f in facility.owned}
    for kind, fact, held in _read_by(compiled, facility, kontext):
        if held is not None:
            withheld.append(held)
            continue
        is_subject = kind == compiled.subject_kind and (kind, getattr(fact, "id", None)) in owned
        record = engine_fact(kind, fact, compiled, is_subject, cache)
        if kind in compiled.positive_kinds:
            positives.append(record)
        if kind in compiled.negated_kinds:
            mirrors.append(dict(record, kind=kind + MIRROR_SUFFIX, **{SUBJECT_FIELD: 0}))
    withheld += _broken_withheld(compiled, facility)
    batch = [{"kind": SESSION_KIND}] + _sorted(mirrors) + _sorted(positives)
    # durable_rules tells facts apart by a 32-bit hash of their identity; computed identities of
    # distinct facts can collide and the second fact is then silently refused (defect I). Explicit
    # ids n0, n1, … have no 32-bit FNV collision below 300 000 (tests/test_durable_defects.py).
    if len(batch) > MAX_SESSION_FACTS:
        raise EvaluationError(f"för många fakta i en session ({len(batch)} > {MAX_SESSION_FACTS})")
    return [dict(record, sid=sid, id=f"n{i}") for i, record in enumerate(batch)], withheld


def _sorted(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: (r["kind"], str(r.get("ref"))))
