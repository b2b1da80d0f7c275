"""What the API keeps: the inspectors' decisions about findings, and the access log of who saw whose data."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.web.access import api_client
from regelkoll.web.api_models import AccessLog, DecisionIn, DecisionOut, Decisions
from regelkoll.web.errors import WHERE

router = APIRouter()


@router.get("/stallningstaganden", summary="De lagrade ställningstagandena", response_model=Decisions,
            description="Inspektörernas ställningstaganden till fynd, efter nyckel. De tillämpas på varje kontroll "
                        "av en datamängd med fyndet, som en fil med ställningstaganden (`--stallningstaganden`).")
def decisions(request: Request, visa_personnummer: bool = False,
              andamal: str | None = Query(None, description="ändamålet med att visa personnummer omaskerade "
                                                            "(krävs för det, och loggas)")) -> Decisions:
    found = [d.to_json() for d in request.app.state.service.store.decisions()]
    return Decisions(stallningstaganden=_shown(request, found, "api-stallningstaganden", visa_personnummer, andamal))


@router.post("/stallningstaganden", summary="Lagra ett ställningstagande", status_code=201,
             response_model=DecisionOut,
             description="Ett ställningstagande till ett fynd, med samma fält och samma prövning som i en fil med "
                         "ställningstaganden (RK-D003, RK-D004). Ett ställningstagande om en nyckel som redan har "
                         "ett ersätter det. API-klientens namn registreras.")
def save(entry: DecisionIn, request: Request) -> DecisionOut:
    stored = request.app.state.service.store.save_decision(entry.model_dump(exclude_unset=True),
                                                           api_client(request).name)
    return DecisionOut(**stored.to_json())


@router.delete("/stallningstaganden/{nyckel:path}", summary="Ta bort ett ställningstagande", status_code=204,
               response_class=Response,
               description="Tar bort ställningstagandet om fyndet med nyckeln; 404 (RK-W053) om inget finns.")
def delete(nyckel: str, request: Request) -> Response:
    if not request.app.state.service.store.delete_decision(nyckel, deleted_by=api_client(request).name):
        raise DiagnosticError([Diagnostic(WHERE, 0, 0, "RK-W053", f"inget ställningstagande med nyckeln "
                                          f"'{nyckel}'", "nyckel")])
    return Response(status_code=204)


@router.get("/atkomstlogg", summary="Åtkomstloggen", response_model=AccessLog,
            description="Vem som såg vilken verksamhets personuppgifter, när, och om personnummer visades "
                        "omaskerade (med angivet ändamål); nyast först. `fran` och `till` är dagar (UTC), "
                        "båda inräknade.")
def access_log(request: Request, verksamhet: str | None = None, fran: date | None = None, till: date | None = None,
               antal: int = Query(500, ge=1, le=10_000, description="högst så många rader"),
               visa_personnummer: bool = False,
               andamal: str | None = Query(None, description="ändamålet med att visa personnummer omaskerade "
                                                             "(krävs för det, och loggas)")) -> AccessLog:
    found = request.app.state.service.store.access_log(
        facility=verksamhet, whole_datasets=verksamhet is not None, limit=antal,
        since=datetime.combine(fran, time(), timezone.utc) if fran is not None else None,
        until=datetime.combine(till + timedelta(days=1), time(), timezone.utc) if till is not None else None)
    return AccessLog(atkomstlogg=_shown(request, found, "api-atkomstlogg", visa_personnummer, andamal))


def _shown(request: Request, rows: list[dict], action: str, unmask: bool, purpose: str | None) -> list[dict]:
    """Texts people typed (a reason, a name, a purpose) can hold a personnummer: masked like every other answer,
    unless asked for with a purpose, which is logged (RK-W020 without one)."""
    if not unmask:
        from regelkoll.personal_data import mask_all

        return mask_all(rows)
    request.app.state.service.log(api_client(request), action, "", None, True, purpose)
    return rows
