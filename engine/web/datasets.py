"""The data sets a user may choose: by name, never by path, so that no request names a file outside them.

A data set is a folder or a YAML/JSON fact file directly under `--data`, or an uploaded data set (a folder under
the upload directory named `uppladdad-…`). Hidden entries are not offered.
"""

from __future__ import annotations

from pathlib import Path

from regelkoll.diagnostics import Diagnostic, DiagnosticError, suggest
from regelkoll.web.settings import Settings

UPLOADED = "uppladdad-"
FACT_FILES = (".yaml", ".yml", ".json")


def _offered(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    found = {}
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() or (entry.is_file() and entry.suffix.lower() in FACT_FILES):
            found[entry.name] = root / entry.name  # as --data named it: the report's source reads like the CLI's
    return found


def _all(settings: Settings) -> dict[str, Path]:
    offered = {name: path for name, path in _offered(settings.data).items() if not name.startswith(UPLOADED)}
    offered.update({name: path for name, path in _offered(settings.uploads).items()
                    if name.startswith(UPLOADED) and path.is_dir()})
    return offered


def list_datasets(settings: Settings) -> list[str]:
    return list(_all(settings))


def unknown_dataset(name: str, offered: list[str]) -> Diagnostic:
    """RK-W010 for a name that is not one of the data sets offered, with the nearest one."""
    return Diagnostic("begäran", 0, 0, "RK-W010", f"'{name}' är ingen datamängd på servern", "datamangd",
                      suggest(name, sorted(offered)))


def resolve_dataset(settings: Settings, name: str) -> Path:
    offered = _all(settings)
    if name not in offered:
        raise DiagnosticError([unknown_dataset(name, list(offered))])
    return offered[name]
