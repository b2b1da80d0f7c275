"""Personal identity numbers in text: found by their shape, masked on the way out, refused as codes.

A supplier types a personnummer where it does not belong (a client code, a name, a free-text
note) and Regelkoll must not repeat it: every text that leaves the program passes `mask_text`
unless the user asked to see personal data. The shape is that of a personnummer or
samordningsnummer (ÅÅÅÅMMDD-NNNN or ÅÅMMDD-NNNN, with or without the separator) whether or not its
check digit is right: a mistyped number is still someone's. Organisation numbers have a month of
20 or more (the third digit is at least 2) and are not matched.
"""

from __future__ import annotations

import re
from typing import Any

_SHAPE = re.compile(
    r"(?<!\d)((?:\d{2})?\d{2}(?:0\d|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01]))([-+]?)(\d{4})(?!\d)")


def looks_like_personnummer(text: str) -> bool:
    return bool(_SHAPE.search(text))


def mask_text(text: str) -> str:
    """Every number shaped like a personnummer keeps its date and loses its last four digits."""
    if not any(c.isdigit() for c in text):
        return text
    return _SHAPE.sub(lambda m: f"{m.group(1)}{m.group(2) or '-'}****", text)


def mask_all(value: Any, keep: frozenset[str] = frozenset()) -> Any:
    """`value` with `mask_text` applied to every string in it; mapping keys in `keep` are left as they are."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {k: v if k in keep else mask_all(v, keep) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_all(v, keep) for v in value]
    return value


def refuse_personnummer(value: str) -> str:
    """For a code or id: a personnummer is never one (ids and codes are shown unmasked to everyone)."""
    match = _SHAPE.search(value)
    if match:
        raise ValueError(f"ser ut som ett personnummer ({mask_text(match.group(0))}); en kod eller ett id får "
                         "aldrig vara ett personnummer (personnummer anges bara i person.personnummer)")
    return value
