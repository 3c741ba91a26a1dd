"""The optional daily reminder e-mail: plain words, no link, nothing about the app's purpose.

Sent once a day per case at the survivor's chosen local time, only when they switched it on,
gave an address (the one set for alerts) and have not checked in yet that day. Something
outside the web process calls `send_due_reminders` every few minutes (a timer or the CLI).
"""

from __future__ import annotations

import logging
from datetime import datetime
from smtplib import SMTPException

from django.core.mail import send_mail

from nocontact.core import challenge as core
from nocontact.web.challenge import services
from nocontact.web.challenge.models import ChallengeSettings, CheckIn

log = logging.getLogger("nocontact.reminders")

SUBJECT = "Daily reminder"
BODY = "Your daily reminder.\n"


def _address(settings: ChallengeSettings) -> str:
    try:
        from nocontact.web.review.models import CaseKeys
    except ImportError:
        return ""
    keys = CaseKeys.objects.filter(case=settings.case).first()
    return (keys.survivor_email or "").strip() if keys is not None else ""


def send_due_reminders(now: datetime | None = None) -> int:
    """Send every reminder that is due; one failure is logged (no address) and the rest go on."""
    moment = now or services.clock()
    sent = 0
    due = ChallengeSettings.objects.filter(
        reminder_email=True, reminder_time__isnull=False
    ).select_related("case")
    for settings in due:
        zone = services.case_zone(settings.case)
        local = moment.astimezone(zone)
        day = core.checkin_day(moment, zone, settings.cutoff_hour)
        if settings.reminder_time is None or local.time() < settings.reminder_time:
            continue
        if local.date() != day or settings.reminder_last_sent == day:
            continue  # after midnight but before the cut-off: that day's time has passed
        if CheckIn.objects.filter(case=settings.case, day=day).exists():
            continue
        address = _address(settings)
        if not address:
            continue
        try:
            send_mail(SUBJECT, BODY, None, [address], fail_silently=False)
        except (SMTPException, OSError) as exc:
            log.warning("case %s: reminder not sent (%s)", settings.case.pk, type(exc).__name__)
            continue
        settings.reminder_last_sent = day
        settings.save(update_fields=["reminder_last_sent"])
        sent += 1
    return sent
