"""After a model change, sealed messages are re-classified when the friend opens the key."""

from __future__ import annotations

from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    FRIEND_PASSPHRASE,
    LEGAL,
    THREAT,
    fast_kdf,
    friend_joins,
    store,
    survivor_has_key,
)

from nocontact.core.classify import MODEL_VERSION
from nocontact.web.cases.models import Message
from nocontact.web.review.keyring import unwrap_friend_key
from nocontact.web.review.models import Alert, LedgerRecord, Review
from nocontact.web.review.reclassify import reclassify_stale, stale


def _pretend_old_model(message: Message, category: str) -> None:
    Message.objects.filter(pk=message.pk).update(
        category=category, tactics=[], model_version="old-model"
    )


def test_friend_unlock_reclassifies_stale_messages(personas) -> None:
    survivor_has_key(personas)
    threat = store(personas, THREAT, "t1")
    friend = friend_joins(personas)
    _pretend_old_model(threat, "hoovering")
    Alert.objects.all().delete()
    assert stale(personas.case) == 1
    assert friend.post("/queue/unlock/", {"passphrase": FRIEND_PASSPHRASE}).status_code == 302
    threat.refresh_from_db()
    assert (threat.category, threat.model_version) == ("threat", MODEL_VERSION)
    assert stale(personas.case) == 0
    assert Alert.objects.filter(message=threat, role="survivor").exists(), "upgraded → alert"
    assert LedgerRecord.objects.filter(case=personas.case, event="reclassify").count() == 1


def test_a_message_that_becomes_legal_opens_for_the_survivor_in_time(personas) -> None:
    survivor_has_key(personas)
    legal = store(personas, LEGAL, "l1")
    friend_joins(personas)
    secret = unwrap_friend_key(personas.case, FRIEND_PASSPHRASE)
    # As if an old model had filed the court notice as logistics (sealed to the friend alone).
    _pretend_old_model(legal, "logistics")
    Review.objects.filter(message=legal).update(survivor_can_open=False, release_due_at=None)
    assert reclassify_stale(personas.case, secret) == 1
    review = Review.objects.get(message=legal)
    assert review.survivor_can_open and review.release_due_at is not None


def test_unchanged_model_does_nothing(personas) -> None:
    survivor_has_key(personas)
    store(personas, THREAT, "t1")
    friend_joins(personas)
    secret = unwrap_friend_key(personas.case, FRIEND_PASSPHRASE)
    assert reclassify_stale(personas.case, secret) == 0
