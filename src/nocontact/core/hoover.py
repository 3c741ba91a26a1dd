"""Hoover season: warnings ahead of the dates an ex tends to use to get back in touch.

Birthdays, the anniversary and holidays are classic pretexts ("happy birthday", "thinking of
you at Christmas"). The person enters the dates; we warn some days ahead. Pure: `on` is given.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DEFAULT_DAYS_AHEAD = 7


class HooverKind(StrEnum):
    THEIR_BIRTHDAY = "their_birthday"
    MY_BIRTHDAY = "my_birthday"
    ANNIVERSARY = "anniversary"
    HOLIDAY = "holiday"


KIND_LABELS: dict[HooverKind, str] = {
    HooverKind.THEIR_BIRTHDAY: "their birthday",
    HooverKind.MY_BIRTHDAY: "your birthday",
    HooverKind.ANNIVERSARY: "the anniversary",
    HooverKind.HOLIDAY: "a holiday",
}


@dataclass(frozen=True, slots=True)
class HooverDate:
    kind: HooverKind
    month: int
    day: int
    label: str = ""  # the person's own word for it, e.g. "New Year"
    year: int | None = None  # None: every year

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", HooverKind(self.kind))
        # Feb 29 is allowed: in other years it falls on Feb 28.
        probe_year = self.year if self.year is not None else 2024
        try:
            date(probe_year, self.month, self.day)
        except ValueError as exc:
            raise ValueError("not a real date") from exc

    def occurrence(self, year: int) -> date | None:
        if self.year is not None and self.year != year:
            return None
        last = calendar.monthrange(year, self.month)[1]
        return date(year, self.month, min(self.day, last))


@dataclass(frozen=True, slots=True)
class HooverWarning:
    when: date
    days_ahead: int
    kind: HooverKind
    label: str
    words: str


def _words(kind: HooverKind, label: str, days_ahead: int) -> str:
    name = label or KIND_LABELS[kind]
    if days_ahead == 0:
        lead = f"Today is {name}."
    elif days_ahead == 1:
        lead = f"Tomorrow is {name}."
    else:
        lead = f"{name[0].upper()}{name[1:]} is in {days_ahead} days."
    return (
        f"{lead} Dates like this are when people like them often try to get back in touch: "
        "a greeting, a memory, a reason to talk. You do not have to answer. Plan something kind "
        "for yourself, and tell your friend."
    )


def warnings(
    dates: Iterable[HooverDate], on: date, days_ahead: int = DEFAULT_DAYS_AHEAD
) -> list[HooverWarning]:
    """Every entered date falling within `days_ahead` days from `on` (inclusive), soonest first."""
    if days_ahead < 0:
        raise ValueError("days ahead cannot be negative")
    horizon = on + timedelta(days=days_ahead)
    found: list[HooverWarning] = []
    for item in dates:
        for year in range(on.year, horizon.year + 1):
            when = item.occurrence(year)
            if when is None or not on <= when <= horizon:
                continue
            ahead = (when - on).days
            found.append(
                HooverWarning(
                    when, ahead, item.kind, item.label, _words(item.kind, item.label, ahead)
                )
            )
    found.sort(key=lambda w: (w.when, w.kind))
    return found
