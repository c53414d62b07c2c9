"""Verifying articles end to end: the Python API (sync, async, threads, batches) and the installed
`factcheck verify` command, on an article written for these tests against the tiny corpus."""

import asyncio
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest

from agent import InputError, Label, Settings, StoreError, Verifier
from agent._report import article_report_schema
from agent._store import CorpusStore

FACTCHECK = Path(sys.executable).parent / "factcheck"
# Two statements the tiny corpus supports and one it contradicts (it says 48 million).
TRUE_LINE = "Die Linie 17 verbindet den Hauptbahnhof mit dem Stadtteil Grünau."
FALSE_COST = "Die Baukosten lagen bei 95 Millionen Euro."
ARTICLE = (
    "Neue Straßenbahn in Leipzig\n\n"
    "Die Leipziger Verkehrsbetriebe haben am Mittwoch eine neue Straßenbahnlinie eröffnet. "
    f"{TRUE_LINE} {FALSE_COST}\n"
)
SOLAR = "Prices for solar panels fell by a quarter in 2023."


@pytest.fixture(scope="module")
def verifier(tiny_store_home, embedder) -> Verifier:
    settings = Settings(home=tiny_store_home)
    return Verifier(settings, store=CorpusStore(settings, embedder))


@pytest.fixture
def article_file(tmp_path) -> Path:
    path = tmp_path / "leipzig.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_article_report(verifier):
    report = verifier.verify(ARTICLE, source="leipzig")
    labels = {v.claim.text: v.label for v in report.verdicts}
    assert labels[TRUE_LINE] == Label.SUPPORTED
    assert labels[FALSE_COST] == Label.REFUTED
    assert sum(report.counts.values()) == len(report.verdicts) >= 3
    assert report.counts[Label.REFUTED] >= 1
    assert "contradict" in report.summary
    assert report.provenance.passages_in_store > 0
    jsonschema.validate(json.loads(report.model_dump_json()), article_report_schema())
    for verdict in report.verdicts:
        assert ARTICLE[verdict.claim.start:verdict.claim.end] == verdict.claim.sentence
        assert verdict.label == Label.NOT_ENOUGH_INFO or verdict.citations
    refuting = next(v for v in report.verdicts if v.claim.text == FALSE_COST)
    assert refuting.citations[0].document_id == "de-tram"
    assert "48" in refuting.citations[0].quote


def test_async_and_threads_agree(verifier):
    sync = verifier.verify_claim(SOLAR)
    assert sync.label == Label.SUPPORTED
    asynchronous = asyncio.run(verifier.averify_claim(SOLAR))
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(verifier.verify_claim, [SOLAR] * 4))
    assert {v.label for v in [asynchronous, *threaded]} == {sync.label}


def test_batch_reports_each_article_as_verify_does(verifier):
    texts = [ARTICLE, f"{SOLAR} A volcano on the Reykjanes peninsula erupted again on Monday."]
    reports = asyncio.run(verifier.averify_batch(texts))
    assert [r.source for r in reports] == ["<text 1>", "<text 2>"]
    for text, report in zip(texts, reports, strict=True):
        alone = verifier.verify(text)
        assert report.article == text
        assert [(v.claim.text, v.label) for v in report.verdicts] == \
            [(v.claim.text, v.label) for v in alone.verdicts]
    assert {v.claim.text for v in reports[1].verdicts} >= {SOLAR}


@pytest.mark.parametrize("text", ["", "   \n", "abc\x00def"])
def test_bad_articles_are_refused(verifier, text):
    with pytest.raises(InputError):
        verifier.verify(text)


def test_huge_article_is_refused(verifier):
    with pytest.raises(InputError, match="over the limit"):
        verifier.verify("Die Linie 17 fährt nach Grünau. " * 200_000)  # about 6 MB


def test_article_without_checkworthy_claims(verifier):
    report = verifier.verify("Wie geht es weiter? Es bleibt zu hoffen, dass alles gut wird.")
    assert report.verdicts == []
    assert [n.text for n in report.not_checked] == [
        "Es bleibt zu hoffen, dass alles gut wird."]
    assert report.summary == ("No check-worthy claims were found. 1 statement not checked "
                              "(opinion, prediction, question or rhetoric; see the list).")


def test_empty_store_is_a_store_error(tmp_path, article_file):
    env = {**os.environ, "FACTCHECK_HOME": str(tmp_path / "home")}
    result = subprocess.run([FACTCHECK, "verify", str(article_file)], env=env,
                            capture_output=True, text=True)
    assert result.returncode == StoreError.exit_code
    assert "empty" in result.stderr


def run_cli(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FACTCHECK_HOME": str(home)}
    return subprocess.run([FACTCHECK, *args], env=env, capture_output=True, text=True,
                          input=stdin, timeout=300)


def test_cli_verify_all_formats(tiny_store_home, tmp_path, article_file):
    home = tmp_path / "home"
    shutil.copytree(tiny_store_home, home)
    result = run_cli("verify", str(article_file), "--corpus", str(home / "corpus"), "--format",
                     "json", home=home)
    assert result.returncode == 0, result.stderr
    assert "0 passages added" in result.stderr  # the corpus was already ingested
    report = json.loads(result.stdout)
    jsonschema.validate(report, article_report_schema())
    labels = {v["claim"]["text"]: v["label"] for v in report["verdicts"]}
    assert (labels[TRUE_LINE], labels[FALSE_COST]) == ("SUPPORTED", "REFUTED")

    html_file = tmp_path / "report.html"
    result = run_cli("verify", str(article_file), "--format", "html", "--out", str(html_file),
                     home=home)
    assert result.returncode == 0, result.stderr
    assert html_file.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")

    result = run_cli("verify", "-", "--format", "markdown", home=home, stdin=SOLAR)
    assert result.returncode == 0, result.stderr
    assert ": 1 supported, 0 refuted" in result.stdout

    result = run_cli("verify", str(article_file), home=home)
    assert result.returncode == 0, result.stderr
    assert "REFUTED" in result.stdout


def test_cli_verify_bad_inputs(tiny_store_home, tmp_path, article_file):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for args in ([str(binary)], [str(empty)], [str(tmp_path / "missing.txt")],
                 ["http://127.0.0.1:9/unreachable"], [str(article_file), "--format", "pdf"]):
        result = run_cli("verify", *args, home=tiny_store_home)
        assert result.returncode == InputError.exit_code, (args, result.stderr)
        assert "error" in result.stderr


def test_cli_verify_takes_the_articles_date(tiny_store_home, tmp_path, article_file):
    home = tmp_path / "home"
    shutil.copytree(tiny_store_home, home)
    result = run_cli("verify", str(article_file), "--format", "json", "--as-of", "2024-04-19",
                     home=home)
    assert result.returncode == 0, result.stderr
    claims = [v["claim"] for v in json.loads(result.stdout)["verdicts"]]
    assert claims and {c["as_of"] for c in claims} == {"2024-04-19"}
    result = run_cli("verify", str(article_file), "--as-of", "19.04.2024", home=home)
    assert result.returncode == InputError.exit_code
    assert "--as-of must be a date as YYYY-MM-DD" in result.stderr
