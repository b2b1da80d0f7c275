"""`/ansokan`: screening a permit application, uploaded as a file or filled in on the page, with the requests for
completion (engine/application/report.py builds the document; this page renders it)."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.personal_data import mask_text
from regelkoll.web import csrf
from regelkoll.web.access import page_user
from regelkoll.web.application_form import CHOICES, NUMBERS, PEOPLE, TEXTS, form_field, labels, to_application, to_yaml
from regelkoll.web.datasets import unknown_dataset
from regelkoll.web.errors import status_for
from regelkoll.web.page_common import invalid, service_of
from regelkoll.web.page_render import field_errors, render
from regelkoll.web.uploads import receive_application

router = APIRouter()

FORM_NAME = "formular.yaml"


def form_page(request: Request, values: dict[str, str] | None = None, errors: list[Diagnostic] | None = None,
              status: int = 200, origin: str = "fil") -> HTMLResponse:
    """The two forms; `origin` is the one whose fields the errors are about ("fil" or "formular")."""
    names = service_of(request).datasets()
    shown = field_errors(errors or [], {"datamangd": "formular_datamangd"} if origin == "formular" else None)
    return render(request, "application.html.j2", status=status, values=values or {}, errors=shown, origin=origin,
                  datasets=[("", "utan underlag")] + [(n, n) for n in names], choices=CHOICES, texts=TEXTS,
                  numbers=NUMBERS, people=range(1, PEOPLE + 1), labels=labels())


@router.get("/ansokan", response_class=HTMLResponse)
def application(request: Request) -> HTMLResponse:
    return form_page(request)


def _dataset_problems(request: Request, dataset: str) -> list[Diagnostic]:
    if dataset and dataset not in service_of(request).datasets():
        return [unknown_dataset(dataset, service_of(request).datasets())]
    return []


@router.post("/ansokan", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    # a body larger than the server takes was refused before this (limits.py, RK-W040)
    settings = request.app.state.settings
    async with request.form(max_files=1, max_fields=5) as form:
        csrf.check(request, form.get(csrf.FIELD))
        dataset = str(form.get("datamangd") or "")
        values = {"datamangd": dataset}
        problems = _dataset_problems(request, dataset)
        chosen = form.get("fil")
        if not isinstance(chosen, UploadFile) or not chosen.filename:
            problems.append(invalid("fil", "ingen fil valdes", "välj ansökans YAML- eller JSON-fil"))
        if problems:
            return form_page(request, values, problems, 422)
        try:
            received = await run_in_threadpool(receive_application, settings, chosen.filename, chosen.file)
        except DiagnosticError as exc:
            return form_page(request, values, exc.diagnostics, status_for(exc.diagnostics))
    doc = await run_in_threadpool(service_of(request).screen, received, dataset or None, page_user(request))
    return result_page(request, doc, dataset)


@router.post("/ansokan/formular", response_class=HTMLResponse)
async def filled_in(request: Request) -> Response:
    async with request.form(max_files=0, max_fields=80) as form:
        csrf.check(request, form.get(csrf.FIELD))
        values = {key: str(value) for key, value in form.items() if key != csrf.FIELD}
    dataset = values.get("datamangd", "")
    document, problems = to_application(values)
    problems += _dataset_problems(request, dataset)
    if problems:
        return form_page(request, values, problems, 422, "formular")
    payload = to_yaml(document)
    received = receive_application(request.app.state.settings, FORM_NAME, io.BytesIO(payload))
    doc = await run_in_threadpool(service_of(request).screen, received, dataset or None, page_user(request))
    if doc["errors"]:  # what the screening could not read is shown at the form's fields
        faults = [Diagnostic(FORM_NAME, e["line"], e["column"], e["code"], e["message"], form_field(e["field"]) or
                             e["field"], e["hint"]) for e in doc["errors"]]
        return form_page(request, values, faults, 422, "formular")
    return result_page(request, doc, dataset, mask_text(payload.decode("utf-8")))


def result_page(request: Request, doc: dict[str, Any], dataset: str, source: str | None = None) -> HTMLResponse:
    return render(request, "application_result.html.j2", doc=doc, a=doc["ansokan"], dataset=dataset, source=source)
