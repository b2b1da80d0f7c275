"""The API's data sets: list and upload them, check one (the CLI's report, streamed), brief one facility, screen
an application. Each answer is the document the command line writes, byte for byte where the CLI's is the same
data set by the same path (`--data fixtures` serves `fixtures/demo` as `regelkoll check fixtures/demo` reads it).
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response, StreamingResponse

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.output import buffered
from regelkoll.web.access import api_client
from regelkoll.web.api_models import (
    MEDIA,
    BriefDocument,
    CheckDocument,
    CheckOptions,
    Datasets,
    ScreeningDocument,
    Uploaded,
)
from regelkoll.web.errors import WHERE
from regelkoll.web.uploads import receive_application, receive_dataset

router = APIRouter()

# the command line's option names as the API's fields, for the errors the shared parsers report
FIELDS = {"--rule": "regler", "--skip-rule": "hoppa_over", "--min-severity": "min_allvarlighet",
          "--outcome": "utfall", "--facility": "verksamheter", "--inspektor": "inspektor"}

REPORT = {200: {"description": "rapporten som `regelkoll check --format json` (eller jsonl) skriver den",
                "model": CheckDocument, "content": {MEDIA["jsonl"]: {"schema": {"type": "string"}}}}}


def in_request(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The CLI's errors about its options, placed in the request: `begäran`, at the API's field name."""
    return [Diagnostic(WHERE if d.file == "kommandoraden" else d.file, d.line, d.column, d.code, d.message,
                       FIELDS.get(d.field, d.field), d.hint) for d in diagnostics]


def selection_of(options: CheckOptions):
    """The options' Selection, parsed as the CLI parses them (RK-E021, RK-E022 at the API's field names)."""
    from regelkoll.triage.selection import Selection, Show, parse_outcomes, parse_severity

    problems, parsed = [], {}
    for name, parse in (("severity", lambda: parse_severity(options.min_allvarlighet)),
                        ("outcomes", lambda: parse_outcomes(options.utfall, "utfall"))):
        try:
            parsed[name] = parse()
        except DiagnosticError as exc:
            problems += exc.diagnostics
    if problems:
        raise DiagnosticError(in_request(problems))
    return Selection(tuple(options.regler or ()), tuple(options.hoppa_over or ()),
                     Show(parsed["severity"], parsed["outcomes"]))


def check_response(request: Request, name: str, options: CheckOptions, action: str) -> StreamingResponse:
    """The check streamed as the units finish; the run is recorded once the last byte is written (a client
    that goes away leaves no record of a run it did not receive)."""
    from regelkoll.codes import is_notice

    service = request.app.state.service
    who = api_client(request)
    try:
        report, plan, data = service.check(name, who, fmt=options.format, facilities=options.verksamheter or None,
                                           selection=selection_of(options),
                                           show_personal_data=options.visa_personnummer, reason=options.andamal,
                                           action=action)
    except DiagnosticError as exc:
        raise DiagnosticError(in_request(exc.diagnostics)) from None

    def body():
        # a row is a few hundred bytes: each chunk is a trip through the event loop, so they go out by the megabyte
        yield from buffered(report)
        errors = len(report.facility_errors) + sum(1 for d in report.input_errors if not is_notice(d.code))
        service.record("kontroll", name, who, plan, data, report.counts, errors)

    return StreamingResponse(body(), media_type=MEDIA[options.format])


@router.get("/datamangder", summary="Datamängderna på servern", response_model=Datasets,
            description="Namnen på datamängderna som kan kontrolleras: varje katalog och YAML/JSON-fil direkt "
                        "under serverns --data, sedan de uppladdade. En datamängd väljs alltid med sitt namn, "
                        "aldrig med en sökväg.")
def datasets(request: Request) -> Datasets:
    return Datasets(datamangder=request.app.state.service.datasets())


@router.post("/datamangder", summary="Ladda upp en datamängd", status_code=201, response_model=Uploaded,
             description="En datamängd som zip- eller tar-arkiv (.tar, .tar.gz, .tar.bz2, .tar.xz) med "
                         "YAML/JSON-filer, eller en enda YAML/JSON-fil, i fältet `fil`. Arkivet packas upp under "
                         "serverns uppladdningskatalog och ingen annanstans; en fil som inte får packas upp "
                         "(länk, enhet, dold fil, sökväg utanför arkivet) avvisar hela uppladdningen. Samma fil "
                         "två gånger blir samma datamängd.")
async def upload(request: Request, fil: UploadFile = File(..., description="arkivet eller filen")) -> Uploaded:
    settings = request.app.state.settings
    received = await run_in_threadpool(receive_dataset, settings, fil.filename or "", fil.file)
    return Uploaded(namn=received.name)


@router.post("/datamangder/{namn}/kontroll", summary="Kontrollera en datamängd (som regelkoll check)",
             response_class=StreamingResponse, responses=REPORT,
             description="Rapporten som `regelkoll check DATAMÄNGD --format json|jsonl` skriver den, strömmad "
                         "medan verksamheterna bedöms; de lagrade ställningstagandena om datamängdens fynd är "
                         "tillämpade. Alternativen heter som kommandoradens och ger samma fel (RK-E003, "
                         "RK-E020–RK-E024). Varje kontroll loggas i åtkomstloggen innan något visas.")
def check(namn: str, request: Request, options: CheckOptions | None = None):
    return check_response(request, namn, options or CheckOptions(), "api-kontroll")


ONE_SHOT_FIELDS = frozenset({"fil", *CheckOptions.model_fields})


@router.post("/kontroll", summary="Ladda upp och kontrollera en datamängd i ett anrop",
             response_class=StreamingResponse, responses=REPORT,
             description="Som POST /datamangder följt av POST /datamangder/{namn}/kontroll: arkivet i fältet "
                         "`fil`, kontrollens alternativ som formulärfält (listor som upprepade fält).")
async def upload_and_check(
    request: Request,
    fil: UploadFile = File(..., description="arkivet eller filen"),
    format: Literal["json", "jsonl"] = Form("json"),
    verksamheter: list[str] | None = Form(None),
    regler: list[str] | None = Form(None),
    hoppa_over: list[str] | None = Form(None),
    min_allvarlighet: str | None = Form(None),
    utfall: list[str] | None = Form(None),
    visa_personnummer: bool = Form(False),
    andamal: str | None = Form(None),
):
    unknown = sorted(set((await request.form()).keys()) - ONE_SHOT_FIELDS)
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ("body", key), "msg": "okänt fält",
                                       "input": None} for key in unknown])
    options = CheckOptions(format=format, verksamheter=verksamheter, regler=regler, hoppa_over=hoppa_over,
                           min_allvarlighet=min_allvarlighet, utfall=utfall, visa_personnummer=visa_personnummer,
                           andamal=andamal)
    received = await run_in_threadpool(receive_dataset, request.app.state.settings, fil.filename or "", fil.file)
    return await run_in_threadpool(check_response, request, received.name, options, "api-kontroll")


@router.get("/datamangder/{namn}/verksamheter/{id}/besok", summary="Underlag inför besök (som regelkoll besok)",
            response_class=Response, responses={200: {"model": BriefDocument, "description": "underlaget som "
                                                      "`regelkoll besok --format json` skriver det"}},
            description="Underlaget inför besök på en verksamhet: brister, att utreda, att begära in och, med "
                        "`inspektor`, jäv. Samma dokument som `regelkoll besok DATAMÄNGD --facility ID --format "
                        "json`. Loggas i åtkomstloggen.")
def brief(namn: str, id: str, request: Request, inspektor: str | None = None, visa_personnummer: bool = False,
          andamal: str | None = None) -> Response:
    from regelkoll.report.document import to_pretty_json_bytes

    service = request.app.state.service
    who = api_client(request)
    try:
        doc = service.brief(namn, id, who, inspector=inspektor, show_personal_data=visa_personnummer,
                            reason=andamal)
    except DiagnosticError as exc:
        raise DiagnosticError([Diagnostic(d.file, d.line, d.column, d.code, d.message,
                                          "id" if d.field == "--facility" else FIELDS.get(d.field, d.field), d.hint)
                               for d in exc.diagnostics]) from None
    return Response(to_pretty_json_bytes(doc), media_type=MEDIA["json"])


@router.post("/ansokan", summary="Granska en ansökan om tillstånd (som regelkoll ansokan)",
             response_class=Response, responses={200: {"model": ScreeningDocument, "description": "granskningen "
                                                        "som `regelkoll ansokan --format json` skriver den"}},
             description="Ansökningsfilen (YAML eller JSON) i fältet `fil`, och som underlag valfritt en "
                         "datamängd på servern (`datamangd`). Samma dokument som `regelkoll ansokan FIL [--data "
                         "DATAMÄNGD] --format json`, där `ansokan.fil` är den uppladdade filens namn.")
async def screen(request: Request, fil: UploadFile = File(..., description="ansökningsfilen"),
                 datamangd: str | None = Form(None, description="underlaget: en datamängd på servern"),
                 visa_personnummer: bool = Form(False), andamal: str | None = Form(None)) -> Response:
    settings, service = request.app.state.settings, request.app.state.service
    received = await run_in_threadpool(receive_application, settings, fil.filename or "", fil.file)
    doc = await run_in_threadpool(service.screen, received, datamangd, api_client(request),
                                  show_personal_data=visa_personnummer, reason=andamal)
    from regelkoll.report.document import to_pretty_json_bytes

    return Response(to_pretty_json_bytes(doc), media_type=MEDIA["json"])
