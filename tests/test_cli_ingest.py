"""`factcheck ingest` and `factcheck search` through the installed console script."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TINY_DOCUMENT_IDS, CachingEmbedder, write_tiny_corpus

from agent._settings import Settings
from agent._store import CorpusStore

FACTCHECK = Path(sys.executable).parent / "factcheck"
SEED_CORPUS = Path(__file__).parent.parent / "seeds" / "corpus"
N_DOCS = len(TINY_DOCUMENT_IDS)
HIT_FIELDS = {"passage_id", "document_id", "score", "text", "title", "url", "date", "lang"}


@dataclass
class Result:
    rc: int
    stdout: str
    stderr: str

    @property
    def message(self) -> str:
        """stderr with line wrapping undone, for substring checks."""
        return " ".join(self.stderr.split())


def cli_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(FACTCHECK_HOME=str(home), COLUMNS="2000", NO_COLOR="1")
    return env


def factcheck(*args: str | Path, home: Path, timeout: float = 180) -> Result:
    env = cli_env(home)
    proc = subprocess.run(
        [str(FACTCHECK), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@dataclass
class Ingested:
    home: Path
    corpus: Path
    first: Result


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    """A home into which `factcheck ingest` has put the tiny corpus once."""
    if not FACTCHECK.exists():
        pytest.skip(f"{FACTCHECK} is not installed")
    root = tmp_path_factory.mktemp("cli")
    corpus = write_tiny_corpus(root / "corpus")
    home = root / "home"
    return Ingested(home, corpus, factcheck("ingest", corpus, home=home))


def test_ingest_exits_0_with_summary_on_stderr(ingested: Ingested) -> None:
    result = ingested.first
    assert result.rc == 0, result.stderr
    assert result.stdout == ""
    assert f"{N_DOCS} documents: {N_DOCS} new or changed, 0 unchanged;" in result.message
    assert f"{N_DOCS} passages added, 0 removed; 0 skipped" in result.message
    assert (ingested.home / "chroma" / "chroma.sqlite3").exists()


def test_second_ingest_adds_nothing(ingested: Ingested) -> None:
    result = factcheck("ingest", ingested.corpus, home=ingested.home)
    assert result.rc == 0, result.stderr
    assert f"0 new or changed, {N_DOCS} unchanged; 0 passages added, 0 removed" in result.message


def test_search_json(ingested: Ingested) -> None:
    result = factcheck(
        "search",
        "Wer hat die Schachweltmeisterschaft gewonnen?",
        "--json",
        "-k",
        "3",
        home=ingested.home,
    )
    assert result.rc == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and 1 <= len(hits) <= 3
    for hit in hits:
        assert set(hit) >= HIT_FIELDS
        assert isinstance(hit["score"], float) and hit["score"] > 0
        assert hit["passage_id"].startswith(f"{hit['document_id']}::")
    top = hits[0]
    assert top["document_id"] == "en-chess"
    assert (top["title"], top["url"], top["date"], top["lang"]) == (
        "Chess world championship decided",
        "https://example.org/chess",
        "2022-11-03",
        "en",
    )
    assert "tie-break" in top["text"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_with_lang_filter(ingested: Ingested) -> None:
    result = factcheck(
        "search",
        "chess world championship",
        "--json",
        "-k",
        "5",
        "--lang",
        "de",
        home=ingested.home,
    )
    assert result.rc == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits
    assert {h["lang"] for h in hits} == {"de"}
    assert {h["document_id"] for h in hits} <= {"de-tram", "de-bees"}


def test_search_table_output(ingested: Ingested) -> None:
    result = factcheck("search", "Bienensterben", "-k", "1", home=ingested.home)
    assert result.rc == 0, result.stderr
    assert "de-bees::0::" in result.stdout


def test_ingest_with_binary_and_empty_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.md").write_text(
        "---\nid: ferry\nlang: en\n---\nA ferry line between Kiel and Oslo will run daily.\n",
        encoding="utf-8",
    )
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (corpus / "empty.md").write_bytes(b"")
    home = tmp_path / "home"

    result = factcheck("ingest", corpus, home=home)
    assert result.rc == 0, result.stderr
    assert "1 document: 1 new or changed" in result.message
    assert "2 skipped" in result.message
    assert f"skipped {corpus / 'image.txt'}: binary file" in result.message
    assert f"skipped {corpus / 'empty.md'}: empty document" in result.message

    strict = factcheck("ingest", corpus, "--strict", home=home)
    assert strict.rc == 2, strict.stderr
    assert "2 skipped" in strict.message
    assert "0 passages added" in strict.message


def test_ingest_missing_path_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = factcheck("ingest", missing, home=tmp_path / "home")
    assert result.rc == 2, result.stderr
    assert f"error: {missing}: no such file, folder or matching pattern" in result.message
    assert "Traceback" not in result.stderr


def test_non_store_home_exits_3(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "chroma").mkdir(parents=True)
    (home / "chroma" / "thesis.docx").write_bytes(b"precious")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Some text.", encoding="utf-8")

    result = factcheck("ingest", corpus, home=home)
    assert result.rc == 3, result.stderr
    assert "is not empty and holds no ChromaDB store" in result.message
    assert "Traceback" not in result.stderr
    assert [p.name for p in (home / "chroma").iterdir()] == ["thesis.docx"]

    search = factcheck("search", "anything", home=home)
    assert search.rc == 3, search.stderr


def test_bad_search_options_exit_2(tmp_path: Path) -> None:
    bad_mode = factcheck("search", "x", "--mode", "fuzzy", home=tmp_path / "home")
    assert bad_mode.rc == 2 and "--mode must be hybrid, dense or lexical" in bad_mode.message
    bad_date = factcheck("search", "x", "--date-from", "03.05.2024", home=tmp_path / "home")
    assert bad_date.rc == 2 and "YYYY-MM-DD" in bad_date.message


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = factcheck("ingest", home=tmp_path / "home")
    assert result.rc == 2, (result.rc, result.stderr)
    assert "internal error" not in result.stderr


def test_unclosed_front_matter_skips_that_file_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\nid: x\ntitle: t\nText.\n", encoding="utf-8")
    (corpus / "fähre.md").write_text("---\nid: ferry\n---\nDie Fähre fährt täglich nach Oslo.\n",
                                     encoding="utf-8")
    result = factcheck("ingest", corpus, home=tmp_path / "home")
    assert result.rc == 0, result.stderr
    assert "1 document: 1 new or changed" in result.message
    assert f"skipped {corpus / 'a.md'}:1: front matter opened with '---' is never closed" in (
        result.message)


def test_ingest_prune_syncs_the_store_with_the_folder(tmp_path: Path) -> None:
    corpus = write_tiny_corpus(tmp_path / "corpus")
    home = tmp_path / "home"
    assert factcheck("ingest", corpus, home=home).rc == 0
    (corpus / "bienen.md").unlink()

    kept = factcheck("ingest", corpus, home=home)
    assert "pruned" not in kept.message
    pruned = factcheck("ingest", corpus, "--prune", home=home)
    assert pruned.rc == 0, pruned.stderr
    assert (f"{N_DOCS - 1} documents: 0 new or changed, {N_DOCS - 1} unchanged, 1 pruned "
            "(their files are gone); 0 passages added, 1 removed") in pruned.message
    hits = json.loads(factcheck("search", "Bienenvölker Varroamilbe", "--json", "-k", "6",
                                home=home).stdout)
    assert "de-bees" not in {hit["document_id"] for hit in hits}


def test_ctrl_c_during_ingest_says_so_and_search_says_it_did_not_finish(tmp_path: Path) -> None:
    home = tmp_path / "home"
    marker = home / "corpus.ingesting"
    process = subprocess.Popen([str(FACTCHECK), "ingest", str(SEED_CORPUS)], env=cli_env(home),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    message = " ".join(stderr.split())
    assert process.returncode == 130, stderr
    assert "interrupted" in message
    assert "run the same command again to finish" in message
    assert "Traceback" not in stderr

    search = factcheck("search", "Wohnungen in Almsund", home=home)
    assert search.rc == 0, search.stderr
    assert "the last ingest into the store" in search.message
    assert "did not finish" in search.message


def test_a_store_another_process_is_rebuilding_is_not_called_empty(
    tmp_path: Path, embedder: CachingEmbedder
) -> None:
    home = tmp_path / "home"
    writer = CorpusStore(Settings(home=home), embedder)
    with writer.writing():  # as a `factcheck ingest --rebuild` in another process would
        search = factcheck("search", "Wohnungen", home=home)
        verify = subprocess.run([str(FACTCHECK), "verify", "-"], env=cli_env(home), text=True,
                                input="Almsund hat 148 Wohnungen übergeben.", capture_output=True,
                                timeout=180)
        ingest = factcheck("ingest", SEED_CORPUS, home=home)
    assert search.rc == 0, search.stderr
    assert "another process is writing to the store" in search.message
    assert "empty" in search.message and "the store is empty" not in search.message
    assert verify.returncode == 3, verify.stderr
    assert "another process is writing to the store" in " ".join(verify.stderr.split())
    assert ingest.rc == 3 and "locked by another process" in ingest.message
