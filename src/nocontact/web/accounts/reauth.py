"""Security changes need a passphrase typed in the last few minutes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from nocontact.web.accounts import clock

RECENT_SECONDS = 5 * 60
_AT = "nc_reauth_at"
_NEXT = "nc_reauth_next"

View = Callable[..., HttpResponseBase]


def mark_recent(request: HttpRequest) -> None:
    request.session[_AT] = clock.now()


def is_recent(request: HttpRequest) -> bool:
    at = request.session.get(_AT)
    return isinstance(at, (int, float)) and 0 <= clock.now() - at <= RECENT_SECONDS


def take_next(request: HttpRequest) -> str:
    return str(request.session.pop(_NEXT, "") or "")


def recent_passphrase(view: View, back: str = "") -> View:
    """Send the person to confirm their passphrase first; back to the same page afterwards
    (or to the page named `back`, for views that only take a form post).

    The page to return to is kept in the session, not in the address.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_recent(request):
            request.session[_NEXT] = reverse(back) if back else request.path
            return redirect("accounts:confirm")
        return view(request, *args, **kwargs)

    return wrapper


def recent_passphrase_back(back: str) -> Callable[[View], View]:
    return lambda view: recent_passphrase(view, back)
