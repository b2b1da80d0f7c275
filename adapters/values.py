"""Values as source files write them: dates, identity numbers, names, decimals and headers.

Shared by every adapter so that a date or a personnummer means the same whichever file it came from.
Each reader raises `ValueProblem` with a stable code and a Swedish message that never repeats a
personnummer unmasked; the adapter adds the file and line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from regelkoll.facts.identity import IdentityError, mask, normalise_personnummer


class ValueProblem(ValueError):
    def __init__(self, code: str, message: str, *, notice: bool = False):
        super().__init__(message)
        self.code = code
        self.message = message
        self.notice = notice


def fold(text: str) -> str:
    """Lower case without diacritics or punctuation: `Anställnings-datum` → `anstallningsdatum`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain)


def slug(text: str) -> str:
    """An id part made of a name: `Åsa Öberg` → `asa-oberg`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


# --- dates -----------------------------------------------------------------------------------------------------

DMY = "DD/MM/ÅÅÅÅ"
MDY = "MM/DD/ÅÅÅÅ"
BOTH = "båda"  # a column with values that prove each order: no slashed value in it is read
# ASCII digits only: a date typed in another script's digits is refused, never read as if it were plain
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", re.ASCII)
_EXCEL_SERIAL = re.compile(r"\d{5}(?:[.,]0+)?", re.ASCII)


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem("RK-K014", f"'{text}' är inget giltigt datum") from None


def slash_order(values: list[str]) -> str | None:
    """Which order a column's slashed dates must be in: DMY or MDY when a value proves it, else None.

    A column is read one way throughout: a first part above 12 proves day-first, a second part above
    12 proves month-first, and a column that proves both is refused value by value.
    """
    day_first = month_first = False
    for value in values:
        match = _SLASHED.fullmatch(value.strip())
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12
            month_first |= second > 12
    if day_first and not month_first:
        return DMY
    if month_first and not day_first:
        return MDY
    return BOTH if day_first else None


def parse_date(text: str, *, slashed: str | None = None) -> date:
    """ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD; DD/MM/ÅÅÅÅ only when the order is known (declared, or proven by the column).

    An Excel serial number (45678) is refused with its own code: it counts days from 1899-12-30 only in
    Excel's Windows calendar, and which calendar a file was saved in cannot be seen in it.
    """
    value = text.strip()
    for pattern in (_ISO, _COMPACT):
        match = pattern.fullmatch(value)
        if match:
            return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    match = _SLASHED.fullmatch(value)
    if match and slashed == BOTH:
        raise ValueProblem("RK-K015", f"'{value}': kolumnen har datum skrivna både DD/MM/ÅÅÅÅ och MM/DD/ÅÅÅÅ, så "
                           "inget av dem kan läsas säkert; ange datumformat i kallor.yaml eller skriv ÅÅÅÅ-MM-DD")
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if slashed is None and first > 12 and second <= 12:
            slashed = DMY
        elif slashed is None and second > 12 and first <= 12:
            slashed = MDY
        if slashed is None:
            raise ValueProblem("RK-K015", f"'{value}' kan vara både DD/MM/ÅÅÅÅ och MM/DD/ÅÅÅÅ; ange datumformat "
                               "för källan i kallor.yaml eller skriv ÅÅÅÅ-MM-DD")
        day, month = (first, second) if slashed == DMY else (second, first)
        return _make(year, month, day, value)
    if _EXCEL_SERIAL.fullmatch(value):
        guess = date(1899, 12, 30) + timedelta(days=int(re.split(r"[.,]", value)[0]))
        raise ValueProblem("RK-K016", f"'{value}' ser ut som ett Excel-serienummer (kanske {guess.isoformat()}); "
                           "exportera datum som ÅÅÅÅ-MM-DD")
    raise ValueProblem("RK-K014", f"'{value}' är inget datum (skriv ÅÅÅÅ-MM-DD)")


# --- identity numbers ------------------------------------------------------------------------------------------

_TEN = re.compile(r"(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})")
_TWELVE = re.compile(r"(\d{4})(\d{2})(\d{2})-?(\d{4})")
# an employee younger than this or older than this on the extract day is not believable: the export
# probably wrote the wrong century (a known defect writes 19 for everyone)
YOUNGEST, OLDEST = 13, 100


@dataclass(frozen=True)
class Identity:
    number: str | None  # 12 digits, valid; None when the text could not be read as one
    birth: date | None  # the birth date it gives, also for a number with a wrong check digit
    klass: str = ""  # personnummer | samordningsnummer | …


def birth_date(digits: str) -> date | None:
    """The birth date of a 12-digit number (a samordningsnummer's day is 60 higher), or None."""
    day = int(digits[6:8])
    try:
        return date(int(digits[:4]), int(digits[4:6]), day - 60 if day > 60 else day)
    except ValueError:
        return None


def with_century(text: str, extract_day: date | None) -> str:
    """A ten-digit number with its century, counted back from the day the extract was taken.

    `-` means younger than 100 on that day and `+` at least 100, as Skatteverket writes it. The day
    is the extract's, never today: the same file must read the same next year.
    """
    match = _TEN.fullmatch(text)
    if match is None:
        return text
    if extract_day is None:
        raise ValueProblem("RK-K017", f"tiosiffrigt personnummer ({mask(text)}) men källan har inget uttagsdatum; "
                           "ange uttagsdatum i kallor.yaml eller skriv numret med tolv siffror")
    yy, month, day, sign, tail = match.groups()
    year = extract_day.year - (extract_day.year - int(yy)) % 100
    born_day = int(day) - 60 if int(day) > 60 else int(day)
    try:
        if date(year, int(month), born_day) > extract_day:
            year -= 100
    except ValueError:
        pass  # an impossible date: the normaliser reports it
    if sign == "+":
        year -= 100
    return f"{year}{month}{day}-{tail}"


def read_identity(text: str, extract_day: date | None, *, employee: bool = False) -> Identity:
    """A personnummer or samordningsnummer in any common form; ValueProblem if it cannot be used.

    `employee`: the person works somewhere, so an age outside 13–100 on the extract day is refused as a
    wrong century (the number is not used; the row is matched on name and birth date instead).
    """
    value = re.sub(r"\s", "", text)
    if not value:
        return Identity(None, None)
    full = with_century(value, extract_day)
    match = _TWELVE.fullmatch(full)
    try:
        number, klass = normalise_personnummer(full)
    except IdentityError as exc:
        born = birth_date(match.group(1) + match.group(2) + match.group(3) + match.group(4)) if match else None
        raise IdentityProblem("RK-K018", str(exc), born) from None
    born = birth_date(number)
    if employee and born is not None and extract_day is not None:
        age = (extract_day - born).days // 365
        if not YOUNGEST <= age <= OLDEST:
            other = f"{20 if number.startswith('19') else 19}{number[2:8]}"
            raise IdentityProblem("RK-K019", f"personnumret ({mask(number)}) ger åldern {age} år på uttagsdagen "
                                  f"{extract_day.isoformat()}, vilket inte går ihop med en anställning; troligen fel "
                                  f"århundrade (född {other[:4]}-{other[4:6]}-{other[6:8]}?). Numret används inte",
                                  None)
    return Identity(number, born, klass)


class IdentityProblem(ValueProblem):
    def __init__(self, code: str, message: str, birth: date | None):
        super().__init__(code, message)
        self.birth = birth


# --- names and numbers -----------------------------------------------------------------------------------------


def split_name(full: str) -> tuple[str, str]:
    """(given names, surname) of `Efternamn, Förnamn` or `Förnamn Efternamn` (split at the last space)."""
    text = " ".join(full.split())
    if "," in text:
        surname, _, given = text.partition(",")
        return given.strip(), surname.strip()
    given, _, surname = text.rpartition(" ")
    return given, surname


def display_name(given: str | None, surname: str | None, full: str | None = None) -> str:
    if full:
        first, last = split_name(full)
        return " ".join(p for p in (first, last) if p)
    return " ".join(p.strip() for p in (given, surname) if p and p.strip())


def parse_fraction(text: str) -> Decimal:
    """`0,75`, `0.75`, `75 %` or `75` → 0.75; ValueProblem otherwise."""
    value = text.strip().replace("\u00a0", " ")
    percent = value.endswith("%")
    value = value.rstrip("%").strip().replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueProblem("RK-K014", f"'{text.strip()}' är ingen andel (skriv t.ex. 0,75 eller 75 %)") from None
    if percent or number > 1:
        number = number / 100
    if not 0 <= number <= 1:
        raise ValueProblem("RK-K014", f"'{text.strip()}' ligger inte mellan 0 och 100 %")
    return number
