from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path
from nocontact.readers import mbox as mbox_reader

from .conftest import mbox_message, require_fixtures, split


def test_eml_fixtures_read_with_sender_date_and_text() -> None:
    folder = require_fixtures("email")
    messages, problems, passed = split(read_path(folder))
    assert len(messages) == 5 and not passed
    assert all(m.channel is Channel.EMAIL and m.sent_at.tzinfo for m in messages)
    by_sender = {m.sender: m for m in messages}
    chinese = by_sender["baoguan@hotmail.com"]
    assert chinese.text.startswith("你好")  # UTF-8 bytes under a wrong GB2312 label
    assert chinese.sender_name  # RFC 2047 display name decoded
    with_file = by_sender["Oneil.844@randtelekom.com.tr"]
    assert len(with_file.attachments) == 1 and with_file.attachments[0].data
    assert by_sender["notificaccion-clientes@bbva.mx"].text == "Test"  # HTML fallback
    # Two fixtures lack a closing MIME boundary: kept, and flagged with a position.
    assert len(problems) == 2 and all(p.position == "message 1" for p in problems)


def test_eml_original_is_the_message_bytes_and_ids_are_stable() -> None:
    folder = require_fixtures("email")
    path = folder / "mailparser_mail_test_3.eml"
    first, _, _ = split(read_path(path))
    again, _, _ = split(read_path(path))
    assert first[0].original == path.read_bytes()
    assert [m.source_id for m in first] == [m.source_id for m in again]
    assert detect(path) == "eml"


def test_mbox_reads_every_message_and_unescapes_from(tmp_path: Path) -> None:
    path = tmp_path / "mail.mbox"
    path.write_text("".join(mbox_message(i) for i in range(30)))
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 30 and not problems
    assert messages[0].text.splitlines()[1] == "From the start, as always."
    assert messages[5].sent_at == datetime(2024, 1, 1, 9, 5, tzinfo=UTC)
    assert len({m.source_id for m in messages}) == 30
    assert detect(path) == "mbox"


def test_mbox_matches_stdlib_on_message_count_and_subjects(tmp_path: Path) -> None:
    path = tmp_path / "mail.mbox"
    path.write_text("".join(mbox_message(i) for i in range(50)))
    ours, _, _ = split(read_path(path))
    theirs = [m["subject"] for m in mailbox.mbox(str(path))]
    assert [m.subject for m in ours] == theirs


def test_mbox_chunk_boundaries_do_not_split_or_lose_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mbox_reader, "CHUNK", 97)
    path = tmp_path / "mail.mbox"
    path.write_text("".join(mbox_message(i) for i in range(40)))
    messages, problems, _ = split(read_path(path))
    assert [m.subject for m in messages] == [f"note {i}" for i in range(40)]
    assert not problems


def test_accept_false_passes_every_message_without_decoding_a_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a body was decoded for a rejected sender")

    monkeypatch.setattr(mbox_reader, "parse_email", forbidden)
    path = tmp_path / "mail.mbox"
    path.write_text("".join(mbox_message(i) for i in range(10)))
    messages, problems, passed = split(read_path(path, accept=lambda s: False))
    assert not messages and not problems
    assert [p.sender for p in passed] == ["ex@example.org"] * 10


def test_accept_selects_by_sender(tmp_path: Path) -> None:
    path = tmp_path / "mail.mbox"
    mix = [
        mbox_message(i, "ex@example.org" if i % 5 == 0 else f"x{i}@other.org") for i in range(20)
    ]
    path.write_text("".join(mix))
    messages, _, passed = split(read_path(path, accept=lambda s: s == "ex@example.org"))
    assert len(messages) == 4 and len(passed) == 16


def test_truncated_mbox_keeps_the_rest_and_names_the_position(tmp_path: Path) -> None:
    whole = "".join(mbox_message(i) for i in range(5))
    path = tmp_path / "cut.mbox"
    cut = whole.rindex("Subject: note 4")
    path.write_text(whole[:cut])
    messages, problems, _ = split(read_path(path))
    assert [m.subject for m in messages] == [f"note {i}" for i in range(4)]
    assert len(problems) == 1
    assert problems[0].file == str(path) and problems[0].position.startswith("message 5, byte ")
    assert "truncated" in problems[0].reason


def test_mbox_cut_inside_body_is_kept_and_flagged(tmp_path: Path) -> None:
    whole = "".join(mbox_message(i) for i in range(3))
    path = tmp_path / "cut.mbox"
    path.write_text(whole[:-12])
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 3 and len(problems) == 1
    assert "cut" in problems[0].reason and problems[0].position.startswith("message 3")


def test_duplicate_message_ids_with_different_bodies_are_both_kept(tmp_path: Path) -> None:
    one = mbox_message(1, body="first body")
    two = mbox_message(1, body="second body")
    same = mbox_message(1, body="first body")
    path = tmp_path / "dup.mbox"
    path.write_text(one + two + same)
    messages, _, _ = split(read_path(path))
    ids = [m.source_id for m in messages]
    assert ids[0] != ids[1] and ids[0] == ids[2]


def test_dates_before_1990_and_in_the_future_are_kept_as_written(tmp_path: Path) -> None:
    old = mbox_message(1).replace("Mon, 1 Jan 2024", "Thu, 1 Jan 1970")
    future = mbox_message(2).replace("Mon, 1 Jan 2024", "Fri, 1 Jan 2100")
    path = tmp_path / "dates.mbox"
    path.write_text(old + future)
    messages, problems, _ = split(read_path(path))
    assert [m.sent_at.year for m in messages] == [1970, 2100] and not problems


def test_gmail_sent_label_marks_direction_out(tmp_path: Path) -> None:
    message = mbox_message(1).replace("Subject:", "X-Gmail-Labels: Sent,Opened\nSubject:")
    path = tmp_path / "gmail.mbox"
    path.write_text(message + mbox_message(2))
    messages, _, _ = split(read_path(path))
    assert [m.direction for m in messages] == ["out", "in"]


def test_html_only_mail_becomes_text_and_attachment_is_kept(tmp_path: Path) -> None:
    raw = (
        "From: a@b.org\nTo: c@d.org\nSubject: s\nDate: Tue, 2 Jan 2024 10:00:00 +0000\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="XX"\n\n'
        "--XX\nContent-Type: text/html; charset=utf-8\n\n"
        "<p>Hello <b>there</b></p><script>x()</script>\n"
        "--XX\nContent-Type: application/pdf\n"
        'Content-Disposition: attachment; filename="../a.pdf"\n'
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n--XX--\n"
    )
    path = tmp_path / "one.eml"
    path.write_text(raw)
    (message,), problems, _ = split(read_path(path))
    assert message.text == "Hello there" and not problems
    assert message.attachments[0].filename == "a.pdf"
    assert message.attachments[0].data.startswith(b"%PDF")


def test_maildir_reads_cur_and_new_and_skips_tmp(tmp_path: Path) -> None:
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "cur" / "1.host:2,S").write_text(mbox_message(1).split("\n", 1)[1])
    (tmp_path / "new" / "2.host").write_text(mbox_message(2).split("\n", 1)[1])
    (tmp_path / "tmp" / "3.host").write_text(mbox_message(3).split("\n", 1)[1])
    messages, problems, _ = split(read_path(tmp_path))
    assert sorted(m.subject for m in messages) == ["note 1", "note 2"] and not problems
    assert {m.format for m in messages} == {"maildir"}
    assert detect(tmp_path) == "maildir"


def test_crlf_mbox_as_some_takeouts_write_it(tmp_path: Path) -> None:
    path = tmp_path / "crlf.mbox"
    path.write_bytes("".join(mbox_message(i) for i in range(4)).replace("\n", "\r\n").encode())
    messages, problems, _ = split(read_path(path))
    assert [m.subject for m in messages] == [f"note {i}" for i in range(4)] and not problems
    assert messages[0].text.startswith("Message number 0.")
    assert not messages[0].original.endswith(b"\r\n\r\n\r\n")
