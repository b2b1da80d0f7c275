"""The rule format: what legal staff write, as pydantic models.

Keys are Swedish legal and plain words without diacritics (lagrum, stycke,
punkt, giltig_fran) so that they are easy to type and stable in every editor;
titles and messages are free Swedish and English text.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, Optional, Union

from pydantic import ConfigDict, Field, StrictBool, StrictInt, StrictStr, create_model, field_validator, model_validator

from regelkoll.lang.operators import OPERATORS as TABLE_OPERATORS
from regelkoll.legaltime import Period
from regelkoll.strict import StrictModel

Severity = Literal["allvarlig", "betydande", "mindre"]
SEVERITY_RANK = {"allvarlig": 0, "betydande": 1, "mindre": 2}
Outcome = Literal["overtradelse", "uppfyllt", "ej_tillamplig", "obestamt"]

# built when first used: a run whose rule book comes from the cache never validates a rule file
_STRICT = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True, defer_build=True)


class Text(StrictModel):
    """A text in Swedish and English."""

    model_config = _STRICT
    sv: str = Field(min_length=1)
    """Swedish: what an inspector reads."""
    en: str = Field(min_length=1)
    """English."""


class Lagrum(StrictModel):
    """One exact provision: act, chapter, section, paragraph (stycke), point."""

    model_config = _STRICT
    forfattning: str = Field(pattern=r"^(\d{4}:\d+|[A-ZÅÄÖ]+(-[A-ZÅÄÖ]+)* \d{4}:\d+)$",
                             examples=["2007:171", "HSLF-FS 2016:55"])
    """SFS number (quoted, e.g. "2007:171") or a regulation such as "HSLF-FS 2016:55"."""
    kapitel: str | None = Field(default=None, pattern=r"^\d+( [a-z])?$")
    """Chapter, e.g. "26"; leave out for acts without chapters (LSS, 2007:171)."""
    paragraf: str = Field(pattern=r"^\d+( [a-z])?$")
    """Section, e.g. "1" or "6 f"."""
    stycke: int | None = Field(default=None, ge=1)
    """Paragraph (stycke) within the section, counted from 1; left out for the whole section."""
    punkt: int | None = Field(default=None, ge=1)
    """Point (punkt) within the paragraph, counted from 1."""
    lydelse: str | None = Field(default=None, pattern=r"^\d{4}:\d+$")
    """The amending act whose wording applies, e.g. "2024:87"."""
    url: str = Field(pattern=r"^https://")
    """Link to the official text."""
    overifierad: bool = False
    """True where the provision's text could not be read in primary law (the catalogue marks it unverified)."""


class FieldRef(StrictModel):
    """Another fact's field: `{falt: e.start}`, optionally shifted: `{falt: e.start, plus: {ar: 2}}`."""

    model_config = _STRICT
    falt: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
    """`alias.falt`: a field of an earlier pattern, or of the same pattern's own fact."""
    plus: Union[Period, "ParamRef", None] = None
    """Shift that field by a period (`{manader: 6}`) or a period parameter before comparing (dates only)."""


class ParamRef(StrictModel):
    """A value taken from the rule version's `parametrar`."""

    model_config = _STRICT
    parameter: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Name of a parameter every version gives under `parametrar`."""


Scalar = Union[StrictBool, StrictInt, StrictStr]
Operand = Union[FieldRef, ParamRef, Scalar]

OPERATORS = tuple(TABLE_OPERATORS)
# what a rule may write after each shape of operator (lang/operators.py)
_OPERAND = {"compare": Operand, "member": Union[list[Scalar], ParamRef], "contains": StrictStr}


class _TestBase(StrictModel):
    """One comparison on a field of the pattern's fact. Exactly one operator."""

    model_config = _STRICT
    falt: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The field of the pattern's fact kind that is compared."""
    plus: Period | ParamRef | None = None
    """Shift the field by a period before comparing (dates only)."""

    @model_validator(mode="after")
    def _one_operator(self) -> "Test":
        given = [op for op in OPERATORS if getattr(self, op) is not None]
        if len(given) != 1:
            raise ValueError(f"ange exakt en jämförelse av {', '.join(OPERATORS)} (fick {len(given)})")
        return self

    @property
    def operator(self) -> str:
        return next(op for op in OPERATORS if getattr(self, op) is not None)

    @property
    def operand(self) -> Any:
        return getattr(self, self.operator)


# one optional key per operator, in the table's order, so that a new operator is one row in the table
Test = create_model("Test", __base__=_TestBase, __doc__=_TestBase.__doc__, **{
    op.name: (Optional[_OPERAND[op.shape]], Field(None, description=op.doc)) for op in TABLE_OPERATORS.values()})


class Pattern(StrictModel):
    """One fact the rule looks for (or, with `saknas: true`, whose absence it looks for)."""

    model_config = _STRICT
    som: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Alias other patterns and the message use to refer to this fact."""
    typ: str
    """Fact kind, e.g. engagemang."""
    beskrivning: str | None = None
    """Plain Swedish: what this pattern means (shown as evidence when the fact is missing)."""
    dar: list[Test] = Field(default_factory=list)
    """All of these must hold."""
    nagon_av: list[Test] = Field(default_factory=list)
    """At least one of these must hold."""
    saknas: bool = False
    """The rule matches when no such fact exists."""


class Exemption(StrictModel):
    """A statutory exemption: when its pattern matches, the duty does not arise."""

    model_config = _STRICT
    beskrivning: Text
    """What the exemption is, as the report states it when it applies."""
    monster: Pattern
    """The fact whose presence exempts the subject (may refer to the aliases of `tillamplig_nar`)."""
    lagrum: list[Lagrum] = Field(default_factory=list)
    """The exemption's own provision, the same in every version; left out, the version's `undantag_lagrum`."""


class Indeterminacy(StrictModel):
    """When a violation cannot be proved from the data (e.g. the records may lawfully be gone)."""

    model_config = _STRICT
    beskrivning: Text
    """Why a violation cannot be proved, as the report states it."""
    begaran: Text | None = None
    """What the inspector asks for, or asks about, on the visit that would settle it (the brief's request);
    left out, the brief shows `beskrivning`."""
    avser: str | None = None
    """Alias in `tillamplig_nar` whose fact `dar` tests; left out, the subject."""
    dar: list[Test] = Field(default_factory=list)
    """Tests on that fact; may refer to the aliases of `tillamplig_nar`."""
    monster: list[Pattern] = Field(default_factory=list)
    """Other facts whose presence (or, with `saknas`, absence) makes a violation unprovable."""

    @model_validator(mode="after")
    def _something(self) -> "Indeterminacy":
        if not self.dar and not self.monster:
            raise ValueError("ange dar, monster eller båda")
        return self


class SubjectCondition(StrictModel):
    """A condition on the subject's own fact (e.g. the decision was not carried out in time)."""

    model_config = _STRICT
    beskrivning: str = Field(min_length=1)
    """Plain Swedish: what the condition means (shown in the catalogue)."""
    dar: list[Test] = Field(default_factory=list)
    """Tests on the subject's fact that must all hold; may refer to the aliases of `tillamplig_nar`."""
    nagon_av: list[Test] = Field(default_factory=list)
    """Tests on the subject's fact of which at least one must hold (the subject's pattern may have none)."""

    @model_validator(mode="after")
    def _something(self) -> "SubjectCondition":
        if not self.dar and not self.nagon_av:
            raise ValueError("ange dar, nagon_av eller båda")
        return self


class Version(StrictModel):
    """The rule as it reads in one validity window, chosen by the decisive date."""

    model_config = _STRICT
    giltig_fran: date
    """The first day this wording applies (ÅÅÅÅ-MM-DD)."""
    giltig_till: date | None = None
    """The last day it applies; left out while it is in force."""
    lagrum: list[Lagrum] = Field(min_length=1)
    """The provisions that state the duty in this wording."""
    undantag_lagrum: list[Lagrum] = Field(default_factory=list)
    """The provisions of the exemptions that have no `lagrum` of their own."""
    parametrar: dict[str, Period | list[Scalar] | Scalar] = Field(default_factory=dict)
    """Values the tests use as `{parameter: namn}` and the message as `${parameter.namn}`: a period, a value
    or a list; every version gives the same names."""
    anteckning: str | None = None
    """A note on this version (what changed, and why), shown in the rule catalogue; the engine ignores it."""
    lucka_fore: str | None = Field(default=None, min_length=1)
    """Why the rule does not apply between the previous version's giltig_till and this giltig_fran.

    Without it, a version must start the day after the previous one ends: an undeclared gap is
    almost always a typo that silently stops the rule judging the days in between."""

    @model_validator(mode="after")
    def _window(self) -> "Version":
        if self.giltig_till is not None and self.giltig_till < self.giltig_fran:
            raise ValueError("giltig_till ligger före giltig_fran")
        return self

    def covers(self, day: date) -> bool:
        return self.giltig_fran <= day and (self.giltig_till is None or day <= self.giltig_till)


class Example(StrictModel):
    """An inline example: a small fact bundle and the expected outcome. Runs as a test."""

    model_config = _STRICT
    namn: str
    """What the example shows, in Swedish; `rules test` names it."""
    per_datum: date
    """The day of the check."""
    fakta: dict[str, list[dict[str, Any]]]
    """The facts, by fact kind, as in a data set."""
    forvantat: Outcome
    """The outcome for the subject: overtradelse (for an indicator: bör utredas), uppfyllt, ej_tillamplig or
    obestamt."""
    subjekt: str | None = None
    """Id of the subject the outcome is about; may be left out if there is only one."""
    version_fran: date | None = None
    """The `giltig_fran` of the version the outcome must be judged under: pins a switch date, so that
    an example on the day a new wording starts fails if the switch moves by a day."""


class Rule(StrictModel):
    """One statutory requirement (krav) or indicator (indikator)."""

    model_config = _STRICT
    id: str = Field(pattern=r"^[A-Z]{2,}(-[A-Z0-9]+)+$")
    """Unique across all packs, e.g. RK-HVB-04: capitals and digits in parts joined by hyphens."""
    titel: Text
    """What is wrong when the rule is broken, as a heading."""
    allvarlighet: Severity
    """How serious a breach is: allvarlig, betydande or mindre."""
    slag: Literal["krav", "indikator"] = "krav"
    """`krav`: a statutory duty (a match is a violation); `indikator`: something the law leaves to an assessment
    (a match is reported as bör utredas)."""
    avser: str
    """Alias of the pattern in `tillamplig_nar` whose fact the finding is about."""
    avgorande_datum: str
    """Field of the subject whose date decides which version applies, or `per_datum` (the day of the check)."""
    avgorande_plus: Period | None = None
    """Shift the decisive date, e.g. `{manader: 3}` when the duty arises three months after a decision."""
    tillamplig_nar: list[Pattern] = Field(min_length=1)
    """The facts that must exist for the rule to apply; the first is where matching starts."""
    overtradelse_nar: list[Pattern] = Field(default_factory=list)
    """Facts that must exist (or, with `saknas`, be absent) for a violation."""
    overtradelse_dar: SubjectCondition | None = None
    """Tests on the subject itself that must also hold for a violation."""
    undantag: list[Exemption] = Field(default_factory=list)
    """Statutory exemptions (one, or a list): when one matches, the duty does not arise."""
    bedoms_inte_nar: list[Indeterminacy] = Field(default_factory=list)
    """If one of these holds for the subject, a would-be violation is reported as `obestamt` with its description."""
    versioner: list[Version] = Field(min_length=1)
    """The rule's wordings over time, in date order, each with its provisions and parameters."""
    meddelande: Text
    """The finding's text: `${alias.falt}`, `${subjekt}`, `${lagrum}` and `${parameter.namn}` are filled in."""
    anteckningar: str | None = None
    """Notes for rule authors and reviewers (how the law was read), shown in the rule catalogue."""
    exempel: list[Example] = Field(min_length=2)
    """Small fact bundles with the expected outcome, run by `rules test`: at least one violation and one not."""

    @property
    def side_patterns(self) -> list[Pattern]:
        """The patterns of the exemptions and of the reasons a violation cannot be proved."""
        return [*(x.monster for x in self.undantag), *(p for doubt in self.bedoms_inte_nar for p in doubt.monster)]

    @field_validator("undantag", "bedoms_inte_nar", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _violation_given(self) -> "Rule":
        if not self.overtradelse_nar and self.overtradelse_dar is None:
            raise ValueError("ange overtradelse_nar, overtradelse_dar eller båda")
        return self


class PackInfo(StrictModel):
    model_config = _STRICT
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The pack's id, unique across the rule packs (lower case and _)."""
    titel: Text
    """The pack's title in the catalogue."""
    beskrivning: str | None = None
    """What the pack covers, in plain Swedish (the catalogue shows it)."""


class Forfattning(StrictModel):
    """An act or regulation as it is cited in running Swedish text."""

    model_config = _STRICT
    namn: str = Field(min_length=3, examples=["lagen (2007:171) om registerkontroll av personal vid vissa "
                                               "boenden som tar emot barn"])
    """The act's title as it is cited in running text, shown once per report in its list of acts."""
    forkortning: str | None = Field(default=None, pattern=r"^[A-ZÅÄÖ][A-Za-zÅÄÖåäö-]{1,11}$", examples=["PSL", "SoL"])
    """The act's established abbreviation, used in the short citations of findings ("4 kap. 5 § PSL"); leave
    out where none is established: the short citation is then the title up to the SFS number ("lagen (2007:171)")."""


class RuleFile(StrictModel):
    """A rule pack file: `regelpaket`, the acts it cites, and its `regler`."""

    model_config = _STRICT
    regelpaket: PackInfo
    """The pack: its id, title and description."""
    gemensamt: dict[str, Any] = Field(default_factory=dict)
    """Free space for YAML anchors (&namn) that examples reuse with *namn; the engine ignores it."""
    forfattningar: dict[str, Forfattning] = Field(default_factory=dict)
    """Every act the pack cites, by SFS number (quoted, "2007:171") or regulation ("HSLF-FS 2016:55")."""
    regler: list[Rule] = Field(min_length=1)
    """The rules."""


FieldRef.model_rebuild()



def role_name(base: str, index: int) -> str:
    """The match role of the index-th exemption (`undantag`, `undantag_1` …) or indeterminacy (`obestamt` …)."""
    return base if index == 0 else f"{base}_{index}"


def role_index(role: str, base: str) -> int | None:
    if role == base:
        return 0
    head, _, tail = role.rpartition("_")
    return int(tail) if head == base and tail.isdigit() else None


def decisive_date(rule: Rule, subject: Any, per_datum: date) -> date | None:
    """The date that chooses the rule's version for one subject."""
    from regelkoll.legaltime import add_period

    day = per_datum if rule.avgorande_datum == "per_datum" else getattr(subject, rule.avgorande_datum)
    if day is None or rule.avgorande_plus is None:
        return day
    return add_period(day, rule.avgorande_plus)
