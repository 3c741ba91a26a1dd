"""Sealing at ingest, the friend joining, decisions, and what the database holds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from tests.conftest import FRIEND_PASSWORD
from tests.helpers import require_tool
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    ALL_WORDS,
    FRIEND_PASSPHRASE,
    LEGAL,
    THREAT,
    VOICE,
    fast_kdf,
    friend_joins,
    init_friend_client,
    login,
    store,
    store_all,
    survivor_client,
    survivor_has_key,
)

from nocontact.vault import NotARecipient, is_sealed, open_sealed
from nocontact.web.cases.models import Attachment, MessageBody
from nocontact.web.review import decisions
from nocontact.web.review.keyring import case_keys, unwrap_friend_key
from nocontact.web.review.ledger_store import chain, verify_case
from nocontact.web.review.models import Invitation, Review, State

pytestmark = pytest.mark.django_db(transaction=True)


def _every_stored_value() -> list[bytes]:
    """Every cell of every table, as bytes: what a copied database file would show."""
    values: list[bytes] = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for cell in row:
                    if isinstance(cell, (bytes, memoryview)):
                        values.append(bytes(cell))
                    elif cell is not None:
                        values.append(str(cell).encode())
    return values


def test_database_holds_only_ciphertext_for_bodies_and_attachments(personas) -> None:
    survivor_has_key(personas)
    store_all(personas)
    stored = b"\n".join(_every_stored_value())
    for words in ALL_WORDS:
        assert words.encode() not in stored
    assert b"secret-voicemail-bytes" not in stored
    assert all(is_sealed(bytes(b.sealed)) for b in MessageBody.objects.all())
    assert all(is_sealed(bytes(a.data)) for a in Attachment.objects.all())
    assert b"AGE-SECRET-KEY" not in stored  # no secret key in the clear, anywhere


def _backup_bytes(tmp_path) -> bytes:
    """What a backup taken off the machine holds: SQLite's backup API, or a real pg_dump."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return copy.read_bytes()
    db = connection.settings_dict
    pg_dump = require_tool("pg_dump")
    done = subprocess.run(
        [pg_dump, "--host", db["HOST"], "--port", str(db["PORT"]), "--username", db["USER"],
         "--dbname", db["NAME"]],
        capture_output=True, check=True, timeout=120,
        env={**os.environ, "PGPASSWORD": db["PASSWORD"] or ""},
    )
    return done.stdout


@pytest.mark.django_db(transaction=True)  # a dump is taken by another connection
def test_a_database_backup_holds_no_words(personas, tmp_path) -> None:
    survivor_has_key(personas)
    store_all(personas)
    friend_joins(personas)
    data = _backup_bytes(tmp_path)
    assert len(data) > 10_000, "the backup holds the database"
    for words in ALL_WORDS:
        assert words.encode() not in data


def test_before_the_friend_joins_nothing_opens_with_the_init_password(personas) -> None:
    store_all(personas)
    client = init_friend_client(personas)
    message = Review.objects.first().message
    page = client.get(f"/queue/m/{message.pk}/")
    assert page.status_code == 302 and page["Location"].endswith("/queue/unlock/")
    unlock = client.post("/queue/unlock/", {"passphrase": FRIEND_PASSWORD})
    assert unlock.status_code == 200
    assert b"invitation link" in unlock.content
    assert client.post(f"/queue/m/{message.pk}/decide/", {"action": "destroy"}).status_code == 302
    assert MessageBody.objects.filter(message=message).exists(), "no decision without the key"


def test_joining_reseals_to_the_friend_and_retires_link_and_init_password(personas) -> None:
    messages = store_all(personas)
    invitation = Invitation.objects.get(case=personas.case)
    escrow_blob = bytes(messages["threat"].body.sealed)
    friend = friend_joins(personas)
    page = friend.get(f"/queue/m/{messages['threat'].pk}/")
    assert page.status_code == 200
    assert THREAT.encode() in page.content
    assert bytes(MessageBody.objects.get(message=messages["threat"]).sealed) != escrow_blob
    invitation.refresh_from_db()
    assert invitation.escrow_wrapped is None and invitation.used_at is not None
    again = friend.get(f"/queue/join/{'x' * 10}/")
    assert again.status_code == 404
    from django.test import Client

    refused = Client().post("/login/", {"username": personas.friend.username,
                                        "password": FRIEND_PASSWORD})
    assert refused.status_code != 302, "the initial password no longer signs in"
    login(personas.friend.username, FRIEND_PASSPHRASE)
    secret = unwrap_friend_key(personas.case, FRIEND_PASSPHRASE)
    assert open_sealed(bytes(MessageBody.objects.get(message=messages["legal"]).sealed), secret)


def test_a_used_invitation_link_opens_nothing(personas) -> None:
    from nocontact.web.review.keyring import take_invitation_token

    store_all(personas)
    token = take_invitation_token(personas.case)
    assert take_invitation_token(personas.case) is None, "the link is handed out once"
    from django.test import Client

    first = Client().post(f"/queue/join/{token}/", {"passphrase": FRIEND_PASSPHRASE,
                                                     "passphrase2": FRIEND_PASSPHRASE})
    assert first.status_code == 302
    second = Client().post(f"/queue/join/{token}/", {"passphrase": "another passphrase here",
                                                      "passphrase2": "another passphrase here"})
    assert second.status_code == 404
    assert unwrap_friend_key(personas.case, FRIEND_PASSPHRASE)


def test_legal_opens_for_the_survivor_only_after_the_timeout(personas) -> None:
    survivor_has_key(personas)
    legal = store(personas, LEGAL, "l9")
    assert legal.category == "legal"
    review = Review.objects.get(message=legal)
    assert review.survivor_can_open and review.release_due_at is not None
    due = review.release_due_at - timezone.now()
    assert timedelta(hours=23) < due <= timedelta(hours=24)
    survivor = survivor_client(personas)
    assert survivor.get(f"/queue/released/{legal.pk}/").status_code == 404
    assert b"custody application" not in survivor.get("/queue/released/").content
    assert decisions.release_due(personas.case, timezone.now() + timedelta(hours=25)) == 1
    page = survivor.get(f"/queue/released/{legal.pk}/")
    assert page.status_code == 200 and b"custody application" in page.content
    assert [e.event for e in chain(personas.case)][-2:] == ["release_timeout", "view"]
    # The dates it names are shown plainly, so a court date is not buried in the text.
    html = page.content.decode()
    assert "Dates this names" in html
    assert "hearing: Friday 12 March 2027, 09:30" in html
    assert "deadline: Monday 1 March 2027" in html


def test_legal_timeout_is_configurable(personas, settings) -> None:
    from dataclasses import replace

    settings.NOCONTACT = replace(settings.NOCONTACT, legal_release_hours=2)
    survivor_has_key(personas)
    legal = store(personas, LEGAL, "l2")
    due = Review.objects.get(message=legal).release_due_at - timezone.now()
    assert timedelta(hours=1) < due <= timedelta(hours=2)


def test_non_legal_is_never_sealed_to_the_survivor(personas) -> None:
    from tests.conftest import SURVIVOR_PASSWORD

    from nocontact.web.review.keyring import ensure_survivor_key

    secret = ensure_survivor_key(personas.case, SURVIVOR_PASSWORD)
    messages = store_all(personas)
    friend_joins(personas)
    with pytest.raises(NotARecipient):
        open_sealed(bytes(MessageBody.objects.get(message=messages["threat"]).sealed), secret)
    assert open_sealed(bytes(MessageBody.objects.get(message=messages["legal"]).sealed), secret)


def test_release_with_summary_gives_the_survivor_only_the_summary(personas) -> None:
    survivor_has_key(personas)
    messages = store_all(personas)
    friend = friend_joins(personas)
    hoover = messages["hoover"]
    response = friend.post(f"/queue/m/{hoover.pk}/decide/",
                           {"action": "release", "summary": "Birthday wishes; nothing to act on."})
    assert response.status_code == 302
    survivor = survivor_client(personas)
    page = survivor.get(f"/queue/released/{hoover.pk}/").content
    assert b"nothing to act on" in page and b"think about us" not in page
    assert Review.objects.get(message=hoover).state == State.RELEASED


def test_release_without_summary_passes_on_the_words(personas) -> None:
    survivor_has_key(personas)
    messages = store_all(personas)
    friend = friend_joins(personas)
    friend.post(f"/queue/m/{messages['threat'].pk}/decide/", {"action": "release"})
    page = survivor_client(personas).get(f"/queue/released/{messages['threat'].pk}/")
    assert THREAT.encode() in page.content


def test_destroy_removes_the_ciphertext_and_keeps_the_record(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    voicemail = messages["self_harm"]
    assert Attachment.objects.filter(message=voicemail).exists()
    friend.post(f"/queue/m/{voicemail.pk}/decide/", {"action": "destroy"})
    assert not MessageBody.objects.filter(message=voicemail).exists()
    assert not Attachment.objects.filter(message=voicemail).exists()
    voicemail.refresh_from_db()
    assert voicemail.sha256 and voicemail.category == "self_harm"
    entries = chain(personas.case)
    assert entries[-1].event == "destroy" and entries[-1].sha256 == voicemail.sha256
    assert verify_case(personas.case) == []
    page = friend.get(f"/queue/m/{voicemail.pk}/")
    assert b"destroyed" in page.content and b"pills" not in page.content


def test_bulk_destroy_of_hoovering_touches_only_the_chosen(personas, other_case) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    foreign = store(other_case, "Happy birthday from afar, I miss us.", "o1")
    ids = [messages["hoover"].pk, messages["threat"].pk, foreign.pk]
    friend.post("/queue/bulk/", {"action": "destroy", "ids": [str(i) for i in ids]})
    assert not MessageBody.objects.filter(message=messages["hoover"]).exists()
    assert not MessageBody.objects.filter(message=messages["threat"]).exists()
    assert MessageBody.objects.filter(message=messages["legal"]).exists()
    assert MessageBody.objects.filter(message=foreign).exists(), "another case is untouched"


def test_keep_leaves_it_sealed_and_logs_it(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    friend.post(f"/queue/m/{messages['threat'].pk}/decide/", {"action": "keep"})
    assert Review.objects.get(message=messages["threat"]).state == State.KEPT
    assert is_sealed(bytes(MessageBody.objects.get(message=messages["threat"]).sealed))
    assert chain(personas.case)[-1].event == "keep"


def test_html_mail_is_sanitised_and_loads_nothing_remote(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    page = friend.get(f"/queue/m/{messages['hoover'].pk}/").content.decode()
    assert "every day" in page
    assert "tracker.example" not in page
    assert "<script>alert" not in page and "javascript:" not in page
    assert "<img" not in page


def test_voicemail_plays_for_the_friend_only(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    voicemail = messages["self_harm"]
    item = Attachment.objects.get(message=voicemail)
    url = f"/queue/m/{voicemail.pk}/a/{item.pk}/"
    page = friend.get(f"/queue/m/{voicemail.pk}/").content.decode()
    assert f'<audio controls preload="none" src="{url}"' in page
    response = friend.get(url)
    assert response.status_code == 200 and response.content == VOICE
    assert response["Content-Type"] == "audio/wav"
    assert "sandbox" in response["Content-Security-Policy"]
    survivor = survivor_client(personas)
    assert survivor.get(url).status_code == 403


def test_the_friend_key_is_stored_wrapped_only(personas) -> None:
    friend_joins(personas)
    keys = case_keys(personas.case)
    assert keys.friend_public.startswith("age1")
    assert b"AGE-SECRET-KEY" not in bytes(keys.friend_wrapped)
    assert keys.escrow_public == ""


def test_the_survivor_key_is_made_at_first_sign_in(personas) -> None:
    from tests.conftest import SURVIVOR_PASSWORD

    from nocontact.vault import unwrap_secret

    assert not case_keys(personas.case).survivor_public
    login(personas.survivor.username, SURVIVOR_PASSWORD)
    keys = case_keys(personas.case)
    assert keys.survivor_public.startswith("age1")
    assert unwrap_secret(bytes(keys.survivor_wrapped), SURVIVOR_PASSWORD)
    friend = store(personas, LEGAL, "l5")
    assert Review.objects.get(message=friend).survivor_can_open


def test_a_passphrase_change_rewraps_the_key(personas) -> None:
    from nocontact.web.review.keyring import KeyringError, rewrap_for_password_change

    friend_joins(personas)
    before = unwrap_friend_key(personas.case, FRIEND_PASSPHRASE)
    with pytest.raises(KeyringError):
        rewrap_for_password_change(personas.case, "friend", "not the old one", "a new one")
    assert rewrap_for_password_change(personas.case, "friend", FRIEND_PASSPHRASE, "a new one")
    assert unwrap_friend_key(personas.case, "a new one") == before
    with pytest.raises(KeyringError):
        unwrap_friend_key(personas.case, FRIEND_PASSPHRASE)


def test_the_queue_lists_the_most_urgent_first_without_words(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    page = friend.get("/queue/").content.decode()
    listed = page[page.index('<ul class="queue">'):]  # after the alerts at the top
    positions = [listed.index(f'href="/queue/m/{messages[k].pk}/"')
                 for k in ("threat", "self_harm", "legal", "hoover")]
    assert positions == sorted(positions)
    for words in ALL_WORDS:
        assert words not in page
    assert 'name="viewport"' in page  # phone-friendly layout


def test_an_image_attachment_shows_inline_for_the_friend(personas) -> None:
    from nocontact.core.message import Attachment as RawAttachment

    png = b"\x89PNG\r\n\x1a\n" + b"0" * 32
    message = store(personas, "See what I found of yours.", "i1",
                    attachments=(RawAttachment("p.png", "image/png", png),
                                 RawAttachment("a.pdf", "application/pdf", b"%PDF-1.4 x")))
    friend = friend_joins(personas)
    page = friend.get(f"/queue/m/{message.pk}/").content.decode()
    image, pdf = Attachment.objects.filter(message=message).order_by("pk")
    assert f'<img class="attached" alt="p.png" src="/queue/m/{message.pk}/a/{image.pk}/">' in page
    assert "not protected once saved" in page
    download = friend.get(f"/queue/m/{message.pk}/a/{pdf.pk}/")
    assert download["Content-Disposition"] == "attachment"
    assert download["Content-Type"] == "application/octet-stream"


def test_after_a_passphrase_change_elsewhere_the_key_is_rewrapped_once(personas) -> None:
    friend = friend_joins(personas)
    user = personas.friend.__class__.objects.get(pk=personas.friend.pk)
    user.set_password("a brand new passphrase for me")  # as a password-change page would
    user.save()
    friend = login(personas.friend.username, "a brand new passphrase for me")
    refused = friend.post("/queue/unlock/", {"passphrase": "a brand new passphrase for me"})
    assert refused.status_code == 200 and b'name="previous"' in refused.content
    opened = friend.post("/queue/unlock/", {"passphrase": "a brand new passphrase for me",
                                            "previous": FRIEND_PASSPHRASE})
    assert opened.status_code == 302
    assert unwrap_friend_key(personas.case, "a brand new passphrase for me")


def test_the_opened_key_needs_both_the_session_and_the_cookie(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    url = f"/queue/m/{messages['threat'].pk}/"
    assert friend.get(url).status_code == 200
    cookie = friend.cookies.pop("vk")
    assert friend.get(url).status_code == 302, "the session row alone opens nothing"
    friend.cookies["vk"] = cookie.value
    assert friend.get(url).status_code == 200
    friend.post("/logout/")
    signed_in = friend.post("/login/", {"username": personas.friend.username,
                                        "password": FRIEND_PASSPHRASE})
    assert signed_in.status_code == 302
    friend.cookies["vk"] = cookie.value  # even with the old cookie kept back
    response = friend.get(url)
    assert response.status_code == 302 and response["Location"].endswith("/queue/unlock/")


def test_a_new_friend_sees_only_what_arrives_after_they_join(personas) -> None:
    import re

    from django.test import Client

    from nocontact.web.accounts import clock
    from nocontact.web.review.models import RetiredKey

    old = store(personas, THREAT, "t-old")
    friend_joins(personas)
    personas.friend.__class__.objects.filter(pk=personas.friend.pk).update(is_active=False)
    survivor = survivor_client(personas, unlocked=False)
    session = survivor.session
    session["nc_reauth_at"] = clock.now() - 3600  # signed in an hour ago
    session.save()
    assert survivor.post("/queue/invite/").status_code == 302, "re-authentication first"
    session = survivor.session
    session["nc_reauth_at"] = clock.now()
    session.save()
    page = survivor.post("/queue/invite/").content.decode()
    token = re.search(r"/queue/join/([\w-]+)/", page).group(1)
    assert RetiredKey.objects.filter(case=personas.case).count() == 1
    between = store(personas, HOOVER_WORDS, "h-new")
    new_friend = Client()
    joined = new_friend.post(f"/queue/join/{token}/", {
        "passphrase": "the new friend's own passphrase", "passphrase2":
        "the new friend's own passphrase"})
    assert joined.status_code == 302
    old_page = new_friend.get(f"/queue/m/{old.pk}/").content.decode()
    assert "sealed to another key" in old_page and "parked across" not in old_page
    assert HOOVER_WORDS in new_friend.get(f"/queue/m/{between.pk}/").content.decode()


HOOVER_WORDS = "Happy birthday, I still think about us."


def test_a_court_letter_attachment_reaches_the_survivor_after_the_timeout(personas) -> None:
    from nocontact.core.message import Attachment as RawAttachment

    survivor_has_key(personas)
    pdf = b"%PDF-1.4 hearing on 12 March 2027"
    legal = store(personas, LEGAL, "l-pdf",
                  attachments=(RawAttachment("notice.pdf", "application/pdf", pdf),))
    item = Attachment.objects.get(message=legal)
    url = f"/queue/released/{legal.pk}/a/{item.pk}/"
    survivor = survivor_client(personas)
    assert survivor.get(url).status_code == 404, "not before the waiting time"
    decisions.release_due(personas.case, timezone.now() + timedelta(hours=25))
    page = survivor.get(f"/queue/released/{legal.pk}/").content.decode()
    assert url in page and "not protected once saved" in page
    response = survivor.get(url)
    assert response.status_code == 200 and response.content == pdf
    assert response["Content-Disposition"] == "attachment"


def test_a_release_passes_on_attachments_but_a_summary_does_not(personas) -> None:
    survivor_has_key(personas)
    messages = store_all(personas)
    friend = friend_joins(personas)
    voicemail, threat = messages["self_harm"], messages["threat"]
    item = Attachment.objects.get(message=voicemail)
    friend.post(f"/queue/m/{voicemail.pk}/decide/", {"action": "release"})
    survivor = survivor_client(personas)
    played = survivor.get(f"/queue/released/{voicemail.pk}/a/{item.pk}/")
    assert played.status_code == 200 and played.content == VOICE
    assert friend.get(f"/queue/m/{voicemail.pk}/a/{item.pk}/").content == VOICE, "friend too"
    friend.post(f"/queue/m/{threat.pk}/decide/", {"action": "release", "summary": "A threat."})
    assert survivor.get(f"/queue/released/{threat.pk}/a/{item.pk}/").status_code == 404


def test_prepare_case_makes_the_survivor_key_and_hands_the_link_out_once(personas) -> None:
    from tests.conftest import SURVIVOR_PASSWORD

    from nocontact.web.review.services import join_as_friend, prepare_case

    token = prepare_case(personas.case, SURVIVOR_PASSWORD)
    assert token and prepare_case(personas.case, SURVIVOR_PASSWORD) is None
    assert case_keys(personas.case).survivor_public
    legal = store(personas, LEGAL, "l-init")
    case, user, secret = join_as_friend(token, FRIEND_PASSPHRASE)
    assert user.pk == personas.friend.pk and case.pk == personas.case.pk
    assert open_sealed(bytes(MessageBody.objects.get(message=legal).sealed), secret)
