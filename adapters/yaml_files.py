"""Read a fact bundle: a directory (or one file) of YAML/JSON files.

Each file is a mapping from fact kind to a list of records, plus an optional
`kontext: {per_datum: ÅÅÅÅ-MM-DD}`. JSON is read with the same strict YAML
loader, so every record keeps its line number. A record that fails
validation is reported with file, line and field, and kept as a BrokenFact so
that whatever depends on it is reported as undetermined, never silently lost.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from regelkoll.adapters.imported import read_import_section
from regelkoll.adapters.manifest import MANIFEST, SourceFile, read_manifest
from regelkoll.adapters.salvage import scan_records
from regelkoll.adapters.sources import read_sources
from regelkoll.diagnostics import Diagnostic, suggest
from regelkoll.discover import discover
from regelkoll.facts.assemble import GIVEN_KINDS, SAFE_FIELDS, Assembler, finish
from regelkoll.facts.bundle import BrokenFact, FactBundle
from regelkoll.facts.export import IMPORT_SECTIONS
from regelkoll.facts.model import FACT_KINDS
from regelkoll.yamlsafe import Positions, YamlError, load_file

SUFFIXES = (".yaml", ".yml", ".json")
# files in a source format: read only when kallor.yaml names them
SOURCE_SUFFIXES = (".csv", ".tsv", ".xml")
# names that look like data saved under another suffix (`org.yaml.bak`, `org.jsonl`): worth a word
_LOOKS_LIKE_DATA = re.compile(r"\.(ya?ml|json)", re.IGNORECASE)
_SKIPPED = {"unreadable": "RK-B060", "loop": "RK-B061", "dangling": "RK-B062", "outside": "RK-B063",
            "special": "RK-B064", "suffix": "RK-B065", "inside_link": "RK-B066"}
_SPECIAL = "är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte"


def read_bundle(path: Path) -> FactBundle:
    bundle = FactBundle(source=str(path))
    if not path.exists():
        bundle.diagnostics.append(Diagnostic(str(path), 0, 0, "RK-B001", "datamängden finns inte"))
        return bundle
    sources: list[SourceFile] = []
    if path.is_dir():
        files, skipped = discover(path, SUFFIXES + SOURCE_SUFFIXES, _LOOKS_LIKE_DATA)
        bundle.diagnostics += [Diagnostic(str(s.path), 0, 0, _SKIPPED[s.why], s.message) for s in skipped]
        files, sources = _split_sources(path, files, bundle.diagnostics)
    elif not stat.S_ISREG(path.stat().st_mode):
        bundle.diagnostics.append(Diagnostic(str(path), 0, 0, _SKIPPED["special"], _SPECIAL))
        return bundle
    else:
        files = [path]
    if not files and not sources:
        bundle.diagnostics.append(Diagnostic(str(path), 0, 0, "RK-B002", "inga YAML- eller JSON-filer i datamängden"))
    for file in files:
        display = str(file)
        try:
            data, positions = load_file(file, display)
        except YamlError as exc:
            bundle.diagnostics.append(exc.diagnostic)
            _name_the_lost(bundle, exc)
            continue
        add_records(bundle, data, positions, display)
    if sources:
        read_sources(bundle, sources)
    finish(bundle)
    return bundle


def _split_sources(root: Path, files: list[Path], diagnostics: list[Diagnostic]) -> tuple[list[Path], list[SourceFile]]:
    """The YAML/JSON fact files, and the sources `kallor.yaml` names (read by their adapters, never as facts).

    A CSV or XML file the manifest does not name is reported, not read: nothing is skipped in silence.
    """
    manifest = root / MANIFEST
    sources, named = read_manifest(root, diagnostics) if manifest.is_file() else ([], set())
    named.add(manifest.resolve())
    facts = []
    for file in files:
        if file.resolve() in named:
            continue
        if file.suffix.lower() in SOURCE_SUFFIXES:
            diagnostics.append(Diagnostic(str(file), 0, 0, "RK-K005", "filen är inte namngiven i kallor.yaml och "
                                          "läses inte" + ("" if manifest.is_file() else " (datamängden har ingen "
                                                          "kallor.yaml)")))
            continue
        facts.append(file)
    return facts, sources


def add_records(bundle: FactBundle, data: Any, positions: Positions, file: str, prefix: tuple = ()) -> None:
    """Validate the records of one document (or of a rule example at `prefix`) into `bundle`.

    What is particular to YAML is done here (structural problems, the shape kind → list of records);
    each record then goes to the format-neutral assembler. `finish(bundle)` follows once all are added.
    """
    assembler = Assembler(bundle)

    def diag(code: str, message: str, path: tuple, field: str = "", hint: str = "", key: bool = False) -> Diagnostic:
        pos = positions.locate(prefix + path, key=key)
        return Diagnostic(file, pos.line, pos.column, code, message, field, hint)

    # a structural problem (duplicate key, alias, over-long value ...) spoils the smallest unit that
    # holds it: one record, else the kind's list or the kontext, else the whole document
    spoilt: dict[tuple, list[Diagnostic]] = {}
    for problem in positions.problems_under(prefix):
        path = problem.path[len(prefix):]
        if not isinstance(data, dict) or not path or path[0] not in data:
            unit: tuple = ()
        elif path[0] != "kontext" and len(path) > 1 and isinstance(path[1], int):
            unit = path[:2]
        else:
            unit = path[:1]
        named = [str(part) for part in path if not str(part).startswith("__")]
        diagnostic = problem.diagnostic
        if not diagnostic.field and named:
            diagnostic = replace(diagnostic, field=".".join(named[:1] + named[2:3] if len(unit) == 2 else named[:2]))
        spoilt.setdefault(unit, []).append(diagnostic)
    for unit, problems in spoilt.items():
        spoilt[unit] = problems = _first_of_each_code(problems)
        bundle.diagnostics += problems
    n = len(prefix)
    shadowed = {path[n]: lists for path, lists in positions.shadowed.items() if len(path) == n + 1 and path[:n] == prefix}
    if () in spoilt:
        # the file cannot be read as a whole: none of its records is trusted, each one is named
        for kind, records in (data.items() if isinstance(data, dict) else ()):
            _name_records(bundle, kind, records, spoilt[()][0])
        for kind, lists in shadowed.items():
            for records in lists:
                _name_records(bundle, kind, records, spoilt[()][0])
        return
    if not isinstance(data, dict):
        bundle.diagnostics.append(diag("RK-B003", "filen ska vara en mappning från faktatyp till en lista", ()))
        return
    for kind, records in data.items():
        if (kind,) in spoilt:
            # a list written twice, tagged or anchored: neither copy is trusted, and neither is forgotten
            for written in (records, *shadowed.get(kind, ())):
                _name_records(bundle, kind, written, spoilt[(kind,)][0])
            continue
        if kind == "kontext":
            assembler.kontext(records, _YamlPlace(file, positions, prefix + ("kontext",)))
            continue
        if kind in IMPORT_SECTIONS and not prefix:
            read_import_section(assembler, kind, records, lambda path, k=kind: diag(
                "RK-B008", "ogiltig post i en importerad datamängd", (k, *path), k))
            continue
        model = FACT_KINDS.get(kind)
        if model is None:
            bundle.diagnostics.append(diag("RK-B004", f"okänd faktatyp '{kind}'", (kind,), kind,
                                           suggest(kind, [*FACT_KINDS, "kontext"]), key=True))
            continue
        if model.derived_only:
            bundle.diagnostics.append(diag("RK-B007", f"{kind} beräknas av Regelkoll ur andra fakta och kan inte "
                                           "anges (ange tillstand respektive placering)", (kind,), kind, key=True))
            continue
        if not isinstance(records, list):
            # records of this kind were meant here, one or many: none is trusted, none is forgotten
            assembler.unreadable(kind, records, diag("RK-B005", "ska vara en lista av poster", (kind,), kind))
            continue
        for index, raw in enumerate(records):
            path = (kind, index)
            if path in spoilt:
                failed = {p.path[len(prefix) + 2] for p in positions.problems_under(prefix + path)
                          if len(p.path) > len(prefix) + 2}
                # the id stays even where its key was spoilt (written twice, anchored): the record is then
                # named as unreadable, and what refers to it is undetermined rather than told it does not exist
                kept = {k: v for k, v in raw.items() if k not in failed or k == "id"} if isinstance(raw, dict) else {}
                assembler.unreadable(kind, kept, spoilt[path][0], report=False)
                continue
            if not isinstance(raw, dict):
                # a record of this kind we cannot read
                assembler.unreadable(kind, None, diag("RK-B006", "posten ska vara en mappning", path,
                                                      f"{kind}[{index}]"))
                continue
            assembler.add(kind, raw, _YamlPlace(file, positions, prefix + path))


@dataclass(frozen=True)
class _YamlPlace:
    """A record's place in a YAML/JSON document: positions looked up below its path."""

    file: str
    positions: Positions
    path: tuple

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        position = self.positions.locate(self.path + path, key=key)
        return position.line, position.column


def _name_the_lost(bundle: FactBundle, error: YamlError) -> None:
    """Keep every record of a refused file that can be named as broken.

    Nothing of it is trusted, but a facility in it is named as not checked, and what depends on its
    records is undetermined instead of judged as if they did not exist. What was read before the fault
    is named exactly; the rest of the text (and a fault in its very first lines) is scanned for the
    ids of records, so that a record after the fault is not lost either.
    """
    reason = error.diagnostic
    named = len(bundle.broken)
    if isinstance(error.partial, dict):
        for kind, records in error.partial.items():
            _name_records(bundle, kind, records, reason)
    for path, lists in error.shadowed.items():
        for records in lists if len(path) == 1 else ():
            _name_records(bundle, path[0], records, reason)
    seen = {(b.kind, b.id) for b in bundle.broken[named:]}
    for kind, raw in scan_records(error.text or "", GIVEN_KINDS, SAFE_FIELDS):
        if (kind, raw["id"]) not in seen:
            seen.add((kind, raw["id"]))
            bundle.broken.append(BrokenFact(kind, raw, reason))


def _name_records(bundle: FactBundle, kind: Any, records: Any, reason: Diagnostic) -> None:
    """Keep the records of one kind's list that carry an id as broken: named, never trusted."""
    if kind not in GIVEN_KINDS:
        return
    for raw in records if isinstance(records, list) else [records]:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            Assembler(bundle).unreadable(kind, raw, reason, report=False)


def _first_of_each_code(problems: list[Diagnostic]) -> list[Diagnostic]:
    """One line per kind of problem and unit: a record with a thousand aliases is one error, not a thousand."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.code] = counts.get(problem.code, 0) + 1
    out, shown = [], set()
    for problem in problems:
        if problem.code in shown:
            continue
        shown.add(problem.code)
        more = counts[problem.code] - 1
        out.append(replace(problem, message=f"{problem.message} (och {more} till av samma slag här)")
                   if more else problem)
    return out
