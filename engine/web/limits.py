"""The size of a request's body: at most `Settings.max_upload_bytes`, or 413 RK-W040.

A pure ASGI middleware. A body that declares its length is refused before a byte of it is read; one sent in
chunks is counted as it arrives, and the moment it passes the limit the answer is sent and the application is
told the client has gone (`http.disconnect`), so the multipart parser stops there: nothing past the limit is
ever spooled to disk. What the application tries to send after that is dropped.
"""

from __future__ import annotations

from regelkoll.diagnostics import Diagnostic
from regelkoll.web.errors import WHERE, errors_body, status_for

MB = 1024 * 1024


def too_large(limit: int) -> Diagnostic:
    size = f"{limit // MB} MB" if limit >= MB else f"{limit} byte"
    return Diagnostic(WHERE, 0, 0, "RK-W040", f"begäran är större än servern tar emot ({size})", "fil",
                      "dela upp datamängden, eller be serverns förvaltare höja gränsen")


async def _refuse(scope, receive, send, limit: int) -> None:
    diagnostics = [too_large(limit)]
    if scope.get("path", "").startswith("/api/"):
        from fastapi.responses import JSONResponse

        response = JSONResponse(errors_body(diagnostics), status_code=413, headers={"Connection": "close"})
    else:
        from starlette.requests import Request

        from regelkoll.web.pages import error_page

        response = error_page(Request(scope), diagnostics, status_for(diagnostics))
        response.headers["Connection"] = "close"
    await response(scope, receive, send)


class BodyLimit:
    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length > self.limit:
                await _refuse(scope, receive, send, self.limit)
                return
        received = 0
        refused = False
        started = False

        async def counted_receive():
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    refused = True
                    if not started:
                        await _refuse(scope, receive, send, self.limit)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal started
            if refused:
                return  # the 413 was sent; the application's own answer to the "disconnect" is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not refused:
                raise
