"""The rows of event_location_tune.jsonl (MIT, A. Halterman 2019), with every span at its characters.

    from event_location import rows
    rows("dev")        # the development half (ids in gold/event_location_split.json)
    rows("test")       # the blind half: score it, never read it while developing

About three in ten of the source's LOCATION spans give `start`/`end` as *token* positions (the first and the
last token, both included, as spaCy's English tokenizer splits the sentence) instead of characters, while
their `text` is right: "... buildings in Algiers on Tuesday" has Algiers at start 15, end 15. Read as
characters, such a span points at an empty string or a stray letter, so every reader that took the offsets
as given lost the place: the toponym recognizer lost those positives, the event-place ranker those sentences,
and both figures counted them as misses. No VERB span has the problem. `repaired_spans` puts each span back at
its characters: the span's `text` where the offsets already hold it; else the occurrence of `text` that
starts at the token the offsets name; else the occurrence nearest to it. A span whose text is not in the
sentence at all is dropped (none is, in the current file).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
PATH = SHARED / "eval" / "event_location_tune.jsonl"
SPLIT = REPO / "gold" / "event_location_split.json"


@functools.cache
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def repaired_spans(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The row's spans with character offsets that hold their `text` (see the module's docstring)."""
    text = row["text"]
    token_starts: list[int] = []  # the sentence's token offsets, read once and only for a row that needs them
    out = []
    for span in row["spans"]:
        name = span.get("text")
        if name is None or text[span["start"] : span["end"]] == name:
            out.append(span)
            continue
        starts = [m.start() for m in re.finditer(re.escape(name), text)]
        if not starts:
            continue
        token_starts = token_starts or [t.idx for t in _tokenizer()(text)]
        at = token_starts[span["start"]] if 0 <= span["start"] < len(token_starts) else None
        start = at if at in starts else min(starts, key=lambda s: abs(s - (at if at is not None else 0)))
        out.append({**span, "start": start, "end": start + len(name)})
    return out


def read(path: Path = PATH) -> Iterator[dict[str, Any]]:
    """Every row of the file, spans repaired."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                yield {**row, "spans": repaired_spans(row)}


def rows(half: str | None = None, path: Path = PATH) -> list[dict[str, Any]]:
    """The rows of one frozen half ("dev", "test"), or all rows; spans repaired."""
    if half is None:
        return list(read(path))
    ids = set(json.loads(SPLIT.read_text(encoding="utf-8"))[half])
    return [row for row in read(path) if row["id"] in ids]
