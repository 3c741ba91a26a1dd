"""Headers every response carries, and the session's idle and absolute limits."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from nocontact.web.accounts import clock
from nocontact.web.accounts.signals import SIGNED_OUT

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or not request.path.startswith(
            settings.STATIC_URL
        ):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        if getattr(request, SIGNED_OUT, False):
            # Any way out (sign-out, quick exit, timeout): the browser drops what it kept,
            # the half of an opened key it holds included (also for browsers without
            # Clear-Site-Data).
            from nocontact.web.review.keyring import COOKIE_NAME as KEY_COOKIE

            response.setdefault("Clear-Site-Data", CLEAR_SITE_DATA)
            response.delete_cookie(KEY_COOKIE, samesite="Strict")
        return response


class SessionLimitsMiddleware:
    """End a session after the idle limit or the absolute limit, whichever comes first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = clock.now()
            cfg = settings.NOCONTACT
            started = request.session.setdefault("started_at", now)
            seen = request.session.get("seen_at", now)
            if now - seen > cfg.idle_minutes * 60 or now - started > cfg.absolute_hours * 3600:
                logout(request)
                return redirect(settings.LOGIN_URL)
            request.session["seen_at"] = now
        return self.get_response(request)
