"""Agreement between two labellings of the same candidate names (`python tools/train_geo_models.py agree`).
Labels here are written for the test."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

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


def test_unsure_and_team_metonymy_labels_neither_train_nor_score(tmp_path: Path) -> None:
    rows = [{"id": "a", "start": 0, "end": 5, "label": "PLACE"},
            {"id": "a", "start": 9, "end": 14, "label": "NOT_PLACE", "why": "company"},
            {"id": "a", "start": 20, "end": 27, "label": "NOT_PLACE", "why": "national team", "metonymy": True},
            {"id": "b", "start": 0, "end": 6, "label": "UNSURE"}]
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert train_geo_models.own_labels([path]) == {"a": [(0, 5, 1), (9, 14, 0)]}


def test_the_bbc_place_name_split_holds_no_article_of_the_event_gold() -> None:
    split = json.loads((ROOT / "gold" / "toponym_bbc_split.json").read_text())
    event_gold = {i for half in json.loads((ROOT / "gold" / "splits.json").read_text())["bbc"].values() for i in half}
    assert not set(split["dev"]) & set(split["test"])
    assert not (set(split["dev"]) | set(split["test"])) & event_gold
    labelled = {json.loads(line)["id"] for half in ("dev", "test")
                for line in (ROOT / "gold" / f"toponym_labels_bbc_{half}.jsonl").open(encoding="utf-8")}
    assert labelled <= set(split["dev"]) | set(split["test"])


def test_a_mistyped_command_is_refused_with_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert train_geo_models.main(["evalute"]) == 2
    err = capsys.readouterr().err
    assert "error: unknown command 'evalute'" in err and "train_geo_models.py evaluate" in err
