"""A plain-Python reference evaluation of the rule format, independent of durable_rules.

It reads the rule's patterns and tests directly (not the compiled JSON) and
does its own calendar arithmetic, over the same prepared facts the engine gets.
The differential tests require the engine to agree with it exactly.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from regelkoll.backends.durable.compile import (
    MIRROR_SUFFIX,
    SUBJECT_FIELD,
    CompiledRuleset,
    CompiledVersion,
    engine_field,
    flag_field,
)
from regelkoll.backends.durable.host import Match
from regelkoll.facts.model import field_types
from regelkoll.lang.model import FieldRef, ParamRef, Pattern, Test, role_name
from regelkoll.legaltime import Period, add_period


class ReferenceRunner:
    """Same interface as DurableRunner, but evaluates `compiled.rule` with nested loops."""

    def __init__(self, compiled_by_name: dict[str, CompiledVersion | CompiledRuleset]):
        self.compiled = compiled_by_name

    def run(self, name: str, ruleset: dict[str, Any], batch: list[dict[str, Any]]) -> list[Match]:
        compiled = self.compiled[name]
        versions = compiled.versions if isinstance(compiled, CompiledRuleset) else [compiled]
        return sorted((m for v in versions for m in evaluate(v, batch)), key=lambda m: (m.version, m.role, m.frame))


def _pool(batch: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for record in batch:
        kind = record["kind"].removesuffix(MIRROR_SUFFIX)
        if kind.startswith("__"):
            continue
        key = (kind, str(record.get("ref")))
        if key not in seen or not record["kind"].endswith(MIRROR_SUFFIX):
            seen[key] = dict(record, kind=kind)
    pool: dict[str, list[dict[str, Any]]] = {}
    for (kind, _), record in sorted(seen.items()):
        pool.setdefault(kind, []).append(record)
    return pool


def evaluate(compiled: CompiledVersion, batch: list[dict[str, Any]]) -> list[Match]:
    rule, version = compiled.rule, compiled.version
    pool = _pool(batch)
    params = version.parametrar

    def period(value: Period | ParamRef) -> Period:
        return params[value.parameter] if isinstance(value, ParamRef) else value

    def shifted(value: int, plus: Any) -> int:
        if plus is None:
            return value
        return add_period(date.fromordinal(value), period(plus)).toordinal()

    def holds(test: Test, kind: str, fact: dict[str, Any], env: dict[str, dict[str, Any]], own: str) -> bool:
        ftype = field_types(kind)[test.falt]
        if test.operator in ("innehaller", "saknar"):
            return fact[flag_field(test.falt, test.operand)] is (test.operator == "innehaller")
        left = fact[engine_field(test.falt)]
        if test.plus is not None:
            left = shifted(left, test.plus)
        operand = test.operand
        if isinstance(operand, ParamRef):
            operand = params[operand.parameter]
        if isinstance(operand, FieldRef):
            alias, name = operand.falt.split(".")
            right = (fact if alias == own else env[alias])[engine_field(name)]
            if operand.plus is not None:
                right = shifted(right, operand.plus)
        elif isinstance(operand, list):
            right = [date.fromisoformat(v).toordinal() if ftype == "date" else v for v in operand]
        else:
            right = date.fromisoformat(operand).toordinal() if ftype == "date" else operand
        op = test.operator
        return {
            "lika_med": lambda: left == right,
            "inte_lika_med": lambda: left != right,
            "fore": lambda: left < right,
            "senast": lambda: left <= right,
            "efter": lambda: left > right,
            "tidigast": lambda: left >= right,
            "i": lambda: left in right,
            "inte_i": lambda: left not in right,
        }[op]()

    def matches(pattern: Pattern, fact: dict[str, Any], env: dict[str, dict[str, Any]], more=(),
                target: str | None = None, any_of=()) -> bool:
        targeted = pattern.som == (target or rule.avser)
        tests = [*pattern.dar, *(more if targeted else ())]
        if not all(holds(t, pattern.typ, fact, env, pattern.som) for t in tests):
            return False
        alternatives = [*pattern.nagon_av, *(any_of if targeted else ())]
        if alternatives and not any(holds(t, pattern.typ, fact, env, pattern.som) for t in alternatives):
            return False
        if pattern.som == rule.avser:
            if fact[SUBJECT_FIELD] != 1:
                return False
            if rule.avgorande_datum != "per_datum":  # per_datum: the caller picks the version
                day = shifted(fact[engine_field(rule.avgorande_datum)], rule.avgorande_plus)
                if not version.covers(date.fromordinal(day)):
                    return False
        return True

    def frames(patterns: list[Pattern], more=(), target: str | None = None,
               any_of=(), shared: set[str] = frozenset()) -> Iterator[dict[str, dict[str, Any]]]:
        """`shared`: aliases that may bind a fact another pattern bound (an exemption about the subject)."""
        def extend(i: int, env: dict[str, dict[str, Any]]) -> Iterator[dict[str, dict[str, Any]]]:
            if i == len(patterns):
                yield env
                return
            pattern = patterns[i]
            used = {id(f) for f in env.values()}
            for fact in pool.get(pattern.typ, []):
                if id(fact) in used and pattern.som not in shared:  # one fact fills one pattern (durable's `distinct`)
                    continue
                if matches(pattern, fact, env, more, target, any_of):
                    yield from extend(i + 1, {**env, pattern.som: fact})
        yield from extend(0, {})

    def none_exists(pattern: Pattern, env: dict[str, dict[str, Any]]) -> bool:
        return not any(matches(pattern, fact, env) for fact in pool.get(pattern.typ, []))

    out: set[Match] = set()

    def record(role: str, env: dict[str, dict[str, Any]]) -> None:
        out.add(Match(role, tuple(sorted((alias, str(f["ref"])) for alias, f in env.items())), compiled.version_index))

    applies = list(rule.tillamplig_nar)
    for env in frames(applies):
        record("galler", env)
    positive = applies + [p for p in rule.overtradelse_nar if not p.saknas]
    negated = [p for p in rule.overtradelse_nar if p.saknas] + [x.monster for x in rule.undantag]
    condition = rule.overtradelse_dar
    for env in frames(positive, condition.dar if condition else (), any_of=condition.nagon_av if condition else ()):
        if all(none_exists(p, env) for p in negated):
            record("brott", env)
    for i, exemption in enumerate(rule.undantag):
        for env in frames(applies + [exemption.monster], shared={exemption.monster.som}):
            record(role_name("undantag", i), env)
    for i, doubt in enumerate(rule.bedoms_inte_nar):
        present = [p for p in doubt.monster if not p.saknas]
        for env in frames(applies + present, doubt.dar, doubt.avser, shared={p.som for p in present}):
            if all(none_exists(p, env) for p in doubt.monster if p.saknas):
                record(role_name("obestamt", i), env)
    return sorted(out, key=lambda m: (m.role, m.frame))
