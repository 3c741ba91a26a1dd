"""No content in logs, error pages or admin e-mails: a view holding a message fails on purpose."""

from __future__ import annotations

import io
import logging
from typing import ClassVar

import pytest
from django.core import mail
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from nocontact.web import urls as real_urls
from nocontact.web.privacy import NoContentLogFilter, scrub

WORDS = "I know you moved to Elm Street, I will find the new flat"
ADDRESS = "jordan.ex@example.com"
NUMBER = "+1 555 555 0123"
SECRETS = (WORDS, "Elm Street", ADDRESS, "jordan.ex", NUMBER, "555 555 0123", "5555550123")


def view_holding_a_message(request: HttpRequest) -> HttpResponse:
    body = f"From: {ADDRESS}\nPhone: {NUMBER}\n\n{WORDS}"  # a local variable with content
    sender = request.POST.get("sender", "")
    raise ValueError(f"could not classify {body!r} from {sender}")


class FailingUrls:
    urlpatterns: ClassVar = [path("boom/", view_holding_a_message), *real_urls.urlpatterns]


@pytest.fixture
def console() -> io.StringIO:
    """What the configured console handlers write, captured."""
    stream = io.StringIO()
    found = {
        h for name in ("", "django", "django.request", "nocontact")
        for h in logging.getLogger(name).handlers if type(h) is logging.StreamHandler
    }
    handlers = list(found)
    assert handlers, "the LOGGING handlers are installed"
    old = [h.stream for h in handlers]
    for handler in handlers:
        handler.stream = stream  # not setStream(): it flushes the old stream, maybe closed by now
    yield stream
    for handler, previous in zip(handlers, old, strict=True):
        handler.stream = previous


def _clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"leaked {secret!r}"


@override_settings(ROOT_URLCONF=FailingUrls, ADMINS=[("Admin", "admin@localhost")])
def test_a_500_inside_a_message_view_leaks_nothing(personas, console) -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    keeper = Keep()
    keeper.addFilter(NoContentLogFilter())
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(keeper)
    try:
        client = Client(raise_request_exception=False)
        client.force_login(personas.friend)
        response = client.post(f"/boom/?to={ADDRESS}", {"sender": ADDRESS, "note": WORDS})
    finally:
        request_logger.removeHandler(keeper)
    assert response.status_code == 500
    _clean(response.content.decode())
    output = console.getvalue()
    assert "Internal Server Error" in output, "the error itself is still reported"
    _clean(output)
    assert records, "a log record was made"
    for record in records:
        _clean(record.getMessage())
        _clean(repr(record.__dict__))
    assert len(mail.outbox) == 1, "the admins are told"
    message = mail.outbox[0]
    _clean(message.subject)
    _clean(message.body)
    for alternative, _ in getattr(message, "alternatives", []):
        _clean(str(alternative))


def test_log_lines_lose_arguments_addresses_and_numbers(console) -> None:
    logger = logging.getLogger("nocontact.test")
    logger.warning("screened %d message from %s: %s", 1, ADDRESS, WORDS)
    logger.warning(f"direct text with {ADDRESS} and {NUMBER}")
    try:
        raise RuntimeError(WORDS)
    except RuntimeError:
        logger.exception("classifier failed")
    output = console.getvalue()
    assert "screened 1 message from [withheld]: [withheld]" in output, "numbers stay, text goes"
    assert "classifier failed" in output and "RuntimeError" in output
    for secret in (ADDRESS, NUMBER, WORDS):
        assert secret not in output


def test_scrub_masks_addresses_and_numbers() -> None:
    assert scrub(f"to {ADDRESS} or {NUMBER}") == "to [address] or [number]"
    assert scrub("GET /queue/?q=elm&x=1 HTTP/1.1") == "GET /queue/?[withheld] HTTP/1.1"
    assert scrub("is that right? yes") == "is that right? yes"
