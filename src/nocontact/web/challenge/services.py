"""Between the database and the pure challenge code: the clock, check-ins, counts and sealing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.utils import timezone

from nocontact.core import challenge as core
from nocontact.core.hoover import HooverDate as CoreHooverDate
from nocontact.core.hoover import HooverKind
from nocontact.core.taxonomy import Category
from nocontact.web.cases.models import Case, Identity, Message
from nocontact.web.challenge.models import (
    ChallengeSettings,
    CheckIn,
    HooverDate,
    PlanItemStatus,
    Slip,
)

# The one clock of the challenge pages; tests replace it.
clock: Callable[[], datetime] = timezone.now


def case_zone(case: Case) -> ZoneInfo:
    try:
        return ZoneInfo(case.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def settings_for(case: Case) -> ChallengeSettings:
    found = ChallengeSettings.objects.filter(case=case).first()
    if found is not None:
        return found
    start = core.today(clock, case_zone(case))
    return ChallengeSettings.objects.create(case=case, start_date=start)


def today_for(case: Case) -> date:
    return core.today(clock, case_zone(case), settings_for(case).cutoff_hour)


def core_checkins(case: Case) -> list[core.CheckIn]:
    slips: dict[int, list[str]] = defaultdict(list)
    for checkin_id, kind in Slip.objects.filter(case=case).values_list("checkin_id", "kind"):
        slips[checkin_id].append(kind)
    found = []
    for row in CheckIn.objects.filter(case=case):
        kinds = tuple(core.SlipKind(k) for k in slips.get(row.pk, ()))
        mood = core.Mood(row.mood) if row.mood else None
        found.append(core.CheckIn(row.day, row.held, row.urge, mood, () if row.held else kinds))
    return found


@transaction.atomic
def record_checkin(
    case: Case,
    entry: core.CheckIn,
    note_sealed: bytes | None = None,
) -> CheckIn:
    row = CheckIn.objects.create(
        case=case,
        day=entry.day,
        held=entry.held,
        urge=entry.urge,
        mood=entry.mood.value if entry.mood else "",
        note_sealed=note_sealed,
    )
    Slip.objects.bulk_create([Slip(case=case, checkin=row, kind=k.value) for k in entry.slips])
    return row


def attempts_by_day(case: Case, first: date, last: date) -> dict[date, dict[Category, int]]:
    """The ex's and proxies' attempts per local day and category: counts only, never content."""
    zone = case_zone(case)
    since = datetime.combine(first, datetime.min.time(), zone)
    until = datetime.combine(last + timedelta(days=1), datetime.min.time(), zone)
    counts: dict[date, dict[Category, int]] = defaultdict(dict)
    rows = Message.objects.filter(case=case, sent_at__gte=since, sent_at__lt=until).values_list(
        "sent_at", "category"
    )
    for sent_at, category in rows:
        try:
            cat = Category(category)
        except ValueError:
            cat = Category.OTHER
        day = sent_at.astimezone(zone).date()
        counts[day][cat] = counts[day].get(cat, 0) + 1
    return dict(counts)


def plan_statuses(case: Case) -> dict[str, str]:
    return dict(PlanItemStatus.objects.filter(case=case).values_list("key", "status"))


def set_plan_status(case: Case, key: str, status: str) -> None:
    PlanItemStatus.objects.update_or_create(case=case, key=key, defaults={"status": status})


def hoover_dates(case: Case) -> list[CoreHooverDate]:
    found = []
    for row in HooverDate.objects.filter(case=case):
        try:
            found.append(CoreHooverDate(HooverKind(row.kind), row.month, row.day, row.label))
        except ValueError:
            continue  # a date that no longer makes sense is skipped, the rest still warn
    return found


def blocked_identities(case: Case) -> tuple[list[str], list[str]]:
    """The e-mail addresses and phone numbers of the ex and the proxies, as entered."""
    emails: list[str] = []
    phones: list[str] = []
    for kind, written in Identity.objects.filter(case=case).values_list("kind", "written"):
        if kind == "email":
            emails.append(written)
        elif kind == "phone":
            phones.append(written)
    return emails, phones


# --- sealing for the survivor ----------------------------------------------------------------


def survivor_public_key(case: Case) -> str | None:
    """The survivor's own public key, when the vault has made one; otherwise None."""
    try:
        from nocontact.web.review.models import CaseKeys  # the vault's key table
    except ImportError:
        return None
    keys = CaseKeys.objects.filter(case=case).first()
    public = getattr(keys, "survivor_public", "") if keys is not None else ""
    return public or None


def seal_for_survivor(case: Case, text: str) -> bytes | None:
    """Sealed to the survivor alone, or None (then nothing may be stored)."""
    public = survivor_public_key(case)
    if public is None or not text.strip():
        return None
    from nocontact.vault import seal

    return seal(text.encode("utf-8"), [public])
