"""Read an application file into facts: the application, its circle of people, and the people themselves.

The file is read with the same strict YAML loader as a data set, so every error has its line. A part that
cannot be read is kept as a broken fact (one circle person, or the application itself), so that what
depends on it is reported as not assessable and the rest is still screened. People are matched to the
data set given with --data by personnummer first, then by name and birth date (adapters/resolve.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from regelkoll.adapters.resolve import MARGIN, known_people
from regelkoll.adapters.values import birth_date, slug
from regelkoll.application.facts import application_fact
from regelkoll.application.model import Ansokningsdokument, Forestandare, Identitet, Kretsperson
from regelkoll.diagnostics import Diagnostic, suggest
from regelkoll.facts.bundle import BrokenFact, FactBundle, Source
from regelkoll.facts.model import VERKSAMHETSTYPER, Organisation, Person
from regelkoll.facts.model import Kretsperson as KretspersonFact
from regelkoll.validation_sv import swedish_message
from regelkoll.yamlsafe import Positions, YamlError, load_file

# the parts that can fail alone: one circle person, the manager; a fault anywhere else spoils the application
_PERSON, _MANAGER = "personkrets", "forestandare"


@dataclass
class PersonEntry:
    """One person the application names, as the report shows them."""

    fact_id: str  # the kretsperson fact (or the application's, for the manager)
    person: str | None  # the person fact, None when unreadable
    namn: str
    roll: str
    personnummer: str | None = None
    fodelsedatum: str | None = None
    line: int = 0
    link: str = ""  # how the person was found in --data when not by number
    in_data: bool = False
    unreadable: bool = False  # its part of the file could not be read (an RK-A code says why)


@dataclass
class Application:
    """What was read of one application file."""

    id: str
    file: str
    document: Ansokningsdokument | None = None  # None when the application's own part is unreadable
    raw: dict[str, Any] = field(default_factory=dict)
    circle: list[PersonEntry] = field(default_factory=list)
    manager: PersonEntry | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    readable: bool = True  # False: the file itself could not be read, nothing was screened
    applicant_in_data: str | None = None  # the data set's organisation with the applicant's organisationsnummer
    inkom_line: int = 0  # the line of `inkom`, for the notice when it is after the assessment day (RK-A042)


def application_id(path: Path) -> str:
    return f"ansokan-{slug(path.stem)}"


def read_application(path: Path, bundle: FactBundle) -> Application:
    """Read the file at `path` and add its facts to `bundle` (the --data set, already finished)."""
    app = Application(application_id(path), str(path))
    if not path.is_file():
        app.readable = False
        app.diagnostics.append(Diagnostic(str(path), 0, 0, "RK-A001", "ansökan finns inte eller är ingen fil"))
        return app
    try:
        data, positions = load_file(path, str(path))
    except YamlError as exc:
        app.readable = False
        app.diagnostics += [exc.diagnostic, Diagnostic(str(path), exc.diagnostic.line, exc.diagnostic.column,
                                                       "RK-A002", "ansökan kan inte läsas; ingenting granskades")]
        return app
    if not isinstance(data, dict):
        app.readable = False
        app.diagnostics.append(Diagnostic(str(path), 1, 1, "RK-A003", "ansökan ska vara en mappning (fält: värde)"))
        return app
    app.raw = data
    spoilt = _problems(app, data, positions)
    _build(app, data, positions, spoilt, bundle)
    return app


def _where(app: Application, positions: Positions, loc: tuple, key: bool = False) -> tuple[int, int]:
    position = positions.locate(loc, key=key)
    return position.line, position.column


def _part(loc: tuple) -> tuple:
    """The part a fault at `loc` spoils: one circle person, the manager, or the application."""
    if len(loc) >= 2 and loc[0] == _PERSON and isinstance(loc[1], int):
        return loc[:2]
    if loc and loc[0] == _MANAGER:
        return loc[:1]
    return ()


def _problems(app: Application, data: dict, positions: Positions) -> dict[tuple, Diagnostic]:
    """Every fault in the file, reported with its line; returns the first fault of each spoilt part."""
    spoilt: dict[tuple, Diagnostic] = {}
    for problem in positions.problems:
        app.diagnostics.append(problem.diagnostic)
        spoilt.setdefault(_part(problem.path), problem.diagnostic)
    try:
        Ansokningsdokument.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            diagnostic = _diagnostic(app, positions, loc, err)
            app.diagnostics.append(diagnostic)
            spoilt.setdefault(_part(loc), diagnostic)
    return spoilt


def _diagnostic(app: Application, positions: Positions, loc: tuple, err: dict) -> Diagnostic:
    extra = err["type"] == "extra_forbidden"
    line, column = _where(app, positions, loc, key=extra)
    name = ".".join(map(str, loc)) or "ansokan"
    message, hint = swedish_message(err), ""
    if loc and loc[-1] in ("personnummer", "organisationsnummer") and err["type"] == "value_error":
        code = "RK-A012"
    elif loc == ("verksamhet", "typ") and err["type"] == "literal_error":
        code, message = "RK-A013", (f"okänd verksamhetstyp {err.get('input')!r}; Regelkoll känner bara till "
                                    f"{', '.join(VERKSAMHETSTYPER)}. Annan verksamhet (t.ex. enligt 26 kap. 1 § "
                                    "3–5 socialtjänstlagen eller 9 § 3–5 LSS) granskas inte av Regelkoll och "
                                    "får granskas för hand")
        hint = suggest(str(err.get("input")), VERKSAMHETSTYPER)
    elif _part(loc):
        code = "RK-A011"
    else:
        code = "RK-A010"
    if extra and loc:
        hint = "okänt fält i ansökan"
    return Diagnostic(app.file, line, column, code, message, name, hint)


def _build(app: Application, data: dict, positions: Positions, spoilt: dict[tuple, Diagnostic],
           bundle: FactBundle) -> None:
    register, by_number = known_people(bundle)
    taken = set(bundle.facts["person"])

    def person_for(who: Identitet, fact_kind: str, fact_id: str, roll: str, line: int) -> PersonEntry:
        entry = PersonEntry(fact_id, None, who.namn, roll, who.personnummer,
                            who.fodelsedatum.isoformat() if who.fodelsedatum else None, line)
        if who.personnummer and who.personnummer in by_number:
            entry.person, entry.in_data = by_number[who.personnummer], True
            return entry
        born = who.fodelsedatum or (birth_date(who.personnummer) if who.personnummer else None)
        if who.personnummer is None and born is not None:
            found = register.candidates(who.namn, born)
            if found and (len(found) == 1 or found[1][1] < found[0][1] - MARGIN):
                entry.person, entry.in_data = found[0][0], True
                entry.link = f"matchad på namn och födelsedatum ({found[0][1]} %)"
                if fact_kind == "kretsperson":  # the manager's link is the application's, not each rule's
                    bundle.links[(fact_kind, fact_id)] = entry.link
                app.diagnostics.append(Diagnostic(app.file, line, 0, "RK-A030", f"{who.namn} har inget personnummer "
                                                  f"i ansökan och matchades på namn och födelsedatum mot person "
                                                  f"'{entry.person}' i underlaget ({found[0][1]} %)"))
                return entry
            if found:
                names = ", ".join(f"'{p}' ({s} %)" for p, s in found[:4])
                app.diagnostics.append(Diagnostic(app.file, line, 0, "RK-A031", f"{who.namn} kan vara flera personer "
                                                  f"i underlaget ({names}); ingen koppling görs"))
        person_id = f"{app.id}.p{len(taken) + 1}"
        while person_id in taken:
            person_id += "x"
        taken.add(person_id)
        bundle.facts["person"][person_id] = Person(id=person_id, namn=who.namn, personnummer=who.personnummer)
        bundle.sources[("person", person_id)] = Source(app.file, line)
        if who.personnummer:
            by_number[who.personnummer] = person_id
        entry.person = person_id
        return entry

    raw_kind = (data.get("verksamhet") or {}).get("typ") if isinstance(data.get("verksamhet"), dict) else None
    kind = raw_kind if raw_kind in VERKSAMHETSTYPER else None  # an unknown kind leaves the circle not assessable
    raw_circle = data.get(_PERSON)
    for index, raw in enumerate(raw_circle if isinstance(raw_circle, list) else []):
        fact_id = f"{app.id}.krets{index + 1}"
        line = _where(app, positions, (_PERSON, index))[0]
        bundle.sources[("kretsperson", fact_id)] = Source(app.file, line)
        broken = spoilt.get((_PERSON, index))
        try:
            person = Kretsperson.model_validate(raw) if broken is None else None
        except ValidationError:
            person = None  # reported already, as part of the whole document
        namn = raw.get("namn") if isinstance(raw, dict) and isinstance(raw.get("namn"), str) else "(namn oläsligt)"
        roll = raw.get("roll") if isinstance(raw, dict) and isinstance(raw.get("roll"), str) else "?"
        if person is None:
            reason = broken or spoilt[()]
            app.circle.append(PersonEntry(fact_id, None, namn, roll, line=line, unreadable=True))
            bundle.broken.append(BrokenFact("kretsperson", {"id": fact_id, "ansokan": app.id}, reason))
            continue
        entry = person_for(person, "kretsperson", fact_id, person.roll, line)
        app.circle.append(entry)
        bundle.facts["kretsperson"][fact_id] = KretspersonFact(id=fact_id, ansokan=app.id, person=entry.person,
                                                               roll=person.roll, agande=person.agande,
                                                               verksamhetstyp=kind)

    _duplicates(app, bundle)
    manager = _manager(data, spoilt)
    if manager is not None and manager.personnummer is None and manager.fodelsedatum is None:
        # named but not identified: a completion to ask for (AN-FOR-01), not a fault in the file
        app.manager = PersonEntry(app.id, None, manager.namn, "forestandare",
                                  line=_where(app, positions, (_MANAGER,))[0])
    elif manager is not None:
        line = _where(app, positions, (_MANAGER,))[0]
        app.manager = person_for(manager, "ansokan", app.id, "forestandare", line)
    elif isinstance(data.get(_MANAGER), dict):
        raw = data[_MANAGER]
        app.manager = PersonEntry(app.id, None, raw.get("namn") if isinstance(raw.get("namn"), str) else "(oläsligt)",
                                  "forestandare", line=_where(app, positions, (_MANAGER,))[0], unreadable=True)

    if isinstance(data.get("inkom"), str) or data.get("inkom") is not None:
        app.inkom_line = _where(app, positions, ("inkom",))[0]
    bundle.sources[("ansokan", app.id)] = Source(app.file, 1)
    if () in spoilt:
        app.document = None
        safe = {"id": app.id}
        kind = (data.get("verksamhet") or {}).get("typ") if isinstance(data.get("verksamhet"), dict) else None
        if kind in VERKSAMHETSTYPER:
            safe["verksamhetstyp"] = kind  # a known kind still rules the other laws' rules out
        bundle.broken.append(BrokenFact("ansokan", safe, spoilt[()]))
        return
    document = _document(data, spoilt)
    app.document = document
    fact = application_fact(app.id, Path(app.file).stem, document, app.manager,
                            manager_named=isinstance(data.get(_MANAGER), dict) and bool(data[_MANAGER].get("namn")),
                            organisation=_applicant(app, document, bundle))
    bundle.facts["ansokan"][app.id] = fact


def _applicant(app: Application, document: Ansokningsdokument, bundle: FactBundle) -> str | None:
    """The applicant as an organisation: found in the data set by organisationsnummer, else made here."""
    number = document.sokande.organisationsnummer
    if number is None:
        return None
    for organisation in bundle.of("organisation"):
        if organisation.organisationsnummer == number:  # type: ignore[attr-defined]
            app.applicant_in_data = organisation.id
            return organisation.id
    org_id = f"{app.id}.sokande"
    bundle.facts["organisation"][org_id] = Organisation(id=org_id, namn=document.sokande.namn or number,
                                                        organisationsnummer=number, regi="enskild")
    bundle.sources[("organisation", org_id)] = Source(app.file, 1)
    return org_id


def _manager(data: dict, spoilt: dict[tuple, Diagnostic]) -> Forestandare | None:
    if (_MANAGER,) in spoilt or not isinstance(data.get(_MANAGER), dict):
        return None
    try:
        return Forestandare.model_validate(data[_MANAGER])
    except ValidationError:
        return None


def _document(data: dict, spoilt: dict[tuple, Diagnostic]) -> Ansokningsdokument:
    """The application without the parts that could not be read (they are broken facts of their own)."""
    kept = dict(data)
    if isinstance(data.get(_PERSON), list):
        kept[_PERSON] = [p for i, p in enumerate(data[_PERSON]) if (_PERSON, i) not in spoilt]
    if (_MANAGER,) in spoilt:
        kept.pop(_MANAGER)
    return Ansokningsdokument.model_validate(kept)


def _duplicates(app: Application, bundle: FactBundle) -> None:
    """A notice (RK-A041) for each person named twice in the circle: by personnummer, else name and birth date."""
    seen: dict[tuple, PersonEntry] = {}
    for entry in app.circle:
        if entry.unreadable:
            continue
        key = ("pnr", entry.personnummer) if entry.personnummer else \
            ("namn", entry.namn.casefold(), entry.fodelsedatum) if entry.fodelsedatum else None
        if key is None:
            continue
        if key in seen:
            first = seen[key]
            app.diagnostics.append(Diagnostic(app.file, entry.line, 0, "RK-A041", f"{entry.namn} anges flera gånger "
                                              f"i ägar- och ledningskretsen (som {first.roll} på rad {first.line} "
                                              f"och som {entry.roll}); båda prövas"))
        else:
            seen[key] = entry
