"""What `regelkoll --version` prints: the tool, the rules it would judge by, and what evaluates them.

An inspector quoting a run needs all three: the same tool with other rules, or other rules with another
durable_rules, can give another result. The rules digest is the one every report's `run.rules_digest` carries.
"""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "okänd"


def version_lines(rules: Path, load_rules: Callable) -> list[str]:
    """`load_rules` is the API's: passed in, so that reports can use `package_version` without the engine."""
    from regelkoll.diagnostics import DiagnosticError

    from regelkoll.application.packs import application_rules, supervision_rules

    try:
        book = load_rules(rules)
    except DiagnosticError as exc:
        regler = [f"regler: {rules} kan inte läsas ({len(exc.diagnostics)} fel; kör regelkoll rules lint)"]
    else:
        # each report carries the digest of the part it judged by: check and besok tillsyn, ansokan ansökningar
        regler = [f"regler: {rules}"] + [f"  {name}: {len(part.rules)} regler, sammandrag {part.digest}"
                                          for name, part in (("tillsyn", supervision_rules(book)),
                                                             ("ansökningar", application_rules(book)))]
    return [
        f"regelkoll {package_version('regelkoll')}",
        *regler,
        f"motor: durable_rules {package_version('durable_rules')}, pydantic {package_version('pydantic')}, "
        f"Python {platform.python_version()}",
    ]
