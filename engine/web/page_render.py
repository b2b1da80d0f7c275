"""How every page is made: one Jinja2 environment, the menu, the form token, and the headers each answer has."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from regelkoll.diagnostics import Diagnostic
from regelkoll.personal_data import mask_text
from regelkoll.report.citation import capitalised
from regelkoll.report.html import _visible
from regelkoll.report.text import _value
from regelkoll.web import csrf

MENU = (("/", "Översikt"), ("/datamangder", "Ladda upp datamängd"), ("/ansokan", "Ansökan"), ("/regler", "Regler"),
        ("/stallningstaganden", "Ställningstaganden"), ("/atkomstlogg", "Åtkomstlogg"))

# the pages hold personal data: never cached, framed or sent to another site; no script, style only from here
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}

ENV = Environment(loader=PackageLoader("regelkoll.web", "templates"), autoescape=select_autoescape(["html", "j2"]),
                  undefined=StrictUndefined, finalize=_visible, trim_blocks=True, lstrip_blocks=True)
ENV.filters["value"] = _value
ENV.filters["capitalised"] = capitalised


def utc_text(at: datetime) -> str:
    """A stored time as UTC: SQLite gives it back naive (it was written in UTC), PostgreSQL with its zone."""
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc)
    return at.strftime("%Y-%m-%d %H:%M:%S")


ENV.filters["utc"] = utc_text
# text a user typed (a decision's reason, a logged purpose) shown on a page that does not unmask
ENV.filters["masked"] = lambda value: mask_text(value) if isinstance(value, str) else value


def _current(path: str) -> str:
    """The menu item a page belongs to: its address's first part."""
    first = "/" + path.strip("/").split("/", 1)[0]
    return first if any(first == href for href, _ in MENU) else ""


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    token, fresh = csrf.issue(request)
    html = ENV.get_template(template).render(menu=MENU, current=_current(request.url.path), csrf_token=token,
                                             csrf_field=csrf.FIELD, **context)
    response = HTMLResponse(html, status_code=status, headers=HEADERS)
    if fresh is not None:
        csrf.set_cookie(response, fresh, request)
    return response


def field_errors(diagnostics: list[Diagnostic], fields: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Messages by the form field they are about; `fields` maps a diagnostic's field to the form's name, and a
    message about no field of the form is kept under "" (shown above the form)."""
    out: dict[str, list[str]] = {}
    for d in diagnostics:
        name = d.field.rsplit(".", 1)[-1] if d.field else ""
        name = (fields or {}).get(d.field, (fields or {}).get(name, name))
        text = f"{d.code}: {d.message}" + (f" ({d.hint})" if d.hint else "")
        out.setdefault(name, []).append(mask_text(text))
    return out
