"""The words: no over-claiming anywhere a user reads, and the warnings before data is entered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
OVER_CLAIMS = re.compile(
    r"untraceable|erases (?:your |all |the )?(?:browser )?history|invisible|"
    r"100\s?%\s?(?:safe|secure|private)|completely (?:safe|secure|private)|"
    r"totally (?:safe|secure)|cannot be (?:traced|detected)|undetectable|leaves no trace",
    re.IGNORECASE,
)
# Technical uses that claim nothing about safety: (file, the words around the match).
ALLOWED = {("docs/formats.md", "invisible direction marks")}


def user_facing_files() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
    files += sorted((ROOT / "src").glob("**/templates/**/*.html"))
    files += sorted((ROOT / "src").glob("**/templates/**/*.txt"))
    return [f for f in files if f.is_file()]


def over_claims(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    rel = path.relative_to(ROOT).as_posix()
    for match in OVER_CLAIMS.finditer(text):
        if any(rel == f and text[match.start() : match.start() + len(w)].lower() == w
               for f, w in ALLOWED):
            continue
        line = text.count("\n", 0, match.start()) + 1
        found.append(f"{rel}:{line}: {match.group(0)!r}")
    return found


def test_no_copy_over_claims_safety() -> None:
    files = user_facing_files()
    assert len(files) > 10 and any(f.name == "safety.md" for f in files)
    problems = [p for f in files for p in over_claims(f)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "sample",
    ["This app is untraceable.", "Quick exit erases your history", "100 % safe", "100% safe",
     "completely secure", "You are invisible here"],
)
def test_the_grep_catches_over_claims(tmp_path: Path, sample: str) -> None:
    assert OVER_CLAIMS.search(sample)


def test_safer_device_notice_comes_before_any_data(db) -> None:
    page = Client().get("/login/").content.decode()
    assert page.index("safer device") < page.index("<form method=\"post\" action=\"/login/\"")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "safer device" in readme[:800]


def test_the_help_page_names_real_services_and_the_limits_of_quick_exit(personas) -> None:
    client = Client()
    client.force_login(personas.survivor)
    page = client.get("/help/").content.decode()
    assert "1-800-799-7233" in page and "0808 2000 247" in page
    assert "not" in page and "browser history" in page


def test_every_page_offers_quick_exit_and_sign_out(personas) -> None:
    client = Client()
    assert 'id="quick-exit" href="/x/"' in client.get("/login/").content.decode()
    client.force_login(personas.survivor)
    for url in ("/overview/", "/account/", "/help/"):
        html = client.get(url).content.decode()
        assert 'id="quick-exit" href="/x/"' in html and 'action="/logout/"' in html, url
