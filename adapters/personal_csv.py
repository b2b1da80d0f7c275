"""A staff roster as payroll and HR systems export it: delimited text, one row per employment.

The headers differ between systems (Hogia, Visma, Alexis, TimeWave …), so each field has a synonym table;
`kolumner` in kallor.yaml adds more. Slashed dates are read one way per column: the order the column proves
(or `datumformat`), and a value no order can be decided for is refused. What a row means is decided in
adapters/roster.py, shared with the PAXml adapter.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.delimited import read_table
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.roster import RosterRow, emit, id_part
from regelkoll.adapters.values import slash_order, slug

SYNONYMS: dict[str, tuple[str, ...]] = {
    "personnummer": ("Personnummer", "Persnr", "Pers.nr", "Pnr", "Personnr", "Personnummer (ÅÅÅÅMMDD-NNNN)",
                     "Personnummer (ÅÅMMDD-NNNN)", "Personnummer (ÅÅÅÅMMDDNNNN)",
                     "Personnummer/samordningsnummer"),
    "fornamn": ("Förnamn", "Tilltalsnamn"),
    "efternamn": ("Efternamn",),
    "namn": ("Namn", "Fullständigt namn", "Medarbetare"),
    "fodelsedatum": ("Födelsedatum", "Född"),
    "anstallningsdatum": ("Anställningsdatum", "Anstdatum", "Anst.datum", "Startdatum", "Anställd från", "Från",
                          "Från datum", "Anställningsdatum från"),
    "slutdatum": ("Slutdatum", "Avgdatum", "Avgångsdatum", "Anställd till", "Till", "Till datum"),
    "anstallningsform": ("Anställningsform", "Anstform", "Anst.form", "Anställningstyp"),
    "befattning": ("Befattning", "Titel", "Yrke", "Befattningsbenämning"),
    "sysselsattningsgrad": ("Sysselsättningsgrad", "Sysgrad", "Anställningsgrad", "Tjänstgöringsgrad"),
    "enhet": ("Enhet", "Arbetsställe", "Avdelning"),
    "arbetsgivare": ("Arbetsgivare", "Bemanningsföretag"),
    "anstallningsnummer": ("Anstnr", "Anst.nr", "Anställningsnummer", "Anställdnummer", "AnstNr"),
}
DATE_FIELDS = ("fodelsedatum", "anstallningsdatum", "slutdatum")
ROW_FIELDS = tuple(f for f in SYNONYMS if f != "anstallningsnummer")


def read(source: SourceFile, out: Collected) -> None:
    spec = source.spec
    table = read_table(source.path, source.display, SYNONYMS, out, extra=spec.kolumner,
                       required=("anstallningsdatum",))
    if table is None:
        return
    orders = {name: spec.datumformat or slash_order([table.cell(cells, name) for _, cells in table.rows])
              for name in DATE_FIELDS}
    stem = slug(Path(source.display).stem)
    keys = [id_part(table.cell(cells, "anstallningsnummer")) for _, cells in table.rows]
    label = f"personallistan {Path(source.display).name}"
    counts = Counter(keys)
    for (line, cells), key in zip(table.rows, keys):
        # an employee number given twice (an employment history) cannot name two records alone
        record_id = f"{stem}.{key}" if key and counts[key] == 1 else f"{stem}.{key + '.' if key else ''}rad{line}"
        place = table.row_place(line)
        if not cells:  # a ragged row, reported by read_table: what it says is not known
            problem = next(d for d in reversed(out.diagnostics) if d.file == source.display and d.line == line)
            out.lost("engagemang", {"id": record_id, **({"verksamhet": spec.verksamhet} if spec.verksamhet else {})},
                     problem)
            continue
        row = RosterRow(place, record_id, **{name: table.cell(cells, name) for name in ROW_FIELDS})
        emit(out, spec, row, label, orders)
