"""Freeze the dev/blind split of event_location_tune.jsonl (ids only) into gold/event_location_split.json.

    python tools/split_event_location.py ../shared/eval/event_location_tune.jsonl

A row goes to dev when sha256(id) is even, to the blind test half when odd: stable across runs and machines,
independent of row order. Models and rules are developed on dev only; the test half is only scored.

The source repeats many sentences word for word under different ids (about a quarter of the odd-hash rows
repeat an even-hash row). A test row whose words are also a dev row's is left out of the test half (listed
under `test_repeats_dev`): a model trained on dev would otherwise be scored on sentences it has seen.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "gold" / "event_location_split.json"


def half(row_id: str) -> str:
    return "dev" if int(hashlib.sha256(row_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def main(path: str) -> None:
    with Path(path).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    words = {row["id"]: " ".join(row["text"].split()) for row in rows}
    ids = [row["id"] for row in rows]
    dev = [i for i in ids if half(i) == "dev"]
    dev_words = {words[i] for i in dev}
    odd = [i for i in ids if half(i) == "test"]
    split = {"source": "../shared/eval/event_location_tune.jsonl (MIT, A. Halterman 2019)",
             "rule": "sha256(id) as an integer: even -> dev, odd -> test (blind), except that an odd row whose "
                     "words repeat a dev row's is in neither half (test_repeats_dev)",
             "dev": dev, "test": [i for i in odd if words[i] not in dev_words],
             "test_repeats_dev": [i for i in odd if words[i] in dev_words]}
    OUT.write_text(json.dumps(split, indent=0) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
