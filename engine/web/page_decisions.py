"""`/stallningstaganden`: recording an inspector's decision about a finding, and the decisions stored.

A decision is stored as the decisions file holds one (engine/triage/decisions.py, validated by the store:
RK-D003, RK-D004), by the finding's key; the next check and brief of the facility show it.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from regelkoll import api
from regelkoll.diagnostics import Diagnostic, DiagnosticError, suggest
from regelkoll.triage.decisions import KINDS_SV
from regelkoll.triage.keys import key_parts
from regelkoll.web import csrf
from regelkoll.web.access import page_user
from regelkoll.web.page_common import choose_dataset, invalid, service_of
from regelkoll.web.page_render import field_errors, render
from regelkoll.web.storage.store import _validated as validated

router = APIRouter()

FIELDS = ("nyckel", "slag", "motivering", "beslutad_av", "beslutad", "giltig_till")
LABELS = {"nyckel": "Fyndets nyckel", "slag": "Slag av ställningstagande", "motivering": "Motivering",
          "beslutad_av": "Beslutad av", "beslutad": "Beslutad", "giltig_till": "Gäller till och med",
          "datamangd": "Datamängd"}


def _about(service: Any, key: str) -> dict[str, str] | None:
    """What a key names, for the reader: the rule's title, the unit and the subject."""
    parts = key_parts(key)
    if parts is None:
        return None
    rule, unit, kind, subject = parts
    try:
        title = service.rules.get(rule).rule.titel.sv
    except KeyError:
        title = "(regeln finns inte i regelkatalogen)"
    return {"rule": rule, "title": title, "unit": unit, "subject": f"{kind} {subject}"}


def form_page(request: Request, values: dict[str, str], dataset: str, facility: str,
              errors: list[Diagnostic] | None = None, status: int = 200) -> HTMLResponse:
    service = service_of(request)
    key = values.get("nyckel", "")
    existing = next((d for d in service.store.decisions() if d.nyckel == key), None) if key else None
    as_of = None
    if dataset in service.datasets():
        as_of = api.assessment_day(service.load(dataset).bundle)[0].isoformat()
    return render(request, "decision_form.html.j2", status=status, values=values, dataset=dataset, facility=facility,
                  as_of=as_of,
                  kinds=list(KINDS_SV.items()), about=_about(service, key) if key else None, existing=existing,
                  labels=LABELS, errors=field_errors(errors or []))


@router.get("/stallningstaganden/ny", response_class=HTMLResponse)
def new(request: Request, nyckel: str = "", datamangd: str | None = None, verksamhet: str = "") -> HTMLResponse:
    service = service_of(request)
    dataset, problems = choose_dataset(service.datasets(), datamangd)
    if problems:
        raise DiagnosticError(problems)
    who = page_user(request)
    values = {"nyckel": nyckel, "slag": "", "motivering": "", "beslutad": date.today().isoformat(), "giltig_till": "",
              "beslutad_av": who.name if request.app.state.settings.user_header and who.name else ""}
    return form_page(request, values, dataset or "", verksamhet)


@router.post("/stallningstaganden", response_class=HTMLResponse)
async def save(request: Request) -> Response:
    async with request.form(max_files=0, max_fields=20) as form:
        csrf.check(request, form.get(csrf.FIELD))
        values = {name: str(form.get(name) or "").strip() for name in FIELDS}
        dataset = str(form.get("datamangd") or "")
        facility = str(form.get("verksamhet") or "")
    service = service_of(request)
    chosen, problems = choose_dataset(service.datasets(), dataset)
    if problems:
        return form_page(request, values, dataset, facility, problems, 404)
    entry = {name: value for name, value in values.items() if value}  # left empty: "saknas", said by the store
    problems = _unknown(service, chosen, values["nyckel"])
    if problems:
        try:
            validated(entry)  # and whatever else the form says wrong, all at once
        except DiagnosticError as exc:
            problems = exc.diagnostics + problems
        return form_page(request, values, dataset, facility, problems, 422)
    who = page_user(request, values["beslutad_av"])
    try:
        service.store.save_decision(entry, registered_by=who.name)
    except DiagnosticError as exc:
        return form_page(request, values, dataset, facility, exc.diagnostics, 422)
    if chosen is None:  # no data set on the server to show the finding in
        return RedirectResponse("/stallningstaganden", status_code=303)
    unit = facility if facility and "/" not in facility else key_parts(values["nyckel"])[1]
    return RedirectResponse(f"/verksamhet/{quote(unit, safe='')}?{urlencode({'datamangd': chosen})}", status_code=303)


def _unknown(service: Any, dataset: str | None, key: str) -> list[Diagnostic]:
    """A key typed by hand that names a rule not in the catalogue, or a unit the data set chosen does not have: a
    decision about it would be stored and never apply to anything (RK-W073 at the key)."""
    parts = key_parts(key)
    if parts is None:
        return []  # not a key at all: the store says how one is written (RK-D004)
    rule, unit = parts[0], parts[1]
    try:
        service.rules.get(rule)
    except KeyError:
        return [invalid("nyckel", f"regeln '{rule}' finns inte i regelkatalogen",
                        suggest(rule, sorted(r.rule.id for r in service.rules.rules)))]
    if dataset is not None:
        units = api.units(service.load(dataset).bundle)
        if unit not in units:
            return [invalid("nyckel", f"'{unit}' är ingen verksamhet eller huvudman i datamängden {dataset}",
                            suggest(unit, sorted(units)))]
    return []


@router.get("/stallningstaganden", response_class=HTMLResponse)
def listing(request: Request) -> HTMLResponse:
    today = date.today()
    rows = [(d, KINDS_SV.get(d.slag, d.slag), "gäller" if d.beslutad <= today <= d.giltig_till else
             "har gått ut" if d.giltig_till < today else "ännu inte beslutat")
            for d in service_of(request).store.decisions()]
    return render(request, "decisions.html.j2", rows=rows)
