"""Helpers shared by the commands: Django set-up and clear failures."""

from __future__ import annotations

from typing import Any, NoReturn

import typer


def fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def django_ready(migrate: bool = False) -> None:
    from nocontact.config import ConfigError

    try:
        from nocontact.web import setup_django

        setup_django()
    except ConfigError as exc:
        fail(str(exc))
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    else:
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            call = "nocontact init"
            fail(f"the database is not set up or is out of date: run `{call}` first")


def the_case() -> Any:
    """The single case of this install (Django must be ready), or a clear failure."""
    from nocontact.web.cases.services import CaseError, only_case

    try:
        return only_case()
    except CaseError as exc:
        fail(str(exc))
