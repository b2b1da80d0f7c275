"""The two sections only `regelkoll import` writes: the records that could not be read, and the diagnostics.

Read back so that checking an imported data set gives what checking its sources gave: a record the
sources could not give stays unreadable (what depends on it undetermined), and every problem found
in the sources is still reported, at its place in the source file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field, ValidationError

from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import GIVEN_KINDS, Assembler
from regelkoll.strict import StrictModel

_TEXT = Field(default="", max_length=10_000)


class Orsak(StrictModel):
    fil: str = Field(max_length=10_000)
    rad: int = Field(ge=0)
    kolumn: int = Field(ge=0)
    kod: str = Field(pattern=r"^RK-[A-Z]\d{3}$")
    falt: str = _TEXT
    meddelande: str = Field(max_length=10_000)
    tips: str = _TEXT

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.fil, self.rad, self.kolumn, self.kod, self.meddelande, self.falt, self.tips)


class EjLasbar(StrictModel):
    typ: Literal[GIVEN_KINDS]  # type: ignore[valid-type]
    uppgifter: dict[str, str] = Field(default_factory=dict)
    orsak: Orsak


def read_import_section(assembler: Assembler, kind: str, records: Any,
                        refuse: Callable[[tuple], Diagnostic]) -> None:
    if not isinstance(records, list):
        assembler.bundle.diagnostics.append(refuse(()))
        return
    for index, record in enumerate(records):
        try:
            if kind == "ej_lasbara":
                entry = EjLasbar.model_validate(record)
                assembler.unreadable(entry.typ, entry.uppgifter, entry.orsak.diagnostic(), report=False)
            else:
                assembler.bundle.diagnostics.append(Orsak.model_validate(record).diagnostic())
        except ValidationError:
            assembler.bundle.diagnostics.append(refuse((index,)))
