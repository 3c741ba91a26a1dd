"""Uploading an export from the phone: streamed to disk, imported in the background, then gone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.conftest import EX_EMAIL, FRIEND_PASSWORD, SURVIVOR_PASSWORD

from nocontact.web.cases.models import Message
from nocontact.web.uploads.models import UploadJob

pytestmark = pytest.mark.django_db(transaction=True)

MBOX = (
    f"From {EX_EMAIL} Mon Nov  2 21:14:00 2026\nFrom: Jordan <{EX_EMAIL}>\nTo: s@example.net\n"
    "Subject: x\nDate: Mon, 02 Nov 2026 21:14:00 -0500\nMessage-ID: <u1@example.com>\n\n"
    "Please just answer me, I miss you so much.\n\n"
    "From news@shop.example.org Mon Nov  2 22:00:00 2026\nFrom: news@shop.example.org\n"
    "To: s@example.net\nSubject: sale\nDate: Mon, 02 Nov 2026 22:00:00 -0500\n"
    "Message-ID: <u2@example.com>\n\nBig sale\n\n"
)


def _client(username: str, password: str) -> Client:
    client = Client()
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def _wait(job_id: int, timeout: float = 30.0) -> UploadJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = UploadJob.objects.get(pk=job_id)
        if job.status in {"done", "failed"}:
            return job
        time.sleep(0.1)
    raise AssertionError("the import did not finish")


@pytest.mark.parametrize("who", ["survivor", "friend"])
def test_upload_imports_in_the_background_and_deletes_the_file(personas, who: str) -> None:
    user = getattr(personas, who)
    client = _client(user.username, SURVIVOR_PASSWORD if who == "survivor" else FRIEND_PASSWORD)
    response = client.post("/add/", {"export": SimpleUploadedFile("mail.mbox", MBOX.encode())})
    assert response.status_code == 302
    job = _wait(int(response["Location"].rstrip("/").split("/")[-1]))
    assert job.status == "done", job.error
    assert (job.run.read, job.run.matched, job.run.stored) == (2, 1, 1)
    assert job.stored_path == ""
    page = client.get(response["Location"]).content.decode()
    assert "newly kept" in page and "miss you" not in page
    assert Message.objects.filter(case=personas.case).count() == 1


def test_uploaded_files_are_removed_from_the_data_folder(personas, settings) -> None:
    uploads = Path(settings.NOCONTACT.home) / "uploads"
    before = set(uploads.iterdir()) if uploads.exists() else set()
    client = _client(personas.survivor.username, SURVIVOR_PASSWORD)
    response = client.post("/add/", {"export": SimpleUploadedFile("mail.mbox", MBOX.encode())})
    job = _wait(int(response["Location"].rstrip("/").split("/")[-1]))
    assert job.status == "done"
    assert set(uploads.iterdir()) - before == set(), "the uploaded file is gone"


def test_an_unknown_file_is_reported_not_kept(personas) -> None:
    client = _client(personas.survivor.username, SURVIVOR_PASSWORD)
    response = client.post("/add/", {"export": SimpleUploadedFile("photo.bin", b"\x00\x01" * 500)})
    job = _wait(int(response["Location"].rstrip("/").split("/")[-1]))
    assert job.run.read == 0 and job.run.skipped
    page = client.get(response["Location"]).content.decode()
    assert "could not be read" in page


def test_jobs_of_another_case_are_not_visible(personas, other_case) -> None:
    client = _client(personas.survivor.username, SURVIVOR_PASSWORD)
    response = client.post("/add/", {"export": SimpleUploadedFile("mail.mbox", MBOX.encode())})
    _wait(int(response["Location"].rstrip("/").split("/")[-1]))
    stranger = _client(other_case.survivor.username, SURVIVOR_PASSWORD)
    assert stranger.get(response["Location"]).status_code == 404
    assert Client().get(response["Location"]).status_code == 302
