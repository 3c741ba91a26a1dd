"""A person's own account: the quick-exit explainer, sign-ins and sessions, passphrase,
two-factor codes and notifications."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from nocontact.web.accounts import clock, sessions, throttle
from nocontact.web.accounts.api import settings_for
from nocontact.web.accounts.models import LoginRecord
from nocontact.web.accounts.reauth import mark_recent, recent_passphrase, take_next
from nocontact.web.review import keyring

RECENT_LOGINS = 30


def _role(request: HttpRequest) -> str:
    membership = getattr(request.user, "membership", None)
    return membership.role if membership is not None else ""


@login_required
def leaving(request: HttpRequest) -> HttpResponse:
    """Shown once per account, before its first use of quick exit."""
    if request.method == "POST":
        found = settings_for(request.user)
        found.exit_explained_at = clock.now_dt()
        found.save(update_fields=["exit_explained_at"])
        return redirect("home")
    exit_host = urlsplit(settings.NOCONTACT.exit_url).hostname or "another site"
    return render(request, "accounts/leaving.html", {"exit_host": exit_host})


@login_required
@sensitive_post_parameters("password")
def confirm(request: HttpRequest) -> HttpResponse:
    # Someone holding an open session must not be able to guess the passphrase here freely.
    key = _passphrase_key(request)
    context: dict[str, Any] = {"failed": False, "wait": throttle.seconds_left(key)}
    if request.method == "POST" and not context["wait"]:
        if request.user.check_password(request.POST.get("password", "")[:1024]):
            throttle.succeeded(key)
            mark_recent(request)
            return redirect(take_next(request) or "accounts:overview")
        context["failed"] = True
        context["wait"] = throttle.failed(key)
    status = 429 if context["wait"] else 401 if context["failed"] else 200
    return render(request, "accounts/confirm.html", context, status=status)


def _passphrase_key(request: HttpRequest) -> str:
    return throttle.throttle_key(
        request.user.get_username(), throttle.client_of(request), step="passphrase"
    )


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    two_factor = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    context = {"role": _role(request), "two_factor": two_factor}
    return render(request, "accounts/overview.html", context)


@login_required
def activity(request: HttpRequest) -> HttpResponse:
    records = LoginRecord.objects.filter(user=request.user).order_by("-at")[:RECENT_LOGINS]
    context = {
        "records": records,
        "sessions": sessions.open_sessions(request.user),
        "current": request.session.session_key,
    }
    return render(request, "accounts/activity.html", context)


@require_POST
@login_required
def end_others(request: HttpRequest) -> HttpResponse:
    ended = sessions.end_sessions(request.user, keep=request.session.session_key)
    messages.info(request, f"Signed out {ended} other browser{'s' if ended != 1 else ''}.")
    return redirect("accounts:activity")


def _rewrap_keys(user: Any, old: str, new: str) -> None:
    """The case keys are wrapped by the login passphrase: wrap them again under the new one."""
    membership = getattr(user, "membership", None)
    if membership is not None:
        keyring.rewrap_for_password_change(membership.case, membership.role, old, new)


@login_required
@recent_passphrase
@sensitive_post_parameters("old_password", "new_password1", "new_password2")
def password(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    key = _passphrase_key(request)
    wait = throttle.seconds_left(key)
    if request.method == "POST" and wait:
        return render(request, "accounts/password.html", {"form": form, "wait": wait}, status=429)
    if request.method == "POST" and "old_password" in form.errors:
        wait = throttle.failed(key)
        return render(request, "accounts/password.html", {"form": form, "wait": wait})
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                _rewrap_keys(
                    request.user, form.cleaned_data["old_password"],
                    form.cleaned_data["new_password1"],
                )
                user = form.save()
        except keyring.KeyringError:
            form.add_error(None, "Your key could not be moved to the new passphrase. "
                                 "Nothing was changed.")
            return render(request, "accounts/password.html", {"form": form})
        old_key = request.session.session_key
        update_session_auth_hash(request, user)
        sessions.rekeyed(old_key, request.session.session_key)
        sessions.end_sessions(user, keep=request.session.session_key)
        messages.info(request, "Passphrase changed. Every other browser is signed out.")
        return redirect("accounts:overview")
    return render(request, "accounts/password.html", {"form": form})


def _qr_data_url(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg: bytes = image.to_string(encoding="unicode").encode()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def _spaced(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
@recent_passphrase
@sensitive_post_parameters("code")
def codes(request: HttpRequest) -> HttpResponse:
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    context: dict[str, Any] = {"confirmed": confirmed is not None}
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == "start" and confirmed is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
        return redirect("accounts:codes")
    if action == "confirm" and pending is not None:
        if pending.verify_token(request.POST.get("code", "").replace(" ", "")[:12]):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            messages.info(request, "Two-step sign-in is on.")
            return redirect("accounts:codes")
        context["failed"] = True
    if action == "remove" and confirmed is not None:
        TOTPDevice.objects.filter(user=user).delete()
        messages.info(request, "Two-step sign-in is off.")
        return redirect("accounts:codes")
    if pending is not None and confirmed is None:
        secret = base64.b32encode(pending.bin_key).decode().rstrip("=")
        context["qr"] = _qr_data_url(pending.config_url)
        context["secret"] = _spaced(secret)
    return render(request, "accounts/codes.html", context)


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    found = settings_for(request.user)
    if request.method == "POST":
        found.notifications_on = request.POST.get("on") == "yes"
        found.save(update_fields=["notifications_on"])
        return redirect("accounts:notifications")
    return render(request, "accounts/notifications.html", {"on": found.notifications_on})
