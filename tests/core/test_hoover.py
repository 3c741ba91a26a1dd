"""Hoover season: warnings ahead of birthdays, the anniversary and holidays."""

from __future__ import annotations

from datetime import date

import pytest

from nocontact.core.hoover import HooverDate, HooverKind, warnings

BIRTHDAY = HooverDate(HooverKind.THEIR_BIRTHDAY, 12, 2)
ANNIVERSARY = HooverDate(HooverKind.ANNIVERSARY, 6, 14)
NEW_YEAR = HooverDate(HooverKind.HOLIDAY, 1, 1, "New Year")


def test_warns_the_configured_number_of_days_ahead_and_not_earlier():
    dates = [BIRTHDAY, ANNIVERSARY]
    assert warnings(dates, date(2026, 11, 24), days_ahead=7) == []
    [w] = warnings(dates, date(2026, 11, 25), days_ahead=7)
    assert (w.when, w.days_ahead, w.kind) == (date(2026, 12, 2), 7, HooverKind.THEIR_BIRTHDAY)
    assert "in 7 days" in w.words and "do not have to answer" in w.words


def test_the_day_itself_and_the_day_before_have_their_own_words():
    assert warnings([BIRTHDAY], date(2026, 12, 2))[0].words.startswith("Today is their birthday")
    assert warnings([BIRTHDAY], date(2026, 12, 1))[0].words.startswith("Tomorrow is")


def test_the_window_crosses_new_year():
    [w] = warnings([NEW_YEAR], date(2026, 12, 28), days_ahead=7)
    assert w.when == date(2027, 1, 1)
    assert "New Year is in 4 days" in w.words


def test_a_february_29_date_is_warned_on_february_28_in_other_years():
    leap = HooverDate(HooverKind.ANNIVERSARY, 2, 29)
    [w] = warnings([leap], date(2027, 2, 25), days_ahead=3)
    assert w.when == date(2027, 2, 28)


def test_a_one_off_date_only_warns_in_its_year():
    hearing_week = HooverDate(HooverKind.HOLIDAY, 7, 4, "Family reunion", year=2026)
    assert warnings([hearing_week], date(2026, 7, 1))
    assert warnings([hearing_week], date(2027, 7, 1)) == []


def test_several_warnings_come_soonest_first():
    found = warnings([ANNIVERSARY, HooverDate(HooverKind.HOLIDAY, 6, 10)], date(2026, 6, 8))
    assert [w.when.day for w in found] == [10, 14]


def test_impossible_dates_are_refused():
    with pytest.raises(ValueError):
        HooverDate(HooverKind.HOLIDAY, 2, 30)
    with pytest.raises(ValueError):
        warnings([BIRTHDAY], date(2026, 1, 1), days_ahead=-1)
