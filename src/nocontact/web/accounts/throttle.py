"""Sign-in back-off that slows a guesser but can never lock the owner out.

Each (name, client) pair has its own counter. The first few failures cost nothing; after that
each one doubles a short wait, capped at MAX_WAIT seconds. There is no permanent lock and no
wipe: someone who knows the name can at worst make the owner wait a minute, and only from the
same network address. A quiet FORGET_AFTER period resets the counter; a success resets it too.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from nocontact.web.accounts import clock
from nocontact.web.accounts.models import LoginThrottle

FREE_FAILURES = 3
MAX_WAIT = 60  # seconds
FORGET_AFTER = timedelta(minutes=15)


def client_of(request: HttpRequest) -> str:
    # The direct peer only: a forwarded header is set by whoever sends the request.
    return str(request.META.get("REMOTE_ADDR", ""))


def throttle_key(username: str, client: str, step: str = "password") -> str:
    text = f"{step}\x00{username.strip().casefold()}\x00{client}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), text, hashlib.sha256).hexdigest()


def wait_for(failures: int) -> int:
    """Seconds to wait after this many consecutive failures."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(MAX_WAIT, 2 ** (failures - FREE_FAILURES)))


def seconds_left(key: str) -> int:
    row = LoginThrottle.objects.filter(key=key).first()
    if row is None:
        return 0
    left = (row.wait_until - clock.now_dt()).total_seconds()
    return max(0, math.ceil(left))


def failed(key: str) -> int:
    """Count a failure; returns the seconds to wait before the next try."""
    now = clock.now_dt()
    forget_old()
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(
            key=key, defaults={"last_failure_at": now, "wait_until": now}
        )
        if now - row.last_failure_at > FORGET_AFTER:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        wait = wait_for(row.failures)
        row.wait_until = now + timedelta(seconds=wait)
        row.save()
    return wait


def succeeded(key: str) -> None:
    LoginThrottle.objects.filter(key=key).delete()


def forget_old() -> int:
    cutoff = clock.now_dt() - FORGET_AFTER - timedelta(seconds=MAX_WAIT)
    deleted, _ = LoginThrottle.objects.filter(last_failure_at__lt=cutoff).delete()
    return deleted
