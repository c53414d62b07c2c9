"""The eval history: every recorded run in an SQLite database, the regression gate between runs,
and the trend plot.

The database (default `$FACTCHECK_HOME/history.sqlite`) has one table, `runs`: id, timestamp,
suite, mode, family (embedding model and judge), n, the run's metrics, config and per-claim items
as JSON, and `gate`, how the run fared against its baseline (first, passed, failed, accepted; or
unchecked, for runs recorded before the gate existed).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from ._eval_models import EvalItem, EvalRun, RecordedRun
from ._evaluation import LABELS, classification_metrics
from ._settings import Settings

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
COLUMNS = ("id", "timestamp", "suite", "mode", "family", "n", "metrics", "config", "items", "gate")
# The gate fails a run whose accuracy or macro-F1, on the claims it shares with its baseline, is
# lower by more than this, however the test below comes out.
MAX_DROP = 0.02
# ... or when more claims went right -> wrong than wrong -> right and McNemar's exact test finds
# that difference significant at this level.
ALPHA = 0.05
# The shortest time span, in days, that the trend plot shows.
MIN_SPAN_DAYS = 1 / 24
Gate = Literal["first", "passed", "failed", "accepted"]


def default_history_path(settings: Settings) -> Path:
    """Where runs are recorded unless --history says otherwise."""
    return settings.home / "history.sqlite"


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.executescript(SCHEMA)
        if "gate" not in {row[1] for row in db.execute("PRAGMA table_info(runs)")}:
            db.execute("ALTER TABLE runs ADD COLUMN gate TEXT NOT NULL DEFAULT 'unchecked'")
        yield db


def record_run(path: Path, result: EvalRun, gate: Gate) -> int:
    """Append one run with the outcome of its gate; returns its id."""
    dump = result.model_dump(mode="json")
    with _connect(path) as db:
        cursor = db.execute(
            "INSERT INTO runs (timestamp, suite, mode, family, n, metrics, config, items, gate) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (result.timestamp, result.suite, result.mode, result.config.family, result.n,
             *(json.dumps(dump[part], ensure_ascii=False)
               for part in ("metrics", "config", "items")), gate),
        )
        assert cursor.lastrowid is not None  # set by every INSERT
        return cursor.lastrowid


def _run(row: tuple) -> RecordedRun:
    fields = dict(zip(COLUMNS, row, strict=True))
    for part in ("metrics", "config", "items"):
        fields[part] = json.loads(fields[part])
    return RecordedRun.model_validate(fields)


def _select(path: Path, where: str, args: tuple, last: bool = False) -> list[RecordedRun]:
    if not path.exists():
        return []
    query = f"SELECT {', '.join(COLUMNS)} FROM runs{where} ORDER BY id"
    if last:
        query += " DESC LIMIT 1"
    with _connect(path) as db:
        return [_run(row) for row in db.execute(query, args)]


def load_runs(path: Path, suite: str | None = None) -> list[RecordedRun]:
    """Recorded runs, oldest first, optionally of one suite; none when there is no database."""
    return _select(path, " WHERE suite = ?", (suite,)) if suite else _select(path, "", ())


def last_run(path: Path, suite: str, mode: str) -> RecordedRun | None:
    """The latest recorded run of a suite and mode, whatever its gate."""
    found = _select(path, " WHERE suite = ? AND mode = ?", (suite, mode), last=True)
    return found[0] if found else None


def baseline_run(path: Path, suite: str, mode: str, family: str) -> RecordedRun | None:
    """The run a new one is gated against: the latest of its suite, mode and config family
    that did not fail the gate (a failed run counts only once accepted)."""
    found = _select(path, " WHERE suite = ? AND mode = ? AND family = ? AND gate != 'failed'",
                    (suite, mode, family), last=True)
    return found[0] if found else None


# --- the gate -----------------------------------------------------------------------------------


class Flip(BaseModel):
    """A claim whose prediction changed between two runs (None: articles mode, missed)."""

    id: str
    old: str | None
    new: str | None
    gold: str

    @property
    def change(self) -> str:
        """fixed (wrong -> right), broken (right -> wrong) or still wrong."""
        if self.new == self.gold:
            return "fixed"
        return "broken" if self.old == self.gold else "still wrong"


def flipped_claims(old_items: list[EvalItem], new_items: list[EvalItem]) -> list[Flip]:
    """Claims in both runs whose prediction changed."""
    before = {item.id: item.predicted for item in old_items}
    return [Flip(id=item.id, old=before[item.id], new=item.predicted, gold=item.gold)
            for item in new_items
            if item.id in before and before[item.id] != item.predicted]


def mcnemar_p(broken: int, fixed: int) -> float:
    """Two-sided exact McNemar test: the chance of a split of the changed claims at least as
    uneven as `broken` against `fixed` if either direction were equally likely (a binomial test
    with p = 1/2)."""
    changed = broken + fixed
    if changed == 0:
        return 1.0
    tail = sum(math.comb(changed, k) for k in range(min(broken, fixed) + 1)) / 2**changed
    return min(1.0, 2 * tail)


class Comparison(BaseModel):
    """A new run against its baseline, on the gold claims both runs scored."""

    suite: str
    mode: str
    baseline_id: int
    baseline_timestamp: str
    shared: int
    old_accuracy: float
    new_accuracy: float
    old_macro_f1: float
    new_macro_f1: float
    flipped: list[Flip]
    p_value: float

    @property
    def broken(self) -> list[Flip]:
        return [f for f in self.flipped if f.change == "broken"]

    @property
    def fixed(self) -> list[Flip]:
        return [f for f in self.flipped if f.change == "fixed"]

    @property
    def reasons(self) -> list[str]:
        """Why the run fails the gate; empty when it passes."""
        found = []
        for name, old, new in (("accuracy", self.old_accuracy, self.new_accuracy),
                               ("macro-F1", self.old_macro_f1, self.new_macro_f1)):
            if old - new > MAX_DROP:
                found.append(f"{name} fell by {old - new:.3f} (more than {MAX_DROP})")
        if len(self.broken) > len(self.fixed) and self.p_value < ALPHA:
            found.append(f"{len(self.broken)} claims right -> wrong against {len(self.fixed)} "
                         f"wrong -> right (McNemar p = {self.p_value:.3f} < {ALPHA})")
        return found

    @property
    def regressed(self) -> bool:
        return bool(self.reasons)


def compare_runs(new: EvalRun, baseline: RecordedRun) -> Comparison | None:
    """The gate: `new` against `baseline` on the gold claims both scored, matched by id. It
    fails on a drop of accuracy or macro-F1 over MAX_DROP, or on significantly more claims
    going right -> wrong than wrong -> right. None when the runs share no claim."""
    old_by_id = {item.id: item for item in baseline.items}
    shared = [item for item in new.items if item.id in old_by_id]
    if not shared:
        return None
    gold = [item.gold for item in shared]
    old = classification_metrics(gold, [old_by_id[i.id].outcome for i in shared], LABELS)
    now = classification_metrics(gold, [i.outcome for i in shared], LABELS)
    flipped = flipped_claims([old_by_id[i.id] for i in shared], shared)
    broken = sum(f.change == "broken" for f in flipped)
    fixed = sum(f.change == "fixed" for f in flipped)
    return Comparison(
        suite=new.suite, mode=new.mode, baseline_id=baseline.id,
        baseline_timestamp=baseline.timestamp, shared=len(shared),
        old_accuracy=old.accuracy, new_accuracy=now.accuracy,
        old_macro_f1=old.macro_f1, new_macro_f1=now.macro_f1,
        flipped=flipped, p_value=round(mcnemar_p(broken, fixed), 4),
    )


# --- the trend plot -----------------------------------------------------------------------------


def plot_trend(runs: list[RecordedRun], path: Path) -> None:
    """A PNG with one panel per suite and mode: macro-F1 (with its 95% interval) and accuracy
    of each recorded run over time."""
    trend_figure(runs).savefig(path, format="png", dpi=100)


def trend_figure(runs: list[RecordedRun]) -> Figure:
    """The figure of plot_trend. Time ticks read as dates and clock times: runs minutes apart,
    or a single run, are shown on at least an hour, not on a scale of (micro)seconds."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure

    series: dict[tuple[str, str], list[RecordedRun]] = {}
    for run in runs:
        series.setdefault((run.suite, run.mode), []).append(run)
    figure = Figure(figsize=(9, 3 * max(1, len(series))), layout="constrained")
    FigureCanvasAgg(figure)
    for number, ((suite, mode), points) in enumerate(sorted(series.items()), 1):
        axes = figure.add_subplot(max(1, len(series)), 1, number)
        times = [float(date2num(datetime.fromisoformat(p.timestamp))) for p in points]
        macro = [p.metrics.macro_f1 for p in points]
        ci = [p.metrics.ci95.macro_f1 for p in points]
        below = [m - low for m, (low, _) in zip(macro, ci, strict=True)]
        above = [high - m for m, (_, high) in zip(macro, ci, strict=True)]
        axes.errorbar(times, macro, yerr=[below, above], marker="o", capsize=3,
                      label="macro-F1 (95% CI)")
        axes.plot(times, [p.metrics.accuracy for p in points], marker="s", label="accuracy")
        axes.xaxis_date()
        locator = AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        if max(times) - min(times) < MIN_SPAN_DAYS:
            middle = (max(times) + min(times)) / 2
            axes.set_xlim(middle - MIN_SPAN_DAYS / 2, middle + MIN_SPAN_DAYS / 2)
        axes.set_title(f"{suite} ({mode} mode)")
        axes.set_ylim(0, 1.05)
        axes.legend(loc="lower left", fontsize="small")
        axes.tick_params(axis="x", labelrotation=30)
    if not series:
        figure.add_subplot().set_title("no recorded runs")
    return figure
