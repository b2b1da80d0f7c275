"""A staff roster as PAXml 2.0 (`paxml/personal/person`), the Swedish payroll import format.

The file is parsed from its bytes by the hardened parser (adapters/xmlsafe.py), so its XML declaration
decides the encoding (ISO-8859-1 and UTF-8 with a BOM both occur). The document's frame (root, header)
is validated against our own schema adapters/xsd/paxml-personal.xsd, then each `person` on its own, so
one invalid person is refused with its lines and the others are still read. Only the elements a rule
needs are read: addresses, phones, bank account, salary and tax are never looked at.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from regelkoll.adapters import xmlsafe
from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.roster import RosterRow, emit, id_part
from regelkoll.adapters.values import slug
from regelkoll.diagnostics import Diagnostic

XSD = "paxml-personal.xsd"
VERSIONS = ("2.0", "2.1", "2.2", "2.3")
# roster field → PAXml child element
ELEMENTS = {"fornamn": "fornamn", "efternamn": "efternamn", "befattning": "befattning",
            "anstallningsform": "anstform", "anstallningsdatum": "anstdatum", "slutdatum": "avgdatum",
            "sysselsattningsgrad": "sysgrad"}
LABELS = {**ELEMENTS, "personnummer": "persnr"}


def read(source: SourceFile, out: Collected) -> None:
    display = source.display
    tree = xmlsafe.parse(source.path, display, out)
    if tree is None:
        return
    root = tree.getroot()
    if etree.QName(root).localname != "paxml" or etree.QName(root).namespace:
        out.diagnostics.append(Diagnostic(display, root.sourceline or 0, 0, "RK-K032", "rotelementet ska vara paxml "
                                          "(utan namnrymd); filen läses inte"))
        return
    if not xmlsafe.validate(root, XSD, display, out, "PAXml-filen"):
        return
    version = xmlsafe.text(root.find("header/version"))
    if version not in VERSIONS:
        header = root.find("header/version")
        out.diagnostics.append(Diagnostic(display, header.sourceline or 0 if header is not None else 0, 0, "RK-K026",
                                          f"PAXml-version '{version}' är okänd; filen läses som PAXml 2.0"))
    personal = root.find("personal")
    people = [] if personal is None else [e for e in personal if isinstance(e.tag, str)]
    if not people:
        out.diagnostics.append(Diagnostic(display, root.sourceline or 0, 0, "RK-K027", "PAXml-filen har ingen "
                                          "personal/person; ingen personal läses ur den"))
        return
    stem = slug(Path(display).stem)
    keys = [id_part(e.get("anstid", "")) for e in people]
    label = f"personallistan {Path(display).name}"
    counts = Counter(keys)
    for position, (element, key) in enumerate(zip(people, keys), start=1):
        record_id = f"{stem}.{key}" if key and counts[key] == 1 else \
            f"{stem}.{key + '.' if key else ''}person{position}"
        _person(source, out, element, record_id, label)


def _person(source: SourceFile, out: Collected, element: etree._Element, record_id: str, label: str) -> None:
    display, spec = source.display, source.spec
    place = xmlsafe.place(element, display)
    refused = {"id": record_id, **({"verksamhet": spec.verksamhet} if spec.verksamhet else {})}
    if element.tag != "person":
        problem = out.problem(place, "RK-K032", f"personal får bara innehålla person, inte {element.tag}; elementet "
                              "läses inte", element.tag)
        out.lost("engagemang", refused, problem)
        return
    before = len(out.diagnostics)
    if not xmlsafe.validate(element, XSD, display, out, place.where):
        out.lost("engagemang", refused, out.diagnostics[before])
        return
    if element.get("delete", "").strip() in ("true", "1"):
        out.problem(place, "RK-K025", "personen är markerad delete=\"true\" (ska tas bort i lönesystemet); den "
                    "läses inte som ett engagemang", "delete")
        return
    children = {field: element.find(name) for field, name in ELEMENTS.items()}
    texts = {field: xmlsafe.text(child) for field, child in children.items()}
    places = {field: xmlsafe.place(child, display) for field, child in children.items() if child is not None}
    row = RosterRow(place, record_id, personnummer=element.get("persnr", "").strip(), labels=LABELS, places=places,
                    **texts)
    emit(out, spec, row, label, {})
