"""The Swedish pages, rendered on the server (Jinja2); they work without JavaScript."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    names = request.app.state.service.datasets()
    items = "".join(f"<li>{escape(n)}</li>" for n in names)
    return HTMLResponse(f"<!doctype html><html lang=sv><title>Regelkoll</title><h1>Länsöversikt</h1><ul>{items}</ul>")


def error_page(request: Request, diagnostics, status: int) -> HTMLResponse:
    items = "".join(f"<li>{escape(d.code)}: {escape(d.message)}</li>" for d in diagnostics)
    return HTMLResponse(f"<!doctype html><html lang=sv><title>Fel</title><h1>Fel</h1><ul>{items}</ul>",
                        status_code=status)
