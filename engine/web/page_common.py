"""What several pages need: the data set chosen, a unit's kind in Swedish, a form field's error."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.words import VERKSAMHETSTYP_WORDS
from regelkoll.web.datasets import unknown_dataset

DEFAULT_DATASET = "demo"
ORGANISATION = "huvudman"
UNREADABLE = "oläslig"
KIND_WORDS = {**VERKSAMHETSTYP_WORDS, ORGANISATION: "huvudman (företrädarna)",
              UNREADABLE: "okänd (posten kunde inte läsas)"}


def service_of(request: Request) -> Any:
    return request.app.state.service


def choose_dataset(names: list[str], given: str | None) -> tuple[str | None, list[Diagnostic]]:
    """The data set a page shows: the one asked for, else "demo" when offered, else the first; RK-W010 for a name
    that is not offered (never a path)."""
    if given:
        if given in names:
            return given, []
        return None, [unknown_dataset(given, names)]
    if not names:
        return None, []
    return (DEFAULT_DATASET if DEFAULT_DATASET in names else names[0]), []


def unit_kinds(bundle: FactBundle, units: list[str]) -> dict[str, str]:
    """Each unit's kind: the facility's type code, "huvudman" for an organisation checked for its officers, or
    "oläslig" for a facility whose own record could not be read."""
    kinds = {}
    for unit in units:
        home = bundle.get("verksamhet", unit)
        if home is not None:
            kinds[unit] = home.typ
        elif bundle.get("organisation", unit) is not None:
            kinds[unit] = ORGANISATION
        else:
            kinds[unit] = UNREADABLE
    for broken in bundle.broken:
        if broken.kind == "verksamhet" and broken.id and broken.id not in kinds:
            kinds[broken.id] = UNREADABLE
    return kinds


def kind_word(code: str) -> str:
    return KIND_WORDS.get(code, code.replace("_", " "))


def invalid(field: str, message: str, hint: str = "") -> Diagnostic:
    """A form field's value that the page does not take (RK-W073)."""
    return Diagnostic("formulär", 0, 0, "RK-W073", message, field, hint)
