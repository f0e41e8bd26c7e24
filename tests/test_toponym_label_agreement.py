"""Agreement between two labellings of the same candidate names (`python tools/train_geo_models.py agree`).
Labels here are written for the test."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_geo_models


def _labels(*labels: str) -> list[dict]:
    return [{"id": "s", "start": 10 * k, "end": 10 * k + 5, "label": label} for k, label in enumerate(labels)]


def test_identical_labellings_agree_fully() -> None:
    labels = _labels("PLACE", "NOT_PLACE", "PLACE", "PLACE")
    assert train_geo_models.label_agreement(labels, labels) == {"names": 4, "agreement": 1.0, "kappa": 1.0}


def test_kappa_discounts_the_agreement_chance_gives() -> None:
    # 8 of 10 agree; both say PLACE 8 times in 10, so chance alone would agree 0.68 of the time
    first = _labels(*["PLACE"] * 8, "NOT_PLACE", "NOT_PLACE")
    second = _labels(*["PLACE"] * 7, "NOT_PLACE", "PLACE", "NOT_PLACE")
    result = train_geo_models.label_agreement(first, second)
    assert result["agreement"] == 0.8
    assert result["kappa"] == round((0.8 - 0.68) / (1 - 0.68), 4)


def test_unsure_and_unmatched_names_are_left_out() -> None:
    first = _labels("PLACE", "UNSURE", "NOT_PLACE")
    second = _labels("PLACE", "PLACE")  # the third name has no second label
    assert train_geo_models.label_agreement(first, second)["names"] == 1
