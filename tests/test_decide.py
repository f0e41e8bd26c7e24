"""The learned event decision (extraction/decide.py): a calibrated probability per event, a threshold that flags
events for review instead of dropping them, and a model that loads from the package. Texts are written for
these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import random
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.extraction import build_report, decide
from dateline.ingest import article_from_text
from dateline.pipeline import Pipeline
from dateline.resources import Resources
from dateline.settings import Settings

FRESH_AND_BACKGROUND = (
    "Air strike kills 11 in market town\n\n"
    "BEIRUT, 12 March 2019 — An air strike killed 11 people at a vegetable market in Maarat al-Numan on "
    "Tuesday, rescue workers said.\n\n"
    "The war has killed more than 370,000 people since 2011, according to monitors.\n\n"
    "Government forces recaptured the city of Aleppo in 2016 after years of fighting."
)
ORDINARY_NEWS = (
    "Chipmaker shares rally after upbeat forecast\n\n"
    "Shares in the chipmaker rallied on Tuesday after it raised its sales forecast. The chief executive came "
    "under attack from investors last year, and rivals have fought every attempt at a merger. Analysts said the "
    "company had a clear run at the market and expected a battle for market share to follow."
)


@pytest.fixture(scope="module")
def rules_only() -> Pipeline:
    return Pipeline(Settings(event_model=False))


def test_shipped_model_loads_with_threshold_and_card() -> None:
    model = decide.event_model()
    assert 0.0 < model.threshold <= 1.0
    assert len(model.index) == len(model.coef) > 20
    assert "training_data" in model.card and "test" not in model.card["training_data"].split()


def test_shipped_model_averages_regression_and_trees() -> None:
    model = decide.event_model()
    assert model.trees is not None and len(model.trees.roots) >= 50
    assert 0.0 < model.tree_share < 1.0
    assert set(model.trees.names) <= set(model.index)  # the trees split only on features the regression knows


def test_tree_ensemble_walks_each_tree_to_a_leaf() -> None:
    # Two trees by hand: the first splits on "a" at 0.5 (leaves -1.0 / +2.0), the second is one leaf (+0.25).
    trees = decide.TreeEnsemble.from_json({
        "features": ["a", "b"], "baseline": 0.1, "roots": [0, 3],
        "feature": [0, 0, 0, 0], "threshold": [0.5, 0.0, 0.0, 0.0],
        "left": [1, -1, -1, -1], "right": [2, -1, -1, -1], "value": [0.0, -1.0, 2.0, 0.25]})
    assert trees.log_odds({}) == pytest.approx(0.1 - 1.0 + 0.25)
    assert trees.log_odds({"a": 1.0, "unknown": 3.0}) == pytest.approx(0.1 + 2.0 + 0.25)
    assert trees.log_odds({"a": 0.5}) == pytest.approx(0.1 - 1.0 + 0.25)  # "<=" goes left, as scikit-learn does


def test_probability_mixes_the_two_models_by_tree_share() -> None:
    tree = {"features": ["a"], "baseline": 0.0, "roots": [0], "feature": [0, 0, 0], "threshold": [0.5, 0, 0],
            "left": [1, -1, -1], "right": [2, -1, -1], "value": [0.0, -3.0, 3.0]}
    model = decide.EventModel.from_json({"features": ["a"], "coef": [0.0], "intercept": 0.0, "threshold": 0.5,
                                         "trees": tree, "tree_share": 0.25})
    sigmoid_3 = 1 / (1 + math.exp(-3.0))
    # regression: 0.5 whatever "a" is; trees: sigmoid(+3) when a = 1
    assert model.probability({"a": 1.0}) == pytest.approx(0.75 * 0.5 + 0.25 * sigmoid_3, abs=1e-3)
    assert model.probability({}) == pytest.approx(0.75 * 0.5 + 0.25 * (1 - sigmoid_3), abs=1e-3)


def test_probability_is_deterministic_and_bounded() -> None:
    model = decide.event_model()
    features = {"bias": 1.0, "sub=Air/drone strike": 1.0, "cue=specific_time": 1.0, "lead": 1.0}
    first = model.probability(features)
    assert first == model.probability(dict(reversed(list(features.items()))))
    assert 0.0 <= first <= 1.0


def test_fresh_incident_scores_above_aggregate_and_history(pipeline: Pipeline) -> None:
    report = pipeline.extract_text(FRESH_AND_BACKGROUND, published="2019-03-12")
    by_sentence = [(e.mentions[0].text[:40], e.confidence) for e in report.events if e.mentions]
    # (the headline folds into the body's telling: the strike's mentions start with the headline)
    strike = [e for e in report.events if any("vegetable market" in m.text for m in e.mentions)]
    assert strike, f"the air strike must stay a (kept or flagged) event: {by_sentence}"
    others = [e for e in report.events if e not in strike]
    assert all(strike[0].confidence > o.confidence for o in others)


def test_events_under_threshold_are_flagged_not_dropped(pipeline: Pipeline) -> None:
    report = pipeline.extract_text(FRESH_AND_BACKGROUND, published="2019-03-12")
    threshold = decide.event_model().threshold
    for event in report.events:
        assert (decide.NEEDS_REVIEW in event.flags) == (event.confidence < threshold)


def test_model_off_keeps_rule_confidence_and_no_flag(rules_only: Pipeline) -> None:
    report = rules_only.extract_text(FRESH_AND_BACKGROUND, published="2019-03-12")
    assert report.events
    assert all(decide.NEEDS_REVIEW not in e.flags for e in report.events)


def test_ordinary_news_keeps_no_event(pipeline: Pipeline) -> None:
    report = pipeline.extract_text(ORDINARY_NEWS, published="2019-03-12")
    kept = [e for e in report.events if decide.NEEDS_REVIEW not in e.flags]
    assert kept == []


def test_a_stub_model_sets_confidence_and_threshold(resources: Resources, rules_only: Pipeline) -> None:
    report = rules_only.extract_text(FRESH_AND_BACKGROUND, published="2019-03-12")
    doc = resources.nlp(report.article.text)
    events = [e.model_copy(deep=True) for e in report.events]
    always = decide.EventModel.from_json({"features": ["bias"], "coef": [10.0], "intercept": 0.0,
                                          "threshold": 0.5})
    decide.decide_events(report.article, doc, events, report.quotes, report.dates, model=always)
    assert all(e.confidence > 0.99 and decide.NEEDS_REVIEW not in e.flags for e in events)
    never = decide.EventModel.from_json({"features": ["bias"], "coef": [-10.0], "intercept": 0.0,
                                         "threshold": 0.5})
    decide.decide_events(report.article, doc, events, report.quotes, report.dates, model=never)
    assert all(e.confidence < 0.01 and decide.NEEDS_REVIEW in e.flags for e in events)


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    decide.event_model.cache_clear()
    monkeypatch.setattr(decide, "MODEL_FILE", "no_such_model.json")
    try:
        with pytest.raises(DatelineError, match="reinstall dateline"):
            decide.event_model()
    finally:
        decide.event_model.cache_clear()


def test_cue_lists_come_from_the_data_file() -> None:
    cues = decide.cues()
    assert {"aggregate", "plan", "speech", "conflict", "ordinary"} <= set(cues)
    assert cues["aggregate"].search("killed since 2011, so far") is not None


def test_model_file_is_plain_json_without_learning_library() -> None:
    from importlib import resources as importlib_resources

    raw = importlib_resources.files("dateline").joinpath("data/models/event_decision.json").read_text()
    data = json.loads(raw)
    assert set(data) >= {"features", "coef", "intercept", "threshold", "card"}


def test_evaluation_scores_the_events_a_user_exports(pipeline: Pipeline) -> None:
    from dateline.evaluate.run import kept_events

    report = pipeline.extract_text(FRESH_AND_BACKGROUND, published="2019-03-12")
    flagged = [e for e in report.events if decide.NEEDS_REVIEW in e.flags]
    assert flagged, "the aggregate and the history sentence are left for review"
    assert len(kept_events(report, None).events) == len(report.events) - len(flagged)
    assert len(kept_events(report, 0.0).events) == len(report.events)


def test_trigger_lexicon_comes_from_the_data_file() -> None:
    from dateline.extraction import classify

    lemmas, phrases = classify._trigger_lexicon()
    assert lemmas["protest"] == "protest" and lemmas["airstrike"] == "air" and lemmas["abduct"] == "abduct"
    assert ("air" in {family for _, family in phrases}) and all(pattern for pattern, _ in phrases)
    assert classify.TRIGGER_LEMMAS == lemmas


def test_sub_type_rule_cues_come_from_the_data_file() -> None:
    from dateline.extraction import classify

    table = classify._LEXICON.table
    assert classify.DISASTER.pattern == table["DISASTER"]["regex"]
    assert classify.CALL_LEMMAS == set(table["CALL_LEMMAS"]["words"])
    assert set(classify.CUE) == set(table["CUE"]["regexes"]) and "tear_gas" in classify.CUE
    # no cue list or pattern is left as a literal in the rules' code
    source = Path(classify.__file__).read_text(encoding="utf-8")
    assert "re.compile(r\"" not in source and "_LEMMAS = {" not in source


def test_conflict_context_cues_come_from_the_data_file() -> None:
    from dateline.extraction import context

    table = context._CUES.table
    assert context.CONTEXT_LEMMAS == set(table["CONTEXT_LEMMAS"]["words"]) and "protester" in context.CONTEXT_LEMMAS
    assert context.STATED_DEMAND.pattern == table["STATED_DEMAND"]["regex"]
    source = Path(context.__file__).read_text(encoding="utf-8")
    assert "re.compile(r" not in source and "frozenset({\"" not in source.replace('frozenset({"dobj"', "")


# A report whose second sentence the rules turn down for its date (history), and whose third is a disaster, a
# veto the codebook itself states.
VETOED = ("Rebels attacked an army post in Kidal on Tuesday, killing four soldiers, officials said.\n\n"
          "Troops were shelled at the post in March 2012.\n\n"
          "Floods killed nine people in Gao on Monday.")


def _decided_with(model: decide.EventModel, monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(decide, "event_model", lambda: model)
    return pipeline.extract_text(VETOED, published="2019-03-14")


def _stub(bias: float) -> decide.EventModel:
    return decide.EventModel.from_json({"features": ["bias"], "coef": [bias], "intercept": 0.0,
                                        "threshold": 0.5, "overrule_threshold": 0.9})


def test_the_model_may_overrule_a_dating_veto_of_the_rules(monkeypatch: pytest.MonkeyPatch,
                                                            pipeline: Pipeline) -> None:
    report = _decided_with(_stub(10.0), monkeypatch, pipeline)
    overruled = [e for e in report.events if "rule_rejected:history" in e.flags]
    assert overruled and "shelled" in overruled[0].mentions[0].text
    assert decide.NEEDS_REVIEW not in overruled[0].flags
    # the overruled rejection is gone, so the sentence is not both an event and a not-event
    assert not any("shelled" in r.span.text for r in report.rejected)
    # a disaster stays the rules' call: no model, however sure, makes it an event
    assert not any("Floods" in e.mentions[0].text for e in report.events)
    assert any("Floods" in r.span.text for r in report.rejected)


def test_under_the_overrule_cut_the_rules_rejection_stands(monkeypatch: pytest.MonkeyPatch,
                                                          pipeline: Pipeline) -> None:
    # probability 0.73: over the ordinary cut (0.5), under the cut for overruling the rules (0.9)
    report = _decided_with(_stub(1.0), monkeypatch, pipeline)
    assert not any(any(f.startswith("rule_rejected:") for f in e.flags) for e in report.events)
    assert any("shelled" in r.span.text and r.reason == "history" for r in report.rejected)
    assert any("Kidal" in (e.location or "") and decide.NEEDS_REVIEW not in e.flags for e in report.events)
    assert [e.id for e in report.events] == [f"E{n}" for n in range(1, len(report.events) + 1)]


def test_with_the_model_off_the_rules_reject_as_before(rules_only: Pipeline) -> None:
    report = rules_only.extract_text(VETOED, published="2019-03-14")
    assert not any("shelled" in e.mentions[0].text for e in report.events)
    assert any("shelled" in r.span.text for r in report.rejected)


def test_shipped_trees_scored_together_give_each_trees_own_walk() -> None:
    # all trees step at once, a fixed number of rounds (leaves lead to themselves); one tree after another,
    # each from its root to its leaf, must give the same log-odds to the last bit
    trees = decide.event_model().trees
    assert trees is not None

    def walked(features: dict[str, float]) -> float:
        total = trees.baseline
        for node in trees.roots:
            while trees.left[node] != -1:
                x = features.get(trees.names[trees.feature[node]], 0.0)
                node = trees.left[node] if x <= trees.threshold[node] else trees.right[node]
            total += trees.value[node]
        return total

    def deepest(node: int) -> list[tuple[int, bool]]:  # the splits down to the tree's deepest leaf
        if trees.left[node] == -1:
            return []
        paths = [[(node, True), *deepest(trees.left[node])], [(node, False), *deepest(trees.right[node])]]
        return max(paths, key=len)

    rng = random.Random(7)
    cases = []
    for root in trees.roots:  # features that lead each tree to its deepest leaf (the walk's last round)
        features: dict[str, float] = {}
        for node, go_left in deepest(root):
            features.setdefault(trees.names[trees.feature[node]], trees.threshold[node] + (0.0 if go_left else 1.0))
        cases.append(features)
    for _ in range(60):
        chosen = rng.sample(range(len(trees.feature)), 40)
        # each feature set to a split's own threshold (the "<=" edge), just past it, or at random
        cases.append({trees.names[trees.feature[i]]: rng.choice([trees.threshold[i], trees.threshold[i] + 1e-9,
                                                                 rng.uniform(-2.0, 5.0)])
                      for i in chosen if trees.left[i] != -1})
    for features in cases:
        assert trees.log_odds(features) == walked(features)


LIVE_REPORT = (
    "Marchers hold the capital for a third day\n\n"
    "TIRANA, 14 May 2021 — Thousands of people are again marching through the centre of Tirana, the third day "
    "of protests against the new water tariffs. Riot police have fired tear gas at the crowd outside the "
    "ministry. In Durrës, students have blocked the port road with buses. The unions have called a general "
    "strike for Monday. The prime minister has said he will not back down."
)
PAST_REPORT = (
    "Shelling kills four near the front\n\n"
    "KYIV, 14 May 2021 — Shelling killed four soldiers near the front line on Thursday, the army said. "
    "Separatists fired mortars at two villages overnight, a spokesman said. The ceasefire collapsed in 2015. "
    "Monitors counted 40 violations last week. The war has killed 13,000 people since 2014."
)


def test_story_frame_tells_a_live_report_from_a_past_tense_one(resources: Resources, rules_only: Pipeline) -> None:
    # A report filed while unrest goes on tells its news undated, in the present perfect and progressive; a war
    # report tells it in dated past tenses. The model reads that frame beside each candidate's own tense and date.
    frames = {}
    for name, text in (("live", LIVE_REPORT), ("past", PAST_REPORT)):
        report = rules_only.extract_text(text, published="2021-05-14")
        doc = resources.nlp(report.article.text)
        ctx = decide.ArticleContext.of(report.article, doc, report.events, report.quotes, report.dates)
        frames[name] = (ctx, [decide.event_features(e, doc, ctx) for e in report.events])
    live, past = frames["live"][0], frames["past"][0]
    assert live.now_share >= 0.6
    assert past.now_share <= 0.2
    assert live.ongoing_density > past.ongoing_density == 0
    undated = [f for f in frames["live"][1] if "story_now&undated" in f]
    assert undated, "the live report's undated incidents carry the story's frame"
    assert all(f["story_now&undated"] == live.now_share for f in undated)


def test_live_report_keeps_its_undated_present_perfect_incident(pipeline: Pipeline) -> None:
    # In a report filed while the unrest goes on, "students have blocked the port road" is the day's news, not
    # background: the model trained with written live reports (synth-r) keeps it.
    report = pipeline.extract_text(LIVE_REPORT, published="2021-05-14")
    blockade = [e for e in report.events if any("port road" in m.text for m in e.mentions)]
    assert blockade, [(e.mentions[0].text[:40], e.confidence) for e in report.events]
    assert decide.NEEDS_REVIEW not in blockade[0].flags, blockade[0].confidence


TWO_INCIDENTS = (
    "Farmers block highway over crop prices\n\n"
    "LUCKNOW, 9 March 2022 — Hundreds of farmers blocked the national highway outside Sitapur on Tuesday to "
    "demand higher crop prices, police said. Traffic was halted for six hours. The farmers' union said it would "
    "keep up its campaign. Two days after the blockade, farmers stormed the district office in Hardoi and smashed "
    "its windows. On Friday, police dispersed a sit-in at the Sitapur grain market with batons. Students again "
    "blocked the college road with burning tyres. The union has held dozens of protests since 2020."
)


def test_a_later_incident_carries_its_own_time_anchor(resources: Resources, rules_only: Pipeline) -> None:
    # Past an article's lead most sentences are background; the incidents told there are anchored in time of
    # their own: by another incident ("two days after the blockade"), by a repeat ("again"), or by a day other
    # than the lead's within the story's month (a day years back is its history). The lead carries none of them.
    report = rules_only.extract_text(TWO_INCIDENTS, published="2022-03-12")
    doc = resources.nlp(report.article.text)
    ctx = decide.ArticleContext.of(report.article, doc, report.events, report.quotes, report.dates)
    features = {e.mentions[0].text.split()[0]: decide.event_features(e, doc, ctx) for e in report.events}
    assert {"Two", "On", "Students"} <= features.keys(), list(features)
    assert not any(k.startswith("later&") for k in features["Farmers"])
    assert {"later&relative_time", "later&own_day"} <= features["Two"].keys()
    assert "later&own_day" in features["On"] and "later&relative_time" not in features["On"]
    assert "later&repeat" in features["Students"]
    # The same dated sentence read in a story published two years on is its history, not another incident.
    friday = next(e for e in report.events if e.mentions[0].text.startswith("On"))
    years_on = dataclasses.replace(ctx, published=dt.date(2024, 3, 12))
    assert "later&own_day" not in decide.event_features(friday, doc, years_on)


def _proposed(resources: Resources, text: str, published: str) -> dict[str, list[dict[str, float]]]:
    """The features of every candidate the rules propose (as the trainer reads them, vetoed ones included), keyed
    by the first word of the candidate's sentence."""
    article = article_from_text(text, published=published)
    doc = resources.nlp(article.text)
    report = build_report(article, doc, resources, decide=False)
    ctx = decide.ArticleContext.of(article, doc, report.events, report.quotes, report.dates)
    out: dict[str, list[dict[str, float]]] = {}
    for event in report.events:
        trigger = event.evidence.get("sub_event_type") or event.mentions[0]
        sent = doc.char_span(trigger.start, trigger.end, alignment_mode="expand").sent
        out.setdefault(sent.text.split()[0], []).append(decide.event_features(event, doc, ctx))
    return out


RECENT_NEWS = (
    "Militiamen attacked three villages near Rutshuru over the weekend, residents said. "
    "Gunmen have killed 14 farmers in the past two days in raids on the same valley, the local council said. "
    "The army said it had sent two companies to the area. Aid groups have counted 2,000,000 people displaced "
    "in the province since 2021. A ceasefire agreed last year has not held."
)


def test_a_vague_recent_time_is_read_as_the_storys_news(resources: Resources) -> None:
    # "over the weekend" or "in the past two days" dates no day the parser can resolve, so such a candidate is
    # undated, which in articles mostly marks background; the cue tells the model it is the story's news, and
    # "in the past two days" is no total over time ("in the past" of the aggregate list).
    features = _proposed(resources, RECENT_NEWS, "2023-06-20")
    assert {"Militiamen", "Gunmen"} <= features.keys(), list(features)
    assert all("cue=recent_time" in f for f in features["Militiamen"] + features["Gunmen"])
    assert all("cue=aggregate" not in f and "no_total_cue" in f for f in features["Gunmen"])
    assert not any("cue=recent_time" in f for f in features.get("Aid", []))


CROWD_ACTS = (
    "Hundreds of residents barricaded the main road into Kambove on Tuesday and threw stones at police, who "
    "fired rubber bullets to break up the crowd. Last month residents marched peacefully to the municipal "
    "offices to hand over a memorandum on water cuts."
)


def test_a_crowds_physical_act_is_a_cue_of_its_own(resources: Resources) -> None:
    # Protest wire tells its incidents by what the crowd did (a road barricaded, stones thrown); its background
    # is calls, plans, grievances and earlier marches that name a protest and no act.
    features = _proposed(resources, CROWD_ACTS, "2023-06-21")
    assert {"Hundreds", "Last"} <= features.keys(), list(features)
    assert all("cue=crowd_act" in f for f in features["Hundreds"])
    assert not any("cue=crowd_act" in f for f in features["Last"])
