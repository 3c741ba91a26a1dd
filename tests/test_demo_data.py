"""The demo's synthetic case: realistic exports that follow the method's escalation."""

from __future__ import annotations

import json
import mailbox
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from nocontact.core.message import RawMessage
from nocontact.core.taxonomy import Category, Tactic
from nocontact.demo_data import LABELS_NAME, ZONE, DemoCase, write_demo_exports
from nocontact.readers import read_path

TODAY = date(2026, 11, 25)
SURROGATE_PAIR = re.compile(r"&#(\d+);&#(\d+);")


def _join_surrogates(text: str) -> str:
    def join(m: re.Match[str]) -> str:
        high, low = int(m[1]), int(m[2])
        assert 0xD800 <= high < 0xDC00 and 0xDC00 <= low < 0xE000
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))

    return SURROGATE_PAIR.sub(join, text)


def _xml(path: Path) -> ET.Element:
    return ET.fromstring(_join_surrogates(path.read_text(encoding="utf-8")).encode())


def _labels(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / LABELS_NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoCase]:
    folder = tmp_path_factory.mktemp("demo")
    return folder, write_demo_exports(folder, TODAY)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_day_and_seed_give_identical_files_and_another_seed_does_not(
    tmp_path: Path,
) -> None:
    first = write_demo_exports(tmp_path / "a", TODAY)
    second = write_demo_exports(tmp_path / "b", TODAY)
    write_demo_exports(tmp_path / "c", TODAY, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert first.last_contact == second.last_contact
    assert [p.name for p in first.files] == ["demo-mail.mbox", "demo-sms.xml", "demo-calls.xml"]


def test_mbox_holds_every_scripted_mail_and_three_ordinary_ones(
    demo: tuple[Path, DemoCase],
) -> None:
    folder, case = demo
    mail_labels = {row["id"] for row in _labels(folder) if row["channel"] == "email"}
    box = mailbox.mbox(folder / "demo-mail.mbox")
    messages = list(box)
    assert len(messages) == len(mail_labels) + 3
    assert {m["Message-ID"] for m in messages} >= mail_labels
    known = {a for p in case.persons for a in p.emails}
    others = {parseaddr(m["From"])[1] for m in messages} - known
    assert len(others) == 3  # newsletter, colleague, dentist: screening must drop them
    for m in messages:
        assert m.get_from().split()[0] == parseaddr(m["From"])[1]
        assert parsedate_to_datetime(m["Date"]).utcoffset() is not None
        assert parseaddr(m["To"])[1] == case.survivor_email
        assert m["Subject"]
    types = [[part.get_content_type() for part in m.walk()] for m in messages]
    assert sum(1 for t in types if t[0] == "multipart/mixed") >= 2
    html = [m for m, t in zip(messages, types) if "text/html" in t]
    assert len(html) == 1
    payload = html[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    assert 'src="https://img.example.net/' in payload.decode()


def test_mbox_escapes_body_lines_that_start_with_from(demo: tuple[Path, DemoCase]) -> None:
    raw = (demo[0] / "demo-mail.mbox").read_bytes()
    separators = re.findall(rb"(?m)^From \S+@\S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$", raw)
    assert len(separators) == len(re.findall(rb"(?m)^From ", raw))
    assert re.search(rb"(?m)^>From now on", raw)


def test_sms_backup_is_well_formed_once_surrogate_pairs_are_joined(
    demo: tuple[Path, DemoCase],
) -> None:
    folder, case = demo
    text = (folder / "demo-sms.xml").read_text(encoding="utf-8")
    assert text.startswith("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses ")
    assert "&#55357;&#56874;" in text  # the sleepy-face emoji, written as SB&R writes it
    root = _xml(folder / "demo-sms.xml")
    assert int(root.get("count", "")) == len(root)
    assert root.get("type") == "full" and root.get("backup_set")
    ids = {f"sms:{e.get('date')}:{e.get('address')}" for e in root.iter("sms")}
    ids |= {f"mms:{e.get('date')}:{e.get('address')}" for e in root.iter("mms")}
    texts = [row for row in _labels(folder) if row["channel"] != "email"]
    assert {row["id"] for row in texts} <= ids
    bodies = {e.get("body") for e in root.iter("sms")}
    assert "i cant sleep 😪 havent slept properly since you left" in bodies
    assert "Fine.\nEnjoy it while it lasts." in bodies  # newline kept as &#10;
    phones = {p for person in case.persons for p in person.phones}
    mms = list(root.iter("mms"))
    assert len(mms) >= 2
    for element in mms:
        addrs = {a.get("type"): a.get("address") for a in element.iter("addr")}
        assert addrs["151"] == case.survivor_phone and addrs["137"] in phones
        assert any(p.get("ct") == "text/plain" for p in element.iter("part"))
    strangers = {e.get("address") for e in root.iter("sms")} - phones
    assert len(strangers) == 2  # pharmacy and a friend: screening must drop them


def test_last_contact_is_the_survivors_last_sent_text_and_everything_follows_it(
    demo: tuple[Path, DemoCase],
) -> None:
    folder, case = demo
    root = _xml(folder / "demo-sms.xml")
    sent = [e for e in root.iter("sms") if e.get("type") == "2"]
    assert len(sent) >= 2
    last = max(int(e.get("date", "0")) for e in sent)
    assert datetime.fromtimestamp(last / 1000, tz=ZONE).date() == case.last_contact
    assert (TODAY - case.last_contact).days == 42
    for row in _labels(folder):
        assert datetime.fromisoformat(str(row["sent_at"])).timestamp() * 1000 > last


def test_calls_are_missed_and_blocked_calls_from_the_ex_and_proxy(
    demo: tuple[Path, DemoCase],
) -> None:
    folder, case = demo
    root = _xml(folder / "demo-calls.xml")
    assert root.tag == "calls" and int(root.get("count", "")) == len(root)
    ex_phone = case.persons[0].phones[0]
    kinds = Counter((c.get("number"), c.get("type")) for c in root.iter("call"))
    assert kinds[(ex_phone, "3")] > 0 and kinds[(ex_phone, "6")] > 0
    assert all(c.get("duration") == "0" for c in root.iter("call"))


def test_labels_carry_one_legal_notice_one_threat_and_valid_taxonomy(
    demo: tuple[Path, DemoCase],
) -> None:
    rows = _labels(demo[0])
    assert 80 <= len(rows) <= 140
    assert len({row["id"] for row in rows}) == len(rows)
    categories = Counter(row["category"] for row in rows)
    assert categories["legal"] == 1
    assert categories["threat"] == 1
    assert categories["logistics"] >= 3
    for row in rows:
        Category(row["category"])
        assert all(Tactic(t) for t in row["tactics"])
        assert row["sender_role"] in {"ex", "proxy"}
    legal = next(row for row in rows if row["category"] == "legal")
    assert re.search(r"\w+day, \w{3} \d+, 2026 at 10:00", str(legal["text"]))
    assert {row["sender_role"] for row in rows} == {"ex", "proxy"}


@pytest.mark.parametrize("seed", [7, 1, 42])
def test_ex_writes_less_and_less_when_ignored(tmp_path: Path, seed: int) -> None:
    case = write_demo_exports(tmp_path, TODAY, seed=seed)
    weeks: Counter[int] = Counter()
    phases: dict[int, Counter[str]] = {}
    for row in _labels(tmp_path):
        if row["sender_role"] != "ex":
            continue
        day = datetime.fromisoformat(str(row["sent_at"])).date()
        week = (day - case.last_contact).days // 7 + 1
        weeks[week] += 1
        phases.setdefault(week, Counter()).update(row["tactics"])
    assert set(weeks) == {1, 2, 3, 4, 5, 6}
    counts = [weeks[w] for w in range(1, 7)]
    assert counts == sorted(counts, reverse=True) and min(counts[:2]) > 3 * counts[5]
    expected = ["intimidation", "provocation", "flattery", "apology", "pity", "pretext"]
    for week, tactic in enumerate(expected, start=1):
        assert phases[week].most_common(1)[0][0] == tactic


def test_every_address_number_and_link_is_fictional(demo: tuple[Path, DemoCase]) -> None:
    domains: set[str] = set()
    numbers: set[str] = set()
    for path in demo[0].iterdir():
        text = _join_surrogates(path.read_text(encoding="utf-8"))
        if path.suffix == ".mbox":  # decoded bodies too, not only the transfer encoding
            parts = [p for m in mailbox.mbox(path) for p in _text_parts(m)]
            text += "\n".join(str(part.get_content()) for part in parts)
        domains |= set(re.findall(r"[\w.+-]+@([\w.-]+\w)", text))
        domains |= set(re.findall(r"https?://([\w.-]+)", text))
        numbers |= set(re.findall(r"\+\d{6,}", text))
    assert len(domains) >= 8 and len(numbers) >= 5
    assert all(re.search(r"(^|\.)example\.(com|org|net)$", d) for d in domains), domains
    assert all(re.fullmatch(r"\+155555501\d\d", n) for n in numbers), numbers


def _text_parts(message: mailbox.mboxMessage) -> list[EmailMessage]:
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    return [p for p in parsed.walk() if p.get_content_maintype() == "text"]


def test_project_readers_read_every_export_and_find_every_labelled_message(
    demo: tuple[Path, DemoCase],
) -> None:
    folder, case = demo
    found: dict[tuple[str, int], list[RawMessage]] = {}
    for path in case.files:
        for record in read_path(path):
            assert isinstance(record, RawMessage), record
            key = (record.sender.lower(), int(record.sent_at.timestamp()))
            found.setdefault(key, []).append(record)
    for row in _labels(folder):
        sent_at = int(datetime.fromisoformat(row["sent_at"]).timestamp())
        matches = found.get((row["sender"].lower(), sent_at), [])
        assert len(matches) == 1, row["id"]
        assert " ".join(row["text"].split()) in " ".join(matches[0].text.split())
