"""What storing a message means for the vault: seal, review state, ledger, alerts.

Called by nocontact.ingest.store_message inside its transaction, so a message is stored
with its sealed body, its review row and its ledger entry, or not at all.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from nocontact.core.ledger import LedgerEvent
from nocontact.core.message import RawMessage
from nocontact.core.taxonomy import Category
from nocontact.vault import seal
from nocontact.web.cases.models import Attachment, Case, Message, MessageBody
from nocontact.web.review.alerts import raise_alerts
from nocontact.web.review.keyring import recipients_for
from nocontact.web.review.ledger_store import record
from nocontact.web.review.models import Review
from nocontact.web.review.sealed_store import seal_body


def legal_release_hours() -> int:
    return int(getattr(settings.NOCONTACT, "legal_release_hours", 24))


def seal_and_record(case: Case, message: Message, raw: RawMessage) -> None:
    recipients = recipients_for(case, message.category)
    MessageBody.objects.create(case=case, message=message, sealed=seal_body(raw, recipients))
    for item in raw.attachments:
        Attachment.objects.create(
            case=case,
            message=message,
            filename=item.filename[:255],
            content_type=item.content_type[:100],
            size=len(item.data),
            data=seal(item.data, recipients),
        )
    legal = message.category == Category.LEGAL.value
    Review.objects.create(
        case=case,
        message=message,
        survivor_can_open=legal and len(recipients) > 1,
        release_due_at=(timezone.now() + timedelta(hours=legal_release_hours())) if legal else None,
    )
    record(case, LedgerEvent.INGEST, message)
    raise_alerts(case, message)
