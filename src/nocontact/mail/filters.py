"""Blocking rules for the ex's and proxies' addresses and numbers, in four formats.

- a Sieve script (RFC 5228) that files their mail into a folder and stops;
- a Gmail filter XML that labels and archives (never trashes: the mail is evidence);
- a Thunderbird msgFilterRules.dat that moves their mail into a folder;
- a vCard with one contact holding every number, to import and then block on the phone.

Input is untrusted: an address or number is accepted only in a strict shape, and whatever is
refused is reported by position and reason (never by value) and left out. Everything written
into a rule is escaped for its format as well, so even a value that got past the check could
not add a rule of its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

from nocontact.core.identities import IdentityError, normalise_email, normalise_phone

DEFAULT_FOLDER = "Screened"
DEFAULT_CONTACT_NAME = "Blocked numbers"

# RFC 5322 dot-atom local part, minus the characters Gmail's search reads as operators.
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`|~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`|~-]+)*$")
_DOMAIN = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_PHONE_CHARS = re.compile(r"^\+?[0-9 ().\-/]{3,40}$")


class FilterError(ValueError):
    """Blocking rules that cannot be generated (nothing usable, or a bad setting)."""


@dataclass(frozen=True, slots=True)
class Refused:
    kind: str  # "email" or "phone"
    position: int  # 1-based, in the order given
    reason: str


@dataclass(frozen=True, slots=True)
class BlockList:
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    refused: tuple[Refused, ...] = field(default=())


def _clean_email(raw: str) -> tuple[str, ...]:
    text = raw.strip()
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in raw):
        raise IdentityError("contains control characters")
    if text.count("@") != 1:
        raise IdentityError("not a single address")
    local, domain = text.rsplit("@", 1)
    if len(local) > 64 or not _LOCAL.match(local):
        raise IdentityError("the part before @ has characters an address cannot have here")
    if not _DOMAIN.match(domain):
        raise IdentityError("the domain is not a plain domain name")
    written = f"{local}@{domain}".lower()
    canonical = normalise_email(written)
    # Gmail ignores dots and +tags; block both the written and the canonical form.
    return tuple(dict.fromkeys((written, canonical)))


def _clean_phone(raw: str, region: str) -> str:
    text = raw.strip()
    if not _PHONE_CHARS.match(text) or any(ord(c) < 0x20 for c in raw):
        raise IdentityError("only digits, spaces, + ( ) . - / are allowed in a number")
    number = normalise_phone(text, region)
    if not re.fullmatch(r"\+?[0-9]{3,20}", number):
        raise IdentityError("not a phone number")
    return number


def build_block_list(
    emails: Iterable[str] = (), phones: Iterable[str] = (), region: str = "US"
) -> BlockList:
    """Check and normalise addresses and numbers; refuse the rest one by one."""
    good_emails: dict[str, None] = {}
    good_phones: dict[str, None] = {}
    refused: list[Refused] = []
    for position, raw in enumerate(emails, start=1):
        try:
            good_emails.update(dict.fromkeys(_clean_email(raw)))
        except IdentityError as exc:
            refused.append(Refused("email", position, str(exc)))
    for position, raw in enumerate(phones, start=1):
        try:
            good_phones[_clean_phone(raw, region)] = None
        except IdentityError as exc:
            refused.append(Refused("phone", position, str(exc)))
    return BlockList(tuple(good_emails), tuple(good_phones), tuple(refused))


def _check_name(name: str, what: str) -> str:
    if not name.strip() or any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise FilterError(f"the {what} must be a non-empty single line")
    return name.strip()


def _require_emails(block: BlockList) -> None:
    if not block.emails:
        raise FilterError("no usable e-mail address to block")


# --- Sieve -----------------------------------------------------------------------------------


def sieve_string(value: str) -> str:
    """A Sieve quoted string (RFC 5228 2.4.2): backslash and quote escaped, no line breaks."""
    if any(c in value for c in "\r\n\0"):
        raise FilterError("a Sieve string here must be a single line")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sieve_script(block: BlockList, folder: str = DEFAULT_FOLDER) -> str:
    _require_emails(block)
    folder = _check_name(folder, "folder name")
    addresses = ", ".join(sieve_string(a) for a in block.emails)
    return (
        'require ["fileinto", "mailbox"];\n'
        "\n"
        "# Screened senders: file their mail away, keep it (it is evidence), stop.\n"
        'if address :is :all ["from", "sender", "reply-to", "resent-from"]\n'
        f"    [{addresses}]\n"
        "{\n"
        f"    fileinto :create {sieve_string(folder)};\n"
        "    stop;\n"
        "}\n"
    )


# --- Gmail -----------------------------------------------------------------------------------

_ATOM = "http://www.w3.org/2005/Atom"
_APPS = "http://schemas.google.com/apps/2006"


def gmail_filters_xml(block: BlockList, now: datetime, label: str = DEFAULT_FOLDER) -> str:
    """One filter per address: apply the label, skip the inbox. Never delete."""
    _require_emails(block)
    label = _check_name(label, "label")
    if now.tzinfo is None:
        raise FilterError("the time stamp needs a time zone")
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", _ATOM)
    ET.register_namespace("apps", _APPS)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    ET.SubElement(feed, f"{{{_ATOM}}}title").text = "Mail Filters"
    ET.SubElement(feed, f"{{{_ATOM}}}id").text = "tag:mail.google.com,2008:filters:screened"
    ET.SubElement(feed, f"{{{_ATOM}}}updated").text = stamp
    for number, address in enumerate(block.emails, start=1):
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        ET.SubElement(entry, f"{{{_ATOM}}}category", term="filter")
        ET.SubElement(entry, f"{{{_ATOM}}}title").text = "Mail Filter"
        ET.SubElement(entry, f"{{{_ATOM}}}id").text = f"tag:mail.google.com,2008:filter:{number}"
        ET.SubElement(entry, f"{{{_ATOM}}}updated").text = stamp
        ET.SubElement(entry, f"{{{_ATOM}}}content")
        for name, value in (
            ("from", address),
            ("label", label),
            ("shouldArchive", "true"),
            ("sizeOperator", "s_sl"),
            ("sizeUnit", "s_smb"),
        ):
            ET.SubElement(entry, f"{{{_APPS}}}property", name=name, value=value)
    body = ET.tostring(feed, encoding="unicode")
    return "<?xml version='1.0' encoding='UTF-8'?>\n" + body + "\n"


# --- Thunderbird -----------------------------------------------------------------------------


def _tb_attr(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def thunderbird_rules(
    block: BlockList,
    folder: str = DEFAULT_FOLDER,
    account_uri: str = "mailbox://nobody@Local%20Folders",
) -> str:
    """msgFilterRules.dat: move mail from any listed address into `folder` of `account_uri`."""
    _require_emails(block)
    folder = _check_name(folder, "folder name")
    account_uri = _check_name(account_uri, "account")
    if not re.fullmatch(r"[a-z]+://[A-Za-z0-9%@._~-]+", account_uri):
        raise FilterError("the account must look like mailbox://user@host")
    target = f"{account_uri}/{quote(folder, safe='')}"
    # Accepted addresses hold no quote, comma, parenthesis or space: nothing to break a term.
    condition = " ".join(f"OR (from,is,{a})" for a in block.emails)
    lines = [
        'version="9"',
        'logging="no"',
        f"name={_tb_attr('Screened senders')}",
        'enabled="yes"',
        'type="17"',
        'action="Move to folder"',
        f"actionValue={_tb_attr(target)}",
        f"condition={_tb_attr(condition)}",
    ]
    return "\n".join(lines) + "\n"


# --- vCard -----------------------------------------------------------------------------------


def _vcard_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 6350 3.2: lines longer than 75 octets continue with CRLF and a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def phone_vcard(block: BlockList, name: str = DEFAULT_CONTACT_NAME) -> str:
    """One vCard 3.0 contact with every number: import it, then block that contact."""
    if not block.phones:
        raise FilterError("no usable phone number to block")
    name = _check_name(name, "contact name")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_text(name)}",
        f"N:{_vcard_text(name)};;;;",
    ]
    lines += [f"TEL;TYPE=CELL:{number}" for number in block.phones]
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
