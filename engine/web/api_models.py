"""What the API takes and answers, as pydantic models: the OpenAPI schema at /api/v1/openapi.json is made from them.

The documents of a check, a brief and a screening are the command line's and are described here by their top
level only: their fields are those of `regelkoll check|besok|ansokan --format json` (README).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MEDIA = {"json": "application/json", "jsonl": "application/x-ndjson"}


class CheckOptions(BaseModel):
    """A check's options, named as the command line's (`check --facility --rule --skip-rule …`)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt option must not widen the check silently

    format: Literal["json", "jsonl"] = Field("json", description="json: rapporten som ett dokument (som "
                                             "`check --format json`); jsonl: en rad per fynd")
    verksamheter: list[str] | None = Field(None, description="bara dessa verksamheter (och deras huvudmän), "
                                           "bedömda mot hela datamängden (`--facility`)")
    regler: list[str] | None = Field(None, description="bara dessa regler: id eller mönster som LE-* (`--rule`)")
    hoppa_over: list[str] | None = Field(None, description="hoppa över dessa regler: id eller mönster "
                                         "(`--skip-rule`)")
    min_allvarlighet: str | None = Field(None, description="visa bara fynd av regler med minst denna "
                                         "allvarlighet: allvarlig, betydande, mindre (`--min-severity`)")
    utfall: list[str] | None = Field(None, description="visa bara dessa utfall: overtradelse, utreda, obedomd, "
                                     "uppfyllt, ej_tillamplig (`--outcome`)")
    visa_personnummer: bool = Field(False, description="visa personnummer omaskerade (kräver andamal; loggas)")
    andamal: str | None = Field(None, description="ändamålet med att visa personnummer omaskerade, t.ex. "
                                "ärendets diarienummer (loggas)")


class Document(BaseModel):
    """A report document as the command line writes it with `--format json`."""

    model_config = ConfigDict(extra="allow")

    run: dict[str, Any] = Field(description="körningen: verktyg, regler, data, bedömningsdag, antal")
    errors: list[dict[str, Any]] = Field(description="det som inte kunde läsas eller bedömas")
    notices: list[dict[str, Any]] = Field(description="upplysningar om hur data lästes")


class CheckDocument(Document):
    """The report of `regelkoll check --format json` (with format jsonl: one such object a line, typed)."""

    findings: list[dict[str, Any]] = Field(description="fynden, per verksamhet och regel")


class BriefDocument(Document):
    """The brief of `regelkoll besok --format json`."""

    facility: dict[str, Any]
    summary: dict[str, Any]
    violations: list[dict[str, Any]]
    indications: list[dict[str, Any]]
    requests: list[dict[str, Any]]
    conflict: dict[str, Any] | None = None


class ScreeningDocument(Document):
    """The screening of `regelkoll ansokan --format json`; `ansokan.fil` is the uploaded file's name."""

    ansokan: dict[str, Any]
    findings: list[dict[str, Any]]


class Datasets(BaseModel):
    datamangder: list[str] = Field(description="namnen som API:t tar: datamängderna under --data, sedan de "
                                   "uppladdade")


class Uploaded(BaseModel):
    namn: str = Field(description="datamängdens namn, för /api/v1/datamangder/{namn}/…", examples=[
        "uppladdad-3f1c0d2e9a7b6c54"])


class RuleSummary(BaseModel):
    id: str
    title: str = Field(description="titeln på svenska")
    severity: str = Field(description="allvarlig, betydande eller mindre")
    act: str = Field(description="författningen regeln främst bygger på, i kort form (t.ex. PSL)")
    versions: list[str] = Field(description="versionernas första giltighetsdag, ÅÅÅÅ-MM-DD")


class Rules(BaseModel):
    regler: list[RuleSummary]


class Citation(BaseModel):
    """A provision (engine/report/citation.py): cited in full, in short form, and linked to its section."""

    act: str
    chapter: str | None
    section: str
    paragraph: int | None
    point: int | None
    wording: str | None
    unverified: bool
    citation: str = Field(description="t.ex. '1 § fjärde stycket lagen (2007:171) om registerkontroll …'")
    short: str = Field(description="t.ex. '4 kap. 5 § PSL'")
    url: str
    section_url: str


class RuleVersion(BaseModel):
    valid_from: str
    valid_to: str | None
    legal_basis: list[Citation]
    exemption_legal_basis: list[Citation]
    parameters: dict[str, Any]
    note: str | None
    gap_before: str | None


class Text(BaseModel):
    sv: str
    en: str | None = None


class RuleExample(BaseModel):
    name: str
    as_of: str
    expected: str
    subject: str | None
    version_from: str | None
    facts: dict[str, list[dict[str, Any]]]


class RuleDetail(BaseModel):
    """A rule's whole definition: `definition` as written in its rule file, the rest read for people."""

    id: str
    title: Text
    severity: str
    kind: str = Field(description="krav eller indikator")
    about: str = Field(description="vad regeln bedömer (avser)")
    pack: str
    file: str = Field(description="regelfilen, relativt regelkatalogen")
    message: Text
    notes: str | None
    versions: list[RuleVersion]
    exemptions: list[dict[str, Any]]
    undetermined_when: list[dict[str, Any]]
    examples: list[RuleExample]
    definition: dict[str, Any]


class DecisionIn(BaseModel):
    """A decision about a finding, as in a decisions file (README, Ställningstaganden)."""

    model_config = ConfigDict(extra="allow")  # validated by the store (RK-D003, RK-D004), as the file is

    # every field optional here, so that a missing one is the store's RK-D003, as in a decisions file
    nyckel: str | None = Field(None, description="fyndets nyckel: REGEL/VERKSAMHET/SUBJEKTSLAG/SUBJEKT-ID "
                               "(rapportens 'key')", examples=["PS-01/klinik-glans/person/p-001"])
    slag: str | None = Field(None, description="godtagen_risk, atgardad eller felaktiga_uppgifter")
    motivering: str | None = None
    beslutad_av: str | None = None
    beslutad: str | None = Field(None, description="ÅÅÅÅ-MM-DD")
    giltig_till: str | None = Field(None, description="ÅÅÅÅ-MM-DD")


class DecisionOut(BaseModel):
    id: int
    nyckel: str
    slag: str
    motivering: str
    beslutad_av: str
    beslutad: str
    giltig_till: str
    registrerad: str
    registrerad_av: str


class Decisions(BaseModel):
    stallningstaganden: list[DecisionOut]


class AccessRow(BaseModel):
    id: int
    at: datetime = Field(description="när (UTC)")
    who: str = Field(description="användaren eller API-klienten")
    client: str = Field(description="klientens adress")
    action: str
    dataset: str
    facility: str | None
    unmasked: bool = Field(description="om personnummer visades omaskerade")
    reason: str | None = Field(description="det angivna ändamålet")


class AccessLog(BaseModel):
    atkomstlogg: list[AccessRow]
