"""Delimited text as Swedish payroll, HR and register systems export it.

The encoding is read from the bytes (a UTF-8 BOM, else strict UTF-8, else Windows-1252, which decodes
almost anything, so a file that is neither is refused when it holds bytes Windows-1252 leaves
undefined) and the delimiter from the header line (`;`, `,` or tab). Headers are matched to fields
case- and diacritic-insensitively through each adapter's synonym table; a column no synonym names is
reported, never silently dropped, and every row keeps its line number.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.values import fold
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.assemble import Row
from regelkoll.yamlsafe import read_limited

DELIMITERS = (";", ",", "\t")
MAX_FIELD = 10_000


@dataclass
class Table:
    file: str
    encoding: str
    delimiter: str
    columns: dict[str, int]  # field → column index (0-based)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, cells)
    unmapped: list[str] = field(default_factory=list)

    def row_place(self, line: int) -> Row:
        return Row(self.file, line, {name: index + 1 for name, index in self.columns.items()})

    def cell(self, cells: list[str], name: str) -> str:
        index = self.columns.get(name)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()


def decode(raw: bytes, display: str, out: Collected) -> tuple[str, str] | None:
    """The text and the encoding's name; None (reported) when the bytes are no text we can read."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 med BOM"
        except UnicodeDecodeError as exc:
            out.diagnostics.append(_bad_byte(display, raw, exc.start + 3, "UTF-8 (filen börjar med en BOM)"))
            return None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        out.diagnostics.append(_bad_byte(display, raw, exc.start, "varken UTF-8 eller Windows-1252"))
        return None


def _bad_byte(display: str, raw: bytes, offset: int, what: str) -> Diagnostic:
    line = raw[:offset].count(b"\n") + 1
    return Diagnostic(display, line, 0, "RK-K010", f"filen är {what}: ogiltig byte 0x{raw[offset]:02X}")


def read_table(path: Path, display: str, synonyms: dict[str, tuple[str, ...]], out: Collected,
               extra: dict[str, str] | None = None, required: tuple[str, ...] = ()) -> Table | None:
    """Read a delimited file into rows; None (reported) if it has no usable header or cannot be decoded.

    `synonyms` maps each field to the header names that mean it; `extra` (from the manifest) maps a
    header as written to a field and wins over the table. A missing required column is RK-K012; a
    row with more or fewer cells than the header is RK-K011 and is handed over as it is, so the
    adapter can keep it as broken.
    """
    raw = read_limited(path, display)
    decoded = decode(raw, display, out)
    if decoded is None:
        return None
    text, encoding = decoded
    if "\0" in text:
        out.diagnostics.append(Diagnostic(display, text[:text.index("\0")].count("\n") + 1, 0, "RK-K010",
                                          "filen innehåller NUL-tecken; den är ingen textfil"))
        return None
    lines = text.splitlines()
    header_line = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_line is None:
        out.diagnostics.append(Diagnostic(display, 1, 0, "RK-K012", "filen är tom; en rubrikrad behövs"))
        return None
    head = lines[header_line]
    delimiter = max(DELIMITERS, key=lambda d: head.count(d))
    if head.count(delimiter) == 0:
        delimiter = ";"
    lookup = {fold(name): f for f, names in synonyms.items() for name in (f, *names)}
    for name, target in (extra or {}).items():
        if target not in synonyms:  # a mapping to nothing the adapter reads would drop the column unseen
            out.diagnostics.append(Diagnostic(display, 0, 0, "RK-K012", f"kolumner i kallor.yaml: '{name}' anges som "
                                              f"'{target}', som inte är ett fält källan läses till (fält: "
                                              f"{', '.join(sorted(synonyms))}); kolumnen läses inte"))
            continue
        lookup[fold(name)] = target
    csv.field_size_limit(MAX_FIELD * 4)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    table: Table | None = None
    try:
        for cells in reader:
            line = reader.line_num
            if table is None:
                if not any(c.strip() for c in cells):
                    continue
                table = Table(display, encoding, delimiter, {})
                for index, name in enumerate(cells):
                    key = lookup.get(fold(name))
                    if key is None:
                        table.unmapped.append(name.strip())
                    elif key in table.columns:
                        out.diagnostics.append(Diagnostic(display, line, index + 1, "RK-K012", f"kolumnen "
                                                          f"'{name.strip()}' betyder samma sak som en tidigare "
                                                          f"kolumn ({key}); den används inte"))
                    else:
                        table.columns[key] = index
                header_cells = len(cells)
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != header_cells:
                out.diagnostics.append(Diagnostic(display, line, 0, "RK-K011", f"raden har {len(cells)} fält men "
                                                  f"rubrikraden har {header_cells}; raden används inte"))
                table.rows.append((line, []))  # an empty row: the adapter keeps it as broken
                continue
            table.rows.append((line, cells))
    except csv.Error as exc:
        why = "ett fält är längre än tillåtet" if "field larger" in str(exc) else "ett citattecken stängs inte"
        out.diagnostics.append(Diagnostic(display, reader.line_num, 0, "RK-K011", f"raden kan inte läsas som CSV "
                                          f"({why}); resten av filen läses inte"))
    if table is None:
        return None
    missing = [name for name in required if name not in table.columns]
    if missing:
        wanted = "; ".join(f"{name} ({', '.join(synonyms.get(name, ())[:3])})" for name in missing)
        out.diagnostics.append(Diagnostic(display, header_line + 1, 0, "RK-K012", f"kolumn saknas: {wanted}; "
                                          "ange namnet under kolumner i kallor.yaml om filen kallar den något annat"))
        return None
    if table.unmapped:
        out.diagnostics.append(Diagnostic(display, header_line + 1, 0, "RK-K013", "kolumner som inte används: "
                                          + ", ".join(f"'{n}'" for n in table.unmapped if n) + " (ange dem under "
                                          "kolumner i kallor.yaml om de behövs)"))
    return table
