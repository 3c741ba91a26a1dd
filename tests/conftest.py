"""Personas and shared fixtures: a survivor, a trusted friend, an ex and a proxy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import require_shared

SURVIVOR_PASSWORD = "river-lantern-quietly-42"
FRIEND_PASSWORD = "orchard-compass-softly-17"
EX_EMAIL = "jordan.ex@example.com"
EX_EMAIL_2 = "jordan.other@example.net"
EX_PHONE = "+15555550123"
PROXY_EMAIL = "casey.monkey@example.org"
PROXY_PHONE = "+15555550188"


@dataclass
class Personas:
    case: object
    survivor: object
    friend: object
    ex: object
    proxy: object


@pytest.fixture
def shared_fixtures() -> Path:
    return require_shared("fixtures")


def make_case(prefix: str = "") -> Personas:
    from nocontact.core.identities import IdentityKind
    from nocontact.web.cases.services import Account, add_person, create_case

    case = create_case(
        Account(f"{prefix}survivor", SURVIVOR_PASSWORD), Account(f"{prefix}friend", FRIEND_PASSWORD)
    )
    ex = add_person(
        case,
        "ex",
        "Jordan",
        [
            (IdentityKind.EMAIL, EX_EMAIL if not prefix else f"{prefix}{EX_EMAIL}"),
            (IdentityKind.EMAIL, EX_EMAIL_2 if not prefix else f"{prefix}{EX_EMAIL_2}"),
            (IdentityKind.PHONE, EX_PHONE),
        ],
    )
    proxy = add_person(
        case,
        "proxy",
        "Casey",
        [(IdentityKind.EMAIL, PROXY_EMAIL), (IdentityKind.PHONE, PROXY_PHONE)],
    )
    members = {m.role: m.user for m in case.members.select_related("user")}
    return Personas(case, members["survivor"], members["friend"], ex, proxy)


@pytest.fixture
def personas(db: None) -> Personas:
    return make_case()


@pytest.fixture
def other_case(db: None) -> Personas:
    return make_case(prefix="b-")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    from tests.helpers import require_tool

    for name in ("chromium", "chromium-browser"):
        import shutil

        found = shutil.which(name)
        if found:
            return found
    return require_tool("chromium")


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def phone_page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()
