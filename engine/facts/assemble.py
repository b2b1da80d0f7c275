"""Assemble a FactBundle from raw records, whatever format they were read from.

An adapter reads its format (YAML, CSV, XML …) and hands over each record as a plain dict with a
`Place` that can say where the record and each of its fields were written. The assembler does the
rest, the same for every format: normalise identity numbers, validate against the fact model, keep
what fails as broken (so that what depends on it is undetermined, never silently judged), refuse a
second record with the same id, merge people recorded twice, resolve references and derive periods.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from regelkoll.diagnostics import Diagnostic, suggest
from regelkoll.facts.bundle import BrokenFact, FactBundle, Source, derive
from regelkoll.facts.identity import IdentityError, normalise_organisationsnummer, normalise_personnummer
from regelkoll.facts.model import FACT_KINDS, Kontext
from regelkoll.validation_sv import field_hint, swedish_hint, swedish_message

# the fields a broken record keeps (with its namn): identifiers and references, never a personnummer
SAFE_FIELDS = ("id", "person", "verksamhet", "organisation", "beslut", "tillstand", "utforare", "legitimation",
               "patient", "klient")
# the kinds a source may give (the others are derived from them)
GIVEN_KINDS = tuple(kind for kind, model in FACT_KINDS.items() if not model.derived_only)
_UNIT_KINDS = {"organisation": "verksamhet", "verksamhet": "organisation"}
_NORMALISERS = {"personnummer": normalise_personnummer, "organisationsnummer": normalise_organisationsnummer}


class Place(Protocol):
    """Where a record was written: its file, and the line and column of the record or of a part of it."""

    file: str

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        """Line and column of the record (no path), of a field's value, or with `key` of the field's name."""
        ...


@dataclass(frozen=True)
class Row:
    """A record that is one line of its file (a CSV row): every field on that line, in its own column."""

    file: str
    line: int
    columns: Mapping[str, int] = field(default_factory=dict)

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        return self.line, self.columns.get(str(path[0]), 0) if path else 0


def safe_raw(raw: Mapping) -> dict:
    # only identifiers and references survive: a broken record may hold an invalid personnummer
    return {k: v for k, v in raw.items() if (k in SAFE_FIELDS or k == "namn") and isinstance(v, str)}


class Assembler:
    """Collects records into a bundle; `finish()` resolves what needs all of them."""

    def __init__(self, bundle: FactBundle | None = None):
        self.bundle = bundle if bundle is not None else FactBundle()

    def diagnostic(self, place: Place, code: str, message: str, path: tuple = (), field: str = "", hint: str = "",
                   key: bool = False) -> Diagnostic:
        return Diagnostic(place.file, *place.at(*path, key=key), code, message, field, hint)

    def unreadable(self, kind: str, raw: Any, problem: Diagnostic, *, report: bool = True) -> None:
        """A record of `kind` the adapter could not read: named, never trusted (`raw` may be anything)."""
        if report:
            self.bundle.diagnostics.append(problem)
        self.bundle.broken.append(BrokenFact(kind, safe_raw(raw) if isinstance(raw, Mapping) else {}, problem))

    def kontext(self, raw: Any, place: Place) -> None:
        """The evaluation context (`per_datum`); given twice with different values is an RK-B011."""
        try:
            kontext = Kontext.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = ("kontext", *err["loc"])
                self.bundle.diagnostics.append(self.diagnostic(place, "RK-B010", swedish_message(err), loc[1:],
                                                               ".".join(map(str, loc))))
            return
        if self.bundle.kontext is not None and self.bundle.kontext != kontext:
            self.bundle.diagnostics.append(self.diagnostic(place, "RK-B011",
                                                           "kontext anges två gånger med olika värden"))
        self.bundle.kontext = kontext

    def add(self, kind: str, raw: Mapping, place: Place) -> None:
        """Validate one record of a given kind into the bundle, or keep it as broken with its diagnostics."""
        bundle, model = self.bundle, FACT_KINDS[kind]
        record = dict(raw)
        problems: list[Diagnostic] = []
        for name, normalise in _NORMALISERS.items():
            if name in record and record[name] is not None:
                try:
                    value = normalise(record[name])
                    record[name] = value[0] if isinstance(value, tuple) else value
                except IdentityError as exc:
                    problems.append(self.diagnostic(place, "RK-B020", str(exc), (name,), f"{kind}.{name}"))
        if not problems:
            try:
                fact = model.model_validate(record)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    loc = tuple(err["loc"])
                    extra = err["type"] == "extra_forbidden"
                    name = ".".join(map(str, loc)) or kind
                    hint = field_hint(str(loc[-1]), list(model.model_fields)) if extra and loc else swedish_hint(err)
                    problems.append(self.diagnostic(place, "RK-B010", swedish_message(err), loc, f"{kind}.{name}",
                                                    hint, key=extra))
        if problems:
            bundle.diagnostics += problems
            # a field that failed validation must not rule the record in or out of anything
            failed = {p.field.removeprefix(f"{kind}.").split(".")[0] for p in problems}
            bundle.broken.append(BrokenFact(kind, {k: v for k, v in safe_raw(raw).items() if k not in failed},
                                            problems[0]))
            return
        if fact.id in bundle.facts[kind]:
            first = bundle.sources[(kind, fact.id)]
            self.unreadable(kind, raw, self.diagnostic(place, "RK-B012", f"id '{fact.id}' finns redan "
                                                       f"({first.file}:{first.line})", ("id",), f"{kind}.id"))
            return
        other = _UNIT_KINDS.get(kind)
        if other and (bundle.get(other, fact.id) is not None
                      or any(b.kind == other and b.id == fact.id for b in bundle.broken)):
            # facilities and organisations are both units of the report, named by id alone: one id,
            # two units would be merged into one and each judged with the other's facts
            first = bundle.sources.get((other, fact.id))
            where = f" ({first.file}:{first.line})" if first else ""
            self.unreadable(kind, raw, self.diagnostic(
                place, "RK-B070", f"id '{fact.id}' används redan av en {other}{where}; en organisation och en "
                "verksamhet måste ha olika id", ("id",), f"{kind}.id"))
            return
        bundle.facts[kind][fact.id] = fact
        refs = tuple((name, *place.at(name)) for name in (*model.references, "personnummer") if name in raw)
        bundle.sources[(kind, fact.id)] = Source(place.file, *place.at(), refs, getattr(place, "where", ""))

    def finish(self) -> FactBundle:
        finish(self.bundle)
        return self.bundle


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
            raw = {k: v for k, v in safe_raw(fact.model_dump()).items() if k not in {d[0] for d in dangling}}
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
    for kind, fact_id, code, field_name, message in derive(bundle):
        src = bundle.sources[(kind, fact_id)]
        bundle.diagnostics.append(Diagnostic(src.file, *src.of(field_name.split(".")[-1]), code, message, field_name))
    # an imported data set carries the diagnostics of its sources, and deriving again finds some of them anew
    bundle.diagnostics[:] = list(dict.fromkeys(bundle.diagnostics))


def _merge_people(bundle: FactBundle) -> dict[str, str]:
    """One personnummer, one person: references to a second id are pointed at the first, and it is reported.

    Returns, for a person not merged because the names differ, the id it conflicts with.
    """
    first: dict[str, str] = {}
    alias: dict[str, str] = {}
    conflicts: dict[str, str] = {}
    for person in bundle.of("person"):
        if person.personnummer is None:  # type: ignore[attr-defined]
            continue
        number = person.personnummer  # type: ignore[attr-defined]
        if number in first:
            other = bundle.get("person", first[number])
            src = bundle.sources[("person", person.id)]
            del bundle.facts["person"][person.id]
            if other is not None and other.namn != person.namn:  # type: ignore[attr-defined]
                # the same number under two names: we cannot tell who is who, so neither link is trusted
                problem = Diagnostic(src.file, *src.of("personnummer"), "RK-B033", f"samma personnummer som person "
                                     f"'{other.id}' men annat namn ('{other.namn}'); posten används inte",  # type: ignore[attr-defined]
                                     "person.personnummer")
                bundle.diagnostics.append(problem)
                # kept whole: a check of who is who (jäv) must still find this record by its number
                bundle.broken.append(BrokenFact("person", {"id": person.id, "namn": person.namn,  # type: ignore[attr-defined]
                                                           "personnummer": number}, problem))
                conflicts[person.id] = other.id
                continue
            alias[person.id] = first[number]
            bundle.diagnostics.append(Diagnostic(
                src.file, *src.of("personnummer"), "RK-B032", f"personnumret finns redan hos person '{first[number]}'"
                f"; '{person.id}' behandlas som samma person", "person.personnummer"))
        else:
            first[number] = person.id
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
