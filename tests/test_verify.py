"""Verifying articles end to end: the Python API (sync, async, threads) and the installed
`factcheck verify` command on a seed article."""

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

from agent import ArticleReport, InputError, Label, Settings, StoreError, Verifier
from agent._report import article_report_schema

ROOT = Path(__file__).parent.parent
SEED_ARTICLE = ROOT / "seeds" / "004_7918f40a88e544d6.txt"
SEED_CORPUS = ROOT / "seeds" / "corpus"
FACTCHECK = Path(sys.executable).parent / "factcheck"


@pytest.fixture(scope="module")
def seed_home(tmp_path_factory) -> Path:
    """A store with the seed reference corpus, built once for this module."""
    home = tmp_path_factory.mktemp("seed-home")
    Verifier(Settings(home=home)).ingest([SEED_CORPUS])
    return home


@pytest.fixture(scope="module")
def verifier(seed_home) -> Verifier:
    return Verifier(Settings(home=seed_home))


def test_seed_article_report(verifier):
    report = verifier.verify(SEED_ARTICLE.read_text(encoding="utf-8"), source="004")
    labels = {v.claim.text: v.label for v in report.verdicts}
    assert labels["Oleksandr Petrenko ist der Verteidigungsminister der Ukraine."] == Label.REFUTED
    assert labels["Admiral Sarah Thompson ist die Sprecherin der NATO."] == Label.REFUTED
    assert sum(report.counts.values()) == len(report.verdicts) > 10
    assert report.provenance.passages_in_store > 0
    jsonschema.validate(json.loads(report.model_dump_json()), article_report_schema())
    for verdict in report.verdicts:
        assert verdict.label == Label.NOT_ENOUGH_INFO or verdict.citations


def test_async_and_threads_agree(verifier):
    claim = "Nordkorea hat 2024 insgesamt 148 ballistische Raketen an Russland geliefert."
    sync = verifier.verify_claim(claim)
    asynchronous = asyncio.run(verifier.averify_claim(claim))
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(verifier.verify_claim, [claim] * 4))
    assert {v.label for v in [asynchronous, *threaded]} == {sync.label}


def test_batch(verifier):
    reports = asyncio.run(verifier.averify_batch([
        "Nordkorea hat 2024 insgesamt 148 ballistische Raketen an Russland geliefert.",
        "Wladimir Putin empfing die nordkoreanische Außenministerin Choe Son Hui im Kreml.",
    ]))
    assert [r.source for r in reports] == ["<text 1>", "<text 2>"]
    assert all(isinstance(r, ArticleReport) for r in reports)


@pytest.mark.parametrize("text", ["", "   \n", "abc\x00def"])
def test_bad_articles_are_refused(verifier, text):
    with pytest.raises(InputError):
        verifier.verify(text)


def test_huge_article_is_refused(verifier):
    with pytest.raises(InputError, match="over the limit"):
        verifier.verify("Nordkorea liefert Raketen. " * 200_000)  # about 5 MB


def test_article_without_checkworthy_claims(verifier):
    report = verifier.verify("Wie geht es weiter? Es bleibt zu hoffen, dass alles gut wird.")
    assert report.verdicts == []
    assert report.summary == "No check-worthy claims were found."


def test_empty_store_is_a_store_error(tmp_path):
    env = {**os.environ, "FACTCHECK_HOME": str(tmp_path / "home")}
    result = subprocess.run([FACTCHECK, "verify", str(SEED_ARTICLE)], env=env,
                            capture_output=True, text=True)
    assert result.returncode == StoreError.exit_code
    assert "empty" in result.stderr


def run_cli(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FACTCHECK_HOME": str(home)}
    return subprocess.run([FACTCHECK, *args], env=env, capture_output=True, text=True,
                          input=stdin, timeout=300)


def test_cli_verify_seed_article_all_formats(seed_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(seed_home, home)
    result = run_cli("verify", str(SEED_ARTICLE), "--corpus", str(SEED_CORPUS), "--format",
                     "json", home=home)
    assert result.returncode == 0, result.stderr
    assert "0 passages added" in result.stderr  # the corpus was already ingested
    report = json.loads(result.stdout)
    jsonschema.validate(report, article_report_schema())
    assert report["verdicts"]

    html_file = tmp_path / "report.html"
    result = run_cli("verify", str(SEED_ARTICLE), "--format", "html", "--out", str(html_file),
                     home=home)
    assert result.returncode == 0, result.stderr
    assert html_file.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")

    result = run_cli("verify", "-", "--format", "markdown", home=home,
                     stdin="Nordkorea hat 2024 insgesamt 148 ballistische Raketen an Russland "
                           "geliefert, wie der Geheimdienst mitteilte.")
    assert result.returncode == 0, result.stderr
    assert "SUPPORTED" in result.stdout

    result = run_cli("verify", str(SEED_ARTICLE), home=home)
    assert result.returncode == 0, result.stderr
    assert "REFUTED" in result.stdout


def test_cli_verify_bad_inputs(seed_home, tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for args in ([str(binary)], [str(empty)], [str(tmp_path / "missing.txt")],
                 ["http://127.0.0.1:9/unreachable"], [str(SEED_ARTICLE), "--format", "pdf"]):
        result = run_cli("verify", *args, home=seed_home)
        assert result.returncode == InputError.exit_code, (args, result.stderr)
        assert "error" in result.stderr
