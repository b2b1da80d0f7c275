from __future__ import annotations

from datetime import date

import pytest

from regelkoll.legaltime import Period, add_period, deadline_to_act, is_day_off


@pytest.mark.parametrize(("start", "period", "end"), [
    (date(2025, 3, 1), Period(manader=6), date(2025, 9, 1)),  # TC-01: 1 March + 6 months = 1 September
    (date(2025, 8, 31), Period(manader=6), date(2026, 2, 28)),  # no 31 February: last day of the month
    (date(2023, 8, 31), Period(manader=6), date(2024, 2, 29)),  # leap year
    (date(2024, 2, 29), Period(ar=1), date(2025, 2, 28)),
    (date(2024, 6, 3), Period(ar=2), date(2026, 6, 3)),
    (date(2025, 1, 31), Period(dagar=2), date(2025, 2, 2)),
])
def test_periods_are_calendar_periods(start, period, end):
    assert add_period(start, period) == end


def test_six_months_is_not_183_days():
    assert add_period(date(2025, 2, 28), Period(manader=6)) == date(2025, 8, 28)
    assert (date(2025, 8, 28) - date(2025, 2, 28)).days == 181


@pytest.mark.parametrize(("day", "off"), [
    (date(2026, 6, 19), True),   # midsommarafton
    (date(2026, 12, 24), True),  # julafton
    (date(2026, 12, 31), True),  # nyårsafton
    (date(2026, 6, 6), True),    # nationaldagen (a Saturday too)
    (date(2026, 5, 14), True),   # Kristi himmelsfärd
    (date(2026, 11, 21), True),  # Saturday
    (date(2026, 11, 23), False),
])
def test_days_off(day, off):
    assert is_day_off(day) is off


def test_a_deadline_to_act_moves_past_weekends_and_holidays():
    # one month from 24 November 2025 ends on 24 December (julafton), then 25, 26 (helgdagar), 27–28 (weekend)
    assert deadline_to_act(date(2025, 11, 24), Period(manader=1)) == date(2025, 12, 29)


def test_a_period_must_have_exactly_one_unit():
    with pytest.raises(ValueError):
        Period(ar=1, manader=2)


def test_the_quarter_in_which_an_overrun_first_shows():
    from regelkoll.legaltime import quarter_end_after

    assert quarter_end_after(date(2025, 8, 12)) == date(2025, 9, 30)
    assert quarter_end_after(date(2025, 9, 30)) == date(2025, 12, 31)  # on time on the last day: next quarter
    assert quarter_end_after(date(2025, 12, 31)) == date(2026, 3, 31)
    assert quarter_end_after(date(2024, 2, 29)) == date(2024, 3, 31)
    period = Period(manader=3, kvartalsslut=True)
    assert add_period(date(2025, 6, 30), period) == date(2025, 12, 31)  # three months end 30 Sept
    assert add_period(date(2025, 5, 12), period) == date(2025, 9, 30)


@pytest.mark.parametrize("start, end", [
    (date(2026, 3, 10), date(2026, 2, 10)),
    (date(2026, 3, 31), date(2026, 2, 28)),  # the month's last day when it has no 31st (1 §)
    (date(2024, 3, 31), date(2024, 2, 29)),
    (date(2026, 1, 15), date(2025, 12, 15)),
])
def test_counting_back_from_a_start(start, end):
    # "senast en månad innan": the same day number a month earlier
    assert add_period(start, Period(manader=1, bakat=True)) == end


def test_a_deadline_counted_back_still_moves_forward_past_days_off():
    # 2029-12-22 is a Saturday; 23 Sunday, 24 julafton, 25-26 juldagen and annandag jul: Thursday 27
    assert add_period(date(2030, 1, 22), Period(manader=1, bakat=True, handlingsfrist=True)) == date(2029, 12, 27)
    assert add_period(date(2026, 3, 10), Period(manader=1, bakat=True, handlingsfrist=True)) == date(2026, 2, 10)
    with pytest.raises(ValueError):
        Period(manader=1, bakat=True, kvartalsslut=True)


_EDGES = [date.min, date(1, 1, 31), date(1970, 1, 1), date(9999, 9, 30), date(9999, 10, 1), date(9999, 11, 30),
          date(9999, 12, 1), date(9999, 12, 30), date.max]
_PERIODS = [Period(ar=2), Period(manader=3, kvartalsslut=True), Period(manader=1, handlingsfrist=True),
            Period(dagar=14, bakat=True), Period(manader=1, bakat=True, handlingsfrist=True), Period(ar=9999)]


@pytest.mark.parametrize("start", _EDGES, ids=str)
@pytest.mark.parametrize("period", _PERIODS, ids=lambda p: p.slug)
def test_counting_from_any_calendar_day_never_fails(start, period):
    # a date such as 9999-12-01 on one extract once failed every facility of that person as an internal error
    end = add_period(start, period)
    assert date.min <= end <= date.max
    if period.bakat:
        assert end <= start or period.handlingsfrist
    else:
        assert end >= start
