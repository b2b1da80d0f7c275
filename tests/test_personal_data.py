"""Personal identity numbers: masked in every output unless asked for, refused where a code belongs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.diagnostics import Diagnostic
from regelkoll.personal_data import looks_like_personnummer, mask_text, refuse_personnummer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "personal_data"
# Skatteverket's test numbers, written in the bundle in the places named
IN_PERSON = ("199305062383", "19930506-2383")  # person.personnummer, used in a rule's evidence and message
IN_NAME = ("19950302-2387",)  # inside a person's name, also the person's own number
MISPLACED = ("19790408-2380", "197904082380")  # in a coded field (form) and as a client code
FULL = re.compile(r"(?<!\d)(?:19930506|19950302|19790408)-?\d{4}(?!\d)")


def regelkoll(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True, timeout=300)


@pytest.mark.parametrize("text,masked", [
    ("19930506-2383", "19930506-****"),
    ("199305062383", "19930506-****"),
    ("930506-2383", "930506-****"),
    ("1212121212 och 121212+1212", "121212-**** och 121212+****"),
    ("klient K199305062383x", "klient K19930506-****x"),
    ("samordningsnummer 19930566-2384", "samordningsnummer 19930566-****"),
    ("１９９３０５０６-２３８３ och ١٩٩٣٠٥٠٦٢٣٨٣", "１９９３０５０６-**** och ١٩٩٣٠٥٠٦-****"),  # other scripts' digits
    ("19930506–2383 eller 930506 2383", "19930506–**** eller 930506 ****"),
    ("556677-8899", "556677-8899"),  # an organisation number (month 66) is not personal data
    ("2025-03-07, 20250307 och 1234567890123", "2025-03-07, 20250307 och 1234567890123"),
])
def test_numbers_shaped_like_a_personnummer_are_masked(text, masked):
    assert mask_text(text) == masked
    assert looks_like_personnummer(text) == (masked != text)


def test_a_diagnostic_quoting_a_personnummer_is_masked_unless_asked():
    diagnostic = Diagnostic("19930506-2383.yaml", 3, 5, "RK-B010", "ogiltigt värde '199305062383'", "x.form")
    assert not FULL.search(diagnostic.render())
    assert not FULL.search(str(diagnostic.to_json()))
    assert "19930506-2383.yaml" in diagnostic.render(personal_data=True)


@pytest.mark.parametrize("code", ["19930506-2383", "K199305062383", "１９９３０５０６-２３８３"])
def test_a_code_shaped_like_a_personnummer_is_refused(code):
    with pytest.raises(ValueError, match="personnummer") as caught:
        refuse_personnummer(code)
    assert "2383" not in str(caught.value) and "２３８３" not in str(caught.value)


def test_a_personnummer_as_a_code_or_id_is_refused_without_repeating_it():
    bundle = read_bundle(DATA / "bundle")
    refused = [d for d in bundle.diagnostics if d.field == "placering.klient"]
    assert [(d.line, d.code) for d in refused] == [(16, "RK-B010")]
    assert "personnummer" in refused[0].message and not FULL.search(refused[0].render())
    assert bundle.get("placering", "pl1") is None and [b.id for b in bundle.broken if b.kind == "placering"] == ["pl1"]


@pytest.fixture(scope="module", params=["text", "json", "html"])
def outputs(request) -> tuple[str, subprocess.CompletedProcess, subprocess.CompletedProcess]:
    args = ("check", str(DATA / "bundle"), "--rules", str(DATA / "rules"), "--format", request.param)
    return request.param, regelkoll(*args), regelkoll(*args, "--show-personal-data")


def test_no_personnummer_leaves_the_program_unless_asked_for(outputs):
    fmt, masked, _ = outputs
    assert masked.returncode == 2  # two records are unreadable
    out, err = masked.stdout.decode(), masked.stderr.decode()
    assert not FULL.search(out), FULL.findall(out)
    assert not FULL.search(err), FULL.findall(err)
    # the evidence, the message variables, the name and the quoted input are there, masked
    assert out.count("19930506-****") >= 2 and "Bo Al 19950302-****" in out
    assert "19790408-****" in out and "19790408-****" in err


def test_asked_for_every_personnummer_is_shown_in_full(outputs):
    fmt, _, shown = outputs
    out = shown.stdout.decode()
    assert "19930506-****" not in out and "19950302-****" not in out
    assert "personnummer 199305062383" in out  # the message variable
    assert "Bo Al 19950302-2387" in out  # the name
    assert re.search(r"personnummer\W+199305062383", out.replace("&#34;", '"'))  # the evidence


def test_a_number_with_a_tab_or_a_no_break_space_inside_is_masked():
    from regelkoll.personal_data import mask_text

    for separator in ("\t", "\u00a0", "\u202f", "\u2010", "\u2013", "\u2212"):
        assert mask_text(f"Maria 19800708{separator}2392") == f"Maria 19800708{separator}****", repr(separator)
