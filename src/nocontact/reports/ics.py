"""A calendar file with one daily reminder to check in.

The words are deliberately plain ("Daily reminder"): a calendar is often synced, shared or seen
on a lock screen, so nothing in the file hints at what the reminder is for.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

DEFAULT_SUMMARY = "Daily reminder"
PRODUCT_ID = "-//reminder//EN"


class ReminderError(ValueError):
    """Reminder settings that cannot make a calendar file."""


def _single_line(value: str, what: str) -> str:
    text = value.strip()
    if not text or any(ord(c) < 0x20 for c in text):
        raise ReminderError(f"the {what} must be a non-empty single line")
    return text


def daily_reminder_ics(
    *,
    first_day: date,
    at: time,
    tz_name: str,
    uid: str,
    now: datetime,
    summary: str = DEFAULT_SUMMARY,
    minutes: int = 5,
) -> bytes:
    """An iCalendar file with one event repeating every day at `at`, in `tz_name`, with an alarm.

    `uid` must be stable for one person (so re-importing updates rather than duplicates) and
    carry nothing personal; `now` is the time stamp of the file.
    """
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ReminderError("unknown time zone") from exc
    if now.tzinfo is None:
        raise ReminderError("the time stamp needs a time zone")
    if not 1 <= minutes <= 120:
        raise ReminderError("the reminder lasts from 1 to 120 minutes")
    uid = _single_line(uid, "identifier")
    summary = _single_line(summary, "title")

    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")

    start = datetime.combine(first_day, at.replace(tzinfo=None), tzinfo=tz)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("rrule", {"freq": "daily"})
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)

    cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
