"""The sources manifest, `kallor.yaml`: which file in a data set is read by which adapter, and how.

    kallor:
      - fil: personal/lonelista.csv
        adapter: personal_csv
        uttagsdatum: 2026-11-20      # the day the extract was taken
        verksamhet: hvb-tallen       # the facility every row belongs to (or `enheter` for a unit column)
        datumformat: DD/MM/ÅÅÅÅ      # how slashed dates are written, when the file does not show it

A file named here is read only by its adapter, never also as a YAML/JSON fact file. Every path stays
inside the data set's directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import Literal

from pydantic import Field, ValidationError

from regelkoll.adapters.values import slug
from regelkoll.diagnostics import Diagnostic, suggest
from regelkoll.facts.model import Ident
from regelkoll.strict import StrictModel
from regelkoll.validation_sv import swedish_message
from regelkoll.yamlsafe import YamlError, load_file

MANIFEST = "kallor.yaml"

# adapter name → module under regelkoll.adapters, and what it reads (for messages and the README)
ADAPTERS = {
    "personal_csv": ("personal_csv", "personallista som CSV (lön- och HR-system)"),
    "personal_paxml": ("personal_paxml", "personallista som PAXml 2.0"),
    "hosp_legitimation": ("hosp_credentials", "HOSP-svar GetHospCredentialsForPerson 1.0 (Inera)"),
    "hosp_ivo": ("hosp_ivo", "HOSP-svar GetHospPersonForIVO (Socialstyrelsen)"),
    "bolagsverket": ("bolagsverket", "funktionärer ur Bolagsverkets Företagsinformation (JSON)"),
    "bolagsverket_csv": ("bolagsverket", "funktionärer som CSV"),
    "registerkontroll": ("registerkontroll", "verksamhetens logg över uppvisade registerutdrag (CSV eller YAML)"),
}
AdapterName = Literal[tuple(ADAPTERS)]  # type: ignore[valid-type]


class Kalla(StrictModel):
    """One source file and how to read it."""

    fil: str = Field(min_length=1, max_length=500)
    """The file, relative to the data set's directory."""
    adapter: AdapterName  # type: ignore[valid-type]
    uttagsdatum: date | None = None
    """The day the extract was taken: the century of ten-digit personnummer, the day a HOSP snapshot speaks for."""
    verksamhet: Ident | None = None
    """A roster's facility, when every row belongs to one."""
    organisation: Ident | None = None
    """A roster's employer (left out: the facility's operator); a register-check log's organisation; the company
    of a Bolagsverket file that does not name it by organisationsnummer."""
    enheter: dict[str, Ident] = Field(default_factory=dict)
    """A roster's unit column: each value as written → the facility's id."""
    organisationer: dict[str, Ident] = Field(default_factory=dict)
    """Organisationsnummer (or the employer column's values) → the organisation's id in the data set."""
    kolumner: dict[str, str] = Field(default_factory=dict)
    """Extra column names: the header as written → the field it holds (see the adapter's table in the README)."""
    datumformat: Literal["DD/MM/ÅÅÅÅ", "MM/DD/ÅÅÅÅ"] | None = None
    """How slashed dates are written, when no value in the column shows it."""
    beskrivning: str | None = None


class Manifest(StrictModel):
    kallor: list[Kalla] = Field(default_factory=list)


@dataclass(frozen=True)
class SourceFile:
    path: Path
    display: str  # as the user will see it in every message
    spec: Kalla
    line: int  # where the manifest names it

    @property
    def key(self) -> str:
        """The file's path in the data set as an id part: two files of one name in two folders make different ids."""
        return slug(str(PurePath(self.spec.fil).with_suffix("")))


def read_manifest(root: Path, diagnostics: list[Diagnostic]) -> tuple[list[SourceFile], set[Path]]:
    """The sources the manifest of `root` names, and every path it names (also those refused).

    Every problem goes to `diagnostics` and that source is left out.
    """
    path = root / MANIFEST
    display = str(path)
    if root.resolve() not in path.resolve().parents:
        # a manifest linked from elsewhere would make the sources someone else's choice
        diagnostics.append(Diagnostic(display, 0, 0, "RK-K003", "kallor.yaml är en länk ut ur datamängdens katalog; "
                                      "den läses inte och inga källor läses"))
        return [], set()
    try:
        data, positions = load_file(path, display)
    except YamlError as exc:
        diagnostics.append(exc.diagnostic)
        return [], set()
    diagnostics += [problem.diagnostic for problem in positions.problems]
    if positions.problems:
        return [], set()
    if not isinstance(data, dict):
        diagnostics.append(Diagnostic(display, 1, 1, "RK-K001", "kallor.yaml ska vara en mappning med nyckeln kallor"))
        return [], set()
    entries = data.get("kallor")
    sources: list[SourceFile] = []
    bad_keys = [k for k in data if k != "kallor"]
    for key in bad_keys:
        pos = positions.locate((key,), key=True)
        diagnostics.append(Diagnostic(display, pos.line, pos.column, "RK-K001", f"okänd nyckel '{key}'", str(key),
                                      suggest(str(key), ["kallor"])))
    if not isinstance(entries, list):
        pos = positions.locate(("kallor",))
        diagnostics.append(Diagnostic(display, pos.line, pos.column, "RK-K001", "kallor ska vara en lista av källor",
                                      "kallor"))
        return [], set()
    named = set()
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("fil"), str) and "\0" not in entry["fil"]:
            try:
                named.add((root / entry["fil"]).resolve())
            except (OSError, RuntimeError):
                pass  # reported below, when the entry is read
    seen: dict[Path, int] = {}
    base = root.resolve()
    for i, entry in enumerate(entries):
        pos = positions.locate(("kallor", i))
        try:
            spec = Kalla.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = ("kallor", i, *err["loc"])
                extra = err["type"] == "extra_forbidden"
                at = positions.locate(loc, key=extra)
                hint = suggest(str(err["loc"][-1]), list(Kalla.model_fields)) if extra and err["loc"] else ""
                diagnostics.append(Diagnostic(display, at.line, at.column, "RK-K001", swedish_message(err),
                                              ".".join(map(str, loc)), hint))
            continue
        at = positions.locate(("kallor", i, "fil"))
        if "\0" in spec.fil:
            diagnostics.append(Diagnostic(display, at.line, at.column, "RK-K001", "fil innehåller ett NUL-tecken; "
                                          "ingen fil kan heta så", f"kallor.{i}.fil"))
            continue
        target = root / spec.fil
        # a source is part of the data set: nothing outside its directory is read, through a link either
        try:
            resolved = target.resolve()
            is_file = target.is_file()
        except (OSError, RuntimeError) as exc:  # a name too long, a loop of links
            diagnostics.append(Diagnostic(display, at.line, at.column, "RK-K002", f"källfilen '{spec.fil}' kan inte "
                                          f"läsas ({exc.__class__.__name__})", f"kallor.{i}.fil"))
            continue
        if os.path.isabs(spec.fil) or (resolved != base and base not in resolved.parents):
            diagnostics.append(Diagnostic(display, at.line, at.column, "RK-K003", f"'{spec.fil}' ligger utanför "
                                          "datamängdens katalog; filen läses inte", f"kallor.{i}.fil"))
            continue
        if not is_file:
            why = "finns inte" if not target.exists() else "är ingen vanlig fil"
            diagnostics.append(Diagnostic(display, at.line, at.column, "RK-K002", f"källfilen '{spec.fil}' {why}",
                                          f"kallor.{i}.fil"))
            continue
        if resolved in seen:
            diagnostics.append(Diagnostic(display, at.line, at.column, "RK-K004", f"'{spec.fil}' är redan namngiven "
                                          f"på rad {seen[resolved]}; den läses en gång", f"kallor.{i}.fil"))
            continue
        seen[resolved] = pos.line
        sources.append(SourceFile(target, str(target), spec, pos.line))
    return sources, named
