"""`ledger verify` and `ledger head`: check the evidence chain; print its head to keep apart."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from nocontact.commands.common import django_ready, fail, the_case

CASE_OPTION = typer.Option("--case", help="The case (default: the only one).")
HEAD_HELP = "SEQ:HASH kept from an earlier `ledger head`; also catches a cut-off or rebuilt end."
ledger_app = typer.Typer(help="The tamper-evident evidence log.", no_args_is_help=True)


def _case(case_id: int | None) -> object:
    from nocontact.web.cases.models import Case

    if case_id is not None:
        found = Case.objects.filter(pk=case_id).first()
        if found is None:
            fail(f"no case {case_id}")
        return found
    return the_case()


def _parse_head(value: str) -> tuple[int, str]:
    seq, sep, entry_hash = value.partition(":")
    if not sep or not seq.isdigit() or len(entry_hash) != 64:
        fail("--head takes SEQ:HASH as printed by `nocontact ledger head`")
    return int(seq), entry_hash.lower()


@ledger_app.command("verify")
def verify(
    case_id: Annotated[int | None, CASE_OPTION] = None,
    head: Annotated[str | None, typer.Option(help=HEAD_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check every entry's hash and link; name each place where the chain was changed."""
    django_ready()
    from nocontact.core.ledger import LedgerHead
    from nocontact.core.ledger import verify as verify_chain
    from nocontact.web.review.ledger_store import chain

    case = _case(case_id)
    entries = chain(case)  # type: ignore[arg-type]
    kept = LedgerHead(*_parse_head(head)) if head else None
    problems = verify_chain(entries, kept)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "entries": len(entries),
                    "intact": not problems,
                    "problems": [
                        {
                            "seq": p.seq,
                            "row": p.position + 1,
                            "kind": p.kind.value,
                            "detail": p.detail,
                        }
                        for p in problems
                    ],
                }
            )
        )
    else:
        for problem in problems:
            typer.echo(str(problem))
        if not problems:
            last = entries[-1].seq if entries else 0
            typer.echo(f"Intact: {len(entries)} entries, seq 1 to {last}.")
    if problems:
        raise typer.Exit(1)


@ledger_app.command("head")
def head(
    case_id: Annotated[int | None, CASE_OPTION] = None,
) -> None:
    """Print the last entry as SEQ:HASH. Keep it somewhere else; pass it to `verify --head`."""
    django_ready()
    from nocontact.core.ledger import head_of
    from nocontact.web.review.ledger_store import chain

    last = head_of(chain(_case(case_id)))  # type: ignore[arg-type]
    typer.echo(f"{last.seq}:{last.entry_hash}")


def register(app: typer.Typer) -> None:
    app.add_typer(ledger_app, name="ledger")
