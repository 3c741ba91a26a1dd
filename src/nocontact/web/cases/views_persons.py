"""The survivor's list of persons (the ex, their proxies) and how each is recognised."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from nocontact.core.identities import IdentityKind
from nocontact.web.access import survivor_required
from nocontact.web.cases.forms import IdentityForm, PersonForm
from nocontact.web.cases.models import Case, Identity, Person, PersonRole
from nocontact.web.cases.services import CaseError, add_identity, add_person, merge_persons


def _person(request: HttpRequest, pk: int) -> Person:
    case: Case = request.case  # type: ignore[attr-defined]
    return get_object_or_404(Person, pk=pk, case=case)


@survivor_required
def persons(request: HttpRequest) -> HttpResponse:
    case: Case = request.case  # type: ignore[attr-defined]
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = add_person(case, form.cleaned_data["role"], form.cleaned_data["name"])
        return redirect("person", pk=person.pk)
    everyone = case.persons.prefetch_related("identities").order_by("role", "name")
    known = [p for p in everyone if p.role in {PersonRole.EX, PersonRole.PROXY}]
    suspects = [p for p in everyone if p.role == PersonRole.SUSPECT]
    return render(
        request,
        "cases/persons.html",
        {
            "people": known,
            "suspects": suspects,
            "form": form,
            "family_names": ", ".join(case.family_names),
        },
    )


@survivor_required
@require_POST
def family_names(request: HttpRequest) -> HttpResponse:
    case: Case = request.case  # type: ignore[attr-defined]
    raw = request.POST.get("names", "")[:2000]
    names = ("".join(c for c in n if c.isprintable()).strip()[:60] for n in raw.split(","))
    case.family_names = [n for n in names if n][:50]
    case.save(update_fields=["family_names"])
    messages.success(request, "Saved.")
    return redirect("persons")


@survivor_required
@require_POST
def confirm_suspect(request: HttpRequest, pk: int) -> HttpResponse:
    """It is them: fold the suspect into a known person (or make it one)."""
    suspect = _person(request, pk)
    if suspect.role != PersonRole.SUSPECT:
        raise Http404
    into = request.POST.get("into", "")
    if into in {PersonRole.EX, PersonRole.PROXY}:
        suspect.role = into
        suspect.name = request.POST.get("name", "").strip()[:200] or suspect.name
        suspect.save(update_fields=["role", "name"])
        messages.success(request, "Added to your list.")
        return redirect("person", pk=suspect.pk)
    try:
        target = _person(request, int(into))
    except ValueError as exc:
        raise Http404 from exc
    merge_persons(target, suspect)
    messages.success(
        request, "Added to their entry: this number or address is screened from now on."
    )
    return redirect("person", pk=target.pk)


@survivor_required
@require_POST
def dismiss_suspect(request: HttpRequest, pk: int) -> HttpResponse:
    """Not them: later messages from this sender are dropped; what was kept waits for the friend."""
    suspect = _person(request, pk)
    if suspect.role != PersonRole.SUSPECT:
        raise Http404
    suspect.role = PersonRole.DISMISSED
    suspect.save(update_fields=["role"])
    messages.success(request, "Dismissed.")
    return redirect("persons")


@survivor_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    target = _person(request, pk)
    form = IdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_identity(
                target, IdentityKind(form.cleaned_data["kind"]), form.cleaned_data["value"]
            )
        except CaseError as exc:
            form.add_error("value", str(exc))
        else:
            messages.success(request, "Added.")
            return redirect("person", pk=target.pk)
    others = target.case.persons.exclude(pk=target.pk).order_by("name")
    return render(
        request,
        "cases/person.html",
        {
            "person": target,
            "form": form,
            "others": others,
            "identities": target.identities.order_by("kind", "value"),
            "message_count": target.messages.count(),
        },
    )


@survivor_required
@require_POST
def rename(request: HttpRequest, pk: int) -> HttpResponse:
    target = _person(request, pk)
    form = PersonForm(request.POST)
    if form.is_valid():
        target.name = form.cleaned_data["name"]
        target.role = form.cleaned_data["role"]
        target.save(update_fields=["name", "role"])
    return redirect("person", pk=target.pk)


@survivor_required
@require_POST
def remove_identity(request: HttpRequest, pk: int, identity_pk: int) -> HttpResponse:
    target = _person(request, pk)
    deleted, _ = Identity.objects.filter(pk=identity_pk, person=target, case=target.case).delete()
    if not deleted:
        raise Http404
    messages.success(request, "Removed. Messages already kept stay kept.")
    return redirect("person", pk=target.pk)


@survivor_required
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    target = _person(request, pk)
    try:
        other = _person(request, int(request.POST.get("other", "0")))
    except ValueError as exc:
        raise Http404 from exc
    with transaction.atomic():
        merge_persons(target, other)
    messages.success(request, "Merged: one person, all of their identities and messages.")
    return redirect("person", pk=target.pk)
