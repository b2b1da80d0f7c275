"""`/verksamhet/{id}`: one facility's brief before a visit, the content of `regelkoll besok --format html`.

The brief is the library's document (Service.brief, engine/brief/document.py); this page adds what the server
knows and the command does not: the decisions stored about its findings, a link to record one, and the form to
show personal identity numbers, which asks for a purpose and is logged like every view of the brief.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from regelkoll.diagnostics import DiagnosticError
from regelkoll.personal_data import mask_all
from regelkoll.report.citation import acts_cited
from regelkoll.report.text import SEVERITY_SV
from regelkoll.web.access import page_user
from regelkoll.web.page_common import choose_dataset, service_of
from regelkoll.web.page_render import field_errors, render, utc_text

router = APIRouter()


@router.get("/verksamhet/{facility}", response_class=HTMLResponse)
def brief(request: Request, facility: str, datamangd: str | None = None, visa_personnummer: str = "",
          andamal: str = "", namn: str = "") -> HTMLResponse:
    service = service_of(request)
    name, problems = choose_dataset(service.datasets(), datamangd)
    if problems or name is None:
        raise DiagnosticError(problems)
    who = page_user(request, namn)
    show = visa_personnummer == "1"
    refused: list = []
    try:
        doc = service.brief(name, facility, who, show_personal_data=show, reason=andamal)
    except DiagnosticError as exc:
        if not show or {d.code for d in exc.diagnostics} != {"RK-W020"}:
            raise
        refused, show = exc.diagnostics, False  # the brief is shown masked, the form says what is missing
        doc = service.brief(name, facility, who)
    apply_decisions(service.store, doc, show)
    run = doc["run"]
    f = doc["facility"]
    groups = [(group, list(items)) for group, items in groupby(doc["requests"], key=lambda r: r["group"])]
    logged = {"who": who.name, "at": utc_text(datetime.now(timezone.utc)) + " UTC",
              "unmasked": show, "reason": andamal.strip() if show else ""}
    return render(request, "brief.html.j2", status=422 if refused else 200, doc=doc, f=f, name=name, groups=groups,
                  severity_sv=SEVERITY_SV, acts=acts_cited(doc["violations"] + doc["indications"], run.get("acts", [])),
                  register=lambda row: register_link(name, facility, row), logged=logged,
                  errors=field_errors(refused), form={"visa_personnummer": show, "andamal": andamal, "namn": namn})


def register_link(dataset: str, facility: str, row: dict[str, Any]) -> str:
    """Where a finding's decision is recorded; the brief it came from is named when the finding is its operator's."""
    query = {"datamangd": dataset, "nyckel": row["key"]}
    if row["facility_id"] != facility:
        query["verksamhet"] = facility
    return "/stallningstaganden/ny?" + urlencode(query)


def apply_decisions(store: Any, doc: dict[str, Any], show_personal_data: bool = False) -> None:
    """Mark the brief's findings with the stored decisions that do not count on its day: expired, or taken after
    the day the brief is made as of (`decision_inactive`, with why). Those in force the service's brief has
    applied already (`decision`, masked with the rest of the brief), as `check` does."""
    rows = doc["violations"] + doc["indications"]
    as_of = date.fromisoformat(doc["run"]["as_of"])
    decisions = store.triage_decisions({doc["facility"]["id"]} | {row["facility_id"] for row in rows}, as_of)
    inactive = {d.key: (d, f"gällde till {d.valid_until.isoformat()} och har gått ut") for d in decisions.expired}
    inactive.update({d.key: (d, f"beslutades {d.decided.isoformat()}, efter bedömningsdagen {as_of.isoformat()}, "
                               "och gäller inte för detta underlag") for d in decisions.pending})
    # a reason typed by an inspector may name a person by number: masked with the rest of a masked brief
    shown = (lambda value: value) if show_personal_data else mask_all
    for row in rows:
        if "decision" not in row and row["key"] in inactive:
            decision, why = inactive[row["key"]]
            row["decision_inactive"] = shown({**decision.to_json(), "why": why})
