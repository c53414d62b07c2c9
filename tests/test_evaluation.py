"""Eval suites and their scoring: metric functions on hand-computed examples, suite validation,
the run history and the regression gate, reports, and `factcheck eval` / `eval-history` end to
end on a tiny suite built here, including a run with a deliberately worsened judge."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import write_tiny_corpus

import agent
from agent import Label, Settings
from agent._errors import InputError, RegressionError
from agent._eval_models import (
    Coverage,
    EvalItem,
    EvalRun,
    ExtraClaim,
    Intervals,
    LabelScores,
    Metrics,
    NotCheckworthyResult,
    RecordedRun,
    RunConfig,
    StageModels,
)
from agent._eval_report import render_eval_report, report_format, worst_errors
from agent._evaluation import (
    LABELS,
    Article,
    GoldClaim,
    NotCheckworthy,
    bootstrap_ci,
    classification_metrics,
    evidence_metrics,
    excerpt_span,
    expected_calibration_error,
    load_suite,
    load_suites,
    match_claims,
    not_checkworthy_result,
    open_suite_verifier,
    package_commit,
    run_articles_mode,
    run_claims_mode,
    score,
    sentence_span,
    suite_modes,
)
from agent._history import (
    baseline_run,
    compare_runs,
    flipped_claims,
    last_run,
    load_runs,
    mcnemar_p,
    plot_trend,
    record_run,
    trend_figure,
)
from agent._models import Citation, Claim, ClaimVerdict
from agent.cli import _print_metrics, main

S, R, N = LABELS  # SUPPORTED, REFUTED, NOT_ENOUGH_INFO

# --- metrics ------------------------------------------------------------------------------------


def test_classification_metrics_by_hand():
    # gold S S R N, predicted S R R S: NOT_ENOUGH_INFO is never predicted.
    m = classification_metrics([S, S, R, N], [S, R, R, S], LABELS)
    assert m.accuracy == 0.5
    assert m.per_label[S] == LabelScores(precision=0.5, recall=0.5, f1=0.5, support=2)
    assert m.per_label[R] == LabelScores(precision=0.5, recall=1.0, f1=0.6667, support=1)
    assert m.per_label[N] == LabelScores(precision=0.0, recall=0.0, f1=0.0, support=1)
    assert m.macro_f1 == round((0.5 + 2 / 3 + 0.0) / 3, 4)
    assert m.confusion[S] == {S: 1, R: 1, N: 0}
    assert m.confusion[N] == {S: 1, R: 0, N: 0}


def test_label_without_support_is_left_out_of_macro_f1():
    m = classification_metrics([S, S, R], [S, N, R], LABELS)
    assert m.per_label[N] == LabelScores(precision=0.0, recall=0.0, f1=0.0, support=0)
    assert m.macro_f1 == round((2 / 3 + 1.0) / 2, 4)
    assert m.accuracy == round(2 / 3, 4)


def test_missed_claims_count_as_wrong():
    # Two of four gold claims missed, the other two right: accuracy 1/2. MISSED has no gold
    # support, so it lowers the recall of the labels it took claims from but is not averaged.
    m = classification_metrics([S, S, R, N], [S, "MISSED", "MISSED", N], LABELS)
    assert m.accuracy == 0.5
    assert m.confusion[S]["MISSED"] == m.confusion[R]["MISSED"] == 1
    assert "MISSED" not in m.per_label and "MISSED" not in m.confusion  # a prediction only
    assert m.macro_f1 == round((2 / 3 + 0.0 + 1.0) / 3, 4)


def test_no_claims_scores_zero_without_crashing():
    m = classification_metrics([], [], LABELS)
    assert (m.accuracy, m.macro_f1) == (0.0, 0.0)
    assert all(row.support == 0 for row in m.per_label.values())
    assert bootstrap_ci([], [], LABELS) == Intervals(accuracy=(0.0, 0.0), macro_f1=(0.0, 0.0))
    assert expected_calibration_error([], []) == 0.0
    scored = score([], [], LABELS, seconds=0.0, verified=0)
    assert scored.seconds_per_claim == 0.0
    assert scored.usage.seconds == 0.0 and scored.usage.claims == 0
    assert scored.usage.model_calls == scored.usage.tokens == 0
    assert scored.usage.cache_hits == 0 and scored.usage.cost == 0.0
    assert (scored.evidence_recall, scored.citation_precision) == (None, None)


def test_evidence_metrics_without_gold_evidence_are_n_a(capsys):
    gold = [GoldClaim(id="g1", claim="Die Linie 17 fährt alle zehn Minuten.", label=S)]
    verdict = ClaimVerdict(
        claim=Claim(id="c1", text=gold[0].claim, sentence=gold[0].claim, start=0, end=10),
        label=Label.SUPPORTED, confidence=0.9, rationale="r",
        citations=[Citation(passage_id="de-tram::0::x", document_id="de-tram", quote="Linie 17")])
    assert evidence_metrics(gold, [verdict]) == (None, None)
    gold[0].evidence = ["de-tram"]
    assert evidence_metrics(gold, [verdict]) == (1.0, 1.0)
    _print_metrics(_run([S, R, N]))
    printed = " ".join(capsys.readouterr().out.split())
    assert "evidence recall n/a, citation precision n/a," in printed


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
    for low, high, value in ((*ci.accuracy, point.accuracy), (*ci.macro_f1, point.macro_f1)):
        assert 0.0 <= low <= value <= high <= 1.0
        assert high - low > 0.05  # 60 claims leave real uncertainty
    assert bootstrap_ci([S] * 5, [S] * 5, LABELS) == Intervals(accuracy=(1.0, 1.0),
                                                               macro_f1=(1.0, 1.0))


def test_matching_pairs_claims_of_the_same_sentence_only():
    # Gold 0 and 1 come from the sentence at 0-50, gold 2 from 60-90; extracted 0 and 1 from
    # 0-50, extracted 2 from 100-120, a sentence no gold claim comes from.
    gold_spans = [(0, 50), (0, 50), (60, 90)]
    extracted_spans = [(0, 50), (0, 50), (100, 120)]
    similarity = np.array([[0.95, 0.96, 0.99],
                           [0.20, 0.97, 0.99],
                           [0.10, 0.10, 0.99]])
    # (1, 1) goes first; gold 0 then takes its best left; gold 2 has no extracted claim in its
    # sentence, however similar extracted 2 is.
    assert match_claims(gold_spans, extracted_spans, similarity) == [(1, 1, 0.97), (0, 0, 0.95)]
    # one extracted claim for two gold claims of a sentence: the closer gold claim gets it
    assert match_claims(gold_spans[:2], [(10, 40)], similarity[:2, 1:2]) == [(1, 0, 0.97)]
    assert match_claims([], extracted_spans, np.zeros((0, 3))) == []


def test_sentence_span_ignores_whitespace():
    text = "First one.  Second\nsentence here. Third."
    assert sentence_span(text, "Second sentence here.") == (12, 33)
    assert sentence_span(text, "Fourth.") is None


def test_excerpt_span_allows_left_out_words_within_one_sentence():
    text = ("Der Hafen, seit 1890 in Betrieb, schlug 14.000 Container um. Der Hafen wächst. "
            "Die Werft schließt.")
    assert excerpt_span(text, "Der Hafen ... schlug 14.000 Container um") == (0, 59)
    assert excerpt_span(text, "Der Hafen … wächst") == (61, 77)  # the nearest, not across "."
    assert excerpt_span(text, "Der Hafen ... schließt") is None


def _verdict_at(text: str, piece: str, label: Label) -> ClaimVerdict:
    start = text.index(piece)
    claim = Claim(id="c", text=piece, sentence=piece, start=start, end=start + len(piece))
    return ClaimVerdict(claim=claim, label=label, confidence=0.7, rationale="r")


def test_not_checkworthy_sentence_takes_the_most_decided_verdict_of_its_claims():
    text = "The ferry is a symbol of hope. It carried 80,000 passengers in 2023. Tides turn."
    article = Article(text=text)
    entry = NotCheckworthy("n1", "a.txt", "The ferry is a symbol of hope.")
    verdicts = [_verdict_at(text, "It carried 80,000 passengers in 2023.", Label.SUPPORTED)]
    assert not_checkworthy_result(entry, article, verdicts).predicted is None
    verdicts += [_verdict_at(text, "The ferry is a symbol", Label.NOT_ENOUGH_INFO),
                 _verdict_at(text, "a symbol of hope.", Label.REFUTED)]
    result = not_checkworthy_result(entry, article, verdicts)
    assert (result.predicted, result.claim) == ("REFUTED", "a symbol of hope.")


def test_words_a_not_checkworthy_excerpt_leaves_out_are_not_its_text():
    text = "Die Fähre, 1990 in Kiel gebaut, ist ein Symbol der Hoffnung. Sie fährt täglich."
    article = Article(text=text)
    entry = NotCheckworthy("n1", "a.txt", "Die Fähre ... ist ein Symbol der Hoffnung.")
    built = _verdict_at(text, "1990 in Kiel gebaut", Label.SUPPORTED)
    assert not_checkworthy_result(entry, article, [built]).predicted is None
    symbol = _verdict_at(text, "ist ein Symbol der Hoffnung", Label.SUPPORTED)
    assert not_checkworthy_result(entry, article, [built, symbol]).predicted == "SUPPORTED"


def test_not_checkworthy_file_is_validated(tmp_path):
    root = _write_suite(tmp_path / "ncw", [
        {"id": "a", "claim": "The ferry carried 80,000 passengers.", "label": S,
         "article": "articles/a.txt", "sentence": "It carried 80,000 passengers in 2023."},
    ], articles={"articles/a.txt": "The ferry is a symbol of hope. It carried 80,000 "
                                   "passengers in 2023."})
    path = root / "not_checkworthy.jsonl"
    path.write_text(json.dumps({"id": "n1", "article": "articles/a.txt",
                                "sentence": "The ferry is ... of hope"}) + "\n", encoding="utf-8")
    assert [n.id for n in load_suite(root).not_checkworthy] == ["n1"]
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "n2", "article": "articles/a.txt",
                                 "sentence": "Not there."}) + "\n")
        handle.write(json.dumps({"id": "n3", "article": "articles/b.txt",
                                 "sentence": "x"}) + "\n")
        handle.write(json.dumps({"id": "n4"}) + "\n")
    with pytest.raises(InputError) as caught:
        load_suite(root)
    assert f"{path}:2: its sentence does not occur in articles/a.txt" in str(caught.value)
    assert f"{path}:3: article 'articles/b.txt' does not exist" in str(caught.value)
    assert f"{path}:4: needs the fields id, article and sentence" in str(caught.value)


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
        {"id": "c", "claim": "From an article.", "label": S, "article": "articles/none.txt",
         "sentence": "From an article."},
        {"id": "e", "claim": "No sentence.", "label": S, "article": "articles/a.txt"},
        {"id": "f", "claim": "Elsewhere.", "label": S, "article": "articles/a.txt",
         "sentence": "Not in the article."},
    ], articles={"articles/a.txt": "The article. It says little."},
        toml='name = "bad"\nas_of = "last year"\n[corpus]\npaths = ["corpus", "missing"]\n')
    with (root / "claims.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "d", "claim": "broken\n')
    with pytest.raises(InputError) as caught:
        load_suite(root)
    message = str(caught.value)
    claims = root / "claims.jsonl"
    assert "corpus path 'missing' does not exist" in message
    assert "as_of must be a date (YYYY-MM-DD), not 'last year'" in message
    assert f"{claims}:2: label 'MAYBE'" in message
    assert f"{claims}:3: duplicate id 'a'" in message
    assert f"{claims}:4: article 'articles/none.txt' does not exist" in message
    assert f"{claims}:5: a claim with an article needs its source sentence" in message
    assert f"{claims}:6: its sentence does not occur in articles/a.txt" in message
    assert f"{claims}:7: invalid JSON" in message


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


def test_claims_are_judged_at_the_article_date_else_the_suite_as_of(tmp_path):
    dated = "---\ndate: 2023-05-10\n---\nThe tram opened on Wednesday. It runs every ten minutes.\n"
    root = _write_suite(tmp_path / "s", [
        {"id": "a", "claim": "The tram opened on Wednesday.", "label": S,
         "article": "articles/dated.txt", "sentence": "The tram opened on Wednesday."},
        {"id": "b", "claim": "Bees died in Bavaria.", "label": S},
        {"id": "c", "claim": "Solar panels got cheaper.", "label": S,
         "article": "articles/plain.txt", "sentence": "Solar panels got cheaper."},
    ], articles={"articles/dated.txt": dated, "articles/plain.txt": "Solar panels got cheaper."},
        toml='name = "s"\nas_of = 2024-06-30\n')
    suite = load_suite(root)
    assert suite.as_of == "2024-06-30"
    assert suite.articles["articles/dated.txt"].text.startswith("The tram")  # no front matter
    assert [suite.as_of_for(c) for c in suite.claims] == ["2023-05-10", "2024-06-30",
                                                          "2024-06-30"]
    assert load_suite(_write_suite(tmp_path / "t", [{"id": "a", "claim": "x", "label": S}])
                      ).as_of_for(suite.claims[1]) == ""
    timed = _write_suite(tmp_path / "u", [{"id": "a", "claim": "x", "label": S}],
                         toml='name = "u"\nas_of = 2024-06-30T12:00:00\n')
    assert load_suite(timed).as_of == "2024-06-30"


# --- history and the gate -----------------------------------------------------------------------

CONFIG = RunConfig(backend="local", models=StageModels(embedding="e5", judge="rules",
                                                       extractor="rules"),
                   package_version="0.1.0", git_commit="abc123", corpus_fingerprint="f00")


def _run(predicted: list[str | None], gold: list[str] | None = None, suite: str = "tiny",
         mode: str = "claims", config: RunConfig = CONFIG,
         timestamp: str = "2025-01-01T00:00:00+00:00") -> EvalRun:
    """A run whose metrics are computed from its predictions (gold S, R, N unless given)."""
    gold = gold or [S, R, N]
    outcomes = [p or "MISSED" for p in predicted]
    metrics = Metrics(**dict(classification_metrics(gold, outcomes, LABELS)),
                      ci95=bootstrap_ci(gold, outcomes, LABELS))
    return EvalRun(
        suite=suite, mode=mode, timestamp=timestamp, n=len(gold), config=config, metrics=metrics,
        items=[EvalItem(id=f"c{i}", claim=f"claim {i}", gold=g, predicted=p, confidence=0.9,
                        rationale="because", cited=["doc"])
               for i, (g, p) in enumerate(zip(gold, predicted, strict=True))],
    )


def _recorded(run: EvalRun, id_: int = 1) -> RecordedRun:
    return RecordedRun(**dict(run), id=id_, gate="passed")


def test_history_records_runs_and_finds_the_baseline(tmp_path):
    db = tmp_path / "h" / "history.sqlite"
    assert last_run(db, "tiny", "claims") is None and load_runs(db) == []
    assert not db.exists()
    other_family = CONFIG.model_copy(update={"models": StageModels(
        embedding="other", judge="rules", extractor="rules")})
    family = CONFIG.family
    assert family == "e5 | rules"
    record_run(db, _run([S, S, S]), "first")
    record_run(db, _run([S, R, S], timestamp="2025-01-02T00:00:00+00:00"), "passed")
    record_run(db, _run([S, S, N]), "failed")
    record_run(db, _run([S, R, N], config=other_family), "first")
    record_run(db, _run([S, R, N], suite="other"), "first")
    record_run(db, _run([S, R, N], mode="articles"), "first")
    baseline = baseline_run(db, "tiny", "claims", family)
    assert baseline is not None and (baseline.id, baseline.gate) == (2, "passed")
    latest = last_run(db, "tiny", "claims")
    assert latest is not None and latest.config.family == "other | rules"
    assert [r.gate for r in load_runs(db, "tiny")] == ["first", "passed", "failed", "first",
                                                      "first"]
    assert len(load_runs(db)) == 6
    assert load_runs(db, "tiny")[1].items[1].predicted == R
    record_run(db, _run([S, S, N]), "accepted")  # an accepted failure is a baseline
    baseline = baseline_run(db, "tiny", "claims", family)
    assert baseline is not None and baseline.id == 7


def test_history_of_an_older_database_is_read_and_extended(tmp_path):
    import sqlite3

    db = tmp_path / "history.sqlite"
    run = _run([S, R, N]).model_dump(mode="json")
    with sqlite3.connect(db) as old:  # the table as it was before the gate column
        old.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp TEXT, "
                    "suite TEXT, mode TEXT, family TEXT, n INTEGER, metrics TEXT, config TEXT, "
                    "items TEXT)")
        old.execute("INSERT INTO runs (timestamp, suite, mode, family, n, metrics, config, items)"
                    " VALUES (?, 'tiny', 'claims', 'e5 | rules', 3, ?, ?, ?)",
                    (run["timestamp"], json.dumps(run["metrics"]), json.dumps(run["config"]),
                     json.dumps(run["items"])))
    old.close()
    assert [r.gate for r in load_runs(db)] == ["unchecked"]
    assert baseline_run(db, "tiny", "claims", "e5 | rules") is not None
    record_run(db, _run([S, R, S]), "passed")
    assert [r.gate for r in load_runs(db)] == ["unchecked", "passed"]


def test_flipped_claims_lists_every_changed_prediction():
    old = _run([S, S, None]).items
    new = _run([S, R, N]).items
    flips = flipped_claims(old, new)
    assert [(f.id, f.old, f.new, f.gold, f.change) for f in flips] == [
        ("c1", S, R, R, "fixed"),
        ("c2", None, N, N, "fixed"),
    ]
    assert flipped_claims(new, new) == []
    assert [f.change for f in flipped_claims(new, old)] == ["broken", "broken"]


def test_mcnemar_exact_by_hand():
    # 5 broken, 0 fixed: 2 * (1/2)^5
    assert mcnemar_p(5, 0) == pytest.approx(0.0625)
    # 6 broken, 1 fixed: 2 * (1 + 7) / 2^7
    assert mcnemar_p(6, 1) == pytest.approx(0.125)
    assert mcnemar_p(0, 0) == 1.0 and mcnemar_p(3, 3) == 1.0
    # 10 broken, 0 fixed is significant
    assert mcnemar_p(10, 0) < 0.05


def test_gate_fails_on_a_drop_over_two_points():
    gold = [S, R, N] * 20
    right = list(gold)
    one_broken = [N, *gold[1:]]  # 1 of 60: accuracy -0.0167 and macro-F1 within 0.02
    two_broken = [N, N, *gold[2:]]
    passed = compare_runs(_run(one_broken, gold), _recorded(_run(right, gold)))
    assert passed is not None and not passed.regressed, passed.reasons
    assert [f.id for f in passed.broken] == ["c0"]
    failed = compare_runs(_run(two_broken, gold), _recorded(_run(right, gold)))
    assert failed is not None and failed.regressed
    assert failed.reasons[0].startswith("accuracy fell by 0.033")
    assert [(f.id, f.old, f.new) for f in failed.broken] == [("c0", S, N), ("c1", R, N)]


def _wrong(label: str) -> str:
    return N if label != N else S


def test_gate_fails_on_significantly_more_broken_than_fixed_claims():
    # 1002 claims, 10 broken and none fixed: accuracy falls by only 0.01, but McNemar's exact
    # test gives p = 2 / 2^10.
    gold = [S, R, N] * 334
    new = [_wrong(g) if i < 10 else g for i, g in enumerate(gold)]
    comparison = compare_runs(_run(new, gold), _recorded(_run(list(gold), gold)))
    assert comparison is not None
    assert (len(comparison.broken), len(comparison.fixed)) == (10, 0)
    assert comparison.p_value == round(2 / 2**10, 4)
    assert comparison.old_accuracy - comparison.new_accuracy < 0.02
    assert comparison.reasons == [
        "10 claims right -> wrong against 0 wrong -> right (McNemar p = 0.002 < 0.05)"]


def test_gate_passes_improvements_and_compares_shared_claims_only():
    baseline = _recorded(_run([S, S, S]))
    better = compare_runs(_run([S, R, N]), baseline)
    assert better is not None and not better.regressed
    assert len(better.fixed) == 2 and better.new_macro_f1 > better.old_macro_f1
    subset = _run([S, S, N])
    subset.items = subset.items[:1]  # as with --limit 1
    shared = compare_runs(subset, baseline)
    assert shared is not None and shared.shared == 1 and shared.flipped == []
    other = _run([S, R, N])
    for item in other.items:
        item.id = "x" + item.id
    assert compare_runs(other, baseline) is None


def test_report_lists_worst_errors_and_changes(tmp_path):
    previous = _run([S, R, N])
    current = _run([S, S, R])
    current.items[1].confidence = 0.3
    assert [i.id for i in worst_errors(current.items)] == ["c2", "c1"]
    markdown = render_eval_report([current], [previous], report_format(Path("r.md")))
    assert "| c1 | claim 1 | REFUTED | REFUTED | SUPPORTED | broken |" in markdown
    assert "| macro-F1 | 0.222 |" in markdown  # (2/3 + 0 + 0) / 3
    assert "Macro-F1 1.000 → 0.222" in markdown
    page = render_eval_report([current], [None], report_format(Path("r.HTML")))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "No previous recorded run" in page
    with pytest.raises(InputError, match=".md or .html"):
        report_format(Path("r.txt"))


def test_report_shows_unmatched_claims_and_not_checkworthy_sentences():
    run = _run([S, R, N], mode="articles")
    run.metrics.coverage = Coverage(claim_recall=1.0, claim_precision=0.5, matched=2,
                                    extracted=4, missed=0, matched_accuracy=1.0,
                                    matched_macro_f1=1.0, not_checkworthy=2,
                                    not_checkworthy_decided=0.5)
    run.unmatched_extracted = [ExtraClaim(article="a.txt", claim="The pier is 300 m long.",
                                          predicted="REFUTED", confidence=0.81)]
    run.not_checkworthy = [
        NotCheckworthyResult(id="n1", article="a.txt", sentence="What a day it was.",
                             predicted="SUPPORTED", claim="What a day it was."),
        NotCheckworthyResult(id="n2", article="a.txt", sentence="Hope remains.")]
    markdown = render_eval_report([run], [None], "markdown")
    assert "| a.txt | The pier is 300 m long. | REFUTED | 0.81 |" in markdown
    assert "Share given SUPPORTED or REFUTED: 0.500" in markdown
    assert "| n1 | What a day it was. | SUPPORTED | What a day it was. |" in markdown
    assert "| n2 | Hope remains. | not checked |  |" in markdown


def test_trend_plot_is_a_png(tmp_path):
    runs = [_recorded(_run([S, R, N][: i + 1] + [S] * (2 - i),
                           timestamp=f"2025-01-0{i + 1}T00:00:00+00:00"), i + 1)
            for i in range(3)]
    plot_trend([*runs, _recorded(_run([S, R, N], mode="articles"), 4)], tmp_path / "trend.png")
    assert (tmp_path / "trend.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("seconds", [(10,), (10, 12), (10, 50)])
def test_trend_plot_ticks_are_clock_times_for_runs_close_together(seconds):
    runs = [_recorded(_run([S, R, N], timestamp=f"2025-03-04T17:41:{s:02d}+00:00"), i)
            for i, s in enumerate(seconds, 1)]
    figure = trend_figure(runs)
    figure.canvas.draw()
    (axes,) = figure.axes
    labels = [tick.get_text() for tick in axes.get_xticklabels()]
    assert labels and all(re.fullmatch(r"\d\d:\d\d", label) for label in labels), labels
    assert axes.xaxis.get_offset_text().get_text() == "2025-Mar-04"


def test_eval_records_the_commit_of_the_package_not_of_the_current_folder(tmp_path, monkeypatch):
    def git(*args: str, cwd: Path) -> str:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                               *args], cwd=cwd, capture_output=True, text=True,
                              check=True).stdout.strip()

    other = tmp_path / "other-project"
    other.mkdir()
    git("init", "-q", cwd=other)
    git("commit", "-q", "--allow-empty", "-m", "another project", cwd=other)
    other_head = git("rev-parse", "HEAD", cwd=other)
    monkeypatch.chdir(other)
    package = Path(agent.__file__).resolve().parent
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", "__init__.py"], cwd=package,
                             capture_output=True).returncode == 0
    assert package_commit() == (git("rev-parse", "HEAD", cwd=package) if tracked else "")

    # a copy of the package inside the other repository, not tracked there: commit unknown
    shutil.copytree(package, other / "vendor" / "agent",
                    ignore=shutil.ignore_patterns("__pycache__", "models"))
    copied = subprocess.run(
        [sys.executable, "-c", "import agent._evaluation as e; print(e.__file__); "
         "print(e.package_commit())"],
        cwd=other, env={**os.environ, "PYTHONPATH": str(other / "vendor")}, capture_output=True,
        text=True, check=True).stdout.split("\n")
    assert copied[0].startswith(str(other / "vendor"))
    assert copied[1] == "" and other_head not in copied


# --- running suites, end to end -----------------------------------------------------------------

MARATHON = ("A Kenyan runner won the Rotterdam marathon on Sunday in a new course record of two "
            "hours and three minutes.")
ARTICLE = (
    "Solar panels became much cheaper last year. Prices for solar panels fell by a quarter in "
    f"2023.\n\n{MARATHON}\n\n"
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
     "evidence": ["en-solar"], "article": "articles/news.txt",
     "sentence": "Prices for solar panels fell by a quarter in 2023."},
    {"id": "t5", "claim": "A Kenyan runner won the Rotterdam marathon in a new course record.",
     "label": S, "evidence": ["marathon"], "article": "articles/news.txt", "sentence": MARATHON},
    {"id": "t6", "claim": "A volcano on the Reykjanes peninsula erupted on Monday night.",
     "label": S, "evidence": ["volcano"], "article": "articles/news.txt",
     "sentence": "A volcano on the Reykjanes peninsula in Iceland erupted again on Monday "
                 "night."},
    # A second claim of the marathon sentence, whose one extracted claim goes to t5: missed.
    {"id": "t7", "claim": "The race took two hours.", "label": S,
     "evidence": ["marathon"], "article": "articles/news.txt", "sentence": MARATHON},
]


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
                        articles={"articles/news.txt": ARTICLE},
                        toml='name = "tiny"\nas_of = "2024-06-30"\n')


@pytest.fixture(scope="module")
def eval_home(tmp_path_factory) -> Path:
    """One FACTCHECK_HOME for the module, so that the tiny suite's store is embedded once."""
    return tmp_path_factory.mktemp("eval-home")


class SpyJudge:
    """The real judge, remembering every claim it judged."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.claims = inner, inner.name, []
        self.parallel = inner.parallel

    def gather(self, claim):
        return self.inner.gather(claim)

    def judge(self, claim, evidence=None, ledger=None):
        self.claims.append(claim)
        return self.inner.judge(claim, evidence, ledger=ledger)


class WorsenedJudge(SpyJudge):
    """The real judge under its own name, with every SUPPORTED verdict turned into REFUTED."""

    def judge(self, claim, evidence=None, ledger=None):
        verdict = super().judge(claim, evidence, ledger=ledger)
        if verdict.label == Label.SUPPORTED:
            verdict.label = Label.REFUTED
        return verdict


def test_runs_score_every_gold_claim_at_its_date(tiny_suite, eval_home):
    suite = load_suite(tiny_suite)
    verifier = open_suite_verifier(suite, Settings(home=eval_home))
    spy = SpyJudge(verifier.judge)
    verifier.judge = spy
    claims = run_claims_mode(suite, verifier)
    assert {c.as_of for c in spy.claims} == {"2024-06-30"}
    assert claims.as_of == "2024-06-30" and {i.as_of for i in claims.items} == {"2024-06-30"}
    spy.claims.clear()
    articles = run_articles_mode(suite, verifier)
    assert spy.claims and {c.as_of for c in spy.claims} == {"2024-06-30"}

    # Every gold claim of the article is scored; the missed one (t7) counts as wrong.
    assert articles.n == 4 and len(articles.items) == 4
    matched = {i.id: i.extracted for i in articles.items}
    assert matched["t4"] == "Prices for solar panels fell by a quarter in 2023."
    assert matched["t5"] == MARATHON and matched["t7"] is None
    coverage = articles.metrics.coverage
    assert coverage is not None
    assert (coverage.matched, coverage.missed, coverage.claim_recall) == (3, 1, 0.75)
    assert 0 < coverage.claim_precision < 1  # "became much cheaper" is extra
    right = sum(i.correct for i in articles.items)
    assert articles.metrics.accuracy == round(right / 4, 4)
    assert coverage.matched_accuracy == round(right / 3, 4)
    assert articles.metrics.confusion[S]["MISSED"] == 1


def test_cli_eval_record_history_and_report(tiny_suite, eval_home, tmp_path, capsys):
    db = tmp_path / "history.sqlite"
    first = tmp_path / "first.json"
    common = [tiny_suite, "--mode", "both", "--home", eval_home, "--history", db]
    assert factcheck("eval", *common, "--json", first, "--record", "--report",
                     tmp_path / "r.md") == 0
    claims_run, articles_run = (EvalRun.model_validate(r)
                                for r in json.loads(first.read_text(encoding="utf-8")))
    assert (claims_run.mode, claims_run.n) == ("claims", 7)
    assert (articles_run.mode, articles_run.n) == ("articles", 4)
    assert claims_run.metrics.coverage is None and articles_run.metrics.coverage is not None
    assert claims_run.metrics.usage.claims == 7
    printed = capsys.readouterr().out
    assert "articles mode, n=4, 1 missed" in printed and "matched pairs only" in printed
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## tiny: articles mode" in report and "accuracy (all gold claims)" in report

    plot = tmp_path / "trend.png"
    assert factcheck("eval-history", "tiny", "--history", db, "--plot", plot) == 0
    listing = capsys.readouterr().out
    assert "claims" in listing and "articles" in listing and "first" in listing
    assert plot.read_bytes().startswith(b"\x89PNG")

    # An identical second run passes the gate; its report shows no change.
    assert factcheck("eval", *common, "--fail-on-regression", "--report", tmp_path / "r.html") == 0
    assert "gate passed" in capsys.readouterr().err
    assert "No claim changed its label." in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_worsened_judge_fails_the_gate_and_lists_the_flipped_claims(
        tiny_suite, eval_home, tmp_path, capsys, monkeypatch):
    import agent._evaluation as evaluation

    db = tmp_path / "history.sqlite"
    common = [tiny_suite, "--home", eval_home, "--history", db]
    assert factcheck("eval", *common, "--record") == 0
    baseline = load_runs(db)[0]
    supported_right = sorted(i.id for i in baseline.items if i.correct and i.gold == S)
    assert supported_right, "the tiny suite needs claims the real judge gets right"

    real = evaluation.open_suite_verifier

    def worsened(*args, **kwargs):
        verifier = real(*args, **kwargs)
        verifier.judge = WorsenedJudge(verifier.judge)
        return verifier

    monkeypatch.setattr(evaluation, "open_suite_verifier", worsened)
    capsys.readouterr()
    assert factcheck("eval", *common, "--record", "--fail-on-regression") == \
        RegressionError.exit_code
    err = capsys.readouterr().err
    assert "gate FAILED" in err and "failed the regression gate" in err
    for claim_id in supported_right:
        assert f"broken: {claim_id}: {S} → {R} (gold {S})" in err
    assert [r.gate for r in load_runs(db)] == ["first", "failed"]

    # The failed run is not the baseline: the next run is gated against the first one again.
    monkeypatch.setattr(evaluation, "open_suite_verifier", real)
    assert factcheck("eval", *common, "--record", "--fail-on-regression") == 0
    assert f"against baseline run {baseline.id} " in capsys.readouterr().err

    # Accepted, the worse run becomes the baseline; --accept needs --record.
    monkeypatch.setattr(evaluation, "open_suite_verifier", worsened)
    assert factcheck("eval", *common, "--fail-on-regression", "--accept") == 2
    assert factcheck("eval", *common, "--record", "--fail-on-regression", "--accept") == 0
    accepted = load_runs(db)[-1]
    assert accepted.gate == "accepted"
    assert baseline_run(db, "tiny", "claims", accepted.config.family).id == accepted.id


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
