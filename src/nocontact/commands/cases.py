"""`init` and `person`: the case, its two accounts and the persons being cut off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from nocontact.core.identities import IdentityKind

from nocontact.commands.common import django_ready, fail, the_case

person_app = typer.Typer(
    help="The ex and their proxies, and how to recognise them.", no_args_is_help=True
)


def _identities(
    email: list[str] | None,
    phone: list[str] | None,
    handle: list[str] | None,
    alias: list[str] | None,
) -> list[tuple[IdentityKind, str]]:
    from nocontact.core.identities import IdentityKind

    given = (
        (IdentityKind.EMAIL, email),
        (IdentityKind.PHONE, phone),
        (IdentityKind.HANDLE, handle),
        (IdentityKind.ALIAS, alias),
    )
    return [(kind, value) for kind, values in given for value in values or []]


def _account(value: str, what: str) -> tuple[str, str]:
    name, sep, password = value.partition(":")
    if not sep or not name or not password:
        fail(f"--{what} takes USER:PASSWORD")
    return name, password


def init(
    yes: Annotated[
        bool, typer.Option("--yes", help="Do not ask; take everything from flags.")
    ] = False,
    survivor: Annotated[
        str | None, typer.Option(help="USER:PASSWORD of the survivor's login.")
    ] = None,
    friend: Annotated[
        str | None, typer.Option(help="USER:PASSWORD of the trusted friend's login.")
    ] = None,
    region: Annotated[
        str, typer.Option(help="Country for phone numbers written without one.")
    ] = "US",
) -> None:
    """Create the data folder, the database and the case with its two logins."""
    if survivor is None or friend is None:
        if yes:
            fail("--yes needs --survivor and --friend")
        typer.echo(
            "A monitored device can reveal that this is used. Use a safer device if you can."
        )
        s_name = typer.prompt("Your user name")
        s_pass = typer.prompt("Your passphrase", hide_input=True, confirmation_prompt=True)
        f_name = typer.prompt("Your trusted friend's user name")
        f_pass = typer.prompt(
            "A first passphrase for your friend (they choose their own when they join)",
            hide_input=True,
            confirmation_prompt=True,
        )
        survivor_acc, friend_acc = (s_name, s_pass), (f_name, f_pass)
    else:
        survivor_acc, friend_acc = _account(survivor, "survivor"), _account(friend, "friend")
    django_ready(migrate=True)
    from nocontact.web.cases.models import Case
    from nocontact.web.cases.services import Account, CaseError, create_case

    if Case.objects.exists():
        fail("a case already exists in this data folder")
    try:
        case = create_case(Account(*survivor_acc), Account(*friend_acc), region=region)
    except CaseError as exc:
        fail(str(exc))
    from django.conf import settings

    from nocontact.web.review.services import prepare_case

    token = prepare_case(case, survivor_acc[1])
    typer.echo(f"Case {case.pk} created with two logins.")
    if token:
        cfg = settings.NOCONTACT
        typer.echo(
            "Give your trusted friend this link, privately. It works once: there they choose "
            "their own passphrase, and only then can they open sealed messages.\n"
            f"  http://{cfg.bind}:{cfg.port}/queue/join/{token}/"
        )


@person_app.command("add")
def person_add(
    role: Annotated[str, typer.Argument(help="ex or proxy")],
    name: Annotated[str, typer.Option(help="A name for this person (only you see it).")],
    email: Annotated[list[str] | None, typer.Option(help="An e-mail address (repeatable).")] = None,
    phone: Annotated[list[str] | None, typer.Option(help="A phone number (repeatable).")] = None,
    handle: Annotated[
        list[str] | None, typer.Option(help="A handle, e.g. @name (repeatable).")
    ] = None,
    alias: Annotated[list[str] | None, typer.Option(help="A display name (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the person as JSON.")] = False,
) -> None:
    """Add the ex or a proxy with the addresses, numbers and names they use."""
    if role not in {"ex", "proxy"}:
        fail("ROLE must be ex or proxy")
    django_ready()
    from nocontact.web.cases.services import CaseError, add_person, only_case

    identities = _identities(email, phone, handle, alias)
    try:
        person = add_person(only_case(), role, name, identities)
    except CaseError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(_person_dict(person)))
    else:
        typer.echo(f"Added {role} {person.pk} with {len(identities)} way(s) to recognise them.")


def _person_dict(person: object) -> dict[str, object]:
    p = person  # a Person; kept untyped here so this module imports no models at top level
    return {
        "id": p.pk,  # type: ignore[attr-defined]
        "role": p.role,  # type: ignore[attr-defined]
        "name": p.name,  # type: ignore[attr-defined]
        "identities": [
            {"kind": i.kind, "value": i.value, "written": i.written}
            for i in p.identities.order_by("pk")  # type: ignore[attr-defined]
        ],
    }


@person_app.command("list")
def person_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the persons of the case and their identities."""
    django_ready()
    case = the_case()
    persons = [_person_dict(p) for p in case.persons.order_by("pk")]
    if as_json:
        typer.echo(json.dumps(persons))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "role", "name", "identities")
    for p in persons:
        ids = ", ".join(f"{i['kind']}:{i['value']}" for i in p["identities"])  # type: ignore[attr-defined]
        table.add_row(str(p["id"]), str(p["role"]), str(p["name"]), ids)
    Console().print(table)


def _find(person_id: int) -> object:
    from nocontact.web.cases.models import Person

    case = the_case()
    found = Person.objects.filter(case=case, pk=person_id).first()
    if found is None:
        fail(f"no person {person_id} in this case")
    return found


@person_app.command("edit")
def person_edit(
    person_id: Annotated[int, typer.Argument(help="The person's id (see `person list`).")],
    name: Annotated[str | None, typer.Option(help="A new name.")] = None,
    role: Annotated[str | None, typer.Option(help="ex or proxy.")] = None,
    email: Annotated[list[str] | None, typer.Option(help="Add an e-mail address.")] = None,
    phone: Annotated[list[str] | None, typer.Option(help="Add a phone number.")] = None,
    handle: Annotated[list[str] | None, typer.Option(help="Add a handle.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Add a display name.")] = None,
    remove: Annotated[
        list[str] | None, typer.Option(help="Remove an identity, as KIND:VALUE (repeatable).")
    ] = None,
) -> None:
    """Rename a person, change their role, add or remove identities."""
    django_ready()
    from nocontact.core.identities import IdentityError, IdentityKind, normalise
    from nocontact.web.cases.models import Identity
    from nocontact.web.cases.services import CaseError, add_identity

    person = _find(person_id)
    if role is not None and role not in {"ex", "proxy"}:
        fail("--role must be ex or proxy")
    if name or role:
        person.name = name or person.name  # type: ignore[attr-defined]
        person.role = role or person.role  # type: ignore[attr-defined]
        person.save(update_fields=["name", "role"])  # type: ignore[attr-defined]
    additions = _identities(email, phone, handle, alias)
    try:
        for kind, value in additions:
            add_identity(person, kind, value)  # type: ignore[arg-type]
    except CaseError as exc:
        fail(str(exc))
    for item in remove or []:
        kind_text, _, value = item.partition(":")
        try:
            kind = IdentityKind(kind_text)
            canonical = normalise(kind, value, person.case.region)  # type: ignore[attr-defined]
        except (ValueError, IdentityError):
            fail(f"--remove takes KIND:VALUE with KIND one of {', '.join(IdentityKind)}")
        deleted, _ = Identity.objects.filter(
            person=person, kind=kind.value, value=canonical
        ).delete()
        if not deleted:
            fail(f"person {person_id} has no such {kind.value}")
    typer.echo(f"Person {person_id} updated.")


@person_app.command("merge")
def person_merge(
    keep: Annotated[int, typer.Argument(help="The id to keep.")],
    other: Annotated[int, typer.Argument(help="The id folded into it.")],
) -> None:
    """Two entries are the same person: move identities and messages into one."""
    django_ready()
    from nocontact.web.cases.services import CaseError, merge_persons

    try:
        merge_persons(_find(keep), _find(other))  # type: ignore[arg-type]
    except CaseError as exc:
        fail(str(exc))
    typer.echo(f"Person {other} merged into {keep}.")


@person_app.command("suspects")
def person_suspects(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Unknown senders kept because they may be them (confirm with `merge`, or `dismiss`)."""
    django_ready()
    case = the_case()
    rows = [
        {**_person_dict(p), "reason": p.suspect_reason, "messages": p.messages.count()}
        for p in case.persons.filter(role="suspect").order_by("pk")
    ]
    if as_json:
        typer.echo(json.dumps(rows))
        return
    for row in rows:
        ids = ", ".join(str(i["written"]) for i in row["identities"])  # type: ignore[attr-defined]
        typer.echo(f"{row['id']}: {ids} — {row['reason']} ({row['messages']} kept)")
    if not rows:
        typer.echo("No suspects.")


@person_app.command("dismiss")
def person_dismiss(
    person_id: Annotated[int, typer.Argument(help="The suspect's id.")],
) -> None:
    """Not them: later messages from this sender are dropped; what was kept waits for the friend."""
    django_ready()
    person = _find(person_id)
    if person.role != "suspect":  # type: ignore[attr-defined]
        fail(f"person {person_id} is not a suspect")
    person.role = "dismissed"  # type: ignore[attr-defined]
    person.save(update_fields=["role"])  # type: ignore[attr-defined]
    typer.echo(f"Suspect {person_id} dismissed.")


def restore(
    path: Annotated[Path, typer.Argument(help="A 'Download everything' zip.")],
    survivor: Annotated[
        str | None, typer.Option(help="USER:PASSPHRASE for the survivor (as before).")
    ] = None,
    friend: Annotated[
        str | None, typer.Option(help="USER:PASSPHRASE for the friend (as before).")
    ] = None,
) -> None:
    """Read an export back into this install and give the case its two logins again.

    Use the same passphrases as before: the keys in the file open with them, and nothing
    sealed can be opened otherwise.
    """
    if not path.is_file():
        fail(f"{path}: no such file")
    if survivor is None:
        survivor = (
            typer.prompt("Survivor USER")
            + ":"
            + typer.prompt("Survivor passphrase (as before)", hide_input=True)
        )
    if friend is None:
        friend = (
            typer.prompt("Friend USER")
            + ":"
            + typer.prompt("Friend passphrase (as before)", hide_input=True)
        )
    s_name, s_pass = _account(survivor, "survivor")
    f_name, f_pass = _account(friend, "friend")
    django_ready(migrate=True)
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from nocontact.web.accounts.archive import ArchiveError, read_export
    from nocontact.web.cases.models import Membership

    User = get_user_model()
    if User.objects.filter(username__in=[s_name, f_name]).exists():
        fail("one of those user names is taken in this install")
    try:
        with transaction.atomic():
            case = read_export(path)
            for name, password, role in ((s_name, s_pass, "survivor"), (f_name, f_pass, "friend")):
                user = User.objects.create_user(username=name, password=password)
                Membership.objects.create(case=case, user=user, role=role)
    except ArchiveError as exc:
        fail(str(exc))
    typer.echo(f"Case {case.pk} restored with its two logins.")


def register(app: typer.Typer) -> None:
    app.command()(restore)
    app.command()(init)
    app.add_typer(person_app, name="person")
