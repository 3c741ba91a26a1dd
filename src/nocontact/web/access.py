"""Role checks for views: every view names the role it serves and sees only its own case."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from nocontact.web.cases.models import Case

View = Callable[..., HttpResponseBase]


def case_and_role(request: HttpRequest) -> tuple[Case, str] | None:
    membership = getattr(request.user, "membership", None)
    if membership is None:
        return None
    return membership.case, membership.role


def role_required(*roles: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = case_and_role(request)
            if found is None or found[1] not in roles:
                raise PermissionDenied
            request.case, request.role = found  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


survivor_required = role_required("survivor")
friend_required = role_required("friend")
member_required = role_required("survivor", "friend")

__all__ = ["HttpResponse", "friend_required", "member_required", "survivor_required"]
