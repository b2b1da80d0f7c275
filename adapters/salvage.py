"""Name the records of a file that cannot be read as YAML or JSON.

A refused file is never data. But a facility in it must still be named as not checked, and what
depends on its records must be undetermined rather than judged as if they did not exist. The YAML
reader names what it read before the fault; a fault in the first lines, or records after it, are
found here by reading the text line by line for the lists of fact kinds and the ids in them.

The scan may name a record that was not meant (an id in a comment, say): that costs a line saying
something was not checked. Missing a facility would cost a silent pass, so the scan leans to naming.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from regelkoll.personal_data import looks_like_personnummer

# a list of records opens with its kind as a key and nothing after it on the line (block style) or a
# flow list ("verksamhet": [ in JSON); a reference field (verksamhet: hvb-x) has its value on the line
_TOKEN = re.compile(
    r"""(?P<opens>["']?(?P<kind>[A-Za-z_]\w*)["']?[ \t]*:[ \t]*(?:\[|(?:\#.*)?$))"""
    r"""|(?P<item>^[ \t]*-(?=[ \t]|$)|\{)"""
    r"""|(?:(?<=[\s{,\[])|^)["']?(?P<field>[A-Za-z_]\w*)["']?[ \t]*:[ \t]*["']?(?P<value>[^\s"',}\]\[#{]+)""",
)
# a key at the start of a line closes the list above it (kontext:, an unknown kind)
_TOP_KEY = re.compile(r"""["']?(?P<key>[A-Za-z_]\w*)["']?[ \t]*:""")
_IDENT = re.compile(r"[\w.:\-]{1,200}")


def scan_records(text: str, kinds: Iterable[str], references: Iterable[str]) -> Iterator[tuple[str, dict[str, str]]]:
    """(kind, {id, references}) for each record of one of `kinds` whose id can be seen in `text`.

    A record starts at a list item (`-`) or a `{`. Its references are kept only where they cannot
    belong to another record: a record that seems to hold two ids keeps none, and fields after a
    nested list are lost. A record named with too few references is only more uncertain.
    """
    kinds, references = frozenset(kinds), frozenset(references)
    current: str | None = None
    record: dict[str, str] = {}
    ambiguous = False

    def done() -> Iterator[tuple[str, dict[str, str]]]:
        if current and "id" in record:
            yield current, {"id": record["id"]} if ambiguous else dict(record)

    for line in text.removeprefix("\ufeff").splitlines():
        top = _TOP_KEY.match(line)
        if top and top.group("key") not in kinds:
            yield from done()
            current, record, ambiguous = None, {}, False
        for token in _TOKEN.finditer(line):
            if token.group("opens") or token.group("item"):
                yield from done()
                record, ambiguous = {}, False
                if token.group("opens") and token.group("kind") in kinds:
                    current = token.group("kind")
                continue
            name, value = token.group("field"), token.group("value")
            if name != "id" and name not in references:
                continue
            if not _IDENT.fullmatch(value) or looks_like_personnummer(value):
                continue
            if name == "id" and "id" in record:
                yield from done()
                record, ambiguous = {}, True
            record[name] = value
    yield from done()
