"""The event-location rows' spans at their characters (`tools/event_location.py`).

The source gives some LOCATION spans as the first and last token (both included) instead of characters; the
rows here are sentences of our own written in both forms.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import event_location


def _row(text: str, *spans: tuple[int, int, str, str]) -> dict:
    return {"id": "t", "text": text, "spans": [{"start": s, "end": e, "label": label, "text": name}
                                               for s, e, label, name in spans]}


def test_character_offsets_that_hold_their_text_are_kept() -> None:
    text = "Gunmen attacked a checkpoint near Kandor on Sunday."
    row = _row(text, (7, 15, "VERB", "attacked"), (34, 40, "LOCATION", "Kandor"))
    assert event_location.repaired_spans(row) == row["spans"]


def test_token_offsets_are_put_back_at_the_characters() -> None:
    # "Protesters(0) marched(1) through(2) Port(3) Elvan(4) on(5) Friday(6)": the place is tokens 3 to 4
    text = "Protesters marched through Port Elvan on Friday."
    row = _row(text, (11, 18, "VERB", "marched"), (3, 4, "LOCATION", "Port Elvan"))
    verb, place = event_location.repaired_spans(row)
    assert text[verb["start"]:verb["end"]] == "marched"
    assert (place["start"], place["end"]) == (27, 37)
    assert text[place["start"]:place["end"]] == "Port Elvan"


def test_a_name_told_twice_takes_the_occurrence_at_the_token_named() -> None:
    # tokens: Troops(0) left(1) Bresk(2) and(3) shelled(4) Bresk(5) again(6) .(7)
    text = "Troops left Bresk and shelled Bresk again."
    row = _row(text, (22, 29, "VERB", "shelled"), (5, 5, "LOCATION", "Bresk"))
    place = event_location.repaired_spans(row)[1]
    assert place["start"] == text.rindex("Bresk")


def test_a_span_whose_text_is_not_in_the_sentence_is_dropped() -> None:
    row = _row("Clashes broke out in the north.", (0, 7, "VERB", "Clashes"), (5, 5, "LOCATION", "Velmor"))
    assert [s["label"] for s in event_location.repaired_spans(row)] == ["VERB"]


def test_rows_of_a_file_come_back_repaired(tmp_path: Path) -> None:
    text = "Police dispersed a crowd in Vasko on Monday."
    path = tmp_path / "event_location_tune.jsonl"
    path.write_text(json.dumps(_row(text, (5, 5, "LOCATION", "Vasko"))) + "\n\n")
    (row,) = event_location.read(path)
    span = row["spans"][0]
    assert text[span["start"]:span["end"]] == "Vasko"
