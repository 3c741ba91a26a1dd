from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path

from .conftest import require_fixtures, split

IOS = (
    "[03/02/2024, 9:05:01\u202fPM] Sam: first line\n"
    "second line\n"
    "\u200e[03/02/2024, 9:06:00\u202fPM] Sam: \u200e<attached: 00000012-PHOTO-2024-02-03.jpg>\n"
    "[14/02/2024, 10:00:00\u202fAM] Me: \u200eimage omitted\n"
)


@pytest.mark.parametrize(
    "name",
    [
        "chatminer_test_ddmmyy_24hrs.txt",
        "chatminer_test_mmddyy_24hrs.txt",
        "chatminer_test_mmddyyyy_12hrs.txt",
        "chatminer_test_yyyymmdd_24hrs.txt",
        "chatminer_test_[mmddyy]_24hrs.txt",
    ],
)
def test_chatminer_fixtures_agree_whatever_the_locale(name: str) -> None:
    path = require_fixtures("whatsapp") / name
    messages, problems, _ = split(read_path(path))
    assert detect(path) == "whatsapp" and not problems
    assert [m.sent_at for m in messages[:3]] == [
        datetime(2019, 1, 1, 11, 25, tzinfo=UTC),
        datetime(2019, 1, 20, 11, 23, tzinfo=UTC),
        datetime(2019, 1, 30, 20, 49, tzinfo=UTC),
    ]
    assert messages[1].text == "."
    assert messages[2].text.endswith("consectetur adipiscing elit. Duis libero.")
    assert len(messages) == 7  # the two system lines have no sender
    assert all(m.channel is Channel.WHATSAPP for m in messages)


def test_chat_analytics_fixtures() -> None:
    folder = require_fixtures("whatsapp")
    five, _, _ = split(read_path(folder / "chatanalytics_2A_5M.txt"))
    eleven, _, _ = split(read_path(folder / "chatanalytics_4A_11M.txt"))
    assert len(five) == 5 and len(eleven) == 11
    assert five[3].text == "[media omitted]"


def test_ios_export_zip_with_media_marks_and_narrow_spaces(tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Sam.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("_chat.txt", IOS)
        zf.writestr("00000012-PHOTO-2024-02-03.jpg", b"\xff\xd8\xffphoto")
    messages, problems, _ = split(read_path(archive))
    assert not problems and len(messages) == 3
    assert messages[0].text == "first line\nsecond line"
    assert messages[0].sent_at == datetime(2024, 2, 3, 21, 5, 1, tzinfo=UTC)  # day first (14/02)
    assert messages[1].attachments[0].data == b"\xff\xd8\xffphoto"
    assert messages[2].text == "[media omitted]" and messages[2].sender == "Me"


def test_identical_messages_in_the_same_minute_get_distinct_stable_ids(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("1/2/21, 10:00 - A: ok\n1/2/21, 10:00 - A: ok\n13/2/21, 10:00 - A: ok\n")
    first, _, _ = split(read_path(path))
    again, _, _ = split(read_path(path))
    ids = [m.source_id for m in first]
    assert len(set(ids)) == 3 and ids == [m.source_id for m in again]


def test_ambiguous_dates_follow_the_order_that_runs_forward(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("3/1/21, 10:00 - A: one\n3/2/21, 10:00 - A: two\n4/1/21, 10:00 - A: three\n")
    messages, _, _ = split(read_path(path))
    assert [m.sent_at.month for m in messages] == [3, 3, 4]  # month first runs forward


def test_impossible_date_is_a_problem_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("31/01/21, 10:00 - A: one\n31/02/21, 10:00 - A: two\n")
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 1 and problems[0].position == "line 2"


def test_accept_passes_others(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("1/2/21, 10:00 - Ex: hi\n1/2/21, 10:01 - Friend: yo\n")
    messages, _, passed = split(read_path(path, accept=lambda s: s == "Ex"))
    assert [m.sender for m in messages] == ["Ex"] and [p.sender for p in passed] == ["Friend"]


def test_signal_text_export() -> None:
    path = require_fixtures("signal") / "chatminer_signal-export.txt"
    messages, problems, _ = split(read_path(path))
    assert detect(path) == "signal" and not problems
    assert [m.channel for m in messages] == [Channel.SIGNAL] * 2
    assert messages[1].text == "Hello\nJane!"
