"""Compile a rule version to a durable_rules JSON ruleset.

The shape follows the durable_rules field guide (../shared/notes/durable-rules.md §5)
and goes one step further on disjunctions:

- No `$or` is ever emitted. Membership in a list (`i`, `inte_i`) is a flag computed
  before asserting; a positive pattern with `nagon_av` becomes one durable rule per
  alternative; a negated pattern with alternatives becomes one negated pattern per
  alternative (not (A or B) = not A and not B).
  Defect A (a join test after a nested `$or` is skipped) therefore cannot occur,
  whatever order an author writes tests in.
- Every non-first pattern ends with an always-true join test (defect B: a false
  last join test reads past the expression array and can segfault).
- A negated pattern matches a *mirror kind* (`<kind>~saknas`) whose facts are
  asserted before every positive fact. Negation is then decided when a frame is
  created (defect C), and no ordering cycle between kinds can arise, not even
  when a rule negates the kind of its own subject (the rehire exemption).
- Each ruleset carries an opening rule that fires once per session (defect D).
- `id` and `sid` are durable's own; the fact id travels as `ref` (defect G).
- Ruleset names carry a hash of their content, since durable cannot replace one.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from regelkoll.diagnostics import RuleCompileError
from regelkoll.facts import model as fact_model
from regelkoll.lang.load import LoadedRule
from regelkoll.lang.model import FieldRef, ParamRef, Pattern, Rule, Test, Version, role_name
from regelkoll.lang.operators import OPERATORS
from regelkoll.legaltime import OPEN_END, Period

SENTINEL_FIELD = "dr_one"
SUBJECT_FIELD = "dr_subject"
SESSION_KIND = "__session__"
MIRROR_SUFFIX = "~saknas"
MAX_PATTERNS = 16  # durable's MAX_MESSAGE_FRAMES
MAX_JOIN_TESTS = 28  # MAX_SEQUENCE_EXPRESSIONS is 32 including markers


def engine_field(name: str) -> str:
    return "ref" if name == "id" else name


def derived_field(name: str, period: Period) -> str:
    return f"{engine_field(name)}__plus_{period.slug}"


def flag_field(name: str, value: str) -> str:
    return f"{name}__{value}"


@dataclass(frozen=True)
class SelfComparison:
    """A comparison between two fields of the same fact, computed before asserting."""

    kind: str
    left: str
    left_plus: Period | None
    op: str
    right: str
    right_plus: Period | None

    @cached_property
    def field(self) -> str:  # computed once: read for every fact converted
        digest = hashlib.sha256(repr(self).encode()).hexdigest()[:10]
        return f"{engine_field(self.left)}__cmp_{digest}"


@lru_cache(maxsize=None)
def membership_field(name: str, values: frozenset) -> str:
    digest = hashlib.sha256(json.dumps(sorted(map(str, values))).encode()).hexdigest()[:10]
    return f"{engine_field(name)}__i_{digest}"


def ordinal(day: date) -> int:
    return day.toordinal()


@dataclass(frozen=True)
class AliasInfo:
    alias: str
    kind: str
    negated: bool
    joins: tuple[tuple[str, str, str], ...]  # (own field, other alias, other field), equality only


@dataclass
class CompiledVersion:
    rule: Rule
    version_index: int
    name: str
    ruleset: dict[str, Any]
    subject_alias: str
    subject_kind: str
    decisive: str
    aliases: dict[str, AliasInfo]
    needed: dict[str, frozenset[str]]  # kind -> model fields the ruleset reads
    derived: frozenset[tuple[str, str, Period]]  # (kind, field, period)
    negated_kinds: frozenset[str]
    positive_kinds: frozenset[str]
    memberships: frozenset[tuple[str, str, frozenset]] = frozenset()  # (kind, field, values)
    comparisons: frozenset[SelfComparison] = frozenset()

    @property
    def version(self) -> Version:
        return self.rule.versioner[self.version_index]

    @property
    def key(self) -> str:
        return f"{self.rule.id}@{self.version.giltig_fran.isoformat()}"


@dataclass
class _Ctx:
    rule: Rule
    version: Version
    kinds: dict[str, str] = field(default_factory=dict)  # alias -> kind
    needed: dict[str, set[str]] = field(default_factory=dict)
    derived: set[tuple[str, str, Period]] = field(default_factory=set)
    memberships: set[tuple[str, str, frozenset]] = field(default_factory=set)
    comparisons: set[SelfComparison] = field(default_factory=set)

    def need(self, kind: str, name: str) -> None:
        self.needed.setdefault(kind, set()).add(name)

    def period(self, value: Period | ParamRef) -> Period:
        if isinstance(value, ParamRef):
            value = self.version.parametrar[value.parameter]
        assert isinstance(value, Period)
        return value

    def param(self, value: Any) -> Any:
        return self.version.parametrar[value.parameter] if isinstance(value, ParamRef) else value


def _literal(value: Any, ftype: str) -> Any:
    if ftype == "date":
        return ordinal(date.fromisoformat(value))
    return value


# How each operator of lang/operators.py is written for durable_rules: a comparison ("" is plain equality),
# or, for membership and list contents, the value a flag computed before asserting must have (prepare.py).
# tests/test_operators.py checks that it covers the table exactly.
DURABLE: dict[str, str | bool] = {"lika_med": "", "inte_lika_med": "$neq", "fore": "$lt", "senast": "$lte",
                                  "efter": "$gt", "tidigast": "$gte", "i": True, "inte_i": False,
                                  "innehaller": True, "saknar": False}


def _left(ctx: _Ctx, kind: str, test: Test) -> str:
    ctx.need(kind, test.falt)
    if test.plus is None:
        return engine_field(test.falt)
    period = ctx.period(test.plus)
    ctx.derived.add((kind, test.falt, period))
    return derived_field(test.falt, period)


def _right(ctx: _Ctx, ref: FieldRef) -> dict[str, str]:
    alias, name = ref.falt.split(".")
    kind = ctx.kinds[alias]
    ctx.need(kind, name)
    if ref.plus is None:
        return {alias: engine_field(name)}
    period = ctx.period(ref.plus)
    ctx.derived.add((kind, name, period))
    return {alias: derived_field(name, period)}


def _expr(op: str, left: str, right: Any) -> dict:
    return {left: right} if DURABLE[op] == "" else {DURABLE[op]: {left: right}}


def _test_alternatives(ctx: _Ctx, kind: str, test: Test, own_alias: str) -> list[list[tuple[bool, dict]]]:
    """Alternatives for one test; each alternative is a list of (is_join, expression)."""
    ftype = fact_model.field_types(kind)[test.falt]
    op = test.operator
    if OPERATORS[op].shape == "contains":
        ctx.need(kind, test.falt)
        return [[(False, {flag_field(test.falt, test.operand): DURABLE[op]})]]
    operand = ctx.param(test.operand)
    if isinstance(operand, FieldRef) and operand.falt.split(".")[0] == own_alias:
        # two fields of one fact: durable's same-fact `$m` reads garbage when a field is missing (defect H),
        # so the comparison is made before asserting and the engine tests a flag
        right = operand.falt.split(".")[1]
        ctx.need(kind, test.falt)
        ctx.need(kind, right)
        comparison = SelfComparison(kind, test.falt, ctx.period(test.plus) if test.plus else None, op, right,
                                    ctx.period(operand.plus) if operand.plus else None)
        ctx.comparisons.add(comparison)
        return [[(False, {comparison.field: True})]]
    left = _left(ctx, kind, test)
    if isinstance(operand, FieldRef):
        return [[(True, _expr(op, left, _right(ctx, operand)))]]
    if OPERATORS[op].shape == "member":
        # membership is computed before asserting (a flag per value list): one alpha test instead of one
        # durable rule per value, which keeps the number of simultaneous alpha matches low (error 303)
        values = frozenset(_literal(v, ftype) for v in operand)
        ctx.memberships.add((kind, test.falt, values))
        return [[(False, {membership_field(test.falt, values): DURABLE[op]})]]
    return [[(False, _expr(op, left, _literal(operand, ftype)))]]


def _pattern_alternatives(ctx: _Ctx, pattern: Pattern, extra: list[tuple[bool, dict]],
                          more: list[Test] = ()) -> list[list]:
    """All conjunctions of tests a pattern stands for (its DNF); `more` adds tests to it."""
    conjunctive = [extra]
    for test in [*pattern.dar, *more]:
        conjunctive = [a + b for a in conjunctive for b in _test_alternatives(ctx, pattern.typ, test, pattern.som)]
    if pattern.nagon_av:
        options = [alt for test in pattern.nagon_av
                   for alt in _test_alternatives(ctx, pattern.typ, test, pattern.som)]
        conjunctive = [a + b for a in conjunctive for b in options]
    return conjunctive


def _build(kind: str, tests: list[tuple[bool, dict]], first_alias: str | None) -> dict:
    # kind first so alpha nodes are shared; alpha before join; the always-true join test last
    alpha = [t for is_join, t in tests if not is_join]
    joins = [t for is_join, t in tests if is_join]
    if len(joins) > MAX_JOIN_TESTS:
        raise RuleCompileError(f"för många jämförelser mot andra fakta i ett mönster ({len(joins)})")
    body = [{"kind": kind}, *alpha, *joins]
    if first_alias is not None:
        body.append({"$lte": {SENTINEL_FIELD: {first_alias: SENTINEL_FIELD}}})
    return {"$and": body}


def _joins_of(pattern: Pattern) -> tuple[tuple[str, str, str], ...]:
    out = []
    for test in pattern.dar:
        if test.operator == "lika_med" and isinstance(test.operand, FieldRef) and test.plus is None \
                and test.operand.plus is None:
            alias, name = test.operand.falt.split(".")
            out.append((test.falt, alias, name))
    return tuple(out)


def compile_version(loaded: LoadedRule | Rule, version_index: int, *, sentinel: bool = True,
                    mirror_negations: bool = True) -> CompiledVersion:
    """Compile one version. The keyword switches exist only so tests can show each defect."""
    rule = loaded.rule if isinstance(loaded, LoadedRule) else loaded
    version = rule.versioner[version_index]
    ctx = _Ctx(rule, version)
    all_patterns = [*rule.tillamplig_nar, *rule.overtradelse_nar, *rule.side_patterns]
    for pattern in all_patterns:
        ctx.kinds[pattern.som] = pattern.typ
    if len(all_patterns) > MAX_PATTERNS:
        raise RuleCompileError(f"{rule.id}: högst {MAX_PATTERNS} mönster per regel")
    subject = next(p for p in rule.tillamplig_nar if p.som == rule.avser)
    first_alias = rule.tillamplig_nar[0].som
    window = [(False, {SUBJECT_FIELD: 1})]
    if rule.avgorande_datum != "per_datum":
        # with per_datum every subject of a session shares the date; the version is chosen in Python only
        ctx.need(subject.typ, rule.avgorande_datum)
        decisive = engine_field(rule.avgorande_datum)
        if rule.avgorande_plus is not None:
            ctx.derived.add((subject.typ, rule.avgorande_datum, rule.avgorande_plus))
            decisive = derived_field(rule.avgorande_datum, rule.avgorande_plus)
        window = [(False, {"$gte": {decisive: ordinal(version.giltig_fran)}}),
                  (False, {"$lte": {decisive: ordinal(version.giltig_till or OPEN_END)}}), *window]

    def positive(patterns: list[Pattern], subject_tests: list[Test] = (), target: str | None = None,
                 any_of: list[Test] = (), mirrored: set[str] = ()) -> list[list[tuple[str, dict]]]:
        target = target or rule.avser
        per_pattern = []
        for p in patterns:
            extra = window if p.som == rule.avser else []
            more = subject_tests if p.som == target else []
            if any_of and p.som == target:
                p = p.model_copy(update={"nagon_av": list(any_of)})  # the loader keeps the pattern's own empty
            tail = None if (p.som == first_alias or not sentinel) else first_alias
            kind = p.typ + MIRROR_SUFFIX if p.som in mirrored else p.typ
            per_pattern.append([(p.som, _build(kind, alt, tail))
                                for alt in _pattern_alternatives(ctx, p, extra, more)])
        return [list(combo) for combo in itertools.product(*per_pattern)]

    def negated(pattern: Pattern) -> list[tuple[str, dict]]:
        kind = pattern.typ + MIRROR_SUFFIX if mirror_negations else pattern.typ
        tail = first_alias if sentinel else None
        alts = _pattern_alternatives(ctx, pattern, [])
        return [(f"{pattern.som}{'_' + str(i) if i else ''}$not", _build(kind, alt, tail))
                for i, alt in enumerate(alts)]

    applies = rule.tillamplig_nar
    violation_pos = [p for p in rule.overtradelse_nar if not p.saknas]
    violation_neg = [n for p in rule.overtradelse_nar if p.saknas for n in negated(p)]
    for exemption in rule.undantag:
        violation_neg += negated(exemption.monster)
    # negated patterns go after every positive pattern so that all aliases they reference exist
    bodies: dict[str, list[list[tuple[str, dict]]]] = {
        "galler": positive(applies),
        "brott": [combo + violation_neg for combo in positive(
            list(applies) + violation_pos, rule.overtradelse_dar.dar if rule.overtradelse_dar else (),
            any_of=rule.overtradelse_dar.nagon_av if rule.overtradelse_dar else ())],
    }
    for i, exemption in enumerate(rule.undantag):
        # durable never binds one fact to two patterns of a rule, so an exemption about the subject itself
        # (a parent assisting their own child) would never match: it matches the fact's mirror copy instead
        bodies[role_name("undantag", i)] = positive(list(applies) + [exemption.monster],
                                                    mirrored={exemption.monster.som} if mirror_negations else ())
    for i, doubt in enumerate(rule.bedoms_inte_nar):
        doubt_neg = [n for p in doubt.monster if p.saknas for n in negated(p)]
        # like an exemption, a doubt may concern a fact the applicability patterns already matched
        present = [p for p in doubt.monster if not p.saknas]
        bodies[role_name("obestamt", i)] = [combo + doubt_neg for combo in positive(
            list(applies) + present, doubt.dar, doubt.avser,
            mirrored={p.som for p in present} if mirror_negations else ())]

    seed = {"rule": rule.model_dump(mode="json"), "version": version_index,
            "sentinel": sentinel, "mirror": mirror_negations}
    digest = hashlib.sha256(json.dumps(seed, sort_keys=True).encode()).hexdigest()[:12]
    name = f"{rule.id.replace('-', '_')}_v{version_index}_{digest}"
    ruleset: dict[str, Any] = {
        "opened": {"all": [{"o": {"$and": [{"kind": SESSION_KIND}]}}], "run": f"{name}|opened|{version_index}"}}
    for role, combos in bodies.items():
        for i, combo in enumerate(combos):
            ruleset[f"{role}_{i}"] = {"all": [{alias: expr} for alias, expr in combo],
                                      "run": f"{name}|{role}|{version_index}"}

    # the exemption is negated inside the violation rule: a fact withheld from it could remove a violation
    # likewise a fact withheld from a `bedoms_inte_nar` pattern could turn a violation into undetermined
    side_aliases = {p.som for p in rule.side_patterns}
    aliases = {p.som: AliasInfo(p.som, p.typ, p.saknas or p.som in side_aliases, _joins_of(p))
               for p in all_patterns}
    # side patterns may match mirror facts (about a fact already matched), so their kinds are mirrored
    neg_kinds = frozenset(p.typ for p in rule.overtradelse_nar if p.saknas) | frozenset(
        p.typ for p in rule.side_patterns)
    pos_kinds = frozenset(p.typ for p in all_patterns if not p.saknas)
    return CompiledVersion(
        rule=rule, version_index=version_index, name=name, ruleset=ruleset,
        subject_alias=rule.avser, subject_kind=subject.typ, decisive=rule.avgorande_datum,
        aliases=aliases, needed={k: frozenset(v) for k, v in ctx.needed.items()},
        derived=frozenset(ctx.derived), negated_kinds=neg_kinds, positive_kinds=pos_kinds,
        memberships=frozenset(ctx.memberships), comparisons=frozenset(ctx.comparisons))


@dataclass
class CompiledRuleset:
    """All versions of one rule in one ruleset: one session per facility evaluates every version."""

    rule: Rule
    name: str
    ruleset: dict[str, Any]
    versions: list[CompiledVersion]
    subject_kind: str
    needed: dict[str, frozenset[str]]
    derived: frozenset[tuple[str, str, Period]]
    negated_kinds: frozenset[str]
    positive_kinds: frozenset[str]
    memberships: frozenset[tuple[str, str, frozenset]]
    comparisons: frozenset[SelfComparison]


def _union(maps: list[dict[str, frozenset[str]]]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for m in maps:
        for kind, names in m.items():
            out[kind] = out.get(kind, frozenset()) | names
    return out


def compile_rule(loaded: LoadedRule | Rule) -> CompiledRuleset:
    rule = loaded.rule if isinstance(loaded, LoadedRule) else loaded
    versions = [compile_version(rule, i) for i in range(len(rule.versioner))]
    digest = hashlib.sha256(json.dumps([v.name for v in versions]).encode()).hexdigest()[:12]
    name = f"{rule.id.replace('-', '_')}_{digest}"
    ruleset: dict[str, Any] = {
        "opened": {"all": [{"o": {"$and": [{"kind": SESSION_KIND}]}}], "run": f"{name}|opened|0"}}
    for v in versions:
        for key, body in v.ruleset.items():
            if key != "opened":
                ruleset[f"v{v.version_index}_{key}"] = dict(body, run=body["run"].replace(v.name, name, 1))
    return CompiledRuleset(
        rule=rule, name=name, ruleset=ruleset, versions=versions, subject_kind=versions[0].subject_kind,
        needed=_union([v.needed for v in versions]),
        derived=frozenset().union(*(v.derived for v in versions)),
        negated_kinds=frozenset().union(*(v.negated_kinds for v in versions)),
        positive_kinds=frozenset().union(*(v.positive_kinds for v in versions)),
        memberships=frozenset().union(*(v.memberships for v in versions)),
        comparisons=frozenset().union(*(v.comparisons for v in versions)))
