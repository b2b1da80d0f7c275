"""Errors as the API answers them: the command line's codes and positions as JSON, never a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from regelkoll.diagnostics import Diagnostic

LOG = logging.getLogger("regelkoll.web")

# whose fault, by code: what names nothing that exists is 404, a refused request 4xx, the rest of the codes
# (bad data, bad options) 422
NOT_FOUND = {"RK-W010", "RK-E003", "RK-E004"}


def diagnostic_json(d: Diagnostic, *, personal_data: bool = False) -> dict[str, Any]:
    from regelkoll.personal_data import mask_all

    def text(value: Any) -> Any:
        return value if personal_data or not isinstance(value, str) else mask_all(value)

    return {"code": d.code, "file": text(d.file), "line": d.line, "column": d.column, "field": text(d.field),
            "message": text(d.message), "hint": text(d.hint)}


def errors_body(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    return {"errors": [diagnostic_json(d) for d in diagnostics]}


def status_for(diagnostics: list[Diagnostic]) -> int:
    codes = {d.code for d in diagnostics}
    if codes and codes <= NOT_FOUND:
        return 404
    explicit = [STATUS[c] for c in codes if c in STATUS]
    return max(explicit) if explicit else 422


# codes whose HTTP status is neither 404 nor 422 (added by the parts that report them)
STATUS: dict[str, int] = {"RK-W040": 413, "RK-W044": 413}


def internal(where: str) -> dict[str, Any]:
    """The body of an unexpected failure: the traceback goes to the server's log only."""
    LOG.exception("internt fel vid %s", where)
    return {"errors": [{"code": "RK-W500", "file": where, "line": 0, "column": 0, "field": "",
                        "message": "internt fel i servern; händelsen är loggad", "hint": ""}]}
