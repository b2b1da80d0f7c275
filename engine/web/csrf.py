"""Cross-site request forgery: every form a page posts carries a token that another site cannot know.

Double submit, signed: the browser holds a random value in a cookie (HttpOnly, SameSite=Strict), and each form
holds the HMAC of that value under the server's secret (`Settings.csrf_secret`). A POST is taken only when the
form's token is the HMAC of the cookie it came with. Another site can make a browser post, but can neither read
the cookie nor compute its HMAC; and SameSite=Strict keeps the cookie off a post from another site anyway. A
request whose Origin header names another host is refused before the token is looked at.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import Response

from regelkoll.diagnostics import Diagnostic, DiagnosticError

COOKIE = "regelkoll_csrf"
FIELD = "csrf"
_VALUE = re.compile(r"[A-Za-z0-9_-]{32,64}")


def _secret(request: Request) -> bytes:
    return request.app.state.settings.csrf_secret


def _sign(secret: bytes, value: str) -> str:
    return hmac.new(secret, b"regelkoll-csrf:" + value.encode("ascii"), hashlib.sha256).hexdigest()


def issue(request: Request) -> tuple[str, str | None]:
    """The token for the forms of the page being made, and a new cookie value when the browser has none."""
    value = request.cookies.get(COOKIE, "")
    fresh = None
    if not _VALUE.fullmatch(value):
        value = fresh = secrets.token_urlsafe(32)
    return _sign(_secret(request), value), fresh


def set_cookie(response: Response, value: str, request: Request) -> None:
    response.set_cookie(COOKIE, value, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def refusal(request: Request, submitted: object) -> list[Diagnostic]:
    """Why a POST is refused (RK-W070), or nothing when its token is the one this browser was given."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.url.netloc:
        return [_refused("formuläret skickades från en annan webbplats")]
    value = request.cookies.get(COOKIE, "")
    if not _VALUE.fullmatch(value):
        return [_refused("webbläsaren skickade ingen formulärnyckel (kaka); öppna sidan igen och skicka formuläret "
                         "därifrån")]
    if not isinstance(submitted, str) or not hmac.compare_digest(submitted, _sign(_secret(request), value)):
        return [_refused("formulärets nyckel saknas eller är fel; öppna sidan igen och skicka formuläret därifrån")]
    return []


def check(request: Request, submitted: object) -> None:
    """Refuse a POST whose token is not this browser's: DiagnosticError RK-W070, which the app shows as a 403
    page (engine/web/app.py)."""
    refused = refusal(request, submitted)
    if refused:
        raise DiagnosticError(refused)


def _refused(message: str) -> Diagnostic:
    return Diagnostic("begäran", 0, 0, "RK-W070", message, FIELD,
                      "kakor måste vara tillåtna för den här webbplatsen")
