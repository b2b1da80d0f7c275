"""The HTTP API, `/api/v1`: the same documents as the command line, errors as JSON with its codes.

Documented by its OpenAPI schema (/api/v1/openapi.json); every error answer is an
`ErrorBody` (errors.py). The endpoints live by what they serve: data sets, checks, briefs and screenings
(api_data.py), the rule catalogue (api_rules.py), decisions and the access log (api_records.py).
"""

from __future__ import annotations

from fastapi import APIRouter

from regelkoll.web import api_data, api_records, api_rules
from regelkoll.web.errors import ErrorBody

ERRORS = {
    400: "begäran kan inte läsas (RK-W063)",
    401: "API-nyckel saknas eller är okänd (RK-W050, RK-W051), när servern har API-nycklar",
    404: "datamängden, verksamheten, regeln eller ställningstagandet finns inte (med de närmaste namnen)",
    405: "metoden går inte att använda på adressen (RK-W062)",
    413: "begäran eller det uppackade arkivet är större än servern tar emot (RK-W040, RK-W044)",
    422: "ogiltig begäran eller ogiltiga uppgifter, med kommandoradens felkoder och positioner",
    500: "internt fel i servern (RK-W500); händelsen är loggad",
}

router = APIRouter(prefix="/api/v1", responses={status: {"model": ErrorBody, "description": text}
                                                 for status, text in ERRORS.items()})
router.include_router(api_data.router, tags=["datamängder"])
router.include_router(api_rules.router, tags=["regler"])
router.include_router(api_records.router, tags=["ställningstaganden och åtkomstlogg"])
