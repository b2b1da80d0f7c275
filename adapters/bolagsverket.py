"""Company officers from Bolagsverket: a saved Företagsinformation v4 answer (JSON) or a CSV of the same content.

Each officer who is a natural person and holds a role in IVO's circle (input-formats §3.2) becomes one
`foretradare` per role of the fact model. The JSON answer gives no dates: it tells who held which role on
the day it was taken, so `fran` is left out and `uppgift_per` is the manifest's `uttagsdatum`; the CSV
carries from/to dates. An officer is only ever attached to the company its own organisationsnummer names;
an officer of an unknown company is kept as broken. Every role outside the circle, every role the model
has no value for, every legal-person officer and every company status is reported, never dropped in silence.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from regelkoll.adapters.collect import Collected, PersonRef, Pointer
from regelkoll.adapters.delimited import Table, read_table
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.values import ValueProblem, display_name, fold, parse_date, slash_order
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import Place
from regelkoll.facts.identity import IdentityError, mask, normalise_organisationsnummer
from regelkoll.yamlsafe import Positions, YamlError, load_file

SOURCE = "Bolagsverket"



# --- the role-code table (adapters/data/bolagsverket_rollkoder.csv) -------------------------------------------


@dataclass(frozen=True)
class Rollkod:
    kod: str
    klartext: str
    roll: str | None  # the fact model's Foretradarroll, None when the model has no value for it
    i_kretsen: bool  # a representative in IVO's sense (input-formats §3.2)


@lru_cache(maxsize=1)
def rollkoder() -> dict[str, Rollkod]:
    """Role code (and its klartext, folded) → the role; read at run time so the table can be corrected alone."""
    text = resources.files("regelkoll.adapters").joinpath("data/bolagsverket_rollkoder.csv").read_text("utf-8")
    table: dict[str, Rollkod] = {}
    for row in csv.DictReader(io.StringIO(text), delimiter=";"):
        role = Rollkod(row["kod"].strip(), row["klartext"].strip(), row["roll"].strip() or None,
                       row["i_ivos_krets"].strip() == "ja")
        table[role.kod.upper()] = role
        table.setdefault(fold(role.klartext), role)
    return table


def role_of(text: str) -> Rollkod | None:
    value = text.strip()
    return rollkoder().get(value.upper()) or rollkoder().get(fold(value))


# --- organisations ---------------------------------------------------------------------------------------------


def shown(number: str) -> str:
    """An organisationsnummer for a message; an enskild firma's is a personnummer and is masked."""
    digits = re.sub(r"\D", "", number)
    return mask(number) if len(digits) >= 10 and digits[-8] in "01" else number


def organisation_for(number: str, source: SourceFile, out: Collected) -> tuple[str | None, str]:
    """The organisation id a number names in the data set, or (None, why)."""
    if not number.strip():
        if source.spec.organisation:
            return source.spec.organisation, ""
        return None, "har inget organisationsnummer (och kallor.yaml anger ingen organisation för filen)"
    try:
        normal = normalise_organisationsnummer(number)
    except IdentityError:
        return None, f"har ett ogiltigt organisationsnummer ({shown(number)})"
    for key, organisation in source.spec.organisationer.items():
        try:
            if normalise_organisationsnummer(key) == normal:
                return organisation, ""
        except IdentityError:
            continue
    if normal in out.organisations_by_number:
        return out.organisations_by_number[normal], ""
    return None, (f"har organisationsnumret {shown(normal)}, som ingen organisation i datamängden har (ange det "
                  "under organisationer i kallor.yaml eller som organisationsnummer i organisationens YAML-fil)")


# --- what one file found, reported once per file ---------------------------------------------------------------


@dataclass
class Tally:
    outside: dict[str, int]  # role codes outside IVO's circle → how many
    unmodelled: dict[str, int]  # in the circle, but the model has no value (vice VD …)

    def report(self, display: str, out: Collected) -> None:
        if self.outside:
            listed = ", ".join(f"{code} {_klartext(code)} ({n})" for code, n in sorted(self.outside.items()))
            out.diagnostics.append(Diagnostic(display, 0, 0, "RK-K063", f"roller utanför IVO:s krets av företrädare "
                                              f"läses inte som företrädare: {listed}"))
        if self.unmodelled:
            listed = ", ".join(f"{code} {_klartext(code)} ({n})" for code, n in sorted(self.unmodelled.items()))
            out.diagnostics.append(Diagnostic(display, 0, 0, "RK-K064", f"roller i IVO:s krets som Regelkoll ännu "
                                              f"inte har någon roll för ger ingen företrädare: {listed}; kontrollera "
                                              "dem för hand"))


def _klartext(code: str) -> str:
    role = rollkoder().get(code.upper())
    return role.klartext if role else ""


def add_roles(out: Collected, place: Place, id_prefix: str, person: PersonRef, organisation: str,
              roles: list[Rollkod], tally: Tally, dates: dict[str, Any]) -> None:
    """One foretradare per model role: LE and OF of one person are one board seat, not two."""
    made: set[str] = set()
    for role in roles:
        if not role.i_kretsen:
            tally.outside[role.kod] = tally.outside.get(role.kod, 0) + 1
        elif role.roll is None:
            tally.unmodelled[role.kod] = tally.unmodelled.get(role.kod, 0) + 1
        elif role.roll not in made:
            made.add(role.roll)
            # Bolagsverket never knows whether IVO was told of a change: that is unknown, not "not reported"
            out.add("foretradare", {"id": f"{id_prefix}-{role.roll}", "person": person, "organisation": organisation,
                                    "roll": role.roll, "okant": ["anmald"], **dates}, place)


def read(source: SourceFile, out: Collected) -> None:
    if source.spec.adapter == "bolagsverket_csv":
        _read_csv(source, out)
    else:
        _read_json(source, out)


# --- Företagsinformation v4 (JSON) -----------------------------------------------------------------------------


class _Unavailable(Exception):
    """Bolagsverket said it could not give the field (`fel` in a VDM-wrapped field)."""


def unwrap(value: Any) -> Any:
    """A field as given: VDM wraps a field as {dataproducent, fel, …the field's own keys}."""
    if isinstance(value, dict) and ("dataproducent" in value or "fel" in value):
        if value.get("fel"):
            fel = value["fel"]
            why = fel.get("felBeskrivning") or fel.get("typ") if isinstance(fel, dict) else fel
            raise _Unavailable(str(why or "fel"))
        return {k: v for k, v in value.items() if k not in ("dataproducent", "fel")}
    return value


def _get(value: Any, *keys: str) -> Any:
    """A nested field, None where anything on the way is missing, null, of the wrong shape or unavailable."""
    for key in keys:
        try:
            value = unwrap(value)
        except _Unavailable:
            return None
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    try:
        return unwrap(value)
    except _Unavailable:
        return None


def _text(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""


class _Json:
    def __init__(self, source: SourceFile, out: Collected, positions: Positions):
        self.source, self.out, self.positions = source, out, positions
        self.display = source.display
        self.prefix = f"bv-{source.key}"
        self.day = source.spec.uttagsdatum
        self.tally = Tally({}, {})

    def place(self, path: tuple) -> Pointer:
        return Pointer(self.display, self.positions.locate(path).line, "/" + "/".join(map(str, path)))

    def problem(self, path: tuple, code: str, message: str) -> Diagnostic:
        return self.out.problem(self.place(path), code, message)

    def organisations(self, data: Any) -> list[tuple[tuple, Any]]:
        if isinstance(data, list):
            return [((i,), org) for i, org in enumerate(data)]
        if isinstance(data, dict) and isinstance(data.get("organisationer"), list):  # the VDM envelope
            return [(("organisationer", i), org) for i, org in enumerate(data["organisationer"])]
        if isinstance(data, dict) and ("funktionarer" in data or "identitet" in data):
            return [((), data)]
        self.problem((), "RK-K060", "filen är inget svar från Bolagsverkets Företagsinformation: en lista av "
                     "organisationer väntades")
        return []

    def organisation(self, path: tuple, org: Any) -> None:
        if not isinstance(org, dict):
            self.problem(path, "RK-K060", "organisationen ska vara ett JSON-objekt; den läses inte")
            return
        spoilt = self.positions.problems_under(path)
        identity = _get(org, "identitet") or _get(org, "organisationsidentitet")
        number = _text(_get(identity, "identitetsbeteckning"))
        name = _text(_get(org, "organisationsnamn", "namn")) or _name_from_list(org) or "(namn saknas)"
        organisation, why = organisation_for(number, self.source, self.out)
        self.statuses(path, org, name)
        officers_path = (*path, "funktionarer")
        try:
            officers = unwrap(org.get("funktionarer"))
        except _Unavailable as exc:
            diagnostic = self.problem(officers_path, "RK-K068", f"Bolagsverket kunde inte lämna funktionärerna för "
                                      f"{name} ({exc}); organisationens företrädare kan inte avgöras")
            if organisation:
                self.out.lost("foretradare", {"id": f"{self.prefix}-{'-'.join(map(str, path))}-ej-lamnat",
                                              "organisation": organisation}, diagnostic)
            return
        if isinstance(officers, dict):  # a VDM-wrapped list: {dataproducent, fel, funktionarer: [...]}
            lists = [v for v in officers.values() if isinstance(v, list)]
            officers = officers.get("funktionarer", lists[0] if len(lists) == 1 else officers)
        if officers is None:
            self.problem(path, "RK-K068", f"svaret för {name} har inga funktionärer (begärdes FUNKTIONARER?); "
                         "inga företrädare läses från det")
            return
        if not isinstance(officers, list):
            diagnostic = self.problem(officers_path, "RK-K060", "funktionarer ska vara en lista; den läses inte")
            if organisation:
                self.out.lost("foretradare", {"id": f"{self.prefix}-{'-'.join(map(str, path))}-ej-last",
                                              "organisation": organisation}, diagnostic)
            return
        lost = None
        if organisation is None:
            lost = self.problem(path, "RK-K061", f"organisationen {name} {why}; dess {len(officers)} funktionärer "
                                "kopplas inte till något företag och deras roller kan inte avgöras")
        for j, officer in enumerate(officers):
            at = (*officers_path, j)
            broken = lost or next((p.diagnostic for p in spoilt if p.path[:len(at)] == at), None)
            self.officer(at, officer, organisation, broken)
        self.out.diagnostics += [problem.diagnostic for problem in spoilt]

    def statuses(self, path: tuple, org: dict, name: str) -> None:
        statuses = _get(org, "organisationsstatusar")
        if not isinstance(statuses, list):
            return
        for i, status in enumerate(statuses):
            words = _text(_get(status, "klartext")) or _text(_get(status, "kod")) or "okänd status"
            day = _text(_get(status, "datum"))
            self.problem((*path, "organisationsstatusar", i), "RK-K066", f"{name} har status hos Bolagsverket: "
                         f"{words}{' sedan ' + day if day else ''}; Regelkoll har ännu ingen regel för det, bedöm "
                         "det för hand")

    def officer(self, path: tuple, officer: Any, organisation: str | None, broken: Diagnostic | None) -> None:
        place = self.place(path)
        ident = f"{self.prefix}-{'-'.join(map(str, path[:-2]))}-{path[-1]}".replace("--", "-")
        if not isinstance(officer, dict):
            diagnostic = self.out.problem(place, "RK-K062", "funktionären ska vara ett JSON-objekt; den läses inte")
            if organisation:
                self.out.lost("foretradare", {"id": ident, "organisation": organisation}, diagnostic)
            return
        legal = _text(_get(officer, "organisationsnamn", "namn"))
        given, surname = _text(_get(officer, "personnamn", "fornamn")), _text(_get(officer, "personnamn", "efternamn"))
        number = _text(_get(officer, "identitet", "identitetsbeteckning"))
        codes = _get(officer, "funktionarsroller")
        roles, unknown = [], []
        for item in codes if isinstance(codes, list) else []:
            code = _text(_get(item, "kod")) or _text(_get(item, "klartext"))
            role = role_of(code) if code else None
            if role is None:
                unknown.append(code or "(tom)")
            else:
                roles.append(role)
        if legal and not (given or surname):
            listed = ", ".join(r.klartext for r in roles) or "utan roll"
            self.out.problem(place, "RK-K065", f"funktionären {legal} ({listed}) är en juridisk person; den blir "
                             "ingen företrädare")
            return
        name = display_name(given, surname)
        if broken is None and not (name or number):
            broken = self.out.problem(place, "RK-K062", "funktionären har varken namn eller identitetsbeteckning; "
                                      "den läses inte")
        if broken is None and not isinstance(codes, list):
            broken = self.out.problem(place, "RK-K062", f"funktionären {name} har inga funktionärsroller; rollerna "
                                      "kan inte avgöras")
        if broken is None and not unknown and not any(r.i_kretsen and r.roll for r in roles):
            # nothing to record of this person (a revisor, a vice VD): counted, but no person is named
            add_roles(self.out, place, ident, PersonRef(-1), organisation or "", roles, self.tally, {})
            return
        person = self.out.person(place, name, number or None, extract_day=self.day, source=SOURCE,
                                 field="identitetsbeteckning")
        if unknown:
            diagnostic = self.out.problem(place, "RK-K069", f"okänd rollkod {', '.join(unknown)} för {name}; rollen "
                                          "kan inte avgöras (se adapters/data/bolagsverket_rollkoder.csv)")
            if organisation and broken is None:
                self.out.lost("foretradare", {"id": f"{ident}-okand-roll", "person": person,
                                              "organisation": organisation}, diagnostic)
        if broken is not None:
            if any(r.i_kretsen for r in roles) or not roles:
                self.out.lost("foretradare", {"id": ident, "person": person, **({"organisation": organisation}
                                                                                 if organisation else {})}, broken)
            return
        assert organisation is not None
        dates = {"uppgift_per": self.day} if self.day else {}
        add_roles(self.out, place, ident, person, organisation, roles, self.tally, dates)


def _name_from_list(org: dict) -> str:
    names = _get(org, "organisationsnamn", "organisationsnamnLista")
    if isinstance(names, list) and names:
        return _text(_get(names[0], "namn"))
    return ""


def _read_json(source: SourceFile, out: Collected) -> None:
    try:
        data, positions = load_file(source.path, source.display)
    except YamlError as exc:
        out.diagnostics.append(exc.diagnostic)
        _refused(source, out, exc.diagnostic)
        return
    reader = _Json(source, out, positions)
    if any(not p.path for p in positions.problems):
        out.diagnostics += [p.diagnostic for p in positions.problems]
        _refused(source, out, positions.problems[0].diagnostic)
        return
    if source.spec.uttagsdatum is None:
        out.diagnostics.append(Diagnostic(source.display, 0, 0, "RK-K067", "källan har inget uttagsdatum i "
                                          "kallor.yaml: svaret säger inte vilken dag rollerna gällde, så ingen regel "
                                          "kan avgöra dem"))
    read = reader.organisations(data)
    for path, org in read:
        reader.organisation(path, org)
    # a structural problem outside every organisation (the VDM envelope) is still reported
    out.diagnostics += [p.diagnostic for p in positions.problems
                        if not any(p.path[:len(path)] == path for path, _ in read)]
    reader.tally.report(source.display, out)


def _refused(source: SourceFile, out: Collected, diagnostic: Diagnostic) -> None:
    """A file that cannot be read at all: the officers of the companies the manifest names for it are unknown."""
    named = {source.spec.organisation, *source.spec.organisationer.values()} - {None}
    for organisation in sorted(named):  # type: ignore[type-var]
        out.lost("foretradare", {"id": f"bv-{source.key}-ej-last-{organisation}",
                                 "organisation": organisation}, diagnostic)


# --- the CSV of the same content -------------------------------------------------------------------------------

SYNONYMS = {
    "orgnr": ("organisationsnummer", "org nr", "orgnummer"),
    "personnummer": ("pnr", "personnr", "identitetsbeteckning", "samordningsnummer"),
    "fornamn": ("förnamn", "tilltalsnamn"),
    "efternamn": (),
    "namn": ("fullständigt namn", "personnamn"),
    "rollkod": ("roll", "funktion", "funktionarsroll", "befattning"),
    "fran": ("från", "tilltradde", "tillträdde", "fran och med", "from"),
    "till": ("avgick", "till och med", "tom"),
    # not Bolagsverket's: the day IVO was told, when an inspector adds it from IVO's records
    "anmald": ("anmäld", "anmäld till ivo", "anmäld ivo", "anmälningsdatum", "anmäld datum"),
}


def _read_csv(source: SourceFile, out: Collected) -> None:
    table = read_table(source.path, source.display, SYNONYMS, out, extra=source.spec.kolumner,
                       required=("personnummer", "rollkod"))
    if table is None:
        return
    orders = {name: source.spec.datumformat or slash_order([table.cell(c, name) for _, c in table.rows])
              for name in ("fran", "till", "anmald")}
    prefix, tally = f"bvcsv-{source.key}", Tally({}, {})
    for line, cells in table.rows:
        _csv_row(source, out, table, line, cells, orders, f"{prefix}-{line}", tally)
    tally.report(source.display, out)


def _csv_row(source: SourceFile, out: Collected, table: Table, line: int, cells: list[str],
             orders: dict[str, str | None], ident: str, tally: Tally) -> None:
    place = table.row_place(line)
    if not cells:  # a ragged row, already reported: its role is not known
        diagnostic = Diagnostic(source.display, line, 0, "RK-K062", "raden kan inte läsas; rollen kan inte avgöras")
        organisation = source.spec.organisation
        out.lost("foretradare", {"id": ident, **({"organisation": organisation} if organisation else {})}, diagnostic)
        return
    name = display_name(table.cell(cells, "fornamn"), table.cell(cells, "efternamn"), table.cell(cells, "namn"))
    number = table.cell(cells, "personnummer")
    organisation, why = organisation_for(table.cell(cells, "orgnr"), source, out)
    code = table.cell(cells, "rollkod")
    role = role_of(code) if code else None
    dates: dict[str, Any] = {}
    broken: Diagnostic | None = None
    if "anmald" in table.columns:  # the column is there: an empty cell means not reported, not unknown
        dates["okant"] = []
    for name_of, key in (("fran", "fran"), ("till", "till"), ("anmald", "anmald")):
        text = table.cell(cells, name_of)
        if text:
            try:
                dates[key] = parse_date(text, slashed=orders[name_of])
            except ValueProblem as exc:
                broken = broken or out.problem(place, exc.code, exc.message, name_of, path=(name_of,))
    if broken is None and organisation is not None and role is not None and not (role.i_kretsen and role.roll):
        add_roles(out, place, ident, PersonRef(-1), organisation, [role], tally, {})  # counted; no person named
        return
    extract_day: date | None = source.spec.uttagsdatum
    person = out.person(place, name, number or None, extract_day=extract_day, source=SOURCE)
    if organisation is None:
        broken = out.problem(place, "RK-K061", f"raden {why}; {name or 'funktionären'} kopplas inte till något "
                             "företag och rollen kan inte avgöras", "orgnr", path=("orgnr",))
    elif role is None:
        broken = out.problem(place, "RK-K069", f"okänd roll '{code}' för {name}; rollen kan inte avgöras (se "
                             "adapters/data/bolagsverket_rollkoder.csv)" if code else f"{name} har ingen roll; "
                             "rollen kan inte avgöras", "rollkod", path=("rollkod",))
    elif not (name or number):
        broken = out.problem(place, "RK-K062", "raden har varken namn eller personnummer; den läses inte")
    if broken is not None:
        if role is None or role.i_kretsen:
            out.lost("foretradare", {"id": ident, "person": person, **({"organisation": organisation}
                                                                         if organisation else {})}, broken)
        return
    assert organisation is not None and role is not None
    if "fran" not in dates and source.spec.uttagsdatum:  # the row says only that the role held on the extract day
        dates["uppgift_per"] = source.spec.uttagsdatum
    add_roles(out, place, ident, person, organisation, [role], tally, dates)
