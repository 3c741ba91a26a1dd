from __future__ import annotations

from datetime import UTC, datetime

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path

from .conftest import require_fixtures, split


def test_msg_with_headers_attachments_and_umlauts() -> None:
    path = require_fixtures("outlook_msg") / "mailparser_mail_outlook_1.msg"
    (message,), problems, _ = split(read_path(path))
    assert detect(path) == "outlook_msg" and not problems
    assert message.channel is Channel.EMAIL and message.sender == "NueblingV@w-vwa.de"
    assert message.subject.startswith("Newsletter Prüfung")
    assert message.sent_at == datetime(2017, 9, 18, 10, 0, 18, tzinfo=UTC)
    assert len(message.attachments) == 5 and message.attachments[0].filename == "newsletter.png"
    assert message.attachments[0].data.startswith(b"\x89PNG")
    assert message.original == path.read_bytes()
    assert message.source_id.startswith("email:20170918100018.")


def test_unsent_msg_without_sender_uses_its_creation_time() -> None:
    path = require_fixtures("outlook_msg") / "msgextractor_strangeDate.msg"
    (message,), problems, _ = split(read_path(path))
    assert not problems and message.subject == "MSG Test File"
    assert message.sent_at == datetime(2016, 2, 23, 14, 57, 50, 904000, tzinfo=UTC)
    assert message.text.startswith("MSG test file")


def test_msg_passed_when_sender_rejected() -> None:
    path = require_fixtures("outlook_msg") / "mailparser_mail_outlook_1.msg"
    _, _, passed = split(read_path(path, accept=lambda s: False))
    assert [p.sender for p in passed] == ["NueblingV@w-vwa.de"]


def test_pst_is_recognised_and_explained() -> None:
    path = require_fixtures("pst") / "javalibpst_dist-list.pst"
    messages, problems, _ = split(read_path(path))
    assert detect(path) == "pst" and not messages
    assert len(problems) == 1 and ".mbox" in problems[0].reason
