"""The HTTP API, `/api/v1`: the same documents as the command line, errors as JSON with its codes."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from regelkoll.web.access import api_client

router = APIRouter(prefix="/api/v1")

MEDIA = {"json": "application/json", "jsonl": "application/x-ndjson"}


class CheckRequest(BaseModel):
    format: Literal["json", "jsonl"] = "json"
    verksamheter: list[str] | None = Field(None, description="bara dessa verksamheter (och deras huvudmän)")
    visa_personnummer: bool = False
    andamal: str | None = Field(None, description="ändamålet med att visa personnummer omaskerade (loggas)")


@router.get("/datamangder", summary="Datamängderna på servern")
def datasets(request: Request) -> dict:
    return {"datamangder": request.app.state.service.datasets()}


@router.post("/datamangder/{namn}/kontroll", summary="Kontrollera en datamängd (som regelkoll check)")
def check(namn: str, body: CheckRequest, request: Request):
    service = request.app.state.service
    report, _, _ = service.check(namn, api_client(request), fmt=body.format, facilities=body.verksamheter,
                                 show_personal_data=body.visa_personnummer, reason=body.andamal,
                                 action="api-kontroll")
    return StreamingResponse(iter(report), media_type=MEDIA[body.format])
