"""The decision's training label: each coded incident has one telling among the candidates the rules propose.
Under the old label every candidate overlapping an incident was an event, so the second clause of a one-event
sentence taught the model that such clauses are events."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import train_event_model as trainer

from benchmarks.event_gold import LabelledArticle, match, tellings
from dateline.model import Article, Event, Span

TEXT = ("Soldiers shelled the market in Kodok on Friday and then seized the bridge beyond it. "
        "Residents fled north. The shelling of the market was the worst in a year.")


def _span(words: str, start: int = 0) -> Span:
    at = TEXT.index(words, start)
    return Span.of(TEXT, at, at + len(words))


def _event(i: int, trigger: str, sub: str, kind: str, sentence: str) -> Event:
    return Event(id=f"E{i}", sub_event_type=sub, event_type=kind, evidence={"sub_event_type": _span(trigger)},
                 mentions=[_span(sentence)])


def _item(coded_spans: list[str], coded: list[dict[str, str]]) -> LabelledArticle:
    item = LabelledArticle({"id": "t1", "source": "own", "events": coded}, Article(id="t1", text=TEXT))
    for words in coded_spans:
        span = _span(words)
        item.gold_ranges.append([(span.start, span.end)])
    return item


FIRST = "Soldiers shelled the market in Kodok on Friday and then seized the bridge beyond it."
LAST = "The shelling of the market was the worst in a year."
CANDIDATES = [
    _event(1, "shelled", "Shelling/artillery/missile attack", "Explosions/Remote violence", FIRST),
    _event(2, "seized", "Non-state actor overtakes territory", "Strategic developments", FIRST),
    _event(3, "shelling", "Shelling/artillery/missile attack", "Explosions/Remote violence", LAST),
]
SHELLING = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}


def test_one_coded_incident_has_one_telling_the_one_agreeing_on_sub_type() -> None:
    # The coder coded the whole first sentence as one shelling and cited its retelling too; all three candidates
    # overlap it, so all three counted as events. Only the first shelling tells it: the seizure is a clause of the
    # same sentence with another sub-type, and the retelling's passage shares fewer characters with the evidence.
    item = _item([FIRST], [SHELLING])
    item.gold_ranges[0].append((_span(LAST).start, _span(LAST).end))
    assert tellings(item, CANDIDATES) == {0: 0}


def test_the_clause_that_agrees_is_the_telling_even_when_listed_second() -> None:
    seizure = {"event_type": "Strategic developments", "sub_event_type": "Non-state actor overtakes territory"}
    item = _item([FIRST], [seizure])
    assert tellings(item, CANDIDATES[:2]) == {1: 0}
    # The scorer's match is unchanged: it pairs the first candidate that overlaps (no place coded, equal overlap).
    assert match(item, CANDIDATES[:2]) == {0: 0}


def test_two_coded_incidents_of_one_sentence_each_get_their_clause() -> None:
    seizure = {"event_type": "Strategic developments", "sub_event_type": "Non-state actor overtakes territory"}
    item = _item([FIRST, FIRST], [seizure, SHELLING])
    assert tellings(item, CANDIDATES[:2]) == {0: 1, 1: 0}


def test_trainer_labels_duplicates_as_no_event_or_leaves_them_out() -> None:
    rows = [{"label": True, "telling": True}, {"label": True, "telling": False}, {"label": False, "telling": False}]
    y, include = trainer.training_labels(rows, "any")
    assert y.tolist() == [1, 1, 0] and include.all()
    y, include = trainer.training_labels(rows, "one-to-one")
    assert y.tolist() == [1, 0, 0] and include.all()
    y, include = trainer.training_labels(rows, "one-to-one-drop")
    assert y.tolist() == [1, 0, 0] and include.tolist() == [True, False, True]
    assert isinstance(include, np.ndarray)


def test_a_second_clause_of_the_telling_sentence_is_a_passage_duplicate_a_retelling_is_not() -> None:
    from benchmarks.event_gold import passage_duplicates

    item = _item([FIRST], [SHELLING])
    item.gold_ranges[0].append((_span(LAST).start, _span(LAST).end))
    assert passage_duplicates(item, CANDIDATES, tellings(item, CANDIDATES)) == {1}
    rows = [{"label": True, "telling": True, "second_in_passage": False},
            {"label": True, "telling": False, "second_in_passage": True},
            {"label": True, "telling": False, "second_in_passage": False}]
    y, include = trainer.training_labels(rows, "one-per-passage")
    assert y.tolist() == [1, 0, 1] and include.all()


def test_a_fold_seed_regroups_the_texts_and_keeps_each_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Out-of-fold figures over few training articles move with how the texts fall into folds; --fold-seed reads
    # them on another grouping, which must still never split a text between training and scoring.
    groups = np.repeat(np.arange(40), 3)
    x = np.zeros((len(groups), 1))

    def folds(seed: int | None) -> list[frozenset[int]]:
        monkeypatch.setattr(trainer, "FOLD_SEED", seed)
        return [frozenset(groups[test].tolist()) for _, test in trainer.group_folds().split(x, groups=groups)]

    default, shuffled = folds(None), folds(1)
    assert len(shuffled) == trainer.FOLDS
    assert set(shuffled) != set(default)
    assert sorted(g for fold in shuffled for g in fold) == list(range(40))  # each text in one fold only
    assert folds(1) == shuffled  # the same seed, the same grouping
