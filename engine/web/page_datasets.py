"""`/datamangder`: the data sets on the server, and uploading one (a zip or tar archive, or one YAML/JSON file).

The upload is unpacked by uploads.receive_dataset, under the upload directory only and within the server's
limits; a refused upload is shown again at the file field with the code that says why.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from regelkoll.diagnostics import Diagnostic, DiagnosticError
from regelkoll.web import csrf
from regelkoll.web.datasets import UPLOADED
from regelkoll.web.errors import status_for
from regelkoll.web.page_common import invalid, service_of
from regelkoll.web.page_render import field_errors, render
from regelkoll.web.uploads import receive_dataset

router = APIRouter()

MB = 1024 * 1024


def page(request: Request, errors: list[Diagnostic] | None = None, status: int = 200) -> HTMLResponse:
    settings = request.app.state.settings
    names = service_of(request).datasets()
    rows = [(name, "uppladdad" if name.startswith(UPLOADED) else "på servern") for name in names]
    limits = {"bytes": settings.max_upload_bytes // MB, "members": settings.max_members,
              "unpacked": settings.max_unpacked_bytes // MB}
    return render(request, "datasets.html.j2", status=status, rows=rows, limits=limits,
                  errors=field_errors(errors or [], {"": "fil"}))


@router.get("/datamangder", response_class=HTMLResponse)
def datasets(request: Request) -> HTMLResponse:
    return page(request)


@router.post("/datamangder", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    # a body larger than the server takes was refused before this (limits.py, RK-W040)
    settings = request.app.state.settings
    async with request.form(max_files=1, max_fields=5) as form:
        csrf.check(request, form.get(csrf.FIELD))
        chosen = form.get("fil")
        if not isinstance(chosen, UploadFile) or not chosen.filename:
            hint = "välj en .zip-, .tar.gz-, .yaml- eller .json-fil"
            return page(request, [invalid("fil", "ingen fil valdes", hint)], 422)
        try:
            received = await run_in_threadpool(receive_dataset, settings, chosen.filename, chosen.file)
        except DiagnosticError as exc:
            return page(request, exc.diagnostics, status_for(exc.diagnostics))
    return RedirectResponse(f"/?datamangd={quote(received.name)}", status_code=303)
