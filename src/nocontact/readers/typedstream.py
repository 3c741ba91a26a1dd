"""The text of an iMessage ``attributedBody`` (an NSAttributedString in Apple's typedstream).

Only the string is needed: after the NSString class, the first ``+`` (C string) value holds
the UTF-8 text. Lengths under 0x80 take one byte; 0x81 prefixes a 2-byte and 0x82 a
4-byte little-endian length.
"""

from __future__ import annotations

_HEADER = b"streamtyped"
_STRING_VALUE = b"\x84\x01+"
_CLASSES = (b"NSString", b"NSMutableString")


def attributed_text(blob: bytes | None) -> str | None:
    if not blob or _HEADER not in blob[:16]:
        return None
    start = max(blob.find(name) for name in _CLASSES)
    if start < 0:
        return None
    at = blob.find(_STRING_VALUE, start)
    if at < 0:
        return None
    at += len(_STRING_VALUE)
    if at >= len(blob):
        return None
    size, at = blob[at], at + 1
    if size == 0x81:
        size, at = int.from_bytes(blob[at : at + 2], "little"), at + 2
    elif size == 0x82:
        size, at = int.from_bytes(blob[at : at + 4], "little"), at + 4
    if at + size > len(blob):
        return None
    return blob[at : at + size].decode("utf-8", "replace")
