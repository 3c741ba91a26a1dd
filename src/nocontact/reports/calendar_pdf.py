"""The month calendar as a printable PDF: days held or slipped, and the ex's attempts as counts.

It is built only from a `MonthGrid` (statuses and counts per category), so no message text can
reach it. WeasyPrint renders our own HTML template; every outside resource is refused.
"""

from __future__ import annotations

import calendar
from html import escape
from importlib.resources import files
from string import Template
from typing import NoReturn

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from nocontact.core.challenge import DayStatus
from nocontact.core.month_grid import DayCell, MonthGrid, tried_and_held_words
from nocontact.core.taxonomy import Category

CATEGORY_WORDS: dict[Category, str] = {
    Category.THREAT: "threat",
    Category.SELF_HARM: "self-harm",
    Category.LEGAL: "legal",
    Category.LOGISTICS: "practical",
    Category.HOOVERING: "hoovering",
    Category.OTHER: "other",
}

STATUS_MARKS: dict[DayStatus, str] = {DayStatus.HELD: "held", DayStatus.SLIPPED: "slipped"}


class CalendarPdfError(RuntimeError):
    """The calendar could not be rendered."""


class _NoFetching(URLFetcher):  # type: ignore[misc]
    def fetch(self, url: str, headers: object = None) -> NoReturn:
        raise ValueError("the printable calendar loads nothing from outside")


def _template() -> Template:
    source = files("nocontact.reports").joinpath("templates/calendar_print.html")
    return Template(source.read_text(encoding="utf-8"))


def _cell(cell: DayCell) -> str:
    if not cell.in_month:
        return f'<td class="out"><span class="num">{cell.day.day}</span></td>'
    css = cell.status.value
    mark = STATUS_MARKS.get(cell.status, "")
    tries = "".join(f'<span class="try c-{c.value}">{n}</span>' for c, n in cell.attempts)
    return (
        f'<td class="{css}"><span class="num">{cell.day.day}</span>'
        f'<span class="mark">{mark}</span><div class="tries">{tries}</div></td>'
    )


def calendar_html(grid: MonthGrid, heading: str | None = None) -> str:
    weekdays = "".join(f"<th>{calendar.day_abbr[d.day.weekday()]}</th>" for d in grid.weeks[0])
    weeks = "\n".join("<tr>" + "".join(_cell(c) for c in week) + "</tr>" for week in grid.weeks)
    legend = " ".join(
        f'<span><span class="try c-{c.value}">{n}</span> {CATEGORY_WORDS[c]}</span>'
        for c, n in grid.by_category
    )
    cheer = tried_and_held_words(grid.attempts, grid.held, grid.slipped, period="month")
    return _template().substitute(
        title=escape(heading or grid.title),
        cheer=escape(cheer),
        weekdays=weekdays,
        weeks=weeks,
        legend=legend,
    )


def calendar_pdf(grid: MonthGrid, heading: str | None = None) -> bytes:
    try:
        document = HTML(string=calendar_html(grid, heading), url_fetcher=_NoFetching())
        data = document.write_pdf()
    except CalendarPdfError:
        raise
    except Exception as exc:
        raise CalendarPdfError("the printable calendar could not be rendered") from exc
    if not isinstance(data, bytes):
        raise CalendarPdfError("the printable calendar could not be rendered")
    return data
