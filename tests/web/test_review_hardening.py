"""Guesses at a key's passphrase slow down; alert settings need a recent passphrase; joining
explains quick exit and leaves a sign-in record."""

from __future__ import annotations

from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    FRIEND_PASSPHRASE,
    fast_kdf,
    friend_joins,
    survivor_client,
    survivor_has_key,
)

from nocontact.web.accounts.models import LoginRecord
from nocontact.web.review.keyring import case_keys, take_invitation_token


def test_wrong_key_passphrases_meet_a_growing_wait_never_a_lock(personas) -> None:
    friend = friend_joins(personas)
    statuses = [
        friend.post("/queue/unlock/", {"passphrase": f"wrong guess number {i}"}).status_code
        for i in range(5)
    ]
    assert 429 in statuses, "guessing is slowed"
    from nocontact.web.accounts.models import LoginThrottle

    LoginThrottle.objects.update(wait_until="2000-01-01T00:00:00Z")  # the wait has passed
    assert friend.post("/queue/unlock/", {"passphrase": FRIEND_PASSPHRASE}).status_code == 302


def test_alert_email_change_needs_a_recent_passphrase(personas) -> None:
    survivor_has_key(personas)
    survivor = survivor_client(personas, unlocked=False)
    session = survivor.session
    session["nc_reauth_at"] = 0  # signed in long ago
    session.save()
    response = survivor.post("/queue/alerts/email/", {"email": "me@example.net", "on": "1"})
    assert response["Location"] == "/account/confirm/"
    assert not case_keys(personas.case).survivor_email_alerts


def test_joining_explains_quick_exit_and_is_recorded(personas) -> None:
    from django.test import Client

    token = take_invitation_token(personas.case)
    client = Client()
    response = client.post(
        f"/queue/join/{token}/",
        {"passphrase": FRIEND_PASSPHRASE, "passphrase2": FRIEND_PASSPHRASE},
    )
    assert response["Location"] == "/account/start/"
    assert LoginRecord.objects.filter(user=personas.friend, succeeded=True).exists()
