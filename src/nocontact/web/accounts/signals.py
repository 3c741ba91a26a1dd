"""Track each signed-in browser; forget it, and ask the browser to clear the site, at sign-out."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from nocontact.web.accounts import clock, sessions
from nocontact.web.accounts.reauth import mark_recent

SIGNED_OUT = "_nc_signed_out"


@receiver(user_logged_in, dispatch_uid="nc_track_session")
def _on_login(sender: Any, request: HttpRequest | None, user: Any, **_: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = clock.now()
    request.session["started_at"] = now  # the absolute limit counts from here
    request.session["seen_at"] = now
    sessions.track(request, user)
    mark_recent(request)


@receiver(user_logged_out, dispatch_uid="nc_untrack_session")
def _on_logout(sender: Any, request: HttpRequest | None, user: Any, **_: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    sessions.untrack(request.session.session_key)
    setattr(request, SIGNED_OUT, True)
