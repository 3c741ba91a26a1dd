"""The challenge pages: dashboard, check-in, calendar, downloads, urge flow and settings."""

from __future__ import annotations

import calendar as stdcalendar
import hashlib
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from nocontact.core import challenge as core
from nocontact.core.hoover import warnings as hoover_warnings
from nocontact.core.month_grid import month_grid, tried_and_held_words, week_of
from nocontact.reports.calendar_pdf import CATEGORY_WORDS, calendar_pdf
from nocontact.reports.ics import daily_reminder_ics
from nocontact.web.access import survivor_required
from nocontact.web.cases.models import Case
from nocontact.web.challenge import services
from nocontact.web.challenge.forms import CheckInForm, ReminderForm


def _case(request: HttpRequest) -> Case:
    return request.case  # type: ignore[attr-defined, no-any-return]


def download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@survivor_required
def days(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    settings = services.settings_for(case)
    on = services.today_for(case)
    start = min(settings.start_date, on)
    checkins = services.core_checkins(case)
    summary = core.summarise(checkins, start, on)
    week_first, week_last = week_of(on)
    week = month_grid(on.year, on.month, checkins=checkins, start=start, today=on)
    week_cells = [c for row in week.weeks for c in row if week_first <= c.day <= week_last]
    attempts = services.attempts_by_day(case, week_first, week_last)
    tried = sum(sum(v.values()) for d, v in attempts.items() if d <= on)
    held = sum(1 for c in week_cells if c.status is core.DayStatus.HELD)
    slipped = sum(1 for c in week_cells if c.status is core.DayStatus.SLIPPED)
    checked_today = any(c.day == on for c in checkins)
    context = {
        "summary": summary,
        "week_words": tried_and_held_words(tried, held, slipped),
        "warnings": hoover_warnings(services.hoover_dates(case), on, settings.hoover_days_ahead),
        "checked_today": checked_today,
        "milestones": core.MILESTONES,
    }
    return render(request, "challenge/days.html", context)


@survivor_required
def check_in(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    settings = services.settings_for(case)
    on = services.today_for(case)
    sealing = services.survivor_public_key(case) is not None
    form = CheckInForm(request.POST or None, sealing=sealing, initial={"day": on, "urge": 0})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        day: date = data["day"]
        if day > on:
            form.add_error("day", "That day has not come yet.")
        else:
            entry = core.CheckIn(
                day,
                data["held"],
                data["urge"],
                core.Mood(data["mood"]) if data["mood"] else None,
                tuple(core.SlipKind(k) for k in data["slips"]) if not data["held"] else (),
            )
            note = services.seal_for_survivor(case, data.get("note", "") or "")
            services.record_checkin(case, entry, note)
            if day < settings.start_date:
                settings.start_date = day
                settings.save(update_fields=["start_date"])
            before = core.summarise(
                [c for c in services.core_checkins(case) if c.day < day], settings.start_date, on
            ).current_run
            after = core.summarise(services.core_checkins(case), settings.start_date, on)
            if not entry.held:
                messages.info(request, core.kind_words_after_slip(after.best_run))
            else:
                crossed = core.new_milestone(before, after.current_run)
                messages.success(
                    request, crossed.words if crossed else "Checked in. Well done for today."
                )
            return redirect("challenge:days")
    return render(
        request, "challenge/check_in.html", {"form": form, "sealing": sealing, "today": on}
    )


def _month_context(case: Case, year: int, month: int) -> dict[str, object]:
    settings = services.settings_for(case)
    on = services.today_for(case)
    first = date(year, month, 1)
    last = date(year, month, stdcalendar.monthrange(year, month)[1])
    grid = month_grid(
        year,
        month,
        checkins=services.core_checkins(case),
        start=min(settings.start_date, on),
        today=on,
        attempts=services.attempts_by_day(case, first, last),
    )
    previous = date(year - 1, 12, 1) if month == 1 else date(year, month - 1, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return {
        "grid": grid,
        "words": tried_and_held_words(grid.attempts, grid.held, grid.slipped, period="month"),
        "weekdays": [stdcalendar.day_abbr[c.day.weekday()] for c in grid.weeks[0]],
        "previous": previous,
        "following": following if following <= on else None,
        "category_words": CATEGORY_WORDS,
        "today": on,
    }


def _valid_month(year: int, month: int) -> None:
    if not 1 <= month <= 12 or not 1970 <= year <= 9999:
        raise Http404


@survivor_required
def month(request: HttpRequest, year: int | None = None, month: int | None = None) -> HttpResponse:
    case = _case(request)
    if year is None or month is None:
        on = services.today_for(case)
        year, month = on.year, on.month
    _valid_month(year, month)
    return render(request, "challenge/calendar.html", _month_context(case, year, month))


@survivor_required
def month_print(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """GET explains; only a deliberate POST downloads the PDF."""
    case = _case(request)
    _valid_month(year, month)
    context = _month_context(case, year, month)
    if request.method != "POST":
        return render(request, "challenge/print.html", context)
    data = calendar_pdf(context["grid"])  # type: ignore[arg-type]
    return download(data, f"calendar-{year}-{month:02d}.pdf", "application/pdf")


@survivor_required
def reminder(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    settings = services.settings_for(case)
    form = ReminderForm(request.POST or None, initial={"at": settings.reminder_time or "20:00"})
    if request.method == "POST" and form.is_valid():
        settings.reminder_time = form.cleaned_data["at"]
        settings.save(update_fields=["reminder_time"])
        # Stable per case, and says nothing about the case or its purpose.
        uid = hashlib.sha256(f"reminder-{case.pk}-{settings.pk}".encode()).hexdigest()[:24]
        data = daily_reminder_ics(
            first_day=services.today_for(case),
            at=settings.reminder_time,
            tz_name=services.case_zone(case).key,
            uid=f"{uid}@reminder",
            now=services.clock(),
        )
        return download(data, "reminder.ics", "text/calendar")
    return render(request, "challenge/reminder.html", {"form": form})
