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
import unicodedata
from typing import Any

# the separator as people type it: a hyphen, plus or space of any kind (tab, no-break and thin spaces, dashes)
_SHAPE = re.compile(
    r"(?<!\d)((?:\d{2})?\d{2}(?:0\d|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01]))"
    r"([-+ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\u2010-\u2015\u2212]?)(\d{4})(?!\d)",
    re.ASCII)


def _ascii_digits(text: str) -> str:
    # a number typed with other scripts' digits (fullwidth １９８９…, Arabic-Indic …) is the same number;
    # one character for one, so spans found in the result are spans of `text`
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text)


def _matches(text: str) -> list[re.Match]:
    return list(_SHAPE.finditer(_ascii_digits(text)))


def looks_like_personnummer(text: str) -> bool:
    return bool(_matches(text))


# six digits in a row, in any script: no personnummer without them (a fast test for the common case)
_CANDIDATE = re.compile(r"\d{6}")


def mask_text(text: str) -> str:
    """Every number shaped like a personnummer keeps its date and loses its last four digits."""
    if _CANDIDATE.search(text) is None:
        return text
    out, end = [], 0
    for match in _matches(text):
        out += [text[end:match.start()], text[match.start(1):match.end(1)], text[match.start(2):match.end(2)] or "-",
                "****"]
        end = match.end()
    return "".join(out) + text[end:] if out else text


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit of another script written as its ASCII digit."""
    return _ascii_digits(text)


def mask_one(value: Any, number: str) -> Any:
    """`value` with one person's number masked wherever it is written, in any of the forms `mask_text` finds
    (with or without century, any separator, any script's digits); other numbers are left as they are."""
    if isinstance(value, str):
        out, end = [], 0
        for match in _matches(value):
            digits = match.group(1) + match.group(3)
            if digits == number or (len(digits) == 10 and digits == number[2:]):
                out += [value[end:match.start()], mask_text(value[match.start():match.end()])]
                end = match.end()
        return "".join(out) + value[end:] if out else value
    if isinstance(value, dict):
        return {k: mask_one(v, number) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_one(v, number) for v in value]
    return value


def mask_all(value: Any, keep: frozenset[str] = frozenset()) -> Any:
    """`value` with `mask_text` applied to every string in it; mapping keys in `keep` are left as they are."""
    kind = type(value)  # exact types first: this walks every string of a national report
    if kind is dict:
        return {k: v if k in keep else mask_all(v, keep) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [mask_all(v, keep) for v in value]
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {k: v if k in keep else mask_all(v, keep) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_all(v, keep) for v in value]
    return value


def refuse_personnummer(value: str) -> str:
    """For a code or id: a personnummer is never one (ids and codes are shown unmasked to everyone)."""
    matches = _matches(value)
    if matches:
        shown = mask_text(value[matches[0].start():matches[0].end()])
        raise ValueError(f"ser ut som ett personnummer ({shown}); en kod eller ett id får "
                         "aldrig vara ett personnummer (personnummer anges bara i person.personnummer)")
    return value
