"""The daily reminder calendar file, parsed back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from nocontact.reports.ics import DEFAULT_SUMMARY, ReminderError, daily_reminder_ics

NOW = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)
PURPOSE_WORDS = ("contact", "ex", "abuse", "challenge", "streak", "nocontact", "slip", "urge",
                 "block", "hoover", "held")  # fmt: skip


def reminder(**changes):
    args = {
        "first_day": date(2026, 3, 27),
        "at": time(21, 0),
        "tz_name": "Europe/Paris",
        "uid": "a1b2c3@reminder",
        "now": NOW,
    }
    args.update(changes)
    return Calendar.from_ical(daily_reminder_ics(**args))


def test_one_daily_event_at_the_chosen_local_time_with_an_alarm():
    cal = reminder()
    [event] = cal.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.tzinfo is not None
    assert (start.date(), start.hour, start.minute) == (date(2026, 3, 27), 21, 0)
    assert str(start.tzinfo) == "Europe/Paris" or getattr(start.tzinfo, "key", "") == "Europe/Paris"
    assert event["rrule"]["FREQ"] == ["DAILY"]
    assert str(event["uid"]) == "a1b2c3@reminder"
    [alarm] = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(0)


def test_the_time_zone_is_carried_so_the_reminder_stays_at_21h_across_daylight_saving():
    cal = reminder()
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    [event] = cal.walk("VEVENT")
    first = event.decoded("dtstart")
    # Paris moves to summer time on 29 March 2026: 21:00 local is 20:00 UTC before, 19:00 after.
    assert first.astimezone(UTC).hour == 20
    after_change = first.replace(day=30)
    assert after_change.astimezone(UTC).hour == 19
    assert after_change.tzinfo == first.tzinfo


def test_nothing_in_the_file_hints_at_its_purpose():
    raw = daily_reminder_ics(
        first_day=date(2026, 3, 27), at=time(21), tz_name="UTC", uid="x1@reminder", now=NOW
    )
    text = raw.decode().lower()
    for word in PURPOSE_WORDS:
        assert f" {word}" not in text and f":{word}" not in text, word
    [event] = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["summary"]) == DEFAULT_SUMMARY


@pytest.mark.parametrize(
    "changes",
    [
        {"tz_name": "Mars/Olympus"},
        {"summary": "Daily\r\nATTENDEE:mailto:x@example.com"},
        {"uid": ""},
        {"now": datetime(2026, 1, 1)},
        {"minutes": 0},
    ],
)
def test_bad_settings_are_refused(changes):
    with pytest.raises(ReminderError):
        reminder(**changes)


def test_the_start_is_in_the_persons_zone_not_the_servers():
    cal = reminder(tz_name="America/Los_Angeles", at=time(8, 30))
    start = cal.walk("VEVENT")[0].decoded("dtstart")
    assert start.astimezone(ZoneInfo("America/Los_Angeles")).hour == 8
