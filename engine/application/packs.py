"""Which rule packs judge applications and which judge running facilities (cheap to import: `check` needs it)."""

from __future__ import annotations

from regelkoll.lang.load import Rulebook

# the rule packs that judge applications (rules/ansokan/)
PACK_PREFIX = "ansokan"


def application_rules(book: Rulebook) -> Rulebook:
    """The rule book with only the packs about applications (digest and acts kept from the whole book)."""
    return book.subset([r for r in book.rules if r.pack.startswith(PACK_PREFIX)])


def supervision_rules(book: Rulebook) -> Rulebook:
    """The rule book without the packs about applications: what `check` and `besok` judge facilities by."""
    chosen = [r for r in book.rules if not r.pack.startswith(PACK_PREFIX)]
    if len(chosen) == len(book.rules):
        return book
    return book.subset(chosen)
