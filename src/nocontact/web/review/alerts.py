"""Alerts for threat and self_harm: to the friend with a link, to the survivor without content.

E-mails go over SMTP through Django's mail backend (the one choke point for SMTP). Their
subject and body never carry message words, sender, category or any hint of the app's
purpose (safety.md 9); the web UI tells the survivor more, behind their login.
"""

from __future__ import annotations

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from nocontact.core.taxonomy import URGENT, Category
from nocontact.web.cases.models import Case, Message
from nocontact.web.review.models import Alert, CaseKeys

log = logging.getLogger("nocontact.alerts")

EMAIL_SUBJECT = "A new note is waiting"
FRIEND_EMAIL_BODY = (
    "Something new is waiting for you to look at. Sign in when you can:\n{link}\n\n"
    "This e-mail holds nothing else, on purpose."
)
SURVIVOR_EMAIL_BODY = "There is a new note for you. Sign in when it is safe to.\n"
CATEGORY_WORDS = {"threat": "a threat", "self_harm": "talk of self-harm"}


def survivor_alert_text(alert: Alert, channel: str, received_local: str) -> str:
    if alert.category == Category.LEGAL.value:
        return (
            f"A legal message that arrived by {channel} at {received_local} is now open for "
            "you: your friend had not decided within the waiting time. It may name a date; "
            "read it when you can, under \"Passed on to you\"."
        )
    what = CATEGORY_WORDS.get(alert.category, "something urgent")
    return (
        f"A message with {what} arrived by {channel} at {received_local}; your friend has "
        "been told. If you are in danger, call your local emergency number."
    )


def raise_alerts(case: Case, message: Message) -> list[Alert]:
    """Alerts for a new message; the e-mails go once the transaction commits.

    Threat and self_harm: the friend and the survivor at once. Legal: the friend, who is
    asked first (the survivor is told when it opens for them, see `legal_opened`).
    """
    if message.category in {c.value for c in URGENT}:
        roles: tuple[str, ...] = ("friend", "survivor")
    elif message.category == Category.LEGAL.value:
        roles = ("friend",)
    else:
        return []
    return _create(case, message, roles)


def legal_opened(case: Case, message: Message) -> list[Alert]:
    """Tell the survivor that a legal message opened for them after the waiting time."""
    return _create(case, message, ("survivor",))


def _create(case: Case, message: Message, roles: tuple[str, ...]) -> list[Alert]:
    alerts = [
        Alert.objects.create(case=case, message=message, role=role, category=message.category)
        for role in roles
    ]
    ids = [a.pk for a in alerts]
    transaction.on_commit(lambda: send_alert_emails(ids))
    return alerts


def _queue_link() -> str:
    base = getattr(settings, "NOCONTACT_BASE_URL", "")
    if not base:
        cfg = settings.NOCONTACT
        scheme = "https" if cfg.tls else "http"
        base = f"{scheme}://{cfg.bind}:{cfg.port}"
    return base.rstrip("/") + "/queue/"


def send_alert_emails(alert_ids: list[int]) -> int:
    """Send what can be sent; a mail failure is logged without content and never raised."""
    sent = 0
    for alert in Alert.objects.filter(pk__in=alert_ids, emailed=False).select_related("case"):
        keys = CaseKeys.objects.filter(case=alert.case).first()
        if keys is None:
            continue
        if alert.role == "friend" and keys.friend_email:
            to, body = keys.friend_email, FRIEND_EMAIL_BODY.format(link=_queue_link())
        elif alert.role == "survivor" and (address := _survivor_address(alert.case, keys)):
            to, body = address, SURVIVOR_EMAIL_BODY
        else:
            continue
        try:
            send_mail(EMAIL_SUBJECT, body, None, [to], fail_silently=False)
        except (SMTPException, OSError) as exc:
            log.warning("alert %s: e-mail not sent (%s)", alert.pk, type(exc).__name__)
            continue
        alert.emailed = True
        alert.save(update_fields=["emailed"])
        sent += 1
    return sent


def _survivor_address(case: Case, keys: CaseKeys) -> str:
    """Only with the survivor's consent: on the alerts page, or in their account's notices."""
    membership = case.members.filter(role="survivor").select_related("user").first()
    user = membership.user if membership is not None else None
    consent = keys.survivor_email_alerts
    if not consent and user is not None:
        try:
            from nocontact.web.accounts.api import notifications_enabled
        except ImportError:
            notifications_enabled = None  # type: ignore[assignment]
        consent = bool(notifications_enabled and notifications_enabled(user))
    if not consent:
        return ""
    return keys.survivor_email or (getattr(user, "email", "") or "")


def unseen(case: Case, role: str) -> list[Alert]:
    return list(
        Alert.objects.filter(case=case, role=role, seen_at__isnull=True)
        .select_related("message")
        .order_by("-created_at")
    )


def mark_seen(case: Case, role: str) -> None:
    Alert.objects.filter(case=case, role=role, seen_at__isnull=True).update(seen_at=timezone.now())
