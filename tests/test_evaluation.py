"""Eval suites and their scoring: metric functions on hand-computed examples, suite validation,
the run history and regression rule, reports, and `factcheck eval` / `eval-history` end to end
on a tiny suite built here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import write_tiny_corpus

from agent._errors import InputError, RegressionError
from agent._eval_report import render_eval_report, report_format, worst_errors
from agent._evaluation import (
    LABELS,
    bootstrap_ci,
    classification_metrics,
    expected_calibration_error,
    load_suite,
    load_suites,
    match_claims,
    score,
    suite_modes,
)
from agent._history import (
    compare_runs,
    flipped_claims,
    last_run,
    load_runs,
    plot_trend,
    record_run,
)
from agent.cli import main

S, R, N = LABELS  # SUPPORTED, REFUTED, NOT_ENOUGH_INFO

# --- metrics ------------------------------------------------------------------------------------


def test_classification_metrics_by_hand():
    # gold S S R N, predicted S R R S: NOT_ENOUGH_INFO is never predicted.
    m = classification_metrics([S, S, R, N], [S, R, R, S], LABELS)
    assert m["accuracy"] == 0.5
    assert m["per_label"][S] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert m["per_label"][R] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert m["per_label"][N] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert m["macro_f1"] == round((0.5 + 2 / 3 + 0.0) / 3, 4)
    assert m["confusion"][S] == {S: 1, R: 1, N: 0}
    assert m["confusion"][N] == {S: 1, R: 0, N: 0}


def test_label_without_support_is_left_out_of_macro_f1():
    m = classification_metrics([S, S, R], [S, N, R], LABELS)
    assert m["per_label"][N] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert m["macro_f1"] == round((2 / 3 + 1.0) / 2, 4)
    assert m["accuracy"] == round(2 / 3, 4)


def test_no_claims_scores_zero_without_crashing():
    m = classification_metrics([], [], LABELS)
    assert (m["accuracy"], m["macro_f1"]) == (0.0, 0.0)
    assert all(row["support"] == 0 for row in m["per_label"].values())
    assert bootstrap_ci([], [], LABELS) == {"accuracy": [0.0, 0.0], "macro_f1": [0.0, 0.0]}
    assert expected_calibration_error([], []) == 0.0
    scored = score([], [], LABELS, seconds=0.0, verified=0)
    assert scored["seconds_per_claim"] == 0.0
    assert scored["usage"]["seconds"] == 0.0 and scored["usage"]["claims"] == 0
    assert scored["usage"]["model_calls"] == scored["usage"]["tokens"] == 0
    assert scored["usage"]["cache_hits"] == 0 and scored["usage"]["cost"] == 0.0
    assert (scored["evidence_recall"], scored["citation_precision"]) == (None, None)


def test_expected_calibration_error_by_hand():
    # One claim in each of the bins 9, 8, 1 and 6: |1-.95| + |0-.85| + |0-.15| + |1-.62|, / 4.
    assert expected_calibration_error([0.95, 0.85, 0.15, 0.62], [True, False, False, True]) == \
        round((0.05 + 0.85 + 0.15 + 0.38) / 4, 4)
    # Two claims in the last bin: accuracy 0.5 against mean confidence 0.95.
    assert expected_calibration_error([0.9, 1.0], [True, False]) == 0.45
    # 0.3 opens bin [0.3, 0.4): alone with 0.35 there, and perfectly calibrated against nothing.
    assert expected_calibration_error([0.3, 0.35], [False, True]) == 0.175
    assert expected_calibration_error([1.0, 1.0], [True, True]) == 0.0


def test_bootstrap_ci_is_deterministic_and_contains_the_estimate():
    rng = np.random.default_rng(7)
    gold = [LABELS[i] for i in rng.integers(0, 3, 60)]
    predicted = [g if rng.random() < 0.7 else LABELS[rng.integers(0, 3)] for g in gold]
    ci = bootstrap_ci(gold, predicted, LABELS)
    assert ci == bootstrap_ci(gold, predicted, LABELS)
    point = classification_metrics(gold, predicted, LABELS)
    for name in ("accuracy", "macro_f1"):
        low, high = ci[name]
        assert 0.0 <= low <= point[name] <= high <= 1.0
        assert high - low > 0.05  # 60 claims leave real uncertainty
    assert bootstrap_ci([S] * 5, [S] * 5, LABELS) == {"accuracy": [1.0, 1.0],
                                                      "macro_f1": [1.0, 1.0]}


def test_match_claims_is_greedy_and_one_to_one():
    similarity = np.array([[0.95, 0.96, 0.10],
                           [0.20, 0.97, 0.10],
                           [0.10, 0.10, 0.80]])
    # (1, 1) goes first; gold 0 then takes its next best; 0.80 is under the threshold.
    assert match_claims(similarity, threshold=0.9) == [(1, 1, 0.97), (0, 0, 0.95)]
    assert match_claims(similarity, threshold=0.99) == []
    assert match_claims(np.zeros((0, 3)), threshold=0.5) == []


# --- suites -------------------------------------------------------------------------------------


def _write_suite(root: Path, claims: list[dict], articles: dict[str, str] | None = None,
                 toml: str | None = 'name = "tiny"\n') -> Path:
    """A suite folder with the tiny corpus, the given gold claims and articles."""
    write_tiny_corpus(root / "corpus")
    if toml is not None:
        (root / "suite.toml").write_text(toml, encoding="utf-8")
    for name, text in (articles or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "claims.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims), encoding="utf-8")
    return root


def test_suite_problems_are_listed_together_with_file_and_line(tmp_path):
    root = _write_suite(tmp_path / "bad", [
        {"id": "a", "claim": "Solar panels got cheaper.", "label": S},
        {"id": "b", "claim": "Bees.", "label": "MAYBE"},
        {"id": "a", "claim": "Twice.", "label": S},
        {"id": "c", "claim": "From an article.", "label": S, "article": "articles/none.txt"},
    ], toml='name = "bad"\n[corpus]\npaths = ["corpus", "missing"]\n')
    with (root / "claims.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "d", "claim": "broken\n')
    with pytest.raises(InputError) as caught:
        load_suite(root)
    message = str(caught.value)
    claims = root / "claims.jsonl"
    assert "corpus path 'missing' does not exist" in message
    assert f"{claims}:2: label 'MAYBE'" in message
    assert f"{claims}:3: duplicate id 'a'" in message
    assert f"{claims}:4: article 'articles/none.txt' does not exist" in message
    assert f"{claims}:5: invalid JSON" in message


def test_missing_suite_toml_and_every_bad_suite_reported(tmp_path):
    no_toml = _write_suite(tmp_path / "no-toml", [{"id": "a", "claim": "x y", "label": S}],
                           toml=None)
    empty = _write_suite(tmp_path / "empty", [])
    with pytest.raises(InputError) as caught:
        load_suites([no_toml, empty])
    assert f"{no_toml / 'suite.toml'}: missing" in str(caught.value)
    assert f"{empty / 'claims.jsonl'}: no gold claims" in str(caught.value)


def test_modes_of_a_suite_without_articles(tmp_path):
    suite = load_suite(_write_suite(tmp_path / "s", [{"id": "a", "claim": "x y", "label": S}]))
    assert suite_modes(suite, "both") == ["claims"]
    assert suite_modes(suite, "claims") == ["claims"]
    with pytest.raises(InputError, match="articles mode needs"):
        suite_modes(suite, "articles")
    with pytest.raises(InputError, match="--mode must be"):
        suite_modes(suite, "sentences")


# --- history and regressions --------------------------------------------------------------------

CONFIG = {"backend": "local", "models": {"embedding": "e5", "judge": "rules"},
          "prompt_hashes": {}, "package_version": "0.1.0", "git_commit": "abc123",
          "corpus_fingerprint": "f00"}


def _run(macro_f1: float, predicted: list[str | None], ci: tuple[float, float] | None = None,
         suite: str = "tiny", mode: str = "claims", config: dict = CONFIG,
         timestamp: str = "2025-01-01T00:00:00+00:00") -> dict:
    """A run as run_claims_mode returns it, with gold labels S, R, N."""
    gold = [S, R, N]
    low, high = ci or (macro_f1 - 0.1, macro_f1 + 0.1)
    return {
        "suite": suite, "mode": mode, "timestamp": timestamp, "n": 3, "config": config,
        "metrics": {"accuracy": macro_f1, "macro_f1": macro_f1,
                    "ci95": {"accuracy": [low, high], "macro_f1": [low, high]}},
        "items": [{"id": f"c{i}", "claim": f"claim {i}", "gold": g, "predicted": p,
                   "confidence": 0.9, "rationale": "because", "cited": ["doc"]}
                  for i, (g, p) in enumerate(zip(gold, predicted, strict=True))],
    }


def test_history_records_and_finds_the_last_run(tmp_path):
    db = tmp_path / "h" / "history.sqlite"
    assert last_run(db, "tiny", "claims") is None and load_runs(db) == []
    assert not db.exists()
    other_family = {**CONFIG, "models": {"embedding": "other", "judge": "rules"}}
    record_run(db, _run(0.5, [S, S, S]))
    record_run(db, _run(0.6, [S, R, S], timestamp="2025-01-02T00:00:00+00:00"))
    record_run(db, _run(0.9, [S, R, N], config=other_family))
    record_run(db, _run(0.7, [S, R, N], suite="other"))
    record_run(db, _run(0.8, [S, R, N], mode="articles"))
    family = "e5 | rules"
    assert last_run(db, "tiny", "claims", family)["metrics"]["macro_f1"] == 0.6
    assert last_run(db, "tiny", "claims")["metrics"]["macro_f1"] == 0.9
    assert [r["metrics"]["macro_f1"] for r in load_runs(db, "tiny")] == [0.5, 0.6, 0.9, 0.8]
    assert len(load_runs(db)) == 5
    assert load_runs(db, "tiny")[1]["items"][1]["predicted"] == R


def test_flipped_claims_lists_every_changed_label():
    old = _run(0.5, [S, S, None])["items"]
    new = _run(0.5, [S, R, N])["items"]
    assert flipped_claims(old, new) == [
        {"id": "c1", "old": S, "new": R, "gold": R},
        {"id": "c2", "old": None, "new": N, "gold": N},
    ]
    assert flipped_claims(new, new) == []


@pytest.mark.parametrize(("old", "new", "ci", "regressed"), [
    (0.70, 0.60, (0.55, 0.65), True),    # fell by 0.10, noise 0.05
    (0.70, 0.66, (0.55, 0.77), False),   # fell by 0.04, within the noise of 0.11
    (0.70, 0.685, (0.684, 0.686), True),  # narrow interval: the 0.01 floor applies
    (0.70, 0.695, (0.694, 0.696), False),
    (0.70, 0.80, (0.70, 0.90), False),   # improved
])
def test_regression_rule(old, new, ci, regressed):
    comparison = compare_runs(_run(new, [S, R, S], ci=ci), _run(old, [S, R, N]))
    assert comparison.regressed is regressed
    assert comparison.flipped == [{"id": "c2", "old": N, "new": S, "gold": N}]


def test_report_lists_worst_errors_and_changes(tmp_path):
    previous = _run(0.9, [S, R, N])
    current = _run(0.5, [S, S, R])
    current["items"][1]["confidence"] = 0.3
    current["metrics"].update(classification_metrics([S, R, N], [S, S, R], LABELS))
    current["metrics"].update(ece=0.2, evidence_recall=None, citation_precision=0.5,
                              seconds_per_claim=0.1)
    assert [i["id"] for i in worst_errors(current["items"])] == ["c2", "c1"]
    markdown = render_eval_report([current], [previous], report_format(Path("r.md")))
    assert "| c1 | claim 1 | REFUTED | REFUTED | SUPPORTED | broken |" in markdown
    assert "| macro-F1 | 0.222 | [0.400, 0.600] |" in markdown  # (2/3 + 0 + 0) / 3
    assert "Macro-F1 0.900 → 0.222" in markdown
    page = render_eval_report([current], [None], report_format(Path("r.HTML")))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "No previous recorded run" in page
    with pytest.raises(InputError, match=".md or .html"):
        report_format(Path("r.txt"))


def test_trend_plot_is_a_png(tmp_path):
    runs = [_run(0.5 + i / 10, [S, R, N], timestamp=f"2025-01-0{i + 1}T00:00:00+00:00")
            for i in range(3)]
    plot_trend([*runs, _run(0.4, [S, R, N], mode="articles")], tmp_path / "trend.png")
    assert (tmp_path / "trend.png").read_bytes().startswith(b"\x89PNG")


# --- the command line, end to end ---------------------------------------------------------------

ARTICLE = (
    "Solar panels became much cheaper last year. Prices for solar panels fell by a quarter in "
    "2023.\n\n"
    "A Kenyan runner won the Rotterdam marathon on Sunday in a new course record of two hours "
    "and three minutes.\n\n"
    "A volcano on the Reykjanes peninsula in Iceland erupted again on Monday night.\n"
)
TINY_CLAIMS = [
    {"id": "t1", "claim": "Die Linie 17 in Leipzig verbindet den Hauptbahnhof mit Grünau.",
     "label": S, "evidence": ["de-tram"]},
    {"id": "t2", "claim": "The chess world championship in Astana was decided in a rapid "
     "tie-break.", "label": S, "evidence": ["en-chess"]},
    # Labelled wrong on purpose, so that the suite does not score perfectly.
    {"id": "t3", "claim": "Imker in Bayern melden den Verlust von fast einem Drittel ihrer "
     "Bienenvölker.", "label": R, "evidence": ["de-bees"]},
    {"id": "t4", "claim": "Prices for solar panels fell by a quarter in 2023.", "label": S,
     "evidence": ["en-solar"], "article": "articles/news.txt"},
    {"id": "t5", "claim": "A Kenyan runner won the Rotterdam marathon in a course record.",
     "label": S, "evidence": ["marathon"], "article": "articles/news.txt"},
    {"id": "t6", "claim": "A volcano on the Reykjanes peninsula erupted on Monday night.",
     "label": S, "evidence": ["volcano"], "article": "articles/news.txt"},
    # Not stated in the article: no extracted claim can match it.
    {"id": "t7", "claim": "Die Baukosten der Linie 17 lagen bei 48 Millionen Euro.", "label": S,
     "evidence": ["de-tram"], "article": "articles/news.txt"},
]
CLAIMS_KEYS = {"accuracy", "macro_f1", "per_label", "confusion", "evidence_recall",
               "citation_precision", "seconds_per_claim", "ece", "ci95", "usage"}
ARTICLES_KEYS = CLAIMS_KEYS | {"claim_recall", "claim_precision", "matched_accuracy"}


def factcheck(*args: str | Path) -> int:
    """Run the `factcheck` entry point in this process; its exit code."""
    saved = sys.argv
    sys.argv = ["factcheck", *map(str, args)]
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.argv = saved
    return 0


@pytest.fixture(scope="module")
def tiny_suite(tmp_path_factory) -> Path:
    return _write_suite(tmp_path_factory.mktemp("suite") / "tiny", TINY_CLAIMS,
                        articles={"articles/news.txt": ARTICLE})


def test_cli_eval_record_history_and_regressions(tiny_suite, tmp_path, capsys):
    home, db = tmp_path / "home", tmp_path / "history.sqlite"
    first = tmp_path / "first.json"
    common = [tiny_suite, "--mode", "both", "--home", home, "--history", db]
    assert factcheck("eval", *common, "--json", first, "--record", "--report",
                     tmp_path / "r.md") == 0
    claims_run, articles_run = json.loads(first.read_text(encoding="utf-8"))
    assert (claims_run["mode"], claims_run["n"]) == ("claims", 7)
    assert (articles_run["mode"], articles_run["n"]) == ("articles", 4)
    assert set(claims_run["metrics"]) >= CLAIMS_KEYS
    assert set(articles_run["metrics"]) >= ARTICLES_KEYS
    assert set(claims_run["metrics"]["ci95"]) == {"accuracy", "macro_f1"}
    assert claims_run["metrics"]["usage"]["claims"] == 7
    assert {"suite", "mode", "n", "metrics", "config", "items"} <= set(claims_run)
    matched = {i["id"]: i["extracted"] for i in articles_run["items"]}
    assert matched["t4"] == "Prices for solar panels fell by a quarter in 2023."
    assert matched["t7"] is None
    assert articles_run["metrics"]["claim_recall"] == 0.75
    assert 0 < articles_run["metrics"]["claim_precision"] < 1  # "became much cheaper" is extra
    assert "claim recall" in capsys.readouterr().out
    assert "## tiny: articles mode" in (tmp_path / "r.md").read_text(encoding="utf-8")

    plot = tmp_path / "trend.png"
    assert factcheck("eval-history", "tiny", "--history", db, "--plot", plot) == 0
    listing = capsys.readouterr().out
    assert "claims" in listing and "articles" in listing and "tiny" in listing
    assert plot.read_bytes().startswith(b"\x89PNG")

    # An identical second run is no regression; its report shows no change.
    assert factcheck("eval", *common, "--fail-on-regression", "--report", tmp_path / "r.html") == 0
    assert "No claim changed its label." in (tmp_path / "r.html").read_text(encoding="utf-8")

    # Against a recorded run that scored perfectly, the real one regresses: exit code 5.
    perfect = {**claims_run, "metrics": {**claims_run["metrics"], "macro_f1": 1.0},
               "items": [{**i, "predicted": i["gold"]} for i in claims_run["items"]]}
    record_run(db, perfect)
    capsys.readouterr()
    assert factcheck("eval", tiny_suite, "--home", home, "--history", db,
                     "--fail-on-regression") == RegressionError.exit_code
    assert f"t3: {R} → " in capsys.readouterr().err  # the claim labelled wrong on purpose


def test_cli_eval_refuses_bad_suites_and_modes(tmp_path, capsys):
    plain = _write_suite(tmp_path / "plain", TINY_CLAIMS[:2])
    assert factcheck("eval", plain, "--mode", "articles", "--home", tmp_path) == 2
    assert "articles mode needs" in capsys.readouterr().err
    assert factcheck("eval", plain, tmp_path / "nowhere", "--home", tmp_path) == 2
    assert "not a folder" in capsys.readouterr().err
    assert factcheck("eval", plain, "--report", tmp_path / "r.pdf", "--home", tmp_path) == 2


def test_claim_without_text_is_skipped_with_a_warning(tmp_path):
    root = _write_suite(tmp_path / "s", [
        {"id": "a", "claim": "Solar panels got cheaper.", "label": S},
        {"id": "b", "claim": "", "label": S},
    ])
    suite = load_suite(root)
    assert [c.id for c in suite.claims] == ["a"]
    assert suite.skipped == [f"{root / 'claims.jsonl'}:2: claim 'b' has no text; skipped"]
