"""Every diagnostic code the program can emit is documented in the README's error table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _emitted() -> set[str]:
    codes: set[str] = set()
    for source in [*(ROOT / "engine").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        codes |= set(re.findall(r"\bRK-[A-Z]\d{3}\b", source.read_text(encoding="utf-8")))
    return codes


def test_every_emitted_code_has_a_row_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (RK-[A-Z]\d{3}) \|", readme, re.MULTILINE))
    emitted = _emitted()
    assert len(emitted) > 60  # the scan itself works
    assert sorted(emitted - documented) == []
    assert sorted(documented - emitted) == []  # no row for a code that no longer exists
