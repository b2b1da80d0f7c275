"""Swedish identity numbers, normalised at the adapter boundary.

Only the 12-digit form is accepted for persons (YYYYMMDDNNNN, with or without
a hyphen): the 10-digit form needs a century, and the `personnummer` package
guesses it from today's date, so the same file would read differently next
year. Organisation numbers are stored as NNNNNN-NNNN.
"""

from __future__ import annotations

import re
from typing import Literal

from organisationsnummer.organisationsnummer import OrganisationsnummerException
from organisationsnummer.organisationsnummer import parse as parse_org
from personnummer.personnummer import PersonnummerException
from personnummer.personnummer import parse as parse_person

Klass = Literal["personnummer", "samordningsnummer", "samordningsnummer_ofullstandigt_datum"]


class IdentityError(ValueError):
    """The number is not a valid identity number; the message never repeats the number unmasked."""


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        value = int(ch) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def mask(number: str) -> str:
    """19800101-1234 → 19800101-****; anything unexpected is masked whole."""
    digits = re.sub(r"\D", "", number or "")
    if len(digits) == 12:
        return f"{digits[:8]}-****"
    return "*" * max(len(number or ""), 4)


def normalise_personnummer(text: str) -> tuple[str, Klass]:
    """Return the 12-digit form and its class, or raise IdentityError."""
    if not isinstance(text, str):
        raise IdentityError("ska vara en text med 12 siffror (ÅÅÅÅMMDD-NNNN)")
    compact = text.strip()
    if not re.fullmatch(r"\d{8}-?\d{4}", compact):
        if re.fullmatch(r"\d{6}[-+]?\d{4}", compact):
            raise IdentityError("ange personnumret med 12 siffror (ÅÅÅÅMMDD-NNNN); århundradet kan inte gissas")
        raise IdentityError(f"har fel form ({mask(compact)}); skriv ÅÅÅÅMMDD-NNNN")
    digits = compact.replace("-", "")
    try:
        parsed = parse_person(digits)
    except PersonnummerException:
        day = int(digits[6:8])
        # Skatteverket issues samordningsnummer with month 00 or day 60 when the birth date is unknown
        if day >= 60 and _luhn_ok(digits[2:]):
            return digits, "samordningsnummer_ofullstandigt_datum"
        raise IdentityError(f"är inget giltigt personnummer ({mask(digits)}): fel kontrollsiffra eller datum") from None
    return digits, ("samordningsnummer" if parsed.is_coordination_number() else "personnummer")


def normalise_organisationsnummer(text: str) -> str:
    if not isinstance(text, str):
        raise IdentityError("ska vara en text (NNNNNN-NNNN)")
    try:
        return parse_org(text.strip()).format(True)
    except OrganisationsnummerException:
        raise IdentityError(f"är inget giltigt organisationsnummer ({text.strip()})") from None
