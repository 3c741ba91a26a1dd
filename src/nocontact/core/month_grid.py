"""A month of the challenge as a grid of weeks: each day held or slipped, and the ex's attempts.

Attempts are counts per category only: the grid never sees a message. The web calendar and the
printable PDF both draw from this.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from nocontact.core.challenge import CheckIn, DayStatus, day_status, merge_by_day
from nocontact.core.taxonomy import CATEGORY_ORDER, Category

Attempts = Mapping[Category, int]


class GridError(ValueError):
    """A month or a count that cannot be drawn."""


@dataclass(frozen=True, slots=True)
class DayCell:
    day: date
    in_month: bool
    status: DayStatus
    attempts: tuple[tuple[Category, int], ...] = field(default=())  # safety order, zeros left out

    @property
    def attempt_total(self) -> int:
        return sum(n for _, n in self.attempts)


@dataclass(frozen=True, slots=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[tuple[DayCell, ...], ...]
    held: int
    slipped: int
    attempts: int
    by_category: tuple[tuple[Category, int], ...]

    @property
    def title(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"


def _clean_counts(counts: Attempts | None) -> tuple[tuple[Category, int], ...]:
    if not counts:
        return ()
    cleaned: dict[Category, int] = {}
    for key, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise GridError("attempt counts must be whole numbers, zero or more")
        try:
            category = Category(key)
        except ValueError as exc:
            raise GridError("unknown category") from exc
        cleaned[category] = cleaned.get(category, 0) + value
    return tuple((c, cleaned[c]) for c in CATEGORY_ORDER if cleaned.get(c))


def month_grid(
    year: int,
    month: int,
    *,
    checkins: Iterable[CheckIn],
    start: date,
    today: date,
    attempts: Mapping[date, Attempts] | None = None,
    first_weekday: int = calendar.MONDAY,
) -> MonthGrid:
    """Weeks covering the month, padded with the neighbouring months' days (`in_month` False)."""
    if not 1 <= month <= 12 or not 1900 <= year <= 9999:
        raise GridError("no such month")
    attempts = attempts or {}
    by_day = merge_by_day(checkins)
    weeks: list[tuple[DayCell, ...]] = []
    held = slipped = 0
    totals: dict[Category, int] = {}
    for week in calendar.Calendar(first_weekday).monthdatescalendar(year, month):
        row: list[DayCell] = []
        for day in week:
            in_month = day.month == month
            status = day_status(day, start, today, by_day)
            counts = _clean_counts(attempts.get(day)) if day <= today else ()
            row.append(DayCell(day, in_month, status, counts))
            if not in_month:
                continue
            held += status is DayStatus.HELD
            slipped += status is DayStatus.SLIPPED
            for category, n in counts:
                totals[category] = totals.get(category, 0) + n
        weeks.append(tuple(row))
    by_category = tuple((c, totals[c]) for c in CATEGORY_ORDER if totals.get(c))
    return MonthGrid(year, month, tuple(weeks), held, slipped, sum(totals.values()), by_category)


def tried_and_held_words(attempts: int, held: int, slipped: int, period: str = "week") -> str:
    """The cheerleader line: "They tried 9 times this week; you held." Never shaming."""
    if attempts == 0 and held == 0 and slipped == 0:
        return f"A new {period}. One day at a time."
    tried = (
        f"They tried {attempts} time{'s' if attempts != 1 else ''} this {period}"
        if attempts
        else f"No attempts from them this {period}"
    )
    if slipped == 0 and held:
        return f"{tried}; you held."
    if slipped:
        day_word = "day" if held == 1 else "days"
        return f"{tried}; you held {held} {day_word}, and every one of them counts."
    return f"{tried}."


def week_of(day: date, first_weekday: int = calendar.MONDAY) -> tuple[date, date]:
    """The first and last day of the week containing `day`."""
    first = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    return first, first + timedelta(days=6)
