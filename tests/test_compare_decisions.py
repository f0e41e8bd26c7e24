"""Comparing two decision models: a difference comes with a paired interval, so one article's flip on a set of 18
positives reads as the noise it is."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import compare_decisions as compare


def test_identical_outcomes_give_a_zero_interval() -> None:
    rows = [(True, True), (True, False), (False, False), (False, True)] * 5
    assert compare.paired_interval(rows, rows, compare.binary_f1) == (0.0, 0.0)


def test_one_flipped_article_of_few_positives_is_not_evidence() -> None:
    # 18 articles that report an event, 10 found, 1 false alarm, 131 quiet ones; the new model loses one hit.
    base = [(True, True)] * 10 + [(True, False)] * 8 + [(False, True)] + [(False, False)] * 131
    new = [(True, True)] * 9 + [(True, False)] * 9 + [(False, True)] + [(False, False)] * 131
    # Worked by hand: F1 = 2tp / (2tp + fp + fn): 20 / 29 = 0.690 before, 18 / 28 = 0.643 after.
    assert round(compare.binary_f1(base), 3) == 0.690
    assert round(compare.binary_f1(new), 3) == 0.643
    low, high = compare.paired_interval(base, new, compare.binary_f1)
    assert low < -0.047 and high == 0.0  # the interval reaches zero: the loss may be chance


def test_a_broad_gain_has_an_interval_clear_of_zero() -> None:
    base = [(True, False)] * 30 + [(True, True)] * 10 + [(False, False)] * 60
    new = [(True, True)] * 40 + [(False, False)] * 60
    low, high = compare.paired_interval(base, new, compare.binary_f1)
    assert 0.0 < low <= high


def test_own_gold_f1_counts_right_kept_and_coded_events() -> None:
    # (right, kept, coded) per article: 3 right of 4 kept, 6 coded -> F1 = 2*3 / (4 + 6) = 0.6
    assert compare.gold_f1([(2, 2, 3), (1, 2, 2), (0, 0, 1)]) == pytest.approx(0.6)
