"""Streaks under a frozen clock: time zones, daylight saving, late nights, missed days, slips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nocontact.core.challenge import (
    MILESTONE_DAYS,
    ChallengeError,
    CheckIn,
    DayStatus,
    Mood,
    SlipKind,
    checkin_day,
    day_status,
    merge_by_day,
    new_milestone,
    runs,
    summarise,
    today,
    what_followed,
)

PARIS = ZoneInfo("Europe/Paris")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
SYDNEY = ZoneInfo("Australia/Sydney")
START = date(2026, 3, 1)


def frozen(moment: datetime):
    return lambda: moment


def held(day: date, urge: int = 3) -> CheckIn:
    return CheckIn(day, True, urge)


def slipped(day: date, *kinds: SlipKind) -> CheckIn:
    return CheckIn(day, False, 8, Mood.LOW, kinds or (SlipKind.CHECKED_PROFILE,))


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def test_every_day_held_makes_one_run_as_long_as_the_challenge():
    s = summarise([held(d) for d in days(START, 10)], START, START + timedelta(days=9))
    assert (s.days_held, s.current_run, s.best_run, s.days_slipped) == (10, 10, 10, 0)
    assert s.milestone is not None and s.milestone.days == 7
    assert s.next_milestone is not None and s.next_milestone.days == 14
    assert s.days_to_next == 4


def test_a_slip_restarts_the_run_but_keeps_the_total_and_best_run():
    history = [held(d) for d in days(START, 8)]
    history.append(slipped(START + timedelta(days=8), SlipKind.ANSWERED))
    history += [held(d) for d in days(START + timedelta(days=9), 3)]
    s = summarise(history, START, START + timedelta(days=11))
    assert s.days_held == 11
    assert s.days_slipped == 1
    assert s.best_run == 8
    assert s.current_run == 3
    assert s.milestones_ever == (1, 3, 7)
    assert [r.length for r in runs(history, START, START + timedelta(days=11))] == [8, 3]


def test_words_on_the_day_of_a_slip_are_kind_and_name_what_was_held():
    history = [held(d) for d in days(START, 5)] + [slipped(START + timedelta(days=5))]
    s = summarise(history, START, START + timedelta(days=5))
    assert s.current_run == 0
    assert "5 days" in s.words
    lowered = s.words.lower()
    for harsh in ("fail", "shame", "ruined", "start over from nothing", "lost"):
        assert harsh not in lowered


def test_a_missed_day_does_not_break_a_run_when_the_next_check_in_says_held():
    history = [held(START), held(START + timedelta(days=1)), held(START + timedelta(days=4))]
    on = START + timedelta(days=4)
    s = summarise(history, START, on)
    assert s.days_held == 3  # only days checked in as held
    assert s.days_missed == 2
    assert s.current_run == 5  # calendar days from the start to the held check-in
    by_day = merge_by_day(history)
    assert day_status(START + timedelta(days=2), START, on, by_day) is DayStatus.MISSED


def test_missed_days_after_the_last_check_in_neither_count_nor_break():
    history = [held(d) for d in days(START, 4)]
    s = summarise(history, START, START + timedelta(days=9))
    assert s.current_run == 4
    assert s.days_missed == 6


def test_a_missed_day_before_a_slip_is_not_counted_as_held():
    history = [held(START), slipped(START + timedelta(days=3))]
    s = summarise(history, START, START + timedelta(days=3))
    assert s.best_run == 1
    assert s.current_run == 0


def test_check_ins_before_the_start_date_are_ignored():
    history = [slipped(START - timedelta(days=1)), held(START)]
    s = summarise(history, START, START)
    assert (s.days_slipped, s.current_run) == (0, 1)


def test_two_check_ins_on_one_day_with_a_slip_make_the_day_slipped():
    day = START + timedelta(days=2)
    history = [held(START), held(START + timedelta(days=1)), held(day), slipped(day)]
    merged = merge_by_day(history)
    assert merged[day].held is False
    assert summarise(history, START, day).current_run == 0


def test_a_check_in_at_half_past_midnight_counts_for_the_previous_day():
    moment = datetime(2026, 3, 10, 0, 30, tzinfo=PARIS)
    assert checkin_day(moment, PARIS) == date(2026, 3, 9)
    assert checkin_day(moment, PARIS, cutoff_hour=0) == date(2026, 3, 10)
    assert checkin_day(datetime(2026, 3, 10, 4, 0, tzinfo=PARIS), PARIS) == date(2026, 3, 10)


def test_today_follows_the_persons_time_zone_not_the_servers():
    # 07:30 UTC on 10 March is still 23:30 on 9 March in Los Angeles, 18:30 in Sydney.
    clock = frozen(datetime(2026, 3, 10, 7, 30, tzinfo=UTC))
    assert today(clock, LOS_ANGELES) == date(2026, 3, 9)
    assert today(clock, SYDNEY) == date(2026, 3, 10)
    assert today(clock, PARIS) == date(2026, 3, 10)


def test_today_refuses_a_clock_without_a_time_zone():
    with pytest.raises(ChallengeError):
        today(lambda: datetime(2026, 3, 10, 7, 30), PARIS)


@pytest.mark.parametrize(
    ("tz", "spring", "autumn"),
    [
        (PARIS, date(2026, 3, 29), date(2026, 10, 25)),
        (LOS_ANGELES, date(2026, 3, 8), date(2026, 11, 1)),
        (SYDNEY, date(2026, 10, 4), date(2026, 4, 5)),
    ],
)
def test_runs_count_calendar_days_across_daylight_saving_changes(tz, spring, autumn):
    for change in (spring, autumn):
        start = change - timedelta(days=3)
        # Check in every evening at 21:00 local time; the 23- or 25-hour day is still one day.
        moments = [
            datetime.combine(d, datetime.min.time(), tz).replace(hour=21) for d in days(start, 7)
        ]
        history = [held(checkin_day(m.astimezone(UTC), tz)) for m in moments]
        clock = frozen(moments[-1].astimezone(UTC) + timedelta(hours=1))
        s = summarise(history, start, today(clock, tz))
        assert s.current_run == 7
        assert s.days_since_start == 7


def test_late_night_check_in_on_the_night_clocks_spring_forward():
    # 02:30 does not exist in Paris on 29 March 2026; a check-in at 03:30 local (01:30 UTC)
    # is before the 04:00 cut-off and belongs to 28 March.
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert moment.astimezone(PARIS).hour == 3
    assert checkin_day(moment, PARIS) == date(2026, 3, 28)


def test_late_night_check_in_during_the_repeated_hour_in_autumn():
    # 02:30 happens twice in Paris on 25 October 2026; both belong to 24 October.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert first.astimezone(PARIS).hour == second.astimezone(PARIS).hour == 2
    assert checkin_day(first, PARIS) == checkin_day(second, PARIS) == date(2026, 10, 24)


def test_the_same_instant_is_a_different_day_for_someone_who_travelled():
    history = [held(d) for d in days(START, 3)]
    instant = datetime(2026, 3, 4, 2, 0, tzinfo=UTC)
    # In Los Angeles it is still 3 March (before the cut-off): the run is 3, today is day 3.
    s_la = summarise(history, START, today(frozen(instant), LOS_ANGELES))
    s_syd = summarise(history, START, today(frozen(instant), SYDNEY))
    assert s_la.days_since_start == 3
    assert s_syd.days_since_start == 4
    assert s_la.current_run == s_syd.current_run == 3


def test_milestones_are_crossed_once_each_with_encouraging_words():
    crossed = [new_milestone(n - 1, n) for n in range(1, 400)]
    reached = [m.days for m in crossed if m is not None]
    assert tuple(reached) == MILESTONE_DAYS
    assert all(m.words for m in crossed if m is not None)


def test_summary_before_the_start_is_an_error():
    with pytest.raises(ChallengeError):
        summarise([], START, START - timedelta(days=1))


@pytest.mark.parametrize("urge", [-1, 11, 2.5, True])
def test_urge_must_be_zero_to_ten(urge):
    with pytest.raises(ChallengeError):
        CheckIn(START, True, urge)


def test_a_held_day_cannot_carry_slips_and_unknown_kinds_are_refused():
    with pytest.raises(ChallengeError):
        CheckIn(START, True, 1, None, (SlipKind.ANSWERED,))
    with pytest.raises(ChallengeError):
        CheckIn(START, False, 1, None, ("texted_them_a_poem",))  # type: ignore[arg-type]


def test_what_followed_past_slips_comes_from_the_persons_own_moods():
    slip_day = START + timedelta(days=2)
    history = [
        held(START),
        CheckIn(slip_day, False, 9, Mood.OKAY, (SlipKind.REACHED_OUT,)),
        CheckIn(slip_day + timedelta(days=1), True, 7, Mood.AWFUL),
        CheckIn(slip_day + timedelta(days=3), True, 4, Mood.LOW),
    ]
    [after] = what_followed(history)
    assert after.day == slip_day
    assert after.slips == (SlipKind.REACHED_OUT,)
    assert after.moods_after == (Mood.AWFUL, None, Mood.LOW)
    assert after.urges_after == (7, None, 4)
