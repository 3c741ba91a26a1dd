"""Google Voice in Google Takeout: one HTML page per conversation or call (Voice/Calls/).

Text pages (class ``hChatLog``) hold messages; call pages (class ``haudio``) are a
missed, received, placed call or a voicemail with its transcript and audio file. The
number comes from the page's ``tel:`` link, or from the file name where the page lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import aware, canonical_json, record_id
from nocontact.readers.htmltree import Node, parse_html
from nocontact.readers.json_common import media
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

NAME = "google_voice"
MAX_PAGE = 256 * 1024 * 1024
_FILE = re.compile(r"^(?P<who>.*?) - (?P<kind>[A-Za-z ]+) - (?P<when>[0-9T_:\-Z]+)$")
_EXTENSIONS = ("", ".jpg", ".jpeg", ".png", ".gif", ".mp3", ".amr", ".mp4", ".3gp", ".vcf")
_PHONE = re.compile(r"^\+?[\d ()\-]{3,}$")
_CALL_KINDS = {
    "missed": ("missed_call", Channel.CALL, "in", "Missed call"),
    "received": ("call", Channel.CALL, "in", "Incoming call"),
    "placed": ("call", Channel.CALL, "out", "Outgoing call"),
    "voicemail": ("voicemail", Channel.VOICEMAIL, "in", "Voicemail"),
    "recorded": ("call", Channel.CALL, "in", "Recorded call"),
}


def sniff(head: bytes) -> bool:
    return b'class="hChatLog' in head or b'class="haudio"' in head


def _number(node: Node | None) -> str:
    link = node.find("a", "tel") if node is not None else None
    return link.attrs.get("href", "").removeprefix("tel:").strip() if link is not None else ""


def _when(value: str) -> datetime:
    return aware(datetime.fromisoformat(value.strip()))


def _media(node: Node, base: Path) -> tuple[Attachment, ...]:
    found = []
    for tag, key in (("img", "src"), ("audio", "src"), ("a", "href")):
        for element in node.find_all(tag):
            if (
                tag == "a"
                and "vcard" not in element.classes
                and element.attrs.get("rel") != "enclosure"
            ):
                continue
            uri = element.attrs.get(key, "")
            attachment = next(
                (a for ext in _EXTENSIONS if uri and (a := media(base, uri + ext)) is not None),
                None,
            )
            if attachment is not None and attachment not in found:
                found.append(attachment)
    return tuple(found)


def _others(page: Node, path: Path) -> tuple[str, ...]:
    """The other party of a conversation, for the survivor's own messages."""
    found: list[str] = []
    for cite in page.find_all("cite", "sender"):
        fn = cite.find(cls="fn")
        number = _number(cite)
        if number and not (fn is not None and fn.tag == "abbr") and number not in found:
            found.append(number)
    named = _FILE.match(path.stem)
    if not found and named and named["who"] != "Group Conversation":
        found.append(named["who"].strip())
    return tuple(found)


def _texts(page: Node, path: Path, accept: Accept | None) -> Iterator[ReadItem]:
    others = _others(page, path)
    for number, message in enumerate(page.find_all("div", "message"), start=1):
        try:
            cite = message.find("cite", "sender")
            sender = _number(cite)
            name_node = cite.find(cls="fn") if cite is not None else None
            name = name_node.text().strip() if name_node is not None else ""
            out = name_node is not None and name_node.tag == "abbr" and name == "Me"
            stamp = message.find("abbr", "dt")
            quote = message.find("q")
            text = quote.text().strip() if quote is not None else ""
            if stamp is None:
                raise ValueError("no time")
            when = stamp.attrs.get("title", "")
            key = canonical_json([sender, when, text])
            counterpart = next((o for o in others if accepts(accept, o)), "") if out else sender
            if not accepts(accept, counterpart):
                yield Passed(counterpart)
                continue
            yield RawMessage(
                channel=Channel.SMS,
                sender="" if out else sender,
                sent_at=_when(when),
                text=text,
                source_id=record_id(NAME, key),
                original=canonical_json(
                    {"sender": sender, "name": name, "time": when, "text": text}
                ),
                format=NAME,
                recipients=others if out else (),
                sender_name="" if out else name,
                direction="out" if out else "in",
                attachments=_media(message, path.parent),
            )
        except ValueError as exc:
            yield ReadProblem(str(path), f"message {number}", f"unreadable ({type(exc).__name__})")


def _call(page: Node, path: Path, accept: Accept | None) -> Iterator[ReadItem]:
    named = _FILE.match(path.stem)
    label = (named["kind"] if named else "").strip().lower()
    title_node = page.find("title")
    title = title_node.text().lower() if title_node is not None else ""
    label = label or next((k for k in _CALL_KINDS if k in title), "")
    what, channel, direction, description = _CALL_KINDS.get(
        label, ("call", Channel.CALL, "in", "Call")
    )
    contributor = page.find(cls="contributor")
    number = _number(contributor)
    if not number and named and _PHONE.match(named["who"]):
        number = named["who"].strip()
    fn = contributor.find(cls="fn") if contributor is not None else None
    name = fn.text().strip() if fn is not None else ""
    stamp = page.find("abbr", "published")
    if stamp is None:
        yield ReadProblem(str(path), "page", "call page without a time")
        return
    if not accepts(accept, number):
        yield Passed(number)
        return
    transcript = page.find(cls="full-text")
    text = description
    if transcript is not None and transcript.text().strip():
        text = f"{description}: {transcript.text().strip()}"
    files = _media(page, path.parent)
    if what == "voicemail":
        files = tuple(Attachment(a.filename, a.content_type, a.data) for a in files)
    when = stamp.attrs.get("title", "")
    record = {"number": number, "name": name, "time": when, "kind": label, "text": text}
    yield RawMessage(
        channel=channel,
        sender="" if direction == "out" else number,
        sent_at=_when(when),
        text=text,
        source_id=record_id(NAME, canonical_json([number, when, label])),
        original=canonical_json(record),
        format=NAME,
        recipients=(number,) if direction == "out" else (),
        sender_name=name,
        direction=direction,
        attachments=files,
        kind=what,
    )


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    size = path.stat().st_size
    progress(size)
    if size > MAX_PAGE:
        yield ReadProblem(str(path), "byte 0", "page larger than 256 MB was skipped")
        return
    page = parse_html(path.read_bytes().decode("utf-8", "replace"))
    try:
        if page.find(cls="hChatLog") is not None:
            yield from _texts(page, path, accept)
        else:
            yield from _call(page, path, accept)
    except ValueError as exc:
        yield ReadProblem(str(path), "page", f"unreadable page ({type(exc).__name__})")
