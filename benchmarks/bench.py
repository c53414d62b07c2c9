"""Speed and memory figures on this machine: ingest, search latency at scale, verify.

    python benchmarks/bench.py ingest evals/suites/climate-fever-dev/corpus [--sizes 500 1000 2000]
    python benchmarks/bench.py latency --passages 10000 100000 [--languages 2]
    python benchmarks/bench.py verify seeds/000_55ee62cd197b6292.txt --corpus seeds/corpus
    python benchmarks/bench.py eval evals/suites/seed-nk-russia
    python benchmarks/bench.py llm seeds/000_55ee62cd197b6292.txt --corpus seeds/corpus   # needs
        FACTCHECK_LLM_MODEL (and _BASE_URL); prints calls, tokens and seconds per claim, twice

Each sub-command runs in its own process (run them one after another, never two at once: two
embedding processes on two cores slow each other several-fold), so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from agent import Settings, Verifier
from agent._models import Passage
from agent._store import passage_metadata


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_ingest(paths: list[str]) -> None:
    with tempfile.TemporaryDirectory() as home:
        verifier = Verifier(Settings(home=Path(home)))
        embedder = verifier.store.embedder
        embed_passages = embedder.embed_passages
        embedding = 0.0

        def timed(texts):  # time spent in the model alone: the compute bound of ingestion
            nonlocal embedding
            before = time.perf_counter()
            vectors = embed_passages(texts)
            embedding += time.perf_counter() - before
            return vectors

        embedder.embed_passages = timed
        started = time.perf_counter()
        summary = verifier.ingest(paths)
        cold = time.perf_counter() - started
        sentences = verifier.store.sentences.count()
        started = time.perf_counter()
        again = verifier.ingest(paths)
        warm = time.perf_counter() - started
        print(f"ingest cold: {summary.documents} documents, {summary.passages_added} passages, "
              f"{sentences} sentences in {cold:.1f} s = {summary.passages_added / cold:.1f} "
              f"passages/s, {cold / sentences * 1000:.1f} ms per embedded sentence")
        print(f"of which embedding: {embedding:.1f} s ({embedding / cold:.0%}); the rest is "
              f"loading, splitting and writing to ChromaDB")
        print(f"ingest again (unchanged): {warm:.2f} s, {again.passages_added} passages added")
        print(f"peak memory: {peak_mb():.0f} MB")


def bench_ingest_sizes(paths: list[str], sizes: list[int]) -> None:
    """Cold ingestion time of the first N documents, to show how it grows with corpus size."""
    from agent import Document
    from agent._corpus import expand_paths, load_file

    documents = [
        item for path in expand_paths(paths) for item in load_file(path, 10**9)
        if isinstance(item, Document)
    ]
    for size in sizes:
        with tempfile.TemporaryDirectory() as home:
            verifier = Verifier(Settings(home=Path(home)))
            started = time.perf_counter()
            summary = verifier.ingest_documents(documents[:size])
            seconds = time.perf_counter() - started
            print(f"{size:>6} documents: {summary.passages_added} passages in {seconds:.1f} s = "
                  f"{summary.passages_added / seconds:.1f} passages/s")


def _synthetic_store(home: Path, n: int, rng: np.random.Generator, languages: int
                     ) -> Verifier:
    """A store of n synthetic passages with random unit vectors (embedding skipped), spread
    over `languages` languages (two or more: dense search is calibrated per language)."""
    verifier = Verifier(Settings(home=home))
    words = [f"w{i}" for i in range(5000)]
    store = verifier.store
    for start in range(0, n, 2000):
        count = min(2000, n - start)
        vectors = rng.normal(size=(count, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        passages = [
            Passage(id=f"syn-{i}::0::0", document_id=f"syn-{i}", index=0,
                    text=" ".join(rng.choice(words, size=40)), start=0, end=1,
                    lang=LANGUAGES[i % languages])
            for i in range(start, start + count)
        ]
        metas = [passage_metadata(p) for p in passages]
        store.collection.add(ids=[p.id for p in passages], embeddings=vectors,
                             documents=[p.text for p in passages], metadatas=metas)
        for meta, passage in zip(metas, passages, strict=True):
            meta.update(passage_id=passage.id, sentence=0)
        store.sentences.add(ids=[f"{p.id}#0" for p in passages], embeddings=vectors,
                            documents=[p.text for p in passages], metadatas=metas)
    return verifier


LANGUAGES = ("en", "de", "fr", "es")


def bench_latency(sizes: list[int], queries: int, languages: int) -> None:
    rng = np.random.default_rng(0)
    claims = [
        "North Korea delivered ballistic missiles to Russia in 2024.",
        "Die NATO hat eine neue Sprecherin ernannt.",
        "Global temperatures rose by more than one degree since 1900.",
        "Der Präsident Südkoreas telefonierte mit Selenskyj.",
    ]
    for n in sizes:
        with tempfile.TemporaryDirectory() as home:
            started = time.perf_counter()
            verifier = _synthetic_store(Path(home), n, rng, languages)
            build = time.perf_counter() - started
            started = time.perf_counter()
            verifier.search("warm up the lexical index", k=8)
            first = time.perf_counter() - started
            times = []
            for i in range(queries):
                started = time.perf_counter()
                verifier.search(claims[i % len(claims)] + f" {i}", k=8)
                times.append(time.perf_counter() - started)
            times.sort()
            print(f"{n:>7} passages: search median {statistics.median(times) * 1000:.0f} ms, "
                  f"p95 {times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms over {queries} "
                  f"queries (query embedding included); first query {first:.1f} s "
                  f"(builds the BM25 index and the language calibration); {languages} language(s); "
                  f"store built in {build:.0f} s; "
                  f"peak memory {peak_mb():.0f} MB")


def bench_eval(suite_dir: str, runs: int) -> None:
    """Claims-mode eval of a suite on a warm store: median seconds of several runs."""
    from agent._evaluation import load_suite, open_suite_verifier, run_mode

    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        suite = load_suite(Path(suite_dir))
        started = time.perf_counter()
        open_suite_verifier(suite, settings)
        cold = time.perf_counter() - started
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            verifier = open_suite_verifier(suite, settings)
            run_mode("claims", suite, verifier)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"eval {suite.name}: store built in {cold:.1f} s; claims mode on the warm store "
              f"median {median:.1f} s over {runs} runs ({median / len(suite.claims):.3f} "
              f"s/claim); peak memory {peak_mb():.0f} MB")


def bench_verify(article: str, corpus: str, runs: int, scales: list[int]) -> None:
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        verifier = Verifier(Settings(home=Path(home)))
        verifier.ingest([corpus])
        text = Path(article).read_text(encoding="utf-8")
        report = verifier.verify(text)
        cold = time.perf_counter() - started
        warm = []
        for _ in range(runs):
            started = time.perf_counter()
            fresh = Verifier(Settings(home=Path(home)))  # a new process would start like this
            fresh.ingest([corpus])
            report = fresh.verify(text)
            warm.append(time.perf_counter() - started)
        claims = len(report.verdicts)
        median = statistics.median(warm)
        print(f"verify {Path(article).name}: {claims} claims; cold (ingest + verify) {cold:.1f} s; "
              f"warm median {median:.1f} s over {runs} runs = {median / max(claims, 1):.2f} "
              f"s/claim; stages {report.usage.model_dump()}; peak memory {peak_mb():.0f} MB")
        for scale in scales:  # longer articles: the same text repeated
            started = time.perf_counter()
            report = fresh.verify("\n".join([text] * scale))
            seconds = time.perf_counter() - started
            print(f"  article x{scale} ({len(text) * scale:,} characters): "
                  f"{len(report.verdicts)} claims in {seconds:.1f} s")


def bench_llm(article: str, corpus: str) -> None:
    """One article through the configured LLM backend, then again: the second run must be served
    from the response cache (zero calls)."""
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        text = Path(article).read_text(encoding="utf-8")
        for run in ("first", "second"):
            verifier = Verifier(settings)
            verifier.ingest([corpus])
            started = time.perf_counter()
            report = verifier.verify(text)
            seconds = time.perf_counter() - started
            u, claims = report.llm, max(len(report.verdicts), 1)
            print(f"{run} run ({report.provenance.extractor} / {report.provenance.judge}): "
                  f"{len(report.verdicts)} claims, {report.errors} not judged, {seconds:.1f} s "
                  f"({seconds / claims:.1f} s/claim); {u.calls} calls, {u.cache_hits} cached, "
                  f"{u.prompt_tokens} prompt + {u.completion_tokens} completion tokens "
                  f"({(u.prompt_tokens + u.completion_tokens) / claims:.0f}/claim), "
                  f"{u.repairs} repairs, {u.invalid_outputs} invalid, {u.dropped_citations} "
                  f"dropped quotes, {u.dropped_claims} dropped claims; counts "
                  f"{ {k.value: v for k, v in report.counts.items()} }")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--sizes", type=int, nargs="+", default=[])
    latency = commands.add_parser("latency")
    latency.add_argument("--passages", type=int, nargs="+", default=[10_000])
    latency.add_argument("--queries", type=int, default=50)
    latency.add_argument("--languages", type=int, default=1, choices=range(1, len(LANGUAGES) + 1))
    verify = commands.add_parser("verify")
    verify.add_argument("article")
    verify.add_argument("--corpus", required=True)
    verify.add_argument("--runs", type=int, default=3)
    verify.add_argument("--scales", type=int, nargs="*", default=[2, 4])
    evaluate = commands.add_parser("eval")
    evaluate.add_argument("suite")
    evaluate.add_argument("--runs", type=int, default=3)
    llm = commands.add_parser("llm")
    llm.add_argument("article")
    llm.add_argument("--corpus", required=True)
    args = parser.parse_args()
    if args.command == "ingest" and args.sizes:
        bench_ingest_sizes(args.paths, args.sizes)
    elif args.command == "ingest":
        bench_ingest(args.paths)
    elif args.command == "latency":
        bench_latency(args.passages, args.queries, args.languages)
    elif args.command == "eval":
        bench_eval(args.suite, args.runs)
    elif args.command == "llm":
        bench_llm(args.article, args.corpus)
    else:
        bench_verify(args.article, args.corpus, args.runs, args.scales)


if __name__ == "__main__":
    main()
