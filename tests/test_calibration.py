"""The judge's confidence: the shipped calibration, its refusal of a damaged file, and the share
of right verdicts it is fitted from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent._calibration import CALIBRATION_FILE, label_rates, load_calibration
from agent._errors import BackendError
from agent._judge import RuleJudge
from agent._models import Label


@pytest.mark.parametrize("reads", [True, False])
def test_the_shipped_calibration_covers_the_rule_judge(reads: bool) -> None:
    name = RuleJudge.name_for(reads)
    calibration = load_calibration(name)
    assert set(calibration.rates) == set(Label)
    assert all(0.0 < rate < 1.0 for rate in calibration.rates.values())
    fitted = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))[name]
    assert fitted["sets"] and fitted["fitted"] and fitted["command"]


@pytest.mark.parametrize("content", [
    None,  # missing
    "{not json",
    '{"other-judge": {"rates": {"SUPPORTED": 0.5}}}',
    '{"judge-x": {"rates": {"SUPPORTED": 0.7, "REFUTED": 0.6}}}',
    '{"judge-x": {"rates": {"SUPPORTED": 1.7, "REFUTED": 0.6, "NOT_ENOUGH_INFO": 0.4}}}',
])
def test_a_missing_or_damaged_calibration_is_a_clear_error(tmp_path: Path,
                                                           content: str | None) -> None:
    path = tmp_path / "calibration.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BackendError, match="calibration"):
        load_calibration("judge-x", path)


def test_every_set_counts_once_whatever_its_size() -> None:
    large = [("SUPPORTED", True)] * 98 + [("SUPPORTED", False)] * 0
    small = [("SUPPORTED", False)] * 3 + [("REFUTED", True)]
    rates = label_rates([large, small])
    # add-one smoothing: 99/100 and 1/5, then their mean
    assert rates["SUPPORTED"] == pytest.approx((99 / 100 + 1 / 5) / 2, abs=1e-4)
    assert rates["REFUTED"] == pytest.approx(2 / 3, abs=1e-4)
    assert rates["NOT_ENOUGH_INFO"] == 0.5  # given by no set


def test_a_label_given_once_is_not_taken_as_always_right() -> None:
    assert label_rates([[("REFUTED", True)]])["REFUTED"] == pytest.approx(2 / 3, abs=1e-4)
