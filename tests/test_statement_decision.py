"""The statement decision model: loading its weights, scoring a feature vector, and sentences written for these
tests that it keeps or drops far from its cut."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.extraction import dates as dates_mod
from dateline.extraction import packaged
from dateline.extraction import quotes as quotes_mod
from dateline.extraction import statement_decision as sd
from dateline.extraction.statements import statement_candidates
from dateline.geo import resolve as geo_resolve
from dateline.ingest import article_from_text


@pytest.fixture
def package_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the installed package's files, and no cached model."""
    (tmp_path / "data" / "models").mkdir(parents=True)
    monkeypatch.setattr(packaged.importlib_resources, "files", lambda _package: tmp_path)
    sd.statement_model.cache_clear()
    yield tmp_path
    sd.statement_model.cache_clear()


def test_a_missing_weights_file_is_one_clear_error(package_dir: Path) -> None:
    with pytest.raises(DatelineError) as error:
        sd.statement_model()
    message = str(error.value)
    assert "statement_decision.json" in message and "reinstall dateline" in message and "\n" not in message


@pytest.mark.parametrize("content", [
    "{not json",
    json.dumps({"features": ["a", "b"], "coef": [1.0], "intercept": 0.0, "threshold": 0.5}),  # a weight short
    json.dumps({"features": ["a"], "coef": [1.0], "intercept": 0.0}),  # no cut
])
def test_a_corrupt_weights_file_is_one_clear_error(package_dir: Path, content: str) -> None:
    (package_dir / "data" / "models" / sd.MODEL_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(DatelineError, match="statement-decision model statement_decision.json is missing or broken"):
        sd.statement_model()


def test_the_probability_is_the_sigmoid_of_the_weighted_sum_then_the_calibration_map() -> None:
    model = sd.StatementModel.from_json({"features": ["a", "b"], "coef": [1.0, -2.0], "intercept": 0.5,
                                         "threshold": 0.5})
    # 0.5 + 1 * 1 - 2 * 0.5 = 0.5 (an unknown feature "c" has no weight); 1 / (1 + e^-0.5) = 0.6225
    assert model.probability({"a": 1.0, "b": 0.5, "c": 3.0}) == 0.622
    calibrated = sd.StatementModel.from_json({"features": ["a", "b"], "coef": [1.0, -2.0], "intercept": 0.5,
                                              "threshold": 0.5, "calib_x": [0.0, 1.0], "calib_y": [0.0, 0.5]})
    assert calibrated.probability({"a": 1.0, "b": 0.5}) == 0.311  # halved by the map


def test_the_shipped_model_scores_as_its_weights_say() -> None:
    model = sd.statement_model()
    data = json.loads(Path(sd.__file__).parent.parent.joinpath("data", "models", sd.MODEL_FILE).read_text())
    weight = dict(zip(data["features"], data["coef"], strict=True))
    features = {"verdict=kept": 1.0, "plover=ACCUSE": 1.0, "actor=organisation": 1.0}
    z = data["intercept"] + weight["verdict=kept"] + weight["plover=ACCUSE"] + weight["actor=organisation"]
    raw = 1 / (1 + math.exp(-z))
    # the calibration map is a table on a grid of 201 points: interpolate between the two around `raw`
    k = int(raw * 200)
    x0, x1, y0, y1 = data["calib_x"][k], data["calib_x"][k + 1], data["calib_y"][k], data["calib_y"][k + 1]
    assert model.probability(features) == round(y0 + (y1 - y0) * (raw - x0) / (x1 - x0), 3)
    assert 0.0 < model.threshold < 1.0 and model.card["first_half_out_of_fold"]["f1"] > 0


def _decided(resources, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = article_from_text(text, published="2021-03-06")
    doc = resources.nlp(article.text)
    places = geo_resolve.places_from_doc(article, doc, resources)
    dates = dates_mod.dates_from_doc(article, doc, resources)
    quotes = quotes_mod.quotes_from_doc(article, doc, resources)
    candidates = statement_candidates(article, doc, resources, places, dates, quotes)
    assert candidates, "the rules propose the sentence's cue"
    return [(st.plover, st.trigger.text) for st, _p in sd.decide_statements(candidates, doc, quotes)]  # type: ignore[union-attr]


def test_the_model_keeps_a_plain_condemnation_and_a_call(resources) -> None:  # type: ignore[no-untyped-def]
    assert _decided(resources, "The union accused the company of breaking its promise to workers.") == [
        ("ACCUSE", "accused")]
    assert _decided(resources, "The opposition party called on the police to release the detained students.") == [
        ("DEMAND", "called")]


def test_the_model_drops_a_plain_report_and_a_negated_cue(resources) -> None:  # type: ignore[no-untyped-def]
    assert _decided(resources, "Police said three people were injured in the crash on Sunday.") == []
    assert _decided(resources, "The president did not condemn the attack.") == []


def _candidates(resources, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    article = article_from_text(text, published="2021-03-06")
    doc = resources.nlp(article.text)
    places = geo_resolve.places_from_doc(article, doc, resources)
    dates = dates_mod.dates_from_doc(article, doc, resources)
    quotes = quotes_mod.quotes_from_doc(article, doc, resources)
    return [(c.statement.trigger.text, c.statement.plover, c.verdict)  # type: ignore[union-attr]
            for c in statement_candidates(article, doc, resources, places, dates, quotes)]


def test_the_rules_propose_what_they_turn_down_with_the_reason(resources) -> None:  # type: ignore[no-untyped-def]
    assert _candidates(resources, "The governor has long accused the rebels of smuggling fuel.") == [
        ("accused", "ACCUSE", "habitual")]
    # a speech verb whose clause tells no act the rules know is still a candidate, with no type of theirs
    assert _candidates(resources, "The minister said the new hospital would open in May.") == [
        ("said", "REPORTED", "no_act")]
