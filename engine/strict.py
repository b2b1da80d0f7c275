"""Strict validation for everything read from a file: facts, the evaluation context and rules.

Pydantic's lax mode reinterprets what a careless or hostile supplier writes: `0` in a date field
becomes 1970-01-01 (turning "never registered" into "registered long ago"), `"yes"` and `1` become
True, `"3"` becomes 3 and a datetime is cut to its date. Every model read from input therefore
validates strictly, and a date is accepted only as an ISO calendar date written ÅÅÅÅ-MM-DD.

A data set is written in Swedish (`SwedishInput`): there `ja` and `nej` are truth values too, and a code
is matched whatever its case and diacritics, since `HVB` and `anställning` are the words `hvb` and
`anstallning`. That is all that is set aside; nothing else is read as something it was not written as.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from types import NoneType, UnionType
from typing import Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KIND_OF = {bool: "ett sanningsvärde", int: "ett tal", float: "ett tal", list: "en lista", dict: "en mappning",
            datetime: "en tidpunkt"}


def iso_date(value: Any) -> date:
    """An ISO date (ÅÅÅÅ-MM-DD) or a date; anything else is refused, never converted."""
    if type(value) is date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("ogiltigt datum: dagen finns inte i kalendern (skriv ÅÅÅÅ-MM-DD)") from None
    if isinstance(value, str):
        raise ValueError("ogiltigt datum (skriv ÅÅÅÅ-MM-DD, utan klockslag)")
    kind = _KIND_OF.get(type(value), "något annat")
    raise ValueError(f"ska vara ett datum ÅÅÅÅ-MM-DD, inte {kind}")


# --- Swedish input: ja/nej, and codes whatever their case and diacritics -----------------------------------------

_TRUTH = {"ja": True, "nej": False}
_SEPARATOR = re.compile(r"[ -]")


def _plain_letter(char: str) -> str:
    """A letter in lower case, a Latin one with diacritics as its base letter (å, ä → a, ö → o, é → e); any other
    character as it is.

    Only letters of the Latin-1 and Latin Extended blocks are taken apart: a sign that merely looks like a
    letter (the kelvin sign, a full-width or Cyrillic letter) stays itself, so it matches no code.
    """
    if char.isascii():
        return char.lower()
    if not "\u00c0" <= char <= "\u024f":
        return char  # str.lower() would make the kelvin sign a k
    base, *marks = unicodedata.normalize("NFD", char)
    plain = base.isascii() and base.isalpha() and all(unicodedata.combining(m) for m in marks)
    return base.lower() if plain else char


def fold_code(text: str) -> str:
    """A code as a person may write it, in the model's spelling: `Sjuksköterska` → `sjukskoterska`,
    `Skyddat boende` → `skyddat_boende`.

    Only case, diacritics and a space or hyphen for `_` are undone: each is the same word to a reader.
    Nothing is guessed (a misspelling stays a misspelling and is refused with a suggestion), so folding
    can never make one code of another.
    """
    out: list[str] = []
    for char in text.strip():
        # å written as a and a combining ring (decomposed text) is å too; NFC is not used to compose it,
        # since it would also make the kelvin sign a K
        if unicodedata.combining(char) and out and out[-1].isascii() and out[-1].isalpha():
            continue
        out.append(_plain_letter(char))
    return _SEPARATOR.sub("_", "".join(out))


def _without_none(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not NoneType]
        return (args[0] if len(args) == 1 else None), True
    return annotation, False


@lru_cache(maxsize=None)
def swedish_field(model: type, name: str) -> tuple[str, Any]:
    """What Swedish input a field takes: ("bool", may be None), ("code", {folded: code}) for a Literal field or
    a list of one, else ("", None)."""
    annotation, optional = _without_none(model.model_fields[name].annotation)
    if annotation is bool:
        return "bool", optional
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation) or (None,)
    if get_origin(annotation) is Literal:
        codes = {fold_code(code): code for code in get_args(annotation) if isinstance(code, str)}
        return "code", codes
    return "", None


def _code(value: Any, codes: dict[str, str]) -> Any:
    if not isinstance(value, str) or value in codes:  # a code as the model writes it is its own fold
        return value
    return codes.get(fold_code(value), value)


def _truth(value: Any, optional: bool) -> Any:
    if type(value) is bool or (value is None and optional):
        return value
    word = value.strip().lower() if isinstance(value, str) and value.isascii() else None
    if word in _TRUTH:
        return _TRUTH[word]
    if isinstance(value, str) and value.strip() in ("true", "false"):
        raise ValueError(f"ska vara true eller false (eller ja eller nej) utan citattecken, inte texten {value!r}")
    if value is None:
        shown = "tomt"
    else:
        shown = repr(value) if isinstance(value, str) else _KIND_OF.get(type(value), "något annat")
    raise ValueError(f"ska vara true eller false (eller ja eller nej), inte {shown}")


@lru_cache(maxsize=None)
def _reading(model: type, name: str) -> tuple[str, Any]:
    """How a field's value is read: ("date", None), a Swedish reading (`swedish_field`), or ("", None)."""
    annotation, _ = _without_none(model.model_fields[name].annotation)
    if annotation is date:
        return "date", None
    return swedish_field(model, name) if getattr(model, "swedish_input", False) else ("", None)


class StrictModel(BaseModel):
    """Base of every model read from input: unknown fields refused, no type coercion, ISO dates only."""

    model_config = ConfigDict(extra="forbid", strict=True)

    # one validator for every field, dates and Swedish input alike: a second one would cost a call per field
    @field_validator("*", mode="before")
    @classmethod
    def _as_written(cls, value: Any, info: ValidationInfo) -> Any:
        how, detail = _reading(cls, info.field_name) if info.field_name else ("", None)
        if not how:
            return value
        if how == "date":
            return value if value is None else iso_date(value)
        if how == "bool":
            return _truth(value, detail)
        return [_code(v, detail) for v in value] if isinstance(value, list) else _code(value, detail)


class SwedishInput(StrictModel):
    """A model of a Swedish data set: `ja`/`nej` (any case) are truth values besides true/false, and a coded
    value matches its code whatever its case and diacritics (`HVB` is `hvb`, `anställning` is `anstallning`).

    The model's own value, never the spelling, is what is kept: rules compare codes as the model writes them.
    A folded match gives no notice: it is the same word, so there is nothing for the user to check; what
    folding does not match is refused as before, with the nearest codes suggested. Every other truth value
    (`yes`, `on`, `1`, `"true"`) stays refused: YAML 1.1's readings are exactly what strict input rules out.
    Rule files are not Swedish input: there `true` and `false` are the only truth values.
    """

    swedish_input: ClassVar[bool] = True
