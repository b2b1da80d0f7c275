"""Legal references rendered in Swedish citation style, and as structured JSON.

A report names each act in full once, in its list of acts (`act_table`), and cites provisions in findings
in the short form ("4 kap. 5 § PSL", "1 § första st. lagen (2007:171)"), which resolves to that list.
"""

from __future__ import annotations

import re
from typing import Any

from regelkoll.lang.model import Lagrum

ORDINALS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde")

_SFS = re.compile(r"^\d{4}:\d+$")
# the part of a title that names the act, e.g. "lagen (2007:171)" of "lagen (2007:171) om registerkontroll …"
_UP_TO_NUMBER = re.compile(r"^(.*?\(\d{4}:\d+\))")

# Section links follow lagen.nu's published addresses ("Hur man länkar till lagen.nu", whose text is in the
# staffanm/ferenda repository, lagen/nu/res/static/lankning.rst): https://lagen.nu/<SFS-nummer>#K<kapitel>P<paragraf>,
# or #P<paragraf> for an act without chapters, a letter written together with its number ("26 a §" → P26a).
# Riksdagen's HTML of an act names its sections the same way (<a class="paragraf" name="K1P1">), but the address
# of its page holds a title slug that cannot be built from the SFS number, and section anchors on
# rkrattsbaser.gov.se could not be confirmed; so the official act page stays the act's link (`act_table`), and an
# act that is not an SFS number (a regulation such as HSLF-FS 2017:37) is linked to the act only.
_SECTION_BASE = "https://lagen.nu/"


def _provision(ref: Lagrum, *, short: bool) -> list[str]:
    parts = []
    if ref.kapitel:
        parts.append(f"{ref.kapitel} kap.")
    parts.append(f"{ref.paragraf} §")
    if ref.stycke and ref.stycke <= len(ORDINALS):
        ordinal = ORDINALS[ref.stycke - 1]
        parts.append(f"{ordinal} st." if short else f"{ordinal} stycket")
    elif ref.stycke:
        parts.append(f"{ref.stycke} st.")
    if ref.punkt:
        parts.append(f"{ref.punkt} p." if short else str(ref.punkt))
    return parts


def cite(ref: Lagrum, acts: dict[str, str]) -> str:
    """E.g. "1 § fjärde stycket lagen (2007:171) om registerkontroll av personal …"."""
    return " ".join([*_provision(ref, short=False), acts.get(ref.forfattning, f"({ref.forfattning})")])


def short_name(act: str, acts: dict[str, str], abbreviations: dict[str, str]) -> str:
    """How a finding names the act: its abbreviation ("PSL"; with the SFS number when two acts of the book share
    one, "SoL (2001:453)"), else its title up to the SFS number ("lagen (2007:171)"), else its designation."""
    abbreviation = abbreviations.get(act)
    if abbreviation:
        shared = sum(1 for other in abbreviations.values() if other == abbreviation) > 1
        return f"{abbreviation} ({act})" if shared else abbreviation
    title = acts.get(act, "")
    match = _UP_TO_NUMBER.match(title) if _SFS.match(act) else None
    return match.group(1) if match else act


def cite_short(ref: Lagrum, acts: dict[str, str], abbreviations: dict[str, str]) -> str:
    """E.g. "4 kap. 5 § PSL", "1 § första st. lagen (2007:171)"."""
    return " ".join([*_provision(ref, short=True), short_name(ref.forfattning, acts, abbreviations)])


def section_url(ref: Lagrum) -> str:
    """The provision's section in a text with section anchors; the rule's own link where there is none."""
    if not _SFS.match(ref.forfattning):
        return ref.url
    section = "P" + ref.paragraf.replace(" ", "")
    chapter = f"K{ref.kapitel.replace(' ', '')}" if ref.kapitel else ""
    return f"{_SECTION_BASE}{ref.forfattning}#{chapter}{section}"


def to_json(ref: Lagrum, acts: dict[str, str], abbreviations: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "act": ref.forfattning,
        "chapter": ref.kapitel,
        "section": ref.paragraf,
        "paragraph": ref.stycke,
        "point": ref.punkt,
        "wording": ref.lydelse,
        "unverified": ref.overifierad,
        "citation": cite(ref, acts),
        "short": cite_short(ref, acts, abbreviations or {}),
        "url": ref.url,
        "section_url": section_url(ref),
    }


def act_table(book: Any) -> list[dict[str, str]]:
    """Every act the book's rules cite, once: its number, full title, short name and the link to the act
    (the link the rules give for it; the first, by rule id, where they differ)."""
    links: dict[str, str] = {}
    for loaded in sorted(book.rules, key=lambda r: r.rule.id):
        for version in loaded.rule.versioner:
            for ref in (*version.lagrum, *version.undantag_lagrum):
                links.setdefault(ref.forfattning, ref.url)
        for exemption in loaded.rule.undantag:
            for ref in exemption.lagrum:
                links.setdefault(ref.forfattning, ref.url)
    return [{"act": act, "title": book.acts.get(act, act), "short": short_name(act, book.acts, book.abbreviations),
             "url": links[act]} for act in sorted(links, key=_act_order)]


def _act_order(act: str) -> tuple:
    # SFS acts by year and number, then regulations of other series by designation
    if _SFS.match(act):
        year, number = act.split(":")
        return (0, int(year), int(number), "")
    return (1, 0, 0, act)


def acts_cited(findings: list[dict[str, Any]], table: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows of `table` for the acts that the given report rows cite (their provisions and exemptions)."""
    cited = set()
    for item in findings:
        cited.update(ref["act"] for ref in item.get("legal_basis", ()))
        if item.get("exemption"):
            cited.update(ref["act"] for ref in item["exemption"].get("legal_basis", ()))
    return [row for row in table if row["act"] in cited]


def capitalised(title: str) -> str:
    return title[:1].upper() + title[1:]
