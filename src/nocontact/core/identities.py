"""Normalised identities: how one person is recognised across channels.

Phone numbers are parsed to E.164 in the case's default region but never rejected for
looking unassigned: a number the ex really used is evidence. E-mail addresses are folded
to a canonical form (case; Gmail's dots, +tags and googlemail.com).
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from email.utils import parseaddr
from enum import StrEnum

import phonenumbers


class IdentityKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    HANDLE = "handle"
    ALIAS = "alias"


class IdentityError(ValueError):
    """An identity that cannot be understood at all."""


GMAIL_DOMAINS = frozenset({"gmail.com", "googlemail.com"})
_NON_DIGIT = re.compile(r"[^\d+]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Identity:
    kind: IdentityKind
    value: str  # canonical form, used for matching
    written: str  # as the survivor or the source wrote it


def normalise_phone(raw: str, region: str = "US") -> str:
    """E.164 where the number parses; a digits-only form where it does not."""
    text = raw.strip()
    if not text:
        raise IdentityError("empty phone number")
    try:
        parsed = phonenumbers.parse(text, region.upper())
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and (
        phonenumbers.is_possible_number(parsed) or phonenumbers.is_valid_number(parsed)
    ):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    digits = _NON_DIGIT.sub("", text)
    if len(digits.lstrip("+")) < 3:
        raise IdentityError("not a phone number")
    # Short codes and odd numbers still match themselves exactly.
    if parsed is not None:
        return f"+{parsed.country_code}{parsed.national_number}"
    return digits


def normalise_email(raw: str) -> str:
    _name, addr = parseaddr(raw.strip())
    addr = (addr or raw).strip().strip("<>").lower()
    if addr.count("@") != 1:
        raise IdentityError("not an e-mail address")
    local, domain = addr.split("@")
    if not local or "." not in domain:
        raise IdentityError("not an e-mail address")
    domain = domain.rstrip(".")
    if domain in GMAIL_DOMAINS:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def normalise_handle(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip().lstrip("@").casefold()
    if not text:
        raise IdentityError("empty handle")
    return text


def normalise_alias(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(c for c in text if unicodedata.category(c) not in {"Cf", "Cc"})
    text = _SPACES.sub(" ", text).strip().casefold()
    if not text:
        raise IdentityError("empty name")
    return text


def normalise(kind: IdentityKind | str, raw: str, region: str = "US") -> str:
    kind = IdentityKind(kind)
    if kind is IdentityKind.PHONE:
        return normalise_phone(raw, region)
    if kind is IdentityKind.EMAIL:
        return normalise_email(raw)
    if kind is IdentityKind.HANDLE:
        return normalise_handle(raw)
    return normalise_alias(raw)


def candidate_keys(sender: str, region: str = "US") -> list[tuple[IdentityKind, str]]:
    """Every (kind, canonical value) a sender string as written might match."""
    keys: list[tuple[IdentityKind, str]] = []
    text = sender.strip()
    if not text:
        return keys
    name, addr = parseaddr(text)
    if "@" in (addr or ""):
        with suppress(IdentityError):
            keys.append((IdentityKind.EMAIL, normalise_email(addr)))
        if name:
            keys.append((IdentityKind.ALIAS, normalise_alias(name)))
        return keys
    if sum(c.isdigit() for c in text) >= 3 and not any(c.isalpha() for c in text):
        with suppress(IdentityError):
            keys.append((IdentityKind.PHONE, normalise_phone(text, region)))
        return keys
    try:
        keys.append((IdentityKind.HANDLE, normalise_handle(text)))
        keys.append((IdentityKind.ALIAS, normalise_alias(text)))
    except IdentityError:
        pass
    return keys
