"""Due work runs by the clock: a legal message the friend has not decided opens for the survivor."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from nocontact.periodic import run_due_tasks
from nocontact.web.review.models import Review
from tests.web.review_support import LEGAL, fast_kdf, store, survivor_has_key  # noqa: F401


def test_an_undecided_legal_message_is_released_after_its_time(personas) -> None:
    survivor_has_key(personas)
    message = store(personas, LEGAL, "legal-1")
    review = Review.objects.get(message=message)
    assert review.release_due_at is not None
    assert run_due_tasks().legal_released == 0, "not before its time"
    Review.objects.filter(pk=review.pk).update(release_due_at=timezone.now() - timedelta(minutes=1))
    assert run_due_tasks().legal_released == 1
    assert Review.objects.get(pk=review.pk).state == "released_timeout"
    assert run_due_tasks().legal_released == 0, "released once"
