"""`demo` and `serve`: the web UI on 127.0.0.1, with or without a synthetic case."""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import webbrowser
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from nocontact.commands.common import django_ready, fail

DEMO_MARKER = ".nocontact-demo"


def _demo_home() -> Path:
    from nocontact.config import default_home

    raw = os.environ.get("NOCONTACT_HOME")
    return Path(raw).expanduser() if raw else default_home().with_name("nocontact-demo")


def _fresh_demo_home(home: Path) -> None:
    if home.exists() and any(home.iterdir()):
        if not (home / DEMO_MARKER).exists():
            fail(f"{home} holds data that is not a demo; choose another NOCONTACT_HOME")
        shutil.rmtree(home)
    home.mkdir(parents=True, exist_ok=True)
    (home / DEMO_MARKER).write_text("This folder holds a synthetic demo case.\n")


def run_server(port: int, open_browser: bool, watch_mail: bool = True) -> None:
    from django.conf import settings
    from waitress import serve as waitress_serve

    from nocontact.periodic import start_background
    from nocontact.web.mailwatch.services import start_watchers
    from nocontact.web.wsgi import application

    stop = threading.Event()
    start_background(stop)
    if watch_mail:
        start_watchers(stop)
    bind = settings.NOCONTACT.bind
    url = f"http://{bind}:{port}/"
    typer.echo(f"Serving on {url} (Ctrl+C to stop)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    try:
        waitress_serve(application, host=bind, port=port, threads=4, ident="", _quiet=True)
    finally:
        stop.set()


def build_demo(
    home: Path, today: date
) -> tuple[tuple[str, str], tuple[str, str], dict[str, object]]:
    from nocontact.core.identities import IdentityKind
    from nocontact.demo_data import write_demo_exports
    from nocontact.ingest import import_paths
    from nocontact.web.cases.services import Account, add_person, create_case
    from nocontact.web.review.services import join_as_friend, prepare_case

    survivor = ("alex", "demo-" + secrets.token_urlsafe(9))
    friend = ("sam", "demo-" + secrets.token_urlsafe(9))
    demo = write_demo_exports(home / "exports", today)
    case = create_case(Account(*survivor), Account(*friend), region=demo.region)
    token = prepare_case(case, survivor[1])
    if token:  # in the demo the friend joins at once, with the printed passphrase
        join_as_friend(token, friend[1], email="friend@example.org")
    for person in demo.persons:
        ids = (
            [(IdentityKind.EMAIL, e) for e in person.emails]
            + [(IdentityKind.PHONE, p) for p in person.phones]
            + [(IdentityKind.ALIAS, a) for a in person.aliases]
        )
        add_person(case, person.role, person.name, ids)
    summary = import_paths(case, demo.files, source="demo")
    _demo_challenge(case, demo.last_contact, today)
    return survivor, friend, summary.as_dict()


def _demo_challenge(case: object, last_contact: date, today: date) -> None:
    """Six weeks of check-ins: held most days, one honest slip in week two, a few days missed."""
    import random
    from datetime import timedelta

    from nocontact.core.challenge import Mood, SlipKind
    from nocontact.web.challenge.models import ChallengeSettings, CheckIn, Reason, Slip

    rng = random.Random(f"{today}:challenge")  # noqa: S311 - demo data, not a secret
    start = last_contact + timedelta(days=1)
    ChallengeSettings.objects.create(case=case, start_date=start)
    moods = [Mood.LOW, Mood.OKAY, Mood.OKAY, Mood.GOOD, Mood.STRONG]
    day, index = start, 0
    while day < today:
        if index == 9 or rng.random() > 0.12:  # some days pass without a check-in: not a slip
            slipped = index == 9
            checkin = CheckIn.objects.create(
                case=case,
                day=day,
                held=not slipped,
                urge=max(0, 8 - index // 5 + rng.randint(-1, 1)),
                mood=Mood.AWFUL if slipped else moods[min(index // 8, 4)],
            )
            if slipped:
                Slip.objects.create(case=case, checkin=checkin, kind=SlipKind.CHECKED_PROFILE)
        day += timedelta(days=1)
        index += 1
    for text in ("I sleep again.", "My friends are back.", "No more walking on eggshells."):
        Reason.objects.create(case=case, text=text)


def demo(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser.")
    ] = False,
) -> None:
    """Build a synthetic case (six weeks of an ex's messages), import it and serve the web UI."""
    home = _demo_home()
    _fresh_demo_home(home)
    os.environ["NOCONTACT_HOME"] = str(home)
    django_ready(migrate=True)
    survivor, friend, summary = build_demo(home, date.today())
    typer.echo(f"Demo case in {home}")
    typer.echo(
        f"Imported: read {summary['read']}, stored {summary['stored']}, "
        f"skipped {len(summary['skipped'])}"  # type: ignore[arg-type]
    )
    typer.echo(f"Survivor login: {survivor[0]} / {survivor[1]}")
    typer.echo(f"Friend login:   {friend[0]} / {friend[1]}")
    run_server(port, open_browser=not no_browser)


def serve(
    port: Annotated[int | None, typer.Option(help="Port (default from NOCONTACT_PORT).")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open a browser.")] = True,
) -> None:
    """Serve the web UI on the configured address (127.0.0.1 by default)."""
    django_ready(migrate=True)
    from django.conf import settings

    run_server(port or settings.NOCONTACT.port, open_browser=not no_browser)


def tick() -> None:
    """Do what is due now (legal messages past the friend's time, reminders) and exit."""
    django_ready()
    from nocontact.periodic import run_due_tasks

    result = run_due_tasks()
    typer.echo(f"released {result.legal_released}, reminders sent {result.reminders_sent}")


def register(app: typer.Typer) -> None:
    app.command()(demo)
    app.command()(serve)
    app.command()(tick)
