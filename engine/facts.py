"""The fact model: typed, validated records that adapters produce and rules read.

Field names are Swedish (they are what rule authors write); every kind has an
`id` unique within its kind. Dates are real dates here and become integers
only inside the compiled engine (engine/prepare.py).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Field(min_length=1, max_length=200, pattern=r"^[\w.:\-]+$")

VERKSAMHETSTYPER = (
    "hvb",  # hem för vård eller boende
    "stodboende",
    "skyddat_boende",
    "sis_hem",
    "familjehem",
    "lss_bostad_barn",  # 9 § 8 LSS
    "lss_bostad_vuxna",  # 9 § 9 LSS
    "lss_korttidsvistelse",  # 9 § 6 LSS
    "lss_korttidstillsyn",  # 9 § 7 LSS
    "lss_daglig_verksamhet",  # 9 § 10 LSS
    "lss_personlig_assistans",  # 9 § 2 LSS
    "hemtjanst",
    "sarskilt_boende",
    "estetisk_klinik",
)
Verksamhetstyp = Literal[VERKSAMHETSTYPER]  # type: ignore[valid-type]
Engagemangsform = Literal["anstallning", "uppdrag", "praktik", "volontar"]
Register = Literal["belastningsregistret", "misstankeregistret"]
Utdragslag = Literal["2007:171", "2010:479", "2013:852"]


class Fact(BaseModel):
    """Base of every fact kind."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: ClassVar[str]
    # Reference fields: field name -> kind it points to.
    references: ClassVar[dict[str, str]] = {}
    # Optional date fields where "not given" means "still ongoing / still kept".
    open_ended: ClassVar[frozenset[str]] = frozenset()
    # The field that links a fact to the facility it belongs to, if any.
    facility_field: ClassVar[str | None] = None

    id: str = Id


class Kontext(BaseModel):
    """The evaluation context: the date the data is judged at."""

    model_config = ConfigDict(extra="forbid")
    kind: ClassVar[str] = "kontext"

    per_datum: date


class Organisation(Fact):
    """A legal person running one or more facilities (huvudman)."""

    kind: ClassVar[str] = "organisation"
    namn: str
    organisationsnummer: str | None = Field(default=None, pattern=r"^\d{6}-\d{4}$")
    regi: Literal["enskild", "offentlig"]


class Verksamhet(Fact):
    """A facility or activity under supervision (boende, klinik, hemtjänst …)."""

    kind: ClassVar[str] = "verksamhet"
    references: ClassVar[dict[str, str]] = {"organisation": "organisation"}
    facility_field: ClassVar[str | None] = "id"

    namn: str
    organisation: str = Id
    typ: Verksamhetstyp  # type: ignore[valid-type]
    tar_emot_barn: bool | None = None
    kommun: str | None = None


class Tillstand(Fact):
    """A licence (tillstånd) from IVO for a facility."""

    kind: ClassVar[str] = "tillstand"
    references: ClassVar[dict[str, str]] = {"organisation": "organisation", "verksamhet": "verksamhet"}
    facility_field: ClassVar[str | None] = "verksamhet"

    organisation: str = Id
    verksamhet: str = Id
    beslutsdatum: date
    verksamhetstyp: Verksamhetstyp  # type: ignore[valid-type]


class Person(Fact):
    """A natural person: staff, representative or patient."""

    kind: ClassVar[str] = "person"
    namn: str
    personnummer: str | None = Field(default=None, pattern=r"^\d{12}$")


class Engagemang(Fact):
    """Someone working at a facility: employment, assignment, placement or volunteer work."""

    kind: ClassVar[str] = "engagemang"
    references: ClassVar[dict[str, str]] = {
        "person": "person", "verksamhet": "verksamhet", "organisation": "organisation"}
    open_ended: ClassVar[frozenset[str]] = frozenset({"slut"})
    facility_field: ClassVar[str | None] = "verksamhet"

    person: str = Id
    verksamhet: str = Id
    organisation: str | None = Field(default=None, min_length=1)
    """The employer; left out, the facility's organisation (an agency worker's employer is the agency)."""
    huvudman: str | None = Field(default=None, min_length=1)
    """The organisation running the facility: derived from the facility, never given in a bundle."""
    verksamhetstyp: Verksamhetstyp | None = None  # type: ignore[valid-type]
    """The facility's kind: derived from the facility, never given in a bundle."""
    form: Engagemangsform
    start: date
    slut: date | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> "Engagemang":
        if self.slut is not None and self.slut < self.start:
            raise ValueError("slut ligger före start")
        return self


class Registerutdrag(Fact):
    """An extract from the police registers shown to (or obtained by) an organisation."""

    kind: ClassVar[str] = "registerutdrag"
    references: ClassVar[dict[str, str]] = {"person": "person", "organisation": "organisation"}
    open_ended: ClassVar[frozenset[str]] = frozenset({"bevarat_till"})

    person: str = Id
    organisation: str = Id
    lag: Utdragslag  # type: ignore[valid-type]
    omfattar: list[Register] = Field(min_length=1)  # type: ignore[valid-type]
    utfardat: date
    uppvisat: date | None = None
    bevarat_till: date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Registerutdrag":
        if self.uppvisat is not None and self.uppvisat < self.utfardat:
            raise ValueError("uppvisat ligger före utfardat")
        if len(set(self.omfattar)) != len(self.omfattar):
            raise ValueError("samma register står två gånger")
        return self


FACT_KINDS: dict[str, type[Fact]] = {
    cls.kind: cls for cls in (Organisation, Verksamhet, Tillstand, Person, Engagemang, Registerutdrag)
}


def _field_type(annotation: object) -> str:
    from types import NoneType, UnionType
    from typing import Union, get_args, get_origin

    if get_origin(annotation) in (Union, UnionType):
        (annotation,) = [a for a in get_args(annotation) if a is not NoneType]
    if annotation is date:
        return "date"
    if get_origin(annotation) is list:
        return "list"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    return "text"


@lru_cache(maxsize=None)
def field_types(kind: str) -> dict[str, str]:
    """Field name -> date | list | bool | int | text, for rule validation and compilation."""
    model = Kontext if kind == "kontext" else FACT_KINDS[kind]
    return {name: _field_type(info.annotation) for name, info in model.model_fields.items()}


@lru_cache(maxsize=None)
def list_values(kind: str, field: str) -> tuple[str, ...]:
    """The allowed values of a list-of-enum field (flattened to booleans for the engine)."""
    from typing import get_args

    model = FACT_KINDS[kind]
    (item,) = get_args(model.model_fields[field].annotation)
    return tuple(get_args(item))


ALL_KINDS = (*FACT_KINDS, "kontext")
