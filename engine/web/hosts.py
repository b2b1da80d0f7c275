"""The host names the server answers to: a server on the machine's own address answers only to its own names.

DNS rebinding: a page on another site can have its own host name resolve to 127.0.0.1 and then read this server's
pages as if they were its own (same origin: the browser sends `Host: that-site`), briefs and all, and post the
forms with a cookie and token it fetched itself. A request naming any other host is refused before anything is
read (RK-W063, 400).
"""

from __future__ import annotations

from regelkoll.diagnostics import Diagnostic
from regelkoll.web.errors import WHERE, errors_body

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def host_name(header: bytes) -> str:
    """`Host: name:port` (or `[::1]:port`) as the name alone, in lower case."""
    text = header.decode("latin-1").strip().lower()
    if text.startswith("["):
        return text[1:].partition("]")[0]
    return text.rpartition(":")[0] if text.count(":") == 1 else text


class AllowedHosts:
    def __init__(self, app, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = frozenset(h.lower().strip("[]") for h in hosts)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket") or not self.hosts:
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or ()).get(b"host", b"")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        problem = Diagnostic(WHERE, 0, 0, "RK-W063", "begäran gäller en annan värd än den här servern", "Host",
                             "öppna servern på den adress den startades med, t.ex. http://127.0.0.1:8000/")
        if scope.get("path", "").startswith("/api/"):
            from fastapi.responses import JSONResponse

            response = JSONResponse(errors_body([problem]), status_code=400)
        else:
            from starlette.requests import Request

            from regelkoll.web.pages import error_page

            response = error_page(Request(scope), [problem], 400)
        await response(scope, receive, send)
