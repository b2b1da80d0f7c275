"""The feature files are Swedish and cover every rule."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURES = sorted((ROOT / "features").glob("*.feature"))


def test_every_feature_file_declares_swedish():
    assert FEATURES
    for path in FEATURES:
        assert path.read_text(encoding="utf-8").startswith("# language: sv\n"), path


def test_every_rule_has_a_scenario(rulebook):
    text = "\n".join(p.read_text(encoding="utf-8") for p in FEATURES)
    mentioned = set(re.findall(r"\b[A-Z]{2,}(?:-[A-Z0-9]+)*-\d+\b", text))
    assert {r.rule.id for r in rulebook.rules} - mentioned == set()
