"""The accuracy benchmark's metrics, worked out by hand, and a tiny run on the tuning data when it exists."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dateline.evaluate import run_evaluation
from dateline.model import Article, Event, Report
from tests.conftest import shared_file

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy_bench", REPO / "benchmarks" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()


def test_weighted_f1_by_hand() -> None:
    # A: tp1 fp1 fn1 → F1 0.5 (support 2); B: tp1 fp1 → P 0.5 R 1 → F1 2/3 (support 1); C: F1 0 (support 1).
    # Weighted: (2·0.5 + 1·2/3 + 1·0) / 4 = 5/12.
    assert bench.weighted_f1(["A", "A", "B", "C"], ["A", "B", "B", "A"]) == pytest.approx(5 / 12)
    assert bench.weighted_f1([], []) is None


def test_binary_prf_by_hand() -> None:
    # gold 1,1,0,0 pred 1,0,1,0: tp1 fp1 fn1 → P R F1 = 0.5, accuracy 2/4.
    res = bench.binary_prf([True, True, False, False], [True, False, True, False])
    assert (res["precision"], res["recall"], res["f1"], res["accuracy"]) == (0.5, 0.5, 0.5, 0.5)


def test_case_label_maps_the_first_event_and_no_event() -> None:
    art = Article(id="x", text="t")
    assert bench.case_label(Report(article=art)) == "NO_EVENT"
    two = Report(article=art, events=[Event(id="E1", sub_event_type="Looting/property destruction"),
                                      Event(id="E2", sub_event_type="Armed clash")])
    assert bench.case_label(two) == "PROPERTY_DISTRUCT"
    assert bench.case_label(Report(article=art, events=[Event(id="E1", sub_event_type="Made up")])) == "NO_EVENT"
    assert len(bench.CASE_LABELS) == 25 and len(bench.NON_ACLED) == 5


def test_acled_notes_tuning_rows_score_through_the_pipeline(pipeline) -> None:  # type: ignore[no-untyped-def]
    notes = shared_file("eval", "acled_notes_tune.jsonl")
    scores = run_evaluation([notes], limit=2, pipeline=pipeline, progress=False)
    assert scores.documents == 2
    assert scores.rows[("acled", "")].n == 2
    assert scores.rows[("acled", "event_type")].n == 2  # every row scored, detected or not
