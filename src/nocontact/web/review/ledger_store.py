"""The ledger's rows in the database, appended in the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from nocontact.core.ledger import (
    LedgerEntry,
    LedgerEvent,
    LedgerHead,
    LedgerProblem,
    append,
    verify,
)
from nocontact.web.cases.models import Case, Message
from nocontact.web.review.models import LedgerRecord


def _entry(row: LedgerRecord) -> LedgerEntry:
    return LedgerEntry(
        seq=row.seq,
        time=row.time,
        case_id=row.case_ref,
        event=row.event,
        channel=row.channel,
        person_id=row.person_ref,
        category=row.category,
        sha256=row.sha256,
        actor=row.actor,
        prev_hash=row.prev_hash,
        entry_hash=row.entry_hash,
    )


def record(
    case: Case,
    event: LedgerEvent,
    message: Message | None = None,
    actor: str = "system",
    when: datetime | None = None,
) -> LedgerEntry:
    with transaction.atomic():
        last = LedgerRecord.objects.filter(case=case).order_by("-seq").first()
        entry = append(
            _entry(last) if last is not None else None,
            time=when or timezone.now(),
            case_id=str(case.pk),
            event=event,
            channel=message.channel if message else "",
            person_id=str(message.person_id) if message else "",
            category=message.category if message else "",
            sha256=message.sha256 if message else "",
            actor=actor,
        )
        LedgerRecord.objects.create(
            case=case,
            seq=entry.seq,
            time=entry.time,
            case_ref=entry.case_id,
            event=entry.event,
            channel=entry.channel,
            person_ref=entry.person_id,
            category=entry.category,
            sha256=entry.sha256,
            actor=entry.actor,
            prev_hash=entry.prev_hash,
            entry_hash=entry.entry_hash,
        )
    return entry


def chain(case: Case) -> list[LedgerEntry]:
    return [_entry(r) for r in LedgerRecord.objects.filter(case=case).order_by("seq", "pk")]


def verify_case(case: Case, head: LedgerHead | None = None) -> list[LedgerProblem]:
    return verify(chain(case), head)
