"""Strict validation for everything read from a file: facts, the evaluation context and rules.

Pydantic's lax mode reinterprets what a careless or hostile supplier writes: `0` in a date field
becomes 1970-01-01 (turning "never registered" into "registered long ago"), `"yes"` and `1` become
True, `"3"` becomes 3 and a datetime is cut to its date. Every model read from input therefore
validates strictly, and a date is accepted only as an ISO calendar date written ÅÅÅÅ-MM-DD.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

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


@lru_cache(maxsize=None)
def _is_date_field(model: type, name: str) -> bool:
    annotation = model.model_fields[name].annotation
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not NoneType]
        annotation = args[0] if len(args) == 1 else None
    return annotation is date


class StrictModel(BaseModel):
    """Base of every model read from input: unknown fields refused, no type coercion, ISO dates only."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="before")
    @classmethod
    def _dates_as_written(cls, value: Any, info: ValidationInfo) -> Any:
        if value is not None and info.field_name and _is_date_field(cls, info.field_name):
            return iso_date(value)
        return value
