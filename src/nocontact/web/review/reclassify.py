"""Re-classify stored messages after the model changes.

Bodies are sealed, so this can only run where the friend's key is open: when the friend opens
it for a session. A category that becomes more urgent raises its alert; a message that becomes
legal is re-sealed to the survivor too, with the usual release timeout. Each change is a
ledger entry, so the record shows when and why a category moved.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from nocontact.core.ledger import LedgerEvent
from nocontact.core.taxonomy import Category, urgency_rank
from nocontact.vault import VaultError, open_sealed, seal
from nocontact.web.cases.models import Case, Message
from nocontact.web.review.alerts import raise_alerts
from nocontact.web.review.intake import legal_release_hours
from nocontact.web.review.keyring import recipients_for
from nocontact.web.review.ledger_store import record
from nocontact.web.review.models import Review, State
from nocontact.web.review.sealed_store import open_body

log = logging.getLogger("nocontact.reclassify")
BATCH = 500


def stale(case: Case) -> int:
    from nocontact.core.classify import MODEL_VERSION

    return (
        Message.objects.filter(case=case, body__isnull=False)
        .exclude(model_version=MODEL_VERSION)
        .count()
    )


def reclassify_stale(case: Case, friend_secret: str, limit: int = BATCH) -> int:
    """Re-classify up to `limit` messages classified by an older model; returns how many."""
    from nocontact.core.classify import MODEL_VERSION, classify

    todo = (
        Message.objects.filter(case=case, body__isnull=False)
        .exclude(model_version=MODEL_VERSION)
        .select_related("body", "person")[:limit]
    )
    done = 0
    for message in todo:
        try:
            opened = open_body(bytes(message.body.sealed), friend_secret)
        except VaultError as exc:
            log.warning("message %s not re-classified: %s", message.pk, type(exc).__name__)
            continue
        text = f"{opened.subject}\n\n{opened.text}" if opened.subject else opened.text
        role = message.person.role if message.person.role in {"ex", "proxy"} else "unknown"
        result = classify(text, channel=message.channel, sender_role=role)
        old = message.category
        with transaction.atomic():
            message.category = result.category.value
            message.tactics = [t.value for t in result.tactics]
            message.confidence = result.confidence
            message.reasons = list(result.reasons)
            message.model_version = MODEL_VERSION
            message.save(
                update_fields=["category", "tactics", "confidence", "reasons", "model_version"]
            )
            if old != message.category:
                _follow_category_change(
                    case,
                    message,
                    old,
                    opened_payload=message.body.sealed,
                    friend_secret=friend_secret,
                )
                record(case, LedgerEvent.RECLASSIFY, message)
        done += 1
    return done


def _follow_category_change(
    case: Case, message: Message, old: str, opened_payload: bytes, friend_secret: str
) -> None:
    new = message.category
    became_legal = new == Category.LEGAL.value and old != Category.LEGAL.value
    if became_legal:
        recipients = recipients_for(case, new)
        body = message.body
        body.sealed = seal(open_sealed(bytes(opened_payload), friend_secret), recipients)
        body.save(update_fields=["sealed"])
        Review.objects.filter(message=message, state=State.PENDING).update(
            survivor_can_open=len(recipients) > 1,
            release_due_at=timezone.now() + timedelta(hours=legal_release_hours()),
        )
    if urgency_rank(new) < urgency_rank(old) and new in {"threat", "self_harm"}:
        raise_alerts(case, message)
