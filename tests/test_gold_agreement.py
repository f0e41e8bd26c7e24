"""Agreement between two independent annotations of the same articles (`python tools/gold.py agree HALF`).

Labels here are written for the test (offsets into no text); the second annotations in gold/second only need to
be well formed and never to shadow the first ones, which the scorer and the trainer read from gold/labels.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import gold


def _event(start: int, end: int, sub: str = "Armed clash", location: str | None = "Raqqa",
           date: str | None = "2019-03-01") -> dict:
    return {"evidence": [{"start": start, "end": end}], "sub_event_type": sub, "location": location,
            "event_date": date}


def test_overlapping_quotes_are_one_incident_whatever_the_fields() -> None:
    assert gold.same_incident(_event(10, 50), _event(40, 90, sub="Attack", location=None, date=None))


def test_other_quotes_match_only_with_the_same_sub_type_and_place_or_day() -> None:
    first = _event(10, 50)
    assert gold.same_incident(first, _event(200, 260))  # another telling: same sub-type, place and day
    assert gold.same_incident(first, _event(200, 260, location="Tabqa"))  # same day
    assert not gold.same_incident(first, _event(200, 260, location="Tabqa", date="2019-03-02"))
    assert not gold.same_incident(first, _event(200, 260, sub="Attack"))
    # two events with no place and no date are not the same incident for want of fields
    assert not gold.same_incident(_event(10, 50, location=None, date=None), _event(200, 260, location=None, date=None))


def test_matching_is_one_to_one_and_prefers_the_larger_overlap() -> None:
    first = [_event(0, 100, location="A", date=None), _event(300, 340, location="B", date=None)]
    second = [_event(90, 120, location="C", date=None), _event(0, 80, location="D", date=None)]
    # both second events overlap the first event; the one with 80 characters in common takes it
    assert gold.matched_events(first, second) == [(0, 1)]


def test_agreement_counts_events_and_articles() -> None:
    first = {"a1": {"events": [_event(0, 50), _event(100, 150, sub="Attack", location="Homs")]},
             "a2": {"events": []}, "a3": {"events": [_event(0, 20)]}}
    second = {"a1": {"events": [_event(10, 40)]}, "a2": {"events": [_event(5, 9, location="X", date=None)]},
              "a3": {"events": [_event(0, 20)]}, "only-second": {"events": [_event(0, 5)]}}
    figures = gold.agreement(first, second)
    assert figures["articles"] == 3  # only articles both annotated
    assert (figures["events_first"], figures["events_second"], figures["matched"]) == (3, 3, 2)
    assert figures["f1"] == round(2 * 2 / 6, 3)
    assert figures["articles_agree_on_any_event"] == 2  # a2: the second coder saw an event, the first none


def test_second_annotations_are_well_formed_and_apart_from_the_labels() -> None:
    splits = json.loads((ROOT / "gold" / "splits.json").read_text(encoding="utf-8"))
    files = sorted((ROOT / "gold" / "second").glob("*.jsonl"))
    assert files, "gold/second holds the second annotation of the Guardian halves"
    for path in files:
        assert not (ROOT / "gold" / "labels" / path.name).exists(), f"{path.name} would shadow first labels"
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert rec["id"] in splits[rec["source"]][rec["split"]]
            for event in rec["events"]:
                assert all(s["end"] > s["start"] >= 0 and len(s["sha1"]) == 12 for s in event["evidence"])


def test_the_gold_texts_are_read_where_dateline_shared_points(tmp_path: Path) -> None:
    # tools/compare_decisions.py names $DATELINE_SHARED, but the gold texts were read from ../shared regardless
    (tmp_path / "eval").mkdir()
    record = {"id": "g-1", "text": "Protesters marched in Basra.", "published": "2019-10-01"}
    (tmp_path / "eval" / "glocon_docs_tune.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    code = "import gold; print([r['id'] for r in gold.read_source('glocon')])"
    env = {**os.environ, "DATELINE_SHARED": str(tmp_path), "PYTHONPATH": str(ROOT / "tools")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['g-1']"
