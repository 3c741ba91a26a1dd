"""The `nocontact` command. Thin: each command parses its arguments and calls one function.

Imports of Django, readers and models stay inside the commands so `--help` starts fast.
"""

from __future__ import annotations

import typer

from nocontact.commands import cases as _cases
from nocontact.commands import classify as _classify
from nocontact.commands import demo as _demo
from nocontact.commands import imports as _imports
from nocontact.commands import ledger as _ledger
from nocontact.commands import mail as _mail

app = typer.Typer(
    name="nocontact",
    help="Screen, seal and support: tools for going No Contact.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

for _module in (_cases, _imports, _classify, _ledger, _mail, _demo):
    _module.register(app)


@app.command()
def version() -> None:
    """Print the version."""
    from nocontact import __version__

    typer.echo(__version__)


def main() -> None:
    app()
