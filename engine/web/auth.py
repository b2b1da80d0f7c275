"""The API's access token: with `Settings.api_tokens`, every request to `/api/` names a client by its secret.

A pure ASGI middleware, so that a request without a valid token is refused before anything reads its body (an
upload is not received, let alone unpacked, for a stranger). The OpenAPI schema and its documentation page are
open: they describe the API, not its data. The client's name is left in `request.state.client_name`, which the
access log records (access.api_client). With no tokens the API is open; `regelkoll serve` then refuses any
address but the machine's own (RK-W001).
"""

from __future__ import annotations

import hmac

from regelkoll.diagnostics import Diagnostic
from regelkoll.web.errors import WHERE, error_response

OPEN = frozenset({"/api/v1/openapi.json"})
REALM = 'Bearer realm="regelkoll"'


def client_for(tokens: dict[str, str], header: bytes | None) -> str | None:
    """The client whose secret `Authorization: Bearer …` sends, or None. Every secret is compared, in constant
    time, so that the answer's timing says nothing about how much of a secret was right."""
    if header is None:
        return None
    scheme, _, given = header.partition(b" ")
    if scheme.lower() != b"bearer":
        return None
    given = given.strip()
    found = None
    for secret, name in tokens.items():
        if given and secret and hmac.compare_digest(given, secret.encode("utf-8")):
            found = name
    return found


class TokenAuth:
    def __init__(self, app, tokens: dict[str, str]) -> None:
        self.app = app
        self.tokens = tokens

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not self.tokens or not path.startswith("/api/") or path in OPEN:
            await self.app(scope, receive, send)
            return
        given = [value for key, value in scope.get("headers") or () if key == b"authorization"]
        header = given[0] if len(given) == 1 else (b"" if given else None)  # two are one too many: refused
        name = client_for(self.tokens, header)
        if name is None:
            if header is None:
                problem = Diagnostic(WHERE, 0, 0, "RK-W050", "API:t kräver en API-nyckel", "Authorization",
                                     "skicka huvudet 'Authorization: Bearer <nyckel>'")
                challenge = REALM
            else:
                problem = Diagnostic(WHERE, 0, 0, "RK-W051", "API-nyckeln är okänd", "Authorization",
                                     "fråga serverns förvaltare efter en giltig nyckel")
                challenge = REALM + ', error="invalid_token"'
            await error_response([problem], {"WWW-Authenticate": challenge})(scope, receive, send)
            return
        scope.setdefault("state", {})["client_name"] = name
        await self.app(scope, receive, send)


class PageUsers:
    """Behind an organisation's logging-in proxy (`--user-header`), a page asked for without the header the proxy
    sets was not asked through the proxy: refused (RK-W004, 401), so that no one reaches the pages, and the
    personal data on them, past the login. The proxy must be the only way to the server (see README)."""

    def __init__(self, app, header: str | None) -> None:
        self.app = app
        self.header = header.lower().encode("latin-1") if header else None

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or self.header is None or path.startswith("/api/") or path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        if dict(scope.get("headers") or ()).get(self.header, b"").strip():
            await self.app(scope, receive, send)
            return
        from starlette.requests import Request

        from regelkoll.web.pages import error_page

        problem = Diagnostic(WHERE, 0, 0, "RK-W004", "sidorna nås bara efter inloggning", "inloggning",
                             "öppna Regelkoll genom organisationens inloggning")
        await error_page(Request(scope), [problem], 401)(scope, receive, send)


def document(app) -> None:
    """The schema says how to send the token (a bearer scheme on every operation of /api/v1), whether or not this
    server asks for one: a client written against one server runs against the next."""
    made = app.openapi

    def openapi():
        if app.openapi_schema is None:
            schema = made()
            schema.setdefault("components", {})["securitySchemes"] = {"api_nyckel": {
                "type": "http", "scheme": "bearer", "description": "API-nyckeln: `Authorization: Bearer <nyckel>`; "
                "krävs när servern har API-nycklar (REGELKOLL_API_TOKENS)"}}
            for path, methods in schema.get("paths", {}).items():
                if path.startswith("/api/"):
                    for operation in methods.values():
                        operation["security"] = [{"api_nyckel": []}]
        return app.openapi_schema

    app.openapi = openapi
