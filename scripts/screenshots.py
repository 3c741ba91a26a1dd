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


def login(page: Page, base: str, account: str) -> None:
    user, password = account.split(":", 1)
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def shoot(page: Page, base: str, path: str, out: Path) -> None:
    page.goto(f"{base}{path}")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out), full_page=True)


def main() -> None:
    base, survivor, friend = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    outdir = Path(sys.argv[4] if len(sys.argv) > 4 else "docs/screenshots")
    outdir.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        for account, pages in (
            (
                survivor,
                [
                    ("/login/", "login"),
                    ("/overview/", "survivor-overview"),
                    ("/people/", "survivor-people"),
                    ("/days/", "survivor-challenge"),
                    ("/add/", "survivor-upload"),
                ],
            ),
            (friend, [("/queue/", "friend-queue")]),
        ):
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, device_scale_factor=1
            )
            page = context.new_page()
            if pages[0][0] == "/login/":
                shoot(page, base, "/login/", outdir / "login.png")
                pages = pages[1:]
            login(page, base, account)
            for path, name in pages:
                shoot(page, base, path, outdir / f"{name}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
