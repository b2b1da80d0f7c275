"""The application file: a permit application (ansökan om tillstånd) under SoL or LSS, as pydantic models.

No machine-readable application format exists (IVO takes them through its e-service or on paper), so this is
Regelkoll's own, built from what the statute says an application must contain (socialtjänstförordningen
(2001:937) 4 kap. 1 och 1 b §§, förordning (1993:1090) 7, 8 och 8 a §§) and the sections of IVO's form.
Almost everything is optional: what an applicant leaves out is a finding ("komplettering begärs"), not an
error. What is written must be well formed (strict, as every other input), or it is a coded error.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from regelkoll.facts.identity import normalise_organisationsnummer, normalise_personnummer
from regelkoll.facts.model import Kod, Kretsroll, Organisationsform, Verksamhetstyp
from regelkoll.strict import StrictModel

_STRICT = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, use_attribute_docstrings=True,
                   defer_build=True)
class _Part(StrictModel):
    model_config = _STRICT


class Identitet(_Part):
    """A person named with a personnummer (or samordningsnummer), or with name and birth date."""

    namn: str = Field(min_length=1, max_length=200)
    personnummer: str | None = None
    """12 digits, ÅÅÅÅMMDD-NNNN; masked in every report unless --show-personal-data."""
    fodelsedatum: date | None = None
    """When no personnummer is given: the person is then matched on name and birth date, which is weaker."""

    @field_validator("personnummer")
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        return None if value is None else normalise_personnummer(value)[0]

    @model_validator(mode="after")
    def _identified(self) -> "Identitet":
        if self.personnummer is None and self.fodelsedatum is None:
            raise ValueError("ange personnummer eller fodelsedatum: personen kan annars inte identifieras")
        if self.personnummer is not None and self.fodelsedatum is not None \
                and self.personnummer[:8] != self.fodelsedatum.strftime("%Y%m%d"):
            raise ValueError("fodelsedatum stämmer inte med personnumret")
        return self


class Kretsperson(Identitet):
    """One person in the circle of owners and management whose suitability is assessed (not the föreståndare)."""

    roll: Kretsroll  # type: ignore[valid-type]
    agande: Literal["direkt", "indirekt"] | None = None
    """For an owner: directly, or through another company (a parent company)."""
    agarandel: str | None = Field(default=None, max_length=50)
    """The share as an interval, e.g. "25-50 %"."""
    insikt: str | None = None
    """How the person has insight into the rules that apply to the activity."""


class Sokande(_Part):
    """The applicant: the legal person that will run the activity (a licence is bound to one organisationsnummer)."""

    organisationsnummer: str | None = None
    namn: str | None = Field(default=None, min_length=1)
    organisationsform: Organisationsform | None = None  # type: ignore[valid-type]
    firmatecknare: list[str] = Field(default_factory=list)
    """Who may sign for it (firmatecknare), as the register shows."""
    bolagsordning_bifogad: bool = False
    """The articles (bolagsordning, stadgar or bolagsavtal) are attached."""

    @field_validator("organisationsnummer")
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        return None if value is None else normalise_organisationsnummer(value)


class Lokaler(_Part):
    ritningar_bifogade: bool = False
    """Drawings of the premises are attached."""
    brandskydd_beskrivet: bool = False
    """How fire safety is arranged is described."""


class Lagenhet(_Part):
    """One apartment of a stödboende or skyddat boende."""

    adress: str = Field(min_length=1)
    lagenhetsnummer: str | None = None


class Verksamhet(_Part):
    """What the applicant will run (the form's "Verksamhetens innehåll")."""

    typ: Verksamhetstyp | None = None  # type: ignore[valid-type]
    """The kind of activity under SoL 26 kap. 1 § (7 kap. 1 § before 2025-07-01) or LSS 9 §."""
    namn: str | None = None
    adress: str | None = None
    kommun: str | None = None
    beskrivning: str | None = None
    drift: str | None = None
    """How the activity will be run (for personal assistance: its organisation)."""
    omfattning: str | None = None
    platser: int | None = Field(default=None, ge=0)
    malgrupper: list[Kod] = Field(default_factory=list)  # type: ignore[valid-type]
    """Target groups as codes, e.g. psykosocial_problematik."""
    malgrupp_beskrivning: str | None = None
    lss_personkrets: list[Literal[1, 2, 3]] = Field(default_factory=list)
    """LSS 1 § personkrets 1, 2 or 3."""
    alder_fran: int | None = Field(default=None, ge=0, le=120)
    alder_till: int | None = Field(default=None, ge=0, le=120)
    riktar_sig_till_barn: bool | None = None
    finansiering: str | None = None
    lokaler: Lokaler = Field(default_factory=Lokaler)
    lagenheter: list[Lagenhet] = Field(default_factory=list)
    lagefterlevnad: str | None = None
    """How the activity will ensure that the law is followed (LSS)."""
    kompetensutveckling: str | None = None
    brukarinflytande: str | None = None
    kontaktrutiner: str | None = None

    @model_validator(mode="after")
    def _ages(self) -> "Verksamhet":
        if self.alder_fran is not None and self.alder_till is not None and self.alder_till < self.alder_fran:
            raise ValueError("alder_till är lägre än alder_fran")
        return self


class Utbildning(_Part):
    examen: str = Field(min_length=1)
    larosate: str | None = None
    ar: int | None = Field(default=None, ge=1900, le=2100)


class Forestandare(Identitet):
    """The proposed manager: föreståndare, or verksamhetsansvarig for personal assistance.

    Unlike a person of the circle, a manager named without personnummer or birth date is no fault in the
    file: the application lacks what identifies the manager, and the screening asks for it (AN-FOR-01)."""

    @model_validator(mode="after")
    def _identified(self) -> "Forestandare":
        if self.personnummer is not None and self.fodelsedatum is not None \
                and self.personnummer[:8] != self.fodelsedatum.strftime("%Y%m%d"):
            raise ValueError("fodelsedatum stämmer inte med personnumret")
        return self

    utbildning: list[Utbildning] = Field(default_factory=list)
    erfarenhet: str | None = None
    erfarenhet_ar: int | None = Field(default=None, ge=0, le=80)
    tjanstgoringsgrad: int | None = Field(default=None, ge=0, le=100)
    """Per cent of full time."""


class Personalgrupp(_Part):
    """One line of the staff plan."""

    befattning: str = Field(min_length=1)
    antal: int | None = Field(default=None, ge=0)
    tjanstgoringsgrad: int | None = Field(default=None, ge=0, le=100)
    utbildning: str | None = None
    erfarenhet: str | None = None


class Underskrift(_Part):
    namn: str = Field(min_length=1)
    datum: date


class Ansokningsdokument(_Part):
    """A permit application: the applicant, its circle of owners and management, the activity, the manager."""

    avser: Literal["ny", "andring"] = "ny"
    """A new licence, or a change of one (föreståndare, premises, places or target group)."""
    andringar: list[str] = Field(default_factory=list)
    inkom: date | None = None
    """The day the application was received."""
    sokande: Sokande = Field(default_factory=Sokande)
    personkrets: list[Kretsperson] = Field(default_factory=list)
    verksamhet: Verksamhet = Field(default_factory=Verksamhet)
    forestandare: Forestandare | None = None
    personal: list[Personalgrupp] = Field(default_factory=list)
    underskrift: Underskrift | None = None


def schema_text() -> str:
    """JSON Schema of the application file (draft-07 compatible, as the rule format's)."""
    schema = Ansokningsdokument.model_json_schema()
    schema["title"] = "Regelkoll ansökan om tillstånd"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
