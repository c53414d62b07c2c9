"""The `factcheck` command: ingest, search, verify and eval."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ._settings import Settings  # noqa: I001  (sets telemetry switches before other imports)
from ._errors import FactcheckError, InputError

app = typer.Typer(
    help="Verify news articles claim by claim against your own reference documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()

HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help="store folder (default: $FACTCHECK_HOME or ./.factcheck)"),
]


def _settings(home: Path | None) -> Settings:
    return Settings(home=home) if home else Settings()


def _progress(label: str):
    """A progress bar on a terminal, nothing when output goes to a file or pipe."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )


def ingest_with_progress(store, paths: list[str]):
    """Ingest files with a progress bar on stderr; returns the IngestSummary."""
    with _progress("embedding") as progress:
        task = progress.add_task("ingest", total=None)
        summary = store.ingest_paths(
            paths, progress=lambda done, total: progress.update(task, completed=done, total=total)
        )
    return summary


def print_ingest_summary(summary) -> None:
    err.print(
        f"[bold]{summary.documents}[/] documents: {summary.added_documents} new or changed, "
        f"{summary.unchanged_documents} unchanged; {summary.passages_added} passages added, "
        f"{summary.passages_removed} removed; {len(summary.failed)} skipped "
        f"({summary.seconds:.1f} s)"
    )
    for problem in summary.failed:
        err.print(f"  [yellow]skipped[/] {problem.where}: {problem.reason}")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders or glob patterns")],
    home: HomeOption = None,
    rebuild: Annotated[bool, typer.Option(help="drop the store first and embed everything")] = False,
    strict: Annotated[bool, typer.Option(help="exit 2 if any file was skipped")] = False,
) -> None:
    """Add reference documents (.md, .txt, .html, .pdf, .jsonl) to the store."""
    from ._verifier import build_store

    store = build_store(_settings(home))
    if rebuild:
        store.reset()
    summary = ingest_with_progress(store, paths)
    print_ingest_summary(summary)
    if strict and summary.failed:
        raise typer.Exit(InputError.exit_code)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="a claim or question")],
    k: Annotated[int, typer.Option("-k", help="number of passages")] = 5,
    lang: Annotated[str | None, typer.Option(help="only passages in this language")] = None,
    source: Annotated[str | None, typer.Option(help="only passages from this source")] = None,
    date_from: Annotated[str | None, typer.Option(help="only passages dated on or after")] = None,
    date_to: Annotated[str | None, typer.Option(help="only passages dated on or before")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, dense or lexical")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON list")] = False,
    home: HomeOption = None,
) -> None:
    """Print the passages that best match QUERY."""
    from ._retrieval import HybridRetriever, SearchFilter
    from ._verifier import build_store

    if mode not in ("hybrid", "dense", "lexical"):
        raise InputError(f"--mode must be hybrid, dense or lexical, not '{mode}'")
    if not query.strip():
        raise InputError("the query is empty")
    try:
        where = SearchFilter(
            lang=lang,
            source=source,
            date_from=date.fromisoformat(date_from) if date_from else None,
            date_to=date.fromisoformat(date_to) if date_to else None,
        )
    except ValueError as exc:
        raise InputError(f"dates must be YYYY-MM-DD: {exc}") from None
    store = build_store(_settings(home))
    if store.count() == 0:
        err.print("[yellow]the store is empty: run `factcheck ingest PATH` first[/]")
    hits = HybridRetriever(store).search(query, k=k, where=where, mode=mode)
    if as_json:
        fields = ("passage_id", "document_id", "score", "text", "title", "url", "date", "lang",
                  "source")
        print(json.dumps([hit.model_dump(include=set(fields)) for hit in hits],
                         ensure_ascii=False, indent=2))
        return
    table = Table(show_lines=True)
    for column in ("#", "score", "passage", "source"):
        table.add_column(column)
    for rank, hit in enumerate(hits, start=1):
        where_from = "\n".join(x for x in (hit.title, hit.date, hit.passage_id) if x)
        table.add_row(str(rank), f"{hit.score:.4f}", hit.text, where_from)
    out.print(table)


def main() -> None:
    """Entry point: runs the app and turns expected errors into messages and exit codes."""
    try:
        app(standalone_mode=False)
    except FactcheckError as exc:
        err.print(f"[red]error:[/] {exc}")
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("[red]aborted[/]")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        err.print(f"[red]internal error:[/] {type(exc).__name__}: {exc}")
        sys.exit(70)
