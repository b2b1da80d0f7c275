"""The web application: Swedish pages for people, `/api/v1` for systems, one service behind both."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from regelkoll.diagnostics import DiagnosticError
from regelkoll.version import package_version
from regelkoll.web.auth import PageUsers, TokenAuth
from regelkoll.web.auth import document as document_security
from regelkoll.web.errors import errors_body, http_error, internal, status_for, validation_error
from regelkoll.web.hosts import AllowedHosts
from regelkoll.web.limits import BodyLimit
from regelkoll.web.service import Service
from regelkoll.web.settings import Settings


def create_app(settings: Settings, service: Service | None = None) -> FastAPI:
    """The app; `service` may be given (tests share one), else it is made at start-up and closed at shutdown."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        own = service is None
        app.state.service = service if service is not None else Service(settings)
        try:
            yield
        finally:
            if own:
                app.state.service.close()

    # no Swagger UI: FastAPI's loads its scripts from a public CDN, which an agency's network may not reach and a
    # page with personal data behind it should not call; the schema itself is the documentation
    app = FastAPI(title="Regelkoll", version=package_version("regelkoll"), lifespan=lifespan, docs_url=None,
                  openapi_url="/api/v1/openapi.json", redoc_url=None,
                  description="Tillsynskontroll av vård och omsorg: kontrollera datamängder, besöksunderlag, "
                              "granskning av tillståndsansökningar, regelkatalog och ställningstaganden.")
    app.state.settings = settings
    if service is not None:
        app.state.service = service

    @app.exception_handler(DiagnosticError)
    async def diagnostic_error(request: Request, exc: DiagnosticError):
        if request.url.path.startswith("/api/"):
            return JSONResponse(errors_body(exc.diagnostics), status_code=status_for(exc.diagnostics))
        from regelkoll.web.pages import error_page

        return error_page(request, exc.diagnostics, status_for(exc.diagnostics))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        body = internal(request.url.path)
        if request.url.path.startswith("/api/"):
            return JSONResponse(body, status_code=500)
        from regelkoll.diagnostics import Diagnostic
        from regelkoll.web.pages import error_page

        e = body["errors"][0]
        return error_page(request, [Diagnostic(e["file"], 0, 0, e["code"], e["message"])], 500)

    # every refusal under /api/ as an error body: FastAPI's validation, the router's 404 and 405; the body-size
    # limit and the token check refuse before anything reads the body (the last added runs first)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(TokenAuth, tokens=settings.api_tokens)
    app.add_middleware(PageUsers, header=settings.user_header)
    app.add_middleware(AllowedHosts, hosts=settings.allowed_hosts)
    document_security(app)

    from regelkoll.web import api_v1, pages

    app.include_router(api_v1.router)
    app.include_router(pages.router)
    return app
