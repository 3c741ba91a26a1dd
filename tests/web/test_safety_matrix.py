"""Role × URL × verb across two cases: every pattern in the URLconf, resolved and requested.

Anonymous visitors are sent to sign in; a member asking for a page of the other role is
refused; an object of the other case is never shown and never changed (403/404 or a redirect,
with the other case's rows identical before and after).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from nocontact.ingest import import_paths
from nocontact.web.accounts import archive
from nocontact.web.accounts.api import settings_for
from nocontact.web.accounts.clock import now_dt
from nocontact.web.cases.models import Attachment, Identity, Message, Person

PUBLIC = {"login", "accounts:login_code", "quick_exit", "logout", "review:join"}
MEMBER = {
    "home", "safety", "help_formats", "accounts:overview", "accounts:leaving", "accounts:confirm",
    "accounts:activity", "accounts:end_others", "accounts:password", "accounts:codes",
    "accounts:notifications", "review:unlock", "review:alerts", "upload", "upload_job",
}
FRIEND = {"review:queue", "review:message", "review:attachment", "review:decide", "review:bulk",
          "review:letter"}
SURVIVOR_PREFIXES = ("challenge:",)
SURVIVOR = {
    "dashboard", "persons", "person", "family_names", "suspect_confirm", "suspect_dismiss",
    "person_rename", "person_merge", "person_identity_remove",
    "accounts:sharing", "accounts:remove_friend", "accounts:download", "accounts:close",
    "review:alert_email", "review:released", "review:released_read",
    "review:released_attachment", "review:invite",
}
NOT_OBJECTS = {"year", "month", "token"}


def patterns(found=None, prefix: str = "", ns: str = "") -> Iterator[tuple[str, str, URLPattern]]:
    for p in found if found is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            inner = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from patterns(p.url_patterns, prefix + str(p.pattern), inner)
        else:
            yield ns + (p.name or ""), prefix + str(p.pattern), p


def allowed(name: str) -> set[str]:
    if name in PUBLIC:
        return {"anonymous", "survivor", "friend"}
    if name in MEMBER:
        return {"survivor", "friend"}
    if name in FRIEND:
        return {"friend"}
    if name in SURVIVOR or name.startswith(SURVIVOR_PREFIXES):
        return {"survivor"}
    raise AssertionError(f"{name}: say which role it serves in tests/web/test_safety_matrix.py")


def mbox(tmp: Path, sender: str, tag: str) -> Path:
    path = tmp / f"{tag}.mbox"
    path.write_text(
        f"From {sender} Mon Nov  2 21:14:00 2026\nFrom: J <{sender}>\nTo: sam@example.net\n"
        f"Subject: s\nDate: Mon, 02 Nov 2026 21:14:00 -0500\nMessage-ID: <{tag}@example.com>\n\n"
        "I know where you are tonight and I am coming over.\n\n"
    )
    return path


def _objects(case, tmp: Path, sender: str, tag: str) -> dict[str, int]:
    from nocontact.web.challenge.models import HooverDate, Reason
    from nocontact.web.uploads.models import UploadJob

    import_paths(case, [mbox(tmp, sender, tag)])
    message = Message.objects.filter(case=case).first()
    assert message is not None, "a message was imported"
    attachment = Attachment.objects.create(
        case=case, message=message, filename="a.bin", content_type="application/octet-stream",
        size=1, data=b"sealed",
    )
    return {
        "person": Person.objects.filter(case=case).first().pk,
        "identity": Identity.objects.filter(case=case).first().pk,
        "message": message.pk,
        "attachment": attachment.pk,
        "reason": Reason.objects.create(case=case, text="mine").pk,
        "date": HooverDate.objects.create(case=case, kind="birthday", month=5, day=1).pk,
        "upload": UploadJob.objects.create(case=case, display_name="x.mbox").pk,
    }


def object_for(route: str, arg: str, ids: dict[str, int]) -> int:
    if arg == "identity_pk":
        return ids["identity"]
    if arg == "aid":
        return ids["attachment"]
    for marker, kind in (("people/", "person"), ("queue/", "message"), ("reasons/", "reason"),
                         ("dates/", "date"), ("add/", "upload")):
        if route.startswith(marker) or f"/{marker}" in route:
            return ids[kind]
    raise AssertionError(f"{route}: which object does <{arg}> name?")


def build(route: str, pattern: URLPattern, ids: dict[str, int]) -> str:
    url = "/" + route
    for arg in pattern.pattern.converters:
        if arg in NOT_OBJECTS:
            value = {"year": "2026", "month": "11", "token": "t" * 43}[arg]
        else:
            value = str(object_for(route, arg, ids))
        url = re.sub(rf"<(?:\w+:)?{arg}>", value, url)
    assert "<" not in url, url
    return url


def member(user) -> Client:
    found = settings_for(user)
    found.exit_explained_at = now_dt()
    found.save()
    client = Client()
    client.force_login(user)
    return client


def snapshot(case) -> list[tuple[str, str, int]]:
    return list(archive._records(case))


@pytest.fixture
def world(personas, other_case, tmp_path):
    from tests.conftest import EX_EMAIL

    ids_a = _objects(personas.case, tmp_path, EX_EMAIL, "a1")
    ids_b = _objects(other_case.case, tmp_path, f"b-{EX_EMAIL}", "b1")
    return personas, other_case, ids_a, ids_b


ENDS_SESSION = {"logout", "quick_exit", "accounts:close", "accounts:remove_friend"}


def test_every_url_is_checked_for_every_role_and_case(world) -> None:
    a, b, ids_a, ids_b = world
    everything = list(patterns())
    assert len(everything) > 40
    problems: list[str] = []
    crossed = 0
    for name, route, pattern in everything:
        roles = allowed(name)
        own_url = build(route, pattern, ids_a)
        other_url = build(route, pattern, ids_b)
        for verb in ("get", "post"):
            if "anonymous" not in roles:
                response = getattr(Client(), verb)(own_url)
                if response.get("Cache-Control") != "no-store":
                    problems.append(f"anonymous {verb} {own_url}: not no-store")
                if response.status_code == 405 and verb == "get":
                    continue  # a form-only address refuses GET before anything else
                if response.status_code != 302 or not response["Location"].startswith("/login/"):
                    problems.append(f"anonymous {verb} {own_url}: {response.status_code}")
            for role in ("survivor", "friend"):
                if name in ENDS_SESSION and role in roles:
                    continue
                client = member(getattr(a, role))
                if role not in roles:
                    response = getattr(client, verb)(own_url)
                    status = response.status_code
                    if response.get("Cache-Control") != "no-store":
                        problems.append(f"{role} {verb} {own_url}: not no-store")
                    if status not in (403, 404, 405):
                        problems.append(f"{role} (wrong role) {verb} {own_url}: {status}")
                    continue
                if own_url == other_url:
                    continue
                crossed += 1
                before = snapshot(b.case)
                response = getattr(client, verb)(other_url)
                status = response.status_code
                if response.get("Cache-Control") != "no-store":
                    problems.append(f"{role} {verb} {other_url}: not no-store")
                if status not in (302, 403, 404, 405):
                    problems.append(f"{role} of case A {verb} {other_url} (case B): {status}")
                if snapshot(b.case) != before:
                    problems.append(f"{role} of case A {verb} {other_url} changed case B")
    assert problems == [], "\n".join(problems)
    assert crossed >= 20, f"only {crossed} requests reached another case's objects"
