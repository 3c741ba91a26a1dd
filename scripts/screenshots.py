"""Take the README's screenshots of a running demo (phone size, headless Debian Chromium).

Usage: .venv/bin/python scripts/screenshots.py URL SURVIVOR_USER:PASS FRIEND_USER:PASS [OUTDIR]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def login(page: Page, base: str, account: str, unlock: bool = False) -> None:
    user, password = account.split(":", 1)
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    if page.url.endswith("/account/start/"):  # the one-time quick-exit explainer
        page.click("text=I understand, continue")
        page.wait_for_load_state("networkidle")
    if unlock:  # the friend opens their key for this session
        page.goto(f"{base}/queue/unlock/")
        page.fill("input[name=passphrase]", password)
        page.click("main button[type=submit]")
        page.wait_for_load_state("networkidle")


def shoot(page: Page, base: str, path: str, out: Path) -> None:
    page.goto(f"{base}{path}")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out), full_page=True)


SURVIVOR_PAGES = [
    ("/overview/", "survivor-overview"),
    ("/days/", "survivor-days"),
    ("/days/calendar/", "survivor-calendar"),
    ("/days/pause/", "survivor-urge"),
    ("/days/plan/", "survivor-plan"),
    ("/people/", "survivor-people"),
    ("/add/", "survivor-upload"),
]


def main() -> None:
    base, survivor, friend = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    outdir = Path(sys.argv[4] if len(sys.argv) > 4 else "docs/screenshots")
    outdir.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        shoot(page, base, "/login/", outdir / "login.png")
        login(page, base, survivor)
        for path, name in SURVIVOR_PAGES:
            shoot(page, base, path, outdir / f"{name}.png")
        context.close()
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        login(page, base, friend, unlock=True)
        shoot(page, base, "/queue/", outdir / "friend-queue.png")
        first = page.locator("a[href^='/queue/m/']").first.get_attribute("href")
        if first:
            shoot(page, base, first, outdir / "friend-message.png")
        context.close()
        browser.close()


if __name__ == "__main__":
    main()
