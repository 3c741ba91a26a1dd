"""Every page each role can reach: neutral title, strict headers, nothing third-party, no
inline script or style, nothing in query strings. Also the production deployment check."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client
from django.utils.module_loading import import_string

from nocontact.web.accounts.api import settings_for
from nocontact.web.accounts.clock import now_dt

RESOURCE_ATTRS = {"src", "href", "action", "srcset", "poster", "data", "formaction", "background"}
PER_SHAPE = 3
NEVER_FOLLOW = {"/x/", "/logout/"}  # they end the session the crawl runs in
ROOT = Path(__file__).resolve().parents[2]


HELP_SITES = {
    "www.thehotline.org",
    "www.nationaldahelpline.org.uk",
    "www.1800respect.org.au",
    "sheltersafe.ca",
    "www.techsafety.org",
}


def _help_link(url: str, rel: str | None) -> bool:
    """A link the person may choose to follow to a help service: https, a known help site,
    sending no referrer. Following it loads nothing into our pages."""
    parts = urlsplit(url)
    return (
        parts.scheme == "https"
        and parts.netloc in HELP_SITES
        and "noreferrer" in (rel or "").split()
    )


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self._in: list[str] = []
        self.links: list[str] = []
        self.problems: list[str] = []
        self._script_text = ""
        self._title_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        values = dict(attrs)
        if "style" in values:
            self.problems.append(f"inline style= on <{tag}>")
        if any(name.startswith("on") for name, _ in attrs):
            self.problems.append(f"inline event handler on <{tag}>")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name in RESOURCE_ATTRS and value:
                if tag == "a" and name == "href" and _help_link(value, values.get("rel")):
                    continue
                self._check_url(tag, name, value)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "form" and (values.get("method") or "get").lower() == "get":
            self.links.append(str(values.get("action") or ""))

    def _check_url(self, tag: str, name: str, value: str) -> None:
        for part in value.split(","):
            url = part.strip().split(" ")[0]
            parts = urlsplit(url)
            if parts.scheme == "data" and tag == "img":
                continue
            if parts.scheme or parts.netloc or url.startswith("//"):
                self.problems.append(f"external {name}= on <{tag}>: {url[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script_text.strip():
            self.problems.append("inline <script> content")
        if tag == "script":
            self._script_text = ""
        if tag == "title":
            self._title_done = True
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title" and not self._title_done:
            self.title += data
        if self._in and self._in[-1] == "script":
            self._script_text += data


def check_headers(url: str, response) -> list[str]:
    problems = []
    csp = response.get("Content-Security-Policy", "")
    if "default-src 'self'" not in csp or "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append(f"CSP: {csp!r}")
    if "frame-ancestors 'none'" not in csp:
        problems.append("no frame-ancestors 'none'")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    if response.get("Referrer-Policy") != "no-referrer":
        problems.append("Referrer-Policy is not no-referrer")
    if response.get("Cache-Control") != "no-store":
        problems.append(f"Cache-Control {response.get('Cache-Control')!r}")
    return [f"{url}: {p}" for p in problems]


def crawl(client: Client, start: list[str]) -> tuple[set[str], list[str]]:
    seen: set[str] = set()
    shapes: dict[str, int] = {}
    problems: list[str] = []
    queue = deque(start)
    while queue:
        url = queue.popleft()
        if url in seen or url in NEVER_FOLLOW:
            continue
        shape = re.sub(r"\d+", "N", url)  # calendars link on for ever: a few of each shape
        if shapes.get(shape, 0) >= PER_SHAPE:
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        seen.add(url)
        response = client.get(url)
        problems += check_headers(url, response)
        if response.status_code in (301, 302):
            target = response["Location"]
            if urlsplit(target).netloc:
                problems.append(f"{url}: redirects off-site to {target}")
            else:
                queue.append(urlsplit(target).path)
            continue
        if response.status_code == 404:
            continue  # a broken link is a bug, but not a safety one; headers were checked
        if response.status_code != 200:
            problems.append(f"{url}: status {response.status_code}")
            continue
        if "attachment" in response.get("Content-Disposition", ""):
            problems.append(f"{url}: a download reached by a plain link (needs a confirmed POST)")
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = Page()
        page.feed(response.content.decode())
        if page.title.strip() != settings.NOCONTACT.site_title:
            problems.append(f"{url}: title {page.title.strip()!r}")
        problems += [f"{url}: {p}" for p in page.problems]
        for link in page.links:
            absolute = urljoin(url, link)
            parts = urlsplit(absolute)
            if parts.query:
                problems.append(f"{url}: link with a query string {link!r}")
            if (
                not parts.netloc
                and parts.path.startswith("/")
                and not parts.path.startswith(settings.STATIC_URL)
            ):
                queue.append(parts.path)
    return seen, problems


def member_client(user) -> Client:
    found = settings_for(user)
    found.exit_explained_at = now_dt()
    found.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def with_messages(personas, tmp_path):
    """A case with a threat and a hoover in it, so message pages exist to be crawled."""
    from tests.conftest import EX_EMAIL, PROXY_EMAIL

    from nocontact.ingest import import_paths

    mbox = tmp_path / "in.mbox"
    parts = []
    for n, (sender, words) in enumerate(
        [
            (EX_EMAIL, "I am outside your flat and I am coming in tonight."),
            (PROXY_EMAIL, "Happy birthday, J still thinks about you every day."),
        ]
    ):
        parts.append(
            f"From {sender} Mon Nov  2 21:14:00 2026\nFrom: X <{sender}>\nTo: s@example.net\n"
            f"Subject: s{n}\nDate: Mon, 02 Nov 2026 21:1{n}:00 -0500\n"
            f"Message-ID: <crawl{n}@example.com>\n\n{words}\n\n"
        )
    mbox.write_text("".join(parts))
    assert import_paths(personas.case, [mbox]).stored == 2
    return personas


@pytest.mark.parametrize("role", ["survivor", "friend"])
def test_every_page_a_member_reaches_is_discreet_and_self_contained(with_messages, role) -> None:
    user = getattr(with_messages, role)
    seen, problems = crawl(member_client(user), ["/", "/help/", "/account/"])
    assert len(seen) >= 6, f"the crawl reached only {sorted(seen)}"
    assert problems == [], "\n".join(problems)


def test_pages_before_sign_in_are_discreet_too(db) -> None:
    seen, problems = crawl(Client(), ["/", "/login/", "/help/", "/account/"])
    assert "/login/" in seen
    assert problems == []


def test_the_crawler_notices_what_it_checks() -> None:
    page = Page()
    page.feed(
        '<title>x</title><script>alert(1)</script><p style="color:red">a</p>'
        '<img src="https://cdn.example/x.png"><a href="/ok/">ok</a>'
    )
    assert len(page.problems) == 3 and page.links == ["/ok/"]


def test_only_help_links_without_referrer_may_leave_the_site() -> None:
    page = Page()
    page.feed(
        '<a href="https://www.thehotline.org/" rel="noreferrer noopener">help</a>'
        '<a href="https://www.thehotline.org/">no rel</a>'
        '<a href="https://tracker.example/" rel="noreferrer">other</a>'
    )
    assert len(page.problems) == 2


def test_the_csrf_middleware_is_djangos_own_check() -> None:
    names = [m for m in settings.MIDDLEWARE if "csrf" in m.lower()]
    assert len(names) == 1 and issubclass(import_string(names[0]), CsrfViewMiddleware)


def test_production_settings_pass_djangos_deployment_check(tmp_path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("NOCONTACT_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(
        NOCONTACT_MODE="production",
        NOCONTACT_SECRET_KEY=secrets.token_urlsafe(48)[:50],
        NOCONTACT_TLS="true",
        NOCONTACT_HOME=str(tmp_path),
        NOCONTACT_ALLOWED_HOSTS="notebook.example.org",
        DJANGO_SETTINGS_MODULE="nocontact.web.settings",
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_cookies_are_secure_under_tls(tmp_path) -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE,"
        " s.SECURE_HSTS_SECONDS > 0, s.SECURE_SSL_REDIRECT)"
    )
    env = dict(
        os.environ,
        NOCONTACT_TLS="true",
        NOCONTACT_HOME=str(tmp_path),
        DJANGO_SETTINGS_MODULE="nocontact.web.settings",
    )
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.stdout.split() == ["True"] * 4 + ["Strict", "Strict", "True", "True"], out.stderr
