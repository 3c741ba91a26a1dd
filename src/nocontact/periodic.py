"""Work that is due by the clock: legal messages past the friend's time, reminders, uploads.

`nocontact serve` runs this every minute beside the web pages; `nocontact tick` runs it once
(for cron or a systemd timer on deployments that do not keep `serve` running).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

log = logging.getLogger("nocontact.periodic")
INTERVAL_S = 60.0


@dataclass
class TickResult:
    legal_released: int = 0
    reminders_sent: int = 0


def run_due_tasks() -> TickResult:
    from nocontact.web.cases.models import Case
    from nocontact.web.challenge.reminders import send_due_reminders
    from nocontact.web.review.decisions import release_due

    result = TickResult()
    for case in Case.objects.all():
        try:
            result.legal_released += release_due(case)
        except Exception as exc:  # one case's failure must not stop the others
            log.error("legal release failed for case %s: %s", case.pk, type(exc).__name__)
    try:
        result.reminders_sent = send_due_reminders()
    except Exception as exc:
        log.error("reminders failed: %s", type(exc).__name__)
    return result


def start_background(stop: threading.Event, interval: float = INTERVAL_S) -> threading.Thread:
    """Run due tasks now and then every `interval` seconds until `stop` is set."""
    from django.db import close_old_connections

    from nocontact.web.uploads.jobs import resume_unfinished

    def loop() -> None:
        try:
            resume_unfinished()
        except Exception as exc:
            log.error("resuming uploads failed: %s", type(exc).__name__)
        while not stop.is_set():
            close_old_connections()
            run_due_tasks()
            close_old_connections()
            stop.wait(interval)

    thread = threading.Thread(target=loop, name="nocontact-periodic", daemon=True)
    thread.start()
    return thread
