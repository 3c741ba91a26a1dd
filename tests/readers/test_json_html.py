from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path

from .conftest import require_fixtures, split


def test_telegram_fixtures() -> None:
    folder = require_fixtures("telegram")
    messages, problems, _ = split(read_path(folder / "chatanalytics_DM_2A_7M.json"))
    assert not problems and len(messages) == 7
    assert messages[0].sent_at.tzinfo is UTC
    assert messages[-1].channel is Channel.CALL and messages[-1].kind == "call"
    assert messages[0].source_id == "telegram:700000000:3644"
    entity, _, _ = split(read_path(folder / "chatminer_single_export.json"))
    assert entity[1].text == "Link:https://telegram.org/"  # entity array flattened
    batch, _, _ = split(read_path(folder / "chatminer_batch_export.json"))
    assert len(batch) == 2 and detect(folder / "chatminer_batch_export.json") == "telegram"
    assert len({m.source_id for m in entity}) == 2  # no ids in the file: content hash


def test_telegram_missed_call_media_and_local_date(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "p.jpg").write_bytes(b"\xff\xd8\xffimg")
    doc = {
        "name": "Ex",
        "type": "personal_chat",
        "id": 5,
        "messages": [
            {"id": 1, "type": "service", "date": "2024-01-01T10:00:00", "actor": "Ex",
             "action": "phone_call", "discard_reason": "missed", "text": ""},
            {"id": 2, "type": "message", "date": "2024-01-01T10:05:00", "from": "Ex",
             "photo": "photos/p.jpg", "text": ""},
        ],
    }  # fmt: skip
    path = tmp_path / "result.json"
    path.write_text(json.dumps(doc))
    messages, problems, _ = split(read_path(path))
    assert not problems
    assert messages[0].kind == "missed_call" and messages[0].channel is Channel.CALL
    assert messages[0].sent_at == datetime(2024, 1, 1, 10, tzinfo=UTC)  # no zone: UTC
    assert messages[1].attachments[0].data == b"\xff\xd8\xffimg"


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"messages": [{"id": 1, "date_unixtime": "1",\n "from": }')
    _, problems, _ = split(read_path(path))
    assert problems[0].position.startswith("line 2") and "malformed" in problems[0].reason


def test_messenger_fixture_and_mojibake_repair(tmp_path: Path) -> None:
    folder = require_fixtures("messenger")
    messages, problems, _ = split(read_path(folder / "chatanalytics_message_1.json"))
    assert not problems and len(messages) == 7 and messages[0].channel is Channel.MESSENGER
    doc = {
        "participants": [{"name": "S\u00c3\u00b8ren"}],
        "messages": [
            {"sender_name": "S\u00c3\u00b8ren", "timestamp_ms": 1700000000000,
             "content": "I\u00e2\u0080\u0099m here \u00f0\u009f\u0098\u0080"},
            {"sender_name": "S\u00c3\u00b8ren", "timestamp_ms": 1700000001000,
             "content": "You missed a call", "call_duration": 0, "type": "Call"},
        ],
    }  # fmt: skip
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(doc))
    messages, _, _ = split(read_path(path))
    assert messages[0].sender == "Søren" and messages[0].text == "I\u2019m here \U0001f600"
    assert messages[1].kind == "missed_call"


def test_new_messenger_layout_is_not_rewritten(tmp_path: Path) -> None:
    doc = {
        "participants": ["Søren", "Me"],
        "threadName": "Søren",
        "messages": [{"senderName": "Søren", "timestamp": 1700000000000, "text": "Ã© stays",
                      "type": "text", "media": [], "isUnsent": False}],
    }  # fmt: skip
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(doc))
    (message,), _, _ = split(read_path(path))
    assert message.text == "Ã© stays" and message.sender == "Søren"


def test_instagram_fixture_is_told_apart_by_its_folder() -> None:
    path = require_fixtures("instagram") / "chatminer_message_1.json"
    messages, _, _ = split(read_path(path))
    assert detect(path) == "instagram"
    assert [m.channel for m in messages] == [Channel.INSTAGRAM] * 2


def test_google_voice_takeout_folder() -> None:
    folder = require_fixtures("google_voice") / "Takeout"
    messages, problems, _ = split(read_path(folder))
    assert not problems and len(messages) == 13
    kinds = sorted(m.kind for m in messages if m.channel is not Channel.SMS)
    assert kinds == ["call", "missed_call", "voicemail"]
    voicemail = next(m for m in messages if m.kind == "voicemail")
    assert voicemail.channel is Channel.VOICEMAIL and "sitting out in front" in voicemail.text
    group = [m for m in messages if m.sender == "+17323211313"]
    assert len(group) == 2 and group[0].sender_name == "Rosalind E Franklin"
    mine = [m for m in messages if m.direction == "out"]
    assert all(m.sender == "" for m in mine)


def test_google_voice_audio_and_number_from_file_name(tmp_path: Path) -> None:
    source = require_fixtures("google_voice") / "Takeout" / "Voice" / "Calls"
    name = "Edson Arantes do Nascimento - Voicemail - 2016-05-01T00_16_43Z"
    shutil.copy(source / f"{name}.html", tmp_path / f"{name}.html")
    (tmp_path / f"{name}.mp3").write_bytes(b"ID3 audio")
    (message,), _, _ = split(read_path(tmp_path / f"{name}.html"))
    assert message.attachments[0].data == b"ID3 audio"
    missed = "+17323215555 - Missed - 2016-11-22T17_57_49Z.html"
    page = (source / missed).read_text().replace('href="tel:+17323215555"', 'href=""')
    (tmp_path / missed).write_text(page)
    (call,), _, _ = split(read_path(tmp_path / missed))
    assert call.sender == "+17323215555" and call.kind == "missed_call"
