"""The confidence a judge reports: how often its verdicts of the same label were right on data
that is never reported.

The rule judge has no probabilities of its own, and the similarity margins it decides on did not
track how often it is right (confidence 0.69 on SUPPORTED verdicts that were right 53 % of the
time on one suite, 100 % on another). So its confidence is the share of right verdicts per label,
measured by benchmarks/fit_calibration.py on the tuning suites and stored in
agent/models/calibration.json, with the suites, the counts and the date it was fitted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ._errors import BackendError
from ._models import Label

CALIBRATION_FILE = Path(__file__).parent / "models" / "calibration.json"


@dataclass(frozen=True)
class Calibration:
    """A judge's share of right verdicts per label."""

    rates: dict[Label, float]

    def confidence(self, label: Label) -> float:
        """How sure the judge is of a verdict with this label."""
        return self.rates[label]


@cache
def load_calibration(judge: str, path: Path = CALIBRATION_FILE) -> Calibration:
    """The calibration fitted for `judge`; a missing or damaged file, or none for this judge, is
    a BackendError that says how to fix it."""
    try:
        fitted = json.loads(path.read_text(encoding="utf-8"))[judge]
        rates = {Label(label): float(fitted["rates"][label]) for label in Label}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackendError(
            f"confidence calibration {path} has no valid entry for the judge {judge!r} ({exc}); "
            "reinstall the package, or refit it with benchmarks/fit_calibration.py"
        ) from exc
    if not all(0.0 < rate < 1.0 for rate in rates.values()):
        raise BackendError(f"confidence calibration {path}: rates for {judge!r} must lie in (0, 1)")
    return Calibration(rates)


def label_rates(sets: Iterable[Sequence[tuple[str, bool]]]) -> dict[str, float]:
    """The share of right verdicts per label over sets of (label, right) verdicts: each set
    counts once whatever its size, and within a set one right and one wrong verdict are added to
    each label's count (add-one smoothing), so that a label given a few times is not taken as
    always or never right. A label no set gives gets 0.5."""
    shares: dict[str, list[float]] = {str(label): [] for label in Label}
    for verdicts in sets:
        for label, share in shares.items():
            given = [right for predicted, right in verdicts if predicted == label]
            if given:
                share.append((sum(given) + 1) / (len(given) + 2))
    return {label: round(sum(s) / len(s), 4) if s else 0.5 for label, s in shares.items()}
