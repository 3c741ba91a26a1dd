"""Signed-in browsers of a person: list them, end the others, end them all."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

from nocontact.web.accounts import clock
from nocontact.web.accounts.devices import rough_device
from nocontact.web.accounts.models import TrackedSession


def _store(session_key: str | None = None) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    return engine.SessionStore(session_key)  # type: ignore[no-any-return]


def track(request: HttpRequest, user: Any) -> None:
    key = request.session.session_key
    if key is None:
        request.session.save()
        key = request.session.session_key
    TrackedSession.objects.update_or_create(
        session_key=key,
        defaults={
            "user": user,
            "started_at": clock.now_dt(),
            "device": rough_device(request.META.get("HTTP_USER_AGENT", "")),
        },
    )


def untrack(session_key: str | None) -> None:
    if session_key:
        TrackedSession.objects.filter(session_key=session_key).delete()


def rekeyed(old_key: str | None, new_key: str | None) -> None:
    if old_key and new_key and old_key != new_key:
        TrackedSession.objects.filter(session_key=old_key).update(session_key=new_key)


def open_sessions(user: Any) -> list[TrackedSession]:
    rows = list(TrackedSession.objects.filter(user=user).order_by("-started_at"))
    alive = []
    for row in rows:
        if _store().exists(row.session_key):
            alive.append(row)
        else:
            row.delete()
    return alive


def _untracked_keys(user_pk: object) -> list[str]:
    """Sessions the tracker missed (database sessions only): found by reading each one."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return []
    from django.contrib.sessions.models import Session

    keys = []
    for row in Session.objects.filter(expire_date__gt=clock.now_dt()).iterator():
        data = row.get_decoded()
        if data.get(SESSION_KEY) == str(user_pk) and HASH_SESSION_KEY in data:
            keys.append(row.session_key)
    return keys


def end_sessions(user: Any, keep: str | None = None) -> int:
    """End every session of this person except `keep`; returns how many ended."""
    pk = getattr(user, "pk", None)
    keys = set(TrackedSession.objects.filter(user=user).values_list("session_key", flat=True))
    keys.update(_untracked_keys(pk))
    keys.discard(keep or "")
    for key in keys:
        _store(key).delete()
    TrackedSession.objects.filter(session_key__in=keys).delete()
    return len(keys)
