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

from ._errors import FactcheckError, InputError
from ._settings import Settings  # noqa: I001  (sets telemetry switches before other imports)

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


def read_article(source: str, settings: Settings) -> tuple[str, str]:
    """Article text and a name for it, from a file path, an http(s) URL or '-' for stdin."""
    from ._corpus import decode_text, fetch_url

    if source == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    if source.startswith(("http://", "https://")):
        return fetch_url(source, timeout_s=settings.timeout_s).text, source
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    size = path.stat().st_size
    if size > settings.max_file_mb * 1_000_000:
        raise InputError(f"{source}: {size / 1e6:.1f} MB is over the {settings.max_file_mb:g} MB "
                         "limit (FACTCHECK_MAX_FILE_MB)")
    text = decode_text(path.read_bytes(), source)
    if path.suffix.lower() in (".html", ".htm"):
        from ._corpus import html_to_text

        text = html_to_text(text)
    return text, source


@app.command()
def verify(
    article: Annotated[str, typer.Argument(help="article file, http(s) URL, or - for stdin")],
    corpus: Annotated[
        list[str] | None,
        typer.Option("--corpus", help="reference documents to ingest first (incremental)"),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal, json, markdown or html")
    ] = "terminal",
    out_file: Annotated[Path | None, typer.Option("--out", help="write the report here")] = None,
    home: HomeOption = None,
) -> None:
    """Verify every check-worthy claim of ARTICLE against the reference documents."""
    from ._report import FORMATS, render, render_terminal
    from ._verifier import Verifier

    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}, not '{fmt}'")
    settings = _settings(home)
    text, source = read_article(article, settings)
    verifier = Verifier(settings)
    if corpus:
        summary = ingest_with_progress(verifier.store, corpus)
        print_ingest_summary(summary)
        if summary.changed:
            verifier.retriever.refresh()
    if verifier.store.count() == 0:
        from ._errors import StoreError

        raise StoreError(
            f"the store at {verifier.store.location} is empty: pass --corpus DIR or run "
            "`factcheck ingest DIR` first"
        )
    with err.status("verifying claims…"):
        report = verifier.verify(text, source=source)
    if fmt == "terminal":
        if out_file:
            console = Console(file=out_file.open("w", encoding="utf-8"), width=120)
            render_terminal(report, console)
            console.file.close()
        else:
            render_terminal(report, out)
        return
    rendered = render(report, fmt)
    if out_file:
        out_file.write_text(rendered, encoding="utf-8")
        err.print(f"report written to {out_file}")
    else:
        print(rendered)


@app.command("eval")
def evaluate(
    suites: Annotated[list[Path], typer.Argument(help="eval suite folders")],
    limit: Annotated[int | None, typer.Option(help="score only the first N claims")] = None,
    json_file: Annotated[Path | None, typer.Option("--json", help="write results here")] = None,
    home: HomeOption = None,
) -> None:
    """Score the verifier on hand-labelled suites, claim by claim (claims mode)."""
    from ._evaluation import load_suite, run_claims_mode

    settings = _settings(home)
    results = []
    for folder in suites:
        suite = load_suite(folder)
        with _progress(f"{suite.name}") as progress:
            task = progress.add_task("eval", total=None)
            result = run_claims_mode(
                suite, settings, limit=limit,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        results.append(result)
        _print_metrics(result)
    if json_file:
        payload = results[0] if len(results) == 1 else results
        json_file.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
        err.print(f"results written to {json_file}")


def _print_metrics(result: dict) -> None:
    metrics = result["metrics"]
    out.print(
        f"[bold]{result['suite']}[/] ({result['mode']} mode, n={result['n']}): "
        f"accuracy {metrics['accuracy']:.3f}, macro-F1 {metrics['macro_f1']:.3f}, "
        f"evidence recall {metrics['evidence_recall']}, citation precision "
        f"{metrics['citation_precision']}, {metrics['seconds_per_claim']:.2f} s/claim"
    )
    labels = list(metrics["per_label"])
    table = Table(title="gold (rows) × predicted (columns)")
    table.add_column("")
    for label in labels:
        table.add_column(label)
    for label in ("precision", "recall", "f1"):
        table.add_column(label)
    for gold in labels:
        row = metrics["per_label"][gold]
        table.add_row(gold, *(str(metrics["confusion"][gold][p]) for p in labels),
                      f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}")
    out.print(table)


def main() -> None:
    """Entry point: runs the app and turns expected errors into messages and exit codes."""
    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except FactcheckError as exc:
        err.print(f"[red]error:[/] {exc}")
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("[red]aborted[/]")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        # typer vendors its own click, so its usage errors are matched by shape, not class
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        err.print(f"[red]internal error:[/] {type(exc).__name__}: {exc}")
        sys.exit(70)
