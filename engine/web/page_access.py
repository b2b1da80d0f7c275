"""`/atkomstlogg`: who looked at which facility's personal data, when, and whether numbers were shown unmasked."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from regelkoll.web.page_common import service_of
from regelkoll.web.page_render import render

router = APIRouter()

LIMIT = 500
ACTIONS = {"kontroll": "översikt (kontroll)", "besok": "underlag inför besök", "ansokan": "granskning av ansökan",
           "api-kontroll": "kontroll via API", "api-stallningstaganden": "ställningstaganden via API, omaskerade",
           "api-atkomstlogg": "åtkomstloggen via API, omaskerad"}


@router.get("/atkomstlogg", response_class=HTMLResponse)
def access_log(request: Request, verksamhet: str = "") -> HTMLResponse:
    wanted = verksamhet.strip()
    rows = service_of(request).store.access_log(facility=wanted or None, whole_datasets=bool(wanted), limit=LIMIT)
    for row in rows:
        row["action_sv"] = ACTIONS.get(row["action"], row["action"])
    return render(request, "access_log.html.j2", rows=rows, facility=wanted, limit=LIMIT)
