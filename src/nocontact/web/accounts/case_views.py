"""The survivor's controls over the whole case: the friend's access, download, closing."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nocontact.web.access import survivor_required
from nocontact.web.accounts import archive, clock, sessions
from nocontact.web.accounts.models import FriendAccess
from nocontact.web.accounts.reauth import recent_passphrase, recent_passphrase_back
from nocontact.web.cases.models import Case, Role

CLOSE_PHRASE = "delete everything"
ACCESS_SHOWN = 100


def _friend(case: Case):  # type: ignore[no-untyped-def]
    found = case.members.select_related("user").filter(role=Role.FRIEND).first()
    return found.user if found is not None else None


@survivor_required
def sharing(request: HttpRequest) -> HttpResponse:
    case: Case = request.case  # type: ignore[attr-defined]
    friend = _friend(case)
    opened = (
        FriendAccess.objects.filter(case=case)
        .select_related("message")
        .order_by("-at")[:ACCESS_SHOWN]
    )
    context = {"friend": friend, "opened": opened}
    return render(request, "accounts/sharing.html", context)


@require_POST
@survivor_required
@recent_passphrase_back("accounts:sharing")
def remove_friend(request: HttpRequest) -> HttpResponse:
    friend = _friend(request.case)  # type: ignore[attr-defined]
    if friend is not None and friend.is_active:
        friend.is_active = False
        friend.save(update_fields=["is_active"])
        sessions.end_sessions(friend)
        FriendAccess.objects.create(
            case=request.case, user=request.user, message=None,  # type: ignore[attr-defined]
            action="friend removed", at=clock.now_dt(),
        )
        messages.info(request, "Your friend's access has ended. They are signed out everywhere.")
    return redirect("accounts:sharing")


@survivor_required
@recent_passphrase
def download(request: HttpRequest) -> HttpResponseBase:
    if request.method != "POST" or request.POST.get("understood") != "yes":
        return render(request, "accounts/download.html", {"asked": request.method == "POST"})
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    archive.write_export(request.case, spool)  # type: ignore[attr-defined]
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename="notebook-export.zip",
        content_type="application/zip",
    )


@survivor_required
@recent_passphrase
def close(request: HttpRequest) -> HttpResponse:
    wrong = False
    if request.method == "POST":
        if request.POST.get("phrase", "").strip().lower() == CLOSE_PHRASE:
            archive.delete_case(request.case)  # type: ignore[attr-defined]
            logout(request)
            return redirect("login")
        wrong = True
    return render(request, "accounts/close.html", {"phrase": CLOSE_PHRASE, "wrong": wrong})
