"""Who is asking, as the access log records it."""

from __future__ import annotations

from fastapi import Request

from regelkoll.web.service import Who


def client_of(request: Request) -> str:
    return request.client.host if request.client else "okänd"


def page_user(request: Request, given: str | None = None) -> Who:
    """A page's user: the name a logging-in proxy sets (`--user-header`), else the name given on the form."""
    settings = request.app.state.settings
    if settings.user_header:
        name = request.headers.get(settings.user_header, "").strip()
        if name:
            return Who(name[:200], client_of(request))
    name = (given or "").strip()[:200]
    return Who(name or "okänd användare", client_of(request))


def api_client(request: Request) -> Who:
    """An API client: the name of its token (see auth.py), or 'utan token' when the server asks for none."""
    return Who(getattr(request.state, "client_name", None) or "utan token", client_of(request))
