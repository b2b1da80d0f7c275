"""The rule language: the format legal staff write, its loading and checking, its JSON Schema."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _bundled_rules() -> Path:
    # an installed wheel holds the rule packs inside the package (pyproject maps rules/ to regelkoll/rules);
    # a checkout, editable install included, has them in the repository's rules/ beside engine/
    shipped = _PACKAGE / "rules"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "rules"


# the rule packs that ship with Regelkoll
BUNDLED_RULES = _bundled_rules()
