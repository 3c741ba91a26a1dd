"""Bad input across readers: oversize records, mixed encodings, odd dates, privacy, cleanup."""

from __future__ import annotations

import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nocontact.readers import mbox, read_path, sms_xml
from nocontact.readers.common import suspect_date

from .conftest import mbox_message, sms_file, sms_record, split

SECRET = "SECRETMARKER"


def test_oversized_mbox_message_is_skipped_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mbox, "CHUNK", 4096)
    monkeypatch.setattr(mbox, "MAX_MESSAGE", 20_000)
    huge = mbox_message(2, body="x" * 60 + ("y" * 70 + "\n") * 600)
    path = tmp_path / "big.mbox"
    path.write_text(mbox_message(1) + huge + mbox_message(3))
    messages, problems, _ = split(read_path(path))
    assert [m.subject for m in messages] == ["note 1", "note 3"]
    assert len(problems) == 1 and "larger than" in problems[0].reason


def test_oversized_sms_record_is_skipped_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sms_xml, "CHUNK", 4096)
    monkeypatch.setattr(sms_xml, "MAX_RECORD", 20_000)
    path = tmp_path / "big.xml"
    big = '<mms date="1" msg_box="1"><parts><part ct="image/jpeg" data="' + "A" * 50_000
    path.write_text(sms_file([sms_record(1), big + '"/></parts></mms>\n', sms_record(2)]))
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 2 and problems and "larger than" in problems[0].reason


def test_mbox_with_mixed_encodings(tmp_path: Path) -> None:
    latin = mbox_message(1).replace("charset=utf-8", "charset=iso-8859-1").encode()
    latin = latin.replace(b"Message number 1.", "Caf\u00e9 cr\u00e8me".encode("latin-1"))
    unlabelled = mbox_message(2).replace("Content-Type: text/plain; charset=utf-8\n", "")
    raw8 = unlabelled.replace("Message number 2.", "na\u00efve \u2014 \U0001f600").encode()
    wrong = mbox_message(3).replace("charset=utf-8", "charset=x-no-such-charset").encode()
    wrong = wrong.replace(b"Message number 3.", b"bad \xff\xfe bytes")
    path = tmp_path / "mixed.mbox"
    path.write_bytes(latin + raw8 + wrong)
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 3 and not problems
    assert messages[0].text.startswith("Café crème")
    assert messages[1].text.startswith("naïve — \U0001f600")
    assert messages[2].text.startswith("bad ")


def test_binary_garbage_between_messages_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "mail.mbox"
    path.write_bytes(
        mbox_message(1).encode() + b"\x00\xff\x00" * 100 + b"\n" + mbox_message(2).encode()
    )
    messages, _, _ = split(read_path(path))
    assert [m.subject for m in messages] == ["note 1", "note 2"]


def test_sms_dates_at_epoch_and_far_future_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    records = [sms_record(1).replace('date="1700000001000"', 'date="0"'),
               sms_record(2).replace('date="1700000002000"', 'date="4102444800000"')]  # fmt: skip
    path.write_text(sms_file(records))
    messages, problems, _ = split(read_path(path))
    assert [m.sent_at.year for m in messages] == [1970, 2100] and not problems
    assert all(suspect_date(m.sent_at) for m in messages)
    assert not suspect_date(datetime(2024, 1, 1, tzinfo=UTC))


def test_problem_reports_never_carry_message_content(tmp_path: Path) -> None:
    cases = {
        "cut.mbox": (mbox_message(1) + mbox_message(2, body=SECRET))[:-40],
        "head.mbox": mbox_message(1) + f"From x Mon Jan  1 10:00:00 2024\nSubject: {SECRET}",
        "bad.xml": sms_file([f'<sms address="{SECRET}" date="{SECRET}" body="{SECRET}" />\n'])[
            :-20
        ],
        "chat.txt": f"31/02/21, 10:00 - {SECRET}: {SECRET}\n",
        "result.json": '{"messages": [{"id": 1, "date_unixtime": "x", "from": "' + SECRET + '"}',
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
    _, problems, _ = split(read_path(tmp_path))
    assert len(problems) >= len(cases)
    for problem in problems:
        assert SECRET not in problem.reason and SECRET not in problem.position


def test_zip_temporary_files_are_removed_even_when_reading_stops_early(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.mbox", "".join(mbox_message(i) for i in range(5)))
    before = set(Path(tempfile.gettempdir()).glob("nocontact-zip-*"))
    items = read_path(archive)
    next(items)
    assert len(set(Path(tempfile.gettempdir()).glob("nocontact-zip-*")) - before) == 1
    items.close()
    assert set(Path(tempfile.gettempdir()).glob("nocontact-zip-*")) - before == set()
