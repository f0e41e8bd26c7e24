"""The own-gold figures carry their uncertainty: a blind half of a few dozen events cannot tell 0.62 from 0.66."""

from benchmarks.event_gold import _figures, interval_95


def test_wilson_interval_of_half_is_the_textbook_one() -> None:
    # Worked by hand: p = 0.5, n = 10, z = 1.96 -> centre 0.5, half-width 0.2634.
    assert interval_95(5, 10) == [0.237, 0.763]


def test_interval_narrows_with_more_events_and_is_open_without_any() -> None:
    small, large = interval_95(6, 10), interval_95(60, 100)
    assert small[0] < large[0] < 0.6 < large[1] < small[1]
    assert interval_95(0, 0) == [0.0, 1.0]


def test_figures_report_precision_and_recall_intervals() -> None:
    counts = {"articles": 4, "gold": 20, "pred": 10, "tp": 5, "articles_with_event": 2, "subtype_ok": 5,
              "placed": 0, "country_ok": 0, "located": 0, "location_ok": 0}
    figures = _figures(counts)
    assert figures["precision_95"] == [0.237, 0.763]
    assert figures["recall_95"][0] < figures["recall"] == 0.25 < figures["recall_95"][1]
