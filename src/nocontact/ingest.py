"""The import pipeline: readers → match → classify → store, one message at a time.

Each message is stored in its own transaction, so a crash leaves every message either fully
stored or absent; importing the same input twice stores nothing twice (case, source_id).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from nocontact.core.identities import IdentityKind, candidate_keys
from nocontact.core.matching import KnownIdentity, Matcher
from nocontact.core.message import RawMessage, ReadProblem
from nocontact.core.suspects import SuspectDetector
from nocontact.core.taxonomy import Classification
from nocontact.readers import Passed, read_path
from nocontact.web.cases.models import Case, Identity, ImportRun, Message, Person, PersonRole
from nocontact.web.cases.services import matcher_for
from nocontact.web.review.intake import seal_and_record

Progress = Callable[[int], None]


@dataclass
class ImportSummary:
    read: int = 0
    matched: int = 0
    stored: int = 0
    duplicates: int = 0
    suspects: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "matched": self.matched,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "suspects": self.suspects,
            "skipped": list(self.skipped),
        }


def _classify(raw: RawMessage, sender_role: str) -> tuple[Classification, str]:
    from nocontact.core.classify import MODEL_VERSION, classify

    text = raw.text if not raw.subject else f"{raw.subject}\n\n{raw.text}"
    role = sender_role if sender_role in {"ex", "proxy"} else "unknown"
    return classify(text, channel=raw.channel.value, sender_role=role), MODEL_VERSION


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


def detector_for(case: Case) -> SuspectDetector:
    ex_names = [p.name for p in case.persons.filter(role=PersonRole.EX)]
    ex_names += list(
        Identity.objects.filter(
            case=case, person__role=PersonRole.EX, kind=IdentityKind.ALIAS
        ).values_list("written", flat=True)
    )
    return SuspectDetector(family_names=case.family_names, ex_names=ex_names)


def _keep_as_suspect(
    case: Case, raw: RawMessage, detector: SuspectDetector, matcher: Matcher
) -> int | None:
    """An unknown sender whose message suggests it is them: a suspect person, never dropped."""
    signal = detector.check(f"{raw.subject}\n{raw.text}")
    if signal is None:
        return None
    keys = candidate_keys(raw.sender, case.region)
    if not keys:
        return None
    kind, value = keys[0]
    with transaction.atomic():
        person = Person.objects.create(
            case=case,
            role=PersonRole.SUSPECT,
            name=f"Unknown {raw.channel.value} sender",
            suspect_reason=signal.reason,
        )
        Identity.objects.get_or_create(
            case=case,
            kind=kind.value,
            value=value,
            defaults={"person": person, "written": raw.sender[:320]},
        )
    matcher.add(KnownIdentity(kind, value, person.pk))
    return person.pk


class _Batches:
    """Commit stored messages in groups: each message is whole or absent after a crash.

    One commit per message made the disk's sync the bottleneck; a group of up to BATCH_SIZE
    messages (or BATCH_SECONDS of work) is still atomic, and a re-import restores anything a
    crash rolled back, since importing is idempotent.
    """

    def __init__(self, size: int = 100, seconds: float = 2.0) -> None:
        self.size, self.seconds = size, seconds
        self._block: Any = None
        self._count = 0
        self._opened = 0.0

    def before_write(self) -> None:
        if self._block is None:
            self._block = transaction.atomic()
            self._block.__enter__()
            self._opened = time.monotonic()

    def after_write(self) -> None:
        self._count += 1
        if self._count >= self.size or time.monotonic() - self._opened >= self.seconds:
            self.flush()

    def flush(self) -> None:
        if self._block is not None:
            block, self._block, self._count = self._block, None, 0
            block.__exit__(None, None, None)


def import_items(
    case: Case,
    items: Iterable[RawMessage | ReadProblem | Passed],
    summary: ImportSummary,
    progress: Progress | None = None,
) -> None:
    matcher = matcher_for(case)
    detector = detector_for(case)
    roles = dict(case.persons.values_list("pk", "role"))
    batches = _Batches()
    try:
        for item in items:
            if isinstance(item, ReadProblem):
                summary.skipped.append(item.as_dict())
                continue
            summary.read += 1
            if progress is not None:
                progress(1)
            if isinstance(item, Passed):
                continue
            batches.before_write()
            if item.direction == "out":
                _note_outgoing(case, item, matcher.match)
                continue
            person_id = matcher.match(item.sender)
            if person_id is None:
                person_id = _keep_as_suspect(case, item, detector, matcher)
                if person_id is None:
                    continue  # from nobody on the list: dropped, never stored
                roles[person_id] = PersonRole.SUSPECT
                summary.suspects += 1
            if roles.get(person_id) == PersonRole.DISMISSED:
                continue  # the survivor said this sender is not them
            summary.matched += 1
            if store_message(case, person_id, roles[person_id], item) is None:
                summary.duplicates += 1
            else:
                summary.stored += 1
                batches.after_write()
    finally:
        batches.flush()


def import_paths(
    case: Case,
    paths: Iterable[Path],
    progress: Progress | None = None,
    source: str = "cli",
    bytes_progress: Progress | None = None,
) -> ImportSummary:
    """Import files, folders or zips. `progress` counts records; `bytes_progress` bytes read."""
    summary = ImportSummary()
    run = ImportRun.objects.create(case=case, source=source)
    matcher = matcher_for(case)

    def accept(sender: str) -> bool:
        # Known senders are read in full. Unknown phone numbers, handles and names are read too
        # (short texts, cheap), so a new number or a threat from one is not lost; unknown e-mail
        # senders are skipped unread, which keeps large mailboxes fast.
        return matcher.accepts(sender) or "@" not in sender

    for path in paths:
        items = read_path(Path(path), accept=accept, progress=bytes_progress)
        import_items(case, items, summary, progress)
    run.read, run.matched, run.stored = summary.read, summary.matched, summary.stored
    run.duplicates, run.skipped = summary.duplicates, summary.skipped
    run.finished_at = timezone.now()
    run.save()
    return summary
