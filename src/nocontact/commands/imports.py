"""`import` and `inspect`: read exports, store what the ex and proxies sent, or just show it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nocontact.commands.common import django_ready, fail, the_case


def import_(
    paths: Annotated[list[Path], typer.Argument(help="Export files, folders or zips.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as one JSON object.")
    ] = False,
) -> None:
    """Import exports: keep only what known persons sent; report what could not be read."""
    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    django_ready()
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from nocontact.ingest import import_paths

    case = the_case()
    from nocontact.readers import total_size

    err = Console(stderr=True)
    total = sum(total_size(p) for p in paths)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[records]} records"),
        TimeElapsedColumn(),
        console=err,
        transient=as_json,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("Importing", total=total or None, records=0)
        records = [0]

        def count(n: int) -> None:
            records[0] += n
            progress.update(task, records=records[0])

        summary = import_paths(
            case, paths, progress=count, bytes_progress=lambda n: progress.advance(task, n)
        )
    result = summary.as_dict()
    if as_json:
        typer.echo(json.dumps(result))
    else:
        _print_summary(result)
    if summary.read == 0:
        raise typer.Exit(2)


def _print_summary(result: dict[str, object]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Import summary", show_header=False)
    for key in ("read", "matched", "stored", "duplicates", "suspects"):
        table.add_row(key, str(result[key]))
    skipped = result["skipped"]
    assert isinstance(skipped, list)
    table.add_row("skipped", str(len(skipped)))
    console.print(table)
    for item in skipped[:50]:
        console.print(f"  skipped {item['file']} at {item['position']}: {item['reason']}")
    if len(skipped) > 50:
        console.print(f"  … and {len(skipped) - 50} more")


def inspect(
    paths: Annotated[list[Path], typer.Argument(help="Export files, folders or zips.")],
) -> None:
    """Print every message the exports hold as JSON Lines, storing nothing."""
    from nocontact.core.message import ReadProblem
    from nocontact.readers import Passed, read_path

    read = 0
    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder")
        for item in read_path(path):
            if isinstance(item, ReadProblem):
                sys.stderr.write(json.dumps({"skipped": item.as_dict()}) + "\n")
                continue
            if isinstance(item, Passed):
                continue
            read += 1
            sys.stdout.write(
                json.dumps(
                    {
                        "format": item.format,
                        "channel": item.channel.value,
                        "kind": item.kind,
                        "direction": item.direction,
                        "sender": item.sender,
                        "recipients": list(item.recipients),
                        "sent_at": item.sent_at.isoformat(),
                        "subject": item.subject,
                        "text": item.text,
                        "attachments": [
                            {
                                "filename": a.filename,
                                "content_type": a.content_type,
                                "size": len(a.data),
                            }
                            for a in item.attachments
                        ],
                        "sha256": item.sha256,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    if read == 0:
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(inspect)
