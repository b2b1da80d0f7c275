"""A database that cannot be used, said as a diagnostic that names the database with its password masked.

Whoever reads the message (an operator, a log, an API client) sees where the server looked, never the secret it
logged in with: the URL's password and any `password=` parameter are shown as ***, and the same is done to the
driver's own words, which are passed on as the hint."""

from __future__ import annotations

import re
from urllib.parse import unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from regelkoll.diagnostics import Diagnostic, DiagnosticError

MASK = "***"
_USERINFO = re.compile(r"(://[^/@:]*:)[^@/]*@")
_PARAMETER = re.compile(r"(password=)[^&\s'\"]*", re.IGNORECASE)


def shown_url(url: str | URL) -> str:
    """The URL as it may be shown: everything but the password."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except Exception:  # unparseable: masked as text, the parts a password could be in
        return _scrub(str(url), set())
    query = {k: (MASK if "password" in k.lower() else v) for k, v in parsed.query.items()}
    return parsed.set(query=query).render_as_string(hide_password=True)


def _secrets(url: str | URL) -> set[str]:
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except Exception:
        return set()
    found = {parsed.password} if parsed.password else set()
    for key, value in parsed.query.items():
        if "password" in key.lower():
            found.update([value] if isinstance(value, str) else value)
    return found | {unquote(s) for s in found}


def _scrub(text: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return _PARAMETER.sub(rf"\g<1>{MASK}", _USERINFO.sub(rf"\g<1>{MASK}@", text))


def driver_says(url: str | URL, exc: BaseException) -> str:
    """The first line of what the database or its driver said, with the password masked."""
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return _scrub(lines[0] if lines else type(cause).__name__, _secrets(url))


def _error(url: str | URL, code: str, message: str, hint: str) -> DiagnosticError:
    return DiagnosticError([Diagnostic(shown_url(url), 0, 0, code, message, "databas", hint)])


def unreachable(url: str | URL, exc: BaseException) -> DiagnosticError:
    return _error(url, "RK-W030", "databasen kan inte nås", f"databasen svarar: {driver_says(url, exc)}")


def not_migrated(url: str | URL, exc: BaseException) -> DiagnosticError:
    return _error(url, "RK-W031", "databasens tabeller kan inte skapas eller uppdateras",
                  f"databasen svarar: {driver_says(url, exc)}")


def newer_schema(url: str | URL, found: list[str], known: str) -> DiagnosticError:
    return _error(url, "RK-W032", f"databasens schema har version {', '.join(found)}, som denna version av "
                  "Regelkoll inte känner", f"den senaste kända är {known}: uppdatera Regelkoll, eller ange en annan "
                  "databas")


def unusable(url: str | URL, why: str) -> DiagnosticError:
    return _error(url, "RK-W033", "databasadressen kan inte användas", why)
