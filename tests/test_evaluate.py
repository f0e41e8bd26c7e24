"""The scorer, on small hand-made gold/prediction pairs whose scores are worked out by hand in each test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate import Scores, load_gold, run_evaluation, score_document
from dateline.evaluate.compare import haversine_km, value_matches
from dateline.evaluate.events import must_not_violation
from dateline.evaluate.scores import PRF
from dateline.model import Article, Event, Quote, Report, Span
from tests.conftest import shared_file

DATA = Path(__file__).parent / "data"

TEXT = (
    "Riverton, March 3, 2021—Hundreds of farmers marched through Riverton on Tuesday.\n\n"
    "Police fired tear gas at the marchers near the town hall.\n\n"
    "Gunmen attacked a bus on the Lakeside road, killing two passengers.\n\n"
    "The union called for a boycott of the harvest festival.\n"
)
MARCH = "Hundreds of farmers marched through Riverton on Tuesday."
TEARGAS = "Police fired tear gas at the marchers near the town hall."
ATTACK = "Gunmen attacked a bus on the Lakeside road, killing two passengers."
BOYCOTT = "The union called for a boycott of the harvest festival."


def span(sentence: str, text: str = TEXT) -> Span:
    start = text.index(sentence)
    return Span.of(text, start, start + len(sentence))


def event(eid: str, sentence: str, **fields: Any) -> Event:
    return Event(id=eid, mentions=[span(sentence)], **fields)


def report(events: list[Event] | None = None, quotes: list[Quote] | None = None, text: str = TEXT) -> Report:
    return Report(article=Article(id="doc", text=text), events=events or [], quotes=quotes or [])


def score(tmp_path: Path, gold: dict[str, Any], rep: Report, text: str = TEXT) -> Scores:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    gold = {"format": "dateline-gold/1", "id": "doc", "text_file": "doc.txt", **gold}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    scores = Scores()
    for doc in load_gold([path]):
        score_document(doc, rep, scores)
    return scores


GOLD3 = {"events": [
    {"id": "G1", "sub_event_type": "Peaceful protest", "evidence": ["farmers marched through Riverton"]},
    {"id": "G2", "sub_event_type": "Excessive force against protesters", "evidence": ["fired tear gas"]},
    {"id": "G3", "sub_event_type": "Attack", "evidence": ["Gunmen attacked a bus"]},
]}


def test_three_gold_two_predictions_one_match_gives_p_half_r_third_f1_point_four(tmp_path: Path) -> None:
    rep = report([event("P1", MARCH, sub_event_type="Peaceful protest"),
                  event("P2", BOYCOTT, sub_event_type="Peaceful protest")])
    scores = score(tmp_path, GOLD3, rep)
    row = scores.rows[("events", "")]
    # tp = 1 (G1-P1), fp = 1 (P2), fn = 2 (G2, G3): P = 1/2, R = 1/3, F1 = 2·(1/2)(1/3)/(5/6) = 0.4
    assert (row.tp, row.fp, row.fn) == (1, 1, 2)
    assert row.precision == pytest.approx(0.5)
    assert row.recall == pytest.approx(1 / 3)
    assert row.f1 == pytest.approx(0.4)


def test_evidence_overlap_is_required_for_a_match(tmp_path: Path) -> None:
    # Right sub-type, wrong sentence: no match, so one miss per gold and one spurious prediction.
    rep = report([event("P1", ATTACK, sub_event_type="Peaceful protest")])
    gold = {"events": [GOLD3["events"][0]]}
    row = score(tmp_path, gold, rep).rows[("events", "")]
    assert (row.tp, row.fp, row.fn) == (0, 1, 1)


def test_list_valued_gold_accepts_any_of_its_values(tmp_path: Path) -> None:
    gold = {"events": [{"id": "G1", "event_date": ["2021-03-02", "2021-03-03"], "actor1": ["Protesters (X)",
                                                                                          "Rioters (X)"],
                        "evidence": ["farmers marched"]},
                       {"id": "G2", "event_date": ["2021-03-02", "2021-03-03"], "evidence": ["fired tear gas"]}]}
    rep = report([event("P1", MARCH, event_date="2021-03-03", actor1="Rioters (X)"),
                  event("P2", TEARGAS, event_date="2021-03-04")])
    scores = score(tmp_path, gold, rep)
    date = scores.rows[("events", "event_date")]
    assert (date.correct, date.n) == (1, 2)  # 03-03 is in the list, 03-04 is not
    assert scores.value("events", "actor1") == 1.0
    assert value_matches("time_precision", [2, 3], 3) and not value_matches("time_precision", [2, 3], 1)


def test_null_gold_is_not_scored(tmp_path: Path) -> None:
    gold = {"events": [{"id": "G1", "actor1": "Protesters (X)", "actor2": None, "fatalities": None,
                        "evidence": ["farmers marched"]}]}
    rep = report([event("P1", MARCH, actor1="Protesters (X)", actor2="Police Forces of X", fatalities=3)])
    scores = score(tmp_path, gold, rep)
    assert ("events", "actor2") not in scores.rows
    assert ("events", "fatalities") not in scores.rows
    assert scores.rows[("events", "actor1")].n == 1


def test_a_kind_the_gold_leaves_out_is_not_scored_but_an_empty_list_is(tmp_path: Path) -> None:
    text = '“Roads stay shut,” a driver said. Hundreds of farmers marched through Riverton on Tuesday.\n'
    quote = Quote(id="Q1", span=span("“Roads stay shut,”", text), speaker="a driver")
    rep = report([event("P1", MARCH, sub_event_type="Peaceful protest")], quotes=[quote], text=text)
    # Gold of events only: its quotes and statements were never labelled, so dateline's quote is no error.
    events_only = score(tmp_path, {"events": [{"id": "G1", "evidence": ["farmers marched"]}]}, rep, text=text)
    assert ("quotes", "") not in events_only.rows and ("statements", "") not in events_only.rows
    # Gold of quotes only: the event is not scored either.
    quotes_only = score(tmp_path, {"quotes": [{"starts_with": "Roads stay shut", "speaker": "a driver"}]}, rep,
                        text=text)
    assert ("events", "") not in quotes_only.rows
    assert quotes_only.value("quotes", "", "precision") == 1.0
    # An empty list says the article holds none: a prediction is spurious.
    none_here = score(tmp_path, {"events": [], "quotes": []}, rep, text=text)
    assert none_here.rows[("events", "")].fp == 1 and none_here.rows[("quotes", "")].fp == 1


def test_optional_gold_event_is_neither_missed_nor_spurious(tmp_path: Path) -> None:
    gold = {"events": [GOLD3["events"][0], {**GOLD3["events"][1], "optional": True}]}
    # Optional matched: P2 is absorbed (not fp) and G2 is not a tp.
    both = score(tmp_path, gold, report([event("P1", MARCH), event("P2", TEARGAS)])).rows[("events", "")]
    assert (both.tp, both.fp, both.fn) == (1, 0, 0)
    # Optional unmatched: not a miss.
    one = score(tmp_path, gold, report([event("P1", MARCH)])).rows[("events", "")]
    assert (one.tp, one.fp, one.fn) == (1, 0, 0)
    # A prediction matching nothing is still spurious.
    extra = score(tmp_path, gold, report([event("P1", MARCH), event("P3", ATTACK)])).rows[("events", "")]
    assert (extra.tp, extra.fp, extra.fn) == (1, 1, 0)


def test_must_not_geocode_rule_fails_the_match(tmp_path: Path) -> None:
    rule = "geocode to Lakeside in Freedonia: the road is in Ruritania"
    gold = {"events": [{"id": "G3", "sub_event_type": "Attack", "evidence": ["Gunmen attacked a bus"],
                        "must_not": rule}]}
    wrong = score(tmp_path, gold, report([event("P1", ATTACK, location="Lakeside", country="Freedonia")]))
    row = wrong.rows[("events", "")]
    assert (row.tp, row.fp, row.fn) == (0, 1, 1)  # the match is void: gold missed, prediction spurious
    assert wrong.counts["events: must_not violations"] == 1
    right = score(tmp_path, gold, report([event("P1", ATTACK, location="Lakeside", country="Ruritania")]))
    assert right.rows[("events", "")].tp == 1
    # On an optional gold event the violating prediction is spurious, and nothing is missed.
    opt = score(tmp_path, {"events": [{**gold["events"][0], "optional": True}]},
                report([event("P1", ATTACK, location="Lakeside", country="Freedonia")])).rows[("events", "")]
    assert (opt.tp, opt.fp, opt.fn) == (0, 1, 0)


def test_must_not_grammar() -> None:
    ev = Event(id="x", location="Bāzārgan", country="Iran", sub_event_type="Chemical weapon")
    assert must_not_violation("geocode to Bazargan in Iran: wrong country", ev) is True  # accents ignored
    assert must_not_violation("geocode to Bazargan in Iraq", ev) is False
    assert must_not_violation("geocode to Iran", ev) is True
    assert must_not_violation("be coded as Chemical weapon; tear gas on protesters", ev) is True
    assert must_not_violation("be anything clever", ev) is None


def test_hungarian_beats_greedy_assignment(tmp_path: Path) -> None:
    # P1 spans both sentences; P2 only the tear-gas one. G2 (tear gas) agrees on sub-type with P1, so a greedy
    # coder taking G2's best pair first (G2-P1) leaves G1 with nothing; the optimal assignment is G1-P1, G2-P2.
    both = TEXT[TEXT.index(MARCH):TEXT.index(TEARGAS) + len(TEARGAS)]
    p1 = Event(id="P1", sub_event_type="Excessive force against protesters", mentions=[span(both)])
    p2 = Event(id="P2", sub_event_type="Peaceful protest", mentions=[span(TEARGAS)])
    gold = {"events": GOLD3["events"][:2]}
    row = score(tmp_path, gold, report([p1, p2])).rows[("events", "")]
    assert (row.tp, row.fp, row.fn) == (2, 0, 0)


def test_haversine_and_the_25_km_rule(tmp_path: Path) -> None:
    # One degree of longitude on the equator: 2πR/360 with R = 6371.0088 km = 111.195 km.
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    # 0.2° of latitude ≈ 22.2 km (inside), 0.3° ≈ 33.4 km (outside).
    gold = {"events": [
        {"id": "G1", "latitude": 45.0, "longitude": 10.0, "geo_precision": 1, "admin1": "North",
         "evidence": ["farmers marched"]},
        {"id": "G2", "latitude": 45.0, "longitude": 10.0, "geo_precision": 1, "evidence": ["fired tear gas"]},
        # precision 2: inside the named admin1 is enough, however far the point.
        {"id": "G3", "latitude": 45.0, "longitude": 10.0, "geo_precision": 2, "admin1": "North",
         "evidence": ["Gunmen attacked"]},
    ]}
    rep = report([event("P1", MARCH, latitude=45.2, longitude=10.0, admin1="South"),
                  event("P2", TEARGAS, latitude=45.3, longitude=10.0),
                  event("P3", ATTACK, latitude=46.0, longitude=10.0, admin1="North Province")])
    scores = score(tmp_path, gold, rep)
    coords = scores.rows[("events", "coordinates")]
    near = scores.rows[("events", "within_25km")]
    assert (coords.correct, coords.n) == (2, 3)  # G1 yes (22 km), G2 no (33 km), G3 yes (admin1)
    assert (near.correct, near.n) == (1, 3)  # distance alone: only G1


def test_claimed_by_matches_any_gold_name_in_the_chain(tmp_path: Path) -> None:
    gold = {"events": [{"id": "G3", "claimed_by": ["Daily Planet", "Riverton police"],
                        "evidence": ["Gunmen attacked"]},
                       {"id": "G1", "claimed_by": ["Daily Planet"], "evidence": ["farmers marched"]}]}
    rep = report([event("P1", ATTACK, claimed_by=["Some Blog", "daily planet"]),
                  event("P2", MARCH, claimed_by=["Some Blog"])])
    acc = score(tmp_path, gold, rep).rows[("events", "claimed_by")]
    assert (acc.correct, acc.n) == (1, 2)


def test_not_event_predicted_is_a_violation(tmp_path: Path) -> None:
    gold = {"events": [], "not_events": [{"evidence": "called for a boycott", "why": "a call"},
                                         {"evidence": "fired tear gas", "why": "pretend"}]}
    scores = score(tmp_path, gold, report([event("P1", BOYCOTT)]))
    acc = scores.rows[("not_events", "not predicted as event")]
    assert (acc.correct, acc.n) == (1, 2)
    assert scores.counts["not_events: predicted as events"] == 1


def test_quotes_match_on_opening_words_and_speaker(tmp_path: Path) -> None:
    text = '“We will not give up our water,” said Ana Lopez. “Roads stay shut,” a driver said.\n'
    gold = {"quotes": [{"starts_with": "We will not give up", "speaker": "Ana Lopez"},
                       {"starts_with": "Roads stay shut", "speaker": "the union"},
                       {"starts_with": "Never again", "speaker": "a crowd", "optional": True}]}
    q1 = Quote(id="Q1", span=span("“We will not give up our water,”", text), speaker="ana lopez")
    q2 = Quote(id="Q2", span=span("Roads stay shut", text), speaker="a driver")
    scores = score(tmp_path, gold, report(quotes=[q1, q2], text=text), text=text)
    opening = scores.rows[("quotes", "opening words")]
    full = scores.rows[("quotes", "")]
    assert (opening.tp, opening.fp, opening.fn) == (2, 0, 0)
    assert (full.tp, full.fp, full.fn) == (1, 1, 1)  # Q2 has the right words but the wrong speaker
    assert scores.value("quotes", "speaker") == 0.5


def test_acled_csv_rows_are_gold(tmp_path: Path) -> None:
    csv_path = tmp_path / "acled.csv"
    csv_path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,"
        "longitude,geo_precision,fatalities,notes\n"
        "RUR1,2021-03-02,Protests,Peaceful protest,Protesters (Ruritania),,Ruritania,North,Riverton,45.0,10.0,1,0,"
        "\"On 2 March 2021, farmers marched in Riverton. [size=hundreds]\"\n"
        "RUR2,2021-03-05,Battles,Armed clash,Military Forces of Ruritania,Rebels,Ruritania,South,Lakeside,46.0,"
        "11.0,1,4,\"On 5 March 2021, soldiers clashed with rebels near Lakeside. 4 fatalities.\"\n",
        encoding="utf-8")
    docs = load_gold([csv_path])
    assert [d.id for d in docs] == ["RUR1", "RUR2"]
    assert docs[0].text == "On 2 March 2021, farmers marched in Riverton."  # coder tag dropped
    text = docs[0].text
    rep1 = Report(article=Article(id="RUR1", text=text), events=[
        Event(id="E1", event_type="Riots", sub_event_type="Violent demonstration"),
        Event(id="E2", event_type="Protests", sub_event_type="Peaceful protest", event_date="2021-03-02",
              location="Riverton", latitude=45.1, longitude=10.0, country="Ruritania", fatalities=None)])
    rep2 = Report(article=Article(id="RUR2", text=docs[1].text))  # nothing found
    pred = tmp_path / "pred.jsonl"
    pred.write_text(rep2.model_dump_json() + "\n" + rep1.model_dump_json() + "\n", encoding="utf-8")
    scores = run_evaluation([csv_path], pred=pred)
    assert scores.documents == 2
    assert scores.value("acled", "", "recall") == 0.5  # an event for RUR1, none for RUR2
    # The best-fitting prediction for RUR1 is E2 (same sub-type): right type, date, location and point;
    # RUR2 had no event, so each of its fields is wrong: accuracy 1/2.
    for name in ("event_type", "sub_event_type", "event_date", "location", "within_25km", "country"):
        assert scores.value("acled", name) == 0.5, name
    # actor2 is blank in RUR1 (no second actor; E2 has none: right), "Rebels" in RUR2 (missed).
    assert scores.value("acled", "actor2") == 0.5
    # Unknown fatalities count as 0 (as in the ACLED CSV): right for RUR1, RUR2's 4 missed.
    assert scores.value("acled", "fatalities") == 0.5


def test_acled_jsonl_rows_with_text_are_gold(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text(json.dumps({"id": "X1", "text": "On 1 May 2020, rioters burned tyres in Riverton.",
                                "event_type": "Riots", "sub_event_type": "Violent demonstration"}) + "\n")
    (doc,) = load_gold([path])
    assert doc.kind == "acled" and doc.events[0]["event_type"] == "Riots"


def test_predictions_pair_by_order_when_ids_differ(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    gold = {"format": "dateline-gold/1", "id": "doc", "text_file": "doc.txt", **GOLD3}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    rep = report([event("P1", MARCH)]).model_copy(update={"article": Article(id="other", text=TEXT)})
    (tmp_path / "pred.json").write_text(rep.model_dump_json(), encoding="utf-8")
    scores = run_evaluation([tmp_path / "gold.json"], pred=tmp_path / "pred.json")
    assert scores.rows[("events", "")].tp == 1


def test_more_predictions_than_gold_paired_by_order_are_named_in_a_warning(tmp_path: Path) -> None:
    # the reports of a whole corpus against one gold file: the first report was scored, without a word
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    gold = {"format": "dateline-gold/1", "id": "doc", "text_file": "doc.txt", **GOLD3}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    reps = [report([event("P1", MARCH)]).model_copy(update={"article": Article(id=f"other{i}", text=TEXT)})
            for i in range(3)]
    (tmp_path / "pred.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in reps), encoding="utf-8")
    scores = run_evaluation([tmp_path / "gold.json"], pred=tmp_path / "pred.jsonl")
    assert scores.rows[("events", "")].tp == 1
    assert "3 predicted reports for 1 gold documents (paired by order, no article.id matched a gold id); " \
           "only the first 1 scored" in scores.warnings


def test_reference_gold_loads_with_its_text() -> None:
    reference = shared_file("reference", "expected.json")
    (doc,) = load_gold([reference])
    assert doc.text_path is not None and doc.text_path.name == "article.txt"
    assert len(doc.events) == 8 and sum(1 for e in doc.events if e.get("optional")) == 3


class FlakyPipeline:
    """Stands in for `Pipeline`: raises on the article "bad", never returns on "stuck"."""

    settings = None

    def pipe(self, articles: list[Article]):  # type: ignore[no-untyped-def]
        for article in articles:
            if article.id == "bad":
                raise ValueError("boom")
            while article.id == "stuck":
                pass
            yield Report(article=article, events=[Event(id="E1")])

    def extract_article(self, article: Article) -> Report:
        return next(iter(self.pipe([article])))


def test_a_crashing_or_stuck_article_is_scored_empty_and_the_run_goes_on() -> None:
    from dateline.evaluate.run import reports_for

    arts = [Article(id=i, text="x") for i in ("a", "bad", "stuck", "d")]
    scores = Scores()
    reports = reports_for(arts, FlakyPipeline(), scores, progress=False, timeout=0.5)
    assert [r.article.id for r in reports] == ["a", "bad", "stuck", "d"]
    assert [len(r.events) for r in reports] == [1, 0, 0, 1]
    assert scores.counts["documents dateline failed on"] == 2
    assert any(w.startswith("stuck:") and "timed out" in w for w in scores.warnings)


def test_acled_xlsx_rows_are_gold(tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "SUB_EVENT_TYPE", "ACTOR2", "FATALITIES", "NOTES"])
    sheet.append(["RUR9", dt.datetime(2021, 3, 2), "Protests", "Peaceful protest", None, 0,
                  "On 2 March 2021, farmers marched in Riverton."])
    sheet.append([None, None, None, None, None, None, None])  # blank rows are skipped
    path = tmp_path / "acled.xlsx"
    book.save(path)
    (doc,) = load_gold([path])
    gold = doc.events[0]
    assert doc.id == "RUR9" and doc.text.startswith("On 2 March 2021")
    assert gold["actor2"] == "" and gold["fatalities"] == 0  # blank actor2 = "no second actor"
    pred = Event(id="E1", event_date="2021-03-02", event_type="Protests", sub_event_type="Peaceful protest")
    scores = Scores()
    score_document(doc, Report(article=Article(id="RUR9", text=doc.text), events=[pred]), scores)
    assert scores.value("acled", "event_date") == 1.0  # a spreadsheet datetime cell equals the ISO date
    assert scores.value("acled", "actor2") == 1.0


def test_acled_csv_without_notes_is_a_clear_error(tmp_path: Path) -> None:
    from dateline.evaluate import GoldError

    path = tmp_path / "rows.csv"
    path.write_text("event_id_cnty,event_type\nX1,Protests\n", encoding="utf-8")
    with pytest.raises(GoldError, match="rows.csv.*'notes' column"):
        load_gold([path])


def test_place_names_compare_without_transliteration_marks() -> None:
    # ayn/hamza marks are spelling, not word breaks; a different word is still a different name
    assert value_matches("admin1", "Marib", "Ma'rib") and value_matches("admin1", "Taizz", "Ta‘izz")
    assert value_matches("admin1", "Deir-ez-Zor", "Deir ez Zor")
    assert not value_matches("admin1", "Marib", "Ma rib") and not value_matches("admin1", "Sadah", "Saada")


def test_evaluation_scores_at_the_users_cut_as_the_exports_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # DATELINE_MIN_CONFIDENCE moves what a user's exports hold, but `dateline evaluate` scored the model's cut
    # whatever it said, and at a cut of its own kept an event the exports hold back for a reviewer
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"format": "dateline-gold/1", "id": "doc", "text_file": "doc.txt",
                                "events": [{"id": "G1", "evidence": ["farmers marched"]}]}), encoding="utf-8")
    unsure = event("E1", MARCH, confidence=0.3, flags=["needs_review"])
    summed = event("E2", ATTACK, confidence=0.9, flags=["sums_incidents", "needs_review"])
    pred = tmp_path / "pred.json"
    pred.write_text(report([unsure, summed]).model_dump_json(), encoding="utf-8")

    def detection(min_confidence: float | None = None) -> tuple[int, int | None]:
        row = run_evaluation([gold], pred=pred, progress=False, min_confidence=min_confidence).rows[("events", "")]
        assert isinstance(row, PRF)
        return row.tp, row.fp

    assert detection() == (0, 0)  # the model's cut: both wait for review
    assert detection(0.2) == (1, 0)  # E2 waits for a reviewer at any cut above 0, as in the exports
    monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", "0.2")
    assert detection() == (1, 0)
    monkeypatch.setenv("DATELINE_MIN_CONFIDENCE", "0")
    assert detection() == (1, 1)
