"""The Swedish pages, rendered on the server (Jinja2); they work without JavaScript.

Each page lives in its own module (page_*.py); this one puts their routes together, serves the style sheet and
answers for errors and for addresses that name no page. Every page has the same frame (templates/base.html.j2):
a skip link, the main menu, one h1, the content in <main id="innehall">.
"""

from __future__ import annotations

import mimetypes
from functools import lru_cache
from importlib import resources

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from starlette.convertors import Convertor, register_url_convertor

from regelkoll.diagnostics import Diagnostic
from regelkoll.web import (
    page_access,
    page_application,
    page_brief,
    page_datasets,
    page_decisions,
    page_overview,
    page_rules,
)
from regelkoll.web.errors import diagnostic_json
from regelkoll.web.page_render import render

router = APIRouter(include_in_schema=False)
for _module in (page_overview, page_datasets, page_brief, page_application, page_rules, page_decisions,
                page_access):
    router.include_router(_module.router)

HEADINGS = {403: "Formuläret togs inte emot", 404: "Sidan eller uppgiften finns inte",
            413: "Filen är för stor"}


def error_page(request: Request, diagnostics: list[Diagnostic], status: int) -> HTMLResponse:
    """A page listing what went wrong, code by code, with positions, fields and hints (personnummer masked)."""
    errors = [diagnostic_json(d) for d in sorted(diagnostics)]
    heading = HEADINGS.get(status, "Begäran kunde inte utföras")
    lead = ("Inget har ändrats. " if request.method == "POST" else "") + (
        "Kontrollera adressen, eller välj en sida i huvudmenyn." if status == 404 else
        "Rätta det som står nedan och försök igen, eller gå tillbaka.")
    return render(request, "error.html.j2", status=status, heading=heading, lead=lead, errors=errors,
                  back="/", back_text="Till översikten")


@lru_cache(maxsize=1)
def _static_files() -> dict[str, bytes]:
    folder = resources.files("regelkoll.web") / "static"
    return {entry.name: entry.read_bytes() for entry in folder.iterdir() if entry.is_file()}


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The style sheet (and whatever else is in static/): only files of the package, by name."""
    content = _static_files().get(name)
    if content is None:
        raise HTTPException(404)
    media = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Response(content, media_type=media, headers={"Cache-Control": "public, max-age=3600",
                                                        "X-Content-Type-Options": "nosniff"})


class _PagePath(Convertor):
    """Any address outside /api/ and /static/: those answer for themselves (JSON, files)."""

    regex = r"(?!api/|static/).*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("regelkoll_sida", _PagePath())


@router.api_route("/{path:regelkoll_sida}", methods=["GET", "POST"])
def not_found(path: str, request: Request) -> HTMLResponse:
    # this router is included last, so only an address that no page or API route has reaches this
    return error_page(request, [Diagnostic("begäran", 0, 0, "RK-W071", f"sidan '/{path}' finns inte", "",
                                           "välj en sida i huvudmenyn")], 404)
