"""Fit the embedded judge's similarity thresholds on tuning suites that are never reported.

    python benchmarks/tuning_suite.py ../shared/data/factcheck-bench .factcheck/tuning/fcb
    python benchmarks/fit_thresholds.py .factcheck/tuning/fcb evals/tuning/planted-news-dev

The procedure behind `SUPPORT_THRESHOLD` and `SAME_FACT_THRESHOLD` in agent/_judge.py: every claim
of every tuning suite is judged in claims mode, and every article of a suite that has articles
is verified end to end (articles mode, as the product is mostly used), at each value of a grid,
one threshold at a time (first SUPPORT_THRESHOLD with SAME_FACT_THRESHOLD at its current value,
then SAME_FACT_THRESHOLD at the chosen SUPPORT_THRESHOLD); the objective is the mean macro-F1 over
the suites and modes, each counting once whatever its size; of the grid values within 0.005 of
the best objective the middle one is taken. In claims mode evidence is retrieved once per claim,
as retrieval does not depend on either threshold. It prints the table and the chosen values;
writing them into agent/_judge.py is left to the person who runs it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from agent import Settings
from agent import _judge as judge_module
from agent._evaluation import (
    classification_metrics,
    load_suite,
    open_suite_verifier,
    run_articles_mode,
)
from agent._judge import RuleJudge
from agent._models import Claim

TOLERANCE = 0.005


@contextmanager
def thresholds(name: str, value: float) -> Iterator[None]:
    """Set one of agent/_judge.py's thresholds for the duration of the block."""
    old = getattr(judge_module, name)
    setattr(judge_module, name, value)
    try:
        yield
    finally:
        setattr(judge_module, name, old)


class TuningSuite:
    """One suite's claims, their gold labels and their retrieved evidence."""

    def __init__(self, root: Path, settings: Settings, limit: int | None) -> None:
        suite = load_suite(root)
        verifier = open_suite_verifier(suite, settings)
        self.suite, self.verifier = suite, verifier
        if not isinstance(verifier.judge, RuleJudge):
            raise SystemExit("fit_thresholds fits the embedded rule judge; unset FACTCHECK_JUDGE")
        self.name, self.labels, self.judge = suite.name, suite.labels, verifier.judge
        gold = suite.claims[:limit] if limit else suite.claims
        self.gold = [g.label for g in gold]
        self.claims = [Claim(id=g.id, text=g.claim, sentence=g.claim, start=0, end=len(g.claim),
                             as_of=suite.as_of_for(g)) for g in gold]
        self.evidence = [self.judge.gather(c) for c in self.claims]
        print(f"{self.name}: {len(self.claims)} claims", flush=True)

    def macro_f1(self) -> list[float]:
        """Claims mode's macro-F1, and articles mode's where the suite has articles."""
        labels = [self.judge.judge(c, e).label
                  for c, e in zip(self.claims, self.evidence, strict=True)]
        predicted = [str(label) if label else "ERROR" for label in labels]
        scores = [classification_metrics(self.gold, predicted, self.labels).macro_f1]
        if self.suite.articles:
            scores.append(run_articles_mode(self.suite, self.verifier).metrics.macro_f1)
        return scores


def sweep(suites: list[TuningSuite], name: str, grid: np.ndarray) -> float:
    """The grid value of threshold `name` with the best mean macro-F1 (middle of the ties)."""
    scores = []
    for value in grid:
        with thresholds(name, float(value)):
            per_suite = [s.macro_f1() for s in suites]
        scores.append(float(np.mean([f for fs in per_suite for f in fs])))
        print(f"  {name} {value:.3f}: mean macro-F1 {scores[-1]:.4f}  "
              + "  ".join(f"{s.name} " + "/".join(f"{f:.4f}" for f in fs)
                          for s, fs in zip(suites, per_suite, strict=True)), flush=True)
    best = max(scores)
    near = [float(v) for v, s in zip(grid, scores, strict=True) if s >= best - TOLERANCE]
    chosen = near[len(near) // 2]
    setattr(judge_module, name, chosen)
    print(f"{name} = {chosen:.3f} (best mean macro-F1 {best:.4f})", flush=True)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", type=Path, nargs="+", help="tuning suite folders")
    parser.add_argument("--limit", type=int, default=None, help="claims per suite (default all)")
    parser.add_argument("--low", type=float, default=0.80, help="lowest grid value")
    parser.add_argument("--high", type=float, default=0.92, help="highest grid value")
    parser.add_argument("--step", type=float, default=0.01, help="grid step")
    args = parser.parse_args()
    grid = np.round(np.arange(args.low, args.high + args.step / 2, args.step), 3)
    suites = [TuningSuite(root, Settings(), args.limit) for root in args.suites]
    support = sweep(suites, "SUPPORT_THRESHOLD", grid)
    same_fact = sweep(suites, "SAME_FACT_THRESHOLD", grid)
    print(f"\nSUPPORT_THRESHOLD = {support:.3f}\nSAME_FACT_THRESHOLD = {same_fact:.3f}")


if __name__ == "__main__":
    main()
