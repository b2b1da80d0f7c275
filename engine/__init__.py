"""Regelkoll: statutory requirements as YAML data, evaluated with durable_rules.

The public API (documented in README.md, "Som bibliotek"): load rules, read facts, check them unit by unit
or all at once, and turn a run into the report document. Names are imported on first use, so that the
command line does not load the engine to print its help.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_HOME = {
    "BUNDLED_RULES": "regelkoll.api",
    "UnitResult": "regelkoll.api",
    "check": "regelkoll.api",
    "compile_rules": "regelkoll.api",
    "document": "regelkoll.api",
    "iter_check": "regelkoll.api",
    "load_rules": "regelkoll.api",
    "read_facts": "regelkoll.api",
    "units": "regelkoll.api",
    "Diagnostic": "regelkoll.diagnostics",
    "DiagnosticError": "regelkoll.diagnostics",
    "FactBundle": "regelkoll.facts.bundle",
    "Finding": "regelkoll.ledger.findings",
    "RunResult": "regelkoll.ledger.result",
    "Rulebook": "regelkoll.lang.load",
    "to_json_bytes": "regelkoll.report.document",
}

__all__ = ["__version__", *_HOME]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'regelkoll' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
