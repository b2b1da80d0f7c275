"""The Swedish Gherkin scenarios that name a rule, read from the project's features/ folder.

The folder is found next to the package's checkout (engine/ and features/ side by side). An installed wheel has
no features/: the rule page then says where the scenarios are instead of showing none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regelkoll

FEATURES = Path(regelkoll.__file__).resolve().parent.parent / "features"
_START = re.compile(r"^\s*(Scenario|Scenariomall|Abstrakt scenario)\s*:", re.IGNORECASE)
_END = re.compile(r"^\s*(Regel|Egenskap|Bakgrund)\s*:", re.IGNORECASE)
_FEATURE = re.compile(r"^\s*Egenskap\s*:\s*(.*)$")


@dataclass(frozen=True)
class Scenario:
    file: str  # features/<name>.feature
    line: int
    feature: str  # the feature's title
    title: str
    text: str  # the scenario as written, its first line included


def features_folder() -> Path | None:
    return FEATURES if FEATURES.is_dir() and any(FEATURES.glob("*.feature")) else None


def scenarios_naming(rule_id: str) -> list[Scenario]:
    folder = features_folder()
    if folder is None:
        return []
    files = sorted(folder.glob("*.feature"))
    found = _read_all(tuple((str(p), p.stat().st_mtime_ns) for p in files))
    named = re.compile(rf"(?<![A-Za-z0-9-]){re.escape(rule_id)}(?![A-Za-z0-9-])")
    return [s for s in found if named.search(s.text)]


@lru_cache(maxsize=4)
def _read_all(files: tuple[tuple[str, int], ...]) -> tuple[Scenario, ...]:
    out: list[Scenario] = []
    for path, _ in files:
        out += _scenarios(Path(path))
    return tuple(out)


def _scenarios(path: Path) -> list[Scenario]:
    lines = path.read_text(encoding="utf-8").splitlines()
    feature = ""
    out: list[Scenario] = []
    start: int | None = None

    def close(end: int) -> None:
        if start is None:
            return
        body = lines[start:end]
        while body and not body[-1].strip():
            body.pop()
        # tags written just above the scenario belong to it
        first = start
        while first > 0 and lines[first - 1].strip().startswith("@"):
            first -= 1
        text = "\n".join(line[_indent(body):] for line in lines[first:start] + body)
        title = lines[start].split(":", 1)[1].strip()
        out.append(Scenario(f"features/{path.name}", start + 1, feature, title, text))

    for n, line in enumerate(lines):
        if _START.match(line):
            close(n)
            start = n
        elif _END.match(line):
            close(n)
            start = None
            match = _FEATURE.match(line)
            if match:
                feature = match.group(1).strip()
    close(len(lines))
    return out


def _indent(body: list[str]) -> int:
    return len(body[0]) - len(body[0].lstrip()) if body else 0
