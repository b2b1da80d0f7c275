"""What an adapter hands over: records with their place, the people they name, and what they could not read.

An adapter knows one format. It never decides who a person is: it names them (`person()`), with what
the row says (name, number, birth date), and puts the returned `PersonRef` where a record refers to
the person. Identity resolution (adapters/resolve.py) later turns every reference into a person id,
on the number first and on the name with the birth date as a hard filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regelkoll.adapters.values import IdentityProblem, ValueProblem, read_identity
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import Place
from regelkoll.personal_data import looks_like_personnummer


@dataclass(frozen=True)
class Located:
    """A place inside a structured file: the line, and where in the structure (`where`), which is an XML
    element's path (`/personal/person[3]/anstdatum`) or a JSON pointer (`/0/funktionarer/2`)."""

    file: str
    line: int
    where: str = ""

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        return self.line, 0


Element = Pointer = Located  # the names the XML and the JSON adapters read best


@dataclass(frozen=True)
class PersonRef:
    """A person as a record refers to them before identity resolution: an index into the mentions."""

    index: int


@dataclass
class Mention:
    place: Place
    namn: str
    number: str | None  # 12 digits and valid, else None
    birth: date | None  # from the number (also a mistyped one) or a birth-date field
    source: str  # what kind of source names them, for messages: "personallistan", "HOSP" …
    number_given: bool = False  # a number was written but could not be used


@dataclass
class Unknown:
    """Something a source says it cannot tell about a person (an empty HOSP answer): undetermined, never absent."""

    kind: str
    person: PersonRef
    diagnostic: Diagnostic
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class Collected:
    """Everything the adapters of one data set read, before identity resolution."""

    records: list[tuple[str, dict[str, Any], Place]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: list[tuple[str, dict[str, Any], Diagnostic]] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)
    # (kind, mention index): a source that speaks for this person about this kind (a HOSP answer)
    covered: set[tuple[str, int]] = field(default_factory=set)
    # (organisation, facility or None) whose register-check log is in the data: the extracts of the staff it
    # covers (at that facility, or anywhere in the organisation) are known, not guessed
    covered_registers: set[tuple[str, str | None]] = field(default_factory=set)
    # read-only, filled before the adapters run: the organisations of the YAML files by organisationsnummer
    # (NNNNNN-NNNN), so that a register file can name a company by number
    organisations_by_number: dict[str, str] = field(default_factory=dict)

    def problem(self, place: Place, code: str, message: str, field: str = "", hint: str = "",
                path: tuple = ()) -> Diagnostic:
        diagnostic = Diagnostic(place.file, *place.at(*path), code, message, field, hint)
        self.diagnostics.append(diagnostic)
        return diagnostic

    def add(self, kind: str, raw: dict[str, Any], place: Place) -> None:
        """A record of a fact kind; `PersonRef` values are replaced by person ids after resolution."""
        self.records.append((kind, raw, place))

    def lost(self, kind: str, raw: dict[str, Any], diagnostic: Diagnostic) -> None:
        """A record the adapter could not read: kept as broken (what depends on it is undetermined)."""
        self.unreadable.append((kind, raw, diagnostic))

    def person(self, place: Place, namn: str, number: str | None = None, *, birth: date | None = None,
               extract_day: date | None = None, employee: bool = False, source: str = "",
               field: str = "personnummer") -> PersonRef:
        """Name a person. A number that cannot be used is reported here; the person is then matched by name."""
        identity_number, born, given = None, birth, bool(number and number.strip())
        if given:
            try:
                identity = read_identity(number or "", extract_day, employee=employee)
                identity_number, born = identity.number, identity.birth or birth
            except IdentityProblem as exc:
                self.problem(place, exc.code, exc.message, field, path=(field,))
                born = born or exc.birth
            except ValueProblem as exc:
                self.problem(place, exc.code, exc.message, field, path=(field,))
        if looks_like_personnummer(namn):
            self.problem(place, "RK-K055", "namnet innehåller något som ser ut som ett personnummer (fel kolumn?); "
                         "det används inte som namn i id:n", "namn")
        self.mentions.append(Mention(place, " ".join(namn.split()), identity_number, born, source,
                                     given and identity_number is None))
        return PersonRef(len(self.mentions) - 1)

    def covers(self, kind: str, ref: PersonRef) -> None:
        self.covered.add((kind, ref.index))
