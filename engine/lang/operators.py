"""The operators of the rule language, each defined once: what it reads, what it means, how far it is decided alone.

Every place that gives an operator meaning reads this table: the rule model (one optional key per
operator in a test), the loader's type checks, the preparation of facts and the partial evaluation of
withheld facts in the ledger. The durable backend keeps its own mapping from operator name to
durable_rules syntax (`backends/durable/compile.py`), checked against this table by the tests. The test
oracle (`tests/reference.py`) keeps its own, independent meaning on purpose.

Adding an operator is one row here and one entry in the backend's mapping.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

# the field types an order comparison accepts (the loader's RK-R054)
ORDERED_TYPES = frozenset({"date", "int"})


@dataclass(frozen=True)
class Operator:
    name: str
    shape: Literal["compare", "member", "contains"]
    """compare: a scalar field against an operand (literal, parameter or field); member: a scalar field in a
    list of values; contains: a list field holds a value."""
    fields: Literal["scalar", "ordered", "list"]
    """The fields it reads: any scalar field, only dates and numbers (ORDERED_TYPES), or only list fields."""
    holds: Callable[[Any, Any], bool]
    """Its meaning on plain Python values: holds(field value, operand)."""
    decided_alone: bool
    """Whether the ledger may decide it for a withheld fact from that fact alone, against a literal or a
    parameter (never a date or a shifted field: rules write dates as text, so those stay undetermined)."""
    doc: str | None = None
    """What a rule author reads in the JSON Schema."""

    @property
    def ordered(self) -> bool:
        return self.fields == "ordered"


TABLE: tuple[Operator, ...] = (
    Operator("lika_med", "compare", "scalar", operator.eq, True,
             "Equal to a value (for a coded field, one the fact model allows), a field or a parameter."),
    Operator("inte_lika_med", "compare", "scalar", operator.ne, True, "Not equal to a value, a field or a parameter."),
    Operator("fore", "compare", "ordered", operator.lt, False, "Strictly before (less than)."),
    Operator("senast", "compare", "ordered", operator.le, False, "On or before (at most)."),
    Operator("efter", "compare", "ordered", operator.gt, False, "Strictly after (greater than)."),
    Operator("tidigast", "compare", "ordered", operator.ge, False, "On or after (at least)."),
    Operator("i", "member", "scalar", lambda value, values: value in values, True, "One of the listed values."),
    Operator("inte_i", "member", "scalar", lambda value, values: value not in values, True,
             "None of the listed values."),
    Operator("innehaller", "contains", "list", lambda values, value: value in values, False,
             "A list field contains this value."),
    Operator("saknar", "contains", "list", lambda values, value: value not in values, False,
             "A list field does not contain this value."),
)

OPERATORS: dict[str, Operator] = {op.name: op for op in TABLE}
