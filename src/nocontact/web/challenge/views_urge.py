"""The urge flow ("I want to contact them") and the challenge settings."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nocontact.core import challenge as core
from nocontact.core.hoover import HooverDate as CoreHooverDate
from nocontact.web.access import survivor_required
from nocontact.web.cases.models import Case
from nocontact.web.challenge import services
from nocontact.web.challenge.forms import (
    MOOD_LABELS,
    HooverDateForm,
    LetterForm,
    ReasonForm,
    SettingsForm,
)
from nocontact.web.challenge.models import HooverDate, Reason, UnsentLetter

_TEL = re.compile(r"^\+?[0-9 ().-]{3,30}$")


def _case(request: HttpRequest) -> Case:
    return request.case  # type: ignore[attr-defined, no-any-return]


def _aftermath_lines(case: Case) -> list[str]:
    lines = []
    for item in core.what_followed(services.core_checkins(case))[-5:]:
        moods = [MOOD_LABELS[m].lower() for m in item.moods_after if m is not None]
        kinds = ", ".join(core.SLIP_LABELS[k].removeprefix("I ") for k in item.slips) or "slipped"
        felt = f"the days after, you felt {', '.join(moods)}" if moods else "no check-ins after"
        lines.append(f"{item.day:%d %b}: {kinds}; {felt}.")
    return lines


@survivor_required
def urge(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    settings = services.settings_for(case)
    phone = settings.friend_phone.strip()
    context = {
        "minutes": settings.urge_minutes,
        "reasons": Reason.objects.filter(case=case),
        "reason_form": ReasonForm(),
        "aftermath": _aftermath_lines(case),
        "sealing": services.survivor_public_key(case) is not None,
        "letter_form": LetterForm(),
        "letters": UnsentLetter.objects.filter(case=case).count(),
        "friend_tel": re.sub(r"[^0-9+]", "", phone) if _TEL.match(phone) else "",
    }
    return render(request, "challenge/urge.html", context)


@require_POST
@survivor_required
def add_reason(request: HttpRequest) -> HttpResponse:
    form = ReasonForm(request.POST)
    if form.is_valid():
        Reason.objects.create(case=_case(request), text=form.cleaned_data["text"])
    return redirect("challenge:urge")


@require_POST
@survivor_required
def remove_reason(request: HttpRequest, pk: int) -> HttpResponse:
    Reason.objects.filter(case=_case(request), pk=pk).delete()
    return redirect("challenge:urge")


@require_POST
@survivor_required
def write_letter(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    form = LetterForm(request.POST)
    if form.is_valid():
        sealed = services.seal_for_survivor(case, form.cleaned_data["letter"])
        if sealed is None:
            messages.info(
                request,
                "Nothing was kept: letters can only be kept sealed once your key is set up.",
            )
        else:
            UnsentLetter.objects.create(case=case, sealed=sealed)
            messages.success(request, "Your letter is sealed and kept. It was not sent to anyone.")
    return redirect("challenge:urge")


@survivor_required
def challenge_settings(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    settings = services.settings_for(case)
    initial = {
        "start_date": settings.start_date,
        "cutoff_hour": settings.cutoff_hour,
        "friend_phone": settings.friend_phone,
        "urge_minutes": settings.urge_minutes,
        "hoover_days_ahead": settings.hoover_days_ahead,
        "reminder_time": settings.reminder_time,
        "reminder_email": settings.reminder_email,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for field, value in form.cleaned_data.items():
            setattr(settings, field, value)
        settings.save()
        messages.success(request, "Saved.")
        return redirect("challenge:settings")
    context = {
        "form": form,
        "date_form": HooverDateForm(),
        "dates": HooverDate.objects.filter(case=case).order_by("month", "day"),
    }
    return render(request, "challenge/settings.html", context)


@require_POST
@survivor_required
def add_hoover_date(request: HttpRequest) -> HttpResponse:
    form = HooverDateForm(request.POST)
    if form.is_valid():
        when = form.cleaned_data["when"]
        CoreHooverDate(form.cleaned_data["kind"], when.month, when.day)  # checks the date
        HooverDate.objects.create(
            case=_case(request),
            kind=form.cleaned_data["kind"],
            month=when.month,
            day=when.day,
            label=form.cleaned_data["label"],
        )
    return redirect("challenge:settings")


@require_POST
@survivor_required
def remove_hoover_date(request: HttpRequest, pk: int) -> HttpResponse:
    HooverDate.objects.filter(case=_case(request), pk=pk).delete()
    return redirect("challenge:settings")
