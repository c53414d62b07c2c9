"""The store on a real `chroma run` server (client/server mode instead of the embedded store)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import TINY_DOCUMENT_IDS, CachingEmbedder

from agent._errors import StoreError
from agent._retrieval import HybridRetriever, SearchFilter
from agent._settings import Settings
from agent._store import CorpusStore

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A `chroma run` server on a free port, with its data in a temporary folder."""
    if not CHROMA.exists():
        pytest.skip(f"{CHROMA} is not installed")
    root = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = (root / "server.log").open("wb")
    server = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(root / "data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(
                    f"chroma run exited with {server.returncode}: "
                    f"{(root / 'server.log').read_text(errors='replace')[-2000:]}"
                )
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).is_success:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("chroma run did not answer its heartbeat within 60 s")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        log.close()


def server_settings(tmp_path: Path, port: int, collection: str) -> Settings:
    # Each test uses its own collection, since they share one server.
    return Settings(
        home=tmp_path / "home", chroma_host="127.0.0.1", chroma_port=port, collection=collection
    )


def test_ingest_search_and_reingest(
    chroma_port: int, tmp_path: Path, tiny_corpus: Path, embedder: CachingEmbedder
) -> None:
    settings = server_settings(tmp_path, chroma_port, "ingest-search")
    store = CorpusStore(settings, embedder)
    assert store.location == f"http://127.0.0.1:{chroma_port}"

    summary = store.ingest_paths([tiny_corpus])
    assert summary.failed == []
    assert summary.added_documents == len(TINY_DOCUMENT_IDS)
    assert summary.passages_added == store.count() >= len(TINY_DOCUMENT_IDS)
    # The embedded store was not used: nothing but the lock file lies in the home folder.
    assert not (settings.home / "chroma").exists()
    assert (settings.home / f"127.0.0.1-{chroma_port}-ingest-search.lock").exists()

    retriever = HybridRetriever(store)
    hits = retriever.search("Vulkanausbruch auf Island", k=3)
    assert hits and hits[0].document_id == "volcano"
    hits = retriever.search("chess world championship", k=3, mode="dense")
    assert hits[0].document_id == "en-chess" and hits[0].lang == "en"
    hits = retriever.search("Straßenbahn chess", k=5, where=SearchFilter(lang="de"))
    assert {h.document_id for h in hits} <= {"de-tram", "de-bees"} and hits

    again = CorpusStore(settings, embedder).ingest_paths([tiny_corpus])
    assert again.passages_added == 0
    assert again.unchanged_documents == len(TINY_DOCUMENT_IDS)
    assert store.count() == summary.passages_added


def test_changed_file_on_server(
    chroma_port: int, tmp_path: Path, tiny_corpus: Path, embedder: CachingEmbedder
) -> None:
    store = CorpusStore(server_settings(tmp_path, chroma_port, "changes"), embedder)
    store.ingest_paths([tiny_corpus])
    count = store.count()
    path = tiny_corpus / "volcano.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("fifty", "eighty"), encoding="utf-8")
    summary = store.ingest_paths([tiny_corpus])
    assert summary.passages_added == summary.passages_removed == 1
    assert store.count() == count


def test_other_embedding_model_is_refused_on_server(
    chroma_port: int, tmp_path: Path, tiny_corpus: Path, embedder: CachingEmbedder
) -> None:
    settings = server_settings(tmp_path, chroma_port, "model-check")
    CorpusStore(settings, embedder).ingest_paths([tiny_corpus])

    class Renamed(CachingEmbedder):
        pass

    other = Renamed(embedder.inner)
    other.name = "another/model"
    with pytest.raises(StoreError, match="another/model"):
        CorpusStore(settings, other).count()


def test_unreachable_server_is_a_store_error(tmp_path: Path, embedder: CachingEmbedder) -> None:
    settings = Settings(home=tmp_path / "home", chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(StoreError, match="cannot open the store"):
        CorpusStore(settings, embedder).count()
