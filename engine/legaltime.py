"""Legal time under lag (1930:173) om beräkning av lagstadgad tid.

1 §: a period in months or years ends on the same day number in the end
month, or on its last day if that month is shorter. dateutil's relativedelta
clamps to the month's end in exactly that way, so 31 August plus six months
is the last day of February.

2 §: a deadline *to act* that ends on a Saturday, Sunday, public holiday,
midsommarafton, julafton or nyårsafton moves to the next weekday. It never
moves an age limit, so only `deadline_to_act` applies it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta
from pydantic import ConfigDict, model_validator

from regelkoll.strict import StrictModel

# Used for "still ongoing" / "still kept": later than any real date, still an int for the engine.
OPEN_END = date(9999, 12, 31)


class Period(StrictModel):
    """A statutory period: exactly one of years, months, days (days only where the law says days)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)

    ar: int | None = None
    """Years: the same day that many years on (29 February to 28 February)."""
    manader: int | None = None
    """Calendar months, with the end-of-month rule: 31 August + 6 months is 28 (29) February."""
    dagar: int | None = None
    """Days, only where the law counts in days."""
    handlingsfrist: bool = False
    """A deadline to act (report, notify): if it ends on a day off it moves to the next weekday (TC-02)."""
    kvartalsslut: bool = False
    """Then the last day of the first quarter that ends after that day: the quarterly report in
    which something that first shows the day after the period must appear."""
    bakat: bool = False
    """Count backwards: the day the period *before* the date begins ("senast en månad innan"). With
    `handlingsfrist`, a last day that is a day off still moves to the next weekday (TC-02)."""

    @model_validator(mode="after")
    def _exactly_one(self) -> "Period":
        given = [v for v in (self.ar, self.manader, self.dagar) if v is not None]
        if len(given) != 1:
            raise ValueError("ange exakt en av ar, manader eller dagar")
        if given[0] < 0:
            raise ValueError("en tidsperiod kan inte vara negativ")
        if self.handlingsfrist and self.kvartalsslut:
            raise ValueError("ange högst en av handlingsfrist och kvartalsslut")
        if self.bakat and self.kvartalsslut:
            raise ValueError("bakat och kvartalsslut kan inte kombineras")
        return self

    @property
    def slug(self) -> str:
        suffix = ("b" if self.bakat else "") + ("f" if self.handlingsfrist else "q" if self.kvartalsslut else "")
        if self.ar is not None:
            return f"{self.ar}y{suffix}"
        if self.manader is not None:
            return f"{self.manader}m{suffix}"
        return f"{self.dagar}d{suffix}"

    def swedish(self) -> str:
        if self.ar is not None:
            text = f"{self.ar} år"
        elif self.manader is not None:
            text = f"{self.manader} månad" + ("er" if self.manader != 1 else "")
        else:
            text = f"{self.dagar} dag" + ("ar" if self.dagar != 1 else "")
        if self.bakat:
            text += " före"
        if self.kvartalsslut:
            text += ", sedan slutet av det kvartal som slutar därefter"
        return text + (" (handlingsfrist)" if self.handlingsfrist else "")


def add_period(start: date, period: Period) -> date:
    """The day a period counted from `start` ends (TC-01); for a deadline to act, moved past days off (TC-02)."""
    if period.handlingsfrist:
        return deadline_to_act(start, period.model_copy(update={"handlingsfrist": False}))
    if period.kvartalsslut:
        return quarter_end_after(_period_end(start, period))
    return _period_end(start, period)


def quarter_end_after(day: date) -> date:
    """The last day of the first quarter that ends strictly after `day`."""
    if day >= date(9999, 10, 1):  # the quarter ending 9999-12-31 is the last the calendar has
        return OPEN_END
    following = day + timedelta(days=1)
    month = ((following.month - 1) // 3 + 1) * 3
    return date(following.year, month, 1) + relativedelta(months=1) - timedelta(days=1)


def _period_end(start: date, period: Period) -> date:
    if start >= OPEN_END:
        return OPEN_END
    sign = -1 if period.bakat else 1
    try:
        if period.ar is not None:
            return start + relativedelta(years=sign * period.ar)
        if period.manader is not None:
            return start + relativedelta(months=sign * period.manader)
        return start + timedelta(days=sign * (period.dagar or 0))
    except (OverflowError, ValueError):
        # past the calendar's last (or first) day: a date no real deadline reaches, so the ends stand for it
        return date.min if sign < 0 else OPEN_END


@lru_cache(maxsize=None)
def _swedish_holidays(year: int) -> holidays.HolidayBase:
    # The Swedish calendar in `holidays` counts every Sunday as a holiday;
    # 2 § names Sundays separately anyway, so that is harmless here.
    return holidays.country_holidays("SE", years=year, language="sv")


def is_day_off(day: date) -> bool:
    """Saturday, Sunday, public holiday (lag 1989:253), midsommarafton, julafton, nyårsafton."""
    if day.weekday() >= 5 or day in _swedish_holidays(day.year):
        return True
    if day.month == 12 and day.day in (24, 31):
        return True
    # midsommarafton: the Friday between 19 and 25 June
    return day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4


def deadline_to_act(start: date, period: Period) -> date:
    """Last day to take an action within `period` from `start` (TC-01 and TC-02)."""
    day = _period_end(start, period)
    if day >= OPEN_END:
        return OPEN_END
    while is_day_off(day) and day < OPEN_END:
        day += timedelta(days=1)
    return day
