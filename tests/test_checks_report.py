"""run_checks and format_checks, and the checks in every report format and the JSON schema."""

from __future__ import annotations

import io
import json
from datetime import date

import jsonschema
from rich.console import Console

from agent._checks import format_checks, run_checks
from agent._models import (
    ArticleReport,
    CheckResult,
    Claim,
    ClaimVerdict,
    Label,
    Provenance,
    StageTimes,
)
from agent._report import (
    article_report_schema,
    render_html,
    render_json,
    render_markdown,
    render_terminal,
)

CLAIM = ("Am Montag, dem 3. März 2021, unterzeichnete der Stadtrat den Vertrag über 12 Millionen "
         "Euro.")
EVIDENCE = ["Der Stadtrat unterzeichnete den Vertrag über 12 Millionen Euro am 5. März 2021."]


def test_run_checks_gives_every_kind_that_fires() -> None:
    results = run_checks(CLAIM, EVIDENCE, date(2021, 3, 10))
    kinds = {r.kind: r for r in results}
    assert set(kinds) == {"calendar", "date", "quantity"}
    assert kinds["calendar"].outcome == Label.REFUTED and kinds["calendar"].quote == ""
    assert kinds["date"].outcome == Label.REFUTED and kinds["date"].quote == EVIDENCE[0]
    assert kinds["quantity"].outcome == Label.SUPPORTED


def test_run_checks_is_silent_without_anything_to_check() -> None:
    assert run_checks("Der Stadtrat tagte am Montag.", ["Der Stadtrat tagte lange."]) == []
    assert run_checks("The council met.", []) == []


def test_format_checks_for_a_prompt() -> None:
    results = run_checks(CLAIM, EVIDENCE, date(2021, 3, 10))
    text = format_checks(results)
    assert text.startswith("Exact checks")
    assert "calendar: REFUTED" in text and "Wednesday" in text and "Monday" in text
    assert f'Evidence: "{EVIDENCE[0]}"' in text
    assert format_checks([]) == ""


def _report(checks: list[CheckResult]) -> ArticleReport:
    claim = Claim(id="c001", text=CLAIM, sentence=CLAIM, start=0, end=len(CLAIM))
    verdict = ClaimVerdict(claim=claim, label=Label.REFUTED, confidence=0.9,
                           rationale="The weekday is wrong.", checks=checks)
    return ArticleReport(
        source="<text>", article=CLAIM, verdicts=[verdict], counts={Label.REFUTED: 1},
        summary="1 claim refuted.", usage=StageTimes(),
        provenance=Provenance(package_version="0", embedding_model="m", judge="j",
                              extractor="e", corpus_fingerprint="f", passages_in_store=1,
                              created="2024-01-01T00:00:00Z"))


def test_checks_in_every_report_format() -> None:
    checks = run_checks(CLAIM, EVIDENCE, date(2021, 3, 10))
    report = _report(checks)
    text = render_json(report)
    jsonschema.validate(json.loads(text), article_report_schema())
    assert ArticleReport.model_validate_json(text) == report
    assert json.loads(text)["verdicts"][0]["checks"][0]["kind"] == "calendar"

    markdown = render_markdown(report)
    page = render_html(report)
    console = Console(record=True, width=200, file=io.StringIO())
    render_terminal(report, console)
    terminal = console.export_text()
    for out in (markdown, page, terminal):
        assert "calendar check REFUTED" in out and "date check REFUTED" in out
        assert "quantity check SUPPORTED" in out
        assert "Wednesday" in out


def test_report_escapes_check_text() -> None:
    check = CheckResult(kind="quantity", claim_value="<b>12</b>", evidence_value="13",
                        outcome=Label.REFUTED, quote="<script>x</script>", detail="12 vs 13")
    page = render_html(_report([check]))
    assert "<script>" not in page and "&lt;b&gt;12&lt;/b&gt;" in page
    assert "<script>" not in render_markdown(_report([check]))


def test_a_verdict_without_checks_shows_none() -> None:
    report = _report([])
    assert "Checks" not in render_markdown(report)
    assert 'class="checks"' not in render_html(report)
    assert json.loads(render_json(report))["verdicts"][0]["checks"] == []
