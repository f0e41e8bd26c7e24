"""dateline's own gold set: the frozen article split, annotators' drafts turned into character offsets, and
gold documents for `dateline evaluate`.

The texts stay in ../shared (their terms forbid copying them here); the repository keeps only article ids,
character offsets and labels (a span keeps a digest of its words, not the words); sentences written for dateline
(source `written`) are its own and keep their text. The guide annotators follow is docs/annotation.md.

    python tools/gold.py split                    # once: writes gold/splits.json (never re-run to reshuffle)
    python tools/gold.py fresh                    # once: adds a second blind half ("fresh") of unused articles
    python tools/gold.py fresh fresh2             # once: a third blind half, drawn when "fresh" had been scored
    python tools/gold.py dev2                     # once: a second development half of GLOCON protest wire
    python tools/gold.py show guardian guardian-100
    python tools/gold.py locate gold/drafts/guardian-a.jsonl   # quotes -> offsets in gold/labels/guardian-a.jsonl
    python tools/gold.py stats
    python tools/gold.py locate-second gold/drafts/second-R1.jsonl   # a second, independent annotation
    python tools/gold.py agree test               # how far the two annotations of a half agree
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# A worktree or another layout points DATELINE_SHARED at the texts, as the benchmarks and the other tools read it.
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "gold"
SPLITS = GOLD / "splits.json"
LABELS = GOLD / "labels"
# Second, independent annotations of articles already labelled: they measure agreement and are never trained on
# or scored against (a label file here would otherwise replace the first annotation of its ids).
SECOND = GOLD / "second"

# Each source: where its texts are and how many articles the gold set takes from it.
SOURCES: dict[str, dict[str, Any]] = {
    "guardian": {"path": "eval/guardian_world_tune.jsonl", "take": 120},
    "bbc": {"path": "bench/news_1000.jsonl", "take": 120},
    "glocon": {"path": "eval/glocon_docs_tune.jsonl", "take": 40},
    "html": {"path": "eval/html/manifest.jsonl", "take": 38},
}
# Sentences of event_location_tune (MIT) labelled by the same guide, for training only; their dev/test cut is
# the one frozen for the geocoding models (gold/event_location_split.json), so no sentence crosses halves.
EVLOC = {"path": "eval/event_location_tune.jsonl", "split": GOLD / "event_location_split.json"}
SALT = "dateline-gold-2026-12"
NOT_EVENT_REASONS = {"history", "aggregate", "generic", "plan", "call", "threat", "hypothetical", "negated",
                     "statement", "other_sense", "not_political", "unplaced", "duplicate", "quoted_intent"}


def _hash(item_id: str) -> str:
    return hashlib.sha256(f"{SALT}:{item_id}".encode()).hexdigest()


def read_source(source: str) -> Iterator[dict[str, Any]]:
    """Yield {id, text, title, published} for every article of one source (needs ../shared)."""
    spec = EVLOC if source == "evloc" else SOURCES[source]
    path = SHARED / spec["path"]
    if not path.exists():
        raise SystemExit(f"{path} is missing: the gold texts live in ../shared beside the repository "
                         "(or where DATELINE_SHARED points)")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if source == "html":
                body = (path.parent / rec["expected_text"]).read_text(encoding="utf-8")
                yield {"id": rec["name"], "text": body, "title": None, "published": None, "url": rec.get("url")}
            else:
                yield {"id": rec["id"], "text": rec["text"], "title": rec.get("title"),
                       "published": rec.get("published")}


def texts(source: str) -> dict[str, dict[str, Any]]:
    return {rec["id"]: rec for rec in read_source(source)}


def make_split() -> dict[str, dict[str, list[str]]]:
    """Take `take` articles of each source in hash order and cut them into a development and a test half."""
    split: dict[str, dict[str, list[str]]] = {}
    for source, spec in SOURCES.items():
        ids = sorted((rec["id"] for rec in read_source(source)), key=_hash)[: spec["take"]]
        split[source] = {"dev": sorted(ids[0::2]), "test": sorted(ids[1::2])}
    return split


# The second blind half, drawn after the first test half had been scored three times: unused articles only, and
# GLOCON's from the test half of the frozen tuning split (gold/tuning_split.json), whose rows are never
# read for error analysis. Its labels are written by annotators and scored once per released model.
# "fresh2" was drawn the same way when "fresh" had been scored twice: its 7 events were too few to measure
# recall, so it leans on GLOCON's protest-dense wire articles. "fresh3" takes the last 30 GLOCON articles of the
# tuning test half, for a model trained after fresh and fresh2 had each been scored more than once.
FRESH_TAKE = {"fresh": {"bbc": 100, "glocon": 40}, "fresh2": {"bbc": 40, "glocon": 60},
              "fresh3": {"bbc": 30, "glocon": 30}}


def make_fresh_half(split: dict[str, dict[str, list[str]]], name: str = "fresh") -> dict[str, list[str]]:
    tuning = json.loads((GOLD / "tuning_split.json").read_text(encoding="utf-8"))
    allowed = {"glocon": set(tuning["glocon_docs_tune"]["test"])}
    fresh: dict[str, list[str]] = {}
    for source, take in FRESH_TAKE[name].items():
        used = {i for ids in split[source].values() for i in ids}
        ids = [i for i in sorted((rec["id"] for rec in read_source(source)), key=_hash)
               if i not in used and (source not in allowed or i in allowed[source])]
        fresh[source] = sorted(ids[:take])
    return fresh


# "dev2": every GLOCON article of the tuning split's development half that no half holds yet (130). The first
# development half has two coded events in its 20 GLOCON articles, so protest wire, the bulk of the later blind
# halves, had no development window; these articles were already read through GLOCON's own dev-half labels, so
# they are development data. GLOCON may not train a shipped model: its labels here are for analysis only.
def make_dev2_half(split: dict[str, dict[str, list[str]]]) -> dict[str, list[str]]:
    tuning = json.loads((GOLD / "tuning_split.json").read_text(encoding="utf-8"))
    used = {i for ids in split["glocon"].values() for i in ids}
    return {"glocon": sorted(i for i in tuning["glocon_docs_tune"]["dev"] if i not in used)}


def load_split() -> dict[str, dict[str, list[str]]]:
    return json.loads(SPLITS.read_text(encoding="utf-8"))


def half_of(source: str, article_id: str) -> str | None:
    if source == "evloc":
        halves = json.loads(EVLOC["split"].read_text(encoding="utf-8"))
        return next((h for h in ("dev", "test") if article_id in set(halves[h])), None)
    for half, ids in load_split()[source].items():
        if article_id in ids:
            return half
    return None


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _normal(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).strip()


def locate(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    """Offsets of `quote` in `text` (exact first; then with quotes, dashes and spaces normalised)."""
    at = text.find(quote, after)
    if at < 0:
        at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    # Same length after translate, so a match in the translated text has the same offsets; spaces may differ.
    pattern = r"\s+".join(re.escape(w) for w in _normal(quote).split(" "))
    found = re.search(pattern, text.translate(_QUOTES))
    if found is None:
        raise ValueError(f"quote not found in the text: {quote[:80]!r}")
    return found.start(), found.end()


def span_digest(text: str) -> str:
    """A short digest of a span's text: labels keep it instead of the words, which may not be copied here."""
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _span(text: str, quote: str) -> dict[str, Any]:
    start, end = locate(text, quote)
    return {"start": start, "end": end, "sha1": span_digest(text[start:end])}


def locate_draft(draft: Path, into: Path = LABELS) -> Path:
    """Turn an annotator's draft (evidence as quotes) into labels with offsets; stop at the first bad quote."""
    out_records = []
    cache: dict[str, dict[str, dict[str, Any]]] = {}
    errors = []
    for n, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        source, art_id = rec["source"], rec["id"]
        if source == "written":
            # Sentences written for dateline are its own text: they carry it, and train only (never scored).
            text, half = rec["text"], "dev"
        else:
            if source not in cache:
                cache[source] = texts(source)
            text = cache[source][art_id]["text"]
            half = half_of(source, art_id)
        if half is None:
            errors.append(f"{draft}:{n}: {art_id} is not in gold/splits.json")
            continue
        try:
            events = []
            for ev in rec.get("events", []):
                quotes = ev["evidence"] if isinstance(ev["evidence"], list) else [ev["evidence"]]
                events.append({**ev, "evidence": [_span(text, q) for q in quotes]})
            not_events = []
            for ne in rec.get("not_events", []):
                if ne.get("reason") not in NOT_EVENT_REASONS:
                    raise ValueError(f"unknown not-event reason {ne.get('reason')!r}")
                not_events.append({**ne, "evidence": _span(text, ne["evidence"])})
        except (ValueError, KeyError) as exc:
            errors.append(f"{draft}:{n} ({art_id}): {exc}")
            continue
        out = {"id": art_id, "source": source, "split": half, "annotator": rec.get("annotator"),
               "text_sha1": hashlib.sha1(text.encode()).hexdigest(),
               "events": events, "not_events": not_events, "comment": rec.get("comment")}
        if source == "written":
            out["text"] = text
            for key in ("title", "published"):
                if rec.get(key):
                    out[key] = rec[key]
        out_records.append(out)
    if errors:
        raise SystemExit("\n".join(errors))
    into.mkdir(parents=True, exist_ok=True)
    target = into / draft.name
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out_records), encoding="utf-8")
    return target


def _label_records(directory: Path) -> dict[str, dict[str, Any]]:
    """Article id -> its label, from every label file of `directory` (the last label of an id wins)."""
    by_id: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                by_id[rec["id"]] = rec
    return by_id


def load_labels(half: str | None = None, sources: set[str] | None = None) -> list[dict[str, Any]]:
    """Every labelled article (optionally of one half and some sources), last label of an id winning."""
    return [r for r in _label_records(LABELS).values()
            if (half is None or r["split"] == half) and (sources is None or r["source"] in sources)]


def _ranges(event: dict[str, Any]) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in event["evidence"]]


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters two sets of ranges share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def one_to_one(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """From (overlap, left index, right index) candidates, one-to-one pairs taken largest overlap first."""
    taken_left: set[int] = set()
    taken_right: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in taken_left and j not in taken_right:
            taken_left.add(i)
            taken_right.add(j)
            out.append((i, j))
    return out


def same_incident(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two coders' events tell one incident: their quotes overlap, or (each quoting another telling of it) they
    give the same sub-type and the same place or date."""
    if overlap(_ranges(a), _ranges(b)) > 0:
        return True
    same_place = bool(a.get("location")) and (a.get("location") or "").lower() == (b.get("location") or "").lower()
    same_day = a.get("event_date") is not None and a.get("event_date") == b.get("event_date")
    return a["sub_event_type"] == b["sub_event_type"] and (same_place or same_day)


def matched_events(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (first index, second index) of events telling the same incident, largest overlap first."""
    return one_to_one([(overlap(_ranges(a), _ranges(b)), i, j) for i, a in enumerate(first)
                       for j, b in enumerate(second) if same_incident(a, b)])


def agreement(first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Event-level agreement of two annotations over the articles both labelled (article id -> label)."""
    ids = sorted(set(first) & set(second))
    n_first = n_second = matched = same_sub = articles_agree = 0
    for art in ids:
        a, b = first[art]["events"], second[art]["events"]
        pairs = matched_events(a, b)
        n_first, n_second, matched = n_first + len(a), n_second + len(b), matched + len(pairs)
        same_sub += sum(a[i]["sub_event_type"] == b[j]["sub_event_type"] for i, j in pairs)
        articles_agree += bool(a) == bool(b)
    return {"articles": len(ids), "events_first": n_first, "events_second": n_second, "matched": matched,
            "f1": round(2 * matched / max(n_first + n_second, 1), 3),
            "same_sub_event_type": same_sub, "articles_agree_on_any_event": articles_agree}


def second_labels(half: str) -> dict[str, dict[str, Any]]:
    """The second annotation of one half: article id -> label."""
    return {i: r for i, r in _label_records(SECOND).items() if r["split"] == half}


def stats() -> str:
    rows = []
    split = load_split()
    labels = load_labels()
    for source, halves in split.items():
        for half, ids in halves.items():
            done = [r for r in labels if r["source"] == source and r["split"] == half]
            n_ev = sum(len(r["events"]) for r in done)
            n_ne = sum(len(r["not_events"]) for r in done)
            with_ev = sum(1 for r in done if r["events"])
            rows.append(f"{source:9} {half:4} labelled {len(done):3}/{len(ids):3}  events {n_ev:4} "
                        f"(in {with_ev} articles)  not-events {n_ne:4}")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return
    cmd = argv[0]
    if cmd == "split":
        if SPLITS.exists():
            raise SystemExit("gold/splits.json exists and is frozen: the test half must never be reshuffled")
        SPLITS.parent.mkdir(parents=True, exist_ok=True)
        SPLITS.write_text(json.dumps(make_split(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {SPLITS}")
    elif cmd == "fresh":
        name = argv[1] if len(argv) > 1 else "fresh"
        if name not in FRESH_TAKE:
            raise SystemExit(f"unknown blind half {name!r}; known: {', '.join(FRESH_TAKE)}")
        split = load_split()
        if any(name in halves for halves in split.values()):
            raise SystemExit(f"gold/splits.json already has a {name} half, and it is frozen")
        for source, ids in make_fresh_half(split, name).items():
            split[source][name] = ids
        SPLITS.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
        print(f"wrote the {name} half into {SPLITS}")
    elif cmd == "dev2":
        split = load_split()
        if any("dev2" in halves for halves in split.values()):
            raise SystemExit("gold/splits.json already has a dev2 half")
        for source, ids in make_dev2_half(split).items():
            split[source]["dev2"] = ids
        SPLITS.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
        print(f"wrote the dev2 half into {SPLITS}")
    elif cmd == "show":
        rec = texts(argv[1])[argv[2]]
        print(f"# {rec['id']}  published={rec.get('published')}  half={half_of(argv[1], argv[2])}")
        if rec.get("title"):
            print(f"# title: {rec['title']}")
        print(rec["text"])
    elif cmd == "locate":
        for name in argv[1:]:
            print(f"wrote {locate_draft(Path(name))}")
    elif cmd == "locate-second":
        for name in argv[1:]:
            print(f"wrote {locate_draft(Path(name), into=SECOND)}")
    elif cmd == "agree":
        half = argv[1] if len(argv) > 1 else "dev"
        second = second_labels(half)
        if not second:
            raise SystemExit(f"no second annotation of the {half} half in {SECOND}")
        first = {r["id"]: r for r in load_labels(half) if r["id"] in second}
        print(json.dumps({"half": half, **agreement(first, second)}))
    elif cmd == "stats":
        print(stats())
    else:
        raise SystemExit(f"unknown command {cmd!r}; see --help")


if __name__ == "__main__":
    main(sys.argv[1:])
