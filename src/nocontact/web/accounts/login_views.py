"""Sign-in: passphrase with back-off, then a two-factor code when one is set up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

from nocontact.web.accounts import clock, throttle
from nocontact.web.accounts.api import explainer_pending
from nocontact.web.accounts.devices import rough_device
from nocontact.web.accounts.models import LoginRecord
from nocontact.web.review.signin import open_key_at_sign_in

PENDING = "nc_pending_login"
PENDING_SECONDS = 5 * 60
BACKEND = "django.contrib.auth.backends.ModelBackend"
KEEP_RECORDS = timedelta(days=90)  # long enough to notice a pattern, no longer


def record_sign_in(request: HttpRequest, user: Any, succeeded: bool, step: str) -> None:
    LoginRecord.objects.filter(user=user, at__lt=clock.now_dt() - KEEP_RECORDS).delete()
    LoginRecord.objects.create(
        user=user,
        at=clock.now_dt(),
        succeeded=succeeded,
        step=step,
        device=rough_device(request.META.get("HTTP_USER_AGENT", "")),
    )


def _safe_next(request: HttpRequest, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _finish(request: HttpRequest, user: Any, next_url: str) -> HttpResponse:
    login(request, user, backend=BACKEND)
    if explainer_pending(user):
        return redirect("accounts:leaving")
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)


def _wait_page(request: HttpRequest, template: str, wait: int) -> HttpResponse:
    context = {"wait": wait, "next": request.POST.get("next", "")}
    return render(request, template, context, status=429)


@never_cache
@csrf_protect
@sensitive_post_parameters("password", "username")
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    if request.method != "POST":
        return render(request, "login.html", {"next": next_url})
    username = request.POST.get("username", "")[:150]
    password = request.POST.get("password", "")[:1024]
    key = throttle.throttle_key(username, throttle.client_of(request))
    wait = throttle.seconds_left(key)
    if wait:
        return _wait_page(request, "login.html", wait)
    user = authenticate(request, username=username, password=password)
    if user is None:
        wait = throttle.failed(key)
        known = get_user_model().objects.filter(username=username, is_active=True).first()
        if known is not None:
            record_sign_in(request, known, False, "password")
        context = {"failed": True, "wait": wait, "next": next_url}
        return render(request, "login.html", context, status=401 if not wait else 429)
    throttle.succeeded(key)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        request.session.cycle_key()
        request.session[PENDING] = {"uid": user.pk, "at": clock.now(), "next": next_url}
        response = redirect("accounts:login_code")
        # The key opens now, while the passphrase is at hand; the session that holds it is
        # signed in only after the code, and forgotten if the code never comes.
        open_key_at_sign_in(request, response, user, password)
        return response
    record_sign_in(request, user, True, "password")
    response = _finish(request, user, next_url)
    open_key_at_sign_in(request, response, user, password)
    return response


@never_cache
@csrf_protect
@sensitive_post_parameters("code")
def sign_in_code(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or clock.now() - float(pending.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return redirect("login")
    user = get_user_model().objects.filter(pk=pending.get("uid"), is_active=True).first()
    if user is None:
        request.session.pop(PENDING, None)
        return redirect("login")
    if request.method != "POST":
        return render(request, "accounts/login_code.html")
    key = throttle.throttle_key(user.get_username(), throttle.client_of(request), step="code")
    wait = throttle.seconds_left(key)
    if wait:
        return _wait_page(request, "accounts/login_code.html", wait)
    code = request.POST.get("code", "").replace(" ", "")[:12]
    if any(d.verify_token(code) for d in TOTPDevice.objects.filter(user=user, confirmed=True)):
        throttle.succeeded(key)
        request.session.pop(PENDING, None)
        record_sign_in(request, user, True, "code")
        return _finish(request, user, str(pending.get("next", "")))
    wait = throttle.failed(key)
    record_sign_in(request, user, False, "code")
    return render(
        request, "accounts/login_code.html", {"failed": True, "wait": wait},
        status=401 if not wait else 429,
    )
