"""Evidence recall@k of dense, lexical and hybrid retrieval on eval suites.

    python benchmarks/retrieval_quality.py evals/suites/seed-nk-russia \
        evals/suites/climate-fever-dev

A claim counts as found at k when one of its gold evidence documents is among the top k passages
("passages") or among the first k distinct documents of the ranking ("documents"). "reranked" is
hybrid search's 30 candidates reordered by the verification model, as the default judge reads
them.
Stores are built (or reused) under --home (default: $FACTCHECK_HOME or ./.factcheck), one per
suite.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from agent import Settings, Verifier
from agent._evaluation import load_suite
from agent._nli_judge import RERANK_CANDIDATES, ModelJudge


def recall_at(suite_dir: Path, ks: tuple[int, ...], limit: int | None, home: Path) -> None:
    suite = load_suite(suite_dir)
    folder = home / "bench-suites" / f"{suite.name}-{suite.corpus_fingerprint()}"
    verifier = Verifier(Settings(home=folder))
    summary = verifier.ingest(suite.corpus_files)
    claims = [c for c in suite.claims if c.evidence][:limit]
    print(f"{suite.name}: {len(claims)} claims with gold evidence, "
          f"{verifier.store.count()} passages (ingest {summary.seconds:.1f} s)")
    vectors = verifier.store.embedder.embed_queries([c.claim for c in claims])
    reranker = ModelJudge(verifier.retriever)
    for mode in ("dense", "lexical", "hybrid", "reranked"):
        by_passage = dict.fromkeys(ks, 0)
        by_document = dict.fromkeys(ks, 0)
        started = time.perf_counter()
        for claim, vector in zip(claims, vectors, strict=True):
            if mode == "reranked":
                candidates = verifier.retriever.search(claim.claim, k=RERANK_CANDIDATES,
                                                       query_vector=vector)
                hits = reranker.rerank(claim.claim, candidates, vector, RERANK_CANDIDATES)[0]
            else:
                hits = verifier.retriever.search(claim.claim, k=4 * max(ks), mode=mode,
                                                 query_vector=vector)
            documents = list(dict.fromkeys(h.document_id for h in hits))
            for k in ks:
                by_passage[k] += any(h.document_id in claim.evidence for h in hits[:k])
                by_document[k] += any(d in claim.evidence for d in documents[:k])
        ms = (time.perf_counter() - started) / len(claims) * 1000
        n = len(claims)
        scores = "  ".join(
            f"@{k} {by_passage[k] / n:.3f} / {by_document[k] / n:.3f}" for k in ks
        )
        print(f"  {mode:8s} recall passages/documents {scores}  ({ms:.0f} ms/query)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--home", type=Path, default=Settings().home)
    args = parser.parse_args()
    for suite_dir in args.suites:
        recall_at(suite_dir, (5, 10), args.limit, args.home)


if __name__ == "__main__":
    main()
