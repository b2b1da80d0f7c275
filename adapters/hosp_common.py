"""What the two HOSP adapters share: the code tables, the envelopes a saved answer comes in, and the snapshot day.

A saved answer is the response element alone, the same inside a SOAP 1.1/1.2 envelope, or a batch file
of our own, `<hospUttag lastUpdate="…">` holding one `<svar personnummer="…">` per person asked about,
each wrapping that person's response (or its envelope). The code tables are data files shipped with the
package (adapters/data/), so that a profession Socialstyrelsen adds is one line, not a release of code.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from lxml import etree

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import SourceFile
from regelkoll.adapters.xmlsafe import parse, place, text

DATA_DIR = Path(__file__).parent / "data"
PERSONNUMMER_OID = "1.2.752.129.2.1.3.1"
SAMORDNINGSNUMMER_OID = "1.2.752.129.2.1.3.3"
_TWELVE = re.compile(r"\d{8}-?\d{4}")
# which status wins when a licence has several restrictions at once: a revoked licence is no licence,
# whatever else holds; a probation period is the stronger limit on a valid one; a restricted right to
# prescribe leaves the licence itself whole
PRECEDENCE = ("aterkallad", "provotid", "begransad_forskrivningsratt")


@cache
def _table(name: str) -> dict[str, tuple[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return {row["kod"].strip().upper(): (row["namn"].strip(), row[list(row)[2]].strip())
                for row in csv.DictReader(handle, delimiter=";")}


def profession(code: str) -> str | None:
    """The model's Yrke for a HOSP licence code (OID 1.2.752.116.3.1.3), or None for a code not in the table."""
    found = _table("hosp_legitimerade_yrken.csv").get(code.strip().upper())
    return found[1] if found else None


def restriction_status(code: str) -> str | None:
    """The legitimation status a behörighetsbegränsning (OID 1.2.752.116.3.1.5) means, or None if unknown."""
    found = _table("hosp_behorighetsbegransningar.csv").get(code.strip().upper())
    return found[1] if found else None


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    """The child elements with this local name, in whatever namespace (the schema has checked which)."""
    return [] if element is None else list(element.iterchildren("{*}" + name))


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = children(element, name)
    return found[0] if found else None


def child_text(element: etree._Element | None, *path: str) -> str:
    node = element
    for name in path:
        node = child(node, name)
    return text(node)


@dataclass
class Answer:
    """One response as found in the file, and whom it was asked about when the file says so."""

    response: etree._Element | None  # None: a batch entry whose response is empty or missing
    holder: etree._Element  # the element to place messages at (the response, or the batch's svar)
    queried: str | None  # the number asked about, as written (batch svar, or the file name)
    queried_where: str  # "filnamnet" or "svar-elementet", for messages


@dataclass
class Unwrapped:
    answers: list[Answer]
    last_update: str | None  # the batch's lastUpdate attribute as written
    batch: etree._Element | None


def _strip_envelope(element: etree._Element) -> etree._Element | None:
    """The first element in an envelope's Body, or the element itself when it is no envelope."""
    if local(element) != "Envelope":
        return element
    body = child(element, "Body")
    return next((c for c in body if isinstance(c.tag, str)), None) if body is not None else None


def unwrap(root: etree._Element, response_name: str, source: SourceFile) -> Unwrapped | None:
    """The responses of a file, or None when its root is none of the three shapes."""
    stem = source.path.stem
    named = stem if _TWELVE.fullmatch(stem) else None
    if local(root) == "hospUttag":
        answers = []
        for entry in (c for c in root if isinstance(c.tag, str)):
            if local(entry) != "svar":
                continue
            inner = next((c for c in entry if isinstance(c.tag, str)), None)
            # another element than the response is handed on: validation reports it and the person is unknown
            response = _strip_envelope(inner) if inner is not None else None
            answers.append(Answer(response, response if response is not None else entry, entry.get("personnummer"),
                                  "svar-elementet"))
        return Unwrapped(answers, root.get("lastUpdate"), root)
    response = _strip_envelope(root)
    if response is None or local(response) != response_name:
        return None
    return Unwrapped([Answer(response, response, named, "filnamnet")], None, None)


def snapshot_day(unwrapped: Unwrapped, source: SourceFile, out: Collected) -> date | None:
    """The day the data speaks for: the batch's lastUpdate, else the manifest's uttagsdatum."""
    if unwrapped.last_update is not None and unwrapped.batch is not None:
        try:
            return datetime.fromisoformat(unwrapped.last_update.strip().replace("Z", "+00:00")).date()
        except ValueError:
            out.problem(place(unwrapped.batch, source.display), "RK-K043", f"lastUpdate '{unwrapped.last_update}' "
                        "är ingen tidpunkt (ÅÅÅÅ-MM-DDTtt:mm:ss); uttagsdatum i kallor.yaml används om det finns",
                        "lastUpdate")
    return source.spec.uttagsdatum



def read_answers(source: SourceFile, out: Collected, response: str,
                 read_answer: Callable[[Answer, int, date | None, SourceFile, Collected], None]) -> None:
    """Every answer of a file (one response, a SOAP envelope or a hospUttag batch), each read by `read_answer`."""
    tree = parse(source.path, source.display, out)
    if tree is None:
        return
    root = tree.getroot()
    unwrapped = unwrap(root, response, source)
    if unwrapped is None:
        out.problem(place(root, source.display), "RK-K033", f"filen är inget {response}, inget SOAP-kuvert med "
                    f"ett sådant och ingen hospUttag-fil (rotelementet är '{local(root)}'); filen läses inte")
        return
    day = snapshot_day(unwrapped, source, out)
    for index, answer in enumerate(unwrapped.answers):
        read_answer(answer, index, day, source, out)
