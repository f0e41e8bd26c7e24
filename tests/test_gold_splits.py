"""The frozen splits that make dateline's figures blind: no text in two halves, every label in its own half.

These read only files in the repository (ids and offsets), so they run without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"


def _json(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def test_own_gold_halves_share_no_article() -> None:
    for source, halves in _json("splits.json").items():
        seen: dict[str, str] = {}
        for half, ids in halves.items():
            assert len(ids) == len(set(ids)), f"{source}/{half} lists an article twice"
            for article_id in ids:
                assert article_id not in seen, f"{article_id} is in {source}/{seen[article_id]} and {source}/{half}"
                seen[article_id] = half


def test_tuning_halves_are_disjoint_and_even() -> None:
    for name, halves in _json("tuning_split.json").items():
        dev, test = set(halves["dev"]), set(halves["test"])
        assert not dev & test, name
        assert abs(len(dev) - len(test)) <= 1, name  # an even cut, as the salted order alternates


def test_glocon_articles_keep_one_half_in_both_splits() -> None:
    """A GLOCON article blind in the own gold must never be a dev row of the tuning set (its misses are read)."""
    own = _json("splits.json")["glocon"]
    tuning = _json("tuning_split.json")["glocon_docs_tune"]
    assert set(own["dev"]) <= set(tuning["dev"])
    assert set(own["test"]) <= set(tuning["test"])
    assert set(own["fresh"]) <= set(tuning["test"])
    assert set(own["fresh2"]) <= set(tuning["test"])
    assert set(own["fresh3"]) <= set(tuning["test"])
    # the second development half is read for errors, so it may hold only development rows of the tuning set
    assert set(own["dev2"]) <= set(tuning["dev"])


def test_every_label_sits_in_the_half_its_article_belongs_to() -> None:
    halves = {(source, i): half for source, by_half in _json("splits.json").items()
              for half, ids in by_half.items() for i in ids}
    evloc = _json("event_location_split.json")
    evloc_half = {i: h for h in ("dev", "test") for i in evloc[h]}
    for path in sorted((GOLD / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            if label["source"] == "written":
                continue  # dateline's own texts: training only, never scored
            expected = evloc_half.get(label["id"]) if label["source"] == "evloc" else halves.get((label["source"],
                                                                                                   label["id"]))
            assert expected is not None, f"{path.name}: {label['id']} is in no half"
            assert label["split"] == expected, f"{path.name}: {label['id']} labelled {label['split']}, is {expected}"
            if label["source"] == "evloc":
                assert expected == "dev", f"{path.name}: an evloc test sentence was labelled for training"


def test_statement_gold_reads_only_development_articles() -> None:
    """Statement labels (both their halves) come from the event gold's development articles: a statement label
    on a blind article would mean someone read that article's text."""
    splits = _json("splits.json")
    development = {i for source in ("guardian", "bbc") for i in splits[source]["dev"]}
    statements = set(splits["statements"]["dev"]) | set(splits["statements"]["test"])
    assert statements <= development, sorted(statements - development)
    labelled = {json.loads(line)["id"] for line in (GOLD / "statements" / "guardian_bbc_dev.jsonl")
                .read_text(encoding="utf-8").splitlines()}
    assert labelled <= statements, sorted(labelled - statements)
