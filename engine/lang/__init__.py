"""The rule language: the format legal staff write, its loading and checking, its JSON Schema."""

from pathlib import Path

# the rule packs that ship with Regelkoll: the repository's rules/, beside engine/
BUNDLED_RULES = Path(__file__).resolve().parent.parent.parent / "rules"
