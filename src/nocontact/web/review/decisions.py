"""The friend's decisions, and the legal timeout. Each appends a ledger entry.

Release re-seals the words (or the friend's neutral summary) to the survivor's key; keep
leaves everything sealed to the friend; destroy deletes the sealed body, attachments and any
released copy (crypto-shredding) and keeps the metadata row and the ledger entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from nocontact.core.ledger import LedgerEvent
from nocontact.vault import open_sealed, public_key_of, seal
from nocontact.web.cases.models import Attachment, Case, Message, MessageBody
from nocontact.web.review import alerts
from nocontact.web.review.keyring import case_keys
from nocontact.web.review.ledger_store import record
from nocontact.web.review.models import Review, State
from nocontact.web.review.sealed_store import open_body, seal_release

SUMMARY_LIMIT = 2000


class Action(StrEnum):
    RELEASE = "release"
    KEEP = "keep"
    DESTROY = "destroy"


class DecisionError(Exception):
    """A decision that cannot be made (no survivor key, already destroyed, bad action)."""


def _review(case: Case, message: Message) -> Review:
    review, _ = Review.objects.select_for_update().get_or_create(case=case, message=message)
    return review


def release(case: Case, message: Message, friend_secret: str, summary: str = "") -> None:
    keys = case_keys(case)
    if not keys.survivor_public:
        raise DecisionError("the survivor has no key yet: they must sign in once first")
    summary = summary.strip()[:SUMMARY_LIMIT]
    with transaction.atomic():
        review = _review(case, message)
        if review.state == State.DESTROYED:
            raise DecisionError("this message was destroyed")
        if summary:
            words = summary
        else:
            body = open_body(bytes(message.body.sealed), friend_secret)
            words = body.text if not body.subject else f"{body.subject}\n\n{body.text}"
            _share_attachments(case, message, friend_secret, keys.survivor_public)
        review.released_sealed = seal_release(words, keys.survivor_public)
        review.released_is_summary = bool(summary)
        review.state = State.RELEASED
        review.decided_at = timezone.now()
        review.save()
        event = LedgerEvent.RELEASE_SUMMARY if summary else LedgerEvent.RELEASE
        record(case, event, message, actor="friend")


def _share_attachments(case: Case, message: Message, friend_secret: str, survivor: str) -> None:
    """A release without a summary passes on the attachments too (a court letter's PDF)."""
    for item in Attachment.objects.filter(case=case, message=message):
        data = open_sealed(bytes(item.data), friend_secret)
        item.data = seal(data, [public_key_of(friend_secret), survivor])
        item.save(update_fields=["data"])


def keep(case: Case, message: Message) -> None:
    with transaction.atomic():
        review = _review(case, message)
        if review.state == State.DESTROYED:
            raise DecisionError("this message was destroyed")
        review.state = State.KEPT
        review.decided_at = timezone.now()
        review.save(update_fields=["state", "decided_at"])
        record(case, LedgerEvent.KEEP, message, actor="friend")


def destroy(case: Case, message: Message) -> None:
    with transaction.atomic():
        review = _review(case, message)
        if review.state == State.DESTROYED:
            return
        MessageBody.objects.filter(case=case, message=message).delete()
        Attachment.objects.filter(case=case, message=message).update(data=b"")
        Attachment.objects.filter(case=case, message=message).delete()
        review.released_sealed = None
        review.survivor_can_open = False
        review.state = State.DESTROYED
        review.decided_at = timezone.now()
        review.save()
        record(case, LedgerEvent.DESTROY, message, actor="friend")


def decide_many(
    case: Case, message_ids: Iterable[int], action: Action, friend_secret: str
) -> int:
    """Bulk decisions (e.g. destroy all hoovering). Only the case's own messages count."""
    done = 0
    for message in Message.objects.filter(case=case, pk__in=list(message_ids)).order_by("pk"):
        if action is Action.RELEASE:
            release(case, message, friend_secret)
        elif action is Action.KEEP:
            keep(case, message)
        else:
            destroy(case, message)
        done += 1
    return done


def release_due(case: Case, now: datetime | None = None) -> int:
    """Legal messages the friend has not decided in time open for the survivor."""
    now = now or timezone.now()
    due = Review.objects.filter(
        case=case, state=State.PENDING, survivor_can_open=True, release_due_at__lte=now
    ).select_related("message")
    count = 0
    for review in due:
        with transaction.atomic():
            review.state = State.RELEASED_TIMEOUT
            review.decided_at = now
            review.save(update_fields=["state", "decided_at"])
            record(case, LedgerEvent.RELEASE_TIMEOUT, review.message, actor="system", when=now)
            alerts.legal_opened(case, review.message)
        count += 1
    return count


def release_due_everywhere(now: datetime | None = None) -> int:
    """For a periodic job (the mail worker, a timer): every case's overdue legal messages."""
    return sum(release_due(case, now) for case in Case.objects.order_by("pk"))
