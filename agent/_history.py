"""The eval history: every recorded run in an SQLite database, regression checks between runs,
and the trend plot.

The database (default `$FACTCHECK_HOME/history.sqlite`) has one table, `runs`: id, timestamp,
suite, mode, family (embedding model and judge), n, and the run's metrics, config and per-claim
items as JSON.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ._settings import Settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    suite TEXT NOT NULL,
    mode TEXT NOT NULL,
    family TEXT NOT NULL,
    n INTEGER NOT NULL,
    metrics TEXT NOT NULL,
    config TEXT NOT NULL,
    items TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_suite ON runs (suite, mode, family);
"""
# The smallest drop of macro-F1 that counts as a regression, however narrow the interval.
MIN_DROP = 0.01


def default_history_path(settings: Settings) -> Path:
    """Where runs are recorded unless --history says otherwise."""
    return settings.home / "history.sqlite"


def config_family(config: dict) -> str:
    """Runs of one family are comparable: same embedding model and same judge."""
    models = config.get("models", {})
    return f"{models.get('embedding', '')} | {models.get('judge', '')}"


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.executescript(SCHEMA)
        yield db


def record_run(path: Path, result: dict) -> int:
    """Append one run (a result of run_claims_mode or run_articles_mode); returns its id."""
    with _connect(path) as db:
        cursor = db.execute(
            "INSERT INTO runs (timestamp, suite, mode, family, n, metrics, config, items) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (result["timestamp"], result["suite"], result["mode"],
             config_family(result["config"]), result["n"],
             json.dumps(result["metrics"], ensure_ascii=False),
             json.dumps(result["config"], ensure_ascii=False),
             json.dumps(result["items"], ensure_ascii=False)),
        )
        return int(cursor.lastrowid)


def _run(row: tuple) -> dict:
    id_, timestamp, suite, mode, _family, n, metrics, config, items = row
    return {"id": id_, "timestamp": timestamp, "suite": suite, "mode": mode, "n": n,
            "metrics": json.loads(metrics), "config": json.loads(config),
            "items": json.loads(items)}


def load_runs(path: Path, suite: str | None = None) -> list[dict]:
    """Recorded runs, oldest first, optionally of one suite; none when there is no database."""
    if not path.exists():
        return []
    query, args = "SELECT * FROM runs", ()
    if suite:
        query, args = query + " WHERE suite = ?", (suite,)
    with _connect(path) as db:
        return [_run(row) for row in db.execute(query + " ORDER BY id", args)]


def last_run(path: Path, suite: str, mode: str, family: str | None = None) -> dict | None:
    """The latest recorded run of a suite and mode (and config family, when given)."""
    if not path.exists():
        return None
    query = "SELECT * FROM runs WHERE suite = ? AND mode = ?"
    args: tuple = (suite, mode)
    if family is not None:
        query, args = query + " AND family = ?", (*args, family)
    with _connect(path) as db:
        row = db.execute(query + " ORDER BY id DESC LIMIT 1", args).fetchone()
    return _run(row) if row else None


# --- comparing runs -----------------------------------------------------------------------------


def flipped_claims(old_items: list[dict], new_items: list[dict]) -> list[dict]:
    """Claims in both runs whose predicted label changed (None: no extracted claim matched)."""
    before = {item["id"]: item["predicted"] for item in old_items}
    return [
        {"id": item["id"], "old": before[item["id"]], "new": item["predicted"],
         "gold": item["gold"]}
        for item in new_items
        if item["id"] in before and before[item["id"]] != item["predicted"]
    ]


@dataclass
class Comparison:
    """A new run against the previous one of its suite, mode and config family."""

    suite: str
    mode: str
    old_macro_f1: float
    new_macro_f1: float
    allowed_drop: float
    flipped: list[dict]

    @property
    def regressed(self) -> bool:
        return self.new_macro_f1 < self.old_macro_f1 - self.allowed_drop


def allowed_drop(metrics: dict) -> float:
    """The noise a macro-F1 drop must exceed: half the width of the new run's 95% interval,
    at least MIN_DROP."""
    low, high = metrics["ci95"]["macro_f1"]
    return round(max(MIN_DROP, (high - low) / 2), 4)


def compare_runs(new: dict, old: dict) -> Comparison:
    """Regression rule: new_macro_f1 < old_macro_f1 - max(0.01, half-width of new CI)."""
    return Comparison(
        suite=new["suite"], mode=new["mode"],
        old_macro_f1=old["metrics"]["macro_f1"], new_macro_f1=new["metrics"]["macro_f1"],
        allowed_drop=allowed_drop(new["metrics"]),
        flipped=flipped_claims(old["items"], new["items"]),
    )


# --- the trend plot -----------------------------------------------------------------------------


def plot_trend(runs: list[dict], path: Path) -> None:
    """A PNG with one panel per suite and mode: macro-F1 (with its 95% interval) and accuracy
    of each recorded run over time."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    series: dict[tuple[str, str], list[dict]] = {}
    for run in runs:
        series.setdefault((run["suite"], run["mode"]), []).append(run)
    figure = Figure(figsize=(9, 3 * max(1, len(series))), layout="constrained")
    FigureCanvasAgg(figure)
    for number, ((suite, mode), points) in enumerate(sorted(series.items()), 1):
        axes = figure.add_subplot(max(1, len(series)), 1, number)
        times = [datetime.fromisoformat(p["timestamp"]) for p in points]
        macro = [p["metrics"]["macro_f1"] for p in points]
        ci = [p["metrics"]["ci95"]["macro_f1"] for p in points]
        below = [m - low for m, (low, _) in zip(macro, ci, strict=True)]
        above = [high - m for m, (_, high) in zip(macro, ci, strict=True)]
        axes.errorbar(times, macro, yerr=[below, above], marker="o", capsize=3,
                      label="macro-F1 (95% CI)")
        axes.plot(times, [p["metrics"]["accuracy"] for p in points], marker="s",
                  label="accuracy")
        axes.set_title(f"{suite} ({mode} mode)")
        axes.set_ylim(0, 1.05)
        axes.legend(loc="lower left", fontsize="small")
        axes.tick_params(axis="x", labelrotation=30)
    if not series:
        figure.add_subplot().set_title("no recorded runs")
    figure.savefig(path, format="png", dpi=100)
