"""The import pipeline: readers → match → classify → store, one message at a time.

Each message is stored in its own transaction, so a crash leaves every message either fully
stored or absent; importing the same input twice stores nothing twice (case, source_id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from nocontact.core.message import RawMessage, ReadProblem
from nocontact.core.taxonomy import Classification
from nocontact.readers import Passed, read_path
from nocontact.web.cases.models import Case, ImportRun, Message
from nocontact.web.cases.services import matcher_for
from nocontact.web.review.intake import seal_and_record

Progress = Callable[[int], None]


@dataclass
class ImportSummary:
    read: int = 0
    matched: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "matched": self.matched,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "skipped": list(self.skipped),
        }


def _classify(raw: RawMessage, sender_role: str) -> tuple[Classification, str]:
    from nocontact.core.classify import MODEL_VERSION, classify

    text = raw.text if not raw.subject else f"{raw.subject}\n\n{raw.text}"
    return classify(text, channel=raw.channel.value, sender_role=sender_role), MODEL_VERSION


def store_message(case: Case, person_id: int, person_role: str, raw: RawMessage) -> Message | None:
    """Classify and store one message with its body; None when it was already stored."""
    if Message.objects.filter(case=case, source_id=raw.source_id).exists():
        return None
    result, version = _classify(raw, person_role)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                case=case,
                person_id=person_id,
                channel=raw.channel.value,
                kind=raw.kind,
                source_format=raw.format,
                source_id=raw.source_id,
                sender_as_written=raw.sender[:320],
                sent_at=raw.sent_at,
                sha256=raw.sha256,
                category=result.category.value,
                tactics=[t.value for t in result.tactics],
                confidence=result.confidence,
                reasons=list(result.reasons),
                model_version=version,
            )
            seal_and_record(case, message, raw)
    except IntegrityError:
        return None  # stored meanwhile by another importer
    return message


def _note_outgoing(case: Case, raw: RawMessage, matches: Callable[[str], int | None]) -> None:
    """The survivor's own message to a known person: remember only when, never what."""
    if not any(matches(r) is not None for r in raw.recipients):
        return
    if case.last_contact_at is None or raw.sent_at > case.last_contact_at:
        case.last_contact_at = raw.sent_at
        case.save(update_fields=["last_contact_at"])


def import_items(
    case: Case,
    items: Iterable[RawMessage | ReadProblem | Passed],
    summary: ImportSummary,
    progress: Progress | None = None,
) -> None:
    matcher = matcher_for(case)
    roles = dict(case.persons.values_list("pk", "role"))
    for item in items:
        if isinstance(item, ReadProblem):
            summary.skipped.append(item.as_dict())
            continue
        summary.read += 1
        if progress is not None:
            progress(1)
        if isinstance(item, Passed):
            continue
        if item.direction == "out":
            _note_outgoing(case, item, matcher.match)
            continue
        person_id = matcher.match(item.sender)
        if person_id is None:
            continue  # from nobody on the list: dropped, never stored
        summary.matched += 1
        if store_message(case, person_id, roles[person_id], item) is None:
            summary.duplicates += 1
        else:
            summary.stored += 1


def import_paths(
    case: Case,
    paths: Iterable[Path],
    progress: Progress | None = None,
    source: str = "cli",
) -> ImportSummary:
    summary = ImportSummary()
    run = ImportRun.objects.create(case=case, source=source)
    matcher = matcher_for(case)

    def accept(sender: str) -> bool:
        # Outgoing messages name the survivor as sender; readers pass those through.
        return matcher.accepts(sender)

    for path in paths:
        import_items(case, read_path(Path(path), accept=accept), summary, progress)
    run.read, run.matched, run.stored = summary.read, summary.matched, summary.stored
    run.duplicates, run.skipped = summary.duplicates, summary.skipped
    run.finished_at = timezone.now()
    run.save()
    return summary
