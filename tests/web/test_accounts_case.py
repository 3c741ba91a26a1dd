"""The survivor's controls: the friend's access and its log, notifications, download, delete."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from tests.conftest import EX_EMAIL, FRIEND_PASSWORD, SURVIVOR_PASSWORD

from nocontact.ingest import import_paths
from nocontact.web.accounts import archive
from nocontact.web.accounts.api import notifications_enabled, record_access, settings_for
from nocontact.web.accounts.clock import now_dt
from nocontact.web.cases.models import Case, Message, MessageBody

WORDS = "I know where you are tonight and I am coming over"


def member(user, password: str) -> Client:
    found = settings_for(user)
    found.exit_explained_at = now_dt()
    found.save()
    client = Client()
    response = client.post("/login/", {"username": user.username, "password": password})
    assert response.status_code == 302
    return client


@pytest.fixture
def stored(personas, tmp_path: Path):
    mbox = tmp_path / "in.mbox"
    mbox.write_text(
        f"From {EX_EMAIL} Mon Nov  2 21:14:00 2026\nFrom: Jordan <{EX_EMAIL}>\n"
        "To: sam@example.net\nSubject: tonight\nDate: Mon, 02 Nov 2026 21:14:00 -0500\n"
        f"Message-ID: <c1@example.com>\n\n{WORDS}\n\n"
    )
    assert import_paths(personas.case, [mbox]).stored == 1
    return personas


def test_removing_the_friend_takes_effect_at_once(personas) -> None:
    friend = member(personas.friend, FRIEND_PASSWORD)
    assert friend.get("/account/").status_code == 200
    survivor = member(personas.survivor, SURVIVOR_PASSWORD)
    page = survivor.get("/account/sharing/").content.decode()
    assert "End my friend" in page
    assert survivor.post("/account/sharing/end/")["Location"] == "/account/sharing/"
    assert friend.get("/account/").status_code == 302, "the friend's open session ended"
    again = Client().post(
        "/login/", {"username": personas.friend.username, "password": FRIEND_PASSWORD}
    )
    assert again.status_code != 302, "and they cannot sign in again"
    assert "No friend has access" in survivor.get("/account/sharing/").content.decode()


def test_removing_the_friend_needs_a_recent_passphrase(personas, monkeypatch) -> None:
    from nocontact.web.accounts import clock

    survivor = member(personas.survivor, SURVIVOR_PASSWORD)
    later = clock.now() + 6 * 60
    monkeypatch.setattr(clock, "now", lambda: later)
    assert survivor.post("/account/sharing/end/")["Location"] == "/account/confirm/"
    personas.friend.refresh_from_db()
    assert personas.friend.is_active
    back = survivor.post("/account/confirm/", {"password": SURVIVOR_PASSWORD})
    assert back["Location"] == "/account/sharing/"


def test_the_survivor_sees_what_the_friend_opened_without_words(stored) -> None:
    message = Message.objects.get(case=stored.case)
    record_access(stored.friend, message, "opened")
    page = member(stored.survivor, SURVIVOR_PASSWORD).get("/account/sharing/").content.decode()
    assert "opened" in page and message.channel in page
    assert WORDS not in page


def test_access_records_refuse_another_case(stored, other_case) -> None:
    message = Message.objects.get(case=stored.case)
    with pytest.raises(ValueError):
        record_access(other_case.friend, message, "opened")


def test_notifications_are_off_until_switched_on(personas) -> None:
    assert notifications_enabled(personas.survivor) is False
    client = member(personas.survivor, SURVIVOR_PASSWORD)
    assert "off" in client.get("/account/notices/").content.decode()
    client.post("/account/notices/", {"on": "yes"})
    assert notifications_enabled(personas.survivor) is True
    client.post("/account/notices/", {"on": "no"})
    assert notifications_enabled(personas.survivor) is False


def test_download_needs_a_deliberate_post_and_warns(stored) -> None:
    client = member(stored.survivor, SURVIVOR_PASSWORD)
    page = client.get("/account/download/")
    assert page["Content-Type"].startswith("text/html")
    assert "not protected" in page.content.decode()
    unticked = client.post("/account/download/")
    assert unticked["Content-Type"].startswith("text/html")
    response = client.post("/account/download/", {"understood": "yes"})
    assert response["Content-Disposition"].startswith("attachment")
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("nocontact-export.json"))
        bodies = json.loads(zf.read("records/cases.messagebody.json"))
        everything = b"".join(zf.read(n) for n in names)
    assert manifest["format"] == "nocontact-export" and manifest["counts"]["cases.message"] == 1
    assert "SHA256SUMS" in names and "README.txt" in names
    sealed = bytes(MessageBody.objects.get(case=stored.case).sealed)

    assert base64.b64decode(bodies[0]["fields"]["sealed"]) == sealed, "sealed bytes as stored"
    assert WORDS.encode() not in everything, "sealed content stays sealed"
    assert b"pbkdf2" not in everything and b"argon2" not in everything, "no passphrase hashes"


def test_the_friend_cannot_download(stored) -> None:
    client = member(stored.friend, FRIEND_PASSWORD)
    assert client.post("/account/download/", {"understood": "yes"}).status_code == 403


def test_an_export_reads_back_into_an_empty_install(stored, tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with path.open("wb") as out:
        counts = archive.write_export(stored.case, out)
    sealed = bytes(MessageBody.objects.get(case=stored.case).sealed)
    case_pk = stored.case.pk
    archive.delete_case(stored.case)
    assert not Case.objects.filter(pk=case_pk).exists()
    case = archive.read_export(path)
    assert case.pk == case_pk
    assert counts == {label: count for label, _, count in archive._records(case)}
    assert bytes(MessageBody.objects.get(case=case).sealed) == sealed
    with pytest.raises(archive.ArchiveError):
        archive.read_export(path)


def test_a_changed_export_is_refused(stored, tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with path.open("wb") as out:
        archive.write_export(stored.case, out)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "records/cases.message.json":
                changed = data.replace(b'"channel": "email"', b'"channel": "sms"')
                assert changed != data
                data = changed
            dst.writestr(item, data)
    archive.delete_case(stored.case)
    with pytest.raises(archive.ArchiveError):
        archive.read_export(tampered)


def test_delete_everything_needs_the_phrase_and_warns(stored) -> None:
    client = member(stored.survivor, SURVIVOR_PASSWORD)
    friend = member(stored.friend, FRIEND_PASSWORD)
    page = client.get("/account/close/").content.decode()
    assert "cannot come back" in page
    wrong = client.post("/account/close/", {"phrase": "delete"})
    assert wrong.status_code == 200 and Case.objects.filter(pk=stored.case.pk).exists()
    done = client.post("/account/close/", {"phrase": "Delete everything"})
    assert done["Location"] == "/login/"
    assert not Case.objects.filter(pk=stored.case.pk).exists()
    assert not Message.objects.exists() and not MessageBody.objects.exists()
    assert not get_user_model().objects.filter(
        username__in=[stored.survivor.username, stored.friend.username]
    ).exists()
    assert friend.get("/account/").status_code == 302


def test_deleting_one_case_leaves_the_other(stored, other_case) -> None:
    archive.delete_case(stored.case)
    assert Case.objects.filter(pk=other_case.case.pk).exists()
    assert get_user_model().objects.filter(username=other_case.survivor.username).exists()


def test_an_unshown_invitation_link_is_not_written_out(stored, tmp_path: Path) -> None:
    from nocontact.web.review import keyring

    invitation = keyring.issue_invitation(stored.case)
    token = invitation.token_once
    assert token, "the link is kept until shown"
    out = io.BytesIO()
    archive.write_export(stored.case, out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as zf:
        everything = b"".join(zf.read(n) for n in zf.namelist())
        rows = json.loads(zf.read("records/review.invitation.json"))
    assert rows and token.encode() not in everything
