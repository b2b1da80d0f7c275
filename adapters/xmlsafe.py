"""The one XML parser of the project: hardened lxml, and validation against the XSDs shipped in adapters/xsd/.

No entity is resolved, nothing is fetched from the network, no DTD is loaded and any DOCTYPE is
refused: a register answer has no use for one, and it is how external entities (XXE) and entity
expansion bombs get in. The file is parsed from bytes so that its XML declaration decides the
encoding (ISO-8859-1 and UTF-8 with or without BOM are both seen in the wild).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from pathlib import Path

from lxml import etree

from regelkoll.adapters.collect import Collected, Element
from regelkoll.diagnostics import Diagnostic
from regelkoll.yamlsafe import read_limited

XSD_DIR = Path(__file__).parent / "xsd"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_pis=True, remove_comments=True)


def parse(path: Path, display: str, out: Collected) -> etree._ElementTree | None:
    """The parsed document, or None with a coded diagnostic (RK-K030 DOCTYPE, RK-K031 not well-formed)."""
    _POSITIONS.clear()  # the positions of the last file are not needed again
    raw = read_limited(path, display)
    if b"<!DOCTYPE" in raw[:4096].upper().replace(b"\x00", b"") or b"<!ENTITY" in raw.upper():
        out.diagnostics.append(Diagnostic(display, _line_of(raw, b"<!"), 0, "RK-K030", "XML med DOCTYPE eller "
                                          "entitetsdeklaration tillåts inte; filen läses inte"))
        return None
    try:
        tree = etree.ElementTree(etree.fromstring(raw, _parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        out.diagnostics.append(Diagnostic(display, line, 0, "RK-K031", f"XML-filen är inte välformad: "
                                          f"{swedish(str(exc.msg or exc))}; filen läses inte"))
        return None
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        out.diagnostics.append(Diagnostic(display, 1, 0, "RK-K030", "XML med DOCTYPE tillåts inte; filen läses inte"))
        return None
    return tree


def _line_of(raw: bytes, marker: bytes) -> int:
    index = raw.upper().find(marker)
    return raw[:index].count(b"\n") + 1 if index >= 0 else 1


@cache
def schema(name: str) -> etree.XMLSchema:
    """An XSD shipped in adapters/xsd/, parsed with the same hardened parser (imports are local files)."""
    return etree.XMLSchema(etree.parse(str(XSD_DIR / name), _parser()))


def validate(element: etree._Element, xsd: str, display: str, out: Collected, what: str) -> bool:
    """Validate `element` (a document or a subtree) against `xsd`; each error is RK-K032 with its line."""
    validator = schema(xsd)
    if validator.validate(element):
        return True
    for entry in validator.error_log:
        out.diagnostics.append(Diagnostic(display, entry.line, 0, "RK-K032", f"{what} följer inte schemat "
                                          f"{xsd}: {swedish(entry.message)}"))
    return False


def path_of(element: etree._Element) -> str:
    """`/personal/person[3]/anstdatum`: local names, with a position where siblings share the name."""
    parts = []
    node = element
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is not None:
            position, count = _position(parent, node, node.tag)
            if count > 1:
                name += f"[{position}]"
        parts.append(name)
        node = parent
    return "/" + "/".join(reversed(parts))


# the positions of one parent's children, counted once: a file of many answers stays linear (the parent is
# held, so its children keep the same Python objects while the file is read)
_POSITIONS: dict[int, tuple[etree._Element, dict[etree._Element, tuple[int, str]], dict[str, int]]] = {}


def _position(parent: etree._Element, node: etree._Element, tag: str) -> tuple[int, int]:
    cached = _POSITIONS.get(id(parent))
    if (cached is None or cached[0] is not parent) and next(islice(parent, 32, None), None) is None:
        same = [child for child in parent if child.tag == tag]  # a few children: counting beats remembering
        return same.index(node) + 1, len(same)
    if cached is None or cached[0] is not parent:
        seen: dict[str, int] = {}
        places: dict[etree._Element, tuple[int, str]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                seen[child.tag] = seen.get(child.tag, 0) + 1
                places[child] = (seen[child.tag], child.tag)
        cached = (parent, places, seen)
        _POSITIONS[id(parent)] = cached
    position, _ = cached[1].get(node, (1, tag))
    return position, cached[2].get(tag, 1)


def place(element: etree._Element, display: str) -> Element:
    return Element(display, element.sourceline or 0, path_of(element))


def text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


# libxml2's most common messages in Swedish; anything else keeps its own words after a Swedish lead
_MESSAGES = [
    (re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"),
     r"elementet \1 (rad \2) avslutas med \3"),
    (re.compile(r"Document is empty"), "dokumentet är tomt"),
    (re.compile(r"Start tag expected, '<' not found"), "inget XML-element hittades"),
    (re.compile(r"Premature end of data in tag (\S+)"), r"filen tar slut inne i elementet \1"),
    (re.compile(r"Extra content at the end of the document"), "text efter dokumentets sista element"),
    (re.compile(r"Unsupported encoding:? ?(\S*)"), r"okänd teckenkodning \1"),
    (re.compile(r"Excessive depth in document.*"), "elementen är nästlade för djupt"),
    (re.compile(r"(Resource limit exceeded|.*Buffer size limit exceeded|.*huge input lookup).*"),
     "ett värde eller element är för stort"),
    (re.compile(r"xmlParseCharRef: invalid xmlChar value (\d+)"), r"ogiltig teckenreferens (&#\1;)"),
    (re.compile(r"Input is not proper UTF-8.*"), "filen är inte UTF-8 fast deklarationen säger det"),
    (re.compile(r"Element '([^']+)': This element is not expected\. Expected is (?:one of )?\( ?(.+?) ?\)\.?"),
     r"elementet \1 väntas inte här; här väntas \2"),
    (re.compile(r"Element '([^']+)': This element is not expected\.?"), r"elementet \1 väntas inte här"),
    (re.compile(r"Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( ?(.+?) ?\)\.?"),
     r"elementet \1 saknar ett delelement; här väntas \2"),
    (re.compile(r"Element '([^']+)': '([^']*)' is not a valid value of the atomic type '([^']+)'\.?"),
     r"elementet \1: '\2' är inget giltigt värde av typen \3"),
    (re.compile(r"Element '([^']+)': \[facet '(\w+)'\] The value '([^']*)' .*"),
     r"elementet \1: värdet '\3' har fel form (\2)"),
    (re.compile(r"No matching global declaration available for the validation root\.?"),
     "rotelementet finns inte i schemat"),
]


def swedish(message: str) -> str:
    text = re.sub(r",? line \d+, column \d+", "", " ".join(message.split()))  # the diagnostic has the line
    for pattern, replacement in _MESSAGES:
        if pattern.search(text):
            return pattern.sub(replacement, text, count=1)
    return f"(parserns meddelande) {text}"
