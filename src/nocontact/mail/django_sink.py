"""The sink the web app uses: the lead's ingest pipeline plus the mailwatch UID ledger.

Each message is parsed by the project's e-mail reader, matched to the person it came from,
classified, sealed and written to the evidence ledger by `nocontact.ingest.store_message`,
and its UID row is written in the same transaction: committed on return, or not at all.
"""

from __future__ import annotations

import time
from email.message import Message as Message_
from email.parser import BytesHeaderParser
from email.policy import compat32

from django.db import transaction
from django.utils import timezone

from nocontact.core.message import RawMessage
from nocontact.ingest import store_message
from nocontact.mail.errors import MailError
from nocontact.mail.sink import Checkpoint, LedgerState, MailKey
from nocontact.readers.email_message import parse_email
from nocontact.web.cases.models import Message
from nocontact.web.cases.services import matcher_for
from nocontact.web.mailwatch.models import MailAccount, MailCheckpoint, MailUid

REFRESH_SECONDS = 60.0


class MailStoreError(MailError):
    """A message the ex sent could not be stored; it stays in the inbox."""


class DjangoSink:
    def __init__(self, account: MailAccount) -> None:
        self.account = account
        self.case = account.case
        self.refresh()

    def refresh(self) -> None:
        """Re-read the persons and identities (after `nocontact person add`)."""
        self.matcher = matcher_for(self.case)
        self.roles = dict(self.case.persons.values_list("pk", "role"))
        self.refreshed_at = time.monotonic()

    def wants(self, sender: str) -> bool:
        if time.monotonic() - self.refreshed_at > REFRESH_SECONDS:
            self.refresh()  # a long-running watcher learns of new addresses within a minute
        return self.matcher.accepts(sender)

    def _person(self, headers: Message_) -> int | None:
        for name in ("From", "Sender", "Reply-To"):
            for value in headers.get_all(name, []):
                person = self.matcher.match(str(value))
                if person is not None:
                    return person
        return None

    def _rows(self, key: MailKey) -> dict[str, object]:
        return {"account": self.account, "folder": key.folder,
                "uidvalidity": key.uidvalidity, "uid": key.uid}

    def store(self, raw_rfc822: bytes, key: MailKey) -> None:
        items = parse_email(raw_rfc822, fmt="imap", file="imap", position=f"uid {key.uid}",
                            fallback_date=timezone.now())
        parsed = next((i for i in items if isinstance(i, RawMessage)), None)
        if parsed is None:
            raise MailStoreError("the message could not be read")
        headers = BytesHeaderParser(policy=compat32).parsebytes(raw_rfc822, headersonly=True)
        person = self._person(headers)
        if person is None:
            raise MailStoreError("the message matches no person of the case")
        with transaction.atomic():
            message = store_message(self.case, person, self.roles[person], parsed)
            if message is None:  # stored before (same Message-ID and body)
                message = Message.objects.filter(
                    case=self.case, source_id=parsed.source_id
                ).first()
            MailUid.objects.get_or_create(
                **self._rows(key),
                defaults={"case": self.case, "message": message, "state": LedgerState.STORED,
                          "rfc_message_id": str(headers.get("Message-ID", "")).strip()[:998]},
            )

    def state(self, key: MailKey) -> LedgerState | None:
        row = MailUid.objects.filter(**self._rows(key)).values_list("state", flat=True).first()
        return LedgerState(row) if row else None

    def mark(self, key: MailKey, state: LedgerState, dest: MailKey | None = None) -> None:
        with transaction.atomic():
            MailUid.objects.filter(**self._rows(key)).update(state=state.value)
            if dest is not None:
                source = MailUid.objects.filter(**self._rows(key)).first()
                MailUid.objects.get_or_create(
                    **self._rows(dest),
                    defaults={"case": self.case, "state": LedgerState.MOVED,
                              "message": source.message if source else None,
                              "rfc_message_id": source.rfc_message_id if source else ""},
                )

    def checkpoint(self, account: str, folder: str) -> Checkpoint | None:
        row = MailCheckpoint.objects.filter(account=self.account, folder=folder).first()
        return Checkpoint(row.uidvalidity, row.last_uid) if row else None

    def set_checkpoint(self, account: str, folder: str, checkpoint: Checkpoint) -> None:
        MailCheckpoint.objects.update_or_create(
            account=self.account, folder=folder,
            defaults={"case": self.case, "uidvalidity": checkpoint.uidvalidity,
                      "last_uid": checkpoint.last_uid},
        )

