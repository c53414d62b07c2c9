"""Eval reports a person reads: metrics with intervals, confusion matrix, the worst errors and the
per-claim changes since the previous recorded run, as Markdown or one self-contained HTML page."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ._errors import InputError
from ._eval_models import EvalItem, EvalRun, Intervals, Metrics

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
WORST_ERRORS = 10


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


Block = str | Table  # a paragraph or a table
Section = tuple[str, list[Block]]


def report_format(path: Path) -> str:
    """'markdown' or 'html', from the file's extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"--report {path}: the file must end in .md or .html")
    return fmt


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ci(interval: tuple[float, float]) -> str:
    low, high = interval
    return f"[{low:.3f}, {high:.3f}]"


def metric_table(metrics: Metrics, mode: str) -> Table:
    """The headline metrics; in articles mode they count a gold claim no extracted claim covers
    as missed, and rows on the coverage and the matched claims alone follow."""
    ci: Intervals = metrics.ci95
    scope = " (all gold claims)" if mode == "articles" else ""
    rows = [
        [f"accuracy{scope}", _num(metrics.accuracy), _ci(ci.accuracy)],
        [f"macro-F1{scope}", _num(metrics.macro_f1), _ci(ci.macro_f1)],
        ["ECE (10 bins)", _num(metrics.ece), ""],
        ["evidence recall", _num(metrics.evidence_recall), ""],
        ["citation precision", _num(metrics.citation_precision), ""],
        ["seconds per claim", _num(metrics.seconds_per_claim, 2), ""],
    ]
    if metrics.coverage is not None:
        cov = metrics.coverage
        rows += [
            ["claim recall", _num(cov.claim_recall), ""],
            ["claim precision", _num(cov.claim_precision), ""],
            ["matched / extracted", f"{cov.matched} / {cov.extracted}", ""],
            ["accuracy (matched only)", _num(cov.matched_accuracy), ""],
            ["macro-F1 (matched only)", _num(cov.matched_macro_f1), ""],
        ]
    return Table(["metric", "value", "95% CI"], rows)


def per_label_table(metrics: Metrics) -> Table:
    return Table(["label", "precision", "recall", "F1", "support"], [
        [label, _num(row.precision), _num(row.recall), _num(row.f1), str(row.support)]
        for label, row in metrics.per_label.items()
    ])


def confusion_table(metrics: Metrics) -> Table:
    predicted = list(next(iter(metrics.confusion.values()), {}))
    return Table(["gold \\ predicted", *predicted], [
        [gold, *(str(row[p]) for p in predicted)] for gold, row in metrics.confusion.items()
    ])


def worst_errors(items: list[EvalItem], limit: int = WORST_ERRORS) -> list[EvalItem]:
    """Wrong predictions, the most confident first (missed gold claims are not predictions)."""
    wrong = [i for i in items if i.predicted is not None and not i.correct]
    return sorted(wrong, key=lambda i: (-(i.confidence or 0.0), i.id))[:limit]


def errors_table(items: list[EvalItem]) -> Table:
    """The worst errors; in articles mode with the extracted claim each gold claim matched."""
    extracted = any(i.article is not None for i in items)
    header = ["id", "claim", *(["extracted claim"] if extracted else []), "gold", "predicted",
              "confidence", "rationale", "cited"]
    return Table(header, [
        [i.id, i.claim, *([i.extracted or ""] if extracted else []), i.gold, str(i.predicted),
         _num(i.confidence, 2), i.rationale, ", ".join(i.cited)]
        for i in worst_errors(items)
    ])


def diff_blocks(result: EvalRun, previous: EvalRun | None) -> list[Block]:
    """What changed since the previous recorded run of the same suite and mode."""
    from ._history import flipped_claims

    if previous is None:
        return ["No previous recorded run of this suite and mode."]
    old, new = previous.metrics, result.metrics
    commit = previous.config.git_commit[:8] or "unknown commit"
    blocks: list[Block] = [
        f"Previous run: {previous.timestamp} ({commit}, n={previous.n}). "
        f"Macro-F1 {old.macro_f1:.3f} → {new.macro_f1:.3f}, "
        f"accuracy {old.accuracy:.3f} → {new.accuracy:.3f}."
    ]
    flips = flipped_claims(previous.items, result.items)
    if not flips:
        return [*blocks, "No claim changed its label."]
    text = {i.id: i.claim for i in result.items}
    return [*blocks, Table(["id", "claim", "gold", "before", "now", "change"], [
        [f.id, text[f.id], f.gold, str(f.old), str(f.new), f.change] for f in flips
    ])]


def sections(result: EvalRun, previous: EvalRun | None) -> list[Section]:
    """The sections of one run's report."""
    config = result.config
    about = (f"{result.timestamp} · n={result.n} · embedding {config.models.embedding}"
             f" · judge {config.models.judge} · version {config.package_version}"
             f" · commit {config.git_commit[:8] or 'unknown'}"
             + (f" · as of {result.as_of}" if result.as_of else ""))
    errors: list[Block] = [errors_table(result.items)] if worst_errors(result.items) else [
        "No wrong predictions."]
    found: list[Section] = [
        ("Metrics", [about, metric_table(result.metrics, result.mode),
                     per_label_table(result.metrics)]),
        ("Confusion matrix", [confusion_table(result.metrics)]),
        ("Worst errors", ["Wrong predictions, the most confident first.", *errors]),
        ("Changes since the previous run", diff_blocks(result, previous)),
    ]
    if result.mode == "articles":
        missed = [i for i in result.items if i.predicted is None]
        found.append(("Gold claims no extracted claim covers", [
            Table(["id", "article", "claim"], [[i.id, i.article or "", i.claim] for i in missed])
            if missed else "Every gold claim was matched.",
        ]))
        extra = result.unmatched_extracted
        found.append(("Extracted claims matching no gold claim", [
            f"{len(extra)} extracted claims matched no gold claim: what the extractor found "
            "beyond the gold claims, with the verdicts they got.",
            *([Table(["article", "claim", "predicted", "confidence"],
                     [[e.article, e.claim, e.predicted, _num(e.confidence, 2)] for e in extra])]
              if extra else []),
        ]))
        if result.not_checkworthy:
            share = result.metrics.coverage.not_checkworthy_decided if (
                result.metrics.coverage) else None
            found.append(("Not-check-worthy sentences", [
                f"Share given SUPPORTED or REFUTED: {_num(share)} (should be 0; a sentence "
                "without a claim is as it should be).",
                Table(["id", "sentence", "predicted", "claim"],
                      [[r.id, r.sentence, r.predicted or "not checked", r.claim or ""]
                       for r in result.not_checkworthy]),
            ]))
    return found


# --- markdown -----------------------------------------------------------------------------------


def _md(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "\\|")


def _md_block(block: Block) -> list[str]:
    if isinstance(block, str):
        return [_md(block), ""]
    return [
        "| " + " | ".join(_md(h) for h in block.header) + " |",
        "|" + " --- |" * len(block.header),
        *("| " + " | ".join(_md(cell) for cell in row) + " |" for row in block.rows),
        "",
    ]


def render_markdown(results: list[EvalRun], previous: Sequence[EvalRun | None]) -> str:
    """The eval report as Markdown; `previous[i]` is the run before `results[i]`, or None."""
    lines = ["# Eval report", ""]
    for result, before in zip(results, previous, strict=True):
        lines += [f"## {_md(result.suite)}: {result.mode} mode", ""]
        for title, blocks in sections(result, before):
            lines += [f"### {title}", ""]
            for block in blocks:
                lines += _md_block(block)
    return "\n".join(lines)


# --- html ---------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92em; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.5rem; }
"""


def _html_block(block: Block) -> str:
    esc = html.escape
    if isinstance(block, str):
        return f"<p>{esc(block)}</p>"
    head = "".join(f"<th>{esc(h)}</th>" for h in block.header)
    body = "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in row) + "</tr>"
                   for row in block.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(results: list[EvalRun], previous: Sequence[EvalRun | None]) -> str:
    """The eval report as one self-contained HTML page (inline CSS, no scripts)."""
    parts = []
    for result, before in zip(results, previous, strict=True):
        parts.append(f"<h2>{html.escape(result.suite)}: {result.mode} mode</h2>")
        for title, blocks in sections(result, before):
            parts.append(f"<h3>{html.escape(title)}</h3>")
            parts += [_html_block(block) for block in blocks]
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Eval report</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Eval report</h1>
{body}
</body>
</html>
"""


def render_eval_report(results: list[EvalRun], previous: Sequence[EvalRun | None],
                       fmt: str) -> str:
    """The report in `fmt` ('markdown' or 'html')."""
    render = render_html if fmt == "html" else render_markdown
    return render(results, previous)
