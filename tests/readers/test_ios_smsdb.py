from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path
from nocontact.readers.typedstream import attributed_text

from .conftest import require_fixtures, split


def test_synthetic_sms_db_matches_its_expect_file() -> None:
    folder = require_fixtures("ios_smsdb")
    expect = json.loads((folder / "synthetic_ios13_sms.expect.json").read_text())
    path = folder / expect["input"].split("/", 1)[1]
    assert detect(path) == "ios_smsdb"
    messages, problems, _ = split(read_path(path))
    received = [m for m in messages if m.direction == "in"]
    owner = [m for m in messages if m.direction == "out"]
    assert not problems
    assert len(received) == expect["received_messages"] == expect["messages"]
    assert len(owner) == expect["owner_messages"] and owner[0].sender == ""
    assert sorted({m.sender for m in received}) == expect["senders"]
    assert received[0].sent_at == datetime.fromisoformat(expect["first"]["sent_at"])
    assert expect["first"]["text_contains"] in received[0].text
    assert received[-1].sent_at == datetime.fromisoformat(expect["last"]["sent_at"])
    assert expect["last"]["text_contains"] in received[-1].text
    texts = {m.text for m in received}
    assert all(t in texts for t in expect["attributed_body_texts"])
    assert not any(m.text.startswith("Loved") for m in messages)  # tapback left out
    assert {m.channel for m in received} == {Channel.SMS, Channel.IMESSAGE}


def test_typedstream_fixtures() -> None:
    folder = require_fixtures("ios_smsdb")
    read = {p.name: attributed_text(p.read_bytes()) for p in folder.glob("streamtyped_*.bin")}
    assert read["streamtyped_AttributedBodyTextOnly.bin"] == "Noter test"
    assert read["streamtyped_URL.bin"] == "https://github.com/ReagentX/Logria"
    assert read["streamtyped_WeirdText.bin"] == "𝖍𝖊𝖑𝖑𝖔 𝖜𝖔𝖗𝖑𝖉"
    assert attributed_text(b"streamtyped\x00 cut") is None and attributed_text(None) is None


def test_old_database_with_dates_in_seconds_and_the_file_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "sms.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT);"
            "CREATE TABLE message (ROWID INTEGER PRIMARY KEY, guid TEXT, text TEXT,"
            " attributedBody BLOB, handle_id INTEGER, date INTEGER, is_from_me INTEGER,"
            " service TEXT, subject TEXT, cache_has_attachments INTEGER,"
            " associated_message_type INTEGER);"
            "INSERT INTO handle VALUES (1, '+15550001111');"
            "INSERT INTO message VALUES (1, 'g1', 'hello', NULL, 1, 400000000, 0, 'SMS',"
            " NULL, 0, 0);"
        )
    before = path.read_bytes()
    (message,), problems, _ = split(read_path(path))
    assert message.sent_at == datetime(2013, 9, 4, 15, 6, 40, tzinfo=UTC) and not problems
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["sms.db"]


def test_group_message_sent_by_the_survivor_names_the_chat_members(tmp_path: Path) -> None:
    path = tmp_path / "sms.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT);"
            "CREATE TABLE message (ROWID INTEGER PRIMARY KEY, guid TEXT, text TEXT,"
            " attributedBody BLOB, handle_id INTEGER, date INTEGER, is_from_me INTEGER,"
            " service TEXT, subject TEXT, cache_has_attachments INTEGER,"
            " associated_message_type INTEGER);"
            "CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER);"
            "CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);"
            "INSERT INTO handle VALUES (1, '+15550001111'), (2, 'ex@example.org');"
            "INSERT INTO message VALUES (1, 'g1', 'to all', NULL, 0, 7e17, 1, 'iMessage',"
            " NULL, 0, 0);"
            "INSERT INTO chat_message_join VALUES (9, 1);"
            "INSERT INTO chat_handle_join VALUES (9, 1), (9, 2);"
        )
    (message,), _, _ = split(read_path(path))
    assert message.direction == "out" and message.sender == ""
    assert sorted(message.recipients) == ["+15550001111", "ex@example.org"]
    assert split(read_path(path, accept=lambda s: s == "ex@example.org"))[0] == [message]
    assert split(read_path(path, accept=lambda s: False))[2][0].sender == "+15550001111"
