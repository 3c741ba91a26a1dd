"""The No Contact challenge: days held, runs and milestones, computed from daily check-ins.

Everything here is pure. "Today" comes from an injected clock, days are calendar dates in the
person's own time zone, and the rules below are the whole story (docs/challenge.md says the
same in plain words):

- A day is *held* or *slipped* when the person checked in for it; a day with any slip is slipped.
- A day with no check-in is *missed*: neither held nor slipped. No contact is the default, so a
  missed day does not break a run when the next check-in says held; the run then counts every
  calendar day from its start to that held check-in. Missed days at the end (after the latest
  check-in) are not counted yet and do not break anything.
- A slip ends the run on the day before it; the next run starts the day after the slip. The
  total of days held and the history stay.
- A check-in made before the cut-off hour (04:00 by default) counts for the previous day, so a
  00:30 "I held today" lands on the day the person means.
- Check-ins before the start date are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]

DEFAULT_CUTOFF_HOUR = 4
MILESTONE_DAYS: tuple[int, ...] = (1, 3, 7, 14, 21, 30, 60, 90, 180, 365)


class ChallengeError(ValueError):
    """A check-in or setting that cannot be understood."""


class SlipKind(StrEnum):
    ANSWERED = "answered"
    REACHED_OUT = "reached_out"
    CHECKED_PROFILE = "checked_profile"
    ASKED_FRIENDS = "asked_friends"
    POSTED_TO_BE_SEEN = "posted_to_be_seen"
    LET_BACK_IN = "let_back_in"
    SECRET_CONTACT = "secret_contact"  # noqa: S105 (a slip kind, not a secret)


SLIP_LABELS: Mapping[SlipKind, str] = {
    SlipKind.ANSWERED: "I answered them",
    SlipKind.REACHED_OUT: "I reached out to them",
    SlipKind.CHECKED_PROFILE: "I checked their profile",
    SlipKind.ASKED_FRIENDS: "I asked mutual friends about them",
    SlipKind.POSTED_TO_BE_SEEN: "I posted something for them to see",
    SlipKind.LET_BACK_IN: "I let them back in",
    SlipKind.SECRET_CONTACT: "I kept in touch in secret",
}


class Mood(StrEnum):
    AWFUL = "awful"
    LOW = "low"
    OKAY = "okay"
    GOOD = "good"
    STRONG = "strong"


class DayStatus(StrEnum):
    HELD = "held"
    SLIPPED = "slipped"
    MISSED = "missed"
    FUTURE = "future"
    BEFORE_START = "before_start"


@dataclass(frozen=True, slots=True)
class CheckIn:
    day: date
    held: bool
    urge: int = 0
    mood: Mood | None = None
    slips: tuple[SlipKind, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.urge, bool) or not isinstance(self.urge, int):
            raise ChallengeError("urge must be a whole number from 0 to 10")
        if not 0 <= self.urge <= 10:
            raise ChallengeError("urge must be from 0 to 10")
        if self.held and self.slips:
            raise ChallengeError("a held day has no slips")
        try:
            object.__setattr__(self, "slips", tuple(SlipKind(s) for s in self.slips))
            if self.mood is not None:
                object.__setattr__(self, "mood", Mood(self.mood))
        except ValueError as exc:
            raise ChallengeError("unknown slip kind or mood") from exc


@dataclass(frozen=True, slots=True)
class Milestone:
    days: int
    words: str


MILESTONE_WORDS: Mapping[int, str] = {
    1: "Day one. You chose yourself today.",
    3: "Three days. The first days are the loudest, and you held through them.",
    7: "A whole week. Your mind is starting to get quieter.",
    14: "Two weeks. You are proving you can get through the hard moments.",
    21: "Three weeks. New habits are taking root.",
    30: "Thirty days. The hardest stretch is behind you. Be proud.",
    60: "Two months. Look how far you have come.",
    90: "Ninety days. Your life is becoming your own again.",
    180: "Half a year. You did this, one day at a time.",
    365: "One year. Whatever today brings, you know you can hold.",
}

MILESTONES: tuple[Milestone, ...] = tuple(Milestone(d, MILESTONE_WORDS[d]) for d in MILESTONE_DAYS)


@dataclass(frozen=True, slots=True)
class Run:
    first: date
    last: date

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class ChallengeSummary:
    start: date
    today: date
    days_since_start: int
    days_held: int
    days_slipped: int
    days_missed: int
    current_run: int
    best_run: int
    milestone: Milestone | None  # the highest one the current run has reached
    next_milestone: Milestone | None
    days_to_next: int | None
    milestones_ever: tuple[int, ...] = field(default=())
    words: str = ""


def local_now(clock: Clock, tz: ZoneInfo) -> datetime:
    moment = clock()
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ChallengeError("the clock must give an aware datetime")
    return moment.astimezone(tz)


def checkin_day(moment: datetime, tz: ZoneInfo, cutoff_hour: int = DEFAULT_CUTOFF_HOUR) -> date:
    """The day a check-in made at `moment` is about, in the person's time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ChallengeError("check-in time must be aware of its time zone")
    if not 0 <= cutoff_hour <= 12:
        raise ChallengeError("cut-off hour must be from 0 to 12")
    local = moment.astimezone(tz)
    if local.hour < cutoff_hour:
        return local.date() - timedelta(days=1)
    return local.date()


def today(clock: Clock, tz: ZoneInfo, cutoff_hour: int = DEFAULT_CUTOFF_HOUR) -> date:
    """The day the person is living now (after midnight but before the cut-off: still yesterday)."""
    return checkin_day(local_now(clock, tz), tz, cutoff_hour)


def merge_by_day(checkins: Iterable[CheckIn]) -> dict[date, CheckIn]:
    """One check-in per day: a slip on any check-in of that day makes the day slipped."""
    merged: dict[date, CheckIn] = {}
    for item in sorted(checkins, key=lambda c: c.day):
        earlier = merged.get(item.day)
        if earlier is None:
            merged[item.day] = item
            continue
        if earlier.held and item.held:
            merged[item.day] = CheckIn(
                item.day, True, max(earlier.urge, item.urge), item.mood or earlier.mood
            )
        else:
            slips = tuple(dict.fromkeys(earlier.slips + item.slips))
            merged[item.day] = CheckIn(
                item.day, False, max(earlier.urge, item.urge), item.mood or earlier.mood, slips
            )
    return merged


def day_status(day: date, start: date, on: date, by_day: Mapping[date, CheckIn]) -> DayStatus:
    if day < start:
        return DayStatus.BEFORE_START
    if day > on:
        return DayStatus.FUTURE
    found = by_day.get(day)
    if found is None:
        return DayStatus.MISSED
    return DayStatus.HELD if found.held else DayStatus.SLIPPED


def runs(checkins: Iterable[CheckIn], start: date, on: date) -> list[Run]:
    """Every run from `start` to `on`, in order, by the rules in this module's docstring."""
    by_day = {d: c for d, c in merge_by_day(checkins).items() if start <= d <= on}
    found: list[Run] = []
    run_first = start
    last_held: date | None = None
    for day in sorted(by_day):
        if by_day[day].held:
            last_held = day
            continue
        if last_held is not None and last_held >= run_first:
            found.append(Run(run_first, last_held))
        run_first = day + timedelta(days=1)
        last_held = None
    if last_held is not None and last_held >= run_first:
        found.append(Run(run_first, last_held))
    return found


def _current_run(checkins: Iterable[CheckIn], start: date, on: date) -> int:
    by_day = {d: c for d, c in merge_by_day(checkins).items() if start <= d <= on}
    if not by_day:
        return 0
    latest = max(by_day)
    if not by_day[latest].held:
        return 0
    all_runs = runs(by_day.values(), start, on)
    return all_runs[-1].length if all_runs else 0


def milestone_for(run_length: int) -> Milestone | None:
    reached = [m for m in MILESTONES if m.days <= run_length]
    return reached[-1] if reached else None


def next_milestone_after(run_length: int) -> Milestone | None:
    for m in MILESTONES:
        if m.days > run_length:
            return m
    return None


def new_milestone(before: int, after: int) -> Milestone | None:
    """The milestone crossed when a run grows from `before` to `after` days, if any."""
    crossed = [m for m in MILESTONES if before < m.days <= after]
    return crossed[-1] if crossed else None


def summarise(checkins: Sequence[CheckIn], start: date, on: date) -> ChallengeSummary:
    if on < start:
        raise ChallengeError("the challenge has not started yet")
    by_day = {d: c for d, c in merge_by_day(checkins).items() if start <= d <= on}
    held = sum(1 for c in by_day.values() if c.held)
    slipped = len(by_day) - held
    since_start = (on - start).days + 1
    all_runs = runs(by_day.values(), start, on)
    current = _current_run(by_day.values(), start, on)
    best = max((r.length for r in all_runs), default=0)
    nxt = next_milestone_after(current)
    latest = by_day[max(by_day)] if by_day else None
    if latest is not None and not latest.held:
        words = kind_words_after_slip(best)
    elif current:
        words = f"Day {current} of holding on. Keep going, gently."
    else:
        words = "Today is a good day to begin. One day at a time."
    return ChallengeSummary(
        start=start,
        today=on,
        days_since_start=since_start,
        days_held=held,
        days_slipped=slipped,
        days_missed=since_start - len(by_day),
        current_run=current,
        best_run=best,
        milestone=milestone_for(current),
        next_milestone=nxt,
        days_to_next=None if nxt is None else nxt.days - current,
        milestones_ever=tuple(m.days for m in MILESTONES if m.days <= best),
        words=words,
    )


def kind_words_after_slip(best_run: int) -> str:
    base = (
        "A slip is part of recovery, not the end of it. Everything you held still counts, "
        "and tomorrow is a new day one."
    )
    if best_run >= 1:
        return f"{base} You have already held {best_run} days in a row, so you know you can."
    return base


@dataclass(frozen=True, slots=True)
class SlipAftermath:
    day: date
    slips: tuple[SlipKind, ...]
    urge_before: int | None  # the urge on the slip day itself
    moods_after: tuple[Mood | None, ...]  # the moods on the days that followed, None if no mood
    urges_after: tuple[int | None, ...]


def what_followed(checkins: Iterable[CheckIn], days_after: int = 3) -> list[SlipAftermath]:
    """For each past slip, how the person said they felt in the days that followed."""
    by_day = merge_by_day(checkins)
    found: list[SlipAftermath] = []
    for day in sorted(by_day):
        entry = by_day[day]
        if entry.held:
            continue
        later = [by_day.get(day + timedelta(days=i)) for i in range(1, days_after + 1)]
        found.append(
            SlipAftermath(
                day=day,
                slips=entry.slips,
                urge_before=entry.urge,
                moods_after=tuple(c.mood if c else None for c in later),
                urges_after=tuple(c.urge if c else None for c in later),
            )
        )
    return found
