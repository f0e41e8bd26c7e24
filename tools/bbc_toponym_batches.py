"""Candidate place names of `news_1000` articles, for annotators to label PLACE / NOT_PLACE (docs/annotation.md,
"Place names"): ordinary news (business, politics, sport, entertainment, tech) holds the names that are no
place which real conflict text rarely shows the recognizer (companies, people, clubs, titles, common words).

    python tools/bbc_toponym_batches.py split            # freeze gold/toponym_bbc_split.json (once)
    python tools/bbc_toponym_batches.py batches DIR N    # write DIR/{dev,test}-K.jsonl, N batches per half

Articles: those of `../shared/bench/news_1000.jsonl` that no half of the event gold holds (`gold/splits.json`),
split at random (seed 15) into a development part, whose labels may train the recognizer (BBC's terms: labels of
a development half, weights only), and a test part, only scored. Candidates are every name the candidate
generator proposes that the recognizer decides (not landmarks, cue names or abbreviations), with the sentence
around it; offsets are the article's characters. The texts stay in ../shared.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
NEWS = SHARED / "bench" / "news_1000.jsonl"
SPLIT = REPO / "gold" / "toponym_bbc_split.json"
DEV_SIZE, TEST_SIZE = 200, 100
SEED = 15


def unused_ids() -> list[str]:
    used = {i for half in json.loads((REPO / "gold" / "splits.json").read_text())["bbc"].values() for i in half}
    return [json.loads(line)["id"] for line in NEWS.open(encoding="utf-8") if json.loads(line)["id"] not in used]


def split() -> None:
    if SPLIT.exists():
        raise SystemExit(f"{SPLIT} exists: the split is frozen")
    ids = sorted(unused_ids())
    random.Random(SEED).shuffle(ids)
    SPLIT.write_text(json.dumps({"dev": sorted(ids[:DEV_SIZE]), "test": sorted(ids[DEV_SIZE:DEV_SIZE + TEST_SIZE])},
                                indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SPLIT}: {DEV_SIZE} dev, {TEST_SIZE} test of {len(ids)} unused articles")


def candidates(ids: set[str]) -> list[dict]:
    sys.path.insert(0, str(REPO / "src"))
    from dateline.nlp.components.places import propose_toponyms
    from dateline.resources import Resources

    res = Resources()
    nlp = res.nlp
    rows = [r for r in map(json.loads, NEWS.open(encoding="utf-8")) if r["id"] in ids]
    out = []
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p.startswith("dateline_")]):
        for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows], batch_size=32)):
            for cand in propose_toponyms(doc, res.gazetteer, keep_blocked=True):
                if cand.source in {"LANDMARK", "CUE", "ABBR"}:
                    continue
                span = doc[cand.start:cand.end]
                sent = span.sent
                out.append({"id": row["id"], "start": span.start_char, "end": span.end_char, "text": span.text,
                            "sentence": sent.text.strip()})
    return out


def batches(folder: Path, n: int) -> None:
    halves = json.loads(SPLIT.read_text())
    folder.mkdir(parents=True, exist_ok=True)
    for half, ids in halves.items():
        cands = candidates(set(ids))
        by_article: dict[str, list[dict]] = {}
        for c in cands:
            by_article.setdefault(c["id"], []).append(c)
        parts: list[list[dict]] = [[] for _ in range(n)]
        for k, article in enumerate(sorted(by_article)):  # whole articles per batch
            parts[k % n].extend(by_article[article])
        for k, part in enumerate(parts):
            (folder / f"{half}-{k}.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in part),
                                                     encoding="utf-8")
        print(half, len(cands), "candidates in", len(by_article), "articles,", [len(p) for p in parts])


if __name__ == "__main__":
    if sys.argv[1:2] == ["split"]:
        split()
    elif sys.argv[1:2] == ["batches"]:
        batches(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
