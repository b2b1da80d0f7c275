"""Who is who across sources: the personnummer first, then the name with the birth date as a hard filter.

A roster row without a usable number is matched against the people the other sources (and the YAML
files) identify by number, among those born the same day only, by rapidfuzz's token-set ratio of the
normalised names: `Öberg, Anna Maria` and `Anna Oberg` are one spelling apart. A match is made only
when one candidate stands out; two candidates near each other make no link and are reported, because
linking the wrong person is how a home is accused of what someone else did. Every name link is
reported and travels with the facts it made, so that a finding resting on it can say so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz.fuzz import token_set_ratio
from rapidfuzz.process import extract

from regelkoll.adapters.collect import Mention
from regelkoll.adapters.values import birth_date, slug, split_name
from regelkoll.diagnostics import Diagnostic
from regelkoll.facts.bundle import FactBundle
from regelkoll.personal_data import looks_like_personnummer

THRESHOLD = 85  # below this two names are not taken for one person
MARGIN = 5  # a runner-up this close to the best makes the match ambiguous


# the combining diacritical marks NFKD splits off Latin letters (å → a + ring); other scripts are kept whole
_DIACRITICS = dict.fromkeys(range(0x300, 0x370))
_PUNCTUATION = str.maketrans("-.", "  ")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower case, no diacritics, `Efternamn, Förnamn` turned round, hyphens and dots as spaces."""
    given, surname = split_name(name) if "," in name else ("", name)
    text = f"{given} {surname}".casefold().translate(_PUNCTUATION)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_DIACRITICS)
    return " ".join(text.split())


def similar(one: str, other: str) -> bool:
    """Could the two names be one person's (no birth date to tell them apart)?"""
    return token_set_ratio(normalise_name(one), normalise_name(other), score_cutoff=THRESHOLD) > 0


@dataclass
class Link:
    person: str
    score: int

    def text(self) -> str:
        return f"matchad på namn och födelsedatum ({self.score} %)"


@dataclass
class Resolution:
    ids: list[str] = field(default_factory=list)  # per mention
    links: dict[int, Link] = field(default_factory=dict)  # mention index → the name link that placed it
    new_people: list[tuple[int, dict]] = field(default_factory=list)  # (first mention, person record)
    unidentified: set[str] = field(default_factory=set)  # people no number identifies
    from_sources: set[str] = field(default_factory=set)  # people known only from the adapters
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Register:
    """The people identified by number, blocked by birth date so that matching is not quadratic."""

    def __init__(self) -> None:
        # birth date → (the people born that day, their normalised names): a block is scored in one C call
        self.by_birth: dict[date, tuple[list[str], list[str]]] = {}

    def add(self, person_id: str, name: str, born: date | None) -> None:
        if born is not None and name:
            people, names = self.by_birth.setdefault(born, ([], []))
            people.append(person_id)
            names.append(normalise_name(name))

    def candidates(self, name: str, born: date) -> list[tuple[str, int]]:
        block = self.by_birth.get(born)
        if not block:
            return []
        people, names = block
        best: dict[str, int] = {}
        for _, score, i in extract(normalise_name(name), names, scorer=token_set_ratio, score_cutoff=THRESHOLD,
                                   limit=None):
            score = round(score)
            if score > best.get(people[i], 0):
                best[people[i]] = score
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def known_people(bundle: FactBundle) -> tuple[Register, dict[str, str]]:
    """The people the YAML files identify by number: a register to match names in, and number → id."""
    register = Register()
    by_number: dict[str, str] = {}
    for person in bundle.of("person"):
        number = person.personnummer  # type: ignore[attr-defined]
        if number:
            by_number[number] = person.id
            register.add(person.id, person.namn, birth_date(number))  # type: ignore[attr-defined]
    return register, by_number


def resolve(mentions: list[Mention], bundle: FactBundle,
            known: tuple[Register, dict[str, str]] | None = None) -> Resolution:
    """Every mention's person id; `known` (from `known_people`) is built here when not given."""
    out = Resolution(ids=[""] * len(mentions))
    taken = set(bundle.facts["person"]) | {b.id for b in bundle.broken if b.kind == "person" and b.id}

    counters: dict[str, int] = {}

    def new_id(name: str) -> str:
        # an id is printed unmasked: a name that holds a personnummer (typed in the wrong column) names no id
        base = "p-person" if looks_like_personnummer(name) else f"p-{slug(name)}"
        n = counters.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in taken:  # the counter makes this a step or two, not a walk from 1 every time
            n += 1
            candidate = f"{base}-{n}"
        counters[base] = n
        taken.add(candidate)
        return candidate

    register, by_number = known if known is not None else known_people(bundle)
    for i, mention in enumerate(mentions):
        if mention.number is None:
            continue
        if mention.number not in by_number:
            person_id = new_id(mention.namn or "okand")
            by_number[mention.number] = person_id
            out.new_people.append((i, {"id": person_id, "namn": mention.namn or "(namn saknas)",
                                       "personnummer": mention.number}))
            out.from_sources.add(person_id)
            register.add(person_id, mention.namn, mention.birth)
        out.ids[i] = by_number[mention.number]
    nameless: dict[tuple, str] = {}
    for i, mention in enumerate(mentions):
        if mention.number is not None:
            continue
        where = f"{mention.namn or '(namn saknas)'} i {mention.source}" if mention.source else mention.namn
        candidates = register.candidates(mention.namn, mention.birth) if mention.birth and mention.namn else []
        if candidates and (len(candidates) == 1 or candidates[1][1] < candidates[0][1] - MARGIN):
            person_id, score = candidates[0]
            out.ids[i] = person_id
            out.links[i] = Link(person_id, score)
            out.diagnostics.append(_at(mention, "RK-K050", f"{where} har inget giltigt personnummer och matchades på "
                                       f"namn och födelsedatum mot person '{person_id}' ({score} %)"))
            continue
        if candidates:
            names = ", ".join(f"'{p}' ({s} %)" for p, s in candidates[:4])
            out.diagnostics.append(_at(mention, "RK-K051", f"{where} kan vara flera personer med samma födelsedatum "
                                       f"({names}); ingen koppling görs"))
        key = (mention.birth, normalise_name(mention.namn)) if mention.birth and mention.namn else ("rad", i)
        if key not in nameless:
            person_id = new_id(mention.namn or "okand")
            nameless[key] = person_id
            out.new_people.append((i, {"id": person_id, "namn": mention.namn or "(namn saknas)"}))
            out.unidentified.add(person_id)
            out.from_sources.add(person_id)
            why = "utan födelsedatum kan personen inte matchas" if not mention.birth else \
                "ingen person med samma födelsedatum och ett liknande namn är identifierad i andra källor"
            if not candidates:
                out.diagnostics.append(_at(mention, "RK-K052", f"{where} kan inte identifieras ({why}); uppgifter "
                                           "om personen ur register (legitimation, registerutdrag) kan inte avgöras"))
        else:
            out.links[i] = Link(nameless[key], 100)
        out.ids[i] = nameless[key]
    return out


def _at(mention: Mention, code: str, message: str) -> Diagnostic:
    line, column = mention.place.at()
    return Diagnostic(mention.place.file, line, column, code, message)
