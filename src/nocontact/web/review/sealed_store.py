"""What goes inside a sealed body, and the friend's readable view of it.

A body is sealed as one JSON document: subject, text and the original bytes (base64). HTML
e-mail is shown only after nh3 has removed scripts, styles, images and every attribute that
could load something; the page's CSP is a second fence.
"""

from __future__ import annotations

import base64
import email
import json
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

import nh3
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.debug import sensitive_variables

from nocontact.core.message import RawMessage
from nocontact.vault import VaultError, open_sealed, seal

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr",
    "i", "li", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # no img, no style, no form, no media: nothing that fetches or runs


@dataclass(frozen=True)
class OpenedBody:
    subject: str
    text: str
    original: bytes

    def html(self) -> str | None:
        """The e-mail's HTML part, sanitised; None when there is none."""
        if not self.original:
            return None
        try:
            parsed = email.message_from_bytes(self.original, policy=policy.default)
        except (ValueError, LookupError):
            return None
        if not isinstance(parsed, EmailMessage):
            return None
        part = parsed.get_body(preferencelist=("html",))
        if part is None:
            return None
        try:
            raw_html = part.get_content()
        except (LookupError, ValueError):
            return None
        return sanitise_html(str(raw_html))


def sanitise_html(raw_html: str) -> str:
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def body_payload(raw: RawMessage) -> bytes:
    return json.dumps(
        {
            "v": 1,
            "subject": raw.subject,
            "text": raw.text,
            "original": base64.b64encode(raw.original).decode("ascii"),
        }
    ).encode("utf-8")


def seal_body(raw: RawMessage, recipients: list[str]) -> bytes:
    return seal(body_payload(raw), recipients)


def open_body(blob: bytes, secret: str) -> OpenedBody:
    data = json.loads(open_sealed(blob, secret))
    return OpenedBody(
        subject=str(data.get("subject", "")),
        text=str(data.get("text", "")),
        original=base64.b64decode(data.get("original", "")),
    )


def seal_release(text: str, survivor_public: str) -> bytes:
    return seal(text.encode("utf-8"), [survivor_public])


def open_release(blob: bytes, secret: str) -> str:
    return open_sealed(blob, secret).decode("utf-8")


def attachment_response(data: bytes, content_type: str) -> HttpResponse:
    """Audio, video and images play in the page; anything else only as a download, sandboxed."""
    playable = content_type.split("/")[0] in {"audio", "image", "video"}
    response = HttpResponse(data, content_type=content_type if playable else
                            "application/octet-stream")
    response["Content-Disposition"] = "inline" if playable else "attachment"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@sensitive_variables("secret", "data")
def opened_attachment(request: HttpRequest, sealed: bytes, content_type: str) -> HttpResponse:
    """An attachment opened with the key this session holds; 404 when it does not open."""
    from nocontact.web.review.keyring import held_secret

    secret = held_secret(request)
    if secret is None:
        raise Http404
    try:
        data = open_sealed(sealed, secret)
    except VaultError as exc:
        raise Http404 from exc
    return attachment_response(data, content_type)
