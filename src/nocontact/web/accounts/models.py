"""Account records. None of them holds an IP address, a message word or a secret in the clear.

A sign-in record keeps the time, the outcome and a rough device ("Firefox on Android"), nothing
more. Back-off rows are keyed by an HMAC of name and network address, so the address itself is
never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from nocontact.web.cases.models import Case, Message


class AccountSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nc_settings"
    )
    exit_explained_at = models.DateTimeField(null=True, blank=True)
    notifications_on = models.BooleanField(default=False)  # off until the person switches it on


class LoginRecord(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_records"
    )
    at = models.DateTimeField()
    succeeded = models.BooleanField()
    step = models.CharField(max_length=20)  # "password" or "code"
    device = models.CharField(max_length=60)

    class Meta:
        indexes = [models.Index(fields=["user", "-at"])]


class TrackedSession(models.Model):
    """A signed-in browser, so the person can see it and end it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracked_sessions"
    )
    session_key = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField()
    device = models.CharField(max_length=60)


class LoginThrottle(models.Model):
    key = models.CharField(max_length=64, unique=True)  # HMAC of name and client, never the address
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()
    wait_until = models.DateTimeField()


class FriendAccess(models.Model):
    """What the trusted friend opened or did with a message: kept for the survivor to see."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=40)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["case", "-at"])]
