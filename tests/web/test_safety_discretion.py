"""Discretion: addresses, titles and the icon say nothing about what the app is for."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from nocontact.config import Config

REVEALING = re.compile(
    r"abus|victim|violen|surviv|evidence|threat|stalk|nocontact|no-contact|escape|domestic|"
    r"harass|\bex\b|court|police|safety|danger",
    re.IGNORECASE,
)
STATIC = Path(settings.BASE_DIR) / "static" / "nc"


def routes(found=None, prefix: str = "") -> list[str]:
    out: list[str] = []
    for p in found if found is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            out += routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            out.append(prefix + str(p.pattern))
    return out


def test_no_address_names_what_the_app_is_for() -> None:
    found = routes()
    assert len(found) > 20
    bad = [r for r in found if REVEALING.search(re.sub(r"<[^>]+>", "", r))]
    assert bad == []


def test_the_default_title_cookie_names_and_icon_are_plain() -> None:
    assert not REVEALING.search(Config().site_title)
    assert not REVEALING.search(settings.NOCONTACT.site_title)
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        assert not REVEALING.search(name) and "django" not in name
    icon = (STATIC / "favicon.svg").read_text(encoding="utf-8")
    assert "<text" not in icon and "<script" not in icon
    assert not REVEALING.search(icon)


def test_the_quick_exit_script_keeps_nothing_in_the_browser() -> None:
    for path in STATIC.glob("*.js"):
        code = path.read_text(encoding="utf-8")
        for api in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "caches."):
            assert api not in code, f"{path.name} uses {api}"
