"""What the command line says when it is used wrongly, and its `--help`, is Swedish: no English from typer,
click, pydantic or PyYAML reaches the user."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# words of the English texts typer, click, pydantic and libyaml write; none is a Swedish word
ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|Error|Missing|Invalid|No such|Try|Show this|Possible|"
                     r"required|default|should|Input|unexpected|unable|parse|integer|is not|one of|found|expected|"
                     r"while|scanning|character|allowed|mapping|Aborted|extra|option|command)\b")


def regelkoll(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _plain(text: str) -> str:
    """The words of a text, without the frames and line breaks of typer's panels."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


def _english(text: str) -> list[str]:
    text = _plain(text)
    # option names, paths and a quoted title (the README's "Error codes") are not sentences: not judged
    words = re.sub(r"--[a-z-]+|/\S+|\{[a-z]+\}|\"[^\"\n]*\"", "", text)
    return ENGLISH.findall(words)


@pytest.fixture(scope="module")
def broken_yaml(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("regler")
    (folder / "pack.yaml").write_text("regelpaket: {id: x\nregler: [\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("args", "expected"), [
    (["check"], "regelkoll check: argumentet 'DATAMÄNGD' saknas"),
    (["check", "fixtures/demo", "--bogus"], "regelkoll check: okänd flagga --bogus"),
    (["check", "fixtures/demo", "--format", "pdf"],
     "regelkoll check: ogiltigt värde 'pdf' för --format; tillåtna: text, json, jsonl, html"),
    (["check", "fixtures/demo", "--jobs", "två"], "regelkoll check: ogiltigt värde 'två' för --jobs: ska vara ett heltal"),
    (["check", "fixtures/demo", "--jobs", "-1"],
     "regelkoll check: ogiltigt värde '-1' för --jobs: får inte vara mindre än 0"),
    (["check", "fixtures/demo", "--as-of"], "regelkoll: flaggan --as-of behöver ett värde"),
    (["check", "fixtures/demo", "fixtures/demo"], "regelkoll check: oväntat argument: fixtures/demo"),
    (["besok", "fixtures/demo"], "regelkoll besok: flaggan --facility måste anges"),
    (["chek", "fixtures/demo"], "regelkoll: okänt kommando 'chek' (menade du 'check'?)"),
    (["rules", "tset"], "regelkoll rules: okänt kommando 'tset' (menade du 'test'?)"),
    (["rules", "new"], "regelkoll rules new: flaggan --fran måste anges"),
    (["check", "finns/inte"], "finns/inte: RK-B001"),
    (["check", "fixtures/demo", "--output", "fixtures"], "fixtures: RK-O001"),
])
def test_usage_errors_are_swedish_with_status_2(args, expected):
    proc = regelkoll(*args)
    assert proc.returncode == 2
    assert any(line.startswith(expected) for line in proc.stderr.splitlines()), proc.stderr
    assert _english(proc.stderr) == [], proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unreadable_rule_file_is_told_in_swedish(broken_yaml, tmp_path):
    proc = regelkoll("rules", "lint", "--rules", str(broken_yaml))
    assert proc.returncode == 2
    assert "RK-Y001: ogiltig YAML:" in proc.stderr and _english(proc.stderr) == [], proc.stderr
    binary = tmp_path / "pack.yaml"
    binary.write_bytes(b"regelpaket: \xff\xfe\n")
    proc = regelkoll("rules", "lint", "--rules", str(tmp_path))
    assert proc.returncode == 2 and "RK-Y005: filen är inte UTF-8" in proc.stderr and _english(proc.stderr) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_rule_file_without_read_permission_is_told_in_swedish(tmp_path):
    locked = tmp_path / "pack.yaml"
    locked.write_text("regelpaket: {id: x}\n", encoding="utf-8")
    locked.chmod(0)
    proc = regelkoll("rules", "lint", "--rules", str(tmp_path))
    assert proc.returncode == 2 and "åtkomst nekad" in proc.stderr and _english(proc.stderr) == [], proc.stderr


@pytest.mark.parametrize("args", [[], ["--help"], ["check", "--help"], ["besok", "--help"], ["rules", "--help"],
                                  ["rules", "test", "--help"], ["rules", "new", "--help"], ["codes", "--help"]])
def test_help_is_swedish(args):
    proc = regelkoll(*args)
    text = _plain(proc.stdout + proc.stderr)
    assert "Användning: regelkoll" in text and "Visa denna hjälp och avsluta." in text
    assert _english(text) == [], text


def test_every_problem_text_of_libyaml_has_a_swedish_text():
    # the problem texts the C library can write (its strings), so that none is shown in English
    from regelkoll.yamlsafe import _PROBLEMS

    libyaml = Path(__import__("yaml._yaml", fromlist=["_yaml"]).__file__).read_bytes()
    problems = {m.decode() for m in re.findall(rb"(?:found|did not find|could not find|invalid|incomplete)[ a-zA-Z0-9'<>,:.%!()\]}{_-]+",
                                               libyaml)}
    problems = {p.strip() for p in problems if "_" not in p and "vtable" not in p}
    assert sorted(p for p in problems if p not in _PROBLEMS) == []
