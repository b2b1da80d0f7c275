from __future__ import annotations

import json
from pathlib import Path

import pytest

from regelkoll.facts.identity import IdentityError, mask, normalise_organisationsnummer, normalise_personnummer

POOL = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "testpersonnummer.json").read_text("utf-8"))


@pytest.mark.parametrize("number", POOL["personnummer"][:40])
def test_skatteverket_test_numbers_are_valid(number):
    assert normalise_personnummer(f"{number[:8]}-{number[8:]}") == (number, "personnummer")


def test_samordningsnummer_are_recognised():
    for number in POOL["samordningsnummer"]:
        value, kind = normalise_personnummer(number)
        assert value == number and kind.startswith("samordningsnummer")


@pytest.mark.parametrize("number", POOL["samordningsnummer_ofullstandigt_datum"])
def test_incomplete_birth_date_samordningsnummer_is_accepted_and_flagged(number):
    # month 00 / day 60: Skatteverket issues these when the birth date is unknown; the library rejects them
    assert normalise_personnummer(number) == (number, "samordningsnummer_ofullstandigt_datum")


@pytest.mark.parametrize(("text", "message"), [
    ("19800709-9806", "kontrollsiffra"),
    ("800709-9805", "12 siffror"),
    ("abc", "fel form"),
])
def test_invalid_numbers_are_rejected_without_echoing_them(text, message):
    with pytest.raises(IdentityError) as info:
        normalise_personnummer(text)
    assert message in str(info.value)
    assert "9806" not in str(info.value) and "9805" not in str(info.value)


def test_mask():
    assert mask("198507099805") == "19850709-****"


def test_organisationsnummer():
    assert normalise_organisationsnummer("5560160680") == "556016-0680"
    with pytest.raises(IdentityError):
        normalise_organisationsnummer("556016-0681")
