"""Pydantic's validation errors in Swedish, for fact bundles and rule files alike.

Users are promised Swedish; pydantic writes English. Every error type gets a Swedish text, and an
unknown type a Swedish fallback naming it, so no English ever reaches a user.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from regelkoll.diagnostics import suggest
from regelkoll.strict import fold_code

_MESSAGES = {
    "missing": "obligatoriskt fält saknas",
    "extra_forbidden": "okänt fält",
    "date_from_datetime_parsing": "ogiltigt datum (skriv ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)",
    "date_parsing": "ogiltigt datum (skriv ÅÅÅÅ-MM-DD)",
    "date_type": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_future": "får inte ligga bakåt i tiden",
    "date_past": "får inte ligga framåt i tiden",
    "datetime_type": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "datetime_parsing": "ogiltigt datum (skriv ÅÅÅÅ-MM-DD)",
    "bool_type": "ska vara true eller false",
    "bool_parsing": "ska vara true eller false",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_parsing_size": "heltalet är för stort",
    "int_from_float": "ska vara ett heltal (utan decimaler)",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "finite_number": "ska vara ett ändligt tal",
    "string_type": "ska vara en text",
    "string_unicode": "ska vara en text",
    "list_type": "ska vara en lista",
    "tuple_type": "ska vara en lista",
    "set_type": "ska vara en lista",
    "frozen_set_type": "ska vara en lista",
    "dict_type": "ska vara en mappning (fält: värde)",
    "model_type": "ska vara en mappning (fält: värde)",
    "model_attributes_type": "ska vara en mappning (fält: värde)",
    "none_required": "ska vara tomt",
    "union_tag_invalid": "okänd sort",
    "union_tag_not_found": "sorten saknas",
}

# messages that name a limit from the model (`ctx`); the limit is shown as given
_LIMITS = {
    "greater_than_equal": ("ge", "får inte vara mindre än {}"),
    "greater_than": ("gt", "ska vara större än {}"),
    "less_than_equal": ("le", "får inte vara större än {}"),
    "less_than": ("lt", "ska vara mindre än {}"),
    "multiple_of": ("multiple_of", "ska vara en multipel av {}"),
    "string_too_long": ("max_length", "är för lång (högst {} tecken)"),
    "string_too_short": ("min_length", "är för kort (minst {} tecken)"),
    "too_long": ("max_length", "har för många poster (högst {})"),
    "too_short": ("min_length", "har för få poster (minst {})"),
}


def swedish_message(err: dict) -> str:
    """A Swedish message for a pydantic error; never pydantic's English, whatever the error type."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "literal_error" or kind == "enum":
        allowed = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"ogiltigt värde {err.get('input')!r}; tillåtna: {allowed}"
    if kind == "string_pattern_mismatch":
        return f"ogiltigt format ({err.get('input')!r})"
    if kind in ("value_error", "assertion_error"):
        # our own validators write Swedish; pydantic only adds its English lead
        return err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1:
        return "får inte vara tom"
    if kind in _LIMITS and _LIMITS[kind][0] in ctx:
        name, text = _LIMITS[kind]
        return text.format(ctx[name])
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    return f"ogiltigt värde (feltyp {kind})"


_QUOTED = re.compile(r"'([^']*)'")


def swedish_hint(err: dict) -> str:
    """For a value that is none of a field's codes: the nearest code(s), by spelling once case and diacritics
    are set aside (`lss_bostad_barnn` → `lss_bostad_barn`); empty when none is near. Only a suggestion: a value
    is never read as the code it resembles."""
    value = err.get("input")
    if err["type"] != "literal_error" or not isinstance(value, str):
        return ""
    allowed = _QUOTED.findall(str((err.get("ctx") or {}).get("expected", "")))
    found = process.extract(fold_code(value), allowed, scorer=fuzz.ratio, score_cutoff=60, limit=3)
    best = [code for code, score, _ in found if score == found[0][1]] if found else []
    return f"menade du {' eller '.join(repr(code) for code in best)}?" if best else ""


def field_hint(name: str, fields: list[str]) -> str:
    """For an unknown field: the field it is with case and diacritics set aside (`Typ`, `utförare`), else the
    nearest by spelling. Field names are not folded when read: a suggestion only, as for a code."""
    folded = fold_code(name)
    return f"menade du '{folded}'?" if folded in fields else suggest(name, fields)
