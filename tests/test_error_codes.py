"""One registry of error codes (engine/codes.py): it holds exactly the codes the source writes, and the README's
"Error codes" section and `regelkoll codes` are both its rendering, so none of them can drift from the others."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from regelkoll.codes import AREAS, CODES
from regelkoll.report.codes_doc import render_codes

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "engine" / "codes.py"
CODE = re.compile(r"\bRK-[A-Z]\d{3}\b")


def _used() -> dict[str, set[Path]]:
    """Every code literal in the source outside the registry, with the files it is in."""
    used: dict[str, set[Path]] = {}
    for source in [*(ROOT / "engine").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        if source == REGISTRY:
            continue
        for code in CODE.findall(source.read_text(encoding="utf-8")):
            used.setdefault(code, set()).add(source.relative_to(ROOT))
    return used


def test_every_code_the_source_writes_is_in_the_registry():
    used = _used()
    assert len(used) > 60  # the scan itself works
    assert {code: sorted(map(str, files)) for code, files in used.items() if code not in CODES} == {}


def test_every_registered_code_is_written_somewhere_in_the_source():
    # a code no longer reported must leave the registry (and so the README) too
    assert sorted(set(CODES) - set(_used())) == []


def test_codes_are_unique_and_well_formed():
    # a code registered twice would silently collapse into one dict key: count the entries in the source
    written = re.findall(r'^\s*Code\("([^"]*)"', REGISTRY.read_text(encoding="utf-8"), re.MULTILINE)
    assert [code for code, n in Counter(written).items() if n > 1] == []
    assert len(written) == len(CODES)
    for key, entry in CODES.items():
        assert key == entry.code and re.fullmatch(r"RK-[A-Z]\d{3}", key), key
        assert entry.area == key[:4] and entry.area in AREAS, key
    assert sorted(AREAS) == sorted({entry.area for entry in CODES.values()})  # no area without codes
    for key, area in AREAS.items():
        assert re.fullmatch(r"RK-[A-Z]", key) and key == area.key and area.title.strip(), key


def test_every_code_has_a_swedish_meaning_a_when_and_an_effect():
    for entry in CODES.values():
        for text in (entry.betydelse, entry.when, entry.effect):
            assert text.strip() == text and text and "\n" not in text, entry.code
        # one table cell each: a | would split the row
        assert "|" not in entry.betydelse, entry.code


def test_the_readme_section_is_the_rendering_of_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Error codes\n") + 1:readme.index("\n## Writing a rule\n")]
    assert section == render_codes(), "README.md is out of date: replace its Error codes section with `regelkoll codes`"
    # the rendering shows every code once, with its Swedish meaning
    rows = re.findall(r"^\| (RK-[A-Z]\d{3}) \| (.+?) \|", section, re.MULTILINE)
    assert [code for code, _ in rows] == sorted(CODES, key=lambda c: (list(AREAS).index(c[:4]), c))
    assert all(meaning == CODES[code].betydelse for code, meaning in rows)


def test_the_codes_command_prints_the_rendering(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "codes"], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr.decode()
    assert proc.stdout.decode("utf-8") == render_codes()
    target = tmp_path / "felkoder.md"
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "codes", "--output", str(target)], cwd=ROOT,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout == b"", proc.stderr.decode()
    assert target.read_text(encoding="utf-8") == render_codes()
