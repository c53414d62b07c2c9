"""Render an ArticleReport for a terminal, as JSON, as Markdown or as a self-contained HTML page."""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ._models import ArticleReport, CheckResult, Citation, ClaimVerdict, Label, NotChecked

FORMATS = ("terminal", "json", "markdown", "html")

LABEL_STYLES: dict[Label | None, str] = {
    Label.SUPPORTED: "green",
    Label.REFUTED: "red",
    Label.NOT_ENOUGH_INFO: "yellow",
    None: "magenta",  # a claim that could not be judged
}
# Higher is worse: a sentence holding several claims is coloured by its worst verdict.
SEVERITY: dict[Label | None, int] = {
    Label.SUPPORTED: 0, None: 1, Label.NOT_ENOUGH_INFO: 1, Label.REFUTED: 2,
}
QUOTE_LIMIT = 240
RATIONALE_LIMIT = 400
STAGES = ("ingest", "extract", "retrieve", "judge", "total")


def article_report_schema() -> dict[str, Any]:
    """The published JSON Schema of ArticleReport (agent/schemas/article-report.schema.json)."""
    path = resources.files("agent") / "schemas" / "article-report.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def render(report: ArticleReport, fmt: str) -> str:
    """Render a report as "json", "markdown" or "html"; the terminal format needs a Console."""
    renderers = {"json": render_json, "markdown": render_markdown, "html": render_html}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(renderers)}")
    return renderers[fmt](report)


def _truncate(text: str, limit: int) -> str:
    """Collapse whitespace and cut at a word boundary, ending with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.") + "…"


def _counts(report: ArticleReport) -> list[tuple[Label | None, int]]:
    """Every label with its count, missing labels as zero; unjudged claims last, if any."""
    counts: list[tuple[Label | None, int]] = [
        (label, report.counts.get(label, 0)) for label in Label
    ]
    return counts + [(None, report.errors)] if report.errors else counts


def _label_name(label: Label | None) -> str:
    return label.value if label else "ERROR"


def llm_line(report: ArticleReport) -> str:
    """The LLM usage of a report in one line, or "" when no model was called."""
    u = report.llm
    if not (u.calls or u.cache_hits):
        return ""
    line = (f"LLM: {u.calls} calls, {u.cache_hits} cached, {u.prompt_tokens} prompt + "
            f"{u.completion_tokens} completion tokens, {u.seconds:.1f} s in calls (summed, "
            f"concurrent calls overlap), ${u.cost_usd:.4f}")
    extras = [f"{getattr(u, name)} {name.replace('_', ' ')}"
              for name in ("retries", "repairs", "invalid_outputs", "dropped_citations",
                           "dropped_claims") if getattr(u, name)]
    return line + (f" ({', '.join(extras)})" if extras else "")


def _source_name(citation: Citation) -> str:
    """A citation's document title, or its id when it has none."""
    return citation.title or citation.document_id


def _is_web_url(url: str) -> bool:
    """Whether a URL is safe to link (http or https only)."""
    return url.lower().startswith(("http://", "https://"))


def not_checked_line(item: NotChecked) -> str:
    """A statement left unchecked in one line: its reason and its text."""
    return f"{item.reason}: {item.text}"


def check_line(check: CheckResult) -> str:
    """One deterministic check in one line: kind, outcome, the two values and the rationale."""
    return (f"{check.kind} check {check.outcome.value}: {check.detail} (claim: "
            f"{check.claim_value}; evidence: {check.evidence_value or '—'})")


# --- terminal -----------------------------------------------------------------------------------


def render_terminal(report: ArticleReport, console: Console) -> None:
    """Print a coloured report: header, counts, one panel per claim, timings and provenance."""
    header = Text.assemble(("Source: ", "bold"), report.source, "\n", report.summary)
    console.print(Panel(header, title="Fact-check report", border_style="bold"))

    counts = Text()
    for i, (label, count) in enumerate(_counts(report)):
        if i:
            counts.append("   ")
        counts.append(f"{_label_name(label)} {count}", style=f"bold {LABEL_STYLES[label]}")
    console.print(counts)
    for warning in report.warnings:
        console.print(Text(f"Warning: {warning}", style="bold magenta"))

    for verdict in report.verdicts:
        console.print(_claim_panel(verdict))
    if report.not_checked:
        console.print(Panel(
            Group(*(Text(not_checked_line(item)) for item in report.not_checked)),
            title=f"Not checked ({len(report.not_checked)}): no checkable fact, no verdict",
            title_align="left", border_style="dim"))

    times = Table(title="Seconds per stage", show_header=True, header_style="bold")
    for stage in STAGES:
        times.add_column(stage, justify="right")
    times.add_row(*(f"{getattr(report.usage, stage):.2f}" for stage in STAGES))
    console.print(times)

    if llm_line(report):
        console.print(Text(llm_line(report), style="dim"))
    p = report.provenance
    console.print(
        Text.assemble(
            ("Embedding model: ", "bold"), p.embedding_model, "\n",
            ("Judge: ", "bold"), p.judge, "   ", ("Extractor: ", "bold"), p.extractor, "\n",
            ("Corpus: ", "bold"), f"{p.corpus_fingerprint} ({p.passages_in_store} passages)", "\n",
            ("Version: ", "bold"), p.package_version, "   ", ("Created: ", "bold"), p.created,
            style="dim",
        )
    )


def _claim_panel(verdict: ClaimVerdict) -> Panel:
    """One claim: its text, confidence, rationale and citations, framed in its label's colour."""
    style = LABEL_STYLES[verdict.label]
    parts: list[Text] = [
        Text(verdict.claim.text, style="bold"),
        Text.assemble(("Confidence: ", "dim"), f"{verdict.confidence:.2f}"),
        Text(_truncate(verdict.rationale, RATIONALE_LIMIT)),
    ]
    for n, citation in enumerate(verdict.citations, 1):
        line = Text.assemble((f"[{n}] ", "bold"), (_source_name(citation), "cyan"))
        if citation.title:
            line.append(f" ({citation.document_id})", style="dim")
        if citation.date:
            line.append(f" · {citation.date}", style="dim")
        parts.append(line)
        parts.append(Text(f"    “{_truncate(citation.quote, QUOTE_LIMIT)}”", style="italic"))
    for check in verdict.checks:
        parts.append(Text.assemble(("Check: ", "bold"), (check_line(check),
                                                          LABEL_STYLES[check.outcome])))
        if check.quote:
            parts.append(Text(f"    “{_truncate(check.quote, QUOTE_LIMIT)}”", style="italic"))
    title = Text.assemble((verdict.outcome, f"bold {style}"), f"  {verdict.claim.id}")
    return Panel(Group(*parts), title=title, title_align="left", border_style=style)


# --- json ---------------------------------------------------------------------------------------


def render_json(report: ArticleReport) -> str:
    """The report as indented JSON; non-ASCII characters are kept as they are, not escaped."""
    return report.model_dump_json(indent=2)


# --- markdown -----------------------------------------------------------------------------------


# Characters that start inline Markdown (links and images, emphasis, code, strike-through),
# escaped with a backslash as CommonMark allows for any ASCII punctuation.
_MD_INLINE = re.compile(r"([\\`*_\[\]~])")


def _md(text: str) -> str:
    """Inline Markdown that shows the text as it is: whitespace collapsed, HTML special
    characters and Markdown syntax escaped, so that no link, image, emphasis or heading can come
    from an article, a passage or a model."""
    text = _MD_INLINE.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
    # at the start of a line (a quote line) these would make a heading, list or rule
    text = re.sub(r"^([#+=-])", r"\\\1", text)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def _md_cell(text: str) -> str:
    """A Markdown table cell: inline text with pipes escaped."""
    return _md(text).replace("|", "\\|")


def _md_url(url: str) -> str:
    """A URL usable as a Markdown link destination."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def render_markdown(report: ArticleReport) -> str:
    """A Markdown document: summary, counts, an overview table, one section per claim."""
    lines = [
        "# Fact-check report",
        "",
        f"**Source:** {_md(report.source)}",
        "",
        _md(report.summary),
        "",
        "| Verdict | Claims |",
        "| --- | ---: |",
        *(f"| {_label_name(label)} | {count} |" for label, count in _counts(report)),
        "",
        *(f"**Warning:** {_md(w)}\n" for w in report.warnings),
    ]
    if report.verdicts:
        lines += ["| Claim | Verdict | Confidence | Text |", "| --- | --- | ---: | --- |"]
        lines += [
            f"| [{_md_cell(v.claim.id)}](#claim-{_anchor(v.claim.id)}) | {v.outcome} "
            f"| {v.confidence:.2f} | {_md_cell(v.claim.text)} |"
            for v in report.verdicts
        ]
        lines.append("")
    for verdict in report.verdicts:
        lines += _markdown_claim(verdict)
    if report.not_checked:
        lines += ["## Not checked", "",
                  "Statements that state no checkable fact; they get no verdict.", "",
                  "| Reason | Text |", "| --- | --- |",
                  *(f"| {item.reason} | {_md_cell(item.text)} |" for item in report.not_checked),
                  ""]
    p = report.provenance
    lines += [
        "## Provenance",
        "",
        f"- Embedding model: {_md(p.embedding_model)}",
        f"- Judge: {_md(p.judge)}",
        f"- Extractor: {_md(p.extractor)}",
        f"- Corpus fingerprint: `{p.corpus_fingerprint}` ({p.passages_in_store} passages)",
        f"- Package version: {_md(p.package_version)}",
        f"- Created: {_md(p.created)}",
        "- Seconds per stage: "
        + ", ".join(f"{stage} {getattr(report.usage, stage):.2f}" for stage in STAGES),
        *([f"- {_md(llm_line(report))}"] if llm_line(report) else []),
        *(f"- Prompt {_md(ref)}: `{digest[:16]}`" for ref, digest in p.prompts.items()),
        "",
    ]
    return "\n".join(lines)


def _markdown_claim(verdict: ClaimVerdict) -> list[str]:
    """The Markdown section of one claim."""
    claim = verdict.claim
    lines = [
        f'<a id="claim-{_anchor(claim.id)}"></a>',
        "",
        f"## {_md(claim.id)}: {verdict.outcome}",
        "",
        f"**Claim:** {_md(claim.text)}",
        "",
        f"**Confidence:** {verdict.confidence:.2f}",
        "",
        f"**Rationale:** {_md(verdict.rationale)}",
        "",
    ]
    if verdict.citations:
        lines += ["**Evidence:**", ""]
    for citation in verdict.citations:
        source = f"*{_md(citation.title)}* (`{citation.document_id}`)" if citation.title else (
            f"`{citation.document_id}`"
        )
        if citation.date:
            source += f", {_md(citation.date)}"
        if _is_web_url(citation.url):
            source += f", [link]({_md_url(citation.url)})"
        lines += [f"> {_md(citation.quote)}", ">", f"> — {source}", ""]
    if verdict.checks:
        lines += ["**Checks:**", ""]
        lines += [
            f"- {_md(check_line(check))}"
            + (f" — “{_md(_truncate(check.quote, QUOTE_LIMIT))}”" if check.quote else "")
            for check in verdict.checks
        ]
        lines.append("")
    return lines


# --- html ---------------------------------------------------------------------------------------


def _anchor(claim_id: str) -> str:
    """A fragment-safe form of a claim id for `claim-<id>` anchors."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", claim_id)


def _esc(text: str) -> str:
    """Escape text for HTML content or attribute values."""
    return html.escape(text, quote=True)


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.5; }
.article { white-space: pre-wrap; border: 1px solid #ddd; border-radius: 6px; padding: 1rem;
           background: #fafafa; }
mark { padding: 0 .1em; border-radius: 3px; }
mark.supported { background: #c9f2c7; }
mark.refuted { background: #f8c4c4; }
mark.not_enough_info { background: #fbeaa5; }
mark.error { background: #ead7f5; }
a.hl { color: inherit; text-decoration: none; }
.badge { display: inline-block; padding: .1em .5em; border-radius: 4px; font-size: .8em;
         font-weight: bold; color: #fff; }
.badge.supported { background: #2e7d32; }
.badge.refuted { background: #c62828; }
.badge.not_enough_info { background: #b28704; }
.badge.error { background: #7b1fa2; }
.legend span { margin-right: 1rem; }
.claim { border-left: 4px solid #ccc; padding: .2rem 1rem; margin: 1rem 0; }
.claim.supported { border-color: #2e7d32; }
.claim.refuted { border-color: #c62828; }
.claim.not_enough_info { border-color: #b28704; }
.claim.error { border-color: #7b1fa2; }
.claim:target { background: #eef4ff; }
ul.checks { padding-left: 1.2rem; font-size: .95em; }
blockquote { margin: .5rem 0; padding-left: .8rem; border-left: 3px solid #ddd; color: #444; }
.meta, footer { color: #666; font-size: .9em; }
"""


def _css_class(label: Label | None) -> str:
    return label.value.lower() if label else "error"


def _badge(label: Label | None) -> str:
    return f'<span class="badge {_css_class(label)}">{label.value if label else "ERROR"}</span>'


def _highlight_spans(report: ArticleReport) -> list[tuple[int, int, ClaimVerdict]]:
    """Non-overlapping article spans in order, each with the worst verdict of its claims."""
    limit = len(report.article)
    worst: dict[tuple[int, int], ClaimVerdict] = {}
    for verdict in report.verdicts:
        start, end = max(0, verdict.claim.start), min(limit, verdict.claim.end)
        if start >= end:
            continue
        current = worst.get((start, end))
        if current is None or SEVERITY[verdict.label] > SEVERITY[current.label]:
            worst[(start, end)] = verdict
    spans: list[tuple[int, int, ClaimVerdict]] = []
    cursor = 0
    for (start, end), verdict in sorted(worst.items()):
        if start < cursor:
            continue  # overlaps a span already highlighted
        spans.append((start, end, verdict))
        cursor = end
    return spans


def _article_html(report: ArticleReport) -> tuple[str, dict[tuple[int, int], str]]:
    """The escaped article with highlighted spans, and the mark id of each highlighted span."""
    parts: list[str] = []
    marks: dict[tuple[int, int], str] = {}
    cursor = 0
    for n, (start, end, verdict) in enumerate(_highlight_spans(report), 1):
        mark_id = f"span-{n}"
        marks[(start, end)] = mark_id
        parts.append(_esc(report.article[cursor:start]))
        parts.append(
            f'<a class="hl" href="#claim-{_anchor(verdict.claim.id)}">'
            f'<mark id="{mark_id}" class="{_css_class(verdict.label)}" '
            f'title="{verdict.outcome}: {_esc(verdict.claim.text)}">'
            f"{_esc(report.article[start:end])}</mark></a>"
        )
        cursor = end
    parts.append(_esc(report.article[cursor:]))
    return "".join(parts), marks


def _claim_html(verdict: ClaimVerdict, mark_id: str | None) -> str:
    """The HTML entry of one claim: badge, text, rationale and evidence."""
    claim = verdict.claim
    back = f' <a href="#{mark_id}">↑ in article</a>' if mark_id else ""
    out = [
        f'<section class="claim {_css_class(verdict.label)}" id="claim-{_anchor(claim.id)}">',
        f"<h3>{_badge(verdict.label)} {_esc(claim.text)}</h3>",
        f'<p class="meta">{_esc(claim.id)} · confidence {verdict.confidence:.2f}{back}</p>',
        f"<p>{_esc(verdict.rationale)}</p>",
    ]
    for citation in verdict.citations:
        source = f"<cite>{_esc(_source_name(citation))}</cite>"
        if citation.title:
            source += f" ({_esc(citation.document_id)})"
        if citation.date:
            source += f", {_esc(citation.date)}"
        if _is_web_url(citation.url):
            source += f', <a href="{_esc(citation.url)}" rel="noreferrer">{_esc(citation.url)}</a>'
        out.append(f"<blockquote><p>{_esc(citation.quote)}</p><footer>— {source}</footer>"
                   "</blockquote>")
    if verdict.checks:
        out.append('<ul class="checks">')
        out += [
            f"<li>{_badge(check.outcome)} {_esc(check_line(check))}"
            + (f" <q>{_esc(_truncate(check.quote, QUOTE_LIMIT))}</q>" if check.quote else "")
            + "</li>"
            for check in verdict.checks
        ]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _not_checked_html(report: ArticleReport) -> str:
    """The statements left unchecked, with their reasons; '' when there are none."""
    if not report.not_checked:
        return ""
    items = "".join(f"<li><strong>{_esc(item.reason)}</strong>: {_esc(item.text)}</li>"
                    for item in report.not_checked)
    return ('<h2>Not checked</h2>\n<p class="meta">Statements that state no checkable fact; they '
            f'get no verdict.</p>\n<ul class="not-checked">{items}</ul>')


def render_html(report: ArticleReport) -> str:
    """One self-contained HTML page: the highlighted article, a legend and every claim."""
    article, marks = _article_html(report)
    legend = " ".join(f"<span>{_badge(label)} {count}</span>" for label, count in _counts(report))
    claims = "\n".join(
        _claim_html(v, marks.get((max(0, v.claim.start), min(len(report.article), v.claim.end))))
        for v in report.verdicts
    )
    p = report.provenance
    times = ", ".join(f"{stage} {getattr(report.usage, stage):.2f}" for stage in STAGES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fact-check report: {_esc(report.source)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Fact-check report</h1>
<p class="meta">Source: {_esc(report.source)}</p>
<p>{_esc(report.summary)}</p>
<p class="legend">{legend}</p>
{"".join(f'<p class="meta"><strong>Warning:</strong> {_esc(w)}</p>' for w in report.warnings)}
<p class="meta">Highlighted sentences link to their claims; a sentence holding several claims
takes the colour of its worst verdict (REFUTED, then NOT_ENOUGH_INFO, then SUPPORTED).</p>
<h2>Article</h2>
<div class="article">{article}</div>
<h2>Claims</h2>
{claims}
{_not_checked_html(report)}
<footer>
<p>Embedding model: {_esc(p.embedding_model)} · Judge: {_esc(p.judge)} ·
Extractor: {_esc(p.extractor)}</p>
<p>Corpus fingerprint: {_esc(p.corpus_fingerprint)} ({p.passages_in_store} passages) ·
Version {_esc(p.package_version)} · Created {_esc(p.created)}</p>
<p>Seconds per stage: {times}</p>
{f"<p>{_esc(llm_line(report))}</p>" if llm_line(report) else ""}
</footer>
</body>
</html>
"""
