"""The survivor's pages: the dashboard shows counts, categories and tactics, never words."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import logout
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from nocontact.reports.charts import CATEGORY_COLOURS, TACTIC_COLOURS, Week, stacked_weeks_svg
from nocontact.web.access import case_and_role, member_required, survivor_required
from nocontact.web.cases.models import Case, Message, PersonRole
from nocontact.web.review.alerts import unseen as unseen_alerts

WEEKS_SHOWN = 8


def screened(case: Case) -> QuerySet[Message]:
    """Messages that count as their attempts: everything kept except from dismissed senders."""
    return Message.objects.filter(case=case).exclude(person__role=PersonRole.DISMISSED)


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("login")
    found = case_and_role(request)
    if found is None:
        logout(request)
        return redirect("login")
    return redirect("dashboard" if found[1] == "survivor" else "review:queue")


def weekly_counts(
    case: Case, now: datetime, weeks: int = WEEKS_SHOWN
) -> tuple[list[Week], list[Week]]:
    start = (now - timedelta(weeks=weeks - 1)).date()
    start -= timedelta(days=start.weekday())
    rows = (
        screened(case)
        .filter(sent_at__date__gte=start)
        .values_list("sent_at", "category", "tactics")
    )
    by_cat: list[Counter[str]] = [Counter() for _ in range(weeks)]
    by_tac: list[Counter[str]] = [Counter() for _ in range(weeks)]
    for sent_at, category, tactics in rows:
        index = (sent_at.date() - start).days // 7
        if 0 <= index < weeks:
            by_cat[index][category] += 1
            for tactic in tactics:
                by_tac[index][tactic] += 1
    labels = [(start + timedelta(weeks=i)).strftime("%d %b") for i in range(weeks)]
    return (
        [Week(label, counts) for label, counts in zip(labels, by_cat, strict=True)],
        [Week(label, counts) for label, counts in zip(labels, by_tac, strict=True)],
    )


@survivor_required
def dashboard(request: HttpRequest) -> HttpResponse:
    case: Case = request.case  # type: ignore[attr-defined]
    now = timezone.now()
    days_since = None
    if case.last_contact_at is not None:
        days_since = max((now - case.last_contact_at).days, 0)
    by_cat, by_tac = weekly_counts(case, now)
    totals = Counter(screened(case).values_list("category", flat=True))
    context = {
        "days_since": days_since,
        "total": sum(totals.values()),
        "totals": [(c, totals.get(c, 0), CATEGORY_COLOURS[c]) for c in CATEGORY_COLOURS],
        "category_chart": mark_safe(  # noqa: S308 - built from counts and fixed labels, escaped
            stacked_weeks_svg(by_cat, CATEGORY_COLOURS, "Attempts per week by kind")
        ),
        "tactic_chart": mark_safe(  # noqa: S308
            stacked_weeks_svg(by_tac, TACTIC_COLOURS, "Attempts per week by tactic")
        ),
        "category_legend": list(CATEGORY_COLOURS.items()),
        "tactic_legend": list(TACTIC_COLOURS.items()),
        "this_week": sum(by_cat[-1].counts.values()) if by_cat else 0,
        "alert_count": len(unseen_alerts(case, "survivor")),
    }
    return render(request, "cases/dashboard.html", context)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("login")


def quick_exit(request: HttpRequest) -> HttpResponse:
    """Leave at once: end the session, clear what the browser holds, go somewhere neutral."""
    logout(request)
    response = HttpResponseRedirect(settings.NOCONTACT.exit_url)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@member_required
def safety(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/safety.html")


@member_required
def formats_help(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/formats.html")
