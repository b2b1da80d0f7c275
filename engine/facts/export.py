"""A read data set written back as one YAML fact file: what `regelkoll import` shows a person.

Everything the check would use is written, so that checking the file gives the same findings as
checking the sources: every given fact with the place it was first read (`kalla`) and how its
person was linked (`koppling`), every record that could not be read (`ej_lasbara`, with the
reason) and every diagnostic (`diagnostiker`). Derived facts are not written: they are derived
again. Personnummer are written only when asked for; without them the file still checks the same,
because no rule reads a number.
"""

from __future__ import annotations

from typing import Any

import yaml

from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import FACT_KINDS
from regelkoll.personal_data import mask_all

# computed from other facts when the file is read again; a given value must match or is refused
_DERIVED_FIELDS = {"engagemang": {"huvudman", "verksamhetstyp"}, "behandling": {"injektionsslag"}}
IMPORT_SECTIONS = ("ej_lasbara", "diagnostiker")


def _diagnostic(d) -> dict[str, Any]:
    return {"fil": d.file, "rad": d.line, "kolumn": d.column, "kod": d.code, "falt": d.field,
            "meddelande": d.message, "tips": d.hint}


def export_bundle(bundle: FactBundle, *, personal_data: bool, source: str) -> str:
    data: dict[str, Any] = {}
    if bundle.kontext is not None:
        data["kontext"] = bundle.kontext.model_dump(mode="json")
    for kind, model in FACT_KINDS.items():
        if model.derived_only or not bundle.facts[kind]:
            continue
        records = []
        for fact in bundle.of(kind):
            record = fact.model_dump(mode="json", exclude_none=True,
                                     exclude=_DERIVED_FIELDS.get(kind, set()) | {"kalla", "koppling"})
            if not personal_data:
                record.pop("personnummer", None)
            record["kalla"] = fact.kalla or str(bundle.sources.get((kind, fact.id), ""))  # type: ignore[attr-defined]
            link = fact.koppling or bundle.links.get((kind, fact.id))  # type: ignore[attr-defined]
            if link:
                record["koppling"] = link
            records.append(record)
        data[kind] = records
    broken = [b for b in bundle.broken if b.kind in FACT_KINDS and not FACT_KINDS[b.kind].derived_only]
    if broken:
        data["ej_lasbara"] = [{"typ": b.kind, "uppgifter": dict(sorted(b.raw.items())),
                               "orsak": _diagnostic(b.diagnostic)} for b in broken]
    if bundle.diagnostics:
        data["diagnostiker"] = [_diagnostic(d) for d in bundle.diagnostics]
    if not personal_data:  # a number typed into a name or a note is masked like everywhere else
        data = mask_all(data)
    header = (f"# Skapad av regelkoll import ur {source}: det adaptrarna läste ur källorna, som en datamängd.\n"
              "# kalla: var posten lästes; koppling: hur personen hittades när det inte var på personnummer.\n"
              "# ej_lasbara: poster som inte kunde läsas (det som beror på dem blir obestämt);\n"
              "# diagnostiker: det som rapporterades när källorna lästes.\n")
    if not personal_data:
        header += "# Personnummer är utelämnade (ta med dem med --show-personal-data).\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
