"""The own-gold figures carry their uncertainty: a blind half of a few dozen events cannot tell 0.62 from 0.66."""

from benchmarks.event_gold import _figures, interval_95, reliability


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


def test_gold_span_is_found_when_cleaning_collapsed_its_spaces() -> None:
    from benchmarks.event_gold import _map_range

    raw = "Intro line.\nAbout 300 traders led by  Amina  Odhiambo marched\nto the council on Monday."
    clean = "Intro line.\nAbout 300 traders led by Amina Odhiambo marched to the council on Monday."
    start = raw.index("About")
    end = raw.index("Monday") + len("Monday")
    got = _map_range(raw, clean, start, end)
    assert got is not None
    assert clean[got[0]:got[1]] == "About 300 traders led by Amina Odhiambo marched to the council on Monday"
    assert _map_range(raw, clean, raw.index("Intro"), raw.index(".")) == (0, len("Intro line"))
    assert _map_range(raw, "something else entirely", start, end) is None


def test_reliability_bins_count_probability_against_outcome() -> None:
    # Worked by hand: 0.1 and 0.15 (one coded) fall in 0-0.2; 0.9 and 1.0 (both coded) in 0.8-1; nothing between.
    rows = reliability([(0.1, False), (0.15, True), (0.9, True), (1.0, True)])
    assert [r["events"] for r in rows] == [2, 0, 0, 0, 2]
    assert rows[0]["mean_probability"] == 0.125 and rows[0]["share_coded"] == 0.5
    assert rows[4]["mean_probability"] == 0.95 and rows[4]["share_coded"] == 1.0
    assert rows[2]["mean_probability"] is None


def test_misses_name_the_coded_event_no_candidate_tells_and_the_veto_that_dropped_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.event_gold import LabelledArticle, match, missed
    from dateline.model import Article

    text = ("Gunmen killed three farmers near Kaduna on Monday, police said. "
            "The rebels have vowed to attack the town next week. "
            "The weather in the region was mild.")
    report = pipeline.extract_text(text, published="2024-03-14")
    article = Article(id="a1", text=text)
    coded = ["Gunmen killed three farmers", "vowed to attack the town", "The weather in the region"]
    ranges = [[(text.index(c), text.index(c) + len(c))] for c in coded]
    label = {"id": "a1", "source": "own", "events": [{"sub_event_type": "Attack"}, {"sub_event_type": "Attack"},
                                                     {"sub_event_type": "Peaceful protest"}]}
    item = LabelledArticle(label, article, ranges)
    lines = list(missed(item, report.events, set(match(item, report.events).values()), report))
    assert len(lines) == 2
    assert "vowed to attack" in lines[0] and "hypothetical(attack" in lines[0]
    assert lines[1].startswith("own\ta1\tPeaceful protest\tThe weather in the region")
    assert lines[1].endswith("no candidate, no rejection")
