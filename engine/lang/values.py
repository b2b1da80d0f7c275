"""The values the fact model allows in a field, for checking the literals a rule writes.

A rule that compares a coded field with a misspelt value (`roll: förestandare`) is valid in form and never
matches: without this check it would silently stop judging anyone. The allowed values are read from the
fact model's `Literal` types, so a new code in the model is allowed here at once.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

from rapidfuzz import process

from regelkoll.facts import model as fact_model

# a derived text field whose values the model builds from two coded fields (facts/model.py, Behandling)
_COMPOSED = {("behandling", "injektionsslag"): (("teknik", "injicerat"), ("kirurgi",))}


def _codes(annotation: Any) -> tuple[str, ...] | None:
    if get_origin(annotation) in (Union, UnionType):
        members = [a for a in get_args(annotation) if a is not NoneType]
        if len(members) != 1:
            return None
        (annotation,) = members
    if get_origin(annotation) is Literal:
        return tuple(str(v.value if isinstance(v, Enum) else v) for v in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(member.value) for member in annotation)
    return None


@lru_cache(maxsize=None)
def allowed_values(kind: str, field: str) -> tuple[str, ...] | None:
    """The values a scalar text field of a fact kind can hold, or None when it is free text (ids, names)."""
    model = fact_model.FACT_KINDS.get(kind)
    if model is None or field not in model.model_fields:
        return None
    if (kind, field) in _COMPOSED:
        (left, right), extra = _COMPOSED[(kind, field)]
        firsts, seconds = allowed_values(kind, left) or (), allowed_values(kind, right) or ()
        return tuple(f"{a}_{b}" for a in firsts for b in seconds) + extra
    return _codes(model.model_fields[field].annotation)


def value_hint(value: Any, allowed: tuple[str, ...] | list[str]) -> str:
    """The nearest allowed values, so that the author sees at once what was meant."""
    nearest = process.extract(str(value), list(allowed), limit=3, score_cutoff=60)
    # one clear favourite (a short code with two letters swapped scores only 67, but nothing comes near it)
    if nearest and (nearest[0][1] >= 80 or len(nearest) == 1 or nearest[0][1] - nearest[1][1] >= 15):
        return f"menade du '{nearest[0][0]}'?"
    if nearest:
        return "närmast: " + ", ".join(f"'{name}'" for name, *_ in nearest)
    shown = ", ".join(f"'{name}'" for name in allowed[:12])
    return f"tillåtna: {shown}" + (" …" if len(allowed) > 12 else "")
