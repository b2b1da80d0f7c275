"""Errors as the API answers them: the command line's codes and positions as JSON, never a stack trace.

Every answer under `/api/` that is an error has the body `{"errors": [...]}` (`ErrorBody`), whoever refused the
request: the engine (its RK codes), FastAPI's validation of the request (RK-W060), the router (RK-W061 unknown
address, RK-W062 wrong method), the body-size limit (RK-W040, limits.py) or the token check (auth.py).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from regelkoll.diagnostics import Diagnostic

LOG = logging.getLogger("regelkoll.web")

# whose fault, by code: what names nothing that exists is 404, a refused request 4xx, the rest of the codes
# (bad data, bad options) 422
NOT_FOUND = {"RK-W010", "RK-E003", "RK-E004", "RK-W052", "RK-W053", "RK-W061"}
WHERE = "begäran"  # the `file` of an error in the request itself, as the CLI's is `kommandoraden`


class Error(BaseModel):
    """One problem, as the command line prints it: `file:line:column: code: field: message (hint)`."""

    code: str = Field(description="felkoden, t.ex. RK-E003 (se README, Felkoder)", examples=["RK-W010"])
    file: str = Field(description="var felet finns: en fil i datamängden, eller 'begäran'")
    line: int = Field(description="raden (1-baserad; 0 okänd)")
    column: int = Field(description="kolumnen (1-baserad; 0 okänd)")
    field: str = Field(description="fältet: i en fil, eller sökvägen till värdet i begäran")
    message: str = Field(description="vad som är fel, på svenska")
    hint: str = Field(description="hur det rättas, eller närmaste giltiga värden; tom när inget finns")


class ErrorBody(BaseModel):
    """Every error answer of the API: the problems found, never a stack trace."""

    errors: list[Error]


def diagnostic_json(d: Diagnostic, *, personal_data: bool = False) -> dict[str, Any]:
    from regelkoll.personal_data import mask_all

    def text(value: Any) -> Any:
        return value if personal_data or not isinstance(value, str) else mask_all(value)

    return {"code": d.code, "file": text(d.file), "line": d.line, "column": d.column, "field": text(d.field),
            "message": text(d.message), "hint": text(d.hint)}


def errors_body(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    return {"errors": [diagnostic_json(d) for d in diagnostics]}


def status_for(diagnostics: list[Diagnostic]) -> int:
    codes = {d.code for d in diagnostics}
    if codes and codes <= NOT_FOUND:
        return 404
    explicit = [STATUS[c] for c in codes if c in STATUS]
    return max(explicit) if explicit else 422


# codes whose HTTP status is neither 404 nor 422 (added by the parts that report them)
STATUS: dict[str, int] = {"RK-W040": 413, "RK-W044": 413, "RK-W050": 401, "RK-W051": 401, "RK-W062": 405,
                          "RK-W063": 400, "RK-W070": 403, "RK-W004": 401,
                          # the database: not the client's fault, and maybe back in a moment
                          "RK-W030": 503, "RK-W031": 503, "RK-W032": 503, "RK-W033": 503}


def error_response(diagnostics: list[Diagnostic], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(errors_body(diagnostics), status_code=status_for(diagnostics), headers=headers)


def internal(where: str) -> dict[str, Any]:
    """The body of an unexpected failure: the traceback goes to the server's log only."""
    LOG.exception("internt fel vid %s", where)
    return {"errors": [{"code": "RK-W500", "file": where, "line": 0, "column": 0, "field": "",
                        "message": "internt fel i servern; händelsen är loggad", "hint": ""}]}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def validation_diagnostics(exc: RequestValidationError) -> list[Diagnostic]:
    """FastAPI's request validation as RK-W060, each at the path of its value (`format`, `verksamheter.0`,
    `query.andamal`): the body's own fields are named without the leading 'body'."""
    from regelkoll.validation_sv import swedish_hint, swedish_message

    found = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        if loc[:1] == ["body"]:
            loc = loc[1:]
        message = "värdet saknas" if err.get("type") == "missing" else (
            "okänt fält" if err.get("type") == "extra_forbidden" else
            "ogiltig JSON" if err.get("type") == "json_invalid" else swedish_message(err))
        found.append(Diagnostic(WHERE, 0, 0, "RK-W060", message, ".".join(loc), swedish_hint(err)))
    return found


async def validation_error(request: Request, exc: RequestValidationError):
    if not is_api(request):
        from fastapi.exception_handlers import request_validation_exception_handler

        return await request_validation_exception_handler(request, exc)
    return error_response(validation_diagnostics(exc))


async def http_error(request: Request, exc: StarletteHTTPException):
    """The router's and the body parser's refusals: 404, 405, 400 (and any other status) as error bodies."""
    if not is_api(request):
        return _page_refusal(request, exc)
    if exc.status_code == 404:
        found = Diagnostic(WHERE, 0, 0, "RK-W061", f"{request.url.path} finns inte i API:t", "adress",
                           "se API:ts beskrivning, /api/v1/openapi.json")
    elif exc.status_code == 405:
        found = Diagnostic(WHERE, 0, 0, "RK-W062", f"{request.method} går inte att använda på "
                           f"{request.url.path}", "metod", f"tillåtna: {(exc.headers or {}).get('Allow', '')}")
    else:
        found = Diagnostic(WHERE, 0, 0, "RK-W063", "begäran kan inte läsas", "",
                           "skicka JSON, eller multipart/form-data med filen i fältet 'fil'")
    body = errors_body([found])
    return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))


def _page_refusal(request: Request, exc: StarletteHTTPException):
    """A page's refusal as a Swedish page: a form the server cannot read (a broken multipart body, too many
    fields) is the person's to send again, not FastAPI's English JSON."""
    from regelkoll.web.pages import error_page

    if exc.status_code == 404:
        found = Diagnostic(WHERE, 0, 0, "RK-W071", f"sidan '{request.url.path}' finns inte", "",
                           "välj en sida i huvudmenyn")
    elif exc.status_code == 405:
        found = Diagnostic(WHERE, 0, 0, "RK-W062", f"{request.method} går inte att använda på "
                           f"{request.url.path}", "metod", "")
    else:
        found = Diagnostic(WHERE, 0, 0, "RK-W063", "formuläret kan inte läsas", "",
                           "öppna sidan igen och skicka formuläret därifrån")
    response = error_page(request, [found], exc.status_code)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response
