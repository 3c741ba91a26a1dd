"""`classify` (JSON Lines, stdin to stdout) and `eval` (score against gold labels).

No Django here, and numpy/scikit-learn load only inside the commands so `--help` stays fast."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer


def classify_command() -> None:
    """Classify JSON Lines from stdin ({"id", "text", ...} per line) to stdout."""
    from nocontact.core.classify import ClassifierError, classify_jsonl

    try:
        code = classify_jsonl(sys.stdin, sys.stdout)
    except ClassifierError as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from exc
    raise typer.Exit(code)


def eval_command(
    file: Annotated[
        Path | None, typer.Argument(help="JSON Lines with text, category, tactics")
    ] = None,
    dataset: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            help="a public data set to score instead: mentalmanip PATH (MentalManip_con_test.json)"
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
) -> None:
    """Score the classifier: per-category precision/recall/F1, macro-F1, safety recall,
    tactic micro-F1 and a confusion matrix."""
    from nocontact.core.classify import MODEL_VERSION, ClassifierError, classify
    from nocontact.core.classify.evaluate import score_file, score_mentalmanip

    def run(text: str):  # type: ignore[no-untyped-def]
        return classify(text)

    try:
        if dataset is not None:
            name, path = dataset
            if name.lower() != "mentalmanip":
                raise typer.BadParameter("the only data set known is mentalmanip")
            result = score_mentalmanip(path, run)
            result["model_version"] = MODEL_VERSION
            if as_json:
                typer.echo(json.dumps(result, indent=2))
            else:
                _print_mentalmanip(result)
            return
        if file is None:
            raise typer.BadParameter("give FILE.jsonl or --dataset mentalmanip PATH")
        report = score_file(file, run)
    except ClassifierError as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps({"model_version": MODEL_VERSION, **report.as_dict()}, indent=2))
    else:
        _print_report(report.as_dict(), MODEL_VERSION)


def _print_report(data: dict, version: str) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"Categories ({data['n']} messages, model {version})")
    for col in ("category", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "category" else "right")
    for name, s in data["per_class"].items():
        table.add_row(
            name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"])
        )
    console.print(table)
    recall = ", ".join(f"{k} {v:.3f}" for k, v in data["recall"].items())
    console.print(
        f"macro-F1 {data['macro_f1']:.3f}   recall: {recall}   "
        f"tactic micro-F1 {data['tactic_micro_f1']:.3f}"
    )
    labels = data["confusion"]["labels"]
    matrix = Table(title="Confusion (rows gold, columns predicted)")
    matrix.add_column("gold \\ predicted")
    for label in labels:
        matrix.add_column(label, justify="right")
    for label, row in zip(labels, data["confusion"]["rows_gold_cols_predicted"], strict=True):
        matrix.add_row(label, *(str(v) for v in row))
    console.print(matrix)
    if data["skipped_lines"]:
        console.print(f"skipped unreadable lines: {data['skipped_lines']}")


def _print_mentalmanip(result: dict) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"MentalManip binary manipulation detection ({result['n']} dialogues)")
    table.add_column("system")
    table.add_column("macro-F1", justify="right")
    table.add_row(
        f"nocontact {result['model_version']} (any tactic = manipulative)",
        f"{result['macro_f1']:.1f}",
    )
    for name, value in result["baselines_macro_f1"].items():
        table.add_row(f"{name} (published)", f"{value:.1f}")
    Console().print(table)
    Console().print(f"accuracy {result['accuracy']:.1f}")


def register(app: typer.Typer) -> None:
    app.command("classify")(classify_command)
    app.command("eval")(eval_command)
