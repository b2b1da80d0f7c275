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
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from regelkoll.adapters.salvage import scan_records
from regelkoll.diagnostics import Diagnostic, suggest
from regelkoll.facts.bundle import BrokenFact, FactBundle, Source, derive
from regelkoll.facts.identity import IdentityError, normalise_organisationsnummer, normalise_personnummer
from regelkoll.facts.model import FACT_KINDS, Kontext
from regelkoll.validation_sv import swedish_message as _msg
from regelkoll.yamlsafe import Positions, YamlError, discover, load_file

SUFFIXES = (".yaml", ".yml", ".json")
# names that look like data saved under another suffix (`org.yaml.bak`, `org.jsonl`): worth a word
_LOOKS_LIKE_DATA = re.compile(r"\.(ya?ml|json)", re.IGNORECASE)
_SKIPPED = {"unreadable": "RK-B060", "loop": "RK-B061", "dangling": "RK-B062", "outside": "RK-B063",
            "special": "RK-B064", "suffix": "RK-B065", "inside_link": "RK-B066"}
_SPECIAL = "är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte"
_UNIT_KINDS = {"organisation": "verksamhet", "verksamhet": "organisation"}
# the fields a broken record keeps (with its namn): identifiers and references, never a personnummer
_SAFE_FIELDS = ("id", "person", "verksamhet", "organisation", "beslut", "tillstand", "utforare", "legitimation",
                "patient", "klient")
_NAMEABLE = tuple(kind for kind, model in FACT_KINDS.items() if not model.derived_only)
_NORMALISERS = {"personnummer": normalise_personnummer, "organisationsnummer": normalise_organisationsnummer}


def read_bundle(path: Path) -> FactBundle:
    bundle = FactBundle(source=str(path))
    if not path.exists():
        bundle.diagnostics.append(Diagnostic(str(path), 0, 0, "RK-B001", "datamängden finns inte"))
        return bundle
    if path.is_dir():
        files, skipped = discover(path, SUFFIXES, _LOOKS_LIKE_DATA)
        bundle.diagnostics += [Diagnostic(str(s.path), 0, 0, _SKIPPED[s.why], s.message) for s in skipped]
    elif not stat.S_ISREG(path.stat().st_mode):
        bundle.diagnostics.append(Diagnostic(str(path), 0, 0, _SKIPPED["special"], _SPECIAL))
        return bundle
    else:
        files = [path]
    if not files:
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
    finish(bundle)
    return bundle


def add_records(bundle: FactBundle, data: Any, positions: Positions, file: str, prefix: tuple = ()) -> None:
    """Validate the records of one document (or of a rule example at `prefix`) into `bundle`."""

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
            try:
                kontext = Kontext.model_validate(records)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    loc = ("kontext", *err["loc"])
                    bundle.diagnostics.append(diag("RK-B010", _msg(err), loc, ".".join(map(str, loc))))
                continue
            if bundle.kontext is not None and bundle.kontext != kontext:
                bundle.diagnostics.append(diag("RK-B011", "kontext anges två gånger med olika värden", ("kontext",)))
            bundle.kontext = kontext
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
            problem = diag("RK-B005", "ska vara en lista av poster", (kind,), kind)
            bundle.diagnostics.append(problem)
            # records of this kind were meant here, one or many: none is trusted, none is forgotten
            bundle.broken.append(BrokenFact(kind, _safe_raw(records) if isinstance(records, dict) else {}, problem))
            continue
        for index, raw in enumerate(records):
            path = (kind, index)
            if path in spoilt:
                failed = {p.path[len(prefix) + 2] for p in positions.problems_under(prefix + path)
                          if len(p.path) > len(prefix) + 2}
                # the id stays even where its key was spoilt (written twice, anchored): the record is then
                # named as unreadable, and what refers to it is undetermined rather than told it does not exist
                kept = {k: v for k, v in _safe_raw(raw).items() if k not in failed or k == "id"} \
                    if isinstance(raw, dict) else {}
                bundle.broken.append(BrokenFact(kind, kept, spoilt[path][0]))
                continue
            if not isinstance(raw, dict):
                problem = diag("RK-B006", "posten ska vara en mappning", path, f"{kind}[{index}]")
                bundle.diagnostics.append(problem)
                bundle.broken.append(BrokenFact(kind, {}, problem))  # a record of this kind we cannot read
                continue
            record = dict(raw)
            problems: list[Diagnostic] = []
            for name, normalise in _NORMALISERS.items():
                if name in record and record[name] is not None:
                    try:
                        value = normalise(record[name])
                        record[name] = value[0] if isinstance(value, tuple) else value
                    except IdentityError as exc:
                        problems.append(diag("RK-B020", str(exc), (*path, name), f"{kind}.{name}"))
            if not problems:
                try:
                    fact = model.model_validate(record)
                except ValidationError as exc:
                    for err in exc.errors(include_url=False):
                        loc = tuple(err["loc"])
                        extra = err["type"] == "extra_forbidden"
                        name = ".".join(map(str, loc)) or kind
                        hint = suggest(str(loc[-1]), list(model.model_fields)) if extra and loc else ""
                        problems.append(diag("RK-B010", _msg(err), (*path, *loc), f"{kind}.{name}", hint, key=extra))
            if problems:
                bundle.diagnostics += problems
                # a field that failed validation must not rule the record in or out of anything
                failed = {p.field.removeprefix(f"{kind}.").split(".")[0] for p in problems}
                kept = {k: v for k, v in _safe_raw(raw).items() if k not in failed}
                bundle.broken.append(BrokenFact(kind, kept, problems[0]))
                continue
            if fact.id in bundle.facts[kind]:
                first = bundle.sources[(kind, fact.id)]
                problem = diag("RK-B012", f"id '{fact.id}' finns redan ({first.file}:{first.line})", (*path, "id"),
                               f"{kind}.id")
                bundle.diagnostics.append(problem)
                bundle.broken.append(BrokenFact(kind, _safe_raw(raw), problem))
                continue
            other = _UNIT_KINDS.get(kind)
            clash = other and (bundle.get(other, fact.id) is not None
                               or any(b.kind == other and b.id == fact.id for b in bundle.broken))
            if clash:
                # facilities and organisations are both units of the report, named by id alone: one id,
                # two units would be merged into one and each judged with the other's facts
                first = bundle.sources.get((other, fact.id))
                where = f" ({first.file}:{first.line})" if first else ""
                problem = diag("RK-B070", f"id '{fact.id}' används redan av en {other}{where}; en organisation och "
                               "en verksamhet måste ha olika id", (*path, "id"), f"{kind}.id")
                bundle.diagnostics.append(problem)
                bundle.broken.append(BrokenFact(kind, _safe_raw(raw), problem))
                continue
            bundle.facts[kind][fact.id] = fact
            at = positions.locate(prefix + path)
            refs = tuple((name, pos.line, pos.column) for name in (*model.references, "personnummer") if name in raw
                         for pos in [positions.locate(prefix + path + (name,))])
            bundle.sources[(kind, fact.id)] = Source(file, at.line, at.column, refs)


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
    for kind, raw in scan_records(error.text or "", _NAMEABLE, _SAFE_FIELDS):
        if (kind, raw["id"]) not in seen:
            seen.add((kind, raw["id"]))
            bundle.broken.append(BrokenFact(kind, raw, reason))


def _name_records(bundle: FactBundle, kind: Any, records: Any, reason: Diagnostic) -> None:
    """Keep the records of one kind's list that carry an id as broken: named, never trusted."""
    if not isinstance(kind, str) or kind not in FACT_KINDS or FACT_KINDS[kind].derived_only:
        return
    for raw in records if isinstance(records, list) else [records]:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            bundle.broken.append(BrokenFact(kind, _safe_raw(raw), reason))


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


def _safe_raw(raw: dict) -> dict:
    # only identifiers and references survive: a broken record may hold an invalid personnummer
    return {k: v for k, v in raw.items() if (k in _SAFE_FIELDS or k == "namn") and isinstance(v, str)}


def finish(bundle: FactBundle) -> None:
    """Merge people recorded twice, report dangling references, then fill in what needs the whole bundle.

    A record that points at something that does not exist is kept as broken, without the dangling
    link: it could concern anyone, so everything it might affect becomes undetermined. A link to an
    organisation or facility that exists but is itself broken is kept. A broken person cannot be
    identified (its personnummer is unreadable), so a record about one is kept as broken and linked
    to the valid person of the same name if there is exactly one, else to nobody in particular.
    """
    conflicts = _merge_people(bundle)
    known = {(b.kind, b.id) for b in bundle.broken if b.id}
    broken_names = {b.id: b.raw.get("namn") for b in bundle.broken if b.kind == "person" and b.id}

    def same_person(broken_id: str) -> str | None:
        """The valid person a broken one may be: by personnummer conflict, else by name; None if ambiguous."""
        if broken_id in conflicts:
            return conflicts[broken_id]
        name = broken_names.get(broken_id)
        matches = [p.id for p in bundle.of("person") if name and p.namn == name]  # type: ignore[attr-defined]
        if len(matches) > 1 or not name:
            return None
        return matches[0] if matches else broken_id

    def resolves(target: str, value: str) -> bool:
        # a broken person cannot be identified (its personnummer is unreadable): it might be anyone
        return bundle.get(target, value) is not None or (target != "person" and (target, value) in known)

    for broken in bundle.broken:
        model = FACT_KINDS.get(broken.kind)
        for name, target in (model.references.items() if model else ()):
            value = broken.raw.get(name)
            if value is not None and not resolves(target, value):
                del broken.raw[name]
    for kind, model in FACT_KINDS.items():
        for fact in bundle.of(kind):
            dangling = [(name, target, getattr(fact, name)) for name, target in model.references.items()
                        if getattr(fact, name) is not None and not resolves(target, getattr(fact, name))]
            if not dangling:
                continue
            src = bundle.sources[(kind, fact.id)]
            problems = [Diagnostic(src.file, *src.of(name), "RK-B030", f"{kind} '{fact.id}' hänvisar till {target} "
                                   f"'{value}' som " + ("är ogiltig" if (target, value) in known else "inte finns"),
                                   f"{kind}.{name}",
                                   "" if (target, value) in known else suggest(value, list(bundle.facts[target])))
                        for name, target, value in dangling]
            bundle.diagnostics += problems
            raw = {k: v for k, v in _safe_raw(fact.model_dump()).items() if k not in {d[0] for d in dangling}}
            for name, target in model.references.items():
                person = getattr(fact, name, None) if target == "person" else None
                if person is not None and ("person", person) in known:
                    candidate = same_person(person)
                    if candidate is not None:  # None: it could be anyone, so the link is dropped
                        raw[name] = candidate
            reason = problems[0] if problems else Diagnostic(src.file, src.line, src.column, "RK-B030",
                                                              f"{kind} '{fact.id}' hänvisar till en ogiltig post")
            bundle.broken.append(BrokenFact(kind, raw, reason))
            known.add((kind, fact.id))  # later kinds may point at it (kinds are read in dependency order)
            del bundle.facts[kind][fact.id]
    for kind, fact_id, code, field, message in derive(bundle):
        src = bundle.sources[(kind, fact_id)]
        bundle.diagnostics.append(Diagnostic(src.file, *src.of(field.split(".")[-1]), code, message, field))


def _merge_people(bundle: FactBundle) -> dict[str, str]:
    """One personnummer, one person: references to a second id are pointed at the first, and it is reported.

    Returns, for a person not merged because the names differ, the id it conflicts with.
    """
    first: dict[str, str] = {}
    alias: dict[str, str] = {}
    conflicts: dict[str, str] = {}
    for person in bundle.of("person"):
        if person.personnummer is None:
            continue
        if person.personnummer in first:
            other = bundle.get("person", first[person.personnummer])
            src = bundle.sources[("person", person.id)]
            del bundle.facts["person"][person.id]
            if other is not None and other.namn != person.namn:  # type: ignore[attr-defined]
                # the same number under two names: we cannot tell who is who, so neither link is trusted
                problem = Diagnostic(src.file, *src.of("personnummer"), "RK-B033", f"samma personnummer som person "
                                     f"'{other.id}' men annat namn ('{other.namn}'); posten används inte",  # type: ignore[attr-defined]
                                     "person.personnummer")
                bundle.diagnostics.append(problem)
                bundle.broken.append(BrokenFact("person", {"id": person.id}, problem))
                conflicts[person.id] = other.id
                continue
            alias[person.id] = first[person.personnummer]
            bundle.diagnostics.append(Diagnostic(
                *(src.file, *src.of("personnummer")), "RK-B032", f"personnumret finns redan hos person '{first[person.personnummer]}'"
                f"; '{person.id}' behandlas som samma person", "person.personnummer"))
        else:
            first[person.personnummer] = person.id
    if not alias:
        return conflicts
    for kind, model in FACT_KINDS.items():
        fields = [name for name, target in model.references.items() if target == "person"]  # person, utforare …
        for fact in bundle.of(kind) if fields else ():
            update = {name: alias[getattr(fact, name)] for name in fields if getattr(fact, name) in alias}
            if update:
                bundle.facts[kind][fact.id] = fact.model_copy(update=update)
    for broken in bundle.broken:
        model = FACT_KINDS.get(broken.kind)
        for name, target in (model.references.items() if model else ()):
            if target == "person" and broken.raw.get(name) in alias:
                broken.raw[name] = alias[broken.raw[name]]
    return conflicts
