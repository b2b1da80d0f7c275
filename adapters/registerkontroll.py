"""The log a home keeps of the criminal-record extracts it was shown (registerkontroll), as CSV or YAML.

The extract itself is a paper or digital-post document with no machine-readable form (input-formats §5),
so the home's own log is read: one row per person and extract. Each row under one of the three laws
becomes a `registerutdrag` of the manifest's organisation; an extract of another kind (one's own
extract, a school extract, a foreign one) is no extract under these laws and is reported row by row.
Reading the log says the organisation's extracts are known: a person on the roster who is not in it
has none. A row that cannot be read is kept as broken, so that person's extracts are undetermined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.delimited import read_table
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.values import ValueProblem, display_name, fold, parse_date, slash_order
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import Place, Row
from regelkoll.yamlsafe import Positions, YamlError, load_file

SOURCE = "registerkontrollen"


SYNONYMS = {
    "personnummer": ("pnr", "personnr", "samordningsnummer", "person"),
    "namn": ("fullständigt namn", "anställd", "medarbetare"),
    "fornamn": ("förnamn",),
    "efternamn": (),
    "utdragstyp": ("typ", "utdrag", "lag", "typ av utdrag"),
    "register": ("registren", "omfattar"),
    "utfardat": ("utfärdat", "utfärdandedatum", "utfardandedatum", "utdragsdatum", "datum på utdraget"),
    "uppvisat": ("visat", "uppvisat datum", "visat datum", "visat_datum", "kontrollerat", "kontrollerad"),
    "bevarat_till": ("sparad till", "sparat till", "sparad_till", "bevaras till", "bevarad till", "gallras"),
    "resultat": ("utfall",),
    "eu_kontroll": ("eu kontroll", "eu-kontroll", "kontroll i eu", "eu"),
}
DATES = ("utfardat", "uppvisat", "bevarat_till")

# utdragstyp as written (folded) → the law, or None for an extract that is none under these laws
_LAWS = {
    "hvb2007171": "2007:171", "2007171": "2007:171", "hvb": "2007:171",
    "lss2010479": "2010:479", "2010479": "2010:479", "lss": "2010:479",
    "barn2013852": "2013:852", "2013852": "2013:852", "barn": "2013:852",
}
_NOT_UNDER_THESE_LAWS = {
    "egnauppgifter": "ett utdrag för egen räkning (egna uppgifter)",
    "skola": "ett utdrag för skola eller förskola",
    "utland": "ett utdrag ur ett annat lands register",
}
_REGISTERS = {"belastning": ["belastningsregistret"], "belastningsregistret": ["belastningsregistret"],
              "misstanke": ["misstankeregistret"], "misstankeregistret": ["misstankeregistret"],
              "bada": ["belastningsregistret", "misstankeregistret"],
              "bagge": ["belastningsregistret", "misstankeregistret"]}
_RESULTS = {"utananteckning", "medanteckning", "utan", "med"}
_EU = {"ja", "nej", "ejtillampligt", "true", "false"}


def law_of(kind: str) -> str | None:
    """The law of an utdragstyp: `HVB_2007_171`, `2007:171`, `Lag (2007:171)`, `HVB` …; None if none."""
    folded = fold(kind)
    if folded in _LAWS:
        return _LAWS[folded]
    named = {law for digits, law in _LAWS.items() if digits.isdigit() and digits in folded}
    return named.pop() if len(named) == 1 else None
LSS_BOTH_FROM = date(2026, 3, 1)  # lag 2026:48: the LSS extract covers both registers from this day


@dataclass
class _Log:
    source: SourceFile
    out: Collected
    organisation: str
    derived: int = 0  # rows whose registers were taken from the extract's law
    unused: set[str] = field(default_factory=set)

    def row(self, place: Place, get: Any, ident: str, orders: dict[str, str | None]) -> None:
        out = self.out
        name = display_name(get("fornamn"), get("efternamn"), get("namn"))
        number = get("personnummer")
        days: dict[str, date] = {}
        broken: Diagnostic | None = None
        for key in DATES:
            text = get(key)
            if text:
                try:
                    days[key] = parse_date(text, slashed=orders.get(key))
                except ValueProblem as exc:
                    broken = broken or out.problem(place, exc.code, exc.message, key, path=(key,))
        kind = get("utdragstyp")
        law, other = law_of(kind), _NOT_UNDER_THESE_LAWS.get(fold(kind))
        if broken is None and other:
            out.problem(place, "RK-K074", f"{name or 'raden'}: {other} ({kind}) är inget registerutdrag enligt lagarna "
                        "2007:171, 2010:479 eller 2013:852 och räknas inte som ett", "utdragstyp", path=("utdragstyp",))
            return
        person = out.person(place, name, number or None, extract_day=self.source.spec.uttagsdatum or
                            days.get("utfardat"), employee=True, source=SOURCE)
        if broken is None and not (name or number):
            broken = out.problem(place, "RK-K072", "raden har varken namn eller personnummer; den läses inte")
        if broken is None and law is None:
            why = f"okänd utdragstyp '{kind}'" if kind else "utdragstyp saknas"
            broken = out.problem(place, "RK-K073", f"{why}; skriv HVB_2007_171, LSS_2010_479, BARN_2013_852, "
                                 "EGNA_UPPGIFTER, SKOLA eller UTLAND", "utdragstyp", path=("utdragstyp",))
        if broken is None and "utfardat" not in days:
            broken = out.problem(place, "RK-K072", f"{name or 'raden'}: utfärdandedatum saknas; utdraget kan inte "
                                 "bedömas", "utfardat", path=("utfardat",))
        registers: list[str] = []
        if broken is None:
            registers, problem = self.registers(get("register"), law or "", days["utfardat"])
            if problem:
                broken = out.problem(place, "RK-K075", problem, "register", path=("register",))
        if broken is None:
            self.optional(place, get)
        raw = {"id": ident, "person": person, "organisation": self.organisation}
        if broken is not None:
            out.lost("registerutdrag", raw, broken)
            return
        out.add("registerutdrag", {**raw, "lag": law, "omfattar": registers, **days}, place)

    def registers(self, text: str, law: str, issued: date) -> tuple[list[str], str]:
        if not text:
            self.derived += 1
            # the extract's kind fixes what it covers (förordning 1999:1134 22 §, lag 2007:171 1 §, lag 2010:479 1 §)
            if law == "2007:171" or (law == "2010:479" and issued >= LSS_BOTH_FROM):
                return ["belastningsregistret", "misstankeregistret"], ""
            return ["belastningsregistret"], ""
        found: list[str] = []
        for part in re.split(r"[,+/&]|\boch\b", text):
            if not part.strip():
                continue
            named = _REGISTERS.get(fold(part))
            if named is None:
                return [], f"okänt register '{part.strip()}'; skriv belastning, misstanke eller båda"
            found += [r for r in named if r not in found]
        return found, "" if found else "inget register angivet"

    def optional(self, place: Place, get: Any) -> None:
        # read and checked, but the fact model has no field for them yet: a typo should still be seen
        result, eu = get("resultat"), get("eu_kontroll")
        if result and fold(result) not in _RESULTS:
            self.out.problem(place, "RK-K076", f"resultat '{result}' läses inte (skriv utan_anteckning eller "
                             "med_anteckning)", "resultat", path=("resultat",))
        if eu and fold(eu) not in _EU:
            self.out.problem(place, "RK-K076", f"eu_kontroll '{eu}' läses inte (skriv ja, nej eller ej_tillämpligt)",
                             "eu_kontroll", path=("eu_kontroll",))

    def finish(self) -> None:
        if self.derived:
            self.out.diagnostics.append(Diagnostic(self.source.display, 0, 0, "RK-K077", f"rader utan register: "
                                                   f"{self.derived}; de räknas som de register utdragstypen omfattar "
                                                   "enligt lag"))
        self.out.covered_registers.add((self.organisation, self.source.spec.verksamhet))


def read(source: SourceFile, out: Collected) -> None:
    organisation = source.spec.organisation
    if organisation is None:
        out.diagnostics.append(Diagnostic(source.display, 0, 0, "RK-K070", "en logg över "
                                          "registerkontroller måste ange organisation i kallor.yaml (vems logg den "
                                          "är); filen läses inte"))
        return
    log = _Log(source, out, organisation)
    if source.path.suffix.lower() in (".yaml", ".yml", ".json"):
        if not _read_yaml(log):
            return
    elif not _read_csv(log):
        return
    log.finish()


def _read_csv(log: _Log) -> bool:
    source, out = log.source, log.out
    table = read_table(source.path, source.display, SYNONYMS, out, extra=source.spec.kolumner,
                       required=("utdragstyp", "utfardat"))
    if table is None:
        return False
    orders = {key: source.spec.datumformat or slash_order([table.cell(c, key) for _, c in table.rows])
              for key in DATES}
    prefix = f"rk-{source.key}"
    for line, cells in table.rows:
        place = table.row_place(line)
        if not cells:  # ragged, already reported: the person is unknown, their extract is undetermined
            diagnostic = Diagnostic(source.display, line, 0, "RK-K072", "raden kan inte läsas; registerutdraget "
                                    "kan inte avgöras")
            out.lost("registerutdrag", {"id": f"{prefix}-{line}", "organisation": log.organisation}, diagnostic)
            continue
        log.row(place, lambda key, cells=cells: table.cell(cells, key), f"{prefix}-{line}", orders)
    return True


def _read_yaml(log: _Log) -> bool:
    source, out = log.source, log.out
    try:
        data, positions = load_file(source.path, source.display)
    except YamlError as exc:
        out.diagnostics.append(exc.diagnostic)
        return False
    rows = data.get("registerkontroller") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        pos = positions.locate(())
        out.diagnostics.append(Diagnostic(source.display, pos.line, pos.column, "RK-K071", "filen ska vara en "
                                          "mappning med listan registerkontroller"))
        return False
    lookup = {fold(name): key for key, names in SYNONYMS.items() for name in (key, *names)}
    lookup.update({fold(name): key for name, key in source.spec.kolumner.items()})
    out.diagnostics += [p.diagnostic for p in positions.problems]
    prefix = f"rk-{source.key}"
    prepared = []
    for i, item in enumerate(rows):
        path = ("registerkontroller", i)
        line = positions.locate(path).line
        place = Row(source.display, line)
        spoilt = positions.problems_under(path)
        if not isinstance(item, dict) or spoilt:
            diagnostic = spoilt[0].diagnostic if spoilt else out.problem(place, "RK-K071", "posten ska vara en "
                                                                         "mappning; den läses inte")
            out.lost("registerutdrag", {"id": f"{prefix}-{line}", "organisation": log.organisation}, diagnostic)
            continue
        values: dict[str, str] = {}
        keys: dict[str, Any] = {}
        for key, value in item.items():
            name = lookup.get(fold(str(key)))
            if name is None:
                at = positions.locate((*path, key), key=True)
                out.diagnostics.append(Diagnostic(source.display, at.line, at.column, "RK-K078", f"okänd nyckel "
                                                  f"'{key}' används inte", str(key)))
                continue
            values[name], keys[name] = _as_text(value), key
        prepared.append((YamlRow(source.display, positions, path, keys), values, f"{prefix}-{line}"))
    orders = {key: source.spec.datumformat or slash_order([v.get(key, "") for _, v, _ in prepared]) for key in DATES}
    for place, values, ident in prepared:
        log.row(place, lambda key, values=values: values.get(key, ""), ident, orders)
    return True


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value)
    if value is None or isinstance(value, (dict, bool)):
        return "" if value is None else str(value)
    return str(value).strip()


@dataclass(frozen=True, eq=False)
class YamlRow:
    """A log entry in YAML: each field found at its own line."""

    file: str
    positions: Positions
    path: tuple
    keys: dict[str, Any]  # our field → the key as the file writes it

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        written = tuple(self.keys.get(str(p), p) for p in path[:1])
        position = self.positions.locate(self.path + written, key=key)
        return position.line, position.column
