"""Legal references rendered in Swedish citation style, and as structured JSON."""

from __future__ import annotations

from typing import Any

from regelkoll.lang.model import Lagrum

ORDINALS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde")


def cite(ref: Lagrum, acts: dict[str, str]) -> str:
    """E.g. "1 § fjärde stycket lagen (2007:171) om registerkontroll av personal …"."""
    parts = []
    if ref.kapitel:
        parts.append(f"{ref.kapitel} kap.")
    parts.append(f"{ref.paragraf} §")
    if ref.stycke:
        parts.append(f"{ORDINALS[ref.stycke - 1]} stycket" if ref.stycke <= len(ORDINALS) else f"{ref.stycke} st.")
    if ref.punkt:
        parts.append(str(ref.punkt))
    parts.append(acts.get(ref.forfattning, f"({ref.forfattning})"))
    return " ".join(parts)


def to_json(ref: Lagrum, acts: dict[str, str]) -> dict[str, Any]:
    return {
        "act": ref.forfattning,
        "chapter": ref.kapitel,
        "section": ref.paragraf,
        "paragraph": ref.stycke,
        "point": ref.punkt,
        "wording": ref.lydelse,
        "unverified": ref.overifierad,
        "citation": cite(ref, acts),
        "url": ref.url,
    }
