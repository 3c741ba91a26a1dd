"""The plan (also the onboarding), the one-final-message composer and the filter downloads."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from nocontact.core import final_message
from nocontact.core.plan import BEFORE_YOU_BLOCK, BY_KEY, SECTION_TITLES, ItemStatus, by_section
from nocontact.core.plan import progress as plan_progress
from nocontact.mail import filters
from nocontact.web.access import survivor_required
from nocontact.web.cases.models import Case
from nocontact.web.challenge import services
from nocontact.web.challenge.forms import DraftForm, PlanStatusForm
from nocontact.web.challenge.views import download

STATUS_WORDS = {
    ItemStatus.TODO: "Not yet",
    ItemStatus.STARTED: "Started",
    ItemStatus.DONE: "Done",
    ItemStatus.NOT_NEEDED: "Not needed",
}

FORMATS = {
    "sieve": ("rules.sieve", "application/sieve"),
    "gmail": ("mailFilters.xml", "application/xml"),
    "thunderbird": ("msgFilterRules.dat", "text/plain"),
    "vcard": ("contacts.vcf", "text/vcard"),
}


def _case(request: HttpRequest) -> Case:
    return request.case  # type: ignore[attr-defined, no-any-return]


def _url(*names: str) -> str | None:
    """The first of these pages that exists (the pages of other areas may not be there yet)."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def _persons_url() -> str | None:
    return _url("persons", "cases:persons")


def _line_links() -> dict[str, tuple[str, str]]:
    """Plan line -> (words, address) of the page where that line is done."""
    found = {
        "setup.people": ("Enter the ex and their numbers, addresses and accounts", _persons_url()),
        "people.proxies": ("Add these friends as proxies", _persons_url()),
        "setup.friend": ("Invite your friend", _url("review:invite")),
        "setup.screening": ("Add an export or an inbox", _url("upload", "uploads:upload")),
        "email.block": ("Get the mail filter files", reverse("challenge:filters")),
        "phone.block": ("Get a contact card of their numbers", reverse("challenge:filters")),
        "message.final": ("Open the composer", reverse("challenge:compose")),
    }
    return {key: (words, url) for key, (words, url) in found.items() if url}


@survivor_required
def plan(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    statuses = services.plan_statuses(case)
    links = _line_links()
    sections = [
        (
            SECTION_TITLES[section],
            [
                (item, statuses.get(item.key, ItemStatus.TODO), links.get(item.key))
                for item in items
            ],
        )
        for section, items in by_section()
    ]
    context = {
        "sections": sections,
        "progress": plan_progress(statuses),
        "status_words": [(s.value, STATUS_WORDS[s]) for s in ItemStatus],
        "before_you_block": BEFORE_YOU_BLOCK,
        "persons_url": _persons_url(),
    }
    return render(request, "challenge/plan.html", context)


@require_POST
@survivor_required
def plan_status(request: HttpRequest) -> HttpResponse:
    form = PlanStatusForm(request.POST)
    if form.is_valid() and form.cleaned_data["key"] in BY_KEY:
        services.set_plan_status(
            _case(request), form.cleaned_data["key"], form.cleaned_data["status"]
        )
        return redirect(reverse("challenge:plan") + f"#{form.cleaned_data['key']}")
    return redirect("challenge:plan")


@survivor_required
def compose(request: HttpRequest) -> HttpResponse:
    """Checks a draft; keeps nothing of it. Marking it sent sets the plan line to done."""
    case = _case(request)
    form = DraftForm(request.POST or None)
    result = None
    if request.method == "POST" and request.POST.get("sent") == "yes":
        services.set_plan_status(case, "message.final", ItemStatus.DONE)
        messages.success(
            request,
            "Done. Now block that number or address straight away, and do not read any reply.",
        )
        return redirect(reverse("challenge:plan") + "#phone.block")
    if request.method == "POST" and form.is_valid():
        result = final_message.check(form.cleaned_data["draft"])
    advice = []
    if result is not None:
        draft = form.cleaned_data["draft"]
        seen = set()
        for finding in result.findings:
            if finding.problem in seen and finding.problem is not final_message.Problem.TOO_LONG:
                continue
            seen.add(finding.problem)
            part = draft[finding.start : finding.end] if finding.end > finding.start else ""
            advice.append((finding.advice, part if len(part) <= 40 else ""))
    context = {"form": form, "result": result, "advice": advice, "example": final_message.EXAMPLE}
    return render(request, "challenge/compose.html", context)


@survivor_required
def filter_downloads(request: HttpRequest) -> HttpResponse:
    """GET explains and warns; a deliberate POST with a format downloads that file."""
    case = _case(request)
    emails, phones = services.blocked_identities(case)
    block = filters.build_block_list(emails, phones, case.region or "US")
    if request.method == "POST":
        kind = request.POST.get("format", "")
        if kind in FORMATS:
            try:
                data = _render(kind, block)
            except filters.FilterError:
                messages.info(request, "There is nothing to put in that file yet.")
                return redirect("challenge:filters")
            name, content_type = FORMATS[kind]
            return download(data.encode("utf-8"), name, content_type)
    context = {
        "emails": len(block.emails),
        "phones": len(block.phones),
        "refused": len(block.refused),
        "persons_url": _persons_url(),
    }
    return render(request, "challenge/filters.html", context)


def _render(kind: str, block: filters.BlockList) -> str:
    if kind == "sieve":
        return filters.sieve_script(block)
    if kind == "gmail":
        return filters.gmail_filters_xml(block, services.clock())
    if kind == "thunderbird":
        return filters.thunderbird_rules(block)
    return filters.phone_vcard(block)
